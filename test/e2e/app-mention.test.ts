/** `@threadport file this` end to end: signed app_mention events to the real bot, against the fakes. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendAppMention } from "../helpers/app-mention.js";
import { CHANNELS, seedPeopleAndChannels } from "../helpers/conversations.js";
import { PROJECT, startWorld, type World } from "../helpers/world.js";

const CHANNEL = CHANNELS.public.id;

describe("mentioning the bot in a thread", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ seed: (slack) => seedPeopleAndChannels(slack) });
  });
  afterAll(async () => {
    await world?.close();
  });

  /** A thread of two people, then a reply mentioning the bot; returns the parent's and the mention's ts. */
  function threadWithMention(text: string, user = "U_BOB") {
    const parent = world.slack.post(CHANNEL, { user: "U_ALICE", text: "Login fails after the SSO change" });
    world.slack.post(CHANNEL, { user: "U_BOB", text: "Only with Safari, it seems", thread_ts: parent });
    const mention = world.slack.post(CHANNEL, { user, text, thread_ts: parent });
    return { parent, mention };
  }

  it("files the thread as one issue with the title given, and replies in the thread", async () => {
    const text = "<@UBOT> file this as Fix the login bug";
    const { parent, mention } = threadWithMention(text);
    const issuesBefore = world.gitlab.issues(PROJECT.id).length;
    const before = world.answers();
    const input = { channel: CHANNEL, ts: mention, threadTs: parent, text, user: "U_BOB" };
    const response = await sendAppMention(world.bot, input, { eventId: "EvMENTION1" });
    expect(response.status).toBe(200);
    await world.waitForAnswers(before + 1);

    const issues = world.gitlab.issues(PROJECT.id);
    expect(issues).toHaveLength(issuesBefore + 1);
    const issue = issues.at(-1)!;
    expect(issue.title).toBe("Fix the login bug");
    expect(issue.description).toContain("Login fails after the SSO change");
    expect(issue.description).toContain("Only with Safari, it seems");
    // The request to threadport is not part of the discussion the issue records.
    expect(issue.description).not.toContain("file this");
    const reply = world.slack.postedMessages().at(-1)!;
    expect(reply.thread_ts).toBe(parent);
    expect(reply.text).toBe(
      `:memo: Moved to <${world.gitlab.url}/${PROJECT.path}/-/issues/${issue.iid}|${PROJECT.path}#${issue.iid}>: *Fix the login bug* — let's continue there.`,
    );
    await expect
      .poll(() => world.slack.reactions().some((r) => r.ts === mention && r.name === "white_check_mark"))
      .toBe(true);

    // Slack redelivers the same event (same event_id) when it did not see the answer in time.
    await sendAppMention(world.bot, input, { eventId: "EvMENTION1", retryNum: 1 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(world.gitlab.issues(PROJECT.id)).toHaveLength(issuesBefore + 1);
    expect(world.answers()).toBe(before + 1);
  });

  it("files the thread with the summary's title when no title is given", async () => {
    const text = "<@UBOT> file this";
    const { parent, mention } = threadWithMention(text);
    const before = world.answers();
    await sendAppMention(world.bot, { channel: CHANNEL, ts: mention, threadTs: parent, text, user: "U_BOB" });
    await world.waitForAnswers(before + 1);
    const issue = world.gitlab.issues(PROJECT.id).at(-1)!;
    expect(issue.title).not.toBe("");
    expect(issue.description).toContain("Only with Safari, it seems");
    // The request to threadport is not part of the discussion the issue records.
    expect(issue.description).not.toContain("file this");
    expect(world.slack.postedMessages().at(-1)!.text).toContain(`|${PROJECT.path}#${issue.iid}>`);
  });

  it("neutralises a hostile title", async () => {
    const text = "<@UBOT> file this as /close @all see #1";
    const { parent, mention } = threadWithMention(text);
    const before = world.answers();
    await sendAppMention(world.bot, { channel: CHANNEL, ts: mention, threadTs: parent, text, user: "U_BOB" });
    await world.waitForAnswers(before + 1);
    const issue = world.gitlab.issues(PROJECT.id).at(-1)!;
    expect(issue.title).toBe("\\/close `@all` see `#1`");
    expect(world.gitlab.quickActionsRun).toEqual([]);
    expect(world.gitlab.mentions).toEqual([]);
    expect(issue.state).toBe("opened");
  });

  it("answers anything else privately with what it can do, and files nothing", async () => {
    const text = "<@UBOT> what's the weather?";
    const { parent, mention } = threadWithMention(text, "U_PRIYA");
    const issuesBefore = world.gitlab.issues(PROJECT.id).length;
    const ephemeralsBefore = world.slack.ephemerals().length;
    await sendAppMention(world.bot, {
      channel: CHANNEL,
      ts: mention,
      threadTs: parent,
      text,
      user: "U_PRIYA",
    });
    await expect.poll(() => world.slack.ephemerals().length).toBe(ephemeralsBefore + 1);
    const help = world.slack.ephemerals().at(-1)!;
    expect(help).toMatchObject({ channel: CHANNEL, user: "U_PRIYA", thread_ts: parent });
    expect(help.text).toBe(
      [
        "I can file this thread as a GitLab issue: say `@threadport file this` or `@threadport file this as <title>` in the thread.",
        "You can also react with :memo: to a message, or use `/async help` for everything else.",
      ].join("\n"),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(world.gitlab.issues(PROJECT.id)).toHaveLength(issuesBefore);
  });

  it("ignores mentions by bots", async () => {
    const text = "<@UBOT> file this";
    const { parent, mention } = threadWithMention(text);
    const issuesBefore = world.gitlab.issues(PROJECT.id).length;
    const before = world.answers();
    const response = await sendAppMention(world.bot, {
      channel: CHANNEL,
      ts: mention,
      threadTs: parent,
      text,
      user: "U_OTHERBOT",
      botId: "B_OTHER",
    });
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(world.gitlab.issues(PROJECT.id)).toHaveLength(issuesBefore);
    expect(world.answers()).toBe(before);
  });
});
