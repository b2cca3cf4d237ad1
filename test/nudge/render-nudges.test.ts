/** Every nudge as Slack receives it, compared in full (snapshots), and checked against Slack's limits. */
import { describe, expect, it } from "vitest";
import { findCallSlot, type SlotPerson } from "../../src/nudge/find-call-slot.js";
import type { NudgeMessage } from "../../src/nudge/nudge-message.js";
import { DEFAULT_WORKING_HOURS } from "../../src/nudge/nudge-settings.js";
import { renderCallNudge } from "../../src/nudge/render-call-nudge.js";
import { renderAlreadyMovedNudge, renderTakeAsyncNudge } from "../../src/nudge/render-thread-nudges.js";
import { blockKitProblems } from "./block-kit-limits.js";

const person = (id: string, name: string, timeZone?: string): SlotPerson => ({ id, name, timeZone });
const alice = person("U_ALICE", "Alice", "Europe/Berlin");
const bob = person("U_BOB", "Bob", "America/New_York");
const priya = person("U_PRIYA", "Priya", "Asia/Kolkata");
const lee = person("U_LEE", "Lee", "America/Los_Angeles");
const sita = person("U_SITA", "Sita", "Asia/Kathmandu");
const sam = person("U_NOTZ", "Sam");

function callNudge(people: SlotPerson[], nowUtc: string, hours = DEFAULT_WORKING_HOURS): NudgeMessage {
  const now = new Date(nowUtc);
  return renderCallNudge({ people, roundTrips: 3, now, search: findCallSlot(people, now, hours), hours });
}

/** The message as JSON, and its mrkdwn texts one after the other, as a reviewer reads it. */
function shown(message: NudgeMessage): string {
  const texts = JSON.stringify(message.blocks)
    .match(/"text":"((?:[^"\\]|\\.)*)"/g)!
    .map((m) => JSON.parse(m.slice(7)) as string);
  return `${texts.join("\n---\n")}\n\n${JSON.stringify(message, null, 2)}\n`;
}

async function expectNudge(message: NudgeMessage, file: string): Promise<void> {
  expect(blockKitProblems(message)).toEqual([]);
  await expect(shown(message)).toMatchFileSnapshot(`__snapshots__/${file}.txt`);
}

describe("the call nudge", () => {
  it("shows each person's local time now and the next slot in each person's local time", async () => {
    const message = callNudge([alice, bob], "2025-01-06T07:10:00Z");
    expect(JSON.stringify(message)).toContain("Alice: Mon 6 Jan, 15:00–15:30");
    expect(JSON.stringify(message)).toContain("Bob: Mon 6 Jan, 09:00–09:30");
    await expectNudge(message, "call-nudge-berlin-new-york");
  });

  it("says to stay async, and why, when working hours never meet", async () => {
    const message = callNudge([priya, lee], "2025-01-06T04:00:00Z");
    expect(JSON.stringify(message)).toContain("No shared working hours in the next days: stay async.");
    expect(JSON.stringify(message)).toContain("13 h 30 min ahead of Lee");
    await expectNudge(message, "call-nudge-kolkata-los-angeles");
  });

  it("shows a +5:45 zone's local times", async () => {
    await expectNudge(callNudge([sita, alice], "2025-01-06T07:00:00Z"), "call-nudge-kathmandu-berlin");
  });

  it("says whose time zone is unknown", async () => {
    const message = callNudge([alice, sam], "2025-01-06T07:00:00Z");
    expect(JSON.stringify(message)).toContain("Sam: unknown (no time zone in their Slack profile)");
    await expectNudge(message, "call-nudge-no-time-zone");
  });

  it("suggests nothing when no time zone is known", async () => {
    await expectNudge(
      callNudge([sam, person("U_KIM", "Kim")], "2025-01-06T07:00:00Z"),
      "call-nudge-no-zones",
    );
  });

  it("says when the working days do not meet", async () => {
    const mondays = { ...DEFAULT_WORKING_HOURS, days: [1] };
    const tokyo = person("U_KENJI", "Kenji", "Asia/Tokyo");
    await expectNudge(
      callNudge([tokyo, lee], "2025-01-06T00:00:00Z", mondays),
      "call-nudge-days-do-not-meet",
    );
  });

  it("writes names as plain text, so a hostile display name mentions nobody", () => {
    const evil = person("U_EVIL", "<!channel> & <@U_BOB>", "Europe/Berlin");
    const message = callNudge([evil, bob], "2025-01-06T07:00:00Z");
    expect(blockKitProblems(message)).toEqual([]);
    expect(JSON.stringify(message)).toContain("&lt;!channel&gt; &amp; &lt;@U_BOB&gt;");
  });
});

describe("the take-this-async nudge", () => {
  it("names the reply count when the thread got long", async () => {
    await expectNudge(
      renderTakeAsyncNudge({
        replies: 10,
        participants: 3,
        reason: "replies",
        threadTs: "1732550400.000100",
      }),
      "take-async-replies",
    );
  });

  it("names the number of people when many joined", async () => {
    await expectNudge(
      renderTakeAsyncNudge({
        replies: 3,
        participants: 4,
        reason: "participants",
        threadTs: "1732550400.000100",
      }),
      "take-async-participants",
    );
  });
});

describe("the already-moved nudge", () => {
  it("links the issue and offers to append the new messages", async () => {
    await expectNudge(
      renderAlreadyMovedNudge({
        newReplies: 3,
        issueUrl: "https://gitlab.example.com/acme/web/-/issues/12",
        reference: "acme/web#12",
        issueTitle: "Retry <GitLab> 429s & tell the user",
        threadTs: "1732550400.000100",
      }),
      "already-moved",
    );
  });
});
