/** The issue a realistic thread becomes, compared in full so that any change to it is seen in review. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, seedDesignReview, seedPeopleAndChannels } from "../helpers/conversations.js";
import { PROJECT, startWorld, type World } from "../helpers/world.js";

describe("the issue body", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ seed: (slack) => seedPeopleAndChannels(slack) });
  });
  afterAll(async () => {
    await world?.close();
  });

  it("writes the issue body of a realistic thread exactly as reviewed", async () => {
    const parent = seedDesignReview(world.slack);
    const before = world.answers();
    await world.react(CHANNELS.public.id, parent, { user: "U_BOB" });
    await world.waitForAnswers(before + 1);
    const issue = world.gitlab.issues(PROJECT.id).at(-1)!;
    const shown = `# ${issue.title}\n\n${issue.description!.replace(/p\d{16}/g, "p…").replace(/\d{10}\.\d{6}/g, "…")}`;
    await expect(shown).toMatchFileSnapshot("__snapshots__/design-review-issue.md");
    expect(world.gitlab.quickActionsRun).toEqual([]);
    expect(world.gitlab.mentions).toEqual([]);
  });
});
