/**
 * Message-event benchmark: how many signed `message` events per second the compiled bot acknowledges over
 * HTTP, its ack latency and CPU per event, next to the same bot with nudges off and a bare Bolt app that acks
 * and does nothing, all measured in the same run.
 * Writes its section of docs/benchmarks.md (between the message-bench markers) and nothing else.
 *
 *   npm run bench:messages        (builds the bot, then runs; about 3 minutes)
 *
 * Knobs: BENCH_SECONDS (per round, default 8), BENCH_ROUNDS (default 3), BENCH_CONCURRENCY (default 32),
 * BENCH_RATE (events/s of the fixed-rate latency run; default half of what the bare app sustains),
 * BENCH_SKIP_BUILD=1.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { messageEvent } from "../test/helpers/message-events.js";
import { eventEnvelope, signSlackRequest } from "../test/helpers/slack-signing.js";
import { freePort, startBot, TEST_SIGNING_SECRET } from "../test/helpers/start-bot.js";
import { startWorld, type World } from "../test/helpers/world.js";
import {
  cpuSeconds,
  fixedRate,
  median,
  type PreparedEvent,
  percentile,
  saturate,
  type Target,
} from "./message-load.js";

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

/** Deterministic pseudo-random numbers, so both apps get the same event stream. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A stream of signed message events: replies spread over many threads, some top-level messages. */
function eventStream(round: number): () => PreparedEvent {
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
  /** Every ack latency of the fixed-rate phases, all rounds together. */
  rateLatencies: number[];
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
    rateLatencies: [],
    cpuMicros: [],
    errors: 0,
  };
}

