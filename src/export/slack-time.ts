import { DateTime } from "luxon";

/** Slack message timestamps are "seconds.micro" strings; this turns one into a Date. */
export function slackTsToDate(ts: string): Date {
  return new Date(Math.round(Number.parseFloat(ts) * 1000));
}

/** Compares two Slack timestamps numerically (string order breaks when the digit counts differ). */
export function compareSlackTs(a: string, b: string): number {
  const [aSec = "0", aMicro = "0"] = a.split(".");
  const [bSec = "0", bMicro = "0"] = b.split(".");
  return Number(aSec) - Number(bSec) || Number(aMicro.padEnd(6, "0")) - Number(bMicro.padEnd(6, "0"));
}

/** "2026-11-25 14:03 UTC" */
export function formatUtc(date: Date): string {
  return `${DateTime.fromJSDate(date, { zone: "utc" }).toFormat("yyyy-LL-dd HH:mm")} UTC`;
}

/** "UTC+5:30" for a zone at a given instant, or undefined when the zone is unknown to the runtime. */
export function utcOffsetLabel(zone: string, at: Date): string | undefined {
  const local = DateTime.fromJSDate(at, { zone });
  if (!local.isValid) return undefined;
  const minutes = local.offset;
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  const rest = abs % 60 === 0 ? "" : `:${String(abs % 60).padStart(2, "0")}`;
  return `UTC${sign}${Math.floor(abs / 60)}${rest}`;
}
