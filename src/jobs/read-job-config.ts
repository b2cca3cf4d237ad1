/** The JOB_* settings: how many jobs run at once and how a failing job is retried. */
import type { ConfigProblem } from "../config.js";

export interface JobConfig {
  /** Jobs one process runs at once. */
  concurrency: number;
  /** Attempts per job before it is kept as failed. */
  maxAttempts: number;
  /** First retry delay; each later one doubles (with jitter), up to 15 minutes. */
  retryBaseMs: number;
}

type Read = (name: string) => string | undefined;

export function readJobConfig(read: Read, problems: ConfigProblem[]): JobConfig {
  const integer = (name: string, fallback: number, min: number, max: number, fix: string): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    problems.push({ variable: name, problem: `"${raw}" is not a whole number from ${min} to ${max}`, fix });
    return fallback;
  };
  return {
    concurrency: integer("JOB_CONCURRENCY", 4, 1, 64, "give how many exports may run at once, e.g. 4"),
    maxAttempts: integer("JOB_MAX_ATTEMPTS", 8, 1, 50, "give how often a failing export is tried, e.g. 8"),
    retryBaseMs: integer(
      "JOB_RETRY_BASE_MS",
      5_000,
      10,
      600_000,
      "give the first retry delay in milliseconds, e.g. 5000",
    ),
  };
}
