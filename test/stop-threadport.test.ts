/**
 * How long SIGTERM may take: README.md promises the jobs in hand "20 s at most". Shown on a real queue
 * whose job hangs, with fake timers, so the test waits for nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { JobResult } from "../src/jobs/job-queue.js";
import { StoreJobQueue } from "../src/jobs/store-job-queue.js";
import { stopThreadport } from "../src/stop-threadport.js";
import { openSqliteStore } from "../src/store/sqlite-store.js";
import { WorkTracker } from "../src/util/work-tracker.js";
import { memoryLog } from "./summarize/openai/with-fake-model.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A running threadport's stoppable parts, with one export job in hand that ends when `finish` is called. */
async function threadportWithAJobInHand() {
  const store = await openSqliteStore(":memory:");
  const closeStore = vi.spyOn(store, "close");
  const log = memoryLog();
  const jobs = new StoreJobQueue({ store, log });
  let finish: (result: JobResult) => void = () => {};
  let entered: () => void = () => {};
  const inHand = new Promise<void>((resolve) => {
    entered = resolve;
  });
  jobs.handle("export", () => {
    entered();
    return new Promise<JobResult>((resolve) => {
      finish = resolve;
    });
  });
  await jobs.start();
  const { id } = await jobs.enqueue("export", {});
  await inHand;
  const appStop = vi.fn(async () => {});
  let stopped = false;
  const stop = () =>
    stopThreadport({ app: { stop: appStop }, jobs, work: new WorkTracker(), store, log }).then(() => {
      stopped = true;
    });
  return {
    store,
    closeStore,
    log,
    id,
    appStop,
    stop,
    stopped: () => stopped,
    finish: (r: JobResult) => finish(r),
  };
}

describe("stopping threadport", () => {
  it("gives up on a job that hangs after 20 s, closing the store and saying it resumes at the next start", async () => {
    const t = await threadportWithAJobInHand();
    void t.stop();
    await vi.advanceTimersByTimeAsync(19_999);
    expect(t.appStop).toHaveBeenCalledTimes(1);
    expect(t.stopped()).toBe(false);
    expect(t.closeStore).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(1);
    expect(t.stopped()).toBe(true);
    expect(t.closeStore).toHaveBeenCalledTimes(1);
    expect(t.log.entries.filter((e) => e.level === "warn").map((e) => e.msg)).toEqual([
      "stopped before every job finished; they resume at the next start",
    ]);
  });

  it("waits for a job that finishes in time, without a warning", async () => {
    const t = await threadportWithAJobInHand();
    void t.stop();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(t.stopped()).toBe(false);
    t.finish({ outcome: "done" });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.stopped()).toBe(true);
    expect(t.log.entries.filter((e) => e.level === "warn")).toEqual([]);
    expect(t.closeStore).toHaveBeenCalledTimes(1);
  });
});
