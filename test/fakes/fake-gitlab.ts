/**
 * A local fake of GitLab's REST API v4 for tests, reached through @gitbeaker/rest's `host`.
 * It keeps GitLab's status codes and bodies (401/403/404/400), offset pagination headers, quick
 * actions in descriptions and notes, and records mentions so tests can prove nothing pinged.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type RouteRequest, type RouteResponse, UNAUTHORIZED } from "./gitlab-api-common.js";
import { type Chaos, type Interception, Interceptors, type RequestMatch } from "./gitlab-interceptors.js";
import { route } from "./gitlab-routes.js";
import {
  type FakeGitLabUser,
  type FakeProjectInput,
  GitLabState,
  type MentionRecord,
  type QuickActionRecord,
  type StoredIssue,
  type StoredNote,
} from "./gitlab-state.js";
import { bearerToken, MinuteWindow, parseBody, sendJson, sendText, startServer } from "./http-helpers.js";

export type { FakeGitLabUser, FakeProjectInput, MentionRecord, QuickActionRecord } from "./gitlab-state.js";
export { ACCESS } from "./gitlab-state.js";

export interface FakeGitLabOptions {
  /** Clock for created_at/updated_at. */
  now?: () => Date;
  /** Authenticated requests per minute per token before 429 (GitLab.com: 2,000). Off by default. */
  requestsPerMinute?: number;
}

export interface GitLabFault {
  status: number;
  /** Object → JSON, string → text/plain. Defaults follow GitLab (429: "Retry later"). */
  body?: unknown;
  retryAfter?: number;
}

export interface RecordedGitLabRequest {
  method: string;
  /** Path as sent, e.g. "/api/v4/projects/acme%2Fweb/issues". */
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown>;
  token?: string;
  status: number;
  /** Epoch ms when the request arrived. */
  at: number;
}

export interface FakeGitLab {
  /** Host for `new Gitlab({ host })` / GITLAB_URL, e.g. "http://127.0.0.1:41234". */
  url: string;
  close(): Promise<void>;
  addUser(user: FakeGitLabUser): void;
  addToken(token: string, userId: number): void;
  addProject(project: FakeProjectInput): void;
  /** Issues of a project, oldest first, as stored (after quick actions). */
  issues(projectId: number): StoredIssue[];
  /** Notes of an issue, oldest first. */
  notes(projectId: number, iid: number): StoredNote[];
  readonly requests: RecordedGitLabRequest[];
  readonly quickActionsRun: QuickActionRecord[];
  readonly mentions: MentionRecord[];
  failNext(match: { method?: string; pathIncludes?: string }, fault: GitLabFault, times?: number): void;
  /** While down, every request gets 503. */
  setDown(down: boolean): void;
  /** Lets the next matching request through, then answers late, wrongly or never (gitlab-interceptors.ts). */
  interceptNext(match: RequestMatch, interception: Interception, times?: number): void;
  /** Decides per request whether to fail before or after doing the work; undefined turns it off. */
  setChaos(chaos: Chaos | undefined): void;
}

interface QueuedFault {
  match: { method?: string; pathIncludes?: string };
  fault: GitLabFault;
  left: number;
}

