/**
 * Whether a title can go on an issue as written: a complete, specific phrase of at most 80 characters that
 * names the thing, with no greeting, no raw markup and nothing cut off. Pure and the same for every
 * summarizer: the model's title falls back to the offline one when this finds a problem.
 */
import {
  cutOff,
  danglingEnd,
  greeting,
  loneSubordinateClause,
  markdownMarkup,
  slackMarkup,
  subjectWords,
  unbalanced,
} from "./phrase-shape.js";

export const TITLE_MAX_CHARS = 80;

/** What is wrong with a title, in words a person can read; empty when it is fine. */
export function titleProblems(title: string): string[] {
  const text = title.trim();
  if (text === "") return ["is empty"];
  const problems: string[] = [];
  const length = [...text].length;
  if (length > TITLE_MAX_CHARS) problems.push(`is longer than ${TITLE_MAX_CHARS} characters (${length})`);
  if (text.includes("\\")) problems.push("holds a backslash (an escape shown raw)");
  for (const check of [
    cutOff,
    danglingEnd,
    loneSubordinateClause,
    unbalanced,
    greeting,
    slackMarkup,
    markdownMarkup,
  ]) {
    const problem = check(text);
    if (problem) problems.push(problem);
  }
  if (subjectWords(text).length < 2) problems.push("names no subject (fewer than two content words)");
  return problems;
}
