/**
 * SQL for the nudges' per-thread state and per-channel thresholds (schema version 3). Thread states go
 * through an in-memory cache that writes them in batches (sqlite-nudge-thread-cache.ts).
 */
import type Database from "better-sqlite3";
import type { ChannelNudgeThresholds } from "../nudge/nudge-settings.js";
import type { NudgeThreadState } from "../nudge/thread-state.js";
import {
  encodePairs,
  NUDGE_THREAD_COLUMNS,
  NUDGE_THRESHOLD_COLUMNS,
  type NudgeThreadRow,
  type NudgeThresholdRow,
  toNudgeThreadState,
  toNudgeThresholds,
} from "./rows/nudge-row.js";
import { NudgeThreadCache } from "./sqlite-nudge-thread-cache.js";

/** A thread nobody wrote in for this long is forgotten; if it wakes up, it is counted afresh. */
export const NUDGE_THREAD_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;
/** Forgotten threads are deleted at most this often, on a save, so that most saves stay one statement. */
const CLEANUP_INTERVAL_MS = 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

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
        return row && toNudgeThreadState(teamId, channelId, threadTs, row);
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
    getThread: db.prepare<ThreadKey, NudgeThreadRow>(
      `SELECT ${NUDGE_THREAD_COLUMNS}
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
    getThresholds: db.prepare<[string, string], NudgeThresholdRow>(
      `SELECT ${NUDGE_THRESHOLD_COLUMNS}
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

export function getNudgeThresholds(
  db: Database.Database,
  teamId: string,
  channelId: string,
): ChannelNudgeThresholds | undefined {
  const row = statements(db).getThresholds.get(teamId, channelId);
  if (!row) return undefined;
  return toNudgeThresholds(row);
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
