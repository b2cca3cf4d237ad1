/** `threadport jobs` lists failed and waiting jobs; `threadport jobs retry ID` runs a failed one again. */
import type { JobQueue, JobView } from "../jobs/job-queue.js";

export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

/** Runs the jobs command; returns the process exit code. */
export async function jobsCommand(args: string[], queue: JobQueue, io: CommandOutput): Promise<number> {
  const [sub, id, ...extra] = args;
  if (sub === undefined || sub === "list" || sub === "--all") {
    const states =
      sub === "--all"
        ? (["failed", "pending", "running", "done"] as const)
        : (["failed", "pending", "running"] as const);
    const jobs = await queue.list([...states], 200);
    for (const line of formatJobs(jobs, Date.now())) io.out(line);
    return 0;
  }
  if (sub === "retry" && id && extra.length === 0) {
    if (await queue.retry(id)) {
      io.out(
        `Job ${id} will run again with fresh attempts; a running threadport picks it up within seconds.`,
      );
      return 0;
    }
    io.err(`No failed job has the id ${id}. \`threadport jobs\` lists the failed ones with their ids.`);
    return 1;
  }
  io.err("Usage: threadport jobs [--all]   |   threadport jobs retry ID");
  return 64; // EX_USAGE
}

/** The listing people read: a count line, then one block per job, failed first, each failure with its fix. */
export function formatJobs(jobs: JobView[], now: number): string[] {
  if (jobs.length === 0) return ["No failed or waiting jobs."];
  const count = (state: string) => jobs.filter((job) => job.state === state).length;
  const counts = ["failed", "running", "pending", "done"]
    .map((state) => [state, count(state)] as const)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => `${n} ${state}`);
  const order = { failed: 0, running: 1, pending: 2, done: 3 };
  const sorted = [...jobs].sort((a, b) => order[a.state] - order[b.state] || b.createdAt - a.createdAt);
  const lines = [counts.join(", ")];
  for (const job of sorted) {
    lines.push("");
    lines.push(`${job.state.toUpperCase().padEnd(8)}${job.id}  ${job.kind}  ${describePayload(job.payload)}`);
    const when = `queued ${formatTime(job.createdAt)}`;
    const next =
      job.runAt !== undefined && job.runAt > now ? ` · next attempt in ${formatWait(job.runAt - now)}` : "";
    lines.push(`        attempts ${job.attempts}/${job.maxAttempts} · ${when}${next}`);
    if (job.lastErrorCode)
      lines.push(`        last error: ${job.lastErrorCode}: ${oneLine(job.lastError ?? "")}`);
    if (job.state === "failed") lines.push(`        run it again: threadport jobs retry ${job.id}`);
  }
  return lines;
}

function describePayload(payload: unknown): string {
  const request = (payload as { request?: { location?: Record<string, string>; requestedBy?: string } })
    ?.request;
  const where = request?.location;
  if (!where) return "";
  return `thread ${where.channelId}/${where.messageTs} (team ${where.teamId}) for ${request.requestedBy ?? "?"}`;
}

function formatTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function formatWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}
