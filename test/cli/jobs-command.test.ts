import { describe, expect, it } from "vitest";
import { formatJobs, jobsCommand } from "../../src/cli/jobs-command.js";
import type { JobQueue, JobView } from "../../src/jobs/job-queue.js";

const NOW = Date.UTC(2025, 0, 6, 9, 30, 0);
const request = (channelId: string, messageTs: string) => ({
  request: { location: { teamId: "T1", channelId, messageTs }, requestedBy: "U_ALICE", reaction: "memo" },
});

const jobs: JobView[] = [
  {
    id: "11111111-1111-8111-8111-111111111111",
    kind: "export",
    state: "pending",
    attempts: 2,
    maxAttempts: 8,
    createdAt: NOW - 120_000,
    runAt: NOW + 45_000,
    lastErrorCode: "gitlab_unavailable",
    lastError: "GitLab did not answer properly: 503 Service Unavailable",
    payload: request("C_DESIGN", "1732550400.000100"),
  },
  {
    id: "22222222-2222-8222-8222-222222222222",
    kind: "export",
    state: "failed",
    attempts: 1,
    maxAttempts: 8,
    createdAt: NOW - 3_600_000,
    lastErrorCode: "gitlab_forbidden",
    lastError: "The GitLab token may not do this in the project",
    payload: request("C_OPS", "1732550999.000200"),
  },
];

describe("threadport jobs", () => {
  it("lists failed jobs first, each with its error and the command that runs it again", () => {
    expect(formatJobs(jobs, NOW).join("\n")).toMatchInlineSnapshot(`
      "1 failed, 1 pending

      FAILED  22222222-2222-8222-8222-222222222222  export  thread C_OPS/1732550999.000200 (team T1) for U_ALICE
              attempts 1/8 · queued 2025-01-06 08:30 UTC
              last error: gitlab_forbidden: The GitLab token may not do this in the project
              run it again: threadport jobs retry 22222222-2222-8222-8222-222222222222

      PENDING 11111111-1111-8111-8111-111111111111  export  thread C_DESIGN/1732550400.000100 (team T1) for U_ALICE
              attempts 2/8 · queued 2025-01-06 09:28 UTC · next attempt in 45 s
              last error: gitlab_unavailable: GitLab did not answer properly: 503 Service Unavailable"
    `);
  });

  it("says so when nothing waits or failed", () => {
    expect(formatJobs([], NOW)).toEqual(["No failed or waiting jobs."]);
  });

  it("retries by id, and explains an unknown id or a wrong command", async () => {
    const retried: string[] = [];
    const queue = {
      retry: async (id: string) => {
        retried.push(id);
        return id === "22222222-2222-8222-8222-222222222222";
      },
    } as unknown as JobQueue;
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    expect(await jobsCommand(["retry", "22222222-2222-8222-8222-222222222222"], queue, io)).toBe(0);
    expect(await jobsCommand(["retry", "nope"], queue, io)).toBe(1);
    expect(await jobsCommand(["frobnicate"], queue, io)).toBe(64);
    expect(out).toEqual([
      "Job 22222222-2222-8222-8222-222222222222 will run again with fresh attempts; a running threadport picks it up within seconds.",
    ]);
    expect(err).toEqual([
      "No failed job has the id nope. `threadport jobs` lists the failed ones with their ids.",
      "Usage: threadport jobs [--all]   |   threadport jobs retry ID",
    ]);
  });
});
