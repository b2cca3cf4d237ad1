import { describe, expect, it } from "vitest";
import {
  DEFAULT_RETRY_POLICY,
  nextDelayMs,
  parseRetryAfter,
  type RetryDecision,
  type RetryPolicy,
  retryWithBackoff,
} from "../../src/util/retry-with-backoff.js";

const POLICY: RetryPolicy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 5_000 };

class FakeError extends Error {
  constructor(
    readonly transient: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(transient ? "try again" : "give up");
  }
}

const classify = (error: unknown): RetryDecision => {
  const fake = error as FakeError;
  return { retry: fake.transient, retryAfterMs: fake.retryAfterMs };
};

/** An operation that fails with the given errors in turn, then succeeds with "done". */
function failingWith(...errors: FakeError[]) {
  const calls = { count: 0 };
  const operation = async () => {
    const error = errors[calls.count++];
    if (error) throw error;
    return "done";
  };
  return { operation, calls };
}

/** A sleep that records how long it was asked to wait and returns at once. */
function recordingSleep() {
  const delays: number[] = [];
  const sleep = async (ms: number) => {
    delays.push(ms);
  };
  return { sleep, delays };
}

const noJitter = () => 1;

describe("retryWithBackoff", () => {
  it("returns the first result without sleeping when the operation succeeds", async () => {
    const { operation, calls } = failingWith();
    const { sleep, delays } = recordingSleep();
    await expect(retryWithBackoff(operation, classify, POLICY, sleep)).resolves.toBe("done");
    expect(calls.count).toBe(1);
    expect(delays).toEqual([]);
  });

  it("retries transient failures until the operation succeeds", async () => {
    const { operation, calls } = failingWith(new FakeError(true), new FakeError(true));
    const { sleep, delays } = recordingSleep();
    await expect(retryWithBackoff(operation, classify, POLICY, sleep, noJitter)).resolves.toBe("done");
    expect(calls.count).toBe(3);
    expect(delays).toHaveLength(2);
  });

  it("doubles the delay after each failed attempt", async () => {
    const { operation } = failingWith(new FakeError(true), new FakeError(true), new FakeError(true));
    const { sleep, delays } = recordingSleep();
    await retryWithBackoff(operation, classify, POLICY, sleep, noJitter);
    expect(delays).toEqual([100, 200, 400]);
  });

  it("stops at once on a permanent failure and rethrows the same error", async () => {
    const permanent = new FakeError(false);
    const { operation, calls } = failingWith(permanent);
    const { sleep, delays } = recordingSleep();
    await expect(retryWithBackoff(operation, classify, POLICY, sleep)).rejects.toBe(permanent);
    expect(calls.count).toBe(1);
    expect(delays).toEqual([]);
  });

  it("stops on a permanent failure that follows transient ones", async () => {
    const permanent = new FakeError(false);
    const { operation, calls } = failingWith(new FakeError(true), permanent);
    const { sleep } = recordingSleep();
    await expect(retryWithBackoff(operation, classify, POLICY, sleep, noJitter)).rejects.toBe(permanent);
    expect(calls.count).toBe(2);
  });

  it("gives up after `attempts` attempts in all and rethrows the last error", async () => {
    const errors = [1, 2, 3, 4, 5].map(() => new FakeError(true));
    const { operation, calls } = failingWith(...errors);
    const { sleep, delays } = recordingSleep();
    await expect(retryWithBackoff(operation, classify, POLICY, sleep, noJitter)).rejects.toBe(errors[3]);
    expect(calls.count).toBe(4);
    expect(delays).toHaveLength(3);
  });

  it("tries only once when the policy allows one attempt", async () => {
    const { operation, calls } = failingWith(new FakeError(true));
    const { sleep } = recordingSleep();
    await expect(retryWithBackoff(operation, classify, { ...POLICY, attempts: 1 }, sleep)).rejects.toThrow(
      "try again",
    );
    expect(calls.count).toBe(1);
  });

  it("waits as long as the server asked with Retry-After, even when the backoff is shorter", async () => {
    const { operation } = failingWith(new FakeError(true, 3_000));
    const { sleep, delays } = recordingSleep();
    await retryWithBackoff(operation, classify, POLICY, sleep, noJitter);
    expect(delays).toEqual([3_000]);
  });

  it("never sleeps less than Retry-After, whatever the jitter draws", async () => {
    for (const draw of [0, 0.25, 0.5, 0.999]) {
      const { operation } = failingWith(new FakeError(true, 1_234), new FakeError(true, 1_234));
      const { sleep, delays } = recordingSleep();
      await retryWithBackoff(operation, classify, POLICY, sleep, () => draw);
      expect(delays).toHaveLength(2);
      for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(1_234);
    }
  });

  it("uses the backoff when it is longer than the Retry-After the server gave", async () => {
    const { operation } = failingWith(
      new FakeError(true),
      new FakeError(true),
      new FakeError(true, 10), // third attempt: backoff 400 ms beats 10 ms
    );
    const { sleep, delays } = recordingSleep();
    await retryWithBackoff(operation, classify, POLICY, sleep, noJitter);
    expect(delays).toEqual([100, 200, 400]);
  });

  it("gives up at once when the server asks for longer than maxDelayMs", async () => {
    const tooLong = new FakeError(true, POLICY.maxDelayMs + 1);
    const { operation, calls } = failingWith(tooLong);
    const { sleep, delays } = recordingSleep();
    await expect(retryWithBackoff(operation, classify, POLICY, sleep)).rejects.toBe(tooLong);
    expect(calls.count).toBe(1);
    expect(delays).toEqual([]);
  });

  it("still waits when the server asks for exactly maxDelayMs", async () => {
    const { operation } = failingWith(new FakeError(true, POLICY.maxDelayMs));
    const { sleep, delays } = recordingSleep();
    await expect(retryWithBackoff(operation, classify, POLICY, sleep, noJitter)).resolves.toBe("done");
    expect(delays).toEqual([POLICY.maxDelayMs]);
  });

  it("hands each error to the classifier", async () => {
    const first = new FakeError(true);
    const second = new FakeError(false);
    const { operation } = failingWith(first, second);
    const seen: unknown[] = [];
    const { sleep } = recordingSleep();
    await expect(
      retryWithBackoff(
        operation,
        (error) => {
          seen.push(error);
          return classify(error);
        },
        POLICY,
        sleep,
      ),
    ).rejects.toBe(second);
    expect(seen).toEqual([first, second]);
  });

  it("has a default policy of 4 attempts starting at 500 ms and capped at 30 s", () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({ attempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 });
  });
});

