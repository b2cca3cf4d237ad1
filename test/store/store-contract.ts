import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Person } from "../../src/export/thread-types.js";
import type { Store } from "../../src/store/store.js";
import { aThreadLink } from "./a-thread-link.js";
import { describeChannelLinkContract } from "./store-contract-channel-links.js";
import { describeJobContract } from "./store-contract-jobs.js";
import { describeNudgeContract } from "./store-contract-nudges.js";
import { describePostBackContract } from "./store-contract-post-back.js";

/** A store under test over an empty database, and how to open that same database again. */
export interface StoreFixture {
  store: Store;
  /** Opens the same database again, as after a restart. Required when `survivesReopen` is set. */
  reopen?: () => Promise<Store>;
}

/** Builds a fixture whose store reads time from `now` (epoch milliseconds). */
export type MakeStore = (now: () => number) => Promise<StoreFixture>;

export interface ContractOptions {
  /** The database outlives its connection (a file, a server), so the persistence tests apply. */
  survivesReopen: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function aPerson(overrides: Partial<Person> = {}): Person {
  return {
    id: "U1",
    name: "ana",
    realName: "Ana Lima",
    timeZone: "Europe/Berlin",
    isBot: false,
    ...overrides,
  };
}

/** The behaviour every Store must show; run it against each implementation. */
export function describeStoreContract(name: string, makeStore: MakeStore, options: ContractOptions): void {
  describe(`${name} honours the Store contract`, () => {
    let time = 0;
    const clock = () => time;
    let fixture: StoreFixture;
    let store: Store;
    let open: Store[] = [];

    beforeEach(async () => {
      time = Date.UTC(2025, 0, 6, 9, 0, 0);
      fixture = await makeStore(clock);
      store = fixture.store;
      open = [store];
    });

    afterEach(async () => {
      for (const each of open) await each.close();
    });

    async function restart(): Promise<Store> {
      if (!fixture.reopen) throw new Error("this fixture cannot reopen its database");
      await store.close();
      open = open.filter((each) => each !== store);
      store = await fixture.reopen();
      open.push(store);
      return store;
    }

    describe("thread links", () => {
      it("returns nothing for a thread that was never exported", async () => {
        expect(await store.getThreadLink("T1", "C1", "1700000000.000100")).toBeUndefined();
      });

      it("returns a saved link with every field", async () => {
        await store.saveThreadLink(aThreadLink());
        expect(await store.getThreadLink("T1", "C1", "1700000000.000100")).toStrictEqual(aThreadLink());
      });

      it("keeps the links of other teams, channels and threads apart", async () => {
        await store.saveThreadLink(aThreadLink());
        await store.saveThreadLink(aThreadLink({ teamId: "T2", issueIid: 8 }));
        await store.saveThreadLink(aThreadLink({ channelId: "C2", issueIid: 9 }));
        await store.saveThreadLink(aThreadLink({ threadTs: "1700000099.000100", issueIid: 10 }));
        expect((await store.getThreadLink("T1", "C1", "1700000000.000100"))?.issueIid).toBe(7);
        expect((await store.getThreadLink("T2", "C1", "1700000000.000100"))?.issueIid).toBe(8);
        expect((await store.getThreadLink("T1", "C2", "1700000000.000100"))?.issueIid).toBe(9);
        expect((await store.getThreadLink("T1", "C1", "1700000099.000100"))?.issueIid).toBe(10);
      });

      it("replaces the link when the same thread is saved again", async () => {
        await store.saveThreadLink(aThreadLink());
        const moved = aThreadLink({
          projectPath: "acme/api",
          projectId: 43,
          issueIid: 1,
          issueTitle: "Moved",
        });
        await store.saveThreadLink(moved);
        expect(await store.getThreadLink("T1", "C1", "1700000000.000100")).toStrictEqual(moved);
      });

      it("updates only the last exported ts of a link", async () => {
        await store.saveThreadLink(aThreadLink());
        await store.updateLastExported("T1", "C1", "1700000000.000100", "1700000123.000300");
        expect(await store.getThreadLink("T1", "C1", "1700000000.000100")).toStrictEqual(
          aThreadLink({ lastExportedTs: "1700000123.000300" }),
        );
      });

      it("does not create a link when updating a thread that has none", async () => {
        await store.updateLastExported("T1", "C1", "1700000000.000100", "1700000123.000300");
        expect(await store.getThreadLink("T1", "C1", "1700000000.000100")).toBeUndefined();
      });
    });

    describe("user cache", () => {
      it("returns a saved user while it is younger than the max age", async () => {
        await store.saveUser("T1", aPerson());
        time += 59 * MINUTE;
        expect(await store.getCachedUser("T1", "U1", HOUR)).toStrictEqual(aPerson());
      });

      it("returns nothing once the user is older than the max age", async () => {
        await store.saveUser("T1", aPerson());
        time += HOUR + 1;
        expect(await store.getCachedUser("T1", "U1", HOUR)).toBeUndefined();
      });

      it("returns nothing for a user that was never saved", async () => {
        expect(await store.getCachedUser("T1", "U404", HOUR)).toBeUndefined();
      });

      it("keeps absent optional fields absent and bots marked as bots", async () => {
        const bot: Person = { id: "B1", name: "deploybot", isBot: true };
        await store.saveUser("T1", bot);
        expect(await store.getCachedUser("T1", "B1", HOUR)).toStrictEqual(bot);
      });

      it("refreshes the user and its age when saved again", async () => {
        await store.saveUser("T1", aPerson());
        time += 50 * MINUTE;
        await store.saveUser("T1", aPerson({ name: "ana.l", timeZone: "America/New_York" }));
        time += 20 * MINUTE;
        expect(await store.getCachedUser("T1", "U1", HOUR)).toStrictEqual(
          aPerson({ name: "ana.l", timeZone: "America/New_York" }),
        );
      });

      it("keeps users of different teams apart", async () => {
        await store.saveUser("T1", aPerson());
        expect(await store.getCachedUser("T2", "U1", HOUR)).toBeUndefined();
      });
    });

    describe("handled events", () => {
      it("claims an event id the first time only", async () => {
        expect(await store.claimEvent("Ev1")).toBe(true);
        expect(await store.claimEvent("Ev1")).toBe(false);
        expect(await store.claimEvent("Ev2")).toBe(true);
      });

      it("lets exactly one of two simultaneous claims win", async () => {
        const results = await Promise.all([store.claimEvent("Ev1"), store.claimEvent("Ev1")]);
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it("lets a released event be claimed again", async () => {
        await store.claimEvent("Ev1");
        await store.releaseEvent("Ev1");
        expect(await store.claimEvent("Ev1")).toBe(true);
      });

      it("ignores the release of an event that was never claimed", async () => {
        await store.releaseEvent("Ev404");
        expect(await store.claimEvent("Ev404")).toBe(true);
      });

      it("forgets event ids older than seven days when a later claim cleans up", async () => {
        await store.claimEvent("Ev1");
        time += 7 * DAY + MINUTE;
        await store.claimEvent("Ev2");
        expect(await store.claimEvent("Ev1")).toBe(true);
      });

      it("cleans up old event ids at most once an hour", async () => {
        await store.claimEvent("Ev1");
        time += 7 * DAY - 30 * MINUTE;
        await store.claimEvent("Ev2"); // cleans up, but Ev1 is not seven days old yet
        time += 45 * MINUTE;
        expect(await store.claimEvent("Ev1")).toBe(false); // Ev1 is old now, but the last cleanup was recent
        time += 16 * MINUTE;
        await store.claimEvent("Ev3"); // an hour has passed: cleans up again
        expect(await store.claimEvent("Ev1")).toBe(true);
      });
    });

    describeNudgeContract({
      store: () => store,
      advance: (ms) => {
        time += ms;
      },
      restart: options.survivesReopen ? () => restart() : undefined,
    });

    describeJobContract({
      store: () => store,
      advance: (ms) => {
        time += ms;
      },
      now: () => time,
      ...(options.survivesReopen ? { restart } : {}),
    });

    describeChannelLinkContract({
      store: () => store,
      advance: (ms) => {
        time += ms;
      },
      restart: options.survivesReopen ? () => restart() : undefined,
    });

    describePostBackContract({
      store: () => store,
      restart: options.survivesReopen ? () => restart() : undefined,
    });

    describe.runIf(options.survivesReopen)("after a restart", () => {
      it("still has the saved links and users", async () => {
        await store.saveThreadLink(aThreadLink());
        await store.saveUser("T1", aPerson());
        const again = await restart();
        expect(await again.getThreadLink("T1", "C1", "1700000000.000100")).toStrictEqual(aThreadLink());
        expect(await again.getCachedUser("T1", "U1", HOUR)).toStrictEqual(aPerson());
      });

      it("still refuses an event id claimed before", async () => {
        expect(await store.claimEvent("Ev1")).toBe(true);
        const again = await restart();
        expect(await again.claimEvent("Ev1")).toBe(false);
        expect(await again.claimEvent("Ev2")).toBe(true);
      });
    });
  });
}
