/** The "three back-and-forths" nudge: suggest a call, at a time that suits everyone's time zone. */
import {
  describeDuration,
  describeWorkingHours,
  localClock,
  localSlot,
  times,
  zoneLabel,
} from "./describe-time.js";
import type { NoSlotReason, SlotPerson, SlotSearch } from "./find-call-slot.js";
import {
  actions,
  button,
  context,
  joinNames,
  NUDGE_ACTIONS,
  type NudgeMessage,
  plainName,
  section,
  TURN_OFF_HINT,
} from "./nudge-message.js";
import type { WorkingHours } from "./nudge-settings.js";

export interface CallNudgeInput {
  /** The people who went back and forth, in order of appearance. */
  people: SlotPerson[];
  roundTrips: number;
  now: Date;
  search: SlotSearch;
  hours: WorkingHours;
}

export function renderCallNudge(input: CallNudgeInput): NudgeMessage {
  const names = joinNames(input.people.map((p) => plainName(p.name)));
  const backAndForth = `${names} have gone back and forth ${times(input.roundTrips)}`;
  return {
    text: `A quick call might settle this faster: ${backAndForth}.`,
    blocks: [
      section(
        `:telephone_receiver: *A quick call might settle this faster.* ${backAndForth} in this thread. ` +
          "A Slack huddle can sort it out in minutes. Afterwards, record the outcome: it belongs in the issue, " +
          "where people who were not on the call can read it.",
      ),
      section(`*Local time now*\n${input.people.map((p) => `• ${localTimeLine(p, input)}`).join("\n")}`),
      section(slotText(input)),
      actions(
        button(
          "Record call outcome",
          NUDGE_ACTIONS.recordCallOutcome,
          input.people.map((p) => p.id).join(","),
        ),
      ),
      context(
        `Posted once per thread, because two people went back and forth ${times(input.roundTrips)}. ${TURN_OFF_HINT}`,
      ),
    ],
  };
}

function localTimeLine(person: SlotPerson, { now, search }: CallNudgeInput): string {
  const name = plainName(person.name);
  const unknown = !person.timeZone || search.unknownZone.some((u) => u.id === person.id);
  if (unknown) return `${name}: unknown (no time zone in their Slack profile)`;
  return `${name}: ${localClock(now, person.timeZone!)} (${zoneLabel(person.timeZone!, now)})`;
}

function slotText({ search, people, hours, now }: CallNudgeInput): string {
  const unknown = search.unknownZone.map((p) => plainName(p.name));
  if (search.kind === "none") return noSlotText(search.reason, hours, now, unknown);
  const known = people.filter((p) => !search.unknownZone.some((u) => u.id === p.id));
  const lines = known.map(
    (p) => `• ${plainName(p.name)}: ${localSlot(search.start, search.end, p.timeZone!)}`,
  );
  const note =
    unknown.length > 0
      ? `\n_${joinNames(unknown)} ${unknown.length === 1 ? "has" : "have"} no time zone in Slack, so ` +
        `${unknown.length === 1 ? "their" : "those"} working hours could not be taken into account._`
      : "";
  return (
    `*Next 30 minutes within working hours for ${people.length === 2 ? "both" : "everyone"}* ` +
    `(${describeWorkingHours(hours)}, local time)\n` +
    `${lines.join("\n")}${note}`
  );
}

function noSlotText(reason: NoSlotReason, hours: WorkingHours, now: Date, unknown: string[]): string {
  const heading = "*No shared working hours in the next days: stay async.*";
  switch (reason.kind) {
    case "no_time_zones":
      return `${heading} ${joinNames(unknown)} ${unknown.length === 1 ? "has" : "have"} no time zone in their Slack profile, so no time can be suggested. Keep writing here, and put what you decide in the issue.`;
    case "hours_never_overlap": {
      const ahead = `${plainName(reason.ahead.name)} (${zoneLabel(reason.ahead.timeZone!, now)})`;
      const behind = `${plainName(reason.behind.name)} (${zoneLabel(reason.behind.timeZone!, now)})`;
      const overlap =
        reason.overlapMinutes > 0
          ? `overlap by only ${describeDuration(reason.overlapMinutes)}`
          : "never overlap";
      return (
        `${heading} ${ahead} is ${describeDuration(reason.differenceMinutes)} ahead of ${behind}, so ` +
        `their working hours (${describeWorkingHours(hours)}, local time) ${overlap}. ` +
        "Keep writing here, and put what you decide in the issue."
      );
    }
    case "days_do_not_meet":
      return (
        `${heading} In everyone's next three working days (${describeWorkingHours(hours)}, local time) ` +
        "there is no time when all of you are at work. Keep writing here, and put what you decide in the issue."
      );
  }
}
