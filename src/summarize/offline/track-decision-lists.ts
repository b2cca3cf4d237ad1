import { contentTokens, overlapOfSmaller } from "./content-tokens.js";
import { wordCount } from "./cue-patterns.js";
import type { PreparedMessage } from "./prepare-messages.js";
import { type DecisionList, matchItemNumber, readDecisionList } from "./read-decision-list.js";
import type { SentenceClaims } from "./sentence-claims.js";
import { stripLeadingFiller } from "./tidy-phrase.js";

/** A decision whose wording a later correction may change. */
export interface Decision {
  text: string;
}

/** Replies to a list count (agree with it, correct it) for this many messages after its last change. */
const LIST_WINDOW = 4;
/** More items than this is a paste, not a set of decisions; it also bounds the work per reply. */
const MAX_ITEMS = 15;

interface Item {
  sentenceIndex: number;
  text: string;
  decision?: Decision;
}

interface PendingList {
  messageIndex: number;
  author: string;
  items: Item[];
  agreed: boolean;
  lastActivity: number;
  /** The item someone else questioned ("one correction on 2: …"): the author's next statement replaces it. */
  correcting?: { item: Item; words: Set<string> };
}

/**
 * Lists of decisions ("Plan:\n1. … 2. …", "Decided:\n- … - …"): each item becomes its own decision, once
 * agreed. The later word wins: when someone else questions an item and the list's author restates it
 * ("Right, fixed: the importer waits for the new parser"), the restatement replaces the item.
 */
export class DecisionLists {
  private latest: PendingList | undefined;

  constructor(
    private readonly claims: SentenceClaims,
    /** Words a decision as the issue shows it; `push` lists it. */
    private readonly render: (text: string) => string,
    private readonly push: (decision: Decision) => void,
  ) {}

  /** Reads a list the message lays out; true when it did, so the message needs no other reading. */
  read(message: PreparedMessage): boolean {
    const list = readDecisionList(message);
    if (list === undefined) return false;
    this.latest = this.pending(message, list);
    if (list.kind === "stated" || message.agreedByReaction) this.agree(this.latest);
    return true;
  }

  /**
   * A reply to the latest list: agreement by someone else adopts it; the author's restatement after a
   * correction replaces the questioned item. True when the reply was only about the list.
   */
  reply(message: PreparedMessage, onlyConfirmation: boolean): boolean {
    const list = this.latest;
    if (list === undefined || message.index - list.lastActivity > LIST_WINDOW) return false;
    if (message.author === list.author) return list.correcting !== undefined && this.restate(list, message);
    if (onlyConfirmation) {
      const fresh = !list.agreed || list.lastActivity === message.index - 1;
      if (!list.agreed) this.agree(list);
      return fresh;
    }
    const item = questionedItem(list, message.text);
    if (item !== undefined) {
      list.correcting = { item, words: contentTokens(message.text) };
      list.lastActivity = message.index;
    }
    return false;
  }

  private pending(message: PreparedMessage, list: DecisionList): PendingList {
    return {
      messageIndex: message.index,
      author: message.author,
      items: list.items.slice(0, MAX_ITEMS).map((item) => ({ ...item })),
      agreed: false,
      lastActivity: message.index,
    };
  }

  private agree(list: PendingList): void {
    list.agreed = true;
    for (const item of list.items) {
      if (item.decision === undefined) {
        item.decision = { text: this.render(item.text) };
        this.push(item.decision);
      }
      this.claims.claim(list.messageIndex, item.sentenceIndex);
    }
  }

  private restate(list: PendingList, message: PreparedMessage): boolean {
    const { item, words } = list.correcting!;
    const about = new Set([...contentTokens(item.text), ...words]);
    for (const sentence of message.sentences) {
      // "Right, fixed: the importer waits …": a short label before a colon is not part of the decision.
      const text = stripLeadingFiller(sentence.text).replace(/^[^:\s]+(?:\s[^:\s]+)?:\s+(?=\S)/u, "");
      if (sentence.isQuestion || wordCount(text) < 3) continue;
      if (overlapOfSmaller(contentTokens(text), about) === 0) continue;
      item.text = text;
      if (item.decision !== undefined) item.decision.text = this.render(text);
      list.correcting = undefined;
      list.lastActivity = message.index;
      return true;
    }
    return false;
  }
}

/**
 * The item a reply is about: named by its number ("on 2"), or the only item that shares at least two
 * of the reply's words with nothing else in the list ("beta_search is still at 50%").
 */
function questionedItem(list: PendingList, reply: string): Item | undefined {
  const number = matchItemNumber(reply);
  if (number !== undefined) return list.items[number - 1];
  const itemWords = list.items.map((item) => contentTokens(item.text));
  const hits = new Map<number, number>();
  for (const word of contentTokens(reply)) {
    const holders = itemWords.flatMap((words, i) => (words.has(word) ? [i] : []));
    if (holders.length === 1) hits.set(holders[0]!, (hits.get(holders[0]!) ?? 0) + 1);
  }
  const strong = [...hits].filter(([, count]) => count >= 2);
  return strong.length === 1 ? list.items[strong[0]![0]] : undefined;
}
