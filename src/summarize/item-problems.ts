/**
 * Whether a listed decision, action item or open question can go on an issue: a line someone who was not
 * in the thread can act on. Precision first: a line with a problem is dropped, since an empty section is
 * better than a wrong one. Pure and the same for every summarizer.
 */
import {
  cutOff,
  danglingEnd,
  greeting,
  phraseWords,
  slackMarkup,
  subjectWords,
  unbalanced,
} from "./phrase-shape.js";

export type ItemKind = "decision" | "action" | "question";

export interface ListedItem {
  kind: ItemKind;
  text: string;
  /** An action item's owner, when one is named. */
  owner?: string;
}

export const ITEM_MAX_CHARS = 300;

/** Only thanks, agreement or a greeting: "Thanks!", "Sounds good 👍", "+1". */
const SMALL_TALK =
  /^(?:(?:hi|hello|hey|thanks|thank you|thx|ty|cheers|great|cool|nice|awesome|perfect|sounds good|lgtm|agreed|ok|okay|sure|yes|no|\+1)\b|[\s\p{P}\p{S}])+$/iu;
/** "Thanks, that worked!": the asker's thanks is the sign of an outcome, never an item itself. */
const THANKS = /^(?:thanks|thank you|thx|ty|cheers)\b/iu;
/** "Alice here.", "Ahmed Karimi here!": someone saying who they are. */
const SELF_INTRODUCTION = /^[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+)?\s+here\s*[.!,]*$/iu;
/** A line that starts with a pronoun has nothing to refer to once it stands alone in a list. */
const LEADING_PRONOUN = /^(it|they|them)\b/iu;
/** A Markdown escape shown raw: "available?\" or "tester\_linux64". A Windows path ("C:\Users") is not. */
const RAW_ESCAPE = /\\(?=[\p{P}\p{S}\s]|$)/u;
const QUESTION_START =
  /^(?:who|whom|whose|what|when|where|why|how|which|whether|if|is|are|was|were|am|can|could|should|would|will|shall|may|might|must|do|does|did|has|have|had)\b/iu;

/** Words that name a group, a role or nobody: an action item's owner must be a person. */
const NOT_A_PERSON = new Set(
  (
    "all everyone everybody anyone anybody someone somebody nobody none no one null n/a na tbd tba unknown " +
    "unassigned we us you they them i me team teams group squad crew folks people channel here maintainers " +
    "devs developers engineering ops oncall on-call bot owner assignee reporter asker author the"
  ).split(" "),
);

/** What is wrong with a listed item, in words a person can read; empty when it is fine. */
export function itemProblems(item: ListedItem): string[] {
  const text = item.text.trim();
  if (text === "") return ["is empty"];
  const problems: string[] = [];
  if ([...text].length > ITEM_MAX_CHARS) problems.push(`is longer than ${ITEM_MAX_CHARS} characters`);
  if (SMALL_TALK.test(text) || THANKS.test(text)) problems.push("is only thanks, agreement or a greeting");
  if (SELF_INTRODUCTION.test(text)) problems.push("only says who is writing");
  const pronoun = LEADING_PRONOUN.exec(text);
  if (pronoun) problems.push(`starts with "${pronoun[1]}", which refers to nothing here`);
  if (RAW_ESCAPE.test(text)) problems.push("holds a Markdown escape shown raw");
  for (const check of [cutOff, danglingEnd, unbalanced, greeting, slackMarkup]) {
    const problem = check(text);
    if (problem) problems.push(problem);
  }
  if (phraseWords(text).length < 2 || subjectWords(text).length < 1)
    problems.push("says too little to act on");
  problems.push(...kindProblems(item.kind, text));
  if (item.kind === "action" && item.owner !== undefined) problems.push(...ownerProblems(item.owner));
  return problems;
}

function kindProblems(kind: ItemKind, text: string): string[] {
  const asks = text.endsWith("?");
  if (kind === "decision" && asks) return ["is a question, not a decision"];
  if (kind === "action" && asks) return ["is a question, not a task"];
  if (kind === "question" && !asks && !QUESTION_START.test(text)) return ["is not a question"];
  return [];
}

/** An owner is a person's name: not a group, a role, a pronoun, a channel or markup. */
export function ownerProblems(owner: string): string[] {
  const name = owner.trim();
  if (name === "") return ["has an empty owner"];
  if (/^[#~!]|[<>[\]()/\\]|\bbot\b/iu.test(name) || !/\p{L}/u.test(name)) {
    return [`owner "${name}" is not a person's name`];
  }
  const words = phraseWords(name.replace(/^@/u, ""));
  if (
    words.length > 4 ||
    words.some((word) => NOT_A_PERSON.has(word)) ||
    NOT_A_PERSON.has(name.toLowerCase())
  ) {
    return [`owner "${name}" is not a person`];
  }
  return [];
}
