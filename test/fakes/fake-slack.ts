/**
 * A local fake of the Slack Web API for tests, reached through @slack/web-api's `slackApiUrl`.
 * It keeps Slack's wire behaviour: HTTP 200 with `{ ok:false, error }` for API errors, scopes per
 * method, cursor paging, `x-oauth-scopes`, and HTTP 429 with `Retry-After` when rate limited.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type FakeSocketMode, startFakeSocketMode } from "./fake-socket-mode.js";
import {
  bearerToken,
  MinuteWindow,
  parseBody,
  searchParamsToObject,
  sendJson,
  sendText,
  startServer,
} from "./http-helpers.js";
import {
  type FunctionExecution,
  type FunctionExecutionInput,
  functionExecutions,
  isRunningExecutionToken,
  startFunctionExecution,
} from "./slack-functions.js";
import { type MethodContext, SLACK_METHODS } from "./slack-methods.js";
import { openedViews } from "./slack-methods-views.js";
import { answerResponseUrl, RESPONSE_URL_PATH } from "./slack-response-urls.js";
import type { WorkspaceInfo } from "./slack-shapes.js";
import {
  type Ephemeral,
  type FakeSlackChannelInput,
  type FakeSlackUserInput,
  type PostInput,
  type Reaction,
  type SlackMessage,
  SlackWorkspace,
} from "./slack-state.js";

export type { FunctionDefinition, FunctionExecution } from "./slack-functions.js";
export type { FakeChannelKind, FakeSlackChannelInput, FakeSlackUserInput, PostInput } from "./slack-state.js";

export const DEFAULT_SLACK_SCOPES = [
  "channels:history",
  "groups:history",
  "im:history",
  "mpim:history",
  "channels:read",
  "groups:read",
  "im:read",
  "mpim:read",
  "users:read",
  "chat:write",
  "reactions:write",
  "reactions:read",
  "commands",
  "links:read",
  "links:write",
  "app_mentions:read",
] as const;

export interface FakeSlackOptions {
  botToken?: string;
  /** App-level token (xapp-…); when set, apps.connections.open hands out a local Socket Mode URL. */
  appToken?: string;
  scopes?: string[];
  /** Most messages one conversations.replies page returns (15 for non-Marketplace apps). */
  pageSizeMax?: number;
  team?: { id: string; domain: string };
  botUserId?: string;
  botId?: string;
  appId?: string;
  botName?: string;
  /** Seconds of the first generated ts (default 1732550400). */
  baseTs?: number;
  /** Clock for time zone labels/offsets (DST depends on it). */
  now?: () => Date;
  /** Calls per minute per method before HTTP 429, e.g. `{ "conversations.replies": 1 }`. */
  rateLimits?: Record<string, number>;
  /**
   * Start every later conversations.replies page with the parent again (default true). Slack has been
   * seen doing this, so readers must de-duplicate by ts; turn off to get plain slices.
   */
  repeatParentOnEachPage?: boolean;
}

export type SlackFault = { error: string } | { status: 429; retryAfter: number } | { status: 500 };

export interface RecordedSlackCall {
  method: string;
  params: Record<string, unknown>;
  token?: string;
}

export interface FakeSlack {
  /** Base URL ending in "/api/", for `slackApiUrl`/`SLACK_API_URL`. */
  url: string;
  /** The Socket Mode endpoint, when the fake was started with an appToken. */
  socketMode?: FakeSocketMode;
  close(): Promise<void>;
  addUser(user: FakeSlackUserInput): void;
  addChannel(channel: FakeSlackChannelInput): void;
  setBotMember(channel: string, member: boolean): void;
  /** Seeds a message (a reply when thread_ts is set) and returns its ts. */
  post(channel: string, message: PostInput): string;
  messagesIn(channel: string): SlackMessage[];
  threadReplies(channel: string, threadTs: string): SlackMessage[];
  setScopes(scopes: string[]): void;
  /** Moves Slack's clock on: the next messages get timestamps that many seconds later. */
  advance(seconds: number): void;
  failNext(method: string, fault: SlackFault, times?: number): void;
  readonly calls: RecordedSlackCall[];
  callsTo(method: string): RecordedSlackCall[];
  clearCalls(): void;
  /** Messages the bot wrote with chat.postMessage, each with its channel. */
  postedMessages(): (SlackMessage & { channel: string })[];
  ephemerals(): Ephemeral[];
  reactions(): Reaction[];
  /** Modals as Slack holds them now (after views.open and views.update), oldest first, with id and hash. */
  openViews(): Record<string, unknown>[];
  /**
   * Starts a custom function execution (a Workflow Builder step) and returns the `function_executed` event
   * Slack sends for it; its bot_access_token is accepted until functions.completeSuccess/completeError.
   */
  executeFunction(input: FunctionExecutionInput): Record<string, unknown>;
  /** Every execution with its state, outputs or error. */
  functionExecutions(): FunctionExecution[];
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const botToken = options.botToken ?? "xoxb-test-token";
  let scopes = new Set<string>(options.scopes ?? DEFAULT_SLACK_SCOPES);
  const team = options.team ?? { id: "T0001", domain: "acme" };
  const baseTs = options.baseTs ?? 1_732_550_400;
  const now = options.now ?? (() => new Date());
  const info: WorkspaceInfo = {
    teamId: team.id,
    domain: team.domain,
    botId: options.botId ?? "BBOT",
    botUserId: options.botUserId ?? "UBOT",
    appId: options.appId ?? "A0001",
    botName: options.botName ?? "threadport",
    epoch: baseTs,
  };
  const ws = new SlackWorkspace(baseTs, team.id);
  const socketMode = options.appToken ? await startFakeSocketMode(info.appId) : undefined;
  const calls: RecordedSlackCall[] = [];
  const faults = new Map<string, SlackFault[]>();
  const window = new MinuteWindow();

