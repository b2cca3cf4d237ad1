/** PostgreSQL SQL for the nudges' per-thread state and per-channel thresholds (schema version 3). */
import type { PairRun } from "../nudge/back-and-forth.js";
import { type ChannelNudgeThresholds, NUDGE_KINDS, type NudgeKind } from "../nudge/nudge-settings.js";
import type { NudgeThreadState } from "../nudge/thread-state.js";
import type { Sql } from "./postgres-sql.js";
import { NUDGE_THREAD_RETENTION_MS } from "./sqlite-nudges.js";

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

export async function getNudgeThread(
  sql: Sql,
  teamId: string,
  channelId: string,
  threadTs: string,
): Promise<NudgeThreadState | undefined> {
  const [row] = await sql.rows<ThreadRow>(
    `SELECT last_ts, last_user, reply_count, participants, pairs, moved_replies, moved_since, nudged
     FROM nudge_threads WHERE team_id = $1 AND channel_id = $2 AND thread_ts = $3`,
    [teamId, channelId, threadTs],
  );
  if (!row) return undefined;
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

export async function saveNudgeThread(
  sql: Sql,
  state: NudgeThreadState,
  expectedLastTs: string | undefined,
  now: number,
  /** Also delete threads nobody wrote in for NUDGE_THREAD_RETENTION_MS (the store decides how often). */
  cleanUp: boolean,
): Promise<boolean> {
  if (cleanUp) {
    await sql.run("DELETE FROM nudge_threads WHERE updated_at < $1", [now - NUDGE_THREAD_RETENTION_MS]);
  }
  const values = [
    state.teamId,
    state.channelId,
    state.threadTs,
    state.lastTs,
    state.lastUser,
    state.replyCount,
    state.participants.join(","),
    JSON.stringify(state.pairs.map((p) => [p.a, p.b, p.turns, p.last])),
    state.movedReplies,
    state.movedSince ?? null,
    state.nudged.join(","),
    now,
  ];
  if (expectedLastTs === undefined) {
    const inserted = await sql.run(
      `INSERT INTO nudge_threads (team_id, channel_id, thread_ts, last_ts, last_user, reply_count, participants,
         pairs, moved_replies, moved_since, nudged, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (team_id, channel_id, thread_ts) DO NOTHING`,
      values,
    );
    return inserted === 1;
  }
  // Compare-and-set on last_ts: only the writer that saw the current state wins.
  const updated = await sql.run(
    `UPDATE nudge_threads SET last_ts = $4, last_user = $5, reply_count = $6, participants = $7, pairs = $8,
       moved_replies = $9, moved_since = $10, nudged = $11, updated_at = $12
     WHERE team_id = $1 AND channel_id = $2 AND thread_ts = $3 AND last_ts = $13`,
    [...values, expectedLastTs],
  );
  return updated === 1;
}

export async function getNudgeThresholds(
  sql: Sql,
  teamId: string,
  channelId: string,
): Promise<ChannelNudgeThresholds | undefined> {
  const [row] = await sql.rows<ThresholdRow>(
    `SELECT call_round_trips, long_thread_replies, long_thread_participants, moved_replies
     FROM nudge_settings WHERE team_id = $1 AND channel_id = $2`,
    [teamId, channelId],
  );
  if (!row) return undefined;
  const thresholds: ChannelNudgeThresholds = {};
  if (row.call_round_trips !== null) thresholds.callRoundTrips = Number(row.call_round_trips);
  if (row.long_thread_replies !== null) thresholds.longThreadReplies = Number(row.long_thread_replies);
  if (row.long_thread_participants !== null)
    thresholds.longThreadParticipants = Number(row.long_thread_participants);
  if (row.moved_replies !== null) thresholds.movedReplies = Number(row.moved_replies);
  return thresholds;
}

export async function saveNudgeThresholds(
  sql: Sql,
  teamId: string,
  channelId: string,
  thresholds: ChannelNudgeThresholds,
  now: number,
): Promise<void> {
  await sql.run(
    `INSERT INTO nudge_settings (team_id, channel_id, call_round_trips, long_thread_replies,
       long_thread_participants, moved_replies, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (team_id, channel_id) DO UPDATE SET
       call_round_trips = excluded.call_round_trips, long_thread_replies = excluded.long_thread_replies,
       long_thread_participants = excluded.long_thread_participants, moved_replies = excluded.moved_replies,
       updated_at = excluded.updated_at`,
    [
      teamId,
      channelId,
      thresholds.callRoundTrips ?? null,
      thresholds.longThreadReplies ?? null,
      thresholds.longThreadParticipants ?? null,
      thresholds.movedReplies ?? null,
      now,
    ],
  );
}

function decodePairs(text: string): PairRun[] {
  const parsed: unknown = JSON.parse(text || "[]");
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter((entry): entry is number[] => Array.isArray(entry) && entry.length === 4)
    .map(([a, b, turns, last]) => ({ a: a!, b: b!, turns: turns!, last: last! }));
}
