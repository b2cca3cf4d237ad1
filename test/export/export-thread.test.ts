import { describe, expect, it } from "vitest";
import { ThreadportError } from "../../src/errors.js";
import { ThreadScenario } from "./export-thread-builder.js";

describe("exportThread", () => {
  it("creates one issue holding every message and links the thread to it", async () => {
    const scenario = new ThreadScenario()
      .say("U1", "Should we ship on Friday?")
      .say("U2", "Let's go with Monday.");
    const outcome = await scenario.export();
    expect(outcome.kind).toBe("created");
    expect(scenario.tracker.issues).toHaveLength(1);
    const issue = scenario.tracker.issues[0]!;
    expect(issue.description).toContain("Should we ship on Friday?");
    expect(issue.description).toContain("Let's go with Monday.");
    expect(issue.confidential).toBe(false);
    const link = await scenario.store!.getThreadLink("T1", "C1", scenario.messages[0]!.ts);
    expect(link).toMatchObject({
      issueIid: 1,
      projectPath: "acme/web",
      lastExportedTs: scenario.messages[1]!.ts,
    });
  });

  it("replies in the thread with the issue link and marks the flagged message done", async () => {
    const scenario = new ThreadScenario().say("U1", "hello").say("U2", "hi");
    await scenario.export();
    expect(scenario.notifier.replies).toEqual([
      {
        channelId: "C1",
        threadTs: scenario.messages[0]!.ts,
        text: ":memo: Moved to <https://gitlab.test/acme/web/-/issues/1|acme/web#1>: *Thread in #general* — let's continue there.",
      },
    ]);
    expect(scenario.notifier.reactions).toEqual([
      { channelId: "C1", ts: scenario.messages[0]!.ts, name: "white_check_mark" },
    ]);
  });

  it.each(["private_channel", "im", "mpim"] as const)(
    "files a thread from a %s as a confidential issue",
    async (kind) => {
      const scenario = new ThreadScenario().say("U1", "secret plans");
      scenario.kind = kind;
      await scenario.export();
      expect(scenario.tracker.issues[0]!.confidential).toBe(true);
    },
  );

  it("appends only the messages posted since the last export", async () => {
    const scenario = new ThreadScenario().say("U1", "first").say("U2", "second");
    await scenario.export();
    scenario.say("U1", "third, after the export");
    const outcome = await scenario.export();
    expect(outcome).toMatchObject({ kind: "appended", messages: 1 });
    expect(scenario.tracker.issues).toHaveLength(1);
    expect(scenario.tracker.notes).toHaveLength(1);
    expect(scenario.tracker.notes[0]!.body).toContain("third, after the export");
    expect(scenario.tracker.notes[0]!.body).not.toContain("second");
    expect(scenario.notifier.replies[1]!.text).toContain("Added 1 new message to");
  });

  it("writes nothing to GitLab when nothing is new, and says so in the thread", async () => {
    const scenario = new ThreadScenario().say("U1", "only message");
    await scenario.export();
    const outcome = await scenario.export();
    expect(outcome.kind).toBe("nothing_new");
    expect(scenario.tracker.issues).toHaveLength(1);
    expect(scenario.tracker.notes).toHaveLength(0);
    expect(scenario.notifier.replies[1]!.text).toContain("Nothing new to add");
  });

  it("does not answer twice when a retried attempt finds its earlier attempt already replied", async () => {
    const scenario = new ThreadScenario().say("U1", "hello").say("U2", "hi");
    await scenario.export();
    // The first attempt replied, then stopped before its job was marked done: the job runs again.
    const outcome = await scenario.export({ retried: true });
    expect(outcome.kind).toBe("nothing_new");
    expect(scenario.notifier.replies).toHaveLength(1);
    expect(scenario.notifier.reactions).toHaveLength(2); // the check mark again (Slack keeps one)
  });

  it("answers a retried attempt when people wrote after threadport's last reply", async () => {
    const scenario = new ThreadScenario().say("U1", "hello");
    await scenario.export();
    scenario.say("U2", "one more thing");
    const outcome = await scenario.export({ retried: true });
    expect(outcome.kind).toBe("appended");
    expect(scenario.notifier.replies.map((r) => r.text)).toEqual([
      expect.stringContaining("Moved to"),
      expect.stringContaining("Added 1 new message"),
    ]);
  });

  it("answers a retried attempt whose earlier attempt stopped before replying", async () => {
    const scenario = new ThreadScenario().say("U1", "hello");
    await scenario.export();
    scenario.notifier.replies.length = 0; // as if the reply never reached Slack
    scenario.notifier.replyTs.length = 0;
    await scenario.export({ retried: true });
    expect(scenario.notifier.replies.map((r) => r.text)).toEqual([
      expect.stringContaining("Nothing new to add"),
    ]);
  });

  it("creates a single issue when the same thread is exported twice at once", async () => {
    const scenario = new ThreadScenario().say("U1", "race").say("U2", "condition");
    const [a, b] = await Promise.all([scenario.export(), scenario.export()]);
    expect([a.kind, b.kind].sort()).toEqual(["created", "nothing_new"]);
    expect(scenario.tracker.issues).toHaveLength(1);
  });

  it("tells the person who reacted what went wrong and stores nothing when GitLab refuses", async () => {
    const scenario = new ThreadScenario().say("U1", "hello");
    scenario.tracker.failWith = new ThreadportError("gitlab_unauthorized", "401");
    const outcome = await scenario.export();
    expect(outcome.kind).toBe("failed");
    expect(scenario.notifier.toldUser).toHaveLength(1);
    expect(scenario.notifier.toldUser[0]!.userId).toBe("U1");
    expect(scenario.notifier.toldUser[0]!.text).toContain("GITLAB_TOKEN");
    expect(scenario.notifier.replies).toHaveLength(0);
    expect(await scenario.store!.getThreadLink("T1", "C1", scenario.messages[0]!.ts)).toBeUndefined();
  });

  it("explains a channel the bot is not in without touching GitLab", async () => {
    const scenario = new ThreadScenario().say("U1", "hello");
    scenario.readFailure = new ThreadportError("slack_not_in_channel", "not in channel");
    await scenario.export();
    expect(scenario.tracker.issues).toHaveLength(0);
    expect(scenario.notifier.toldUser[0]!.text).toContain("/invite @threadport");
  });

  it("keeps the stored link unchanged when appending fails, so the same messages are appended next time", async () => {
    const scenario = new ThreadScenario().say("U1", "first");
    await scenario.export();
    scenario.say("U2", "new one");
    scenario.tracker.failWith = new ThreadportError("gitlab_unavailable", "503");
    expect((await scenario.export()).kind).toBe("failed");
    scenario.tracker.failWith = undefined;
    const retry = await scenario.export();
    expect(retry).toMatchObject({ kind: "appended", messages: 1 });
    expect(scenario.tracker.notes[0]!.body).toContain("new one");
  });

  it("continues a transcript too long for one description in comments, losing no message", async () => {
    const scenario = new ThreadScenario();
    const filler = "x".repeat(30_000);
    for (let i = 0; i < 60; i++) scenario.say(i % 2 ? "U1" : "U2", `message ${i} ${filler}`);
    await scenario.export();
    const issue = scenario.tracker.issues[0]!;
    expect(issue.description.length).toBeLessThanOrEqual(1_000_000);
    const everything = [issue.description, ...scenario.tracker.notes.map((n) => n.body)].join("\n");
    for (let i = 0; i < 60; i++) expect(everything).toContain(`message ${i} `);
    expect(scenario.tracker.notes.length).toBeGreaterThan(0);
    for (const note of scenario.tracker.notes) expect(note.body.length).toBeLessThanOrEqual(1_000_000);
  });
  it("records how far GitLab has a long thread, so a failed part is appended next time without repeats", async () => {
    const scenario = new ThreadScenario();
    const filler = "x".repeat(30_000);
    for (let i = 0; i < 60; i++) scenario.say(i % 2 ? "U1" : "U2", `message ${i} ${filler}`);
    scenario.tracker.failNotesAfter = 0;
    expect((await scenario.export()).kind).toBe("failed");
    const issue = scenario.tracker.issues[0]!;
    const inDescription = Array.from({ length: 60 }, (_, i) => i).filter((i) =>
      issue.description.includes(`message ${i} `),
    );
    expect(inDescription.length).toBeGreaterThan(0);
    expect(inDescription.length).toBeLessThan(60);

    scenario.tracker.failNotesAfter = undefined;
    expect((await scenario.export()).kind).toBe("appended");
    const comments = scenario.tracker.notes.map((n) => n.body).join("\n");
    for (let i = 0; i < 60; i++) {
      const seen =
        (issue.description.includes(`message ${i} `) ? 1 : 0) + (comments.includes(`message ${i} `) ? 1 : 0);
      expect(seen, `message ${i}`).toBe(1);
    }
  });
});
