/**
 * GitLab Flavored Markdown → Slack mrkdwn, for comments posted back to a thread: links, bold, italic,
 * strike, inline and fenced code, headings, lists and quotes. Everything else passes through as text,
 * escaped so that it cannot form Slack mentions (`<!here>`, `<@U1>`) or links of its own.
 */

const FENCE = /^(\s*)(```|~~~)[^\n]*\n([\s\S]*?)^\s*\2[ \t]*$/gm;

export function gitlabMarkdownToMrkdwn(markdown: string): string {
  const text = markdown.replace(/\r\n?/g, "\n").replace(/<!--[\s\S]*?-->/g, "");
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(FENCE)) {
    parts.push(convertProse(text.slice(last, match.index)));
    parts.push(`\`\`\`\n${escapeSlack(match[3] ?? "").replace(/\n$/, "")}\n\`\`\``);
    last = (match.index ?? 0) + match[0].length;
  }
  parts.push(convertProse(text.slice(last)));
  return parts
    .join("")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Prose outside fenced blocks, line by line; inline code spans are kept verbatim (escaped). */
function convertProse(prose: string): string {
  return prose
    .split("\n")
    .map((line) => convertLine(line))
    .join("\n");
}

function convertLine(line: string): string {
  const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
  if (heading) return `*${convertInline(heading[1] ?? "").replace(/^\*(.*)\*$/, "$1")}*`;
  const bullet = /^(\s*)[-*+]\s+(\[[ xX]\]\s+)?(.*)$/.exec(line);
  if (bullet) {
    const indent = " ".repeat(Math.floor((bullet[1] ?? "").length / 2) * 4);
    const box = bullet[2] ? (/x/i.test(bullet[2]) ? "☑ " : "☐ ") : "";
    return `${indent}• ${box}${convertInline(bullet[3] ?? "")}`;
  }
  const quote = /^\s*>\s?(.*)$/.exec(line);
  if (quote) return `>${convertInline(quote[1] ?? "")}`;
  if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) return "──────";
  return convertInline(line);
}

function convertInline(line: string): string {
  const pieces = line.split(/(`[^`]+`)/);
  return pieces.map((piece, i) => (i % 2 === 1 ? escapeSlack(piece) : convertSpan(piece))).join("");
}

const BOLD = "\uE001";

function convertSpan(span: string): string {
  const links: string[] = [];
  const keep = (link: string) => `\uE000${links.push(link) - 1}\uE000`;
  let out = span
    .replace(/!?\[([^\]]*)\]\((\S+?)(?:\s+"[^"]*")?\)/g, (_m, label: string, url: string) =>
      keep(isLinkable(url) ? `<${escapeUrl(url)}|${escapeSlack(label || url).replace(/\|/g, "¦")}>` : label),
    )
    .replace(/<(https?:\/\/[^\s>]+)>/g, (_m, url: string) => keep(`<${escapeUrl(url)}>`));
  out = escapeSlack(out)
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, `${BOLD}$1${BOLD}`)
    .replace(/__(?=\S)(.+?)(?<=\S)__/g, `${BOLD}$1${BOLD}`)
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)/g, "$1_$2_")
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, "~$1~")
    .replaceAll(BOLD, "*");
  return out.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => links[Number(i)] ?? "");
}

function isLinkable(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

function escapeUrl(url: string): string {
  return url.replace(/&/g, "&amp;").replace(/</g, "%3C").replace(/>/g, "%3E").replace(/\|/g, "%7C");
}

/** Slack's three escapes; text can then never open a mention or link. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Cuts mrkdwn to about `limit` characters at a line (or word) boundary, closing an open code fence, and
 * says where the rest is. Unchanged when it fits.
 */
export function shortenMrkdwn(text: string, limit: number, restUrl: string): string {
  if (text.length <= limit) return text;
  let cut = text.lastIndexOf("\n", limit);
  if (cut < limit / 2) cut = text.lastIndexOf(" ", limit);
  if (cut < limit / 2) cut = limit;
  let head = text.slice(0, cut).trimEnd();
  if ((head.match(/```/g)?.length ?? 0) % 2 === 1) head += "\n```";
  const more = restUrl ? `<${escapeUrl(restUrl)}|Read the whole comment in GitLab>` : "(shortened)";
  return `${head}\n… ${more}`;
}
