import { pattern, WORD_END, WORD_START, wordCount } from "./cue-patterns.js";
import type { PreparedMessage } from "./prepare-messages.js";

/**
 * "Decided in today's API review:" states decisions; "Plan for Q3:" / "Sprint 19 scope:" puts them up
 * for agreement. The lead-in, not the items, says which: items are written as plain statements.
 */
const STATED = pattern(
  `${WORD_START}(?:decided|decisions?|agreed|settled|outcomes?|conclusions?|resolutions?|consensus|entschieden|beschlossen|decidido|décidé)${WORD_END}`,
);
const PROPOSED = pattern(
  `${WORD_START}(?:plan|planning|scope|proposal|proposed|summary|recap|notes|landed|meeting|call|review|sync|standup|retro|workshop)${WORD_END}`,
);
/** Lists that lay out what is still open or still to do: never decisions, whatever else the lead-in says. */
const NOT_DECISIONS = pattern(
  `${WORD_START}(?:options?|alternatives?|choices|candidates|questions?|pros|cons|risks?|concerns?|ideas?|todos?|to-?dos?|action items?|next steps?|tasks?|follow[- ]?ups?|agenda|findings|symptoms|blockers?|problems?|issues?|timeline)${WORD_END}`,
);

/** An item this short ("Lisbon, 14–16 May") gets the lead-in's subject in front ("Offsite: …"). */
const MAX_BARE_WORDS = 4;
/** The lead-in's subject ("Offsite" in "Offsite, where we landed:") names the list if it is this short. */
const MAX_SUBJECT_WORDS = 4;

/** A lead-in that says where the list comes from ("From the review meeting:") names nothing. */
const CIRCUMSTANCE = pattern(
  `^(?:from|in|after|before|at|on|for|per|as|with|by|during|notes|here|this|these|so)${WORD_END}`,
);

export interface DecisionList {
  /** "stated" lists are decisions at once; "proposed" ones once someone else agrees. */
  kind: "stated" | "proposed";
  items: { sentenceIndex: number; text: string }[];
}

/**
 * The list of decisions a message lays out: a lead-in ending with ":" followed by bulleted or numbered
 * items. Items that are questions, or addressed to someone ("@Bob …", a task), are not decisions.
 */
export function readDecisionList(message: PreparedMessage): DecisionList | undefined {
  const first = message.sentences.findIndex((sentence) => sentence.inList);
  if (first < 1) return undefined;
  const leadIn = message.sentences[first - 1]!;
  if (!leadIn.text.endsWith(":") || leadIn.isQuestion) return undefined;
  const intro = message.sentences
    .slice(0, first)
    .map((s) => s.text)
    .join(" ");
  if (NOT_DECISIONS.test(intro)) return undefined;
  const kind = STATED.test(intro) ? "stated" : PROPOSED.test(intro) ? "proposed" : undefined;
  if (kind === undefined) return undefined;
  const lead = /^([^,:;.]+)[,:]/u.exec(leadIn.text)?.[1]?.trim() ?? "";
  const subject = wordCount(lead) <= MAX_SUBJECT_WORDS && !CIRCUMSTANCE.test(lead) ? lead : "";
  const items: DecisionList["items"] = [];
  for (let i = first; i < message.sentences.length && message.sentences[i]!.inList; i += 1) {
    const sentence = message.sentences[i]!;
    if (sentence.isQuestion || sentence.text.startsWith("@") || wordCount(sentence.text) < 2) continue;
    // "Offsite:\n• Lisbon, 14–16 May": alone, "Lisbon, 14–16 May" does not say what is in Lisbon.
    const bare = wordCount(sentence.text) <= MAX_BARE_WORDS && wordCount(subject) >= 1;
    items.push({ sentenceIndex: i, text: bare ? `${subject}: ${sentence.text}` : sentence.text });
  }
  return items.length === 0 ? undefined : { kind, items };
}

/** "On 2", "for 3", "#4": a number after a word that points at something, but not a quantity ("for 2 hours"). */
const ITEM_NUMBER =
  /(?<![\p{L}\p{N}])(?:on|for|re|about|point|item|number|#|no\.?)\s*#?(\d{1,2})(?![\p{N}%.,]\d|\p{N}|\s*(?:%|x\b|min|minutes?|hours?|h\b|days?|weeks?|months?|years?|people|times|more|of|percent))/iu;

/** "One correction on 2: …", "For 3 we said …": the number of the list item a reply is about, if any. */
export function matchItemNumber(text: string): number | undefined {
  const match = ITEM_NUMBER.exec(text);
  return match === null ? undefined : Number(match[1]);
}
