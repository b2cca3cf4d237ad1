import { afterEach, describe, expect, it } from "vitest";
import type { JobContext, JobResult } from "../../src/jobs/job-queue.js";
import { StoreJobQueue, type StoreJobQueueOptions } from "../../src/jobs/store-job-queue.js";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import type { Store } from "../../src/store/store.js";
import { createLogger } from "../../src/util/logger.js";
import { waitUntil } from "../helpers/run-cli.js";

const log = createLogger("silent");
const open: { store: Store; queue: StoreJobQueue }[] = [];

afterEach(async () => {
  for (const { store, queue } of open.splice(0)) {
    await queue.stop(1_000);
    await store.close();
  }
});

async function queueWith(options: Partial<StoreJobQueueOptions> = {}, store?: Store) {
  const s = store ?? (await openSqliteStore(":memory:"));
  const queue = new StoreJobQueue({
    store: s,
    log,
    pollIntervalMs: 20,
    retry: { baseDelayMs: 10 },
    ...options,
  });
  open.push({ store: s, queue });
  return { store: s, queue };
}

const boom = { code: "gitlab_unavailable", message: "GitLab did not answer properly: 503" };

describe("StoreJobQueue", () => {
  it("runs a job and records it as done", async () => {
    const { store, queue } = await queueWith();
    const seen: JobContext[] = [];
    queue.handle("export", async (job) => {
      seen.push(job);
      return { outcome: "done" };
    });
    await queue.start();
    const { id } = await queue.enqueue("export", { n: 1 });
    await waitUntil(async () => (await store.getJob(id))?.state === "done", "the job never finished");
    expect(seen).toMatchObject([{ id, kind: "export", payload: { n: 1 }, attempt: 1, maxAttempts: 8 }]);
  });

  it("maps the same key to the same job, so a redelivered event queues nothing", async () => {
    const { queue } = await queueWith();
    const first = await queue.enqueue("export", {}, { key: "Ev123" });
    const second = await queue.enqueue("export", {}, { key: "Ev123" });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    expect((await queue.enqueue("export", {}, { key: "Ev124" })).id).not.toBe(first.id);
  });

  it("tries again no sooner than Retry-After asks, keeping the error", async () => {
    const { store, queue } = await queueWith();
    queue.handle("export", async () => ({ outcome: "retry", error: boom, retryAfterMs: 60_000 }));
    await queue.start();
    const { id } = await queue.enqueue("export", {});
    await waitUntil(async () => (await store.getJob(id))?.lastErrorCode !== undefined, "no attempt ended");
    const job = (await store.getJob(id))!;
    expect(job).toMatchObject({ state: "pending", attempts: 1, lastErrorCode: "gitlab_unavailable" });
    expect(job.runAt - job.updatedAt).toBeGreaterThanOrEqual(60_000);
  });

  it("backs off with jitter between attempts and keeps the job as failed after the last one", async () => {
    const { store, queue } = await queueWith({ retry: { maxAttempts: 3, baseDelayMs: 10 } });
    const attempts: number[] = [];
    queue.handle("export", async (job) => {
      attempts.push(job.attempt);
      return { outcome: "retry", error: boom };
    });
    await queue.start();
    const { id } = await queue.enqueue("export", {});
    await waitUntil(async () => (await store.getJob(id))?.state === "failed", "the job never failed");
    expect(attempts).toEqual([1, 2, 3]);
    expect(await queue.list(["failed"], 10)).toMatchObject([{ id, attempts: 3, lastErrorCode: boom.code }]);
  });

  it("does not retry a permanent failure", async () => {
    const { store, queue } = await queueWith();
    let calls = 0;
    queue.handle("export", async (): Promise<JobResult> => {
      calls += 1;
      return { outcome: "failed", error: { code: "gitlab_forbidden", message: "403 Forbidden" } };
    });
    await queue.start();
    const { id } = await queue.enqueue("export", {});
    await waitUntil(async () => (await store.getJob(id))?.state === "failed", "the job never failed");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toBe(1);
    expect(await queue.retry(id)).toBe(true);
    await waitUntil(() => calls === 2, "a retried job did not run again");
  });

  it("retries a handler that throws", async () => {
    const { store, queue } = await queueWith();
    let calls = 0;
    queue.handle("export", async (): Promise<JobResult> => {
      calls += 1;
      if (calls === 1) throw new Error("database is locked");
      return { outcome: "done" };
    });
    await queue.start();
    const { id } = await queue.enqueue("export", {});
    await waitUntil(async () => (await store.getJob(id))?.state === "done", "the job never finished");
    expect(calls).toBe(2);
  });

  it("fails a job of a kind nobody handles", async () => {
    const { store, queue } = await queueWith();
    await queue.start();
    const { id } = await queue.enqueue("mystery", {});
    await waitUntil(async () => (await store.getJob(id))?.state === "failed", "the job never failed");
    expect((await store.getJob(id))!.lastErrorCode).toBe("unknown_job_kind");
  });

  it("picks up at start a job an earlier process left running", async () => {
    const store = await openSqliteStore(":memory:");
    await store.enqueueJob({
      id: "d0000000-0000-8000-8000-000000000001",
      kind: "export",
      payload: "{}",
      maxAttempts: 8,
      runAt: 0,
    });
    await store.claimJobs("dead-worker", 1, 3_600_000);
    const { queue } = await queueWith({}, store);
    const attempts: number[] = [];
    queue.handle("export", async (job) => {
      attempts.push(job.attempt);
      return { outcome: "done" };
    });
    await queue.start();
    await waitUntil(() => attempts.length === 1, "the interrupted job did not run");
    expect(attempts).toEqual([2]);
  });

  it("runs no more jobs at once than its concurrency", async () => {
    const { queue } = await queueWith({ concurrency: 2 });
    let running = 0;
    let most = 0;
    let done = 0;
    queue.handle("export", async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 30));
      running -= 1;
      done += 1;
      return { outcome: "done" };
    });
    await queue.start();
    for (let i = 0; i < 6; i++) await queue.enqueue("export", { i });
    await waitUntil(() => done === 6, "not every job ran");
    expect(most).toBe(2);
  });

  it("waits for the jobs in hand when stopped, and takes no new ones", async () => {
    const { store, queue } = await queueWith();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = 0;
    queue.handle("export", async () => {
      started += 1;
      await gate;
      return { outcome: "done" };
    });
    await queue.start();
    const { id } = await queue.enqueue("export", {});
    await waitUntil(() => started === 1, "the job did not start");
    const stopping = queue.stop(5_000);
    await queue.enqueue("export", { later: true });
    release();
    expect(await stopping).toBe(true);
    expect((await store.getJob(id))!.state).toBe("done");
    expect(started).toBe(1);
    expect(await queue.stats()).toMatchObject({ pending: 1, running: 0 });
  });
});
