/** What the nudges react to: thresholds and working hours, globally (configuration) and per channel (store). */

export type NudgeKind = "call" | "take_async" | "already_moved";

export const NUDGE_KINDS: readonly NudgeKind[] = ["call", "take_async", "already_moved"];

/** Working hours in each person's own time zone. */
export interface WorkingHours {
  /** Minutes after local midnight, e.g. 540 for 09:00. */
  startMinute: number;
  /** Minutes after local midnight, after startMinute, e.g. 1020 for 17:00. */
  endMinute: number;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  days: number[];
}

export interface NudgeThresholds {
  /** A→B→A→B→A→B is three round trips. */
  callRoundTrips: number;
  /** "Take this async" after this many replies… */
  longThreadReplies: number;
  /** …or this many distinct people (the parent's author included). */
  longThreadParticipants: number;
  /** "Already moved" after this many replies since the thread's issue was last written. */
  movedReplies: number;
}

/** Per-channel overrides of the thresholds; undefined fields follow the configuration. */
export type ChannelNudgeThresholds = Partial<NudgeThresholds>;

export interface NudgeDefaults extends NudgeThresholds {
  /** Nudges on unless a channel turns them off. */
  enabled: boolean;
  /** Nudge in direct messages and group DMs too. */
  inDirectMessages: boolean;
  workingHours: WorkingHours;
}

export interface EffectiveNudgeSettings extends NudgeThresholds {
  enabled: boolean;
}

/** People tracked per thread; more would make the per-thread state grow without bound. */
export const MAX_TRACKED_PARTICIPANTS = 10;

export const THRESHOLD_LIMITS: Record<keyof NudgeThresholds, { min: number; max: number }> = {
  callRoundTrips: { min: 1, max: 50 },
  longThreadReplies: { min: 1, max: 1000 },
  longThreadParticipants: { min: 2, max: MAX_TRACKED_PARTICIPANTS },
  movedReplies: { min: 1, max: 1000 },
};

export const DEFAULT_WORKING_HOURS: WorkingHours = {
  startMinute: 9 * 60,
  endMinute: 17 * 60,
  days: [1, 2, 3, 4, 5],
};

export const DEFAULT_NUDGES: NudgeDefaults = {
  enabled: true,
  inDirectMessages: false,
  callRoundTrips: 3,
  longThreadReplies: 10,
  longThreadParticipants: 4,
  movedReplies: 3,
  workingHours: DEFAULT_WORKING_HOURS,
};

/** The settings that apply in one channel: its own on/off and thresholds over the configured defaults. */
export function effectiveNudgeSettings(
  defaults: NudgeDefaults,
  channelEnabled: boolean | undefined,
  channel: ChannelNudgeThresholds | undefined,
): EffectiveNudgeSettings {
  const pick = (key: keyof NudgeThresholds): number => {
    const value = channel?.[key];
    const { min, max } = THRESHOLD_LIMITS[key];
    return value !== undefined && Number.isInteger(value)
      ? Math.min(max, Math.max(min, value))
      : defaults[key];
  };
  return {
    enabled: channelEnabled ?? defaults.enabled,
    callRoundTrips: pick("callRoundTrips"),
    longThreadReplies: pick("longThreadReplies"),
    longThreadParticipants: pick("longThreadParticipants"),
    movedReplies: pick("movedReplies"),
  };
}
