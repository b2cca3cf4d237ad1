import { afterEach, describe, expect, it, vi } from "vitest";
import { WorkTracker } from "../../src/util/work-tracker.js";

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("WorkTracker", () => {
  it("drains at once, with true, when nothing was started", async () => {
    await expect(new WorkTracker().drain(1_000)).resolves.toBe(true);
  });

  it("counts the work that is still running", async () => {
    const tracker = new WorkTracker();
    const a = deferred();
    const b = deferred();
    tracker.start(a.promise);
    tracker.start(b.promise);
    expect(tracker.size).toBe(2);
    a.resolve();
    await a.promise;
    await vi.waitFor(() => expect(tracker.size).toBe(1));
    b.resolve();
    await vi.waitFor(() => expect(tracker.size).toBe(0));
  });

  it("waits for every started piece of work before drain resolves with true", async () => {
    const tracker = new WorkTracker();
    const a = deferred();
    const b = deferred();
    tracker.start(a.promise);
    tracker.start(b.promise);
    let drained: boolean | undefined;
    const draining = tracker.drain(60_000).then((result) => {
      drained = result;
    });
    a.resolve();
    await a.promise;
    await Promise.resolve();
    expect(drained).toBeUndefined();
    b.resolve();
    await draining;
    expect(drained).toBe(true);
  });

  it("gives up waiting and resolves with false after the timeout", async () => {
    vi.useFakeTimers();
    const tracker = new WorkTracker();
    tracker.start(new Promise(() => {})); // never settles
    let drained: boolean | undefined;
    const draining = tracker.drain(5_000).then((result) => {
      drained = result;
    });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(drained).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await draining;
    expect(drained).toBe(false);
  });

  it("clears its timer when the work finishes first, so no timer is left behind", async () => {
    vi.useFakeTimers();
    const tracker = new WorkTracker();
    const work = deferred();
    tracker.start(work.promise);
    const draining = tracker.drain(60_000);
    work.resolve();
    await expect(draining).resolves.toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("does not throw when tracked work rejects, and counts it as finished", async () => {
    const tracker = new WorkTracker();
    const failing = deferred();
    tracker.start(failing.promise);
    failing.reject(new Error("export failed"));
    await expect(tracker.drain(1_000)).resolves.toBe(true);
    expect(tracker.size).toBe(0);
  });

  it("does not raise an unhandled rejection for work that fails", async () => {
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    try {
      const tracker = new WorkTracker();
      tracker.start(Promise.reject(new Error("nobody awaits me")));
      await tracker.drain(1_000);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off("unhandledRejection", unhandled);
    }
  });

  it("waits only for work started before drain was called", async () => {
    const tracker = new WorkTracker();
    const early = deferred();
    tracker.start(early.promise);
    const draining = tracker.drain(60_000);
    tracker.start(new Promise(() => {})); // started late; never settles
    early.resolve();
    await expect(draining).resolves.toBe(true);
    expect(tracker.size).toBe(1);
  });
});
