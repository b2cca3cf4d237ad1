/**
 * Neutralises Markdown before it is sent to GitLab, where text written through the API can run quick
 * actions, notify people, add cross-reference notes to other issues and embed raw HTML. Fenced code
 * blocks and inline code spans are left as they are: GitLab runs nothing and links nothing in code.
 *
 * GitLab only runs a quick action from a line that starts with "/" in a top-level paragraph (its
 * extractor parses the Markdown and skips code, quotes, lists and HTML); we escape more than that
 * (indented lines, lines in quotes and list items) because the escape renders identically.
 */

interface Fence {
  char: string;
  length: number;
}

const OPENING_FENCE = /^( *)(`{3,}|~{3,})(.*)$/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
/** Block-quote markers and list markers at the start of a line. */
const CONTAINER_PREFIX = /^[ \t]*(?:(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]*)*/;
const QUICK_ACTION_START = /^\s*\//;
/** GitLab reads YAML/TOML/JSON front matter at the start of a description; its body is not Markdown. */
const FRONT_MATTER = /^\s*(?:---|\+\+\+|;;;)[A-Za-z0-9_-]*\s*$/;
const AUTOLINK = /<(?:https?|ftp|mailto):[^\s<>`\p{Cc}]*>/uy;

/**
 * Raw HTML and entities in text: `<` and `>` become `&lt;` `&gt;` (autolinks stay), and `&` starting
 * an entity becomes `&amp;` (so `&#64;all` cannot turn into `@all`). A backslash that escaped the
 * character goes, since the entity says the same. The lookbehind keeps runs of backslashes linear.
 */
