import { describe, expect, it } from "vitest";
import { KeyedMutex } from "../../src/util/keyed-mutex.js";

/** A promise with its resolve and reject exposed, so a test decides when work finishes. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise callback run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe("KeyedMutex", () => {
  it("returns what the work returns", async () => {
    const mutex = new KeyedMutex();
    await expect(mutex.run("C1:1700000000.000100", async () => 42)).resolves.toBe(42);
  });

  it("does not start the second job on a key until the first has finished", async () => {
    const mutex = new KeyedMutex();
    const events: string[] = [];
    const first = deferred();
    const a = mutex.run("thread", async () => {
      events.push("a:start");
      await first.promise;
      events.push("a:end");
    });
    const b = mutex.run("thread", async () => {
      events.push("b:start");
    });
    await settle();
    expect(events).toEqual(["a:start"]);
    first.resolve();
    await Promise.all([a, b]);
    expect(events).toEqual(["a:start", "a:end", "b:start"]);
  });

  it("runs jobs on the same key in the order they were queued", async () => {
    const mutex = new KeyedMutex();
    const order: number[] = [];
    const gate = deferred();
    const jobs = [1, 2, 3, 4].map((n) =>
      mutex.run("thread", async () => {
        if (n === 1) await gate.promise;
        order.push(n);
      }),
    );
    await settle();
    gate.resolve();
    await Promise.all(jobs);
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it("never lets two jobs on one key overlap", async () => {
    const mutex = new KeyedMutex();
    let running = 0;
    let peak = 0;
    const jobs = Array.from({ length: 10 }, () =>
      mutex.run("thread", async () => {
        running++;
        peak = Math.max(peak, running);
        await settle();
        running--;
      }),
    );
    await Promise.all(jobs);
    expect(peak).toBe(1);
  });

  it("runs jobs on different keys in parallel", async () => {
    const mutex = new KeyedMutex();
    const blockA = deferred();
    const started: string[] = [];
    const a = mutex.run("thread-a", async () => {
      started.push("a");
      await blockA.promise;
    });
    const b = mutex.run("thread-b", async () => {
      started.push("b");
    });
    await b;
    expect(started).toEqual(["a", "b"]);
    blockA.resolve();
    await a;
  });

  it("releases the key when the work throws, and passes the error to its caller", async () => {
    const mutex = new KeyedMutex();
    const failing = mutex.run("thread", async () => {
      throw new Error("GitLab is down");
    });
    const next = mutex.run("thread", async () => "ran after the failure");
    await expect(failing).rejects.toThrow("GitLab is down");
    await expect(next).resolves.toBe("ran after the failure");
  });

  it("releases the key when the work rejects while others wait", async () => {
    const mutex = new KeyedMutex();
    const first = deferred();
    const failing = mutex.run("thread", () => first.promise);
    const waiting = mutex.run("thread", async () => "second");
    first.reject(new Error("boom"));
    await expect(failing).rejects.toThrow("boom");
    await expect(waiting).resolves.toBe("second");
  });

  it("lets a key be used again after all its work has finished", async () => {
    const mutex = new KeyedMutex();
    await mutex.run("thread", async () => "one");
    await mutex.run("thread", async () => "two");
    await expect(mutex.run("thread", async () => "three")).resolves.toBe("three");
  });
});
