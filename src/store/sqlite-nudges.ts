/**
 * SQL for the nudges' per-thread state and per-channel thresholds (schema version 3). Thread states go
 * through an in-memory cache that writes them in batches (sqlite-nudge-thread-cache.ts).
 */
import type Database from "better-sqlite3";
import type { PairRun } from "../nudge/back-and-forth.js";
import { type ChannelNudgeThresholds, NUDGE_KINDS, type NudgeKind } from "../nudge/nudge-settings.js";
import type { NudgeThreadState } from "../nudge/thread-state.js";
import { NudgeThreadCache } from "./sqlite-nudge-thread-cache.js";

/** A thread nobody wrote in for this long is forgotten; if it wakes up, it is counted afresh. */
export const NUDGE_THREAD_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;
/** Forgotten threads are deleted at most this often, on a save, so that most saves stay one statement. */
const CLEANUP_INTERVAL_MS = 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

interface ThreadRow {
  last_ts: string;
  last_user: string;
  reply_count: number;
  participants: string;
  pairs: string;
  moved_replies: number;
  moved_since: string | null;
  nudged: string;
}

interface ThresholdRow {
  call_round_trips: number | null;
  long_thread_replies: number | null;
  long_thread_participants: number | null;
  moved_replies: number | null;
}

type ThreadKey = [teamId: string, channelId: string, threadTs: string];
type Bound = Record<string, string | number | null>;

const statementCache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();
const threadCaches = new WeakMap<Database.Database, NudgeThreadCache>();
const lastCleanup = new WeakMap<Database.Database, number>();

function statements(db: Database.Database) {
  let cached = statementCache.get(db);
  if (!cached) {
    cached = prepare(db);
    statementCache.set(db, cached);
  }
  return cached;
}

function threadCache(db: Database.Database): NudgeThreadCache {
  let cache = threadCaches.get(db);
  if (!cache) {
    const { getThread, upsertThread } = statements(db);
    const writeAll = db.transaction((entries: { state: NudgeThreadState; updatedAt: number }[]) => {
      for (const { state, updatedAt } of entries) upsertThread.run(toRow(state, updatedAt));
    });
    cache = new NudgeThreadCache({
      read: (teamId, channelId, threadTs) => {
        const row = getThread.get(teamId, channelId, threadTs);
        return row && toState(teamId, channelId, threadTs, row);
      },
      writeAll: (entries) => writeAll(entries),
    });
    threadCaches.set(db, cache);
  }
  return cache;
}

function prepare(db: Database.Database) {
  const values = `@lastTs, @lastUser, @replyCount, @participants, @pairs, @movedReplies, @movedSince, @nudged, @now`;
  return {
    getThread: db.prepare<ThreadKey, ThreadRow>(
      `SELECT last_ts, last_user, reply_count, participants, pairs, moved_replies, moved_since, nudged
       FROM nudge_threads WHERE team_id = ? AND channel_id = ? AND thread_ts = ?`,
    ),
    // The cache (sqlite-nudge-thread-cache.ts) has already done the compare-and-set.
    upsertThread: db.prepare<[Bound]>(
      `INSERT INTO nudge_threads (team_id, channel_id, thread_ts, last_ts, last_user, reply_count, participants,
         pairs, moved_replies, moved_since, nudged, updated_at)
       VALUES (@teamId, @channelId, @threadTs, ${values})
       ON CONFLICT (team_id, channel_id, thread_ts) DO UPDATE SET
         last_ts = excluded.last_ts, last_user = excluded.last_user, reply_count = excluded.reply_count,
         participants = excluded.participants, pairs = excluded.pairs, moved_replies = excluded.moved_replies,
         moved_since = excluded.moved_since, nudged = excluded.nudged, updated_at = excluded.updated_at`,
    ),
    deleteStale: db.prepare<[number]>("DELETE FROM nudge_threads WHERE updated_at < ?"),
    getThresholds: db.prepare<[string, string], ThresholdRow>(
      `SELECT call_round_trips, long_thread_replies, long_thread_participants, moved_replies
       FROM nudge_settings WHERE team_id = ? AND channel_id = ?`,
    ),
    upsertThresholds: db.prepare<[Bound]>(
      `INSERT INTO nudge_settings (team_id, channel_id, call_round_trips, long_thread_replies,
         long_thread_participants, moved_replies, updated_at)
       VALUES (@teamId, @channelId, @callRoundTrips, @longThreadReplies, @longThreadParticipants, @movedReplies, @now)
       ON CONFLICT (team_id, channel_id) DO UPDATE SET
         call_round_trips = excluded.call_round_trips, long_thread_replies = excluded.long_thread_replies,
         long_thread_participants = excluded.long_thread_participants, moved_replies = excluded.moved_replies,
         updated_at = excluded.updated_at`,
    ),
  };
}

