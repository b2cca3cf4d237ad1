/** The "Record call outcome" modal, the note it writes to the issue, and the reply in the thread. */
import { describe, expect, it } from "vitest";
import { findUnsafeLines } from "../../src/gitlab/make-safe-for-gitlab.js";
import {
  CALL_OUTCOME_FIELDS,
  callOutcomeRecordedText,
  parseCallOutcomeTarget,
  renderCallOutcomeModal,
  renderCallOutcomeNote,
} from "../../src/nudge/render-call-outcome.js";
import { blockKitProblems } from "./block-kit-limits.js";

describe("the call outcome modal", () => {
  const modal = renderCallOutcomeModal({
    channelId: "C_DESIGN",
    threadTs: "1732550400.000100",
    people: ["U_ALICE", "U_BOB"],
    now: new Date("2025-01-07T14:00:00Z"),
  });

  it("asks who was on the call (the two people preselected), when, and what came out of it", async () => {
    expect(blockKitProblems(modal as { blocks: unknown[]; title: unknown })).toEqual([]);
    await expect(`${JSON.stringify(modal, null, 2)}\n`).toMatchFileSnapshot(
      "__snapshots__/call-outcome-modal.json",
    );
  });

  it("carries its thread in private_metadata", () => {
    expect(parseCallOutcomeTarget(modal.private_metadata as string)).toEqual({
      channelId: "C_DESIGN",
      threadTs: "1732550400.000100",
    });
    expect(parseCallOutcomeTarget("not json")).toBeUndefined();
    expect(parseCallOutcomeTarget('{"channelId":1}')).toBeUndefined();
  });

  it("names its inputs with the ids the submission is read with", () => {
    const ids = (modal.blocks as { block_id?: string }[]).map((b) => b.block_id).filter(Boolean);
    expect(ids).toEqual(Object.values(CALL_OUTCOME_FIELDS).map((f) => f.block));
  });
});

describe("the call outcome note", () => {
  const note = renderCallOutcomeNote({
    at: new Date("2025-01-07T14:00:00Z"),
    participants: [
      { id: "U_ALICE", name: "Alice", timeZone: "Europe/Berlin" },
      { id: "U_BOB", name: "Bob", timeZone: "America/New_York" },
      { id: "U_NOTZ", name: "Sam" },
    ],
    recordedBy: { id: "U_ALICE", name: "Alice", timeZone: "Europe/Berlin" },
    outcome:
      "We keep 4 attempts with a 30 s cap.\n/close\nBob writes it up; @all please review #12 by Friday.\n<script>x</script>",
  });

  it("is headed Call outcome, with who was on the call and when, in UTC and in local times", async () => {
    expect(note.startsWith("## Call outcome\n")).toBe(true);
    expect(note).toContain("- **When:** 2025-01-07 14:00 UTC");
    expect(note).toContain("Alice (Europe/Berlin, Tue 15:00), Bob (America/New_York, Tue 09:00), Sam");
    await expect(note).toMatchFileSnapshot("__snapshots__/call-outcome-note.md");
  });

  it("cannot run quick actions, ping people or cross-link issues from what was typed", () => {
    expect(findUnsafeLines(note)).toEqual([]);
    expect(note).not.toMatch(/^\/close/m);
    expect(note).not.toContain("<script>");
  });
});

describe("the reply once the outcome is recorded", () => {
  it("links the issue and names the person as plain text", () => {
    expect(
      callOutcomeRecordedText("Alice", "https://gitlab.example.com/acme/web/-/issues/12", "acme/web#12"),
    ).toBe(
      ":telephone_receiver: Alice recorded the outcome of the call in <https://gitlab.example.com/acme/web/-/issues/12|acme/web#12>.",
    );
  });
});
