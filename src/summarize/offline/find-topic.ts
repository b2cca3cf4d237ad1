import type { SummaryMessage } from "../summarizer.js";
import { cleanMarkdown } from "./clean-markdown.js";
import { pattern, WORD_END, wordCount } from "./cue-patterns.js";
import { splitSentences } from "./split-sentences.js";
import { stripEmoji } from "./strip-emoji.js";
import { capitalize, shorten } from "./tidy-phrase.js";

const GREETING = pattern(
  `^(?:hi|hey|hello|morning|good morning|hallo|moin|hola|buenas|bonjour|salut)(?:\\s+(?:team|all|folks|everyone|everybody|y'all|there|guys|people|zusammen|a todos|tout le monde))?${WORD_END}[\\s,!.:–—-]*`,
);
/** Openers that say what kind of message this is, not what it is about ("RFC:", "Quick question about"). */
const KIND_OF_MESSAGE = pattern(
  `^(?:quick\\s+|small\\s+)?(?:question|q|rfc|brainstorm(?:ing)?|fyi|psa|heads[- ]?up|reminder|update|idea|proposal|decision|todo|help|request|note|(?:(?:pr|mr|merge request|pull request)\\s+)?(?:is\\s+)?ready for review|kurze frage|frage|pregunta(?: rápida)?|petite question|question rapide)(?:\\s+(?:about|on|re|regarding|for|zu|zum|zur|sobre|sur))?${WORD_END}[\\s:,–—-]*`,
);
/** Ways of starting a message that come before its topic ("we need to decide on …"). */
const PREAMBLE = pattern(
  `^(?:so|ok(?:ay)?|well|we need to|we have to|we should|i want to|i'd like to|let's|can we|could we|should we|does anyone know|anyone know|do we know|is there a way to|i think|i wonder|wondering|how (?:do|can|should|could|would) (?:we|i|you)|how to)${WORD_END}\\s*`,
);
/** Choosing verbs: "pick the datastore for X" names the topic "datastore for X". */
const CHOOSING = pattern(
  `^(?:pick|choose|decide(?: on)?|select|agree on|settle on|figure out|discuss|talk about|plan|review|find)\\s+(?:the|a|an|our|which)?${WORD_END}\\s*`,
);
const CONNECTOR =
  /\s(?:before|because|since|so that|but|which|while|after|when|as|weil|porque|parce que)\s|,\s|\s[-–—]\s|\s\(/u;
/** Longest topic; a title that adds a decision cuts it shorter with `shortenTopic`. */
const TOPIC_LENGTH = 80;

/** The topic of the thread in a few words, from its first message that has prose ("" when none has). */
export function findTopic(messages: readonly SummaryMessage[]): string {
  for (const message of messages.slice(0, 3)) {
    for (const sentence of proseSentences(message.text ?? "")) {
      const topic = toTopic(sentence);
      if (wordCount(topic) >= 2) return topic;
    }
  }
  return "";
}

function proseSentences(markdown: string): string[] {
  const cleaned = cleanMarkdown(markdown.slice(0, 5_000), { inlineCode: "names" });
  let text = cleaned.text;
  for (const name of cleaned.mentions) text = text.split(`@${name}`).join(" ");
  // An emoji often ends a phrase ("Sprint 42 planning thread 🧵 Capacity is …").
  text = stripEmoji(text, "\n").replace(/^\s*(?:\[[^\]\n]{1,24}\]\s*)+/gm, "");
  return splitSentences(text);
}

function toTopic(sentence: string): string {
  let topic = sentence.replace(GREETING, "").replace(KIND_OF_MESSAGE, "");
  const labelled = /^([^:]{1,40}):\s+(.+)$/u.exec(topic);
  if (labelled !== null && wordCount(labelled[1]!) <= 5) {
    const label = labelled[1]!.replace(KIND_OF_MESSAGE, "").trim();
    topic = wordCount(label) >= 1 ? label : labelled[2]!;
  }
  for (let round = 0; round < 3; round += 1) topic = topic.replace(PREAMBLE, "");
  const chosen = topic.replace(CHOOSING, "");
  if (wordCount(chosen) >= 2) topic = chosen;
  topic = topic
    .replace(/\s+(?:with this|like this|here|below|thoughts|please)\s*[:.!?]*$/iu, "")
    .replace(/[\s:;,.!?¿…–—-]+$/u, "")
    .replace(/^[\s:;,.¿…–—-]+/u, "")
    .replace(/\s+/g, " ")
    .trim();
  return asTitleCase(shortenTopic(topic, TOPIC_LENGTH));
}

/** Cuts a topic longer than `max` at its first clause boundary ("… before sprint planning"), then at a word. */
export function shortenTopic(topic: string, max: number): string {
  if (topic.length <= max) return topic;
  const match = CONNECTOR.exec(topic.slice(20));
  const cut = match === null ? topic : topic.slice(0, 20 + match.index);
  return shorten(cut.trim(), max);
}

/** Capitalises the first word unless it is an identifier such as "checkout-api" or "v2.15". */
function asTitleCase(topic: string): string {
  const first = topic.split(" ")[0] ?? "";
  return /[\d_./-]/.test(first) ? topic : capitalize(topic);
}
