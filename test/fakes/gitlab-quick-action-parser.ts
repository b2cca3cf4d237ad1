/**
 * Finds quick actions the way GitLab's lib/gitlab/quick_actions/extractor.rb does (GitLab 16+): only
 * in top-level paragraphs (not in code fences, HTML blocks or >>> quotes), a line that starts with
 * `/known_command` runs and is removed, unless an inline code span or HTML block in that paragraph
 * covers it. Where Markdown is ambiguous (lazy continuation of a quote or list item) the fake runs
 * the command: a test should fail when GitLab might have run it.
 */
import { QUICK_ACTION_NAMES, type QuickAction } from "./gitlab-quick-actions.js";

// Longest names first so "label" does not shadow "labels" in the alternation.
const NAMES = [...QUICK_ACTION_NAMES].sort((a, b) => b.length - a.length).join("|");
const PARAGRAPH_REGEX = new RegExp(
  [
    "(?<inline>`.+?`)",
    "(?<html>^<[^>]+?>\\n.+?\\n<\\/[^>]+?>$)",
    `(?:^\\/(?<cmd>${NAMES})(?: (?<arg>[^\\n]*))?(?:\\s*\\n|$))`,
  ].join("|"),
  "gims",
);

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HTML_START = /^ {0,3}<(?:\/?[A-Za-z][A-Za-z0-9-]*(?:\s|\/?>|$)|!--|\?|![A-Z])/;
const BLOCK_START = /^ {0,3}(?:#{1,6}(?:\s|$)|>|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|(?:[-*_]\s*){3,}$)/;

type LineKind = "skip" | "break" | "plain";

/** Returns the text GitLab would store and the commands it would run. */
export function extractQuickActions(input: string): { text: string; actions: QuickAction[] } {
  const lines: string[] = input.replaceAll("\r", "").match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const kinds = classify(lines.map((line) => line.replace(/\n$/, "")));
  const actions: QuickAction[] = [];
  for (const [start, end] of paragraphs(kinds)) {
    // GitLab takes one following blank line into the paragraph, so "/close\n\n" vanishes whole.
    const last = lines[end + 1] === "\n" ? end + 1 : end;
    const paragraph = lines.slice(start, last + 1).join("");
    const replaced = paragraph.replace(PARAGRAPH_REGEX, (whole, ...rest) => {
      const groups = rest.at(-1) as Record<string, string | undefined>;
      if (!groups.cmd) return whole;
      const arg = groups.arg?.trim();
      actions.push({ command: groups.cmd.toLowerCase(), ...(arg ? { arg } : {}) });
      return "";
    });
    lines.fill("", start, last + 1);
    lines[start] = replaced;
  }
  return { text: lines.join("").trimEnd(), actions };
}

/** Runs of consecutive plain lines, as [first, last] line indexes. */
function paragraphs(kinds: LineKind[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  kinds.forEach((kind, i) => {
    if (kind === "plain" && start < 0) start = i;
    if (kind !== "plain" && start >= 0) {
      runs.push([start, i - 1]);
      start = -1;
    }
  });
  if (start >= 0) runs.push([start, kinds.length - 1]);
  return runs;
}

function classify(lines: string[]): LineKind[] {
  const kinds: LineKind[] = [];
  let fence: string | undefined;
  let glfmQuote = false;
  let html = false;
  for (const line of lines) {
    const previous = kinds.at(-1);
    if (fence) {
      if (new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`).test(line))
        fence = undefined;
      kinds.push("skip");
    } else if (glfmQuote) {
      if (/^>>>\s*$/.test(line)) glfmQuote = false;
      kinds.push("skip");
    } else if (html) {
      html = line.trim() !== "";
      kinds.push("skip");
    } else if (FENCE.test(line)) {
      fence = FENCE.exec(line)![1];
      kinds.push("skip");
    } else if (/^>>>/.test(line)) {
      glfmQuote = true;
      kinds.push("skip");
    } else if (line.trim() === "") {
      kinds.push("break");
    } else if (previous !== "plain" && HTML_START.test(line)) {
      html = true;
      kinds.push("skip");
    } else {
      kinds.push(BLOCK_START.test(line) ? "break" : "plain");
    }
  }
  return kinds;
}
