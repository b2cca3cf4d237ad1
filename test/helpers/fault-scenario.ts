/**
 * The fault-injection scenario: N exports while the fake GitLab answers random 500s (some after doing the
 * work) and 429s with Retry-After, the fake Slack answers some 429s, every event is delivered one to three
 * times, and the bot is killed with SIGKILL once and started again. Used by test/e2e/fault-injection.test.ts
 * and by bench/fault-injection.ts, which writes the figures to docs/reliability.md.
 */
import { randomUUID } from "node:crypto";
import type { ChaosDecision } from "../fakes/gitlab-interceptors.js";
import { CHANNELS, seedPeopleAndChannels } from "./conversations.js";
import { eventEnvelope, postSignedToBot, reactionAddedEvent } from "./slack-signing.js";
import { type RunningBot, startBot } from "./start-bot.js";
import { PROJECT, startWorld, type World } from "./world.js";

export interface FaultScenarioOptions {
  exports: number;
  seed: number;
  /** Share of GitLab requests failed before doing anything: 500s, and 429s with Retry-After: 1. */
  gitlab500Rate?: number;
  gitlab429Rate?: number;
  /** Share of GitLab writes (POST/PUT) done and then answered 500, as a proxy timing out would. */
  gitlab500AfterWriteRate?: number;
  /** Slack 429s (Retry-After: 1) queued on the methods an export uses. */
  slack429s?: number;
  /** Kill the bot once this share of the exports reached GitLab. */
  killAt?: number;
  timeoutMs?: number;
  /** A postgres:// URL to run on PostgreSQL (pg-boss) instead of SQLite. */
  databaseUrl?: string;
}

export interface FaultReport {
  exports: number;
  issues: number;
  /** Threads whose marker is in more than one issue. */
  duplicateIssues: number;
  /** Threads with no issue. */
  missingIssues: number;
  /** Threads without a reply in the thread linking their issue. */
  threadsWithoutReply: number;
  /** Threads with more than one reply from the bot. */
  threadsWithSeveralReplies: number;
  /** Ephemeral failure messages people were shown. */
  failuresShown: number;
  eventsSent: number;
  redeliveries: number;
  deliveriesRefused: number;
  gitlabRequests: number;
  gitlab500Before: number;
  gitlab500After: number;
  gitlab429: number;
  slack429: number;
  killedAfterIssues: number;
  jobRetries: number;
  adoptedIssues: number;
  resumedJobs: number;
  seconds: number;
}

