/** A ✅ on a proposal, read from Slack's reactions, makes it a decision; threadport's own ✅ does not. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, seedPeopleAndChannels } from "../helpers/conversations.js";
import { PROJECT, startWorld, type World } from "../helpers/world.js";

describe("decisions agreed by reaction", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ seed: (slack) => seedPeopleAndChannels(slack) });
  });
  afterAll(async () => {
    await world?.close();
  });

  it("lists a proposal others reacted to with ✅, and not one only its author or threadport did", async () => {
    const channel = CHANNELS.public.id;
    const parent = world.slack.post(channel, {
      user: "U_ALICE",
      text: "The nightly export keeps timing out on big threads.",
    });
    world.slack.post(channel, {
      user: "U_BOB",
      text: "Let's move the export to a background job.",
      thread_ts: parent,
      reactions: [{ name: "white_check_mark", users: ["U_PRIYA"] }],
    });
    world.slack.post(channel, {
      user: "U_ALICE",
      text: "Let's also cap threads at 10,000 messages.",
      thread_ts: parent,
      reactions: [
        { name: "white_check_mark", users: ["UBOT"] },
        { name: "+1", users: ["U_ALICE"] },
      ],
    });
    const before = world.answers();
    await world.react(channel, parent);
    await world.waitForAnswers(before + 1);
    const issue = world.gitlab.issues(PROJECT.id).at(-1)!;
    expect(issue.description).toContain("## Decisions\n\n- Move the export to a background job.\n\n");
    expect(issue.description).not.toContain("- Also cap threads");
  });
});
