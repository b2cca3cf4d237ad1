import { describe, expect, it } from "vitest";
import type { ConfigProblem } from "../../src/config.js";
import { loadConfig } from "../../src/config.js";
import { describeDays } from "../../src/nudge/describe-time.js";
import { DEFAULT_NUDGES, effectiveNudgeSettings } from "../../src/nudge/nudge-settings.js";
import { parseDays, parseHours, readNudgeConfig } from "../../src/nudge/read-nudge-config.js";

function read(env: Record<string, string>) {
  const problems: ConfigProblem[] = [];
  const config = readNudgeConfig((name) => env[name], problems);
  return { config, problems };
}

describe("nudge configuration", () => {
  it("defaults to nudges on, not in DMs, 3 round trips, 10 replies or 4 people, 3 replies after an export, 09:00–17:00 Mon–Fri", () => {
    expect(read({})).toEqual({ config: DEFAULT_NUDGES, problems: [] });
    expect(DEFAULT_NUDGES).toEqual({
      enabled: true,
      inDirectMessages: false,
      callRoundTrips: 3,
      longThreadReplies: 10,
      longThreadParticipants: 4,
      movedReplies: 3,
      workingHours: { startMinute: 540, endMinute: 1020, days: [1, 2, 3, 4, 5] },
    });
  });

  it("reads every setting", () => {
    const { config, problems } = read({
      NUDGES: "off",
      NUDGES_IN_DIRECT_MESSAGES: "on",
      NUDGE_CALL_ROUND_TRIPS: "4",
      NUDGE_LONG_THREAD_REPLIES: "20",
      NUDGE_LONG_THREAD_PARTICIPANTS: "5",
      NUDGE_MOVED_REPLIES: "2",
      NUDGE_WORKING_HOURS: "08:30-16:30",
      NUDGE_WORKING_DAYS: "Sun-Thu",
    });
    expect(problems).toEqual([]);
    expect(config).toEqual({
      enabled: false,
      inDirectMessages: true,
      callRoundTrips: 4,
      longThreadReplies: 20,
      longThreadParticipants: 5,
      movedReplies: 2,
      workingHours: { startMinute: 510, endMinute: 990, days: [1, 2, 3, 4, 7] },
    });
  });

  it("reports each bad value with its fix, through loadConfig like every other setting", () => {
    const env = {
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: "s",
      GITLAB_TOKEN: "t",
      GITLAB_DEFAULT_PROJECT: "acme/web",
      NUDGES: "maybe",
      NUDGE_CALL_ROUND_TRIPS: "0",
      NUDGE_LONG_THREAD_PARTICIPANTS: "11",
      NUDGE_WORKING_HOURS: "17:00-09:00",
      NUDGE_WORKING_DAYS: "Weekdays",
    };
    expect(() => loadConfig(env)).toThrow(/NUDGES: "maybe" is neither on nor off/);
    try {
      loadConfig(env);
    } catch (error) {
      const problems = (error as { problems: ConfigProblem[] }).problems.map((p) => p.variable);
      expect(problems).toEqual([
        "NUDGES",
        "NUDGE_CALL_ROUND_TRIPS",
        "NUDGE_LONG_THREAD_PARTICIPANTS",
        "NUDGE_WORKING_HOURS",
        "NUDGE_WORKING_DAYS",
      ]);
    }
  });

  it("parses working hours and days", () => {
    expect(parseHours("9:00 - 17:30")).toEqual({ startMinute: 540, endMinute: 1050 });
    expect(parseHours("00:00-24:00")).toEqual({ startMinute: 0, endMinute: 1440 });
    expect(parseHours("17:00-09:00")).toBeUndefined();
    expect(parseHours("9-17")).toBeUndefined();
    expect(parseDays("Mon-Fri")).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays("fri-mon")).toEqual([1, 5, 6, 7]);
    expect(parseDays("Monday, Wednesday,Fri")).toEqual([1, 3, 5]);
    expect(parseDays("Mon,,Tue")).toBeUndefined();
  });

  it("describes days as people write them", () => {
    expect(describeDays([1, 2, 3, 4, 5])).toBe("Mon–Fri");
    expect(describeDays([7, 1, 2, 3, 4])).toBe("Sun–Thu");
    expect(describeDays([1, 3, 5])).toBe("Mon, Wed, Fri");
    expect(describeDays([1, 2, 3, 4, 5, 6, 7])).toBe("every day");
  });
});

describe("per-channel settings", () => {
  it("override the configuration, within limits, and follow it where unset", () => {
    expect(effectiveNudgeSettings(DEFAULT_NUDGES, false, { longThreadReplies: 25 })).toEqual({
      enabled: false,
      callRoundTrips: 3,
      longThreadReplies: 25,
      longThreadParticipants: 4,
      movedReplies: 3,
    });
    expect(effectiveNudgeSettings(DEFAULT_NUDGES, undefined, { longThreadParticipants: 99 })).toMatchObject({
      enabled: true,
      longThreadParticipants: 10,
    });
  });
});
