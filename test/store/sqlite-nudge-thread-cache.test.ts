/** SQLite writes thread states in batches: when they reach the file matters for crashes and nudges. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { NudgeThreadState } from "../../src/nudge/thread-state.js";
import {
  FLUSH_BATCH,
  FLUSH_DELAY_MS,
  NudgeThreadCache,
  type ThreadRows,
} from "../../src/store/sqlite-nudge-thread-cache.js";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import type { Store } from "../../src/store/store.js";

let dir: string;
let file: string;
let store: Store;

const state = (overrides: Partial<NudgeThreadState> = {}): NudgeThreadState => ({
  teamId: "T1",
  channelId: "C1",
  threadTs: "1700000000.000100",
  lastTs: "1700000010.000100",
  lastUser: "U2",
  replyCount: 1,
  participants: ["U1", "U2"],
  pairs: [{ a: 0, b: 1, turns: 2, last: 1 }],
  movedReplies: 0,
  nudged: [],
  ...overrides,
});

/** What another connection sees in the file right now. */
function onDisk(): { reply_count: number; nudged: string } | undefined {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT reply_count, nudged FROM nudge_threads").get() as never;
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "threadport-nudges-"));
  file = path.join(dir, "threadport.db");
  store = await openSqliteStore(file, { now: () => Date.UTC(2025, 0, 6) });
});

afterEach(async () => {
  await store.close().catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("thread states in SQLite", () => {
  it("reach the file together, FLUSH_DELAY_MS after the first change", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    try {
      await store.saveNudgeThread(state(), undefined);
      await store.saveNudgeThread(state({ lastTs: "1700000020.000100", replyCount: 2 }), "1700000010.000100");
      expect(await store.getNudgeThread("T1", "C1", "1700000000.000100")).toMatchObject({ replyCount: 2 });
      vi.advanceTimersByTime(FLUSH_DELAY_MS - 1);
      expect(onDisk()).toBeUndefined();
      vi.advanceTimersByTime(1);
      expect(onDisk()).toEqual({ reply_count: 2, nudged: "" });
    } finally {
      vi.useRealTimers();
    }
  });

  it("reach the file at the end of the turn once FLUSH_BATCH changes are pending", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    try {
      for (let i = 0; i < FLUSH_BATCH; i += 1) {
        await store.saveNudgeThread(
          state({ threadTs: `1700000000.${String(i).padStart(6, "0")}` }),
          undefined,
        );
      }
      vi.advanceTimersByTime(0);
      const db = new Database(file, { readonly: true });
      const rows = db.prepare("SELECT count(*) AS n FROM nudge_threads").get() as { n: number };
      db.close();
      expect(rows.n).toBe(FLUSH_BATCH);
    } finally {
      vi.useRealTimers();
    }
  });

  it("reach the file at once when they record a posted nudge", async () => {
    await store.saveNudgeThread(state({ nudged: ["call"] }), undefined);
    expect(onDisk()).toEqual({ reply_count: 1, nudged: "call" });
  });

  it("reach the file when the store closes", async () => {
    await store.saveNudgeThread(state({ replyCount: 7 }), undefined);
    await store.close();
    expect(onDisk()).toEqual({ reply_count: 7, nudged: "" });
  });

  it("cannot be changed through an object the caller kept", async () => {
    const mine = state();
    await store.saveNudgeThread(mine, undefined);
    mine.participants.push("U9");
    const read = await store.getNudgeThread("T1", "C1", "1700000000.000100");
    read!.nudged.push("call");
    expect(await store.getNudgeThread("T1", "C1", "1700000000.000100")).toStrictEqual(state());
  });
});

describe("the thread-state cache", () => {
  /** Rows that count how often the database is asked. */
  function countingRows(stored: NudgeThreadState[] = []) {
    const reads: string[] = [];
    const rows: ThreadRows = {
      read: (teamId, channelId, threadTs) => {
        reads.push(threadTs);
        return stored.find(
          (s) => s.teamId === teamId && s.channelId === channelId && s.threadTs === threadTs,
        );
      },
      writeAll: () => {},
    };
    return { rows, reads };
  }

  it("asks the database once for a thread it has no row for, however many replies follow", () => {
    const { rows, reads } = countingRows();
    const cache = new NudgeThreadCache(rows);
    expect(cache.get("T1", "C1", "1700000000.000100")).toBeUndefined();
    expect(cache.get("T1", "C1", "1700000000.000100")).toBeUndefined();
    expect(cache.save(state(), undefined, 0)).toBe(true);
    expect(cache.get("T1", "C1", "1700000000.000100")).toStrictEqual(state());
    expect(reads).toEqual(["1700000000.000100"]);
  });

  it("still refuses a save that expects a state when the thread is known to have none", () => {
    const { rows } = countingRows();
    const cache = new NudgeThreadCache(rows);
    cache.get("T1", "C1", "1700000000.000100");
    expect(cache.save(state(), "1700000005.000100", 0)).toBe(false);
  });

  it("reads a stored thread once and answers from memory after that", () => {
    const { rows, reads } = countingRows([state({ replyCount: 4 })]);
    const cache = new NudgeThreadCache(rows);
    expect(cache.get("T1", "C1", "1700000000.000100")).toMatchObject({ replyCount: 4 });
    expect(cache.get("T1", "C1", "1700000000.000100")).toMatchObject({ replyCount: 4 });
    expect(reads).toHaveLength(1);
  });

  it("asks the database again after forget()", () => {
    const { rows, reads } = countingRows();
    const cache = new NudgeThreadCache(rows);
    cache.get("T1", "C1", "1700000000.000100");
    cache.forget();
    cache.get("T1", "C1", "1700000000.000100");
    expect(reads).toHaveLength(2);
  });
});
