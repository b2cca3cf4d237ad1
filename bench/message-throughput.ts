/**
 * Message-event benchmark: how many signed `message` events per second the compiled bot acknowledges over
 * HTTP, and its ack latency, next to a bare Bolt app that acks and does nothing, measured in the same run.
 * Writes its section of docs/benchmarks.md (between the message-bench markers) and nothing else.
 *
 *   npm run build && npx tsx bench/message-throughput.ts
 *
 * Knobs: BENCH_SECONDS (per round, default 8), BENCH_ROUNDS (default 3), BENCH_CONCURRENCY (default 32),
 * BENCH_RATE (events/s of the fixed-rate latency run; default half of what the bare app sustains),
 * BENCH_SKIP_BUILD=1.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { cpus, loadavg, totalmem } from "node:os";
import { messageEvent } from "../test/helpers/message-events.js";
import { eventEnvelope, signSlackRequest } from "../test/helpers/slack-signing.js";
import { freePort, TEST_SIGNING_SECRET } from "../test/helpers/start-bot.js";
import { startWorld, type World } from "../test/helpers/world.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const FIXED_RATE = process.env.BENCH_RATE ? Number(process.env.BENCH_RATE) : undefined;
const WARMUP_SECONDS = 2;
const CHANNELS = Array.from({ length: 10 }, (_, i) => `C_BENCH${i}`);
const PEOPLE = [
  ["U_ALICE", "Europe/Berlin"],
  ["U_BOB", "America/New_York"],
  ["U_PRIYA", "Asia/Kolkata"],
  ["U_LEE", "America/Los_Angeles"],
  ["U_KENJI", "Asia/Tokyo"],
  ["U_SITA", "Asia/Kathmandu"],
  ["U_ANA", "America/Sao_Paulo"],
  ["U_OLA", "Europe/Oslo"],
] as const;
/** Share of events that are replies in threads (the rest are top-level messages, which the bot drops). */
const REPLY_SHARE = 0.85;
/** Threads per stream; each has a cast of two (70%) or three people, as most real threads do. */
const THREADS_PER_STREAM = 10_000;

interface Target {
  name: string;
  url: URL;
  pid: number;
}

interface Sample {
  events: number;
  seconds: number;
  latenciesMs: number[];
  errors: number;
}

/** Deterministic pseudo-random numbers, so both apps get the same event stream. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A stream of signed message events: replies spread over many threads, some top-level messages. */
function eventStream(round: number): () => { body: string; headers: Record<string, string> } {
  const next = random(round + 1);
  const base = 1_800_000_000 + round * 10_000_000;
  const threads = Array.from({ length: THREADS_PER_STREAM }, (_, i) => {
    const cast = Array.from(
      { length: i % 10 < 7 ? 2 : 3 },
      (_, k) => PEOPLE[(i + k * 3) % PEOPLE.length]![0],
    );
    return { channel: CHANNELS[i % CHANNELS.length]!, parent: `${base + i}.000100`, cast };
  });
  let counter = 0;
  return () => {
    counter += 1;
    const ts = `${base + 5_000_000 + Math.floor(counter / 1000)}.${String((counter % 1000) * 1000 + 100).padStart(6, "0")}`;
    const thread = threads[Math.floor(next() * threads.length)]!;
    const user = thread.cast[Math.floor(next() * thread.cast.length)]!;
    const event =
      next() < REPLY_SHARE
        ? messageEvent({
            channel: thread.channel,
            user,
            ts,
            text: `reply ${counter}: I think we should retry with backoff, see the doc`,
            threadTs: thread.parent,
            parentUserId: thread.cast[0],
          })
        : messageEvent({ channel: thread.channel, user, ts, text: `top-level message ${counter}` });
    const body = JSON.stringify(eventEnvelope(event, { eventId: `EvB${round}x${counter}` }));
    return {
      body,
      headers: {
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(body)),
        ...signSlackRequest(TEST_SIGNING_SECRET, body),
      },
    };
  };
}

function post(agent: Agent, target: Target, event: { body: string; headers: Record<string, string> }) {
  return new Promise<{ ms: number; ok: boolean }>((resolve) => {
    const started = performance.now();
    const req = request(
      {
        agent,
        method: "POST",
        host: target.url.hostname,
        port: target.url.port,
        path: "/slack/events",
        headers: event.headers,
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ ms: performance.now() - started, ok: res.statusCode === 200 }));
      },
    );
    req.on("error", () => resolve({ ms: performance.now() - started, ok: false }));
    req.end(event.body);
  });
}

/** Closed loop: CONCURRENCY senders, each sending its next event as soon as the previous one is acked. */
async function saturate(target: Target, round: number, seconds: number): Promise<Sample> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const nextEvent = eventStream(round);
  const latenciesMs: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const result = await post(agent, target, nextEvent());
        latenciesMs.push(result.ms);
        if (!result.ok) errors += 1;
      }
    }),
  );
  agent.destroy();
  return { events: latenciesMs.length, seconds: (performance.now() - started) / 1000, latenciesMs, errors };
}

