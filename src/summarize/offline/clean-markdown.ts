/** Message text reduced to prose, with the names it mentions. */
export interface CleanedText {
  /** Prose: fenced code, URLs and Markdown formatting removed; mentions kept as "@Name". */
  text: string;
  /** Display names mentioned with Slack's converted form `@Name` (in order, without duplicates). */
  mentions: string[];
}

export interface CleanOptions {
  /**
   * "keep" keeps the content of inline code (identifiers such as `proxy_read_timeout` carry meaning in a
   * decision); "names" keeps only short identifier-like spans and drops the rest (for titles).
   */
  inlineCode: "keep" | "names";
  /**
   * Puts LIST_ITEM_MARK where a bullet or "1." opened a line, so the reader of a message knows which
   * sentences were list items ("Plan:\n1. … 2. …" lists decisions); without it bullets just go.
   */
  markListItems?: boolean;
}

/** Marks the start of a list item (an invisible separator, which no Slack text uses). */
export const LIST_ITEM_MARK = "\u2063";

const FENCED_CODE = /```[\s\S]*?(?:```|$)/g;
const MENTION = /`@([^`\n]{1,80})`/g;
const INLINE_CODE = /`([^`\n]*)`/g;
const MARKDOWN_LINK = /!?\[([^\]\n]{0,300})\]\(([^)\s]{0,1000})\)/g;
const ANGLE_LINK = /<(https?:\/\/[^>|\s]+)(?:\|([^>]*))?>/g;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s)>\]]+/gi;
const DOUBLE_EMPHASIS = /(\*\*|__|~~)(.+?)\1/g;
const SINGLE_EMPHASIS = /(^|[\s(])([*_~])([^*_~\n]+?)\2(?=$|[\s).,!?:;])/gm;
const QUOTE_MARKER = /^\s*>\s?/gm;
const BULLET = /^\s*(?:[-*•]|\d{1,2}[.)])\s+/gm;
const NAME_LIKE = /^[\w.\-/:@]{1,40}$/;

/** Turns converted Slack Markdown into plain sentences the heuristics can read. */
export function cleanMarkdown(markdown: string, options: CleanOptions = { inlineCode: "keep" }): CleanedText {
  const mentions: string[] = [];
  let text = markdown.replace(/[\u2018\u2019\u02bc]/g, "'").replace(FENCED_CODE, "\n");
  text = text.replace(MENTION, (_match, name: string) => {
    const clean = name.trim();
    if (!mentions.includes(clean)) mentions.push(clean);
    return `@${clean}`;
  });
  text = text.replace(INLINE_CODE, (_match, code: string) => keepInlineCode(code, options));
  text = text
    .replace(MARKDOWN_LINK, (_match, label: string, url: string) =>
      isUrl(label) || label === "" ? url : label,
    )
    .replace(ANGLE_LINK, (_match, url: string, label?: string) => label ?? url)
    .replace(BARE_URL, " ")
    .replace(DOUBLE_EMPHASIS, "$2")
    .replace(SINGLE_EMPHASIS, "$1$3")
    .replace(QUOTE_MARKER, "")
    .replace(BULLET, options.markListItems === true ? LIST_ITEM_MARK : "");
  const lines = text.split("\n").map((line) => line.replace(/[ \t]+/g, " ").trim());
  return { text: lines.filter((line) => line !== "").join("\n"), mentions };
}

function keepInlineCode(code: string, options: CleanOptions): string {
  const trimmed = code.trim();
  if (options.inlineCode === "keep") return trimmed;
  return NAME_LIKE.test(trimmed) ? trimmed : " ";
}

function isUrl(text: string): boolean {
  return /^(?:https?:\/\/|www\.)/i.test(text.trim());
}
