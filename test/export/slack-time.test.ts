import { describe, expect, it } from "vitest";
import { compareSlackTs, formatUtc, slackTsToDate, utcOffsetLabel } from "../../src/export/slack-time.js";

describe("slackTsToDate", () => {
  it("turns the seconds part of a Slack ts into the instant", () => {
    expect(slackTsToDate("1718022317.000000").toISOString()).toBe("2024-06-10T12:25:17.000Z");
  });

  it("keeps the milliseconds of the fractional part", () => {
    expect(slackTsToDate("1718022317.337809").getTime()).toBe(1_718_022_317_338);
  });

  it("rounds the microseconds to the nearest millisecond", () => {
    expect(slackTsToDate("1700000000.000400").getTime()).toBe(1_700_000_000_000);
    expect(slackTsToDate("1700000000.000600").getTime()).toBe(1_700_000_000_001);
  });

  it("reads a ts without a fractional part", () => {
    expect(slackTsToDate("1700000000").getTime()).toBe(1_700_000_000_000);
  });

  it("gives an invalid Date for text that is not a ts", () => {
    expect(Number.isNaN(slackTsToDate("not-a-ts").getTime())).toBe(true);
  });
});

describe("compareSlackTs", () => {
  it("returns zero for the same ts", () => {
    expect(compareSlackTs("1718022317.337809", "1718022317.337809")).toBe(0);
  });

  it("orders by seconds first", () => {
    expect(compareSlackTs("1718022317.999999", "1718022318.000001")).toBeLessThan(0);
    expect(compareSlackTs("1718022318.000001", "1718022317.999999")).toBeGreaterThan(0);
  });

  it("orders by microseconds within the same second", () => {
    expect(compareSlackTs("1718022317.000100", "1718022317.000200")).toBeLessThan(0);
  });

  it("orders correctly when the seconds have different digit counts, where string order is wrong", () => {
    expect("999999999.000000" > "1000000000.000000").toBe(true); // why a numeric compare is needed
    expect(compareSlackTs("999999999.000000", "1000000000.000000")).toBeLessThan(0);
  });

  it("reads a short fractional part as tenths, not as microseconds", () => {
    expect(compareSlackTs("1700000000.1", "1700000000.000002")).toBeGreaterThan(0);
    expect(compareSlackTs("1700000000.1", "1700000000.100000")).toBe(0);
  });

  it("treats a missing fractional part as .000000", () => {
    expect(compareSlackTs("1700000000", "1700000000.000000")).toBe(0);
    expect(compareSlackTs("1700000000", "1700000000.000001")).toBeLessThan(0);
  });

  it("sorts a thread's timestamps oldest first", () => {
    const sorted = ["1718022480.551209", "999999999.5", "1718022317.337809", "1718022317.34"].sort(
      compareSlackTs,
    );
    expect(sorted).toEqual(["999999999.5", "1718022317.337809", "1718022317.34", "1718022480.551209"]);
  });
});

describe("formatUtc", () => {
  it("prints date and minutes in UTC", () => {
    expect(formatUtc(new Date("2026-11-25T14:03:59.999Z"))).toBe("2026-11-25 14:03 UTC");
  });

  it("pads single-digit months, days, hours and minutes", () => {
    expect(formatUtc(new Date("2026-01-05T04:07:00Z"))).toBe("2026-01-05 04:07 UTC");
  });

  it("ignores the zone of the machine it runs on", () => {
    expect(formatUtc(new Date("2026-03-29T23:30:00-02:00"))).toBe("2026-03-30 01:30 UTC");
  });
});

describe("utcOffsetLabel", () => {
  const WINTER = new Date("2026-01-15T12:00:00Z");
  const SUMMER = new Date("2026-07-15T12:00:00Z");

  it("labels Berlin in winter as UTC+1", () => {
    expect(utcOffsetLabel("Europe/Berlin", WINTER)).toBe("UTC+1");
  });

  it("labels Berlin in summer as UTC+2", () => {
    expect(utcOffsetLabel("Europe/Berlin", SUMMER)).toBe("UTC+2");
  });

  it("switches Berlin to summer time on the last Sunday of March at 01:00 UTC", () => {
    expect(utcOffsetLabel("Europe/Berlin", new Date("2026-03-29T00:59:00Z"))).toBe("UTC+1");
    expect(utcOffsetLabel("Europe/Berlin", new Date("2026-03-29T01:00:00Z"))).toBe("UTC+2");
  });

  it("labels Kolkata as UTC+5:30 all year", () => {
    expect(utcOffsetLabel("Asia/Kolkata", WINTER)).toBe("UTC+5:30");
    expect(utcOffsetLabel("Asia/Kolkata", SUMMER)).toBe("UTC+5:30");
  });

  it("labels Kathmandu as UTC+5:45", () => {
    expect(utcOffsetLabel("Asia/Kathmandu", WINTER)).toBe("UTC+5:45");
  });

  it("labels New York in winter with a minus sign", () => {
    expect(utcOffsetLabel("America/New_York", WINTER)).toBe("UTC−5");
  });

  it("labels a negative half-hour zone such as St. John's", () => {
    expect(utcOffsetLabel("America/St_Johns", WINTER)).toBe("UTC−3:30");
  });

  it("labels UTC itself as UTC+0", () => {
    expect(utcOffsetLabel("UTC", SUMMER)).toBe("UTC+0");
  });

  it("returns undefined for a zone the runtime does not know", () => {
    expect(utcOffsetLabel("Mars/Olympus_Mons", WINTER)).toBeUndefined();
  });

  it("returns undefined for an empty zone name", () => {
    expect(utcOffsetLabel("", WINTER)).toBeUndefined();
  });
});