/** Open loop: events sent at a fixed rate whatever the answers, so latency is not hidden by back-pressure. */
async function fixedRate(target: Target, round: number, seconds: number, rate: number): Promise<Sample> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const nextEvent = eventStream(round + 100);
  const pending: Promise<void>[] = [];
  const latenciesMs: number[] = [];
  let errors = 0;
  const started = performance.now();
  let sent = 0;
  while (performance.now() - started < seconds * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    for (; sent < due; sent += 1) {
      pending.push(
        post(agent, target, nextEvent()).then((result) => {
          latenciesMs.push(result.ms);
          if (!result.ok) errors += 1;
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(pending);
  agent.destroy();
  return { events: latenciesMs.length, seconds: (performance.now() - started) / 1000, latenciesMs, errors };
}

/** CPU seconds (user + system) the process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function median(values: number[]): number {
  return percentile(values, 50);
}

async function startBareBolt(slackUrl: string): Promise<{ target: Target; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["bench/bare-bolt-app.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slackUrl,
    },
    stdio: "ignore",
  });
  const url = new URL(`http://127.0.0.1:${port}`);
  for (let i = 0; i < 200; i += 1) {
    const ok = await fetch(new URL("/healthz", url)).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { target: { name: "bare Bolt app", url, pid: child.pid! }, child };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill("SIGTERM");
  throw new Error("the bare Bolt app did not start");
}

interface Result {
  throughput: number[];
  saturatedP50: number[];
  saturatedP99: number[];
  rateP50: number[];
  rateP99: number[];
  /** CPU time the app spent per event at saturation, in µs: unlike the rest, hardly affected by other load. */
  cpuMicros: number[];
  errors: number;
}

function emptyResult(): Result {
  return {
    throughput: [],
    saturatedP50: [],
    saturatedP99: [],
    rateP50: [],
    rateP99: [],
    cpuMicros: [],
    errors: 0,
  };
}

async function measure(target: Target, round: number, rate: number, result: Result): Promise<void> {
  await saturate(target, round * 10 + 1, WARMUP_SECONDS);
  const cpuBefore = cpuSeconds(target.pid);
  const busy = await saturate(target, round * 10 + 2, SECONDS);
  const cpuMicros = ((cpuSeconds(target.pid) - cpuBefore) / busy.events) * 1e6;
  const steady = await fixedRate(target, round * 10 + 3, SECONDS / 2, rate);
  result.throughput.push(busy.events / busy.seconds);
  result.saturatedP50.push(percentile(busy.latenciesMs, 50));
  result.saturatedP99.push(percentile(busy.latenciesMs, 99));
  result.rateP50.push(percentile(steady.latenciesMs, 50));
  result.rateP99.push(percentile(steady.latenciesMs, 99));
  result.cpuMicros.push(cpuMicros);
  result.errors += busy.errors + steady.errors;
  process.stdout.write(
    `${target.name} round ${round + 1}: ${(busy.events / busy.seconds).toFixed(0)} events/s, ` +
      `p50 ${percentile(busy.latenciesMs, 50).toFixed(2)} ms, p99 ${percentile(busy.latenciesMs, 99).toFixed(2)} ms, ` +
      `${cpuMicros.toFixed(0)} µs CPU per event; ` +
      `at ${rate}/s p50 ${percentile(steady.latenciesMs, 50).toFixed(2)} ms, p99 ${percentile(steady.latenciesMs, 99).toFixed(2)} ms\n`,
  );
}

function seed(world: World): void {
  for (const [id, tz] of PEOPLE) world.slack.addUser({ id, name: id.slice(2).toLowerCase(), tz });
  for (const id of CHANNELS) world.slack.addChannel({ id, name: id.toLowerCase(), kind: "public" });
}

async function main(): Promise<void> {
  if (process.env.BENCH_SKIP_BUILD !== "1") execFileSync("npm", ["run", "build"], { stdio: "ignore" });
  const world = await startWorld({ bot: { compiled: true } });
  seed(world);
  const bare = await startBareBolt(world.slack.url);
  const bot: Target = { name: "threadport", url: new URL(world.bot.url), pid: world.bot.process.pid! };
  const loadBefore = loadavg()[0]!;
  const results = { bot: emptyResult(), bare: emptyResult() };
  // The fixed rate: half of what the bare app sustains here, so latency is measured below saturation.
  const calibration = await saturate(bare.target, 999, WARMUP_SECONDS + 1);
  const rate = FIXED_RATE ?? Math.max(50, Math.round(calibration.events / calibration.seconds / 2 / 50) * 50);
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternate the order so that neither app always runs on a warmer machine.
      const order = round % 2 === 0 ? (["bare", "bot"] as const) : (["bot", "bare"] as const);
      for (const which of order)
        await measure(which === "bot" ? bot : bare.target, round, rate, results[which]);
    }
  } finally {
    bare.child.kill("SIGTERM");
  }
  const calls = world.slack.calls;
  const count = (method: string) => calls.filter((c) => c.method === method).length;
  const known = ["chat.postMessage", "users.info", "auth.test"];
  const otherCalls = calls.filter((c) => !known.includes(c.method)).length;
  await world.close();
  const load = [loadBefore, loadavg()[0]!];
  writeSection(
    results,
    { nudgePosts: count("chat.postMessage"), userLookups: count("users.info"), otherCalls },
    load,
    rate,
  );
}

function writeSection(
  results: { bot: Result; bare: Result },
  slack: { nudgePosts: number; userLookups: number; otherCalls: number },
  load: number[],
  rate: number,
): void {
  const row = (name: string, r: Result) =>
    `| ${name} | ${median(r.throughput).toFixed(0)} | ${median(r.saturatedP50).toFixed(2)} ms | ${median(r.saturatedP99).toFixed(2)} ms | ${median(r.rateP50).toFixed(2)} ms | ${median(r.rateP99).toFixed(2)} ms | ${median(r.cpuMicros).toFixed(0)} µs | ${r.errors} |`;
  const { bot, bare } = results;
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const section = `<!-- message-bench:start -->
## Message events (nudges' hot path)

Measured by \`npx tsx bench/message-throughput.ts\` on ${new Date().toISOString().slice(0, 10)}:
${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}.

The compiled bot (as \`npm start\` runs it, SQLite store, against the fake Slack server) and a bare Bolt app
in HTTP mode that acks and does nothing (bench/bare-bolt-app.mjs) get the same stream of signed \`message\`
events over HTTP, in the same run: ${Math.round(REPLY_SHARE * 100)}% replies spread over ${THREADS_PER_STREAM.toLocaleString("en-US")} threads per phase in ${CHANNELS.length} channels
(each thread between two or three of ${PEOPLE.length} people in 8 time zones), the rest top-level messages. Each round has ${WARMUP_SECONDS} s of warm-up, ${SECONDS} s at
saturation (${CONCURRENCY} keep-alive connections, each sending as soon as the previous event is acked) and
${SECONDS / 2} s at a fixed ${rate.toLocaleString("en-US")} events/s (half of what the bare app sustained in a calibration run; open
loop, so latency is not hidden by back-pressure).
Figures are the median of ${ROUNDS} rounds; the two apps alternate who goes first. *Ack latency* is from
sending the request to the end of the HTTP answer, measured by the client.

| app | events/s (saturated) | ack p50 (saturated) | ack p99 (saturated) | ack p50 at ${rate.toLocaleString("en-US")}/s | ack p99 at ${rate.toLocaleString("en-US")}/s | CPU per event | errors |
|---|---:|---:|---:|---:|---:|---:|---:|
${row("threadport", bot)}
${row("bare Bolt", bare)}

threadport ÷ bare Bolt: throughput **${ratio(median(bot.throughput), median(bare.throughput))}×** (target ≥ 0.8×), p99 at
saturation **${ratio(median(bot.saturatedP99), median(bare.saturatedP99))}×**, p99 at ${rate.toLocaleString("en-US")}/s **${ratio(median(bot.rateP99), median(bare.rateP99))}×** (target ≤ 1.3×), CPU per
event **${ratio(median(bot.cpuMicros), median(bare.cpuMicros))}×**. *CPU per event* is the app's user + system time (from /proc) over the
saturated phase divided by the events it acked. The load generator, the fake Slack and both apps share this
machine, so throughput and latency also depend on whatever else runs (load average
${load.map((l) => l.toFixed(1)).join(" → ")} during this run); CPU per event hardly does.

Per thread reply the bot reads four rows (channel switch, thresholds, thread state, thread link) and writes
one (the thread state); top-level messages, bots, edits and joins are dropped before the store. Slack was
called only when a nudge fired: ${slack.nudgePosts.toLocaleString("en-US")} nudges posted (\`chat.postMessage\`, at most one per kind per thread)
and ${slack.userLookups} \`users.info\` lookups for call suggestions (then cached), over all rounds; ${Math.max(0, slack.otherCalls)} other calls.
<!-- message-bench:end -->`;
  const file = "docs/benchmarks.md";
  const doc = readFileSync(file, "utf8");
  const start = doc.indexOf("<!-- message-bench:start -->");
  const end = doc.indexOf("<!-- message-bench:end -->");
  const next =
    start >= 0 && end > start
      ? `${doc.slice(0, start)}${section}${doc.slice(end + "<!-- message-bench:end -->".length)}`
      : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
  process.stdout.write(`\n${section}\n\nwritten to ${file}\n`);
}

await main();
