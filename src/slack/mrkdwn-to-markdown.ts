import type { MentionLookup } from "../export/thread-types.js";

/** One Slack message converted to GitLab Flavored Markdown. */
export interface ConvertedText {
  /** Not yet safe for GitLab: run makeSafeForGitLab on it (it neutralises `/close`, `@all`, `#1`, HTML). */
  markdown: string;
  /** Every http(s) URL the message links to, in order of first appearance, without duplicates. */
  links: string[];
}

interface Context {
  lookup: MentionLookup;
  links: Set<string>;
}

/** A rendered piece: Markdown for normal text, plain text for inside code. */
interface Rendered {
  markdown: string;
  plain: string;
}

interface Line {
  kind: "blank" | "text" | "list" | "code";
  quoted: boolean;
  text: string;
  /** Nesting depth of a list item. */
  level?: number;
}

// Rendered pieces wait in "holes" while the rest of a line is formatted, so formatting markers inside
// them are not converted. Private-use characters are stripped from the input, so holes cannot be forged.
const HOLE_OPEN = "\uE000";
const HOLE_CLOSE = "\uE001";
const HOLE = /\uE000(\d+)\uE001/g;

const SLACK_CODE_BLOCK = /```([\s\S]*?)```/g;
const ANGLE_TOKEN = /<([^<>\n]*)>/g;
const INLINE_CODE = /`([^`\n]+)`/g;
const EMOJI = /:[a-z0-9][a-z0-9_+-]*:/g;
const LIST_ITEM = /^(\s*)([•◦▪▫‣*-]\uFE0E?|\d{1,9}[.)])\s+(\S.*)$/u;
const MARKDOWN_SPECIAL = /[\\`*_~[\]]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/;
const EMPHASIS: Record<string, string> = { "*": "**", _: "_", "~": "~~" };

/**
 * Converts Slack mrkdwn to GitLab Markdown. Mentions become code spans (`@Name`, `#channel`) so they
 * read as mentions but never ping anyone in GitLab. Each Slack line stays its own line: lines of one
 * paragraph end with a backslash (a CommonMark hard break), which, unlike two trailing spaces, is
 * visible in the raw text and survives editors and tools that trim trailing whitespace.
 */
export function mrkdwnToMarkdown(text: string, lookup: MentionLookup): ConvertedText {
  const ctx: Context = { lookup, links: new Set() };
  const source = text.replace(/\r\n?/g, "\n").replace(/[\uE000\uE001]/g, "");
  const lines: Line[] = [];
  let quoteRest = false;
  let last = 0;
  for (const block of source.matchAll(SLACK_CODE_BLOCK)) {
    const content = block[1]!.replace(/^\n/, "").replace(/\n$/, "");
    if (content.trim() === "") continue; // Slack shows "``````" as text, not as an empty block
    quoteRest = addTextLines(lines, source.slice(last, block.index), quoteRest, ctx);
    addCodeLines(lines, content, ctx);
    last = block.index + block[0].length;
  }
  addTextLines(lines, source.slice(last), quoteRest, ctx);
  return { markdown: assemble(lines), links: [...ctx.links] };
}

/** Adds the lines of a stretch of text; returns whether Slack's ">>>" quote is still open. */
function addTextLines(lines: Line[], segment: string, quoteOpen: boolean, ctx: Context): boolean {
  let quoteRest = quoteOpen;
  for (const raw of segment.split("\n")) {
    let rest = raw;
    let quoted = quoteRest;
    const marker = /^(?:&gt;){1,3}/.exec(rest)?.[0];
    if (marker === "&gt;&gt;&gt;") quoteRest = true; // Slack quotes everything after ">>>"
    if (marker === "&gt;&gt;&gt;" || marker === "&gt;") {
      quoted = true;
      rest = rest.slice(marker.length).replace(/^ /, "");
    }
    lines.push(convertLine(rest, quoted, ctx));
  }
  return quoteRest;
}

function convertLine(rest: string, quoted: boolean, ctx: Context): Line {
  const item = LIST_ITEM.exec(rest);
  if (item) {
    const [, indent, marker, content] = item as unknown as [string, string, string, string];
    const bullet = /\d/.test(marker) ? marker : "-";
    const markerDepth = marker.startsWith("◦") ? 1 : /^[▪▫‣]/.test(marker) ? 2 : 0;
    const level = Math.max(markerDepth, Math.round(indent.length / 4));
    return {
      kind: "list",
      quoted,
      level,
      text: `${bullet} ${escapeBlockStart(convertInline(content, ctx))}`,
    };
  }
  const markdown = convertInline(rest.trim(), ctx);
  if (markdown === "") return { kind: "blank", quoted, text: "" };
  return { kind: "text", quoted, text: escapeBlockStart(markdown) };
}

