/** PostgreSQL SQL for the nudges' per-thread state and per-channel thresholds (schema version 3). */
import type { ChannelNudgeThresholds } from "../nudge/nudge-settings.js";
import type { NudgeThreadState } from "../nudge/thread-state.js";
import type { Sql } from "./postgres-sql.js";
import {
  encodePairs,
  NUDGE_THREAD_COLUMNS,
  NUDGE_THRESHOLD_COLUMNS,
  type NudgeThreadRow,
  type NudgeThresholdRow,
  toNudgeThreadState,
  toNudgeThresholds,
} from "./rows/nudge-row.js";
import { NUDGE_THREAD_RETENTION_MS } from "./sqlite-nudges.js";

export async function getNudgeThread(
  sql: Sql,
  teamId: string,
  channelId: string,
  threadTs: string,
): Promise<NudgeThreadState | undefined> {
  const [row] = await sql.rows<NudgeThreadRow>(
    `SELECT ${NUDGE_THREAD_COLUMNS}
     FROM nudge_threads WHERE team_id = $1 AND channel_id = $2 AND thread_ts = $3`,
    [teamId, channelId, threadTs],
  );
  if (!row) return undefined;
  return toNudgeThreadState(teamId, channelId, threadTs, row);
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
    encodePairs(state.pairs),
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
  const [row] = await sql.rows<NudgeThresholdRow>(
    `SELECT ${NUDGE_THRESHOLD_COLUMNS}
     FROM nudge_settings WHERE team_id = $1 AND channel_id = $2`,
    [teamId, channelId],
  );
  if (!row) return undefined;
  return toNudgeThresholds(row);
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