export function getNudgeThread(
  db: Database.Database,
  teamId: string,
  channelId: string,
  threadTs: string,
): NudgeThreadState | undefined {
  return threadCache(db).get(teamId, channelId, threadTs);
}

export function saveNudgeThread(
  db: Database.Database,
  state: NudgeThreadState,
  expectedLastTs: string | undefined,
  now: number,
): boolean {
  deleteStaleThreadsIfDue(db, now);
  return threadCache(db).save(state, expectedLastTs, now);
}

/** Writes pending thread states; call before closing the database. */
export function flushNudgeThreads(db: Database.Database): void {
  threadCaches.get(db)?.flush();
}

function toState(teamId: string, channelId: string, threadTs: string, row: ThreadRow): NudgeThreadState {
  const state: NudgeThreadState = {
    teamId,
    channelId,
    threadTs,
    lastTs: row.last_ts,
    lastUser: row.last_user,
    replyCount: Number(row.reply_count),
    participants: row.participants ? row.participants.split(",") : [],
    pairs: decodePairs(row.pairs),
    movedReplies: Number(row.moved_replies),
    nudged: row.nudged
      .split(",")
      .filter((kind): kind is NudgeKind => NUDGE_KINDS.includes(kind as NudgeKind)),
  };
  if (row.moved_since !== null) state.movedSince = row.moved_since;
  return state;
}

function toRow(state: NudgeThreadState, now: number): Bound {
  return {
    teamId: state.teamId,
    channelId: state.channelId,
    threadTs: state.threadTs,
    lastTs: state.lastTs,
    lastUser: state.lastUser,
    replyCount: state.replyCount,
    participants: state.participants.join(","),
    pairs: encodePairs(state.pairs),
    movedReplies: state.movedReplies,
    movedSince: state.movedSince ?? null,
    nudged: state.nudged.join(","),
    // Hour precision is plenty for a 90-day retention, and keeps most updates off the updated_at index.
    now: now - (now % HOUR_MS),
  };
}

function deleteStaleThreadsIfDue(db: Database.Database, now: number): void {
  if (now - (lastCleanup.get(db) ?? Number.NEGATIVE_INFINITY) < CLEANUP_INTERVAL_MS) return;
  const cache = threadCache(db);
  cache.flush();
  statements(db).deleteStale.run(now - NUDGE_THREAD_RETENTION_MS);
  cache.forget();
  lastCleanup.set(db, now);
}

/** [[a, b, turns, last], …]: JSON keeps it portable and short (45 pairs at most). */
function encodePairs(pairs: readonly PairRun[]): string {
  return JSON.stringify(pairs.map((p) => [p.a, p.b, p.turns, p.last]));
}

function decodePairs(text: string): PairRun[] {
  const parsed: unknown = JSON.parse(text || "[]");
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter((entry): entry is number[] => Array.isArray(entry) && entry.length === 4)
    .map(([a, b, turns, last]) => ({ a: a!, b: b!, turns: turns!, last: last! }));
}

export function getNudgeThresholds(
  db: Database.Database,
  teamId: string,
  channelId: string,
): ChannelNudgeThresholds | undefined {
  const row = statements(db).getThresholds.get(teamId, channelId);
  if (!row) return undefined;
  const thresholds: ChannelNudgeThresholds = {};
  if (row.call_round_trips !== null) thresholds.callRoundTrips = Number(row.call_round_trips);
  if (row.long_thread_replies !== null) thresholds.longThreadReplies = Number(row.long_thread_replies);
  if (row.long_thread_participants !== null) {
    thresholds.longThreadParticipants = Number(row.long_thread_participants);
  }
  if (row.moved_replies !== null) thresholds.movedReplies = Number(row.moved_replies);
  return thresholds;
}

export function saveNudgeThresholds(
  db: Database.Database,
  teamId: string,
  channelId: string,
  thresholds: ChannelNudgeThresholds,
  now: number,
): void {
  statements(db).upsertThresholds.run({
    teamId,
    channelId,
    callRoundTrips: thresholds.callRoundTrips ?? null,
    longThreadReplies: thresholds.longThreadReplies ?? null,
    longThreadParticipants: thresholds.longThreadParticipants ?? null,
    movedReplies: thresholds.movedReplies ?? null,
    now,
  });
}
