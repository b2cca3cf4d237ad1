import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { gitlabWebhookRoute, tokensMatch } from "../../src/post-back/gitlab-webhook-route.js";
import { deliverWebhook, noteHook, WEBHOOK_SECRET } from "../helpers/gitlab-webhooks.js";

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
