import { pattern, WORD_END } from "./cue-patterns.js";
import type { PreparedMessage } from "./prepare-messages.js";
import { capitalize } from "./tidy-phrase.js";

/**
 * "PR for the new onboarding checklist is up", "MR ready for review": a thread that opens by putting
 * work up for review. The words after the kind of work say what it is.
 */
const UP_FOR_REVIEW = pattern(
  `^(?:the\\s+|my\\s+|our\\s+)?(?:pr|mr|merge request|pull request|patch|diff|change)${WORD_END}\\s*(.*?)\\s*(?:(?:is|are)\\s+)?(?:now\\s+)?(?:up|ready|open|out|in)(?:\\s+for\\s+(?:review|a look))?\\s*[.!]*$`,
);
/** "It adds a saved_filters table …": a sentence about the work just named, worth keeping beside it. */
const ABOUT_IT = pattern(`^(?:it|it's|this|this one)${WORD_END}`);
const MAX_ABOUT_LENGTH = 120;

/**
 * What an "approved" / "LGTM" with no proposal in sight approves, as a decision a newcomer can read:
 * "The merge request for the saved search filters is approved; it adds a saved_filters table …", or
 * "Approved: <topic>" when the thread did not open with work up for review.
 */
export function describeApproval(messages: readonly PreparedMessage[], topic: string): string {
  const opening = messages.find((m) => !m.isBot && m.sentences.length > 0);
  const first = opening?.sentences[0]?.text ?? "";
  const [head = "", ...tail] = first.split(/:\s+/u);
  const work = UP_FOR_REVIEW.exec(head);
  if (work === null) return `Approved: ${topic.split(/:\s+/u)[0]}`;
  const rest = tail.join(": ").trim();
  // "MR ready for review: !482 Move date formatting to luxon" names the work after the colon.
  const own = work[1]!.trim();
  const title = rest.replace(/[.!\s]+$/u, "");
  const subject =
    own !== ""
      ? `The merge request ${own}`
      : title !== ""
        ? `The merge request “${title}”`
        : "The merge request";
  const about = own !== "" && rest !== "" ? rest : (opening?.sentences[1]?.text ?? "");
  const detail =
    ABOUT_IT.test(about) && about.length <= MAX_ABOUT_LENGTH
      ? `; ${lowerFirst(about.replace(/[.!\s]+$/u, ""))}`
      : "";
  return `${capitalize(subject)} is approved${detail}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
