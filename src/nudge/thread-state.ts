/**
 * The compact per-thread state behind the nudges, and how one reply changes it. Pure: the caller reads the
 * state and the thread's issue link from the store, and saves what comes back.
 */
import { compareSlackTs } from "../export/slack-time.js";
import { type PairRun, pairReaching, recordTurn } from "./back-and-forth.js";
import {
  type EffectiveNudgeSettings,
  MAX_TRACKED_PARTICIPANTS,
  NUDGE_KINDS,
  type NudgeKind,
} from "./nudge-settings.js";

export interface NudgeThreadState {
  teamId: string;
  channelId: string;
  threadTs: string;
  /** ts of the newest reply taken into account: a redelivered or older event is ignored. */
  lastTs: string;
  /** Author of that reply. */
  lastUser: string;
  /** Replies seen (the parent not included). */
  replyCount: number;
  /** Distinct people in order of appearance, the parent's author first when known; at most MAX_TRACKED_PARTICIPANTS. */
  participants: string[];
  /** Back-and-forth per pair; emptied once the call nudge was posted. */
  pairs: PairRun[];
  /** Replies since the thread's issue was last written… */
  movedReplies: number;
  /** …counted from this export (the link's lastExportedTs); undefined while the thread has no issue. */
  movedSince?: string;
  /** Nudges already posted in this thread. */
  nudged: NudgeKind[];
}

/** One plain user reply in a thread. */
export interface ThreadReply {
  teamId: string;
  channelId: string;
  threadTs: string;
  ts: string;
  userId: string;
  /** Author of the thread's parent, from the event's parent_user_id. */
  parentUserId?: string;
}

export type DueNudge =
  | { kind: "call"; people: [string, string]; roundTrips: number }
  | { kind: "take_async"; replies: number; participants: number; reason: "replies" | "participants" }
  | { kind: "already_moved"; newReplies: number };

export interface ReplyContext {
  settings: EffectiveNudgeSettings;
  /** The thread's issue, when it was exported. */
  link?: { lastExportedTs: string };
}

/** Whether the reply is new to the state (not a redelivery, not older than what was counted). */
export function isNewReply(state: NudgeThreadState | undefined, ts: string): boolean {
  return !state || compareSlackTs(ts, state.lastTs) > 0;
}

/** Every kind was posted: nothing about this thread can change any more. */
export function isSettled(state: NudgeThreadState | undefined): boolean {
  return !!state && NUDGE_KINDS.every((kind) => state.nudged.includes(kind));
}

/** Applies one reply; returns the next state and the nudges now due (none of them marked as posted yet). */
export function advanceThreadState(
  previous: NudgeThreadState | undefined,
  reply: ThreadReply,
  context: ReplyContext,
): { state: NudgeThreadState; due: DueNudge[] } {
  const base = previous ?? emptyState(reply);
  const participants = [...base.participants];
  let pairs = base.pairs;
  let speaker = participants.indexOf(reply.userId);
  const isNew = speaker < 0 && participants.length < MAX_TRACKED_PARTICIPANTS;
  if (isNew) {
    participants.push(reply.userId);
    speaker = participants.length - 1;
  }
  if (speaker >= 0 && !base.nudged.includes("call")) pairs = recordTurn(pairs, speaker, isNew);

  const link = context.link;
  const sameExport = link !== undefined && base.movedSince === link.lastExportedTs;
  const movedBefore = sameExport ? base.movedReplies : 0;
  const isAfterExport = link !== undefined && compareSlackTs(reply.ts, link.lastExportedTs) > 0;
  const state: NudgeThreadState = {
    ...base,
    lastTs: reply.ts,
    lastUser: reply.userId,
    replyCount: base.replyCount + 1,
    participants,
    pairs,
    movedReplies: movedBefore + (isAfterExport ? 1 : 0),
    movedSince: link?.lastExportedTs,
  };
  return { state, due: dueNudges(state, context) };
}

function emptyState(reply: ThreadReply): NudgeThreadState {
  const parent = reply.parentUserId;
  return {
    teamId: reply.teamId,
    channelId: reply.channelId,
    threadTs: reply.threadTs,
    lastTs: reply.threadTs,
    lastUser: parent ?? reply.userId,
    replyCount: 0,
    participants: parent ? [parent] : [],
    pairs: [],
    movedReplies: 0,
    nudged: [],
  };
}

function dueNudges(state: NudgeThreadState, { settings, link }: ReplyContext): DueNudge[] {
  const due: DueNudge[] = [];
  const done = (kind: NudgeKind) => state.nudged.includes(kind);
  if (!done("call")) {
    const run = pairReaching(state.pairs, 2 * settings.callRoundTrips);
    if (run) {
      const people: [string, string] = [state.participants[run.a]!, state.participants[run.b]!];
      due.push({ kind: "call", people, roundTrips: settings.callRoundTrips });
    }
  }
  if (!done("take_async") && !link) {
    const byReplies = state.replyCount >= settings.longThreadReplies;
    const byPeople = state.participants.length >= settings.longThreadParticipants;
    if (byReplies || byPeople) {
      due.push({
        kind: "take_async",
        replies: state.replyCount,
        participants: state.participants.length,
        reason: byReplies ? "replies" : "participants",
      });
    }
  }
  if (!done("already_moved") && link && state.movedReplies >= settings.movedReplies) {
    due.push({ kind: "already_moved", newReplies: state.movedReplies });
  }
  return due;
}

/** The state with these nudges recorded as posted (the call nudge's pair tracking is dropped: it is done). */
export function markNudged(state: NudgeThreadState, kinds: readonly NudgeKind[]): NudgeThreadState {
  if (kinds.length === 0) return state;
  const nudged = [...state.nudged, ...kinds.filter((kind) => !state.nudged.includes(kind))];
  return { ...state, nudged, pairs: nudged.includes("call") ? [] : state.pairs };
}