const HTML_TOKENS =
  /(?<!\\)(?<slashes>\\*)(?:(?<autolink><(?:https?|ftp|mailto):[^\s<>`\p{Cc}]*>)|[<>]|&(?!(?:amp|lt|gt);)(?=#?[A-Za-z0-9]{1,32};))/gu;
const HTML_ENTITIES: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;" };

/**
 * Pings and references in text. Every alternative starts with a fixed character, so the scan stays
 * linear on hostile input. URLs are kept whole (their #anchors are not references); they stop at any
 * character that could end a link early, so nothing after a link escapes neutralisation. What may
 * come before a token is checked in code, because a code span we insert starts a new text node.
 */
const REFERENCE_TOKENS = new RegExp(
  [
    String.raw`(?<autolink><(?:https?|ftp|mailto):[^\s<>\x60\p{Cc}]*>)`,
    String.raw`(?<url>(?:https?|ftp):\/\/[A-Za-z0-9][^\s<>()[\]{}"'\x60\\|^*_~\p{Cc}]*)`,
    String.raw`(?<mention>@[\p{L}\p{N}_.][\p{L}\p{N}_.\-\/]*)`,
    String.raw`(?<issue>(?:[#!$]|&amp;|&)\d+(?:[.,]\d+)*(?:\+s?)?)`,
    String.raw`(?<named>[~%](?:"[^"\n\x60\\<>]{1,255}"|(?:[\w?]|&amp;|&(?!lt;|gt;))(?:[\w\-?.]|&amp;|&(?!lt;|gt;))*))`,
  ].join("|"),
  "gu",
);
/** Characters of a project path, as in `group/project#7`. */
const PATH_CHAR = /[A-Za-z0-9_.\-/]/;
const ENTITY_TEXT: Record<string, string> = { amp: "&", lt: "<", gt: ">" };

/** Makes Markdown safe to send to GitLab; applying it twice changes nothing more. */
export function makeSafeForGitLab(markdown: string): string {
  const out: string[] = [];
  let fence: Fence | undefined;
  let seenContent = false;
  for (const line of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    if (fence) {
      out.push(line);
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    const opening = openingFence(line, 3);
    if (opening) {
      // At column 0 a fence is always a top-level block, so GitLab cannot read it as nested in a list.
      out.push(line.trimStart());
      fence = opening;
    } else if (!seenContent && FRONT_MATTER.test(line)) {
      out.push(`\\${line.trim()}`);
    } else {
      out.push(safeLine(line));
    }
    seenContent ||= line.trim() !== "";
  }
  // Close a fence left open, or it would swallow whatever the caller appends after this text.
  if (fence) out.push(fence.char.repeat(fence.length));
  return out.join("\n");
}

/**
 * Lines outside fenced code that could start a quick action: the last check before text goes to
 * GitLab. It errs on the side of reporting, reading fences in several ways (fences indented or not,
 * raw HTML blocks, GitLab's >>> quotes and front matter) and trusting a fence only if all agree.
 */
export function findUnsafeLines(markdown: string): string[] {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const masks = [0, 3].flatMap((maxIndent) =>
    [false, true].map((aware) => codeMask(lines, maxIndent, aware)),
  );
  return lines.filter((line, i) => isQuickActionLine(line) && !masks.every((mask) => mask[i]));
}

function isQuickActionLine(line: string): boolean {
  const prefix = CONTAINER_PREFIX.exec(line)![0];
  return QUICK_ACTION_START.test(line.slice(prefix.length));
}

function openingFence(line: string, maxIndent: number): Fence | undefined {
  const match = OPENING_FENCE.exec(line);
  if (!match || match[1]!.length > maxIndent) return undefined;
  const marker = match[2]!;
  if (marker.startsWith("`") && match[3]!.includes("`")) return undefined;
  return { char: marker[0]!, length: marker.length };
}

function closesFence(line: string, fence: Fence): boolean {
  const marker = CLOSING_FENCE.exec(line)?.[1];
  return marker !== undefined && marker[0] === fence.char && marker.length >= fence.length;
}

function safeLine(line: string): string {
  let prefix = CONTAINER_PREFIX.exec(line)![0];
  // ">>>" opens a GitLab multi-line quote, which could make GitLab see fences differently from us.
  if (prefix.includes(">>>")) prefix = prefix.replaceAll(">", "&gt;");
  const rest = neutraliseInline(line.slice(prefix.length));
  return prefix + (QUICK_ACTION_START.test(rest) ? rest.replace("/", "\\/") : rest);
}

/** Splits a line into code spans (kept) and text (neutralised), following CommonMark's precedence. */
function neutraliseInline(line: string): string {
  let out = "";
  let textStart = 0;
  let i = 0;
  const runsWithoutCloser = new Set<number>();
  while (i < line.length) {
    const c = line[i];
    if (c === "\\") {
      i += 2; // a backslash escape, e.g. \` which opens nothing
      continue;
    }
    AUTOLINK.lastIndex = i;
    if (c === "<" && AUTOLINK.test(line)) {
      i = AUTOLINK.lastIndex;
      continue;
    }
    if (c !== "`") {
      i++;
      continue;
    }
    const run = backtickRun(line, i);
    const close = runsWithoutCloser.has(run) ? -1 : findClosingRun(line, i + run, run);
    out += neutraliseText(line.slice(textStart, i), textStart === 0, false);
    if (close === -1) {
      runsWithoutCloser.add(run);
      out += "\\`".repeat(run); // a stray backtick could pair up with one we add
      i += run;
    } else {
      out += line.slice(i, close + run);
      i = close + run;
    }
    textStart = i;
  }
  return out + neutraliseText(line.slice(textStart), textStart === 0, true);
}

function backtickRun(text: string, start: number): number {
  let end = start;
  while (text[end] === "`") end++;
  return end - start;
}

function findClosingRun(text: string, from: number, length: number): number {
  for (let j = text.indexOf("`", from); j !== -1; ) {
    const run = backtickRun(text, j);
    if (run === length) return j;
    j = text.indexOf("`", j + run);
  }
  return -1;
}

/** Neutralises text between code spans; the flags say whether it begins or ends its line. */
function neutraliseText(text: string, atLineStart: boolean, atLineEnd: boolean): string {
  return wrapReferences(escapeHtml(text), atLineStart, atLineEnd);
}

function escapeHtml(text: string): string {
  let out = "";
  let emitted = 0;
  HTML_TOKENS.lastIndex = 0;
  for (let match = HTML_TOKENS.exec(text); match; match = HTML_TOKENS.exec(text)) {
    const slashes = match.groups!.slashes!;
    const escaped = slashes.length % 2 === 1;
    if (match.groups!.autolink !== undefined && !escaped) continue;
    const at = match.index + slashes.length;
    out += text.slice(emitted, escaped ? at - 1 : at) + HTML_ENTITIES[text[at]!];
    emitted = at + 1;
    HTML_TOKENS.lastIndex = emitted;
  }
  return out + text.slice(emitted);
}

function wrapReferences(text: string, atLineStart: boolean, atLineEnd: boolean): string {
  let out = "";
  let emitted = 0; // end of what is already in out
  let floor = 0; // end of the last token, so a project path never reaches back into it
  let wrapEnd = 0; // end of the last code span we added: text after it is a new text node
  const boundaryBefore = (start: number, word: RegExp) => start === wrapEnd || !word.test(text[start - 1]!);
  REFERENCE_TOKENS.lastIndex = 0;
  for (let match = REFERENCE_TOKENS.exec(text); match; match = REFERENCE_TOKENS.exec(text)) {
    const groups = match.groups!;
    let start = match.index;
    let end = start + match[0].length;
    if (groups.autolink !== undefined) {
      floor = end;
      continue;
    }
    if (groups.url !== undefined) {
      // Kept only where GitLab surely links it; otherwise its inside is scanned like any text.
      const linked = start === 0 ? atLineStart : start !== wrapEnd && /[\s(*_~]/.test(text[start - 1]!);
      if (linked) floor = end;
      else REFERENCE_TOKENS.lastIndex = start + 1;
      continue;
    }
    const notMention = groups.mention !== undefined && !boundaryBefore(start, /[A-Za-z0-9]/);
    if (notMention || (groups.named !== undefined && !boundaryBefore(start, /[A-Za-z0-9_~]/))) {
      REFERENCE_TOKENS.lastIndex = start + 1;
      continue;
    }
    if (groups.issue !== undefined) {
      while (start > floor && PATH_CHAR.test(text[start - 1]!)) start--;
    } else {
      // Trailing punctuation reads better outside the code span; the sigil inside is what matters.
      end = start + match[0].replace(groups.mention !== undefined ? /[./-]+$/ : /[.?&-]+$/, "").length;
      if (end - start < 2) continue;
    }
    const token = text.slice(start, end);
    const code = token.replace(/&(amp|lt|gt);/g, (_, name: string) => ENTITY_TEXT[name]!);
    let gap = text.slice(emitted, start);
    if (trailingBackslashes(gap) % 2 === 1) {
      // A backslash right before our code span would escape it: drop it when it only escaped the
      // sigil, or double it when it was a literal backslash before a letter.
      gap = /^[A-Za-z0-9]/.test(token) ? `${gap}\\` : gap.slice(0, -1);
    }
    if (start === wrapEnd && wrapEnd === emitted && out.endsWith("`")) {
      out = `${out.slice(0, -1)}${code}\``; // side by side, two code spans would read as one: merge
    } else {
      // Touching the backticks of a neighbouring code span, ours would lengthen its fence: keep apart.
      const apart = out === "" && gap === "" && !atLineStart ? " " : "";
      out += `${gap}${apart}\`${code}\``;
    }
    if (end === text.length && !atLineEnd) out += " ";
    emitted = floor = wrapEnd = end;
    REFERENCE_TOKENS.lastIndex = end;
  }
  return out + text.slice(emitted);
}

function trailingBackslashes(text: string): number {
  let count = 0;
  while (text[text.length - 1 - count] === "\\") count++;
  return count;
}

/** Marks lines inside fenced code, read one way (see findUnsafeLines). */
function codeMask(lines: string[], maxIndent: number, aware: boolean): boolean[] {
  const mask = lines.map(() => false);
  let fence: Fence | undefined;
  let fenceInQuote = false;
  let inQuote = false;
  let htmlEnd: RegExp | undefined;
  for (let i = aware ? frontMatterEnd(lines) : 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence) {
      if (fenceInQuote && MULTILINE_QUOTE.test(line)) {
        fence = undefined; // GitLab's >>> quote closes the fence inside it
        inQuote = false;
      } else if (closesFence(line, fence)) fence = undefined;
      else mask[i] = true;
      continue;
    }
    if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
      continue;
    }
    if (aware && MULTILINE_QUOTE.test(line)) {
      inQuote = !inQuote;
      continue;
    }
    htmlEnd = aware ? htmlBlockEnd(line) : undefined;
    if (htmlEnd) {
      // Blocks such as <!-- … --> may end on the line they start on.
      if (htmlEnd !== BLANK && htmlEnd.test(line.slice(line.indexOf("<") + 2))) htmlEnd = undefined;
      continue;
    }
    fence = openingFence(line, maxIndent);
    fenceInQuote = inQuote;
  }
  return mask;
}

const MULTILINE_QUOTE = /^ {0,3}>>>\s*$/;
const BLANK = /^\s*$/;
/** CommonMark's HTML block starts, each with the line that ends the block. */
const HTML_BLOCKS: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:pre|script|style|textarea)(?:[\s>]|$)/i, /<\/(?:pre|script|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<\/?[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)/, BLANK],
];

function htmlBlockEnd(line: string): RegExp | undefined {
  return HTML_BLOCKS.find(([start]) => start.test(line))?.[1];
}

function frontMatterEnd(lines: string[]): number {
  const first = lines.findIndex((line) => line.trim() !== "");
  const delimiter = first === -1 ? undefined : /^\s*(---|\+\+\+|;;;)/.exec(lines[first]!)?.[1];
  if (!delimiter || !FRONT_MATTER.test(lines[first]!)) return 0;
  const close = lines.findIndex((line, i) => i > first && line.trim() === delimiter);
  return close === -1 ? 0 : close + 1;
}
