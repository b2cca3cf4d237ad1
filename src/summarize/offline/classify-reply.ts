import { startsWithPhrase, wordCount } from "./cue-patterns.js";
import type { PreparedMessage } from "./prepare-messages.js";
import { stripLeadingFiller } from "./tidy-phrase.js";

/**
 * How firmly a short reply agrees with what came before. "strong" approves work (a merge request, a
 * plan) even when no proposal is in sight; "normal" agrees with the last statement; "weak" words
 * ("yes", "ok") only count when they answer a proposal.
 */
export type ConfirmationStrength = "strong" | "normal" | "weak";

const STRONG = startsWithPhrase([
  "approved?",
  "lgtm",
  "ship it",
  "genehmigt",
  "freigegeben",
  "aprobado",
  "approuvé",
  "validé",
]);
const NORMAL = startsWithPhrase([
  "sounds (?:good|great|fine|right)",
  "sgtm",
  "works for (?:me|us)",
  "fine (?:by|with) (?:me|us)",
  "agreed?",
  "deal",
  "makes sense",
  "let'?s do (?:it|this|that)",
  "go for it",
  "go ahead",
  "(?:none|no objections?)(?: from me)?",
  "\\+1",
  "i'?m in",
  "good (?:idea|call|plan)",
  "great (?:idea|call|plan)",
  "love it",
  "that'?s (?:the plan|settled|it)",
  "(?:sounds|looks) like a plan",
  "it'?s a plan",
  "that works",
  "so be it",
  // "Looks right to me", "Matches my notes": agreement with a list or summary someone wrote up.
  "looks (?:good|great|right|correct|fine)",
  "matches (?:my|our) (?:notes|understanding|memory)",
  "(?:that'?s|that is) (?:right|correct)",
  "correct",
  "einverstanden",
  "passt",
  "klingt gut",
  "gute idee",
  "de acuerdo",
  "me parece bien",
  "buena idea",
  "d'accord",
  "ça marche",
  "ça me va",
  "ok pour moi",
  "bonne idée",
]);
const WEAK = startsWithPhrase([
  "yes",
  "yep",
  "yup",
  "yeah",
  "ok(?:ay)?",
  "sure",
  "perfect",
  "great",
  "fine",
  "cool",
  "ja",
  "klar",
  "gut",
  "sí",
  "si",
  "vale",
  "perfecto",
  "oui",
  "parfait",
]);
/** Replies that take on a task, even one asked of nobody in particular. */
const TAKING_ON = startsWithPhrase([
  "on it",
  "will do",
  "can do",
  "consider it done",
  "happy to",
  "i'?m on it",
  "i'?ll (?:do|take|handle) (?:it|that|this)",
  "i can (?:do|take) (?:it|that|this)",
  "me",
  "mache ich",
  "mach ich",
  "geht klar",
  "me encargo",
  "lo hago",
  "je m'en occupe",
]);
/** Replies that report a request as already done ("done ✅", "sure, here: <link>"). */
const DONE = startsWithPhrase([
  "(?:(?:sure|ok(?:ay)?|yes|yep)[\\s,.!]+)?(?:done|fixed|sent|here(?: you go| it is)?)",
  "erledigt",
  "hecho",
  "listo",
  "c'est fait",
]);
/** Replies that say yes to a request made to the replier ("sure", "klar", "claro"). */
const SAYING_YES = startsWithPhrase([
  "sure",
  "ok(?:ay)?",
  "yes",
  "yep",
  "yeah",
  "of course",
  "no problem",
  "np",
  "absolutely",
  "klar",
  "gerne",
  "claro",
  "vale",
  "por supuesto",
  "bien sûr",
  "ça marche",
  "oui",
]);
/** Replies that keep a question open: bumps, "same question", and a change of topic. */
const NOT_AN_ANSWER = startsWithPhrase([
  "same (?:question|here|issue|problem)",
  "me too",
  "following",
  "bump",
  "ping",
  "also (?:curious|wondering)",
  "i(?:'d| would) (?:also )?like to know",
  "btw",
  "by the way",
  "unrelated",
  "off-?topic",
  "side note",
  "random",
  "ich auch",
  "übrigens",
  "yo también",
  "por cierto",
  "moi aussi",
  "au fait",
]);
const YES_ANSWER = startsWithPhrase(["yes", "yep", "yeah", "definitely", "absolutely", "ja", "sí", "oui"]);
/** Words allowed after the cue in a pure confirmation ("sounds good to me 👍"). */
const MAX_WORDS_AFTER_CUE = 3;

/** The strength of agreement when the message's first sentence is only a confirmation. */
export function confirmationStrength(message: PreparedMessage): ConfirmationStrength | undefined {
  if (message.onlyEmoji) return message.confirmingEmoji ? "normal" : undefined;
  const first = message.sentences[0];
  if (first === undefined || first.isQuestion) return undefined;
  // "OK, that's the plan then": the cue may follow a filler word.
  return strengthOf(first.text) ?? strengthOf(stripLeadingFiller(first.text));
}

function strengthOf(text: string): ConfirmationStrength | undefined {
  for (const [cue, strength] of [
    [STRONG, "strong"],
    [NORMAL, "normal"],
    [WEAK, "weak"],
  ] as const) {
    const match = cue.exec(text);
    if (match !== null && wordCount(text.slice(match[0].length)) <= MAX_WORDS_AFTER_CUE) return strength;
  }
  return undefined;
}

/**
 * The length of a "sounds good" / "approved" cue that opens the text, or undefined. Weak words ("ok",
 * "yes") are left out: they open answers and reports as often as agreements.
 */
export function agreementCueLength(text: string): number | undefined {
  return (STRONG.exec(text) ?? NORMAL.exec(text))?.[0].length;
}

/** True when the message is a confirmation and nothing else ("sounds good 👍", not "Great. So …"). */
export function isOnlyConfirmation(message: PreparedMessage): boolean {
  return confirmationStrength(message) !== undefined && message.sentences.length <= 1;
}

/**
 * "takes-on" for replies that take a task ("on it", "will do"); "yes" for replies that only say yes
 * ("sure"), which take a request only when it was addressed to the replier or to "you".
 */
export function acceptanceOf(message: PreparedMessage): "takes-on" | "yes" | undefined {
  const first = message.sentences[0];
  if (first === undefined || first.isQuestion) return undefined;
  if (TAKING_ON.test(first.text)) return "takes-on";
  return SAYING_YES.test(first.text) ? "yes" : undefined;
}

/** True when the message opens with a "yes" that can answer a "should we …?" question. */
export function opensWithYes(message: PreparedMessage): boolean {
  const first = message.sentences[0];
  return first !== undefined && YES_ANSWER.test(first.text);
}

export function reportsDone(message: PreparedMessage): boolean {
  const first = message.sentences[0];
  return first !== undefined && DONE.test(first.text);
}

/** Bumps ("anyone?"), me-too replies and topic changes ("btw …") do not answer a question. */
export function isNonAnswer(message: PreparedMessage): boolean {
  const first = message.sentences[0];
  if (first === undefined) return true;
  if (NOT_AN_ANSWER.test(first.text)) return true;
  return message.sentences.some((sentence) => sentence.isQuestion && wordCount(sentence.text) <= 2);
}
