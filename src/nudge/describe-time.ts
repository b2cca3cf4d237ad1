/** How times read in nudges: local to each person, English, 24-hour clock. */
import { DateTime } from "luxon";
import { utcOffsetLabel } from "../export/slack-time.js";
import type { WorkingHours } from "./nudge-settings.js";

const LOCALE = "en-GB";
const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

function local(at: Date, zone: string): DateTime {
  return DateTime.fromJSDate(at, { zone }).setLocale(LOCALE);
}

/** "Tue 14:05" */
export function localClock(at: Date, zone: string): string {
  return local(at, zone).toFormat("ccc HH:mm");
}

/** "Tue 7 Jan, 15:00–15:30" */
export function localSlot(start: Date, end: Date, zone: string): string {
  return `${local(start, zone).toFormat("ccc d LLL, HH:mm")}–${local(end, zone).toFormat("HH:mm")}`;
}

/** "Europe/Berlin, UTC+1" */
export function zoneLabel(zone: string, at: Date): string {
  const offset = utcOffsetLabel(zone, at);
  return offset ? `${zone}, ${offset}` : zone;
}

/** "09:00–17:00 Mon–Fri" */
export function describeWorkingHours(hours: WorkingHours): string {
  return `${clock(hours.startMinute)}–${clock(hours.endMinute)} ${describeDays(hours.days)}`;
}

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** [1,2,3,4,5] → "Mon–Fri"; [7,1,2,3,4] → "Sun–Thu"; otherwise a list. */
export function describeDays(days: readonly number[]): string {
  const set = new Set(days);
  if (set.size === 7) return "every day";
  // A run of consecutive days (wrapping around the week) reads as a range.
  const start = [...set].find((day) => !set.has(day === 1 ? 7 : day - 1));
  if (start !== undefined && set.size > 2) {
    const run = Array.from({ length: set.size }, (_, i) => ((start - 1 + i) % 7) + 1);
    if (run.every((day) => set.has(day))) return `${DAY_NAMES[start - 1]}–${DAY_NAMES[run.at(-1)! - 1]}`;
  }
  return [...set]
    .sort((a, b) => a - b)
    .map((day) => DAY_NAMES[day - 1])
    .join(", ");
}

/** 810 → "13 h 30 min", 960 → "16 h" */
export function describeDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** 3 → "three times"; 12 → "12 times" */
export function times(count: number): string {
  if (count === 1) return "once";
  if (count === 2) return "twice";
  return `${NUMBER_WORDS[count] ?? count} times`;
}
