import { describe, expect, it } from "vitest";
import { DEFAULT_NUDGES, effectiveNudgeSettings } from "../../src/nudge/nudge-settings.js";
import {
  advanceThreadState,
  type DueNudge,
  isNewReply,
  markNudged,
  type NudgeThreadState,
  type ReplyContext,
} from "../../src/nudge/thread-state.js";

const settings = effectiveNudgeSettings(DEFAULT_NUDGES, undefined, undefined);
const THREAD = "1700000000.000100";

interface Played {
  state: NudgeThreadState | undefined;
  /** Nudges due after each reply, marked as posted as they come (as the hot path does). */
  fired: { at: number; nudge: DueNudge }[];
}

/**
 * Plays a thread: the parent by `parent`, then one reply per letter of `speakers` (A, B, C…). Replies get
 * increasing ts; `context` may depend on the reply's position.
 */
function play(
  parent: string | undefined,
  speakers: string,
  context: (index: number) => ReplyContext = () => ({ settings }),
  start: NudgeThreadState | undefined = undefined,
): Played {
  let state = start;
  const fired: Played["fired"] = [];
  [...speakers].forEach((speaker, index) => {
    const reply = {
      teamId: "T1",
      channelId: "C1",
      threadTs: THREAD,
      ts: `1700000${String(100 + index + (start?.replyCount ?? 0)).padStart(3, "0")}.000100`,
      userId: `U_${speaker}`,
      ...(parent ? { parentUserId: `U_${parent}` } : {}),
    };
    const next = advanceThreadState(state, reply, context(index));
    for (const nudge of next.due) fired.push({ at: index, nudge });
    state = markNudged(
      next.state,
      next.due.map((n) => n.kind),
    );
  });
  return { state, fired };
}

const kinds = (played: Played) => played.fired.map((f) => f.nudge.kind);

describe("three back-and-forths", () => {
  it("suggests a call when two people alternate A→B→A→B→A→B, the parent counting as A's first turn", () => {
    const played = play("A", "BABAB");
    expect(played.fired).toEqual([{ at: 4, nudge: { kind: "call", people: ["U_A", "U_B"], roundTrips: 3 } }]);
  });

  it("suggests a call from replies alone when the parent's author is unknown", () => {
    expect(kinds(play(undefined, "ABABA"))).toEqual([]);
    expect(kinds(play(undefined, "ABABAB"))).toEqual(["call"]);
  });

  it("does not fire for two people agreeing in three messages", () => {
    expect(kinds(play("A", "BA"))).toEqual([]);
  });

  it("counts consecutive messages by one person once", () => {
    expect(kinds(play("A", "BBBAAABBB"))).toEqual([]);
    expect(kinds(play("A", "BBAABBAAB"))).toEqual(["call"]);
  });

  it("keeps counting between A and B when a third person writes in between", () => {
    const played = play("A", "BACBACB");
    expect(played.fired).toEqual([{ at: 6, nudge: { kind: "call", people: ["U_A", "U_B"], roundTrips: 3 } }]);
  });

  it("does not fire when a third person interleaves and no pair goes back and forth three times", () => {
    // Six changes of speaker, but A and B only alternate A→B→A→B, and no other pair does better.
    expect(kinds(play("A", "BCABC"))).toEqual([]);
    expect(kinds(play("A", "BACAB"))).toEqual([]);
  });

  it("finds the pair that goes back and forth later in a thread", () => {
    const played = play("A", "BCDCDCD");
    expect(played.fired.map((f) => f.nudge)).toContainEqual({
      kind: "call",
      people: ["U_C", "U_D"],
      roundTrips: 3,
    });
  });

  it("fires at most once per thread", () => {
    expect(kinds(play("A", "BABABABABABAB")).filter((kind) => kind === "call")).toEqual(["call"]);
  });

  it("follows a channel's own number of round trips", () => {
    const two = effectiveNudgeSettings(DEFAULT_NUDGES, undefined, { callRoundTrips: 2 });
    expect(kinds(play("A", "BAB", () => ({ settings: two })))).toEqual(["call"]);
  });
});

describe("take this async", () => {
  it("fires once at 10 replies without an issue", () => {
    const played = play("A", "BCBCBCBCBCBC", () => ({ settings: { ...settings, callRoundTrips: 50 } }));
    expect(played.fired.map((f) => [f.at, f.nudge.kind])).toEqual([[9, "take_async"]]);
    expect(played.fired[0]!.nudge).toMatchObject({ replies: 10, reason: "replies" });
  });

  it("fires once when the fourth person joins, the parent's author included", () => {
    const played = play("A", "BCD");
    expect(played.fired).toEqual([
      { at: 2, nudge: { kind: "take_async", replies: 3, participants: 4, reason: "participants" } },
    ]);
  });

  it("does not fire for a thread that already has an issue", () => {
    const link = { lastExportedTs: "1699999999.000100" };
    expect(kinds(play("A", "BCDEFG", () => ({ settings, link })))).not.toContain("take_async");
  });
});

describe("already moved", () => {
  it("reminds once after three replies that came after the export", () => {
    const link = { lastExportedTs: "1700000101.000100" };
    const played = play("A", "BCBCBCB", (index) => (index >= 2 ? { settings, link } : { settings }));
    const moved = played.fired.filter((f) => f.nudge.kind === "already_moved");
    expect(moved).toEqual([{ at: 4, nudge: { kind: "already_moved", newReplies: 3 } }]);
  });

  it("counts again from a later export", () => {
    const first = { lastExportedTs: "1700000100.000100" };
    const second = { lastExportedTs: "1700000102.000100" };
    const played = play("A", "BCBCB", (index) => ({ settings, link: index < 3 ? first : second }));
    // Two replies after the first export, then the count restarts at the second one: 1, 2 … not yet 3.
    expect(kinds(played)).not.toContain("already_moved");
    expect(played.state).toMatchObject({ movedSince: second.lastExportedTs, movedReplies: 2 });
  });
});

describe("the state", () => {
  it("stays compact: tracked people are bounded, and pairs go once the call nudge is out", () => {
    const many = "BCDEFGHIJKLMNOP";
    const played = play("A", many, () => ({ settings: { ...settings, longThreadParticipants: 10 } }));
    expect(played.state!.participants).toHaveLength(10);
    expect(played.state!.pairs.length).toBeLessThanOrEqual(45);
    const called = play("A", "BABAB");
    expect(called.state!.pairs).toEqual([]);
    expect(called.state!.nudged).toEqual(["call"]);
  });

  it("ignores a reply it has already counted, or an older one", () => {
    const played = play("A", "BA");
    expect(isNewReply(played.state, played.state!.lastTs)).toBe(false);
    expect(isNewReply(played.state, "1700000099.000100")).toBe(false);
    expect(isNewReply(played.state, "1700000999.000100")).toBe(true);
    expect(isNewReply(undefined, "1700000999.000100")).toBe(true);
  });
});
