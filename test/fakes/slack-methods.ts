/** Web API methods of the fake Slack: each takes the call's params and returns Slack's JSON body. */
import { FUNCTION_METHODS } from "./slack-functions.js";
import { SURFACE_METHODS } from "./slack-methods-surfaces.js";
import { VIEW_METHODS } from "./slack-methods-views.js";
import { withReactions } from "./slack-reactions.js";
import { botProfile, conversationObject, permalink, userObject, type WorkspaceInfo } from "./slack-shapes.js";
import type { FakeChannel, FakeChannelKind, SlackMessage, SlackWorkspace } from "./slack-state.js";

export interface MethodContext {
  ws: SlackWorkspace;
  info: WorkspaceInfo;
  params: Record<string, unknown>;
  scopes: ReadonlySet<string>;
  pageSizeMax: number;
  repeatParentOnEachPage: boolean;
  now: Date;
  /** Scopes the method accepts; sent back in x-accepted-oauth-scopes. */
  accepted: string[];
}

export type MethodResult = Record<string, unknown>;
type MethodHandler = (ctx: MethodContext) => MethodResult;

const HISTORY_SCOPE: Record<FakeChannelKind, string> = {
  public: "channels:history",
  private: "groups:history",
  im: "im:history",
  mpim: "mpim:history",
};
const READ_SCOPE: Record<FakeChannelKind, string> = {
  public: "channels:read",
  private: "groups:read",
  im: "im:read",
  mpim: "mpim:read",
};
/** Slack truncates longer text; chat.postMessage refuses it with msg_too_long. */
const MAX_TEXT = 40_000;

function fail(error: string, extra: Record<string, unknown> = {}): MethodResult {
  return { ok: false, error, ...extra };
}

function needScope(ctx: MethodContext, scope: string): MethodResult | undefined {
  ctx.accepted = [scope];
  if (ctx.scopes.has(scope)) return undefined;
  return fail("missing_scope", { needed: scope, provided: [...ctx.scopes].join(",") });
}