async function measure(target: Target, round: number, rate: number, result: Result): Promise<void> {
  await saturate(target, eventStream(round * 10 + 1), WARMUP_SECONDS, CONCURRENCY);
  const cpuBefore = cpuSeconds(target.pid);
  const busy = await saturate(target, eventStream(round * 10 + 2), SECONDS, CONCURRENCY);
  const cpuMicros = ((cpuSeconds(target.pid) - cpuBefore) / busy.events) * 1e6;
  const steady = await fixedRate(target, eventStream(round * 10 + 103), SECONDS / 2, rate);
  result.throughput.push(busy.events / busy.seconds);
  result.saturatedP50.push(percentile(busy.latenciesMs, 50));
  result.saturatedP99.push(percentile(busy.latenciesMs, 99));
  result.rateP50.push(percentile(steady.latenciesMs, 50));
  result.rateP99.push(percentile(steady.latenciesMs, 99));
  for (const ms of steady.latenciesMs) result.rateLatencies.push(ms);
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
  // The same bot with nudges off: what the rest of the process costs, without the hot path.
  const controlBot = await startBot({
    slackUrl: world.slack.url,
    gitlabUrl: world.gitlab.url,
    compiled: true,
    env: { NUDGES: "off" },
  });
  const control: Target = { name: "nudges off", url: new URL(controlBot.url), pid: controlBot.process.pid! };
  const loadBefore = loadavg()[0]!;
  const results = { bot: emptyResult(), bare: emptyResult(), control: emptyResult() };
  const targets = { bot, bare: bare.target, control };
  // The fixed rate: half of what the bare app sustains here, so latency is measured below saturation.
  const calibration = await saturate(bare.target, eventStream(999), WARMUP_SECONDS + 1, CONCURRENCY);
  const rate = FIXED_RATE ?? Math.max(50, Math.round(calibration.events / calibration.seconds / 2 / 50) * 50);
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      // Rotate the order so that no app always runs on a warmer (or busier) machine.
      const apps = ["bare", "bot", "control"] as const;
      const order = apps.map((_, i) => apps[(i + round) % apps.length]!);
      for (const which of order) await measure(targets[which], round, rate, results[which]);
    }
  } finally {
    bare.child.kill("SIGTERM");
    await controlBot.stop();
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
  results: { bot: Result; bare: Result; control: Result },
  slack: { nudgePosts: number; userLookups: number; otherCalls: number },
  load: number[],
  rate: number,
): void {
  const row = (name: string, r: Result) =>
    `| ${name} | ${median(r.throughput).toFixed(0)} | ${median(r.saturatedP50).toFixed(2)} ms | ${median(r.saturatedP99).toFixed(2)} ms | ${median(r.rateP50).toFixed(2)} ms | ${median(r.rateP99).toFixed(2)} ms | ${median(r.cpuMicros).toFixed(0)} µs | ${r.errors} |`;
  const { bot, bare, control } = results;
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const section = `<!-- message-bench:start -->
## Message events (the nudges' hot path)

Measured by \`npm run bench:messages\` (bench/message-throughput.ts, which builds the bot first) on ${new Date().toISOString().slice(0, 10)}:
${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}.

Three apps get the same stream of signed \`message\` events over HTTP, in the same run: the compiled bot
(as \`npm start\` runs it, SQLite store, against the fake Slack server), the same bot with \`NUDGES=off\`
(everything but the hot path), and a bare Bolt app in HTTP mode that acks and does nothing
(bench/bare-bolt-app.mjs). The stream: ${Math.round(REPLY_SHARE * 100)}% replies spread over ${THREADS_PER_STREAM.toLocaleString("en-US")} threads per phase in ${CHANNELS.length} channels, each
thread between two or three of ${PEOPLE.length} people in ${PEOPLE.length} time zones; the rest top-level messages. Each round has
${WARMUP_SECONDS} s of warm-up, ${SECONDS} s at saturation (${CONCURRENCY} keep-alive connections, each sending as soon as the
previous event is acked) and ${SECONDS / 2} s at a fixed ${rate.toLocaleString("en-US")} events/s (half of what the bare app sustained in a
calibration run; open loop, so latency is not hidden by back-pressure). Figures are the median of ${ROUNDS}
rounds; the apps take turns going first. *Ack latency* runs from sending the request to the end of the
HTTP answer, as the client sees it. *CPU per event* is the app's user + system time (from /proc) during the
saturated phase divided by the events it acked.

| app | events/s (saturated) | ack p50 (saturated) | ack p99 (saturated) | ack p50 at ${rate.toLocaleString("en-US")}/s | ack p99 at ${rate.toLocaleString("en-US")}/s | CPU per event | errors |
|---|---:|---:|---:|---:|---:|---:|---:|
${row("threadport", bot)}
${row("threadport, nudges off", control)}
${row("bare Bolt", bare)}

threadport ÷ bare Bolt: throughput **${ratio(median(bot.throughput), median(bare.throughput))}×** (target ≥ 0.8×); ack p99 at saturation
**${ratio(median(bot.saturatedP99), median(bare.saturatedP99))}×** and at ${rate.toLocaleString("en-US")}/s **${ratio(median(bot.rateP99), median(bare.rateP99))}×** (target ≤ 1.3×); CPU per event **${ratio(median(bot.cpuMicros), median(bare.cpuMicros))}×**.
At ${rate.toLocaleString("en-US")}/s a single stall of a few tens of milliseconds (a garbage collection, the
machine's scheduler) delays about as many acks as the 1 % that p99 looks at, so one round's p99 can jump:
per round, threadport ${bot.rateP99.map((v) => v.toFixed(1)).join(" / ")} ms, bare Bolt ${bare.rateP99.map((v) => v.toFixed(1)).join(" / ")} ms. Over all
rounds' ${bot.rateLatencies.length.toLocaleString("en-US")} and ${bare.rateLatencies.length.toLocaleString("en-US")} acks together, p99 is ${percentile(bot.rateLatencies, 99).toFixed(2)} ms against ${percentile(bare.rateLatencies, 99).toFixed(2)} ms: **${ratio(percentile(bot.rateLatencies, 99), percentile(bare.rateLatencies, 99))}×**.
The hot path alone (threadport ÷ nudges off): throughput **${ratio(median(bot.throughput), median(control.throughput))}×**, ack p99 at ${rate.toLocaleString("en-US")}/s
**${ratio(median(bot.rateP99), median(control.rateP99))}×**, CPU per event **${ratio(median(bot.cpuMicros), median(control.cpuMicros))}×**.

The load generator, the fake Slack and the apps share this machine, so throughput and latency also depend
on whatever else runs (load average ${load.map((l) => l.toFixed(1)).join(" → ")} during this run); CPU per event hardly does.

Message events never enter Bolt's dispatch: they are acknowledged as soon as the receiver has checked their
signature, then handed to the nudges (src/slack/take-event.ts), which spares the context, client, helpers and
global middleware Bolt builds for every request; the bare app pays for those. Per thread reply the bot reads
the thread's state and its issue link (both from memory once read, absence included: a SQLite file has one
writer); the channel's switch and thresholds are read at most every 5 s per channel. It writes one row, the
thread's state, gathered with the other changes of the next 100 ms (at most 64) into one SQLite transaction
(src/store/sqlite-nudge-thread-cache.ts). Top-level messages, bots, edits and joins are dropped before the
store.
Slack was called only when a nudge fired: ${slack.nudgePosts.toLocaleString("en-US")} nudges posted (\`chat.postMessage\`) and ${slack.userLookups} \`users.info\`
lookups for call suggestions, over all rounds; ${slack.otherCalls} other calls (\`auth.test\` at start-up aside).
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
