/**
 * POST /gitlab/webhook (a Bolt custom route in HTTP mode): GitLab's Note Hook and Issue Hook events for
 * issues linked to Slack threads become post-back jobs. The X-Gitlab-Token header must equal
 * GITLAB_WEBHOOK_SECRET (compared in constant time); without a configured secret the route does not exist.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CustomRoute } from "@slack/bolt";
import type { JobQueue } from "../jobs/job-queue.js";
import type { Store } from "../store/store.js";
import type { Log } from "../util/logger.js";
import { readWebhookEvent, type WebhookEvent } from "./gitlab-webhook-event.js";
import { enqueuePostBack } from "./post-back-job.js";

export const GITLAB_WEBHOOK_PATH = "/gitlab/webhook";
/** GitLab's payloads for issues with long descriptions are large, but not this large. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface WebhookRouteDeps {
  secret: string | undefined;
  store: Pick<Store, "listThreadLinksForIssue">;
  jobs: Pick<JobQueue, "enqueue">;
  log: Log;
}

/** Compares in time independent of where the strings differ (hashing first evens out their lengths). */
export function tokensMatch(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

export function gitlabWebhookRoute(deps: WebhookRouteDeps): CustomRoute {
  return {
    path: GITLAB_WEBHOOK_PATH,
    method: ["POST"],
    handler: (req, res) => {
      handle(req, res, deps).catch((error: unknown) => {
        deps.log.error({ err: error }, "GitLab webhook: could not queue the event");
        // 5xx makes GitLab deliver the event again later.
        answer(res, 503, { ok: false, error: "temporarily_unavailable" });
      });
    },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: WebhookRouteDeps): Promise<void> {
  if (!deps.secret) {
    req.resume();
    answer(res, 404, {
      ok: false,
      error: "webhook_not_configured",
      fix: "set GITLAB_WEBHOOK_SECRET and use the same value as the webhook's secret token in GitLab",
    });
    return;
  }
  const token = req.headers["x-gitlab-token"];
  if (typeof token !== "string" || !tokensMatch(token, deps.secret)) {
    req.resume();
    deps.log.warn({ hasToken: typeof token === "string" }, "GitLab webhook: wrong or missing X-Gitlab-Token");
    answer(res, 401, { ok: false, error: "invalid_token" });
    return;
  }
  const raw = await readBody(req);
  if (raw === undefined) {
    answer(res, 413, { ok: false, error: "too_large" });
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    answer(res, 400, { ok: false, error: "invalid_json" });
    return;
  }
  const event = readWebhookEvent(body);
  if (!event) {
    answer(res, 200, { ok: true, queued: 0, ignored: true });
    return;
  }
  const links = await deps.store.listThreadLinksForIssue(event.projectId, event.issueIid);
  const uuid = req.headers["x-gitlab-event-uuid"];
  const key = eventKey(event, typeof uuid === "string" ? uuid : undefined);
  const { created } = await enqueuePostBack(deps.jobs as JobQueue, event, links, key);
  deps.log.info(
    { kind: event.kind, project: event.projectId, issue: event.issueIid, threads: links.length, created },
    "GitLab webhook received",
  );
  answer(res, 200, { ok: true, queued: created });
}

/**
 * A note is the same event however often it is delivered, and so is each edit of it (told apart by its
 * updated_at); an issue event is its delivery UUID.
 */
export function eventKey(event: WebhookEvent, uuid: string | undefined): string {
  if (event.kind === "note" && event.edited) {
    const edit = event.updatedAt ? String(event.updatedAt) : (uuid ?? "unknown");
    return `note-edit:${event.projectId}:${event.noteId}:${edit}`;
  }
  if (event.kind === "note") return `note:${event.projectId}:${event.noteId}`;
  if (uuid) return `issue-event:${uuid}`;
  const changes = event.changes.map((c) => c.type).join(",");
  return `issue:${event.projectId}:${event.issueIid}:${event.updatedAt}:${changes}`;
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function answer(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
