/** The Store contract for channel links, the nudges on/off setting and recent exports; run for every store. */
import { describe, expect, it } from "vitest";
import type { ChannelLink, Store } from "../../src/store/store.js";
import { aThreadLink } from "./a-thread-link.js";

export interface ChannelLinkContractFixture {
  store(): Store;
  /** Moves the store's clock on. */
  advance(ms: number): void;
  /** Reopens the same database, when the store can. */
  restart?: () => Promise<Store>;
}

function aChannelLink(overrides: Partial<ChannelLink> = {}): ChannelLink {
  return {
    teamId: "T1",
    channelId: "C1",
    projectPath: "acme/web",
    projectId: 42,
    linkedBy: "U1",
    linkedAt: 1_736_150_400_000,
    ...overrides,
  };
}

export function describeChannelLinkContract(fixture: ChannelLinkContractFixture): void {
  describe("channel links", () => {
    it("returns nothing for a channel that was never linked, and the link once saved", async () => {
      const store = fixture.store();
      expect(await store.getChannelLink("T1", "C1")).toBeUndefined();
      await store.saveChannelLink(aChannelLink());
      expect(await store.getChannelLink("T1", "C1")).toStrictEqual(aChannelLink());
      expect(await store.getChannelLink("T2", "C1")).toBeUndefined();
    });

    it("replaces a channel's link when it is linked again", async () => {
      const store = fixture.store();
      await store.saveChannelLink(aChannelLink());
      const relinked = aChannelLink({ projectPath: "acme/api", projectId: 43, linkedBy: "U2", linkedAt: 5 });
      await store.saveChannelLink(relinked);
      expect(await store.getChannelLink("T1", "C1")).toStrictEqual(relinked);
      expect(await store.listChannelLinks("T1")).toHaveLength(1);
    });

    it("removes a link and says whether there was one", async () => {
      const store = fixture.store();
      await store.saveChannelLink(aChannelLink());
      expect(await store.deleteChannelLink("T1", "C1")).toBe(true);
      expect(await store.deleteChannelLink("T1", "C1")).toBe(false);
      expect(await store.getChannelLink("T1", "C1")).toBeUndefined();
    });

    it("lists a workspace's links, most recently linked first, and no other workspace's", async () => {
      const store = fixture.store();
      await store.saveChannelLink(aChannelLink({ channelId: "C1", linkedAt: 1 }));
      await store.saveChannelLink(aChannelLink({ channelId: "C2", linkedAt: 3 }));
      await store.saveChannelLink(aChannelLink({ channelId: "C3", linkedAt: 2 }));
      await store.saveChannelLink(aChannelLink({ teamId: "T2", channelId: "C9" }));
      const links = await store.listChannelLinks("T1");
      expect(links.map((l) => l.channelId)).toEqual(["C2", "C3", "C1"]);
    });
  });

  describe("nudges setting", () => {
    it("is undefined until set, then remembers on and off per channel", async () => {
      const store = fixture.store();
      expect(await store.getNudgesEnabled("T1", "C1")).toBeUndefined();
      await store.setNudgesEnabled("T1", "C1", false);
      expect(await store.getNudgesEnabled("T1", "C1")).toBe(false);
      expect(await store.getNudgesEnabled("T1", "C2")).toBeUndefined();
      await store.setNudgesEnabled("T1", "C1", true);
      expect(await store.getNudgesEnabled("T1", "C1")).toBe(true);
    });
  });

  describe("recent exports", () => {
    it("lists the latest exports first, with the time of their latest export, within the limit", async () => {
      const store = fixture.store();
      await store.saveThreadLink(aThreadLink({ threadTs: "1.000001", issueIid: 1 }));
      fixture.advance(1000);
      await store.saveThreadLink(aThreadLink({ threadTs: "2.000001", issueIid: 2 }));
      fixture.advance(1000);
      await store.saveThreadLink(aThreadLink({ threadTs: "3.000001", issueIid: 3, channelId: "C2" }));
      fixture.advance(1000);
      // Appending to an older thread makes it the most recent export.
      await store.updateLastExported("T1", "C1", "1.000001", "1.000009");
      const all = await store.listRecentExports("T1", { limit: 10 });
      expect(all.map((e) => e.issueIid)).toEqual([1, 3, 2]);
      expect(all[0]!.exportedAt - all[1]!.exportedAt).toBe(1000);
      expect(all[0]).toMatchObject({ lastExportedTs: "1.000009", issueTitle: "Checkout fails for EU cards" });
      expect((await store.listRecentExports("T1", { limit: 2 })).map((e) => e.issueIid)).toEqual([1, 3]);
      const inC1 = await store.listRecentExports("T1", { channelId: "C1", limit: 10 });
      expect(inC1.map((e) => e.issueIid)).toEqual([1, 2]);
      expect(await store.listRecentExports("T2", { limit: 10 })).toEqual([]);
    });
  });

  describe.runIf(fixture.restart !== undefined)("channel links after a restart", () => {
    it("still has the links and settings", async () => {
      await fixture.store().saveChannelLink(aChannelLink());
      await fixture.store().setNudgesEnabled("T1", "C1", false);
      const again = await fixture.restart!();
      expect(await again.getChannelLink("T1", "C1")).toStrictEqual(aChannelLink());
      expect(await again.getNudgesEnabled("T1", "C1")).toBe(false);
    });
  });
}
