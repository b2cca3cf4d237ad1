/**
 * The retry schedule README.md promises for JOB_RETRY_BASE_MS ("each later one doubles, with jitter, up to
 * 15 minutes"), shown on a real queue driven by a clock the test moves: each attempt's wait is read from
 * the job's run_at, so no test sleeps through a delay.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { ConfigProblem } from "../../src/config.js";
import { retryPolicyOf } from "../../src/jobs/create-job-queue.js";
import type { JobResult } from "../../src/jobs/job-queue.js";
import { readJobConfig } from "../../src/jobs/read-job-config.js";
import { StoreJobQueue } from "../../src/jobs/store-job-queue.js";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import type { Store } from "../../src/store/store.js";
import { createLogger } from "../../src/util/logger.js";
import { waitUntil } from "../helpers/run-cli.js";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const boom = { code: "gitlab_unavailable", message: "GitLab did not answer properly: 503" };
const open: { store: Store; queue: StoreJobQueue }[] = [];

afterEach(async () => {
  for (const { store, queue } of open.splice(0)) {
    await queue.stop(1_000);
    await store.close();
  }
});

interface Scenario {
  /** JOB_* variables; the defaults when empty. */
  env?: Record<string, string>;
  /** The jitter draw: 1 gives every delay its longest length, 0 its shortest. */
  random: () => number;
  /** What every attempt answers. */
  result?: JobResult;
}

/** Runs one export that always fails transiently until it is kept as failed; returns the waits between attempts. */
async function waitsBetweenAttempts(scenario: Scenario): Promise<number[]> {
  let clock = Date.parse("2025-01-15T12:00:00Z");
  const now = () => clock;
  const problems: ConfigProblem[] = [];
  const jobs = readJobConfig((name) => scenario.env?.[name], problems);
  expect(problems).toEqual([]);
  const store = await openSqliteStore(":memory:", { now });
  const queue = new StoreJobQueue({
    store,
    log: createLogger("silent"),
    retry: retryPolicyOf(jobs),
    pollIntervalMs: 5,
    now,
    random: scenario.random,
  });
  open.push({ store, queue });
  const startedAt: number[] = [];
  queue.handle("export", async () => {
    startedAt.push(clock);
    return scenario.result ?? { outcome: "retry", error: boom };
  });
  await queue.start();
  const { id } = await queue.enqueue("export", {});
  for (let attempt = 1; ; attempt++) {
    await waitUntil(async () => {
      const job = await store.getJob(id);
      return job?.attempts === attempt && (job.state === "failed" || job.state === "pending");
    }, `attempt ${attempt} never ended`);
    const job = (await store.getJob(id))!;
    if (job.state === "failed") break;
    clock = job.runAt; // the next attempt is due now
  }
  expect(startedAt).toHaveLength(jobs.maxAttempts);
  return startedAt.slice(1).map((at, i) => at - startedAt[i]!);
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe("the retry schedule of an export that keeps failing", () => {
  it("with the defaults, waits 5 s, doubling each time, and gives up after 8 attempts, 11 minutes of waits at most", async () => {
    const longest = await waitsBetweenAttempts({ random: () => 1 });
    expect(longest).toEqual([5, 10, 20, 40, 80, 160, 320].map((s) => s * SECOND));
    expect(sum(longest)).toBe(635 * SECOND);
    expect(sum(longest)).toBeLessThanOrEqual(11 * MINUTE);

    // Jitter only ever shortens a wait, to no less than half of it.
    const shortest = await waitsBetweenAttempts({ random: () => 0 });
    expect(shortest).toEqual(longest.map((ms) => ms / 2));
  });

  it("never waits longer than 15 minutes between attempts, even with the largest JOB_RETRY_BASE_MS", async () => {
    const waits = await waitsBetweenAttempts({
      env: { JOB_RETRY_BASE_MS: "600000", JOB_MAX_ATTEMPTS: "5" },
      random: () => 1,
    });
    expect(waits).toEqual([10 * MINUTE, 15 * MINUTE, 15 * MINUTE, 15 * MINUTE]);
  });

  it("waits as long as Retry-After asks, even past 15 minutes", async () => {
    const waits = await waitsBetweenAttempts({
      env: { JOB_MAX_ATTEMPTS: "2" },
      random: () => 1,
      result: { outcome: "retry", error: boom, retryAfterMs: 60 * MINUTE },
    });
    expect(waits).toEqual([60 * MINUTE]);
  });
});
