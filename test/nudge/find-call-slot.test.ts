/** Call slots across time zones; expectations checked against ../shared/FACTS.md ("Time zones"). */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { findCallSlot, type SlotPerson, type SlotSearch } from "../../src/nudge/find-call-slot.js";
import { DEFAULT_WORKING_HOURS, type WorkingHours } from "../../src/nudge/nudge-settings.js";

const person = (name: string, timeZone?: string): SlotPerson => ({
  id: `U_${name.toUpperCase()}`,
  name,
  timeZone,
});
const berlin = person("Alice", "Europe/Berlin");
const newYork = person("Bob", "America/New_York");
const kolkata = person("Priya", "Asia/Kolkata");
const losAngeles = person("Lee", "America/Los_Angeles");
const tokyo = person("Kenji", "Asia/Tokyo");
const sanFrancisco = person("Dana", "America/Los_Angeles");
const kathmandu = person("Sita", "Asia/Kathmandu");
const noZone = person("Sam");

/** The slot as each person reads it: "Mon 2025-01-06 09:00–09:30". */
function localSlots(search: SlotSearch, people: SlotPerson[]): Record<string, string> {
  if (search.kind !== "slot") throw new Error(`expected a slot, got ${JSON.stringify(search)}`);
  return Object.fromEntries(
    people
      .filter((p) => p.timeZone)
      .map((p) => {
        const start = DateTime.fromJSDate(search.start, { zone: p.timeZone });
        const end = DateTime.fromJSDate(search.end, { zone: p.timeZone });
        return [p.name, `${start.toFormat("ccc yyyy-LL-dd HH:mm")}–${end.toFormat("HH:mm")}`];
      }),
  );
}

function find(people: SlotPerson[], nowUtc: string, hours: WorkingHours = DEFAULT_WORKING_HOURS): SlotSearch {
  return findCallSlot(people, new Date(nowUtc), hours);
}

describe("Berlin and New York (overlap 09:00–11:00 New York time in winter)", () => {
  it("suggests 09:00 in New York, 15:00 in Berlin, on a Monday morning", () => {
    const search = find([berlin, newYork], "2025-01-06T07:00:00Z");
    expect(localSlots(search, [berlin, newYork])).toEqual({
      Alice: "Mon 2025-01-06 15:00–15:30",
      Bob: "Mon 2025-01-06 09:00–09:30",
    });
  });

  it("fits the last half hour before 11:00 New York, and moves to the next day after it", () => {
    expect(localSlots(find([berlin, newYork], "2025-01-06T15:20:00Z"), [newYork])).toEqual({
      Bob: "Mon 2025-01-06 10:30–11:00",
    });
    expect(localSlots(find([berlin, newYork], "2025-01-06T15:31:00Z"), [berlin, newYork])).toEqual({
      Alice: "Tue 2025-01-07 15:00–15:30",
      Bob: "Tue 2025-01-07 09:00–09:30",
    });
  });

  it("starts on the next quarter hour when the shared hours have begun", () => {
    expect(localSlots(find([berlin, newYork], "2025-01-07T14:05:00Z"), [newYork])).toEqual({
      Bob: "Tue 2025-01-07 09:15–09:45",
    });
  });

  it("skips the weekend", () => {
    expect(localSlots(find([berlin, newYork], "2025-01-11T12:00:00Z"), [berlin, newYork])).toEqual({
      Alice: "Mon 2025-01-13 15:00–15:30",
      Bob: "Mon 2025-01-13 09:00–09:30",
    });
    // Friday after the overlap: Monday, not Saturday.
    expect(localSlots(find([berlin, newYork], "2025-01-10T17:00:00Z"), [newYork])).toEqual({
      Bob: "Mon 2025-01-13 09:00–09:30",
    });
  });

  it("follows configured working hours", () => {
    const hours = { startMinute: 10 * 60, endMinute: 18 * 60, days: [1, 2, 3, 4, 5] };
    expect(localSlots(find([berlin, newYork], "2025-01-06T07:00:00Z", hours), [berlin, newYork])).toEqual({
      Alice: "Mon 2025-01-06 16:00–16:30",
      Bob: "Mon 2025-01-06 10:00–10:30",
    });
  });
});

describe("across the DST switch weeks (US second Sunday of March, EU last Sunday)", () => {
  it("uses New York's new offset the Monday after the US switch, while Berlin is still on winter time", () => {
    // Friday 7 March: 5 h apart until Sunday; from Monday 10 March New York is UTC−4, Berlin still UTC+1.
    const search = find([berlin, newYork], "2025-03-07T20:00:00Z");
    expect(localSlots(search, [berlin, newYork])).toEqual({
      Alice: "Mon 2025-03-10 14:00–14:30",
      Bob: "Mon 2025-03-10 09:00–09:30",
    });
  });

  it("shares three hours (09:00–12:00 New York) in the weeks between the two switches", () => {
    expect(localSlots(find([berlin, newYork], "2025-03-10T15:20:00Z"), [berlin, newYork])).toEqual({
      Alice: "Mon 2025-03-10 16:30–17:00",
      Bob: "Mon 2025-03-10 11:30–12:00",
    });
  });

  it("is back to six hours apart after the EU switch", () => {
    expect(localSlots(find([berlin, newYork], "2025-03-28T20:00:00Z"), [berlin, newYork])).toEqual({
      Alice: "Mon 2025-03-31 15:00–15:30",
      Bob: "Mon 2025-03-31 09:00–09:30",
    });
  });
});