function addCodeLines(lines: Line[], content: string, ctx: Context): void {
  const holes: Rendered[] = [];
  const code = fillHoles(unescapeEntities(holeTokens(content, holes, ctx)), holes, "plain");
  const fence = "`".repeat(Math.max(3, longestBacktickRun(code) + 1));
  for (const text of [fence, ...code.split("\n"), fence]) lines.push({ kind: "code", quoted: false, text });
}

function convertInline(line: string, ctx: Context): string {
  const holes: Rendered[] = [];
  const hole = (piece: Rendered) => `${HOLE_OPEN}${holes.push(piece) - 1}${HOLE_CLOSE}`;
  // Entities are unescaped only after Slack's <…> tokens are parsed: "&lt;b&gt;" is text, not a token.
  let text = unescapeEntities(holeTokens(line, holes, ctx));
  text = text.replace(INLINE_CODE, (_, code: string) => {
    const plain = fillHoles(code, holes, "plain");
    return hole({ markdown: codeSpan(plain), plain });
  });
  text = text.replace(EMOJI, (emoji) => hole({ markdown: emoji, plain: emoji }));
  return fillHoles(formatEmphasis(text), holes, "markdown");
}

function holeTokens(text: string, holes: Rendered[], ctx: Context): string {
  return text.replace(ANGLE_TOKEN, (_, inner: string) => {
    return `${HOLE_OPEN}${holes.push(renderToken(inner, ctx)) - 1}${HOLE_CLOSE}`;
  });
}

function fillHoles(text: string, holes: Rendered[], key: keyof Rendered): string {
  let out = "";
  let last = 0;
  for (const hole of text.matchAll(HOLE)) {
    const piece = holes[Number(hole[1])]![key];
    // Two code spans side by side (`@a``@b`) would parse as one with doubled backticks.
    const apart = hole.index === last && last > 0 && out.endsWith("`") && piece.startsWith("`");
    out += text.slice(last, hole.index) + (apart ? " " : "") + piece;
    last = hole.index + hole[0].length;
  }
  return out + text.slice(last);
}