export async function startFakeGitLab(options: FakeGitLabOptions = {}): Promise<FakeGitLab> {
  const state = new GitLabState(options.now ?? (() => new Date()));
  const requests: RecordedGitLabRequest[] = [];
  const faults: QueuedFault[] = [];
  const window = new MinuteWindow();
  const interceptors = new Interceptors();
  let down = false;
  let origin = "";

  function takeFault(method: string, path: string): GitLabFault | undefined {
    const queued = faults.find(
      (f) =>
        f.left > 0 &&
        (!f.match.method || f.match.method.toUpperCase() === method) &&
        (!f.match.pathIncludes || path.includes(f.match.pathIncludes)),
    );
    if (!queued) return undefined;
    queued.left -= 1;
    return queued.fault;
  }

  async function handle(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    const url = new URL(req.url ?? "/", origin);
    const method = (req.method ?? "GET").toUpperCase();
    const body = parseBody(req, raw);
    const token = tokenOf(req, url);
    const record: RecordedGitLabRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      ...(token ? { token } : {}),
      status: 0,
      at: Date.now(),
    };
    requests.push(record);
    const chaos = down ? undefined : interceptors.chaos?.(method, url.pathname);
    const interception = down || chaos ? undefined : interceptors.take(method, url.pathname);
    let reply =
      chaos && "failBefore" in chaos ? faultResponse(chaos.failBefore) : answer(url, method, body, token);
    if (chaos && "failAfter" in chaos) reply = faultResponse(chaos.failAfter);
    if (interception?.thenFail) reply = faultResponse(interception.thenFail);
    if (interception?.hang) return;
    if (interception?.delayMs) await new Promise((resolve) => setTimeout(resolve, interception.delayMs));
    record.status = reply.status;
    if (typeof reply.body === "string") sendText(res, reply.status, reply.body, reply.headers);
    else sendJson(res, reply.status, reply.body, reply.headers);
  }

  function answer(url: URL, method: string, body: Record<string, unknown>, token?: string): RouteResponse {
    if (down) return { status: 503, body: "503 Service Unavailable\n" };
    const fault = takeFault(method, url.pathname);
    if (fault) return faultResponse(fault);
    if (!url.pathname.startsWith("/api/v4/")) return { status: 404, body: { error: "404 Not Found" } };
    const userId = token === undefined ? undefined : state.tokens.get(token);
    // GitLab refuses a bad token even on routes that anonymous callers may use.
    if (token !== undefined && userId === undefined) return UNAUTHORIZED;
    if (token !== undefined && options.requestsPerMinute !== undefined) {
      const wait = window.take(token, options.requestsPerMinute);
      if (wait > 0) return faultResponse({ status: 429, retryAfter: wait });
    }
    const rawPath = url.pathname;
    const segments = rawPath.slice("/api/v4/".length).split("/").filter(Boolean).map(decodeURIComponent);
    const routeReq: RouteRequest = {
      method,
      segments,
      rawPath,
      query: url.searchParams,
      body,
      userId,
      origin,
    };
    return route(state, routeReq);
  }

  const server = await startServer(handle);
  origin = server.origin;

  return {
    url: origin,
    close: () => server.close(),
    addUser: (user) => state.addUser(user),
    addToken: (token, userId) => state.addToken(token, userId),
    addProject: (project) => state.addProject(project),
    issues: (projectId) => structuredClone(state.issuesOf(projectId)),
    notes(projectId, iid) {
      const issue = state.findIssue(projectId, iid);
      return issue ? structuredClone(state.notesOf(issue)) : [];
    },
    requests,
    quickActionsRun: state.quickActionsRun,
    mentions: state.mentions,
    failNext(match, fault, times = 1) {
      faults.push({ match, fault, left: times });
    },
    setDown(value) {
      down = value;
    },
    interceptNext(match, interception, times = 1) {
      interceptors.add(match, interception, times);
    },
    setChaos(chaos) {
      interceptors.chaos = chaos;
    },
  };
}

/** PRIVATE-TOKEN header, Bearer token, or the private_token/access_token query parameters. */
function tokenOf(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers["private-token"];
  if (typeof header === "string" && header) return header;
  return (
    bearerToken(req) ??
    url.searchParams.get("private_token") ??
    url.searchParams.get("access_token") ??
    undefined
  );
}

function faultResponse(fault: GitLabFault): RouteResponse {
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined || fault.status === 429) {
    const retryAfter = String(fault.retryAfter ?? 60);
    headers["retry-after"] = retryAfter;
    headers["ratelimit-name"] = "throttle_authenticated_api";
    headers["ratelimit-limit"] = "2000";
    headers["ratelimit-observed"] = "2001";
    headers["ratelimit-remaining"] = "0";
    headers["ratelimit-reset"] = String(Math.floor(Date.now() / 1000) + Number(retryAfter));
  }
  // Rack::Attack answers throttled requests with a plain-text "Retry later".
  const fallback =
    fault.status === 429 ? "Retry later\n" : { message: `${fault.status} ${statusText(fault.status)}` };
  return { status: fault.status, body: fault.body ?? fallback, headers };
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    422: "Unprocessable Entity",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
  };
  return texts[status] ?? "Error";
}
