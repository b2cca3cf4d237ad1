import { describe, expect, it } from "vitest";
import type { CreatedIssue, IssueTracker, NewIssue } from "../../src/export/ports.js";
import type { FoundIssue, FoundNote, MarkerFinder } from "../../src/gitlab/gitlab-marker-finder.js";
import { exactlyOnceTracker, jobMarker } from "../../src/jobs/exactly-once-tracker.js";
import { createLogger } from "../../src/util/logger.js";

const JOB = "0b9c5b3e-1111-8222-8333-444455556666";
const CREATED_AT = Date.UTC(2025, 0, 6, 9, 0, 0);
const THREAD = "<!-- threadport:thread T1/C1/1700000000.000100 -->";

class Recorder {
  calls: string[] = [];
  issues: FoundIssue[] = [];
  notes: (FoundNote & { iid: number })[] = [];
}

function fakes(recorder = new Recorder()) {
  const finder: MarkerFinder = {
    async findIssue(projectId, marker, createdAfter) {
      recorder.calls.push(`findIssue ${projectId} ${marker} ${createdAfter.toISOString()}`);
      return recorder.issues.find((issue) => issue.description.includes(marker));
    },
    async updateIssue(projectId, iid, fields) {
      recorder.calls.push(`updateIssue ${projectId}#${iid} ${fields.description.length}`);
    },
    async findNote(projectId, iid, marker) {
      recorder.calls.push(`findNote ${projectId}#${iid} ${marker}`);
      return recorder.notes.find((note) => note.iid === iid && note.body.includes(marker));
    },
    async updateNote(projectId, iid, noteId) {
      recorder.calls.push(`updateNote ${projectId}#${iid} ${noteId}`);
    },
  };
  const inner = {
    async createIssue(projectId: number, issue: NewIssue): Promise<CreatedIssue> {
      recorder.calls.push(`createIssue ${projectId}`);
      recorder.issues.push({
        projectId,
        iid: 1,
        title: issue.title,
        description: issue.description,
        webUrl: "u",
        reference: "r",
      });
      return { projectId, iid: 1, title: issue.title, webUrl: "u", reference: "r" };
    },
    async addNote(projectId: number, iid: number, body: string) {
      recorder.calls.push(`addNote ${projectId}#${iid}`);
      recorder.notes.push({ iid, id: 500 + recorder.notes.length, body });
      return { id: 500 + recorder.notes.length - 1 };
    },
    async getProject(path: string) {
      recorder.calls.push(`getProject ${path}`);
      return { id: 42, pathWithNamespace: path, webUrl: "w" };
    },
  } as unknown as IssueTracker;
  return { recorder, finder, inner };
}

const log = createLogger("silent");
const issue = { title: "Cache the permalink", description: `Summary\n\n${THREAD}`, confidential: false };

