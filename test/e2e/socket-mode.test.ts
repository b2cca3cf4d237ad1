/** With SLACK_APP_TOKEN set, the bot takes its events over Socket Mode instead of HTTP. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeGitLab, startFakeGitLab } from "../fakes/fake-gitlab.js";
import { type FakeSlack, startFakeSlack } from "../fakes/fake-slack.js";
import { CHANNELS, seedPeopleAndChannels } from "../helpers/conversations.js";
import { eventEnvelope, reactionAddedEvent } from "../helpers/slack-signing.js";
import { type RunningBot, startBot } from "../helpers/start-bot.js";
import { GITLAB_BOT_USER, GITLAB_TOKEN, PROJECT } from "../helpers/world.js";

const APP_TOKEN = "xapp-1-A0001-0000-test";

describe("Socket Mode", () => {
  let slack: FakeSlack;
  let gitlab: FakeGitLab;
  let bot: RunningBot;
  beforeAll(async () => {
    slack = await startFakeSlack({ appToken: APP_TOKEN });
    seedPeopleAndChannels(slack);
    gitlab = await startFakeGitLab();
    gitlab.addUser(GITLAB_BOT_USER);
    gitlab.addToken(GITLAB_TOKEN, GITLAB_BOT_USER.id);
    gitlab.addProject({
      id: PROJECT.id,
      path_with_namespace: PROJECT.path,
      members: { [GITLAB_BOT_USER.id]: 20 },
    });
    bot = await startBot({ slackUrl: slack.url, gitlabUrl: gitlab.url, env: { SLACK_APP_TOKEN: APP_TOKEN } });
  });
  afterAll(async () => {
    await bot?.stop();
    await slack?.close();
    await gitlab?.close();
  });

  it("opens the connection with the app-level token and is greeted", async () => {
    await slack.socketMode!.connected();
    const opens = slack.callsTo("apps.connections.open");
    expect(opens.length).toBeGreaterThanOrEqual(1);
    expect(opens[0]!.token).toBe(APP_TOKEN);
  });

  it("acknowledges an export reaction sent over the socket and files the issue", async () => {
    await slack.socketMode!.connected();
    const ts = slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "exported over Socket Mode" });
    const event = reactionAddedEvent({
      user: "U_ALICE",
      reaction: "memo",
      channel: CHANNELS.public.id,
      ts,
      itemUser: "U_ALICE",
    });
    const ack = await slack.socketMode!.send("events_api", eventEnvelope(event, { eventId: "EvSOCKET1" }));
    expect(ack).toMatchObject({ envelope_id: expect.any(String) });
    await expect.poll(() => slack.postedMessages().length, { timeout: 15_000 }).toBe(1);
    expect(gitlab.issues(PROJECT.id).map((i) => i.description)).toEqual([
      expect.stringContaining("exported over Socket Mode"),
    ]);
  });
});
