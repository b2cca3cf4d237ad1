/** The Store contract for posting GitLab events back to Slack threads; run for every store. */
import { describe, expect, it } from "vitest";
import type { Store } from "../../src/store/store.js";
import { aThreadLink } from "./a-thread-link.js";

export interface PostBackContractFixture {
  store(): Store;
  restart?: () => Promise<Store>;
}

export function describePostBackContract(fixture: PostBackContractFixture): void {
  describe("post back", () => {
    it("lists every thread linked to an issue, and none of other issues", async () => {
      const store = fixture.store();
      await store.saveThreadLink(aThreadLink());
      await store.saveThreadLink(aThreadLink({ channelId: "C2", threadTs: "1700000001.000100" }));
      await store.saveThreadLink(aThreadLink({ threadTs: "1700000002.000100", issueIid: 8 }));
      await store.saveThreadLink(aThreadLink({ threadTs: "1700000003.000100", projectId: 43 }));
      const links = await store.listThreadLinksForIssue(42, 7);
      expect(links.map((l) => `${l.channelId}/${l.threadTs}`).sort()).toEqual([
        "C1/1700000000.000100",
        "C2/1700000001.000100",
      ]);
      expect(links[0]).toMatchObject({ projectPath: "acme/web", issueIid: 7, projectId: 42 });
      expect(await store.listThreadLinksForIssue(42, 99)).toEqual([]);
    });

    it("keeps each post-back setting until it is changed", async () => {
      const store = fixture.store();
      expect(await store.getPostBackSettings("T1", "C1")).toEqual({});
      await store.savePostBackSettings("T1", "C1", { enabled: false });
      expect(await store.getPostBackSettings("T1", "C1")).toEqual({ enabled: false });
      await store.savePostBackSettings("T1", "C1", { confidentialText: true });
      expect(await store.getPostBackSettings("T1", "C1")).toEqual({ enabled: false, confidentialText: true });
      await store.savePostBackSettings("T1", "C1", { enabled: true });
      expect(await store.getPostBackSettings("T1", "C1")).toEqual({ enabled: true, confidentialText: true });
      expect(await store.getPostBackSettings("T1", "C2")).toEqual({});
      if (fixture.restart) {
        const reopened = await fixture.restart();
        expect(await reopened.getPostBackSettings("T1", "C1")).toEqual({
          enabled: true,
          confidentialText: true,
        });
      }
    });

    it("refuses an issue event older than one already marked, and accepts the same time again", async () => {
      const store = fixture.store();
      expect(await store.markIssueEvent(42, 7, 2_000)).toBe(true);
      expect(await store.markIssueEvent(42, 7, 1_000)).toBe(false);
      expect(await store.markIssueEvent(42, 7, 2_000)).toBe(true);
      expect(await store.markIssueEvent(42, 7, 3_000)).toBe(true);
      expect(await store.markIssueEvent(42, 7, 2_500)).toBe(false);
      expect(await store.markIssueEvent(42, 8, 1_000)).toBe(true);
    });
  });
}