  function takeFault(method: string): SlackFault | undefined {
    const queue = faults.get(method);
    return queue?.shift();
  }

  /** Works out Slack's answer to one request; handle() sends it. */
  function answer(req: IncomingMessage, raw: string): Reply {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (RESPONSE_URL_PATH.test(url.pathname)) return answerResponseUrl(url.pathname, req, raw, calls);
    const match = /^\/api\/([A-Za-z0-9_.]+)$/.exec(url.pathname);
    if (!match) return { status: 404, body: "Not Found" };
    const method = match[1]!;
    const params = { ...searchParamsToObject(url.searchParams), ...parseBody(req, raw) };
    const token = bearerToken(req) ?? (typeof params.token === "string" ? params.token : undefined);
    delete params.token;
    calls.push({ method, params, ...(token ? { token } : {}) });

    const fault = takeFault(method);
    if (fault && "status" in fault)
      return fault.status === 429 ? rateLimited(fault.retryAfter) : SERVER_ERROR;
    const limit = options.rateLimits?.[method];
    const wait = limit === undefined ? 0 : window.take(method, limit);
    if (wait > 0) return rateLimited(wait);

    // The only method that takes the app-level token, not the bot token.
    if (method === "apps.connections.open") {
      if (!token) return ok200({ ok: false, error: "not_authed" });
      if (!socketMode || token !== options.appToken) return ok200({ ok: false, error: "invalid_auth" });
      return ok200({ ok: true, url: socketMode.url });
    }
    const handler = SLACK_METHODS[method];
    if (!handler) return ok200({ ok: false, error: "unknown_method", req_method: method });
    if (!token) return ok200({ ok: false, error: "not_authed" });
    // A step's bot_access_token (xwfp-…) acts as the bot while its execution runs.
    if (token !== botToken && !isRunningExecutionToken(ws, token))
      return ok200({ ok: false, error: token.startsWith("xwfp-") ? "token_expired" : "invalid_auth" });

    const scopeHeader = { "x-oauth-scopes": [...scopes].join(",") };
    if (fault) return ok200({ ok: false, error: fault.error }, scopeHeader);
    const ctx: MethodContext = {
      ws,
      info,
      params,
      scopes,
      pageSizeMax: options.pageSizeMax ?? 15,
      repeatParentOnEachPage: options.repeatParentOnEachPage ?? true,
      now: now(),
      accepted: [],
    };
    const body = handler(ctx);
    return ok200(body, { ...scopeHeader, "x-accepted-oauth-scopes": ctx.accepted.join(",") });
  }

  function handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const reply = answer(req, raw);
    if (typeof reply.body === "string") sendText(res, reply.status, reply.body, reply.headers);
    else sendJson(res, reply.status, reply.body, reply.headers);
  }

  const server = await startServer(handle);

  return {
    url: `${server.origin}/api/`,
    socketMode,
    async close() {
      await socketMode?.close();
      await server.close();
    },
    addUser: (user) => ws.addUser(user),
    addChannel: (channel) => ws.addChannel(channel),
    setBotMember: (channel, member) => ws.setBotMember(channel, member),
    post(channel, input) {
      if (input.user && !input.subtype && !ws.users.has(input.user)) {
        throw new Error(`fake Slack: unknown user ${input.user}; call addUser first`);
      }
      return ws.store(channel, ws.buildSeeded(input)).ts;
    },
    messagesIn: (channel) => structuredClone(ws.messagesIn(channel)),
    threadReplies: (channel, threadTs) => structuredClone(ws.threadOf(channel, threadTs) ?? []),
    setScopes(next) {
      scopes = new Set(next);
    },
    advance: (seconds) => ws.advance(seconds),
    failNext(method, fault, times = 1) {
      const queue = faults.get(method) ?? [];
      for (let i = 0; i < times; i += 1) queue.push(fault);
      faults.set(method, queue);
    },
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    clearCalls() {
      calls.length = 0;
    },
    postedMessages() {
      const out: (SlackMessage & { channel: string })[] = [];
      for (const channel of ws.channels.keys()) {
        for (const m of ws.messagesIn(channel)) {
          if (m.bot_id === info.botId && m.user === info.botUserId)
            out.push({ ...structuredClone(m), channel });
        }
      }
      return out.sort((a, b) => Number(a.ts) - Number(b.ts));
    },
    ephemerals: () => structuredClone(ws.ephemerals),
    openViews: () => structuredClone(openedViews(ws)),
    reactions: () => structuredClone(ws.reactions),
    executeFunction: (input) => startFunctionExecution(ws, info, input).event,
    functionExecutions: () => functionExecutions(ws),
  };
}

interface Reply {
  status: number;
  /** A string goes out as text/plain, anything else as JSON. */
  body: unknown;
  headers?: Record<string, string>;
}

const SERVER_ERROR: Reply = { status: 500, body: "Internal Server Error" };

/** Slack answers API errors with HTTP 200 too; only rate limits and outages change the status. */
function ok200(body: unknown, headers: Record<string, string> = {}): Reply {
  return { status: 200, body, headers };
}

function rateLimited(retryAfter: number): Reply {
  return {
    status: 429,
    body: { ok: false, error: "ratelimited" },
    headers: { "retry-after": String(retryAfter) },
  };
}