describe("exactlyOnceTracker", () => {
  it("looks for the thread's marker among issues of the last hour, then creates the issue", async () => {
    const { recorder, finder, inner } = fakes();
    const tracker = exactlyOnceTracker(inner, {
      finder,
      jobId: JOB,
      jobCreatedAt: CREATED_AT,
      onlyThisJob: false,
      retried: false,
      log,
    });
    await tracker.createIssue(42, issue);
    expect(recorder.calls).toEqual([`findIssue 42 ${THREAD} 2025-01-06T08:00:00.000Z`, "createIssue 42"]);
    expect(recorder.issues[0]!.description).toBe(issue.description);
  });

  it("adopts the issue an interrupted attempt created, bringing it up to date", async () => {
    const { recorder, finder, inner } = fakes();
    recorder.issues.push({
      projectId: 42,
      iid: 7,
      title: "Old",
      description: `Fewer messages\n\n${THREAD}`,
      webUrl: "https://g/7",
      reference: "acme/web#7",
    });
    const tracker = exactlyOnceTracker(inner, {
      finder,
      jobId: JOB,
      jobCreatedAt: CREATED_AT,
      onlyThisJob: false,
      retried: true,
      log,
    });
    const created = await tracker.createIssue(42, issue);
    expect(created).toEqual({
      projectId: 42,
      iid: 7,
      title: issue.title,
      webUrl: "https://g/7",
      reference: "acme/web#7",
    });
    expect(recorder.calls).toEqual([
      `findIssue 42 ${THREAD} 2025-01-06T08:00:00.000Z`,
      `updateIssue 42#7 ${issue.description.length}`,
    ]);
  });

  it("leaves an adopted issue alone when it already says the same", async () => {
    const { recorder, finder, inner } = fakes();
    recorder.issues.push({
      projectId: 42,
      iid: 7,
      title: issue.title,
      description: issue.description,
      webUrl: "w",
      reference: "r",
    });
    const tracker = exactlyOnceTracker(inner, {
      finder,
      jobId: JOB,
      jobCreatedAt: CREATED_AT,
      onlyThisJob: false,
      retried: true,
      log,
    });
    await tracker.createIssue(42, issue);
    expect(recorder.calls).toHaveLength(1);
  });

  it("for a deliberate new issue, marks it with the job and adopts only the job's own issue", async () => {
    const { recorder, finder, inner } = fakes();
    recorder.issues.push({
      projectId: 42,
      iid: 7,
      title: "Earlier export",
      description: issue.description,
      webUrl: "w",
      reference: "r",
    });
    const first = exactlyOnceTracker(inner, {
      finder,
      jobId: JOB,
      jobCreatedAt: CREATED_AT,
      onlyThisJob: true,
      retried: false,
      log,
    });
    await first.createIssue(42, issue);
    expect(recorder.calls).toEqual(["createIssue 42"]);
    expect(recorder.issues[1]!.description).toBe(`${issue.description}\n${jobMarker(JOB)}`);

    const retry = exactlyOnceTracker(inner, {
      finder,
      jobId: JOB,
      jobCreatedAt: CREATED_AT,
      onlyThisJob: true,
      retried: true,
      log,
    });
    expect((await retry.createIssue(42, issue)).iid).toBe(1);
    expect(recorder.calls.at(-1)).toBe(`findIssue 42 ${jobMarker(JOB)} 2025-01-06T08:55:00.000Z`);
  });

  it("marks each note with the job and its place, and a retry adopts the note written before", async () => {
    const { recorder, finder, inner } = fakes();
    const first = exactlyOnceTracker(inner, {
      finder,
      jobId: JOB,
      jobCreatedAt: CREATED_AT,
      onlyThisJob: false,
      retried: false,
      log,
    });
    await first.addNote(42, 7, "part one");
    expect(recorder.calls).toEqual(["addNote 42#7"]);
    expect(recorder.notes[0]!.body).toBe(`part one\n\n${jobMarker(JOB, 1)}`);

    recorder.calls = [];
    const retry = exactlyOnceTracker(inner, {
      finder,
      jobId: JOB,
      jobCreatedAt: CREATED_AT,
      onlyThisJob: false,
      retried: true,
      log,
    });
    expect(await retry.addNote(42, 7, "part one, now longer")).toEqual({ id: 500 });
    await retry.addNote(42, 7, "part two");
    expect(recorder.calls).toEqual([
      `findNote 42#7 ${jobMarker(JOB, 1)}`,
      "updateNote 42#7 500",
      `findNote 42#7 ${jobMarker(JOB, 2)}`,
      "addNote 42#7",
    ]);
  });

  it("passes every other call straight through", async () => {
    const { recorder, finder, inner } = fakes();
    const tracker = exactlyOnceTracker(inner, {
      finder,
      jobId: JOB,
      jobCreatedAt: CREATED_AT,
      onlyThisJob: false,
      retried: true,
      log,
    });
    expect(await tracker.getProject("acme/web")).toMatchObject({ id: 42 });
    expect(recorder.calls).toEqual(["getProject acme/web"]);
  });
});
