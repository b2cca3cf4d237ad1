import { pattern, WORD_START } from "./cue-patterns.js";
import type { NameBook } from "./name-book.js";

export type RequestKind =
  /** Addressed to a named person: "`@Bob` can you …", "Bob, please …". */
  | "named"
  /** Addressed to nobody in particular: "someone needs to …", "TODO: …", "please …". */
  | "anyone"
  /** "Can you …?" to whoever reads it: a task only once someone takes it. */
  | "you"
  /** "We need a smoke test": a task only once someone clearly takes it on ("I can set that up"). */
  | "wanted";

export interface RequestMatch {
  kind: RequestKind;
  owner?: string;
  text: string;
}

/** What follows the addressee in a request, in four languages. */
const ASK = [
  pattern("^(?:can|could|would|will)\\s+you\\s+(?:please\\s+)?(.+)"),
  pattern("^(?:please|pls)\\s+(.+)"),
  pattern("^(?:kannst|könntest|würdest)\\s+du\\s+(?:bitte\\s+)?(.+)"),
  pattern("^bitte\\s+(.+)"),
  pattern("^¿?\\s*(?:puedes|podrías)\\s+(.+)"),
  pattern("^por favor,?\\s+(.+)"),
  pattern("^(?:peux-tu|pourrais-tu|tu peux|tu pourrais)\\s+(.+)"),
  pattern("^merci de\\s+(.+)"),
];
/** Only after a name: "`@Dan` will send …", "Dan to send …". */
const ASSIGN = pattern("^(?:will|to|is going to|owns)\\s+(.+)");
const NOTE = pattern(
  "^(?:todo|to-do|to do|action items?|action|follow[- ]?ups?|next steps?|aufgabe|tarea|pendiente|à faire)\\s*(?:\\(([^)]{1,60})\\))?\\s*[:\\-–—]\\s*(.+)",
);
const SOMEONE = "(?:someone|somebody|anyone|anybody)(?:\\s+(?:from|in|on)\\s+(?:the\\s+)?[\\p{L}-]+)?";
const ANYONE = pattern(
  `${WORD_START}(?:${SOMEONE}\\s+(?:needs?\\s+to|should|has\\s+to|must|will\\s+have\\s+to)|we\\s+(?:still\\s+)?need\\s+(?:someone|somebody)\\s+to|(?:can|could)\\s+${SOMEONE}|who\\s+(?:can|could|wants\\s+to)|jemand\\s+(?:muss|sollte)|kann\\s+jemand|alguien\\s+(?:tiene\\s+que|debe|puede)|quelqu'un\\s+(?:doit|peut|devrait))\\s+(?:please\\s+)?(.+)`,
);
const YOU = pattern("^(?:can|could|would)\\s+you\\s+(?:please\\s+)?(.+)");
const WANTED = pattern(
  `${WORD_START}(?:we|wir)\\s+(?:still\\s+|really\\s+|also\\s+)?(?:need|brauchen|necesitamos)\\s+((?:a|an|to|some|einen|eine|ein|un|una)\\s+.+)`,
);

/** A request in a sentence, with its owner when one is named. `mentions` are the message's `@Name`s. */
export function matchRequest(
  sentence: string,
  mentions: readonly string[],
  names: NameBook,
): RequestMatch | undefined {
  const note = NOTE.exec(sentence);
  if (note !== null) return fromNote(note[2]!, note[1], mentions, names);
  const addressed = splitAddressee(sentence, mentions, names);
  if (addressed !== undefined) {
    const text = firstGroup(ASK, addressed.rest) ?? ASSIGN.exec(addressed.rest)?.[1];
    if (text !== undefined) return { kind: "named", owner: addressed.owner, text };
  }
  const anyone = ANYONE.exec(sentence);
  if (anyone !== null) return { kind: "anyone", text: anyone[1]! };
  const you = YOU.exec(sentence);
  if (you !== null) return { kind: "you", text: you[1]! };
  const wanted = WANTED.exec(sentence);
  if (wanted !== null) return { kind: "wanted", text: wanted[1]!.replace(/^to\s+/i, "") };
  const please = firstGroup(ASK.slice(1), sentence.replace(/^[^:]{1,40}:\s+/, ""));
  return please === undefined ? undefined : { kind: "anyone", text: please };
}

function fromNote(
  body: string,
  ownerHint: string | undefined,
  mentions: readonly string[],
  names: NameBook,
): RequestMatch {
  const hinted =
    ownerHint === undefined ? undefined : (names.resolve(ownerHint) ?? ownerHint.replace(/^@/, "").trim());
  if (hinted !== undefined) return { kind: "named", owner: hinted, text: body };
  const addressed = splitAddressee(body, mentions, names);
  const assigned =
    addressed === undefined
      ? undefined
      : (ASSIGN.exec(addressed.rest)?.[1] ?? firstGroup(ASK, addressed.rest));
  if (addressed !== undefined && assigned !== undefined)
    return { kind: "named", owner: addressed.owner, text: assigned };
  return { kind: "anyone", text: body };
}

/** "@Dan Cho can you …" / "Bob, please …" / "can you …, @Dan?" → the addressee and the rest. */
function splitAddressee(
  sentence: string,
  mentions: readonly string[],
  names: NameBook,
): { owner: string; rest: string } | undefined {
  for (const name of mentions) {
    const tag = `@${name}`;
    if (sentence.startsWith(tag))
      return { owner: name, rest: sentence.slice(tag.length).replace(/^[\s,:]+/, "") };
    const trailing = new RegExp(`[\\s,]*${escapeRegExp(tag)}[\\s?.!]*$`, "u");
    if (trailing.test(sentence)) return { owner: name, rest: sentence.replace(trailing, "?") };
  }
  const named = /^([\p{Lu}][\p{L}'-]+(?:\s[\p{Lu}][\p{L}'-]+)?)\s*[,:]\s+(.+)$/u.exec(sentence);
  const owner = named === null ? undefined : names.resolve(named[1]!);
  return owner === undefined ? undefined : { owner, rest: named![2]! };
}

function firstGroup(patterns: readonly RegExp[], text: string): string | undefined {
  for (const candidate of patterns) {
    const match = candidate.exec(text);
    if (match?.[1] !== undefined) return match[1];
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