/** Renders `<@U1>`, `<#C1|name>`, `<!here>`, `<!subteam^S1|@team>`, `<!date^…|fallback>`, `<url|label>`. */
function renderToken(inner: string, ctx: Context): Rendered {
  const bar = inner.indexOf("|");
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? "" : unescapeEntities(inner.slice(bar + 1)).trim();
  const id = target.slice(1);
  if (target.startsWith("@")) {
    return mention(`@${ctx.lookup.userName(id) ?? (label.replace(/^@/, "") || id)}`);
  }
  if (target.startsWith("#")) {
    return mention(`#${ctx.lookup.channelName(id) ?? (label.replace(/^#/, "") || id)}`);
  }
  if (target.startsWith("!")) return renderSpecial(id, label);
  const url = unescapeEntities(target);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    const plain = `<${unescapeEntities(inner)}>`;
    return { markdown: escapeText(plain), plain };
  }
  if (/^https?:\/\//i.test(url)) ctx.links.add(url);
  if (label && label !== url)
    return { markdown: `[${escapeText(label)}](${encodeDestination(url)})`, plain: label };
  const markdown = /^[^\s<>`]*$/.test(url) ? `<${url}>` : `[${escapeText(url)}](${encodeDestination(url)})`;
  return { markdown, plain: url };
}

function renderSpecial(id: string, label: string): Rendered {
  const [command = "", ...args] = id.split("^");
  if (command === "date") {
    const date = new Date(Number(args[0]) * 1000);
    const plain = label || (Number.isNaN(date.getTime()) ? id : date.toISOString());
    return { markdown: escapeText(plain), plain };
  }
  if (command === "subteam") return mention(label.startsWith("@") ? label : `@${label || args[0] || "team"}`);
  return mention(`@${label.replace(/^@/, "") || command}`); // here, channel, everyone
}

function mention(plain: string): Rendered {
  return { markdown: codeSpan(plain), plain };
}

/** Slack's *bold*, _italic_ and ~strike~, with Slack's rule that markers sit at word boundaries. */
function formatEmphasis(text: string): string {
  const closers = new Map<string, number[]>(Object.keys(EMPHASIS).map((marker) => [marker, []]));
  for (let j = 0; j < text.length; j++) {
    const list = closers.get(text[j]!);
    if (list && canClose(text, j)) list.push(j);
  }
  return formatRange(text, 0, text.length, closers);
}

function formatRange(text: string, start: number, end: number, closers: Map<string, number[]>): string {
  let out = "";
  let i = start;
  while (i < end) {
    const c = text[i]!;
    if (c === HOLE_OPEN) {
      const close = text.indexOf(HOLE_CLOSE, i) + 1;
      out += text.slice(i, close);
      i = close;
      continue;
    }
    const list = closers.get(c);
    const j = list && canOpen(text, i) ? firstAtLeast(list, i + 2) : undefined;
    if (j !== undefined && j < end) {
      out += EMPHASIS[c] + formatRange(text, i + 1, j, closers) + EMPHASIS[c];
      i = j + 1;
      continue;
    }
    out += MARKDOWN_SPECIAL.test(c) ? `\\${c}` : c;
    i++;
  }
  return out;
}

function canOpen(text: string, i: number): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  return (
    next !== undefined &&
    !SPACE.test(next) &&
    next !== text[i] &&
    (prev === undefined || !WORD_CHAR.test(prev))
  );
}

function canClose(text: string, j: number): boolean {
  const prev = text[j - 1];
  const next = text[j + 1];
  return prev !== undefined && !SPACE.test(prev) && (next === undefined || !WORD_CHAR.test(next));
}

/** The first value in the sorted list that is at least min (binary search keeps long lines fast). */
function firstAtLeast(sorted: number[], min: number): number | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < min) low = mid + 1;
    else high = mid;
  }
  return sorted[low];
}

/** Escapes what would start a Markdown block that Slack shows as plain text (headings, rules, lists). */
function escapeBlockStart(markdown: string): string {
  const ordered = /^(\d{1,9})[.)](?=\s|$)/.exec(markdown);
  if (ordered) return `${ordered[1]}\\${markdown.slice(ordered[1]!.length)}`;
  return /^(?:#{1,6}(?:\s|$)|[+=>-](?:\s|$)|[=-]+\s*$|>)/.test(markdown) ? `\\${markdown}` : markdown;
}

function escapeText(text: string): string {
  return text.replace(/[\\`*_~[\]]/g, "\\$&");
}

function unescapeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp);/g, (_, name: string) => ({ lt: "<", gt: ">", amp: "&" })[name] ?? "");
}

/** Percent-encodes what would end or break a Markdown link destination. */
function encodeDestination(url: string): string {
  return url.replace(
    /[\s()<>\\`]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

function codeSpan(text: string): string {
  const flat = text.replace(/\n/g, " ");
  const fence = "`".repeat(longestBacktickRun(flat) + 1);
  const pad = /^`|`$/.test(flat) || (/^\s/.test(flat) && /\s$/.test(flat) && flat.trim() !== "") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function longestBacktickRun(text: string): number {
  return (text.match(/`+/g) ?? []).reduce((longest, run) => Math.max(longest, run.length), 0);
}

/** Joins converted lines so GitLab keeps Slack's line structure (see mrkdwnToMarkdown). */
function assemble(lines: Line[]): string {
  const out: string[] = [];
  let prev: Line | undefined;
  let blankBefore = false;
  for (const line of lines) {
    if (line.kind === "blank") {
      blankBefore = prev !== undefined;
      continue;
    }
    const bothQuoted = prev?.quoted === true && line.quoted;
    if (prev && line.kind !== "code" && prev.kind !== "code") {
      const sameBlock = prev.kind === line.kind && prev.quoted === line.quoted;
      if (blankBefore || !sameBlock)
        out.push(bothQuoted ? ">" : ""); // also stops lazy continuation
      else if (line.kind === "text") out[out.length - 1] += "\\";
    }
    let text = line.text;
    if (line.kind === "list") {
      const nested = prev?.kind === "list" && prev.quoted === line.quoted && !blankBefore;
      line.level = Math.min(line.level ?? 0, nested ? (prev?.level ?? 0) + 1 : 0);
      text = "    ".repeat(line.level) + text;
    }
    out.push(line.quoted ? `> ${text}` : text);
    prev = line;
    blankBefore = false;
  }
  return out.join("\n");
}
