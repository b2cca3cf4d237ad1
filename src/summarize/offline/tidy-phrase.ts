import { pattern, WORD_END } from "./cue-patterns.js";

/** Words people put in front of the point they make ("ok so", "great.", "also,"), in several languages. */
const LEADING_FILLER = pattern(
  `^(?:ok(?:ay)?|so|well|alright|right|great|cool|nice|thanks|thank you|thx|hmm+|also|and|but|btw|anyway|then|fair(?: enough)?|good point|oh|ah|yes|yeah|yep|sure|dann|gut|bueno|pues|entonces|bon|alors|donc)${WORD_END}[\\s,.!:;…–—-]*`,
);
const TRAILING_FILLER = pattern(
  `[\\s,;:–—-]+(?:then|imo|imho|i think|i guess|lol|haha|please|pls|thanks|maybe)[\\s.!?…]*$`,
);
const MAX_ITEM_LENGTH = 300;

/** Removes filler words at the start, repeatedly ("ok so great, …"). */
export function stripLeadingFiller(text: string): string {
  let current = text.trim();
  for (let round = 0; round < 5; round += 1) {
    const next = current.replace(LEADING_FILLER, "").trim();
    if (next === current || next === "") return current;
    current = next;
  }
  return current;
}

/** Turns a raw clause into clean item text: no fillers, no "@", no trailing punctuation, bounded length. */
export function tidyClause(text: string): string {
  let clause = stripLeadingFiller(text.replace(/@(?=[\p{L}\p{N}])/gu, ""));
  clause = clause.replace(TRAILING_FILLER, "").replace(/[\s,;:.!?…–—-]+$/u, "");
  clause = clause.replace(/\s+/g, " ").trim();
  return shorten(clause, MAX_ITEM_LENGTH);
}

/** A decision as a sentence: capitalised, ending with a full stop. */
export function asSentence(text: string): string {
  const clause = tidyClause(text);
  return clause === "" ? "" : `${capitalize(clause)}.`;
}

/** An action item as an imperative-ish phrase ("send the draft"). */
export function asTask(text: string): string {
  const clause = tidyClause(text).replace(
    pattern("^(?:please|pls|also|just|probably|quickly|bitte|por favor)\\s+"),
    "",
  );
  return /^[A-Z][a-z']+(?:\s|$)/.test(clause) ? clause[0]!.toLowerCase() + clause.slice(1) : clause;
}

/** A question as a sentence: capitalised and ending with "?" (kept as "¿…?" or "… ?" when so written). */
export function asQuestion(text: string): string {
  // "One more thing: do we keep …?" — a short lead-in before a colon is not part of the question.
  const unlabelled = text.replace(/^[^:?]{1,30}:\s+(?=\S)/u, "");
  const trimmed = stripLeadingFiller(unlabelled.replace(/@(?=[\p{L}\p{N}])/gu, "")).replace(/\s+/g, " ");
  const question = /[?？]\s*\)?$/.test(trimmed) ? trimmed : `${trimmed.replace(/[\s.!…]+$/u, "")}?`;
  return shorten(capitalize(question), MAX_ITEM_LENGTH);
}

export function capitalize(text: string): string {
  const first = text.charAt(0);
  return first.toUpperCase() + text.slice(1);
}

/** Cuts at a word boundary and marks the cut with "…". */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  const base = space > max / 2 ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s,;:–—-]+$/u, "")}…`;
}
