import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { readWebhookEvent, type WebhookEvent } from "../../src/post-back/gitlab-webhook-event.js";
import { eventKey, gitlabWebhookRoute, tokensMatch } from "../../src/post-back/gitlab-webhook-route.js";
import { deliverWebhook, noteEditHook, noteHook, WEBHOOK_SECRET } from "../helpers/gitlab-webhooks.js";

const ISSUE = {
  projectId: 42,
  projectPath: "acme/web",
  iid: 7,
  title: "Checkout",
  gitlabUrl: "https://gl.example",
};
const ANA = { id: 31, name: "Ana Lima", username: "ana" };
const silent = { info() {}, warn() {}, error() {}, debug() {}, child: () => silent } as never;

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(secret: string | undefined) {
  const enqueued: unknown[] = [];
  const route = gitlabWebhookRoute({
    secret,
    store: { listThreadLinksForIssue: async () => [] },
    jobs: {
      enqueue: async (_kind, payload) => {
        enqueued.push(payload);
        return { id: "j", created: true };
      },
    },
    log: silent,
  });
  server = createServer((req, res) => route.handler(req, res));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, enqueued };
}

describe("the GitLab webhook route", () => {
  it("does not exist until GITLAB_WEBHOOK_SECRET is set, and says how to set it", async () => {
    const { url } = await serve(undefined);
    const response = await deliverWebhook(url, noteHook(ISSUE, { id: 1, body: "x", author: ANA }));
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ error: "webhook_not_configured" });
  });

  it("rejects a wrong or missing token", async () => {
    const { url } = await serve(WEBHOOK_SECRET);
    const payload = noteHook(ISSUE, { id: 1, body: "x", author: ANA });
    expect((await deliverWebhook(url, payload, { token: "nope" })).status).toBe(401);
    expect((await deliverWebhook(url, payload, { token: null })).status).toBe(401);
    expect((await deliverWebhook(url, payload, { token: "" })).status).toBe(401);
    expect((await deliverWebhook(url, payload)).status).toBe(200);
  });

  it("answers 400 to a body that is not JSON", async () => {
    const { url } = await serve(WEBHOOK_SECRET);
    const response = await fetch(`${url}/gitlab/webhook`, {
      method: "POST",
      headers: { "x-gitlab-token": WEBHOOK_SECRET },
      body: "{",
    });
    expect(response.status).toBe(400);
  });

  it("compares tokens exactly", () => {
    expect(tokensMatch("abc", "abc")).toBe(true);
    expect(tokensMatch("abc", "abd")).toBe(false);
    expect(tokensMatch("ab", "abc")).toBe(false);
    expect(tokensMatch("", "abc")).toBe(false);
  });
});

describe("which deliveries count as the same event", () => {
  const read = (body: unknown): WebhookEvent => readWebhookEvent(body)!;
  const note = { id: 5, body: "x", author: ANA };

  it("keys a comment by its id, and each edit of it by its id and updated_at", () => {
    const created = eventKey(read(noteHook(ISSUE, note)), "uuid-1");
    const firstEdit = eventKey(read(noteEditHook(ISSUE, note, "2026-11-25 10:05:00 UTC")), "uuid-2");
    const firstEditAgain = eventKey(read(noteEditHook(ISSUE, note, "2026-11-25 10:05:00 UTC")), "uuid-3");
    const secondEdit = eventKey(read(noteEditHook(ISSUE, note, "2026-11-25 10:09:00 UTC")), "uuid-4");
    expect(created).toBe("note:42:5");
    expect(firstEdit).toBe(`note-edit:42:5:${Date.parse("2026-11-25T10:05:00Z")}`);
    expect(firstEditAgain).toBe(firstEdit);
    expect(secondEdit).toBe(`note-edit:42:5:${Date.parse("2026-11-25T10:09:00Z")}`);
  });

  it("falls back to the delivery UUID for an edit without a readable time", () => {
    const edit = read(noteEditHook(ISSUE, note, "yesterday"));
    expect(eventKey(edit, "uuid-9")).toBe("note-edit:42:5:uuid-9");
  });
});
