/** The job part of the Store contract (schema version 4); called from describeStoreContract. */
import { describe, expect, it } from "vitest";
import type { NewJob } from "../../src/store/job-records.js";
import type { Store } from "../../src/store/store.js";

export interface JobContractFixture {
  store(): Store;
  /** Moves the store's clock on. */
  advance(ms: number): void;
  now(): number;
  /** Reopens the same database, or undefined when it does not outlive its connection. */
  restart?: () => Promise<Store>;
}

function aJob(overrides: Partial<NewJob> = {}): NewJob {
  return {
    id: "3f0c1d2e-0000-8000-8000-000000000001",
    kind: "export",
    payload: JSON.stringify({ request: { location: { channelId: "C1" } } }),
    maxAttempts: 3,
    runAt: 0,
    ...overrides,
  };
}

const SECOND = 1000;

export function describeJobContract(f: JobContractFixture): void {
  describe("jobs", () => {
    it("adds a job once per id and hands it to one worker with a lease", async () => {
      const store = f.store();
      expect(await store.enqueueJob(aJob({ runAt: f.now() }))).toBe(true);
      expect(await store.enqueueJob(aJob({ runAt: f.now(), payload: "{}" }))).toBe(false);
      const [claimed, ...more] = await store.claimJobs("w1", 10, 30 * SECOND);
      expect(more).toEqual([]);
      expect(claimed).toMatchObject({
        id: aJob().id,
        kind: "export",
        payload: aJob().payload,
        state: "running",
        attempts: 1,
        maxAttempts: 3,
        lockedBy: "w1",
        lockedUntil: f.now() + 30 * SECOND,
        createdAt: f.now(),
      });
      expect(await store.claimJobs("w2", 10, 30 * SECOND)).toEqual([]);
    });

    it("does not hand out a job before its time, and honours the limit", async () => {
      const store = f.store();
      await store.enqueueJob(aJob({ id: "a0000000-0000-8000-8000-000000000001", runAt: f.now() }));
      await store.enqueueJob(aJob({ id: "a0000000-0000-8000-8000-000000000002", runAt: f.now() }));
      await store.enqueueJob(
        aJob({ id: "a0000000-0000-8000-8000-000000000003", runAt: f.now() + 60 * SECOND }),
      );
      expect(await store.claimJobs("w1", 1, 600 * SECOND)).toHaveLength(1);
      expect(await store.claimJobs("w1", 5, 600 * SECOND)).toHaveLength(1);
      expect(await store.claimJobs("w1", 5, 600 * SECOND)).toEqual([]);
      f.advance(60 * SECOND);
      expect((await store.claimJobs("w1", 5, 120 * SECOND)).map((j) => j.id)).toEqual([
        "a0000000-0000-8000-8000-000000000003",
      ]);
    });

    it("gives a job whose lease ran out to another worker, and ignores the old worker's word on it", async () => {
      const store = f.store();
      await store.enqueueJob(aJob({ runAt: f.now() }));
      await store.claimJobs("w1", 1, 10 * SECOND);
      f.advance(5 * SECOND);
      expect(await store.renewJobLease(aJob().id, "w1", 10 * SECOND)).toBe(true);
      f.advance(11 * SECOND);
      const [again] = await store.claimJobs("w2", 1, 10 * SECOND);
      expect(again).toMatchObject({ lockedBy: "w2", attempts: 2 });
      expect(await store.renewJobLease(aJob().id, "w1", 10 * SECOND)).toBe(false);
      await store.finishJob(aJob().id, "w1", { state: "done" });
      expect(await store.getJob(aJob().id)).toMatchObject({ state: "running", lockedBy: "w2" });
      await store.finishJob(aJob().id, "w2", { state: "done" });
      expect(await store.getJob(aJob().id)).toMatchObject({ state: "done", finishedAt: f.now() });
    });

    it("reschedules a job with its error, and keeps a failed one until it is retried", async () => {
      const store = f.store();
      await store.enqueueJob(aJob({ runAt: f.now() }));
      await store.claimJobs("w1", 1, SECOND);
      const error = { code: "gitlab_unavailable", message: "GitLab did not answer properly: 503" };
      await store.finishJob(aJob().id, "w1", { state: "pending", runAt: f.now() + 5 * SECOND, error });
      expect(await store.getJob(aJob().id)).toMatchObject({
        state: "pending",
        runAt: f.now() + 5 * SECOND,
        lastErrorCode: "gitlab_unavailable",
        lastError: error.message,
      });
      expect(await store.getJob(aJob().id)).not.toHaveProperty("lockedBy");
      f.advance(5 * SECOND);
      await store.claimJobs("w1", 1, SECOND);
      await store.finishJob(aJob().id, "w1", {
        state: "failed",
        error: { code: "gitlab_forbidden", message: "403" },
      });
      expect(await store.jobStats()).toEqual({ pending: 0, running: 0, failed: 1 });
      expect((await store.listJobs(["failed"], 10)).map((j) => j.lastErrorCode)).toEqual([
        "gitlab_forbidden",
      ]);
      expect(await store.retryJob("b0000000-0000-8000-8000-00000000dead")).toBe(false);
      expect(await store.retryJob(aJob().id)).toBe(true);
      expect(await store.retryJob(aJob().id)).toBe(false);
      expect(await store.getJob(aJob().id)).toMatchObject({ state: "pending", attempts: 0, runAt: f.now() });
    });

    it("counts waiting jobs and knows since when the oldest waits", async () => {
      const store = f.store();
      expect(await store.jobStats()).toEqual({ pending: 0, running: 0, failed: 0 });
      const first = f.now();
      await store.enqueueJob(aJob({ id: "c0000000-0000-8000-8000-000000000001", runAt: first }));
      f.advance(SECOND);
      await store.enqueueJob(aJob({ id: "c0000000-0000-8000-8000-000000000002", runAt: f.now() }));
      await store.claimJobs("w1", 1, SECOND);
      expect(await store.jobStats()).toEqual({
        pending: 1,
        running: 1,
        failed: 0,
        oldestWaitingSince: first,
      });
      const listed = await store.listJobs(["pending", "running"], 10);
      expect(listed.map((j) => j.id)).toEqual([
        "c0000000-0000-8000-8000-000000000002",
        "c0000000-0000-8000-8000-000000000001",
      ]);
    });

    it("makes running jobs pending again after a crash", async () => {
      const store = f.store();
      await store.enqueueJob(aJob({ runAt: f.now() }));
      await store.claimJobs("w1", 1, 60 * SECOND);
      const again = f.restart ? await f.restart() : store;
      expect(await again.requeueRunningJobs()).toBe(1);
      expect(await again.claimJobs("w2", 1, SECOND)).toMatchObject([{ attempts: 2, lockedBy: "w2" }]);
    });

    it("answers a ping", async () => {
      await expect(f.store().ping()).resolves.toBeUndefined();
    });
  });
}
