/**
 * Summaries at scale. For threads of 50, 500 and 5,000 messages (real-looking messages from the quality
 * fixtures, repeated with new authors and times), measures:
 *  - the tokens sent to the model per export (every request's prompt, counted from what reached the fake
 *    OpenAI server, response format included) divided by the thread's own tokens, for two context budgets;
 *  - how long the offline summarizer takes.
 * The fake model answers each part with the offline summary of that part, so merge inputs have a
 * realistic size. Writes its section of docs/benchmarks.md (between the summary-bench markers).
 * Run: npx tsx bench/summary-tokens.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import OpenAI from "openai";
import { OfflineSummarizer } from "../src/summarize/offline-summarizer.js";
import { mergePrompt, threadPrompt } from "../src/summarize/openai/build-prompts.js";
import { countPromptTokens, countTokens } from "../src/summarize/openai/count-tokens.js";
import { speaker } from "../src/summarize/openai/format-thread.js";
import { SUMMARY_FORMAT_JSON } from "../src/summarize/openai/summary-schema.js";
import { OpenAISummarizer, splitBudget } from "../src/summarize/openai-summarizer.js";
import type { SummaryInput, SummaryMessage } from "../src/summarize/summarizer.js";
import { type RecordedOpenAIRequest, startFakeOpenAI } from "../test/fakes/fake-openai.js";
import { loadSummaryFixtures } from "../test/summarize/summary-fixtures.js";

const SIZES = [50, 500, 5_000];
const BUDGETS = [30_000, 8_000];
const DOC = "docs/benchmarks.md";
const START = "<!-- summary-bench:start -->";
const END = "<!-- summary-bench:end -->";

/** A thread of n messages made of the fixtures' messages (and their authors), in order, a few minutes apart. */
function buildThread(n: number): SummaryInput {
  const source = loadSummaryFixtures().flatMap((f) => f.input.messages);
  const messages: SummaryMessage[] = [];
  let at = Date.UTC(2024, 4, 6, 9, 0, 0);
  for (let i = 0; i < n; i++) {
    const m = source[i % source.length]!;
    at += (1 + (i % 7)) * 60_000;
    messages.push({ ...m, at: new Date(at) });
  }
  return { channelName: "platform-team", messages };
}

/** Reads the messages back out of a part's prompt, so the fake can answer with their offline summary. */
function messagesInPrompt(user: string): SummaryMessage[] {
  const body = user.slice(user.indexOf("<thread>\n") + 9, user.lastIndexOf("</thread>"));
  const out: SummaryMessage[] = [];
  for (const line of body.split("\n")) {
    const head = /^([^\s-][^:]*): (.*)$/.exec(line);
    if (head) out.push({ author: head[1]!, text: head[2]!, isBot: false, at: new Date(0) });
    else if (line.startsWith("  ") && out.length > 0) out[out.length - 1]!.text += `\n${line.slice(2)}`;
  }
  return out;
}

async function modelAnswer(request: RecordedOpenAIRequest) {
  const user = request.messages[1]!.content;
  const messages = user.includes("<thread>") ? messagesInPrompt(user) : [];
  const s = await new OfflineSummarizer().summarize({ channelName: "platform-team", messages });
  return {
    title: s.title,
    summary: s.summary,
    decisions: s.decisions,
    action_items: s.actionItems.map((a) => ({ owner: a.owner ?? null, task: a.text })),
    open_questions: s.openQuestions,
  };
}

interface TokenRow {
  size: number;
  budget: number;
  threadTokens: number;
  transcriptTokens: number;
  sent: number;
  parts: number;
  merges: number;
  largest: number;
}

async function measureTokens(size: number, budget: number): Promise<TokenRow> {
  const fake = await startFakeOpenAI();
  fake.answerWith(async (request) => ({ content: await modelAnswer(request) }));
  const input = buildThread(size);
  const client = new OpenAI({ apiKey: "bench", baseURL: fake.url, maxRetries: 0 });
  const summarizer = new OpenAISummarizer({
    client,
    model: "gpt-4o-mini",
    contextTokens: budget,
    maxParts: 1_000,
  });
  await summarizer.summarize(input);
  await fake.close();
  const output = splitBudget(budget).output;
  const isMerge = (r: RecordedOpenAIRequest) => r.messages[1]!.content.includes("<parts>");
  return {
    size,
    budget,
    threadTokens: input.messages.reduce((sum, m) => sum + countTokens(m.text), 0),
    transcriptTokens: input.messages.reduce((sum, m) => sum + countTokens(`${speaker(m)}: ${m.text}\n`), 0),
    sent: fake.requests.reduce((sum, r) => sum + r.promptTokens, 0),
    parts: fake.requests.filter((r) => !isMerge(r)).length,
    merges: fake.requests.filter(isMerge).length,
    largest: Math.max(...fake.requests.map((r) => r.promptTokens + output)),
  };
}

