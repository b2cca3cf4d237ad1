/** The hot path over a real (in-memory) SQLite store: what it reads, writes, and hands on to be posted. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readChannelSettings } from "../../src/nudge/channel-settings.js";
import { handleThreadReply, type ThreadReplyDeps } from "../../src/nudge/handle-thread-reply.js";
import { DEFAULT_NUDGES } from "../../src/nudge/nudge-settings.js";
import type { DueNudge, ThreadReply } from "../../src/nudge/thread-state.js";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import type { Store } from "../../src/store/store.js";

const THREAD = "1700000000.000100";
const silent = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

let store: Store;
let delivered: { reply: ThreadReply; due: DueNudge[] }[];
let linked: boolean;
let deps: ThreadReplyDeps;
let counter = 0;

beforeEach(async () => {
  store = await openSqliteStore(":memory:", { now: () => Date.UTC(2025, 0, 6) });
  delivered = [];
  linked = true;
  deps = {
    store,
    channelSettings: readChannelSettings(store),
    defaults: DEFAULT_NUDGES,
    isChannelLinked: async () => linked,
    deliver: (reply, due) => delivered.push({ reply, due }),
    log: silent,
  };
});

afterEach(async () => {
  await store.close();
});

function reply(user: string, overrides: Partial<ThreadReply> = {}): ThreadReply {
  counter += 1;
  return {
    teamId: "T1",
    channelId: "C1",
    threadTs: THREAD,
    ts: `1700000${String(100 + counter).padStart(3, "0")}.000100`,
    userId: `U_${user}`,
    parentUserId: "U_A",
    ...overrides,
  };
}

async function say(users: string, overrides: Partial<ThreadReply> = {}): Promise<ThreadReply[]> {
  const sent: ThreadReply[] = [];
  for (const user of users) {
    const r = reply(user, overrides);
    sent.push(r);
    await handleThreadReply(r, deps);
  }
  return sent;
}

describe("handling a thread reply", () => {
  it("hands the call nudge on once, after A→B→A→B→A→B", async () => {
    await say("BABAB");
    expect(delivered.map((d) => d.due)).toEqual([[{ kind: "call", people: ["U_A", "U_B"], roundTrips: 3 }]]);
    await say("ABAB");
    expect(delivered).toHaveLength(1);
  });

  it("keeps one row per thread, with the compact state", async () => {
    await say("BAC");
    expect(await store.getNudgeThread("T1", "C1", THREAD)).toMatchObject({
      replyCount: 3,
      participants: ["U_A", "U_B", "U_C"],
      lastUser: "U_C",
      nudged: [],
    });
  });

  it("ignores a redelivered reply", async () => {
    const [first] = await say("B");
    await handleThreadReply(first!, deps);
    expect((await store.getNudgeThread("T1", "C1", THREAD))?.replyCount).toBe(1);
  });

  it("does nothing in a channel where nudges are off", async () => {
    await store.setNudgesEnabled("T1", "C1", false);
    await say("BABABAB");
    expect(delivered).toEqual([]);
    expect(await store.getNudgeThread("T1", "C1", THREAD)).toBeUndefined();
  });

  it("follows a channel's own thresholds", async () => {
    await store.saveNudgeThresholds("T1", "C1", { longThreadParticipants: 3 });
    await say("BC");
    expect(delivered.map((d) => d.due[0]?.kind)).toEqual(["take_async"]);
  });

  it("keeps 'take this async' due until the channel is linked", async () => {
    linked = false;
    await say("BCD");
    expect(delivered).toEqual([]);
    linked = true;
    await say("E");
    expect(delivered.map((d) => d.due[0])).toEqual([
      { kind: "take_async", replies: 4, participants: 5, reason: "participants" },
    ]);
  });

  it("reminds that an exported thread lives in its issue after three new replies", async () => {
    await store.saveThreadLink({
      teamId: "T1",
      channelId: "C1",
      threadTs: THREAD,
      projectPath: "acme/web",
      projectId: 42,
      issueIid: 7,
      issueUrl: "https://gitlab.example.com/acme/web/-/issues/7",
      issueTitle: "Retries",
      lastExportedTs: "1700000000.000100",
    });
    await say("BCBCD");
    expect(delivered.flatMap((d) => d.due.map((n) => n.kind))).toEqual(["already_moved"]);
  });

  it("posts nothing twice when two replies of one thread are handled at the same moment", async () => {
    // Both see the same stored state; only the first write wins, the other re-reads and counts on top of it.
    await say("BABA");
    const saves: boolean[] = [];
    const save = store.saveNudgeThread.bind(store);
    deps.store = Object.assign(Object.create(store) as Store, {
      saveNudgeThread: async (...args: Parameters<Store["saveNudgeThread"]>) => {
        const saved = await save(...args);
        saves.push(saved);
        return saved;
      },
    });
    await Promise.all([handleThreadReply(reply("B"), deps), handleThreadReply(reply("C"), deps)]);
    expect(saves).toEqual([true, false, true]);
    const state = await store.getNudgeThread("T1", "C1", THREAD);
    expect(state?.replyCount).toBe(6);
    expect(delivered.filter((d) => d.due.some((n) => n.kind === "call"))).toHaveLength(1);
  });
});