function param(ctx: MethodContext, name: string): string | undefined {
  const value = ctx.params[name];
  if (typeof value === "string") return value.length > 0 ? value : undefined;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** Blocks arrive JSON-encoded in form bodies and as arrays in JSON bodies. */
function jsonParam(ctx: MethodContext, name: string): unknown {
  const value = ctx.params[name];
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

type Reach = { channel: FakeChannel } | { error: MethodResult };

/** Finds a conversation the bot may act in; outsiders get not_in_channel (public) or channel_not_found. */
function reach(
  ctx: MethodContext,
  scopeFor: Record<FakeChannelKind, string> | null,
  publicReadable: boolean,
): Reach {
  const id = param(ctx, "channel");
  const channel = id ? ctx.ws.channels.get(id) : undefined;
  if (!channel) return { error: fail("channel_not_found") };
  const missing = scopeFor ? needScope(ctx, scopeFor[channel.kind]) : undefined;
  if (missing) return { error: missing };
  if (channel.botIsMember || (publicReadable && channel.kind === "public")) return { channel };
  return { error: fail(channel.kind === "public" ? "not_in_channel" : "channel_not_found") };
}

function encodeCursor(ts: string): string {
  return Buffer.from(`next_ts:${ts}`).toString("base64");
}

function decodeCursor(cursor: string): string | undefined {
  const decoded = Buffer.from(cursor, "base64").toString("utf8");
  return /^next_ts:\d+\.\d+$/.test(decoded) ? decoded.slice("next_ts:".length) : undefined;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

const authTest: MethodHandler = (ctx) => ({
  ok: true,
  url: `https://${ctx.info.domain}.slack.com/`,
  team: ctx.info.domain.charAt(0).toUpperCase() + ctx.info.domain.slice(1),
  user: ctx.info.botName,
  team_id: ctx.info.teamId,
  user_id: ctx.info.botUserId,
  bot_id: ctx.info.botId,
  is_enterprise_install: false,
});

const conversationsReplies: MethodHandler = (ctx) => {
  const found = reach(ctx, HISTORY_SCOPE, false);
  if ("error" in found) return found.error;
  const ts = param(ctx, "ts");
  const thread = ts ? ctx.ws.threadOf(found.channel.id, ts) : undefined;
  if (!thread) return fail("thread_not_found");
  const requested = Number(param(ctx, "limit") ?? "0");
  const pageSize = Math.min(requested > 0 ? Math.floor(requested) : 1000, ctx.pageSizeMax);
  let start = 0;
  const cursor = param(ctx, "cursor");
  if (cursor) {
    const cursorTs = decodeCursor(cursor);
    start = cursorTs ? thread.findIndex((m) => m.ts === cursorTs) : -1;
    if (start <= 0) return fail("invalid_cursor");
  }
  // Later pages start with the parent again when repeatParentOnEachPage is set (see fake-slack.ts).
  const withParent = start > 0 && ctx.repeatParentOnEachPage;
  const take = withParent ? Math.max(1, pageSize - 1) : pageSize;
  const page = thread.slice(start, start + take);
  const next = thread[start + take];
  return {
    ok: true,
    messages: withReactions(
      clone(withParent ? [thread[0]!, ...page] : page),
      found.channel.id,
      ctx.ws.reactions,
    ),
    has_more: next !== undefined,
    response_metadata: { next_cursor: next ? encodeCursor(next.ts) : "" },
  };
};

const conversationsInfo: MethodHandler = (ctx) => {
  const found = reach(ctx, READ_SCOPE, true);
  if ("error" in found) return found.error;
  return { ok: true, channel: conversationObject(found.channel, ctx.info) };
};

const usersInfo: MethodHandler = (ctx) => {
  const missing = needScope(ctx, "users:read");
  if (missing) return missing;
  const id = param(ctx, "user");
  const user = id ? ctx.ws.users.get(id) : undefined;
  if (!user) return fail("user_not_found");
  return { ok: true, user: userObject(user, ctx.info, ctx.now) };
};

const chatGetPermalink: MethodHandler = (ctx) => {
  ctx.accepted = [];
  const found = reach(ctx, null, true);
  if ("error" in found) return found.error;
  const ts = param(ctx, "message_ts");
  const message = ts ? ctx.ws.find(found.channel.id, ts) : undefined;
  if (!message) return fail("message_not_found");
  return {
    ok: true,
    channel: found.channel.id,
    permalink: permalink(ctx.info, found.channel.id, message.ts, message.thread_ts),
  };
};

/** chat:write reaches channels the bot is in; chat:write.public also reaches other public channels. */
function reachForWriting(ctx: MethodContext): Reach {
  const missing = needScope(ctx, "chat:write");
  if (missing) return { error: missing };
  openAppDirectMessage(ctx);
  return reach(ctx, null, ctx.scopes.has("chat:write.public"));
}

/** Like Slack, a user id as `channel` means the app's direct message with that user (its Messages tab). */
function openAppDirectMessage(ctx: MethodContext): void {
  const id = param(ctx, "channel");
  if (!id || !/^[UW]/.test(id) || !ctx.ws.users.has(id)) return;
  const dm = `D${id.slice(1)}`;
  if (!ctx.ws.channels.has(dm))
    ctx.ws.addChannel({ id: dm, name: dm, kind: "im", user: id, botIsMember: true });
  ctx.params.channel = dm;
}

function messageContent(ctx: MethodContext): { text: string; blocks?: unknown } | { error: MethodResult } {
  const text = param(ctx, "text");
  const blocks = jsonParam(ctx, "blocks");
  const attachments = jsonParam(ctx, "attachments");
  if (!text && !blocks && !attachments) return { error: fail("no_text") };
  if (text && text.length > MAX_TEXT) return { error: fail("msg_too_long") };
  return { text: text ?? "", ...(blocks ? { blocks } : {}) };
}

const chatPostMessage: MethodHandler = (ctx) => {
  const found = reachForWriting(ctx);
  if ("error" in found) return found.error;
  const content = messageContent(ctx);
  if ("error" in content) return content.error;
  const message: SlackMessage = {
    user: ctx.info.botUserId,
    type: "message",
    ts: ctx.ws.nextTs(),
    bot_id: ctx.info.botId,
    app_id: ctx.info.appId,
    text: content.text,
    team: ctx.info.teamId,
    bot_profile: botProfile(ctx.info),
  };
  if (content.blocks) message.blocks = content.blocks as unknown[];
  const threadTs = param(ctx, "thread_ts");
  if (threadTs) message.thread_ts = threadTs;
  const stored = ctx.ws.store(found.channel.id, message);
  return { ok: true, channel: found.channel.id, ts: stored.ts, message: clone(stored) };
};

const chatPostEphemeral: MethodHandler = (ctx) => {
  const found = reachForWriting(ctx);
  if ("error" in found) return found.error;
  const user = param(ctx, "user");
  if (!user || !ctx.ws.users.has(user)) return fail("user_not_found");
  const content = messageContent(ctx);
  if ("error" in content) return content.error;
  const messageTs = ctx.ws.nextTs();
  const threadTs = param(ctx, "thread_ts");
  ctx.ws.ephemerals.push({
    channel: found.channel.id,
    user,
    text: content.text,
    message_ts: messageTs,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    ...(content.blocks ? { blocks: content.blocks } : {}),
  });
  return { ok: true, message_ts: messageTs };
};

const reactionsAdd: MethodHandler = (ctx) => {
  const missing = needScope(ctx, "reactions:write");
  if (missing) return missing;
  const name = param(ctx, "name")?.replace(/^:|:$/g, "");
  const timestamp = param(ctx, "timestamp");
  if (!param(ctx, "channel") || !timestamp) return fail("no_item_specified");
  if (!name || !/^[a-z0-9_+'-]+(::skin-tone-[2-6])?$/.test(name)) return fail("invalid_name");
  const found = reach(ctx, null, false);
  if ("error" in found) return found.error;
  if (!ctx.ws.find(found.channel.id, timestamp)) return fail("message_not_found");
  const reactions = ctx.ws.reactions;
  const me = ctx.info.botUserId;
  const same = (r: (typeof reactions)[number]) =>
    r.channel === found.channel.id && r.ts === timestamp && r.name === name && r.user === me;
  if (reactions.some(same)) return fail("already_reacted");
  reactions.push({ channel: found.channel.id, ts: timestamp, name, user: me });
  return { ok: true };
};

export const SLACK_METHODS: Record<string, MethodHandler> = {
  "auth.test": authTest,
  "conversations.replies": conversationsReplies,
  "conversations.info": conversationsInfo,
  "users.info": usersInfo,
  "chat.getPermalink": chatGetPermalink,
  "chat.postMessage": chatPostMessage,
  "chat.postEphemeral": chatPostEphemeral,
  "reactions.add": reactionsAdd,
  ...VIEW_METHODS,
  ...SURFACE_METHODS,
  ...FUNCTION_METHODS,
};
