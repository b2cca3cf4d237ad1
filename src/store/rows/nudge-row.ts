/**
 * nudge_threads and nudge_settings rows → NudgeThreadState / ChannelNudgeThresholds, shared by the SQLite and
 * PostgreSQL stores.
 */
import type { PairRun } from "../../nudge/back-and-forth.js";
import { type ChannelNudgeThresholds, NUDGE_KINDS, type NudgeKind } from "../../nudge/nudge-settings.js";
import type { NudgeThreadState } from "../../nudge/thread-state.js";

export interface NudgeThreadRow {
  last_ts: string;
  last_user: string;
  reply_count: number | string;
  participants: string;
  pairs: string;
  moved_replies: number | string;
  moved_since: string | null;
  nudged: string;
}

export interface NudgeThresholdRow {
  call_round_trips: number | string | null;
  long_thread_replies: number | string | null;
  long_thread_participants: number | string | null;
  moved_replies: number | string | null;
}

export const NUDGE_THREAD_COLUMNS =
  "last_ts, last_user, reply_count, participants, pairs, moved_replies, moved_since, nudged";
export const NUDGE_THRESHOLD_COLUMNS =
  "call_round_trips, long_thread_replies, long_thread_participants, moved_replies";

export function toNudgeThreadState(
  teamId: string,
  channelId: string,
  threadTs: string,
  row: NudgeThreadRow,
): NudgeThreadState {
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

export function toNudgeThresholds(row: NudgeThresholdRow): ChannelNudgeThresholds {
  const thresholds: ChannelNudgeThresholds = {};
  if (row.call_round_trips !== null) thresholds.callRoundTrips = Number(row.call_round_trips);
  if (row.long_thread_replies !== null) thresholds.longThreadReplies = Number(row.long_thread_replies);
  if (row.long_thread_participants !== null) {
    thresholds.longThreadParticipants = Number(row.long_thread_participants);
  }
  if (row.moved_replies !== null) thresholds.movedReplies = Number(row.moved_replies);
  return thresholds;
}

/** [[a, b, turns, last], …]: JSON keeps it portable and short (45 pairs at most). */
export function encodePairs(pairs: readonly PairRun[]): string {
  return JSON.stringify(pairs.map((p) => [p.a, p.b, p.turns, p.last]));
}

export function decodePairs(text: string): PairRun[] {
  const parsed: unknown = JSON.parse(text || "[]");
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter((entry): entry is number[] => Array.isArray(entry) && entry.length === 4)
    .map(([a, b, turns, last]) => ({ a: a!, b: b!, turns: turns!, last: last! }));
}
