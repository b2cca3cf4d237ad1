/** Sequences of signed message events to the real bot process → exactly the nudges expected, and no others. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, seedPeopleAndChannels } from "../helpers/conversations.js";
import { buttonClick, postInteraction } from "../helpers/interactions.js";
import {
  editEvent,
  messageEvent,
  ThreadTalk,
  waitForBotReplies,
  waitUntilCounted,
} from "../helpers/message-events.js";
import { PROJECT, startWorld, type World } from "../helpers/world.js";

const channel = CHANNELS.public.id;

describe("nudges in threads", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({
      bot: { env: { LOG_LEVEL: "debug" } },
      seed: (slack) => {
        seedPeopleAndChannels(slack);
        slack.addUser({ id: "U_LEE", name: "lee", real_name: "Lee Park", tz: "America/Los_Angeles" });
        slack.addUser({ id: "U_CHEN", name: "chen", real_name: "Chen Wei", tz: "Asia/Shanghai" });
      },
    });
  });
  afterAll(async () => {
    await world?.close();
  });

  const talk = (parentUser = "U_ALICE") => new ThreadTalk(world.slack, world.bot, channel, parentUser);
  /** Whether the bot decided any nudge for this thread (logged before it posts). */
  const nudgeDecided = (thread: ThreadTalk) =>
    world.bot
      .output()
      .split("\n")
      .some((line) => line.includes('"msg":"nudge due"') && line.includes(thread.parent));

  it("suggests a call once after A→B→A→B→A→B, names as plain text, with local times and a button", async () => {
    const thread = talk();
    await thread.replies("U_BOB", "U_ALICE", "U_BOB", "U_ALICE", "U_BOB");
    await waitForBotReplies(thread, 1, world.bot);
    const [nudge] = thread.botReplies();
    const shown = JSON.stringify(nudge);
    expect(nudge!.text).toBe(
      "A quick call might settle this faster: Alice and Bob have gone back and forth three times.",
    );
    expect(shown).toContain("Alice: ");
    expect(shown).toContain("(Europe/Berlin, UTC+");
    expect(shown).toContain("(America/New_York, UTC−");
    expect(shown).toContain("Next 30 minutes within working hours for both");
    expect(shown).toContain('"action_id":"nudge_record_call_outcome"');
    expect(shown).not.toMatch(/<[@!]/);

    await thread.replies("U_ALICE", "U_BOB", "U_ALICE", "U_BOB");
    expect(thread.botReplies()).toHaveLength(1);
  });

  it("says to stay async, with the reason, when the two never share working hours", async () => {
    const thread = talk("U_PRIYA");
    await thread.replies("U_LEE", "U_PRIYA", "U_LEE", "U_PRIYA", "U_LEE");
    await waitForBotReplies(thread, 1, world.bot);
    const shown = JSON.stringify(thread.botReplies()[0]);
    expect(shown).toContain("No shared working hours in the next days: stay async.");
    expect(shown).toMatch(/Priya \(Asia\/Kolkata, UTC\+5:30\) is 1[23] h 30 min ahead of Lee/);
  });

  it("does not nudge two people agreeing in three messages", async () => {
    const thread = talk();
    await thread.replies("U_BOB", "U_ALICE");
    expect(nudgeDecided(thread)).toBe(false);
    expect(thread.botReplies()).toEqual([]);
  });

  it("does not count a bot talking, nor threadport itself", async () => {
    const thread = talk();
    for (let i = 0; i < 3; i += 1) {
      await thread.reply("U_ALICE");
      world.slack.advance(5);
      const ts = world.slack.post(channel, {
        subtype: "bot_message",
        bot_id: "B_DEPLOY",
        username: "deploybot",
        text: "deploy finished",
        thread_ts: thread.parent,
      });
      await thread.send(
        messageEvent({
          channel,
          ts,
          text: "deploy finished",
          threadTs: thread.parent,
          subtype: "bot_message",
          botId: "B_DEPLOY",
          username: "deploybot",
        }),
      );
      // An app's bot user writes without a subtype, but with a bot_id; threadport's own replies look like that.
      await thread.send(
        messageEvent({
          channel,
          ts: `${ts}1`,
          text: "noted",
          threadTs: thread.parent,
          user: "UBOT",
          botId: "BBOT",
        }),
      );
    }
    const last = await thread.reply("U_ALICE");
    await waitUntilCounted(world.bot, last);
    expect(nudgeDecided(thread)).toBe(false);
    expect(thread.botReplies()).toEqual([]);
  });

  it("does not count edits, deletions or joins", async () => {
    const thread = talk();
    const bobsReply = await thread.reply("U_BOB");
    await thread.reply("U_ALICE");
    for (let i = 0; i < 4; i += 1) {
      const eventTs = `${Math.floor(Date.now() / 1000)}.00${i}500`;
      await thread.send(
        editEvent({
          channel,
          user: "U_BOB",
          ts: bobsReply,
          threadTs: thread.parent,
          text: `edit ${i}`,
          eventTs,
        }),
      );
      await thread.send(
        messageEvent({
          channel,
          ts: `${eventTs}1`,
          text: "<@U_BOB> has joined the channel",
          user: i % 2 ? "U_BOB" : "U_ALICE",
          subtype: i % 2 ? "channel_join" : "message_deleted",
          threadTs: thread.parent,
        }),
      );
    }
    const last = await thread.reply("U_BOB");
    await waitUntilCounted(world.bot, last);
    expect(nudgeDecided(thread)).toBe(false);
  });

  it("does not nudge when a third person interleaves and no two go back and forth three times", async () => {
    const thread = talk();
    // Six changes of speaker, but Alice and Bob only alternate twice; Priya with either of them too.
    await thread.replies("U_BOB", "U_PRIYA", "U_ALICE", "U_BOB", "U_PRIYA");
    expect(nudgeDecided(thread)).toBe(false);
    expect(thread.botReplies()).toEqual([]);
  });

  it("keeps counting Alice and Bob while a third person writes in between", async () => {
    const thread = talk();
    await thread.replies("U_BOB", "U_ALICE", "U_PRIYA", "U_BOB", "U_ALICE", "U_PRIYA", "U_BOB");
    await waitForBotReplies(thread, 1, world.bot);
    expect(thread.botReplies()).toHaveLength(1);
    expect(thread.botReplies()[0]!.text).toContain("Alice and Bob have gone back and forth three times");
  });

  it("ignores direct messages unless enabled", async () => {
    const thread = talk();
    const direct: string[] = [];
    for (const user of ["U_BOB", "U_ALICE", "U_BOB", "U_ALICE"])
      direct.push(await thread.reply(user, "hi", "im"));
    direct.push(await thread.reply("U_BOB", "hi", "mpim"));
    // Events are handled in order: once this channel reply is counted, the ones before it were seen.
    const sentinel = await thread.reply("U_PRIYA");
    await waitUntilCounted(world.bot, sentinel);
    for (const ts of direct) expect(world.bot.output()).not.toContain(`"ts":"${ts}"`);
    expect(nudgeDecided(thread)).toBe(false);
  });

  it("asks to take a long thread async once, and its button exports the thread", async () => {
    const thread = talk();
    await thread.replies("U_BOB", "U_PRIYA", "U_CHEN");
    await waitForBotReplies(thread, 1, world.bot);
    const nudge = thread.botReplies()[0]!;
    expect(nudge.text).toBe("This is getting long — take it async?");
    expect(JSON.stringify(nudge.blocks)).toContain("3 replies from 4 people and no issue yet");

    await thread.replies("U_LEE", "U_BOB");
    expect(thread.botReplies()).toHaveLength(1);

    const issuesBefore = world.gitlab.issues(PROJECT.id).length;
    const click = buttonClick({
      user: "U_PRIYA",
      channel,
      message: nudge,
      actionId: "nudge_export_thread",
    });
    expect((await postInteraction(world.bot, click)).status).toBe(200);
    await waitForBotReplies(thread, 2, world.bot);
    expect(world.gitlab.issues(PROJECT.id)).toHaveLength(issuesBefore + 1);
    expect(thread.botReplies()[1]!.text).toContain("Moved to");
  });

  it("reminds once that an exported thread lives in its issue, and appends the new messages on request", async () => {
    const thread = talk();
    await thread.replies("U_BOB");
    const before = world.answers();
    await world.react(channel, thread.parent);
    await world.waitForAnswers(before + 1);
    const issue = world.gitlab.issues(PROJECT.id).at(-1)!;

    await thread.replies("U_PRIYA", "U_BOB");
    expect(thread.botReplies()).toHaveLength(1); // only the export's own reply
    await thread.replies("U_ALICE");
    await waitForBotReplies(thread, 2, world.bot);
    const nudge = thread.botReplies()[1]!;
    expect(nudge.text).toBe(`This discussion already lives in ${PROJECT.path}#${issue.iid}.`);
    expect(JSON.stringify(nudge.blocks)).toContain("There are 3 new replies here since it was exported");

    await thread.replies("U_PRIYA", "U_BOB", "U_ALICE");
    expect(thread.botReplies()).toHaveLength(2);

    const click = buttonClick({ user: "U_BOB", channel, message: nudge, actionId: "nudge_append_messages" });
    await postInteraction(world.bot, click);
    await waitForBotReplies(thread, 3, world.bot);
    expect(thread.botReplies()[2]!.text).toContain("Added 6 new messages");
    expect(world.gitlab.notes(PROJECT.id, issue.iid)).toHaveLength(1);
  });
});
