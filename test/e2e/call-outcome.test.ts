/** "Record call outcome": the button opens the modal, and its submission becomes a note on the right issue. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTriggerId } from "../fakes/slack-methods-views.js";
import type { SlackMessage } from "../fakes/slack-state.js";
import { CHANNELS, seedPeopleAndChannels } from "../helpers/conversations.js";
import { buttonClick, postInteraction, viewSubmission } from "../helpers/interactions.js";
import { ThreadTalk, waitForBotReplies } from "../helpers/message-events.js";
import { PROJECT, startWorld, type World } from "../helpers/world.js";

const channel = CHANNELS.public.id;
/** Tuesday 7 January 2025, 14:00 UTC: 15:00 in Berlin, 09:00 in New York. */
const CALL_AT = Date.UTC(2025, 0, 7, 14, 0) / 1000;

describe("recording a call's outcome", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({
      bot: { env: { LOG_LEVEL: "debug" } },
      seed: (slack) => seedPeopleAndChannels(slack),
    });
  });
  afterAll(async () => {
    await world?.close();
  });

  async function callNudge(thread: ThreadTalk): Promise<SlackMessage> {
    await thread.replies("U_BOB", "U_ALICE", "U_BOB", "U_ALICE", "U_BOB");
    const deadline = Date.now() + 10_000;
    for (;;) {
      const nudge = thread
        .botReplies()
        .find((m) => m.text.startsWith("A quick call might settle this faster"));
      if (nudge) return nudge;
      if (Date.now() > deadline) throw new Error(`no call nudge\n${world.bot.output().slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Clicks "Record call outcome" and returns the view the bot opened. */
  async function openModal(nudge: SlackMessage): Promise<Record<string, unknown>> {
    const opened = world.slack.callsTo("views.open").length;
    const click = buttonClick({
      user: "U_ALICE",
      channel,
      message: nudge,
      actionId: "nudge_record_call_outcome",
    });
    expect((await postInteraction(world.bot, click)).status).toBe(200);
    const deadline = Date.now() + 10_000;
    while (world.slack.callsTo("views.open").length === opened) {
      if (Date.now() > deadline) throw new Error(`no views.open\n${world.bot.output().slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const call = world.slack.callsTo("views.open").at(-1)!;
    expect(call.params.trigger_id).toBe(click.trigger_id);
    const view = call.params.view;
    return typeof view === "string" ? JSON.parse(view) : (view as Record<string, unknown>);
  }

  function submit(view: Record<string, unknown>, outcome: string) {
    return postInteraction(
      world.bot,
      viewSubmission({
        user: "U_ALICE",
        view,
        values: {
          call_participants: { value: { type: "multi_users_select", selected_users: ["U_ALICE", "U_BOB"] } },
          call_when: { value: { type: "datetimepicker", selected_date_time: CALL_AT } },
          call_outcome: { value: { type: "plain_text_input", value: outcome } },
        },
      }),
    );
  }

  it("opens the modal with the two people preselected", async () => {
    const thread = new ThreadTalk(world.slack, world.bot, channel, "U_ALICE");
    const view = await openModal(await callNudge(thread));
    expect(view.callback_id).toBe("nudge_call_outcome");
    expect(JSON.parse(view.private_metadata as string)).toEqual({
      channelId: channel,
      threadTs: thread.parent,
    });
    expect(JSON.stringify(view.blocks)).toContain('"initial_users":["U_ALICE","U_BOB"]');
  });

  it("creates the thread's issue first when it has none, then adds the note to it", async () => {
    const thread = new ThreadTalk(world.slack, world.bot, channel, "U_ALICE");
    const view = await openModal(await callNudge(thread));
    const issuesBefore = world.gitlab.issues(PROJECT.id).length;
    const response = await submit(view, "We keep 4 attempts with a 30 s cap.\n/close\nBob writes it up.");
    expect(response.status).toBe(200);
    expect(response.text).toBe("");

    await waitForBotReplies(thread, 3, world.bot);
    const issues = world.gitlab.issues(PROJECT.id);
    expect(issues).toHaveLength(issuesBefore + 1);
    const issue = issues.at(-1)!;
    const notes = world.gitlab.notes(PROJECT.id, issue.iid);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain("## Call outcome");
    expect(notes[0]!.body).toContain("- **When:** 2025-01-07 14:00 UTC");
    expect(notes[0]!.body).toContain(
      "- **On the call:** Alice (Europe/Berlin, Tue 15:00), Bob (America/New_York, Tue 09:00)",
    );
    expect(notes[0]!.body).toContain("We keep 4 attempts with a 30 s cap.");
    expect(world.gitlab.quickActionsRun).toEqual([]);
    const texts = thread.botReplies().map((m) => m.text);
    expect(texts[1]).toContain("Moved to");
    expect(texts[2]).toMatch(
      new RegExp(
        `^:telephone_receiver: Alice recorded the outcome of the call in <http[^|]+/-/issues/${issue.iid}\\|${PROJECT.path}#${issue.iid}>\\.$`,
      ),
    );
  });

  it("adds the note to the issue the thread already has, and creates none", async () => {
    const thread = new ThreadTalk(world.slack, world.bot, channel, "U_ALICE");
    await thread.replies("U_BOB");
    const before = world.answers();
    await world.react(channel, thread.parent);
    await world.waitForAnswers(before + 1);
    const issue = world.gitlab.issues(PROJECT.id).at(-1)!;
    const issuesBefore = world.gitlab.issues(PROJECT.id).length;

    const view = await openModal(await callNudge(thread));
    const replies = thread.botReplies().length;
    await submit(view, "Decided: ship on Monday.");
    await waitForBotReplies(thread, replies + 1, world.bot);

    expect(world.gitlab.issues(PROJECT.id)).toHaveLength(issuesBefore);
    const notes = world.gitlab.notes(PROJECT.id, issue.iid);
    expect(notes.map((n) => n.body.split("\n")[0])).toEqual(["## Call outcome"]);
    expect(notes[0]!.body).toContain("Decided: ship on Monday.");
  });

  it("keeps the modal open with a message when the outcome is blank", async () => {
    const thread = new ThreadTalk(world.slack, world.bot, channel, "U_ALICE");
    const view = await openModal(await callNudge(thread));
    const response = await submit(view, "   ");
    expect(JSON.parse(response.text)).toEqual({
      response_action: "errors",
      errors: { call_outcome: "Write what came out of the call." },
    });
  });

  it("logs and carries on when the trigger expired before the modal could open", async () => {
    const thread = new ThreadTalk(world.slack, world.bot, channel, "U_ALICE");
    const nudge = await callNudge(thread);
    const click = buttonClick({
      user: "U_ALICE",
      channel,
      message: nudge,
      actionId: "nudge_record_call_outcome",
      triggerId: newTriggerId(new Date(Date.now() - 10_000)),
    });
    expect((await postInteraction(world.bot, click)).status).toBe(200);
    const deadline = Date.now() + 10_000;
    while (!world.bot.output().includes('"code":"expired_trigger_id"')) {
      if (Date.now() > deadline) throw new Error(world.bot.output().slice(-3000));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(world.bot.output()).toContain("could not open the call outcome modal");
  });
});
