/**
 * Fault-injection runs (the scenario of test/e2e/fault-injection.test.ts) on SQLite and, when a server is
 * reachable, on PostgreSQL with pg-boss. Writes docs/reliability.md.
 */
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { type FaultReport, runFaultScenario } from "../test/helpers/fault-scenario.js";
import { freshDatabase, postgresReachable } from "../test/helpers/postgres.js";

const SEEDS = (process.env.FAULT_SEEDS ?? "20250106,7,42").split(",").map(Number);
const EXPORTS = Number(process.env.FAULT_EXPORTS ?? 100);

interface Run {
  store: string;
  seed: number;
  report: FaultReport;
}

const runs: Run[] = [];
for (const seed of SEEDS) {
  process.stderr.write(`SQLite, seed ${seed}…\n`);
  runs.push({ store: "SQLite", seed, report: await runFaultScenario({ exports: EXPORTS, seed }) });
}
if (await postgresReachable()) {
  const database = await freshDatabase();
  try {
    process.stderr.write(`PostgreSQL, seed ${SEEDS[0]}…\n`);
    const report = await runFaultScenario({ exports: EXPORTS, seed: SEEDS[0]!, databaseUrl: database.url });
    runs.push({ store: "PostgreSQL (pg-boss)", seed: SEEDS[0]!, report });
  } finally {
    await database.drop();
  }
}

const columns: [string, (r: Run) => string | number][] = [
  ["store", (r) => r.store],
  ["seed", (r) => r.seed],
  ["exports", (r) => r.report.exports],
  ["issues", (r) => r.report.issues],
  ["duplicates", (r) => r.report.duplicateIssues],
  ["lost", (r) => r.report.missingIssues],
  ["threads without reply", (r) => r.report.threadsWithoutReply],
  ["threads with 2+ replies", (r) => r.report.threadsWithSeveralReplies],
  ["failures shown", (r) => r.report.failuresShown],
  ["events sent (redeliveries)", (r) => `${r.report.eventsSent} (${r.report.redeliveries})`],
  ["sends refused while down", (r) => r.report.deliveriesRefused],
  ["GitLab requests", (r) => r.report.gitlabRequests],
  ["GitLab 500 before / after work", (r) => `${r.report.gitlab500Before} / ${r.report.gitlab500After}`],
  ["GitLab 429", (r) => r.report.gitlab429],
  ["Slack 429", (r) => r.report.slack429],
  ["killed after issue", (r) => r.report.killedAfterIssues],
  ["jobs resumed", (r) => r.report.resumedJobs],
  ["issues adopted", (r) => r.report.adoptedIssues],
  ["job retries", (r) => r.report.jobRetries],
  ["seconds", (r) => r.report.seconds],
];

const table = [
  `| ${columns.map(([name]) => name).join(" | ")} |`,
  `|${columns.map(() => "---").join("|")}|`,
  ...runs.map((run) => `| ${columns.map(([, value]) => value(run)).join(" | ")} |`),
].join("\n");

const doc = `# Reliability under faults

Measured by \`npm run bench:faults\` (bench/fault-injection.ts) on ${cpus().length} cores, ${new Date().toISOString().slice(0, 10)}.
The same scenario runs in the test suite (test/e2e/fault-injection.test.ts, seed 20250106) and must give
exactly one issue per thread, no loss, and a reply in every thread.

## The scenario

- ${EXPORTS} threads in a public channel, each flagged with :memo: once; every event is delivered one to
  three times (the copies carry \`X-Slack-Retry-Num\`, as Slack's redeliveries do), in a shuffled order.
- The fake GitLab answers 10 % of project API requests with 500 and 5 % with 429 (\`Retry-After: 1\`)
  before doing anything, and 10 % of the remaining writes (creating an issue or a note, editing one) with
  500 *after* doing the work: the issue exists, but the bot is told it failed.
- The fake Slack answers 429 (\`Retry-After: 1\`) to the first calls of conversations.replies,
  chat.postMessage, users.info and reactions.add.
- Once 40 % of the exports reached GitLab, the bot is killed with SIGKILL and started again on the same
  database. Events sent while it is down are refused and sent again after the restart.
- The real bot runs as a separate process (JOB_CONCURRENCY=4, JOB_MAX_ATTEMPTS=12, JOB_RETRY_BASE_MS=250).

## Results

${table}

"issues adopted": retried exports that found, by the hidden thread marker, the issue an earlier attempt
had created (a 500 after the work, or the crash) and used it instead of filing a second one.
"threads with 2+ replies": threads that got more than one answer. An export interrupted after its reply
was posted but before its job was recorded as done runs again and finds nothing new; it then sees that
threadport's last message in the thread already links the issue, with nobody writing since, and says
nothing more (src/export/thread-answers.ts).
"jobs resumed": jobs the kill interrupted, taken up after the restart (on PostgreSQL by the reaper). A 0
means no job was running at the instant of the kill; test/e2e/postgres-replicas.test.ts kills the replica
running an export deterministically and checks that the other one resumes it with one issue (about 25 s:
10 s of grace, the reaper's 10 s round, pg-boss's retry delay).

## How it holds

- An export request (a reaction, a mention) becomes a job whose id derives from the event id, so a
  redelivery is the same job, and Slack is answered only once the job is stored (within milliseconds:
  one insert). A crash or a store failure before that leaves Slack without its 200, and Slack sends the
  event again (src/slack/take-event.ts, \`ackAfterHandler\`).
- Jobs live in the database (SQLite: the \`jobs\` table; PostgreSQL: pg-boss). At start, jobs a crash
  left running are resumed (on PostgreSQL a reaper finds them through the advisory lock each running job
  holds, which the server drops with the dead process's connection).
- GitLab calls are tried once per attempt by gitbeaker (its own retries are replaced); threadport retries
  429 and 5xx itself, honouring \`Retry-After\`, but never repeats a create whose outcome is unknown:
  the job is tried again later, and before creating, the issues threadport's user created in the last
  hour are searched for the thread's hidden marker. GitLab's \`search\` parameter cannot find it: for Latin
  text it is PostgreSQL full-text search, whose parser drops HTML comments (checked against PostgreSQL 15:
  \`to_tsvector('english', '<!-- threadport:thread T/C/1.2 -->')\` is empty).
- Permanent errors (401, 403, 404, 422, not_in_channel, missing_scope) are not retried: the person is told
  the fix at once and the job is kept as failed for \`threadport jobs retry ID\`.
`;
writeFileSync("docs/reliability.md", doc);
process.stdout.write(`${table}\n`);
