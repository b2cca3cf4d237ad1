import type { ActionItem, Summarizer, ThreadSummary } from "../../src/summarize/summarizer.js";
import type { ExpectedSummary, SummaryFixture } from "./summary-fixtures.js";

/**
 * Scores found summary items against a careful reader's list. Items match when their content words
 * overlap enough (Dice coefficient ≥ 0.5 after dropping function words and a light suffix strip); action
 * items must also have the same owner (both none, or the same name). Each expected item matches at most
 * one found item (best pairs first). The tokenizer is deliberately separate from the summarizer's own.
 */
export const MATCH_THRESHOLD = 0.5;

export type Category = "decisions" | "actionItems" | "openQuestions";
export const CATEGORIES: readonly Category[] = ["decisions", "actionItems", "openQuestions"];

export interface CategoryScore {
  expected: number;
  found: number;
  matched: number;
  /** Expected items nobody found, and found items nobody expected (for reading, not scoring). */
  missed: string[];
  extra: string[];
}

export type SummaryScore = Record<Category, CategoryScore>;

export interface FixtureResult {
  name: string;
  summary: ThreadSummary;
  score: SummaryScore;
}

const STOPWORDS = new Set(
  (
    "a an the and or but of to in on at for with by from as is are was were be been being it its this that " +
    "these those we you i he she they them our your my me us let lets s ll t re ve d m do does did will would " +
    "shall should can could so then there here just also please not no yes ok okay " +
    "der die das den dem des ein eine einen und oder mit um mich ich wir du zu zum zur für auf bei von ist es " +
    "el la los las un una de del y o con en para por yo lo se que le les une du des et ou avec pour je on sur l qu"
  ).split(" "),
);

export function tokens(text: string): Set<string> {
  const result = new Set<string>();
  for (const word of text
    .toLowerCase()
    .normalize("NFKC")
    .match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (STOPWORDS.has(word)) continue;
    result.add(/\d/.test(word) || word.length <= 4 ? word : word.replace(/(?:ing|ed|es|s|e)$/u, ""));
  }
  return result;
}

/** Dice coefficient of the two items' content words (0 … 1). */
export function similarity(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const token of ta) if (tb.has(token)) shared += 1;
  return (2 * shared) / (ta.size + tb.size);
}

/** Greedy one-to-one matching, best pairs first; ties broken by position so results are stable. */
export function matchItems<T>(
  expected: readonly T[],
  found: readonly T[],
  textOf: (item: T) => string,
  compatible: (a: T, b: T) => boolean = () => true,
  describe: (item: T) => string = textOf,
): CategoryScore {
  const pairs: { e: number; f: number; score: number }[] = [];
  expected.forEach((e, ei) => {
    found.forEach((f, fi) => {
      const score = compatible(e, f) ? similarity(textOf(e), textOf(f)) : 0;
      if (score >= MATCH_THRESHOLD) pairs.push({ e: ei, f: fi, score });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.e - b.e || a.f - b.f);
  const usedE = new Set<number>();
  const usedF = new Set<number>();
  for (const pair of pairs) {
    if (usedE.has(pair.e) || usedF.has(pair.f)) continue;
    usedE.add(pair.e);
    usedF.add(pair.f);
  }
  return {
    expected: expected.length,
    found: found.length,
    matched: usedE.size,
    missed: expected.filter((_, i) => !usedE.has(i)).map(describe),
    extra: found.filter((_, i) => !usedF.has(i)).map(describe),
  };
}

const sameOwner = (a: ActionItem, b: ActionItem) =>
  (a.owner ?? "").trim().toLowerCase() === (b.owner ?? "").trim().toLowerCase();
const describeItem = (item: ActionItem) =>
  item.owner === undefined ? item.text : `${item.owner}: ${item.text}`;

export function scoreSummary(expected: ExpectedSummary, found: ThreadSummary): SummaryScore {
  return {
    decisions: matchItems(expected.decisions, found.decisions, (d) => d),
    actionItems: matchItems(
      expected.actionItems,
      found.actionItems,
      (item) => item.text,
      sameOwner,
      describeItem,
    ),
    openQuestions: matchItems(expected.openQuestions, found.openQuestions, (q) => q),
  };
}

/** Runs the summarizer on every fixture and scores each result. */
export async function runSummaryFixtures(
  summarizer: Summarizer,
  fixtures: readonly SummaryFixture[],
): Promise<FixtureResult[]> {
  const results: FixtureResult[] = [];
  for (const fixture of fixtures) {
    const summary = await summarizer.summarize(fixture.input);
    results.push({ name: fixture.name, summary, score: scoreSummary(fixture.expected, summary) });
  }
  return results;
}

export interface Totals {
  expected: number;
  found: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision and recall per category over the whole set (micro-averaged: every item counts once). */
export function totals(results: readonly FixtureResult[]): Record<Category, Totals> {
  const entries = CATEGORIES.map((category) => {
    let expected = 0;
    let found = 0;
    let matched = 0;
    for (const result of results) {
      expected += result.score[category].expected;
      found += result.score[category].found;
      matched += result.score[category].matched;
    }
    const precision = found === 0 ? 1 : matched / found;
    const recall = expected === 0 ? 1 : matched / expected;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return [category, { expected, found, matched, precision, recall, f1 }] as const;
  });
  return Object.fromEntries(entries) as Record<Category, Totals>;
}

const LABELS: Record<Category, string> = {
  decisions: "Decisions",
  actionItems: "Action items (owner must match)",
  openQuestions: "Open questions",
};

/** The score table, as Markdown or as aligned plain text. */
export function formatScoreTable(
  results: readonly FixtureResult[],
  style: "markdown" | "text" = "text",
): string {
  const sums = totals(results);
  const header = ["Category", "Expected", "Found", "Matched", "Precision", "Recall", "F1"];
  const rows = CATEGORIES.map((c) => {
    const t = sums[c];
    return [
      LABELS[c],
      `${t.expected}`,
      `${t.found}`,
      `${t.matched}`,
      t.precision.toFixed(2),
      t.recall.toFixed(2),
      t.f1.toFixed(2),
    ];
  });
  if (style === "markdown") {
    const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
    return [line(header), line(header.map((_, i) => (i === 0 ? "---" : "---:"))), ...rows.map(line)].join(
      "\n",
    );
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

/** What each fixture missed and what it added, for tuning by reading, not by guessing. */
export function formatDifferences(results: readonly FixtureResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    for (const category of CATEGORIES) {
      const score = result.score[category];
      for (const missed of score.missed) lines.push(`${result.name} · ${category} · missed: ${missed}`);
      for (const extra of score.extra) lines.push(`${result.name} · ${category} · extra:  ${extra}`);
    }
  }
  return lines.join("\n");
}
