import { describe, expect, it } from "vitest";
import { ThreadportError } from "../../src/errors.js";
import type { SlotPerson } from "../../src/nudge/find-call-slot.js";
import {
  type CallOutcomeSubmission,
  type RecordCallOutcomeDeps,
  recordCallOutcome,
} from "../../src/nudge/record-call-outcome.js";
import type { ThreadLink } from "../../src/store/store.js";

const silent = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

const submission: CallOutcomeSubmission = {
  teamId: "T1",
  channelId: "C1",
  threadTs: "1700000000.000100",
  recordedBy: "U_ALICE",
  participants: ["U_ALICE", "U_BOB"],
  at: new Date("2025-01-07T14:00:00Z"),
  outcome: "Ship it on Monday.",
};

function aLink(iid: number): ThreadLink {
  return {
    teamId: "T1",
    channelId: "C1",
    threadTs: submission.threadTs,
    projectPath: "acme/web",
    projectId: 42,
    issueIid: iid,
    issueUrl: `https://gitlab.example.com/acme/web/-/issues/${iid}`,
    issueTitle: "Release",
    lastExportedTs: submission.threadTs,
  };
}

const PEOPLE: Record<string, SlotPerson> = {
  U_ALICE: { id: "U_ALICE", name: "Alice", timeZone: "Europe/Berlin" },
  U_BOB: { id: "U_BOB", name: "Bob", timeZone: "America/New_York" },
};

function world(options: { link?: ThreadLink; exported?: ThreadLink; noteFails?: ThreadportError } = {}) {
  const notes: { projectId: number; iid: number; body: string }[] = [];
  const replies: string[] = [];
  const told: string[] = [];
  let exports = 0;
  const deps: RecordCallOutcomeDeps = {
    store: { getThreadLink: async () => options.link },
    exportThread: async () => {
      exports += 1;
      return options.exported;
    },
    tracker: {
      addNote: async (projectId, iid, body) => {
        if (options.noteFails) throw options.noteFails;
        notes.push({ projectId, iid, body });
        return { id: notes.length };
      },
    },
    notifier: {
      replyInThread: async (_channel, _thread, text) => {
        replies.push(text);
      },
      tellUser: async (_channel, _user, _thread, text) => {
        told.push(text);
      },
    },
    people: { person: async (_team, id) => PEOPLE[id] ?? { id, name: id } },
    log: silent,
  };
  return { deps, notes, replies, told, exports: () => exports };
}

describe("recording a call outcome", () => {
  it("adds the note to the thread's issue and says so in the thread", async () => {
    const w = world({ link: aLink(7) });
    const result = await recordCallOutcome(submission, w.deps);
    expect(result).toMatchObject({ kind: "recorded", created: false });
    expect(w.exports()).toBe(0);
    expect(w.notes).toHaveLength(1);
    expect(w.notes[0]).toMatchObject({ projectId: 42, iid: 7 });
    expect(w.notes[0]!.body).toContain("## Call outcome");
    expect(w.notes[0]!.body).toContain("Ship it on Monday.");
    expect(w.replies).toEqual([
      ":telephone_receiver: Alice recorded the outcome of the call in <https://gitlab.example.com/acme/web/-/issues/7|acme/web#7>.",
    ]);
  });

  it("exports the thread first when it has no issue, and writes the note to the new issue", async () => {
    const w = world({ exported: aLink(8) });
    const result = await recordCallOutcome(submission, w.deps);
    expect(result).toMatchObject({ kind: "recorded", created: true });
    expect(w.exports()).toBe(1);
    expect(w.notes.map((n) => n.iid)).toEqual([8]);
  });

  it("writes nothing when that export fails (the export already told the person why)", async () => {
    const w = world();
    expect(await recordCallOutcome(submission, w.deps)).toEqual({ kind: "failed" });
    expect(w.notes).toEqual([]);
    expect(w.told).toEqual([]);
  });

  it("gives the text back to the person when GitLab refuses the note", async () => {
    const w = world({
      link: aLink(7),
      noteFails: new ThreadportError("gitlab_unavailable", "GitLab answered 503"),
    });
    expect(await recordCallOutcome(submission, w.deps)).toMatchObject({ kind: "failed" });
    expect(w.replies).toEqual([]);
    expect(w.told).toEqual([
      ":warning: I couldn't add the call outcome to acme/web#7: GitLab did not answer. Try again in a few minutes.\nHere is what you wrote, to try again later:\n> Ship it on Monday.",
    ]);
  });
});
