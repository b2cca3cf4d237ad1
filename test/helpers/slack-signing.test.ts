import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { isValidSlackRequest } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventEnvelope, postSignedToBot, reactionAddedEvent, signSlackRequest } from "./slack-signing.js";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

let server: Server;
let baseUrl: string;
let seen: { url?: string; headers?: IncomingHttpHeaders; body?: string };

/** A stand-in bot that checks signatures with Bolt's own verifier. */
beforeEach(async () => {
  seen = {};
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      seen = { url: req.url, headers: req.headers, body };
      const valid = isValidSlackRequest({
        signingSecret: SECRET,
        body,
        headers: {
          "x-slack-signature": String(req.headers["x-slack-signature"]),
          "x-slack-request-timestamp": Number(req.headers["x-slack-request-timestamp"]),
        },
      });
      res.writeHead(valid ? 200 : 401).end(valid ? "ok" : "invalid");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("slack signing helpers", () => {
  it("matches the signature of Slack's documented example", () => {
    const body =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    expect(signSlackRequest(SECRET, body, 1531420618)).toEqual({
      "x-slack-signature": "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
      "x-slack-request-timestamp": "1531420618",
    });
  });

  it("posts a signed event that Bolt's verifier accepts, to /slack/events by default", async () => {
    const body = JSON.stringify(
      eventEnvelope(
        reactionAddedEvent({ user: "U1", reaction: "x", channel: "C1", ts: "1.000100", itemUser: "U2" }),
      ),
    );
    const response = await postSignedToBot(baseUrl, SECRET, body, { retryNum: 1 });
    expect(response).toMatchObject({ status: 200, text: "ok" });
    expect(seen.url).toBe("/slack/events");
    expect(seen.headers).toMatchObject({ "content-type": "application/json", "x-slack-retry-num": "1" });
  });

  it("produces requests the verifier rejects when tampered with or too old", async () => {
    expect((await postSignedToBot(baseUrl, SECRET, "{}", { tamper: true })).status).toBe(401);
    expect((await postSignedToBot(baseUrl, SECRET, "{}", { tamper: "signature" })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 600;
    expect((await postSignedToBot(baseUrl, SECRET, "{}", { timestamp: stale })).status).toBe(401);
    const form = await postSignedToBot(`${baseUrl}/slack/commands`, SECRET, "command=%2Fport", {
      contentType: "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(200);
    expect(seen.url).toBe("/slack/commands");
  });

  it("builds a real event_callback envelope around a reaction_added event", () => {
    const event = reactionAddedEvent({
      user: "U1",
      reaction: "ticket",
      channel: "C1",
      ts: "1.000100",
      itemUser: "U2",
    });
    expect(event).toMatchObject({
      type: "reaction_added",
      user: "U1",
      reaction: "ticket",
      item_user: "U2",
      item: { type: "message", channel: "C1", ts: "1.000100" },
    });
    const envelope = eventEnvelope(event, { teamId: "T9", eventId: "Ev9", apiAppId: "A9" });
    expect(envelope).toMatchObject({
      type: "event_callback",
      team_id: "T9",
      api_app_id: "A9",
      event_id: "Ev9",
      event,
      authorizations: [{ team_id: "T9", user_id: "UBOT", is_bot: true }],
    });
  });
});