describe("nextDelayMs", () => {
  it("waits between half and all of the exponential delay (jitter bounds)", () => {
    expect(nextDelayMs(1, undefined, POLICY, () => 0)).toBe(50);
    expect(nextDelayMs(1, undefined, POLICY, () => 0.5)).toBe(75);
    expect(nextDelayMs(1, undefined, POLICY, () => 0.999_999)).toBe(100);
    expect(nextDelayMs(3, undefined, POLICY, () => 0)).toBe(200);
    expect(nextDelayMs(3, undefined, POLICY, () => 0.999_999)).toBe(400);
  });

  it("stays within the jitter bounds for many random draws", () => {
    for (let attempt = 1; attempt <= 8; attempt++) {
      const exponential = Math.min(POLICY.maxDelayMs, POLICY.baseDelayMs * 2 ** (attempt - 1));
      for (let i = 0; i < 50; i++) {
        const delay = nextDelayMs(attempt, undefined, POLICY);
        expect(delay).toBeGreaterThanOrEqual(exponential / 2);
        expect(delay).toBeLessThanOrEqual(exponential);
      }
    }
  });

  it("never waits longer than maxDelayMs however many attempts failed", () => {
    expect(nextDelayMs(30, undefined, POLICY, noJitter)).toBe(POLICY.maxDelayMs);
    expect(nextDelayMs(30, undefined, POLICY, () => 0)).toBe(POLICY.maxDelayMs / 2);
  });

  it("returns Retry-After when it is longer than the jittered delay", () => {
    expect(nextDelayMs(1, 2_000, POLICY, noJitter)).toBe(2_000);
  });

  it("returns the jittered delay when Retry-After is zero", () => {
    expect(nextDelayMs(2, 0, POLICY, noJitter)).toBe(200);
  });
});

describe("parseRetryAfter", () => {
  const NOW = Date.parse("2026-03-02T10:00:00Z");

  it("reads a number of seconds as milliseconds", () => {
    expect(parseRetryAfter("120", NOW)).toBe(120_000);
  });

  it("reads zero seconds as zero", () => {
    expect(parseRetryAfter("0", NOW)).toBe(0);
  });

  it("reads fractional seconds", () => {
    expect(parseRetryAfter("1.5", NOW)).toBe(1_500);
  });

  it("reads an HTTP date as the time left until then", () => {
    expect(parseRetryAfter("Mon, 02 Mar 2026 10:00:30 GMT", NOW)).toBe(30_000);
  });

  it("reads an HTTP date in the past as no wait at all", () => {
    expect(parseRetryAfter("Mon, 02 Mar 2026 09:59:00 GMT", NOW)).toBe(0);
  });

  it.each([
    ["a missing header", null],
    ["an undefined value", undefined],
    ["an empty header", ""],
    ["text that is neither seconds nor a date", "soon"],
  ])("returns undefined for %s", (_label, value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });

  it("measures an HTTP date against the current time by default", () => {
    const inOneMinute = new Date(Date.now() + 60_000).toUTCString();
    const ms = parseRetryAfter(inOneMinute);
    expect(ms).toBeGreaterThan(55_000);
    expect(ms).toBeLessThanOrEqual(60_000);
  });
});