/** Small seeded generator (mulberry32): the same seed gives the same faults. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Delivery {
  ts: string;
  eventId: string;
  retryNum?: number;
}

export async function runFaultScenario(options: FaultScenarioOptions): Promise<FaultReport> {
  const random = seededRandom(options.seed);
  const started = Date.now();
  const env: Record<string, string> = {
    JOB_RETRY_BASE_MS: "250",
    JOB_CONCURRENCY: "4",
    JOB_MAX_ATTEMPTS: "12",
  };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const world = await startWorld({ seed: (slack) => seedPeopleAndChannels(slack), bot: { env } });
  const bots: RunningBot[] = [world.bot];
  const counts = { before500: 0, after500: 0, gitlab429: 0 };
  try {
    const threads = seedThreads(world, options.exports);
    for (const method of ["conversations.replies", "chat.postMessage", "users.info", "reactions.add"]) {
      world.slack.failNext(method, { status: 429, retryAfter: 1 }, Math.ceil((options.slack429s ?? 12) / 4));
    }
    world.gitlab.setChaos((method, path) => {
      const decision = chaos(random, method, path, options);
      if (decision && "failAfter" in decision) counts.after500 += 1;
      else if (decision?.failBefore.status === 429) counts.gitlab429 += 1;
      else if (decision) counts.before500 += 1;
      return decision;
    });

    const deliveries = planDeliveries(threads, random);
    let current = world.bot;
    let refused = 0;
    let killedAfter = -1;
    const pending = [...deliveries];
    const deadline = Date.now() + (options.timeoutMs ?? 150_000);
    while (Date.now() < deadline) {
      if (
        killedAfter < 0 &&
        world.gitlab.issues(PROJECT.id).length >= options.exports * (options.killAt ?? 0.4)
      ) {
        killedAfter = world.gitlab.issues(PROJECT.id).length;
        await current.stop("SIGKILL");
        // Slack keeps sending while the bot is down: those deliveries are refused and come again later.
        for (const delivery of pending.splice(0, 5)) {
          if (!(await deliver(current, delivery))) refused += 1;
          pending.push(delivery);
        }
        current = await startBot({
          slackUrl: world.slack.url,
          gitlabUrl: world.gitlab.url,
          databasePath: world.bot.databasePath,
          env,
        });
        bots.push(current);
      }
      // Deliveries are spread over the run (as Slack's are), so some arrive while the bot is down.
      const batch = pending.splice(0, 1);
      for (const delivery of batch) {
        if (!(await deliver(current, delivery))) {
          refused += 1;
          pending.push(delivery);
        }
      }
      if (pending.length === 0 && everyThreadAnswered(world, threads)) break;
      await new Promise((resolve) => setTimeout(resolve, batch.length > 0 ? 60 : 100));
    }
    world.gitlab.setChaos(undefined);
    // Let anything still in flight land, so late duplicates would be seen.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const output = bots.map((bot) => bot.output()).join("\n");
    return {
      ...tally(world, threads),
      eventsSent: deliveries.length,
      redeliveries: deliveries.filter((d) => d.retryNum !== undefined).length,
      deliveriesRefused: refused,
      gitlabRequests: world.gitlab.requests.length,
      gitlab500Before: counts.before500,
      gitlab500After: counts.after500,
      gitlab429: counts.gitlab429,
      slack429: options.slack429s === undefined ? 12 : Math.ceil(options.slack429s / 4) * 4,
      killedAfterIssues: killedAfter,
      jobRetries: occurrences(output, '"msg":"job will be tried again"'),
      adoptedIssues: occurrences(output, "adopted the issue an interrupted attempt created"),
      resumedJobs:
        Number(/"jobs":(\d+),"msg":"resuming jobs interrupted by a stop"/.exec(output)?.[1] ?? 0) +
        occurrences(output, "resuming a job whose process stopped"),
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    for (const bot of bots.slice(1)) await bot.stop();
    await world.close();
  }
}

function seedThreads(world: World, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const ts = world.slack.post(CHANNELS.public.id, {
      user: "U_ALICE",
      text: `Fault thread ${i}: can we ship?`,
    });
    world.slack.post(CHANNELS.public.id, {
      user: "U_BOB",
      text: `Thread ${i}: yes, after the review.`,
      thread_ts: ts,
    });
    return ts;
  });
}

function chaos(
  random: () => number,
  method: string,
  path: string,
  options: FaultScenarioOptions,
): ChaosDecision {
  if (!path.startsWith("/api/v4/projects")) return undefined;
  const roll = random();
  const rate500 = options.gitlab500Rate ?? 0.1;
  const rate429 = options.gitlab429Rate ?? 0.05;
  if (roll < rate500) return { failBefore: { status: 500 } };
  if (roll < rate500 + rate429) return { failBefore: { status: 429, retryAfter: 1 } };
  const write = method === "POST" || method === "PUT";
  if (write && random() < (options.gitlab500AfterWriteRate ?? 0.1)) return { failAfter: { status: 500 } };
  return undefined;
}

/** One event per thread, delivered one to three times (Slack's redeliveries carry X-Slack-Retry-Num), shuffled. */
function planDeliveries(threads: string[], random: () => number): Delivery[] {
  const deliveries: Delivery[] = [];
  for (const ts of threads) {
    const eventId = `Ev${randomUUID()}`;
    const copies = 1 + Math.floor(random() * 3);
    for (let n = 0; n < copies; n++) deliveries.push({ ts, eventId, ...(n > 0 ? { retryNum: n } : {}) });
  }
  for (let i = deliveries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
  }
  return deliveries;
}

async function deliver(bot: RunningBot, delivery: Delivery): Promise<boolean> {
  const event = reactionAddedEvent({
    user: "U_ALICE",
    reaction: "memo",
    channel: CHANNELS.public.id,
    ts: delivery.ts,
    itemUser: "U_ALICE",
  });
  const body = JSON.stringify(eventEnvelope(event, { eventId: delivery.eventId }));
  try {
    const response = await postSignedToBot(bot.url, bot.signingSecret, body, { retryNum: delivery.retryNum });
    return response.status === 200;
  } catch {
    return false; // the bot is down: Slack would deliver it again later, and so does this loop
  }
}

function repliesByThread(world: World): Map<string, string[]> {
  const replies = new Map<string, string[]>();
  for (const message of world.slack.postedMessages()) {
    if (!message.thread_ts) continue;
    replies.set(message.thread_ts, [...(replies.get(message.thread_ts) ?? []), message.text ?? ""]);
  }
  return replies;
}

function everyThreadAnswered(world: World, threads: string[]): boolean {
  const replies = repliesByThread(world);
  return threads.every((ts) => (replies.get(ts)?.length ?? 0) > 0);
}

function tally(world: World, threads: string[]) {
  const issues = world.gitlab.issues(PROJECT.id);
  const replies = repliesByThread(world);
  let duplicateIssues = 0;
  let missingIssues = 0;
  let threadsWithoutReply = 0;
  let threadsWithSeveralReplies = 0;
  for (const ts of threads) {
    const mine = issues.filter((issue) => issue.description?.includes(`/${CHANNELS.public.id}/${ts} -->`));
    if (mine.length > 1) duplicateIssues += 1;
    if (mine.length === 0) missingIssues += 1;
    const answers = replies.get(ts) ?? [];
    const linked = mine[0] && answers.some((text) => text.includes(`${PROJECT.path}#${mine[0]!.iid}>`));
    if (!linked) threadsWithoutReply += 1;
    if (answers.length > 1) threadsWithSeveralReplies += 1;
  }
  return {
    exports: threads.length,
    issues: issues.length,
    duplicateIssues,
    missingIssues,
    threadsWithoutReply,
    threadsWithSeveralReplies,
    failuresShown: world.slack.ephemerals().length,
  };
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
