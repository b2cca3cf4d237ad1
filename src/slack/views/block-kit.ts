/** Small Block Kit builders that keep every text inside Slack's documented limits. */
import type { types } from "@slack/bolt";
import { escapeMrkdwn } from "../../util/escape-mrkdwn.js";

/** Re-exported: the views and nudges take their mrkdwn helpers from here. */
export { escapeMrkdwn };

export type Block = types.KnownBlock;
export type Option = types.PlainTextOption;

/** Slack's limits (api.slack.com/reference/block-kit): checked by the views' tests too. */
export const LIMITS = {
  modalTitle: 24,
  buttonText: 75,
  optionText: 75,
  optionValue: 150,
  sectionText: 3000,
  contextText: 2000,
  plainTextInitialValue: 3000,
  placeholder: 150,
  privateMetadata: 3000,
  /** Options one external select may answer with; Slack allows 100, we show fewer to stay readable. */
  options: 50,
  blocksPerMessage: 50,
  blocksPerView: 100,
} as const;

/** Cuts text to max characters (counted as Slack does, in UTF-16 units), ending with "…" when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Never leave half of a surrogate pair behind.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** A mrkdwn link whose label cannot break out of the link syntax. */
export function mrkdwnLink(url: string, label: string): string {
  return `<${url.replace(/[<>|]/g, encodeURIComponent)}|${escapeMrkdwn(label).replace(/\|/g, "¦")}>`;
}

export function plainText(text: string, max: number = LIMITS.sectionText): types.PlainTextElement {
  return { type: "plain_text", text: truncate(text, max), emoji: true };
}

export function section(markdown: string): Block {
  return { type: "section", text: { type: "mrkdwn", text: truncate(markdown, LIMITS.sectionText) } };
}

export function context(markdown: string): Block {
  return { type: "context", elements: [{ type: "mrkdwn", text: truncate(markdown, LIMITS.contextText) }] };
}

export function header(text: string): Block {
  return { type: "header", text: plainText(text, 150) };
}

export function divider(): Block {
  return { type: "divider" };
}

export function option(text: string, value: string): Option {
  return { text: plainText(text, LIMITS.optionText), value: value.slice(0, LIMITS.optionValue) };
}

/**
 * Joins lines into one mrkdwn text of at most `max` characters; lines that do not fit are counted in a last
 * line ("…and 3 more"), so a long list never breaks the section limit.
 */
export function fitLines(lines: string[], max: number = LIMITS.sectionText): string {
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const left = lines.length - index;
    const more = `…and ${left} more`;
    const wouldBe = length + (kept.length > 0 ? 1 : 0) + line.length;
    const reserve = left > 1 ? more.length + 1 : 0;
    if (wouldBe + reserve > max) {
      kept.push(more);
      return kept.join("\n");
    }
    kept.push(line);
    length = wouldBe;
  }
  return kept.join("\n");
}
