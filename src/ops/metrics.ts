/**
 * Prometheus metrics (prom-client) on a registry of their own, served at GET /metrics in HTTP mode:
 * Slack events by type, exports and failures, the job queue's depth and age, and the latency and 429s of
 * every call to GitLab, Slack and the model.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { ExportOutcome } from "../export/export-thread.js";
import type { JobObserver, JobStats } from "../jobs/job-queue.js";

export type Service = "gitlab" | "slack" | "llm";

export class Metrics {
  readonly registry = new Registry();
  private readonly events: Counter<"type">;
  private readonly eventCounters = new Map<string, { inc(): void }>();
  private readonly exports: Counter<"outcome">;
  private readonly exportFailures: Counter<"code">;
  private readonly jobAttempts: Counter<"kind" | "result">;
  private readonly callSeconds: Histogram<"service" | "operation" | "status">;
  private readonly rateLimitedTotal: Counter<"service">;
  private queueStats: () => Promise<JobStats> = async () => ({ pending: 0, running: 0, failed: 0 });

  constructor(options: { now?: () => number; processMetrics?: boolean } = {}) {
    const now = options.now ?? Date.now;
    const registers = [this.registry];
    if (options.processMetrics ?? true)
      collectDefaultMetrics({ register: this.registry, prefix: "threadport_" });
    this.events = new Counter({
      name: "threadport_slack_events_total",
      help: "Slack requests received (events by event type, commands, interactions), redeliveries included.",
      labelNames: ["type"],
      registers,
    });
    this.exports = new Counter({
      name: "threadport_exports_total",
      help: "Export attempts by outcome (created, appended, commented, nothing_new, failed).",
      labelNames: ["outcome"],
      registers,
    });
    this.exportFailures = new Counter({
      name: "threadport_export_failures_total",
      help: "Failed export attempts by error code.",
      labelNames: ["code"],
      registers,
    });
    this.jobAttempts = new Counter({
      name: "threadport_job_attempts_total",
      help: "Job attempts by kind and result (done, retry, failed).",
      labelNames: ["kind", "result"],
      registers,
    });
    this.callSeconds = new Histogram({
      name: "threadport_external_call_duration_seconds",
      help: "Latency of each HTTP call to GitLab, Slack or the model, by status (or 'error').",
      labelNames: ["service", "operation", "status"],
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.rateLimitedTotal = new Counter({
      name: "threadport_external_rate_limited_total",
      help: "HTTP 429 answers from GitLab, Slack or the model.",
      labelNames: ["service"],
      registers,
    });
    // The queue gauges read the store when scraped, so every replica reports the shared queue.
    const stats = () => this.queueStats();
    new Gauge({
      name: "threadport_jobs_waiting",
      help: "Jobs queued or running, by state.",
      labelNames: ["state"],
      registers,
      async collect() {
        const s = await stats();
        this.set({ state: "pending" }, s.pending);
        this.set({ state: "running" }, s.running);
      },
    });
    new Gauge({
      name: "threadport_jobs_failed",
      help: "Jobs that failed for good and wait for `threadport jobs retry`.",
      registers,
      async collect() {
        this.set((await stats()).failed);
      },
    });
    new Gauge({
      name: "threadport_jobs_oldest_age_seconds",
      help: "Age of the oldest queued or running job (0 when none).",
      registers,
      async collect() {
        const since = (await stats()).oldestWaitingSince;
        this.set(since === undefined ? 0 : Math.max(0, (now() - since) / 1000));
      },
    });
  }

  /** Where the queue gauges read from. */
  watchQueue(stats: () => Promise<JobStats>): void {
    this.queueStats = stats;
  }

  slackRequest(type: string): void {
    // One child counter per type: prom-client otherwise hashes the labels on every message event.
    let counter = this.eventCounters.get(type);
    if (!counter) {
      counter = this.events.labels({ type });
      this.eventCounters.set(type, counter);
    }
    counter.inc();
  }

  exportFinished(outcome: ExportOutcome): void {
    this.exports.inc({ outcome: outcome.kind });
    if (outcome.kind === "failed") this.exportFailures.inc({ code: outcome.error.code });
  }

  readonly jobObserver: JobObserver = {
    attemptFinished: (kind, result) => this.jobAttempts.inc({ kind, result }),
  };

  /** Counts a 429 the client waited out on its own (Slack's Web API client does). */
  rateLimited(service: Service): void {
    this.rateLimitedTotal.inc({ service });
  }

  /** Records one HTTP call: its latency, and a 429 when it was one. */
  externalCall(service: Service, operation: string, status: number | "error", seconds: number): void {
    this.callSeconds.observe({ service, operation, status: String(status) }, seconds);
    if (status === 429) this.rateLimitedTotal.inc({ service });
  }

  /** A fetch that records every call it makes (for the OpenAI client's `fetch` option, or GitLab's). */
  meteredFetch(service: Service, operation: (url: URL) => string, inner: typeof fetch = fetch): typeof fetch {
    return async (input, init) => {
      const started = performance.now();
      const url = new URL(input instanceof Request ? input.url : String(input));
      try {
        const response = await inner(input, init);
        this.externalCall(service, operation(url), response.status, (performance.now() - started) / 1000);
        return response;
      } catch (error) {
        this.externalCall(service, operation(url), "error", (performance.now() - started) / 1000);
        throw error;
      }
    };
  }
}

/** A low-cardinality name for a GitLab API path: ids and iids become placeholders. */
export function gitlabOperation(url: URL): string {
  const path = url.pathname.replace(/^.*\/api\/v4\//, "");
  return path
    .split("/")
    .map((segment, index) => (index === 1 || /^\d+$/.test(segment) ? ":id" : segment))
    .join("/");
}