async function timeOffline(size: number): Promise<number> {
  const input = buildThread(size);
  const summarizer = new OfflineSummarizer();
  await summarizer.summarize(input); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await summarizer.summarize(input);
    runs.push(performance.now() - started);
  }
  return runs.sort((a, b) => a - b)[2]!;
}

const fmt = (n: number) => n.toLocaleString("en-US");

/** What a request costs before any message: instructions, header, answer schema and chat framing. */
function fixedTokens(kind: "thread" | "merge"): number {
  const facts = { channelName: "platform-team", messageCount: 5_000 };
  const prompt = kind === "thread" ? threadPrompt(facts, "") : mergePrompt(facts, "");
  return countPromptTokens({
    messages: [{ content: prompt.system }, { content: prompt.user }],
    schemaJson: SUMMARY_FORMAT_JSON,
  });
}

async function main(): Promise<void> {
  const rows: TokenRow[] = [];
  for (const budget of BUDGETS) for (const size of SIZES) rows.push(await measureTokens(size, budget));
  const times: [number, number][] = [];
  for (const size of SIZES) times.push([size, await timeOffline(size)]);

  const tokenTable = [
    "| messages | budget | thread's text | as transcript (author: text) | sent to the model | sent ÷ text | sent ÷ transcript | requests (parts + merges) | largest request |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${fmt(r.size)} | ${fmt(r.budget)} | ${fmt(r.threadTokens)} | ${fmt(r.transcriptTokens)} | ${fmt(r.sent)} | ${(r.sent / r.threadTokens).toFixed(2)} | ${(r.sent / r.transcriptTokens).toFixed(2)} | ${r.parts + r.merges} (${r.parts} + ${r.merges}) | ${fmt(r.largest)} |`,
    ),
  ].join("\n");
  const timeTable = [
    "| messages | offline summarizer | per 1,000 messages |",
    "|---:|---:|---:|",
    ...times.map(
      ([size, ms]) => `| ${fmt(size)} | ${ms.toFixed(1)} ms | ${((ms / size) * 1000).toFixed(1)} ms |`,
    ),
  ].join("\n");

  const source = loadSummaryFixtures().flatMap((f) => f.input.messages);
  const pool = {
    messages: source.length,
    authors: new Set(source.map((m) => m.author)).size,
    tokensPerMessage: Math.round(source.reduce((sum, m) => sum + countTokens(m.text), 0) / source.length),
  };
  const section = `${START}
## Summaries

Measured by \`npx tsx bench/summary-tokens.ts\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}.
Threads are the ${fmt(pool.messages)} messages of the summary-quality fixtures (${pool.authors} authors, ${pool.tokensPerMessage} tokens of text per message on average), repeated up to the size.

### Tokens sent to the model per export

The model summarizer runs against the fake OpenAI server; *sent* adds up the prompt tokens of every
request as the server received them (system prompt, thread, JSON schema of the answer, chat framing;
o200k_base). Parts are answered with the offline summary of their messages, so the merge step gets
summaries of a realistic size. *Thread's text* counts only the messages' text; *as transcript* also
counts who wrote each message (\`Alice: …\`), which the model needs too. *Largest request* is prompt
plus the answer's token cap, and must stay within the budget. Target (issue #3): sent ÷ transcript ≤ 1.15.
Each request carries ${fixedTokens("thread")} tokens of its own (${fixedTokens("merge")} for a merge: instructions, header, the
answer's schema, ${countTokens(SUMMARY_FORMAT_JSON)} of them, and chat framing), and each message its author's label. People are
labelled by first name where no other author shares it, so the thread itself costs less than the
full-name transcript. What that means for short and long threads is discussed in docs/summaries.md.

${tokenTable}

### Offline summarizer time

Median of 5 runs after a warm-up.

${timeTable}
${END}`;

  let doc = readFileSync(DOC, "utf8");
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  doc =
    start !== -1 && end > start
      ? doc.slice(0, start) + section + doc.slice(end + END.length)
      : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(DOC, doc);
  process.stdout.write(`${tokenTable}\n\n${timeTable}\n\nwritten to ${DOC}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
