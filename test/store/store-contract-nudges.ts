/** The Store contract for the nudges' state and thresholds; run from describeStoreContract for every store. */
import { describe, expect, it } from "vitest";
import type { NudgeThreadState } from "../../src/nudge/thread-state.js";
import type { Store } from "../../src/store/store.js";

export interface NudgeContractFixture {
  store(): Store;
  /** Moves the store's clock on. */
  advance(ms: number): void;
  /** Reopens the same database, when the store can. */
  restart?: () => Promise<Store>;
}

const DAY = 24 * 60 * 60 * 1000;

function aState(overrides: Partial<NudgeThreadState> = {}): NudgeThreadState {
  return {
    teamId: "T1",
    channelId: "C1",
    threadTs: "1700000000.000100",
    lastTs: "1700000050.000100",
    lastUser: "U2",
    replyCount: 4,
    participants: ["U1", "U2", "U3"],
    pairs: [
      { a: 0, b: 1, turns: 5, last: 1 },
      { a: 0, b: 2, turns: 2, last: 2 },
    ],
    movedReplies: 1,
    movedSince: "1700000040.000100",
    nudged: ["take_async"],
    ...overrides,
  };
}

export function describeNudgeContract(fixture: NudgeContractFixture): void {
  describe("nudge state", () => {
    it("returns nothing for a thread without replies, and the whole state once saved", async () => {
      const store = fixture.store();
      expect(await store.getNudgeThread("T1", "C1", "1700000000.000100")).toBeUndefined();
      expect(await store.saveNudgeThread(aState(), undefined)).toBe(true);
      expect(await store.getNudgeThread("T1", "C1", "1700000000.000100")).toStrictEqual(aState());
    });

    it("keeps optional fields absent and empty lists empty", async () => {
      const store = fixture.store();
      const bare = aState({ participants: [], pairs: [], nudged: [], movedSince: undefined });
      delete bare.movedSince;
      await store.saveNudgeThread(bare, undefined);
      expect(await store.getNudgeThread("T1", "C1", "1700000000.000100")).toStrictEqual(bare);
    });

    it("saves only over the state the writer read (compare-and-set on lastTs)", async () => {
      const store = fixture.store();
      await store.saveNudgeThread(aState(), undefined);
      expect(await store.saveNudgeThread(aState({ lastTs: "1700000060.000100" }), undefined)).toBe(false);
      expect(await store.saveNudgeThread(aState({ lastTs: "1700000060.000100" }), "1700000010.000100")).toBe(
        false,
      );
      const next = aState({ lastTs: "1700000060.000100", replyCount: 5, nudged: ["take_async", "call"] });
      expect(await store.saveNudgeThread(next, "1700000050.000100")).toBe(true);
      expect(await store.getNudgeThread("T1", "C1", "1700000000.000100")).toStrictEqual(next);
    });

    it("keeps threads apart by team, channel and thread", async () => {
      const store = fixture.store();
      await store.saveNudgeThread(aState(), undefined);
      await store.saveNudgeThread(aState({ channelId: "C2", replyCount: 9 }), undefined);
      expect((await store.getNudgeThread("T1", "C2", "1700000000.000100"))?.replyCount).toBe(9);
      expect(await store.getNudgeThread("T2", "C1", "1700000000.000100")).toBeUndefined();
    });

    it("forgets threads nobody wrote in for 90 days", async () => {
      const store = fixture.store();
      await store.saveNudgeThread(aState(), undefined);
      fixture.advance(91 * DAY);
      await store.saveNudgeThread(aState({ threadTs: "1800000000.000100" }), undefined);
      expect(await store.getNudgeThread("T1", "C1", "1700000000.000100")).toBeUndefined();
      expect(await store.getNudgeThread("T1", "C1", "1800000000.000100")).toStrictEqual(
        aState({ threadTs: "1800000000.000100" }),
      );
    });
  });

  describe("nudge thresholds", () => {
    it("has none until a channel sets some, and replaces them as a whole", async () => {
      const store = fixture.store();
      expect(await store.getNudgeThresholds("T1", "C1")).toBeUndefined();
      await store.saveNudgeThresholds("T1", "C1", { longThreadReplies: 20, callRoundTrips: 4 });
      expect(await store.getNudgeThresholds("T1", "C1")).toStrictEqual({
        longThreadReplies: 20,
        callRoundTrips: 4,
      });
      await store.saveNudgeThresholds("T1", "C1", { movedReplies: 5 });
      expect(await store.getNudgeThresholds("T1", "C1")).toStrictEqual({ movedReplies: 5 });
      expect(await store.getNudgeThresholds("T1", "C2")).toBeUndefined();
    });

    it("leaves the channel's on/off switch alone", async () => {
      const store = fixture.store();
      await store.setNudgesEnabled("T1", "C1", false);
      await store.saveNudgeThresholds("T1", "C1", { movedReplies: 5 });
      expect(await store.getNudgesEnabled("T1", "C1")).toBe(false);
    });
  });

  describe.runIf(fixture.restart !== undefined)("nudges after a restart", () => {
    it("still has the thread state and thresholds", async () => {
      const store = fixture.store();
      await store.saveNudgeThread(aState(), undefined);
      await store.saveNudgeThresholds("T1", "C1", { longThreadParticipants: 6 });
      const again = await fixture.restart!();
      expect(await again.getNudgeThread("T1", "C1", "1700000000.000100")).toStrictEqual(aState());
      expect(await again.getNudgeThresholds("T1", "C1")).toStrictEqual({ longThreadParticipants: 6 });
    });
  });
}
