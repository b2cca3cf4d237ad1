/** Requests that do not come from Slack are refused before anything is read or written. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, seedPeopleAndChannels } from "../helpers/conversations.js";
import { eventEnvelope, postSignedToBot, reactionAddedEvent } from "../helpers/slack-signing.js";
import { startWorld, type World } from "../helpers/world.js";

describe("request signatures", () => {
  let world: World;
  let body: string;
  beforeAll(async () => {
    world = await startWorld({ seed: (slack) => seedPeopleAndChannels(slack) });
    const ts = world.slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "hello" });
    body = JSON.stringify(
      eventEnvelope(
        reactionAddedEvent({
          user: "U_ALICE",
          reaction: "memo",
          channel: CHANNELS.public.id,
          ts,
          itemUser: "U_ALICE",
        }),
        {
          eventId: "EvSIGNED",
        },
      ),
    );
  });
  afterAll(async () => {
    await world?.close();
  });

  it.each([
    ["a signature made with another secret", () => postSignedToBot(world.bot.url, "not-the-secret", body)],
    [
      "a tampered body",
      () => postSignedToBot(world.bot.url, world.bot.signingSecret, body, { tamper: "body" }),
    ],
    [
      "a forged signature",
      () => postSignedToBot(world.bot.url, world.bot.signingSecret, body, { tamper: "signature" }),
    ],
    [
      "a timestamp older than five minutes",
      () =>
        postSignedToBot(world.bot.url, world.bot.signingSecret, body, {
          timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
        }),
    ],
  ])("answers 401 to %s and calls neither Slack nor GitLab", async (_name, send) => {
    world.slack.clearCalls();
    const gitlabBefore = world.gitlab.requests.length;
    const response = await send();
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(world.slack.calls).toEqual([]);
    expect(world.gitlab.requests.length).toBe(gitlabBefore);
  });

  it("answers Slack's url_verification challenge when signed", async () => {
    const challenge = JSON.stringify({ token: "x", challenge: "c-123", type: "url_verification" });
    const response = await postSignedToBot(world.bot.url, world.bot.signingSecret, challenge);
    expect(response.status).toBe(200);
    expect(response.text).toContain("c-123");
  });

  it("accepts the same event correctly signed", async () => {
    const response = await postSignedToBot(world.bot.url, world.bot.signingSecret, body);
    expect(response.status).toBe(200);
    await world.waitForAnswers(1);
  });
});
