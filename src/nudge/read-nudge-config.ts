/** Nudge configuration from the environment: every value optional, every problem reported with its fix. */
import type { ConfigProblem } from "../config.js";
import {
  DEFAULT_NUDGES,
  type NudgeDefaults,
  type NudgeThresholds,
  THRESHOLD_LIMITS,
  type WorkingHours,
} from "./nudge-settings.js";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const TIME = /^([01]?\d|2[0-4]):([0-5]\d)$/;

type Read = (name: string) => string | undefined;

export function readNudgeConfig(read: Read, problems: ConfigProblem[]): NudgeDefaults {
  const threshold = (variable: string, key: keyof NudgeThresholds): number => {
    const raw = read(variable);
    if (raw === undefined) return DEFAULT_NUDGES[key];
    const value = Number(raw);
    const { min, max } = THRESHOLD_LIMITS[key];
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push({
        variable,
        problem: `"${raw}" is not a whole number from ${min} to ${max}`,
        fix: `use a number such as ${DEFAULT_NUDGES[key]} (the default), or leave it unset`,
      });
      return DEFAULT_NUDGES[key];
    }
    return value;
  };
  return {
    enabled: readSwitch(read, "NUDGES", DEFAULT_NUDGES.enabled, problems),
    inDirectMessages: readSwitch(
      read,
      "NUDGES_IN_DIRECT_MESSAGES",
      DEFAULT_NUDGES.inDirectMessages,
      problems,
    ),
    callRoundTrips: threshold("NUDGE_CALL_ROUND_TRIPS", "callRoundTrips"),
    longThreadReplies: threshold("NUDGE_LONG_THREAD_REPLIES", "longThreadReplies"),
    longThreadParticipants: threshold("NUDGE_LONG_THREAD_PARTICIPANTS", "longThreadParticipants"),
    movedReplies: threshold("NUDGE_MOVED_REPLIES", "movedReplies"),
    workingHours: readWorkingHours(read, problems),
  };
}

function readSwitch(read: Read, variable: string, fallback: boolean, problems: ConfigProblem[]): boolean {
  const raw = read(variable)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (["on", "true", "yes", "1"].includes(raw)) return true;
  if (["off", "false", "no", "0"].includes(raw)) return false;
  problems.push({ variable, problem: `"${raw}" is neither on nor off`, fix: "use on or off" });
  return fallback;
}

function readWorkingHours(read: Read, problems: ConfigProblem[]): WorkingHours {
  const defaults = DEFAULT_NUDGES.workingHours;
  const hours = read("NUDGE_WORKING_HOURS");
  const days = read("NUDGE_WORKING_DAYS");
  const range = hours === undefined ? defaults : parseHours(hours);
  if (!range) {
    problems.push({
      variable: "NUDGE_WORKING_HOURS",
      problem: `"${hours}" is not a range of local times`,
      fix: "write start and end as HH:MM-HH:MM, the start first, e.g. 09:00-17:00",
    });
  }
  const weekdays = days === undefined ? defaults.days : parseDays(days);
  if (!weekdays) {
    problems.push({
      variable: "NUDGE_WORKING_DAYS",
      problem: `"${days}" is not a list of weekdays`,
      fix: "use three-letter English day names, as a range or a list: Mon-Fri, Sun-Thu or Mon,Tue,Thu",
    });
  }
  return {
    startMinute: (range ?? defaults).startMinute,
    endMinute: (range ?? defaults).endMinute,
    days: weekdays ?? defaults.days,
  };
}

/** "09:00-17:00" → minutes after midnight; undefined when malformed or not increasing. */
export function parseHours(text: string): { startMinute: number; endMinute: number } | undefined {
  const [from, to, ...rest] = text.split("-").map((part) => part.trim());
  if (!from || !to || rest.length > 0) return undefined;
  const start = minutesOf(from);
  const end = minutesOf(to);
  if (start === undefined || end === undefined || end <= start || end > 24 * 60) return undefined;
  return { startMinute: start, endMinute: end };
}

function minutesOf(time: string): number | undefined {
  const match = TIME.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** "Mon-Fri", "Sun-Thu" (wrapping), "Mon,Wed,Fri" → ISO weekdays in order; undefined when malformed. */
export function parseDays(text: string): number[] | undefined {
  const days = new Set<number>();
  for (const part of text.split(",").map((p) => p.trim().toLowerCase())) {
    const [first, last, ...rest] = part.split("-").map((p) => p.trim());
    const from = WEEKDAYS.indexOf(first?.slice(0, 3) ?? "");
    const to = last === undefined ? from : WEEKDAYS.indexOf(last.slice(0, 3));
    if (from < 0 || to < 0 || rest.length > 0) return undefined;
    for (let day = from; ; day = (day + 1) % 7) {
      days.add(day + 1);
      if (day === to) break;
    }
  }
  return days.size > 0 ? [...days].sort((a, b) => a - b) : undefined;
}
