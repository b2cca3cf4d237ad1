import { describe, expect, it } from "vitest";
import { ThreadportError } from "../../src/errors.js";
import type { ExportTarget } from "../../src/export/export-target.js";
import { type ExportRequest, exportThread } from "../../src/export/export-thread.js";
import { ThreadScenario } from "./export-thread-builder.js";

async function exportWith(
  scenario: ThreadScenario,
  target?: ExportTarget,
  extra: Partial<ExportRequest> = {},
) {
  return exportThread(
    { ...scenario.request(), ...(target ? { target } : {}), ...extra },
    await scenario.deps(),
  );
}

async function linkChannel(scenario: ThreadScenario, projectPath: string) {
  await scenario.deps();
  await scenario.store!.saveChannelLink({
    teamId: "T1",
    channelId: "C1",
    projectPath,
    projectId: 99,
    linkedBy: "U1",
    linkedAt: 1,
  });
}

describe("exportThread with a target", () => {
  it("files into the channel's linked project rather than the default project", async () => {
    const scenario = new ThreadScenario().say("U1", "hello").say("U2", "hi");
    await linkChannel(scenario, "acme/linked");
    const outcome = await exportWith(scenario);
    expect(outcome.kind).toBe("created");
    expect(scenario.tracker.projectsAsked).toEqual(["acme/linked"]);
  });

  it("falls back to the default project when the channel is not linked", async () => {
    const scenario = new ThreadScenario().say("U1", "hello");
    await exportWith(scenario);
    expect(scenario.tracker.projectsAsked).toEqual(["acme/web"]);
  });

  it("asks the person to link a project, with the message to export afterwards, when there is none", async () => {
    const scenario = new ThreadScenario().say("U1", "hello");
    scenario.defaultProject = undefined;
    const outcome = await exportWith(scenario);
    expect(outcome).toMatchObject({ kind: "failed", error: { code: "no_project" } });
    expect(scenario.tracker.issues).toEqual([]);
    expect(scenario.notifier.toldUser).toEqual([]);
    expect(scenario.notifier.askedToLink).toEqual([
      {
        channelId: "C1",
        userId: "U1",
        messageTs: scenario.messages[0]!.ts,
        text: expect.stringContaining("not linked to a GitLab project"),
      },
    ]);
  });

  it("uses the project the person chose over the channel's link", async () => {
    const scenario = new ThreadScenario().say("U1", "hello");
    await linkChannel(scenario, "acme/linked");
    await exportWith(scenario, { project: "acme/chosen", mode: { kind: "new" } });
    expect(scenario.tracker.projectsAsked).toEqual(["acme/chosen"]);
  });

  it("applies the chosen title, labels and confidentiality, and can leave the conversation out", async () => {
    const scenario = new ThreadScenario().say("U1", "the secret plan").say("U2", "agreed");
    await exportWith(scenario, {
      title: "Plan: @all /close review",
      labels: ["bug", "ui"],
      confidential: true,
      includeTranscript: false,
    });
    const issue = scenario.tracker.issues[0]!;
    expect(issue.title).not.toMatch(/(^|\s)@all/);
    expect(issue.title).toContain("Plan:");
    expect(issue.labels).toEqual(["bug", "ui"]);
    expect(issue.confidential).toBe(true);
    expect(issue.description).not.toContain("the secret plan");
    expect(issue.description).not.toContain("<details>");
    expect(issue.description).toContain("## Context");
  });

  it("files a public thread as not confidential when the person unticks it", async () => {
    const scenario = new ThreadScenario().say("U1", "hello");
    scenario.kind = "private_channel";
    await exportWith(scenario, { confidential: false });
    expect(scenario.tracker.issues[0]!.confidential).toBe(false);
  });

  it("comments with the whole thread on an issue the person chose, and links the thread to it", async () => {
    const scenario = new ThreadScenario().say("U1", "first").say("U2", "second");
    const outcome = await exportWith(scenario, {
      project: "acme/web",
      mode: { kind: "comment", issueIid: 12 },
    });
    expect(outcome).toMatchObject({ kind: "commented", messages: 2, link: { issueIid: 12 } });
    expect(scenario.tracker.issues).toEqual([]);
    expect(scenario.tracker.notes).toHaveLength(1);
    expect(scenario.tracker.notes[0]!.iid).toBe(12);
    expect(scenario.tracker.notes[0]!.body).toContain("### Slack thread in #general: 2 messages");
    expect(scenario.tracker.notes[0]!.body).toContain("second");
    expect(scenario.notifier.replies[0]!.text).toBe(
      ":memo: Added this thread (2 messages) to <https://gitlab.test/acme/web/-/issues/12|acme/web#12>: *Existing issue 12* — let's continue there.",
    );
    const link = await scenario.store!.getThreadLink("T1", "C1", scenario.messages[0]!.ts);
    expect(link).toMatchObject({ issueIid: 12, issueTitle: "Existing issue 12", projectPath: "acme/web" });

    scenario.say("U1", "third");
    const again = await exportWith(scenario);
    expect(again).toMatchObject({ kind: "appended", messages: 1 });
    expect(scenario.tracker.notes[1]!.body).toContain("third");
    expect(scenario.tracker.notes[1]!.body).not.toContain("second");
  });

  it("adds only new messages when the chosen issue is the one the thread is already linked to", async () => {
    const scenario = new ThreadScenario().say("U1", "first");
    await exportWith(scenario);
    scenario.say("U2", "later");
    const outcome = await exportWith(scenario, { mode: { kind: "comment", issueIid: 1 } });
    expect(outcome).toMatchObject({ kind: "appended", messages: 1 });
    expect(scenario.tracker.notes[0]!.body).not.toContain("first");
  });

  it("files a new issue for a thread exported before when the person asks for a new one", async () => {
    const scenario = new ThreadScenario().say("U1", "first");
    await exportWith(scenario);
    const outcome = await exportWith(scenario, { mode: { kind: "new" }, title: "A fresh start" });
    expect(outcome).toMatchObject({ kind: "created", link: { issueIid: 2, issueTitle: "A fresh start" } });
    expect(scenario.tracker.issues).toHaveLength(2);
  });

  it("says how to try again the way the export was started", async () => {
    const scenario = new ThreadScenario().say("U1", "hello");
    scenario.tracker.failWith = new ThreadportError("gitlab_unavailable", "down");
    await exportWith(scenario, undefined, { retryHint: "run `/async export` with the link again" });
    expect(scenario.notifier.toldUser[0]!.text).toContain(
      "Once fixed, run `/async export` with the link again.",
    );
  });
});
