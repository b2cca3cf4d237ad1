/** The load side of bench/message-throughput.ts: signed events over keep-alive HTTP, and their timings. */
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";

/** An event ready to send: its body and its headers (signature included). */
export type PreparedEvent = { body: string; headers: Record<string, string> };

export interface Target {
  name: string;
  url: URL;
  pid: number;
}

export interface Sample {
  events: number;
  seconds: number;
  latenciesMs: number[];
  errors: number;
}

function post(agent: Agent, target: Target, event: PreparedEvent) {
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

/** Closed loop: `concurrency` senders, each sending its next event as soon as the previous one is acked. */
export async function saturate(
  target: Target,
  nextEvent: () => PreparedEvent,
  seconds: number,
  concurrency: number,
): Promise<Sample> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latenciesMs: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
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
export async function fixedRate(
  target: Target,
  nextEvent: () => PreparedEvent,
  seconds: number,
  rate: number,
): Promise<Sample> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
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
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}
