/**
 * The next 30-minute slot inside everyone's working hours, each person in their own time zone, within their
 * next working days. Luxon does the calendar work, so DST changes and 30/45-minute offsets come out right:
 * every interval is built from local wall-clock times and compared as instants.
 */
import { DateTime } from "luxon";
import type { WorkingHours } from "./nudge-settings.js";

export interface SlotPerson {
  id: string;
  name: string;
  /** IANA zone from the Slack profile; absent (or unknown to the runtime) means unknown. */
  timeZone?: string;
}

export interface SlotOptions {
  /** Working days searched, per person, counting today when some of its working time is left. */
  workingDays: number;
  slotMinutes: number;
  /** Slots start on multiples of this many minutes (every zone's offset is a multiple of 15 minutes). */
  stepMinutes: number;
}

export const DEFAULT_SLOT_OPTIONS: SlotOptions = { workingDays: 3, slotMinutes: 30, stepMinutes: 15 };

export type NoSlotReason =
  /** Nobody's time zone is known. */
  | { kind: "no_time_zones" }
  /** Two people's working hours overlap by less than a slot on any day. */
  | {
      kind: "hours_never_overlap";
      ahead: SlotPerson;
      behind: SlotPerson;
      differenceMinutes: number;
      /** Longest shared stretch on any day (0 when the hours never meet at all). */
      overlapMinutes: number;
    }
  /** The hours could overlap, but not on days when everyone works, within the searched days. */
  | { kind: "days_do_not_meet" };

export type SlotSearch =
  | { kind: "slot"; start: Date; end: Date; unknownZone: SlotPerson[] }
  | { kind: "none"; reason: NoSlotReason; unknownZone: SlotPerson[] };

interface Interval {
  start: number;
  end: number;
}

const MINUTE_MS = 60_000;
/** Enough local days to find a few working days even with one working day a week. */
const MAX_DAYS_SCANNED = 21;

export function findCallSlot(
  people: readonly SlotPerson[],
  now: Date,
  hours: WorkingHours,
  options: SlotOptions = DEFAULT_SLOT_OPTIONS,
): SlotSearch {
  const known = people.filter((person) => isKnownZone(person.timeZone));
  const unknownZone = people.filter((person) => !isKnownZone(person.timeZone));
  if (known.length === 0) return { kind: "none", reason: { kind: "no_time_zones" }, unknownZone };

  let shared: Interval[] | undefined;
  for (const person of known) {
    const own = workingIntervals(person.timeZone!, now, hours, options.workingDays);
    shared = shared === undefined ? own : intersect(shared, own);
  }
  const slotMs = options.slotMinutes * MINUTE_MS;
  const stepMs = options.stepMinutes * MINUTE_MS;
  for (const interval of shared ?? []) {
    const start = Math.ceil(interval.start / stepMs) * stepMs;
    if (start + slotMs <= interval.end) {
      return { kind: "slot", start: new Date(start), end: new Date(start + slotMs), unknownZone };
    }
  }
  return { kind: "none", reason: explainNoSlot(known, now, hours, options.slotMinutes), unknownZone };
}

function isKnownZone(zone: string | undefined): boolean {
  return !!zone && DateTime.now().setZone(zone).isValid;
}

/** The person's working hours as instants, from now, on their next `days` working days. */
function workingIntervals(zone: string, now: Date, hours: WorkingHours, days: number): Interval[] {
  const nowMs = now.getTime();
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  const intervals: Interval[] = [];
  for (let offset = 0; offset < MAX_DAYS_SCANNED && intervals.length < days; offset += 1) {
    const day = today.plus({ days: offset });
    if (!hours.days.includes(day.weekday)) continue;
    const start = atMinute(day, hours.startMinute);
    const end = atMinute(day, hours.endMinute);
    if (end <= nowMs) continue;
    intervals.push({ start: Math.max(start, nowMs), end });
  }
  return intervals;
}

/** Wall-clock time on that local day (luxon moves a time that falls into a DST gap forward). */
function atMinute(day: DateTime, minute: number): number {
  return day
    .set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 })
    .toMillis();
}

function intersect(left: Interval[], right: Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const a = left[i]!;
    const b = right[j]!;
    const start = Math.max(a.start, b.start);
    const end = Math.min(a.end, b.end);
    if (start < end) out.push({ start, end });
    if (a.end < b.end) i += 1;
    else j += 1;
  }
  return out;
}

/**
 * Why no slot was found: when two people's offsets (as of now) keep their working hours from overlapping by
 * a slot's length on any day, that pair is the reason; otherwise the working days did not meet.
 */
function explainNoSlot(
  known: SlotPerson[],
  now: Date,
  hours: WorkingHours,
  slotMinutes: number,
): NoSlotReason {
  const length = hours.endMinute - hours.startMinute;
  let worst: { overlap: number; reason: NoSlotReason } | undefined;
  for (let i = 0; i < known.length; i += 1) {
    for (let j = i + 1; j < known.length; j += 1) {
      const a = known[i]!;
      const b = known[j]!;
      const difference = offsetMinutes(a, now) - offsetMinutes(b, now);
      // The same local hours, shifted by the offset difference, compared on the same and on adjacent days.
      const overlap = Math.max(...[-1440, 0, 1440].map((shift) => length - Math.abs(difference - shift)));
      if (overlap >= slotMinutes || (worst && worst.overlap <= overlap)) continue;
      const [ahead, behind] = difference >= 0 ? [a, b] : [b, a];
      worst = {
        overlap,
        reason: {
          kind: "hours_never_overlap",
          ahead,
          behind,
          differenceMinutes: Math.abs(difference),
          overlapMinutes: Math.max(0, overlap),
        },
      };
    }
  }
  return worst?.reason ?? { kind: "days_do_not_meet" };
}

function offsetMinutes(person: SlotPerson, now: Date): number {
  return DateTime.fromJSDate(now, { zone: person.timeZone! }).offset;
}