describe("Tokyo and San Francisco (one hour in northern winter, none in summer)", () => {
  it("finds Tokyo's 09:00 on San Francisco's previous afternoon in winter", () => {
    // Monday 09:00 in Tokyo is Sunday 16:00 in San Francisco: not a working day there.
    const search = find([tokyo, sanFrancisco], "2025-01-06T00:00:00Z");
    expect(localSlots(search, [tokyo, sanFrancisco])).toEqual({
      Kenji: "Tue 2025-01-07 09:00–09:30",
      Dana: "Mon 2025-01-06 16:00–16:30",
    });
  });

  it("has only that one hour: 16:30 fits, 16:45 no longer does", () => {
    expect(localSlots(find([tokyo, sanFrancisco], "2025-01-07T00:25:00Z"), [tokyo, sanFrancisco])).toEqual({
      Kenji: "Tue 2025-01-07 09:30–10:00",
      Dana: "Mon 2025-01-06 16:30–17:00",
    });
    expect(localSlots(find([tokyo, sanFrancisco], "2025-01-07T00:40:00Z"), [sanFrancisco])).toEqual({
      Dana: "Tue 2025-01-07 16:00–16:30",
    });
  });

  it("has none in summer, and says why", () => {
    expect(find([tokyo, sanFrancisco], "2025-07-07T00:00:00Z")).toEqual({
      kind: "none",
      reason: {
        kind: "hours_never_overlap",
        ahead: tokyo,
        behind: sanFrancisco,
        differenceMinutes: 16 * 60,
        overlapMinutes: 0,
      },
      unknownZone: [],
    });
  });

  it("says the working days do not meet when the hours could", () => {
    const mondaysOnly = { ...DEFAULT_WORKING_HOURS, days: [1] };
    expect(find([tokyo, sanFrancisco], "2025-01-06T00:00:00Z", mondaysOnly)).toMatchObject({
      kind: "none",
      reason: { kind: "days_do_not_meet" },
    });
  });
});

describe("Kolkata (+5:30) and Los Angeles", () => {
  it("share no working hours in winter", () => {
    expect(find([kolkata, losAngeles], "2025-01-06T04:00:00Z")).toEqual({
      kind: "none",
      reason: {
        kind: "hours_never_overlap",
        ahead: kolkata,
        behind: losAngeles,
        differenceMinutes: 13 * 60 + 30,
        overlapMinutes: 0,
      },
      unknownZone: [],
    });
  });

  it("share none in summer either", () => {
    expect(find([losAngeles, kolkata], "2025-07-07T04:00:00Z")).toMatchObject({
      kind: "none",
      reason: {
        kind: "hours_never_overlap",
        ahead: kolkata,
        behind: losAngeles,
        differenceMinutes: 12 * 60 + 30,
      },
    });
  });
});

describe("zones with 30- and 45-minute offsets", () => {
  it("puts Kathmandu (+5:45) at 13:45 when Berlin starts at 09:00", () => {
    expect(localSlots(find([kathmandu, berlin], "2025-01-06T07:00:00Z"), [kathmandu, berlin])).toEqual({
      Sita: "Mon 2025-01-06 13:45–14:15",
      Alice: "Mon 2025-01-06 09:00–09:30",
    });
  });

  it("starts a Kolkata and Kathmandu call at Kolkata's 09:00, Kathmandu's 09:15", () => {
    expect(localSlots(find([kolkata, kathmandu], "2025-01-06T03:00:00Z"), [kolkata, kathmandu])).toEqual({
      Priya: "Mon 2025-01-06 09:00–09:30",
      Sita: "Mon 2025-01-06 09:15–09:45",
    });
  });
});

describe("a person with no time zone in Slack", () => {
  it("plans around the others and says whose hours are unknown", () => {
    const search = find([berlin, noZone], "2025-01-06T07:00:00Z");
    expect(localSlots(search, [berlin])).toEqual({ Alice: "Mon 2025-01-06 09:00–09:30" });
    expect(search.unknownZone).toEqual([noZone]);
  });

  it("treats a zone the runtime does not know as unknown", () => {
    const mars = person("Ziggy", "Mars/Olympus_Mons");
    expect(find([berlin, mars], "2025-01-06T07:00:00Z").unknownZone).toEqual([mars]);
  });

  it("suggests nothing when nobody's zone is known", () => {
    expect(find([noZone, person("Kim")], "2025-01-06T07:00:00Z")).toMatchObject({
      kind: "none",
      reason: { kind: "no_time_zones" },
    });
  });
});
