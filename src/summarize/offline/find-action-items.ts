import type { ActionItem } from "../summarizer.js";
import { acceptanceOf, reportsDone } from "./classify-reply.js";
import { contentTokens, overlapOfSmaller } from "./content-tokens.js";
import { wordCount } from "./cue-patterns.js";
import { keepDistinct } from "./keep-distinct.js";
import { type CommitmentMatch, matchCommitment } from "./match-commitment.js";
import { matchCompletionReports, withoutCompletionWords } from "./match-completion-report.js";
import { matchRequest, type RequestKind } from "./match-request.js";
import type { NameBook } from "./name-book.js";
import type { PreparedMessage } from "./prepare-messages.js";
import type { SentenceClaims } from "./sentence-claims.js";
import { asTask, stripLeadingFiller } from "./tidy-phrase.js";

/** Stands for the requester of a held offer: nobody asked yet, so its own author may take it. */
const CONDITION_HOLDER = "\u0000";
/** A reply takes on a request made at most this many messages earlier. */
const TAKE_WINDOW = 3;
const MAX_ACTION_ITEMS = 25;

interface OpenRequest {
  messageIndex: number;
  sentenceIndex: number;
  requester: string;
  kind: RequestKind;
  owner?: string;
  text: string;
  /** The item already listed for it ("named" and "anyone" requests are listed at once). */
  item?: ActionItem;
}

interface Context {
  names: NameBook;
  claims: SentenceClaims;
  items: ActionItem[];
  requests: OpenRequest[];
  /** The message each item was listed in, so a report in that same message does not finish it. */
  origins: Map<ActionItem, number>;
  current: number;
}

/**
 * Action items: promises ("I'll …", owner = the speaker), requests to a named person ("`@Bob` can you …",
 * owner = Bob), notes ("TODO: …") and calls for anyone ("someone needs to …", no owner). A reply such as
 * "sure" / "on it" to an unaddressed request makes the replier its owner.
 */
export function findActionItems(
  messages: readonly PreparedMessage[],
  claims: SentenceClaims,
  names: NameBook,
): ActionItem[] {
  const context: Context = { names, claims, items: [], requests: [], origins: new Map(), current: 0 };
  for (const message of messages) {
    if (message.isBot) continue;
    context.current = message.index;
    dropReportedWork(context, message);
    context.requests = context.requests.filter((r) => r.messageIndex >= message.index - TAKE_WINDOW);
    const acceptance = acceptanceOf(message);
    const tookRequest =
      (reportsDone(message) && dropDoneRequest(context, message)) ||
      (acceptance !== undefined && takeRequest(context, message, acceptance === "takes-on"));
    // "sure, I'll start with the checkout specs" elaborates the request it accepts: skip that sentence.
    for (
      let sentenceIndex = tookRequest ? 1 : 0;
      sentenceIndex < message.sentences.length;
      sentenceIndex += 1
    ) {
      if (!claims.has(message.index, sentenceIndex)) readSentence(context, message, sentenceIndex);
    }
  }
  return keepDistinct(context.items, {
    max: MAX_ACTION_ITEMS,
    textOf: (item) => item.text,
    groupOf: (item) => item.owner ?? "",
    threshold: 0.8,
  }).filter((item) => item.text !== "");
}

function readSentence(context: Context, message: PreparedMessage, sentenceIndex: number): void {
  const sentence = message.sentences[sentenceIndex]!;
  const text = stripLeadingFiller(sentence.text);
  const request = matchRequest(text, message.mentions, context.names);
  if (request !== undefined && request.owner !== message.author) {
    const open: OpenRequest = {
      messageIndex: message.index,
      sentenceIndex,
      requester: message.author,
      ...request,
    };
    open.text = asTask(withRequester(request.text, message.author));
    if (request.kind === "named" || request.kind === "anyone") {
      open.item = addItem(context, request.owner, open.text);
      context.claims.claim(message.index, sentenceIndex);
    }
    context.requests.push(open);
    return;
  }
  if (sentence.isQuestion) return;
  const commitment = matchCommitment(text);
  if (commitment === undefined) return;
  if (commitment.conditional === true) {
    holdOffer(context, message, sentenceIndex, commitment.text);
    return;
  }
  if (takeRequest(context, message, true, commitment)) return;
  // "I'll rename it" with no request to take stays listed: careful readers resolve such a task from the
  // message before ("rename formatDate2 …") about as often as they leave it out, so dropping it loses
  // real work; the conversation in the issue shows what "it" is.
  if (commitment.text !== "") addItem(context, message.author, asTask(commitment.text));
  context.claims.claim(message.index, sentenceIndex);
}

/**
 * Gives the latest request this author may take to its taker: one addressed to them or to "you"; one
 * addressed to anyone, or a need ("we need a smoke test"), only when the reply clearly takes it on ("on
 * it", "I can set that up"). A promise with its own words ("I'll take a look") takes a request only when
 * it is about the same thing (half the words of the shorter one shared).
 */
function takeRequest(
  context: Context,
  message: PreparedMessage,
  takesOn: boolean,
  commitment?: CommitmentMatch,
): boolean {
  for (let i = context.requests.length - 1; i >= 0; i -= 1) {
    const request = context.requests[i]!;
    if (request.requester === message.author) continue;
    if (request.kind === "named" && request.owner !== message.author) continue;
    if ((request.kind === "anyone" || request.kind === "wanted") && !takesOn) continue;
    if (request.item?.owner !== undefined && request.item.owner !== message.author) continue;
    if (commitment !== undefined && !commitment.refersBack && !isAbout(commitment.text, request.text))
      continue;
    if (request.item === undefined) {
      request.item = addItem(context, message.author, taskText(request, commitment));
      context.claims.claim(request.messageIndex, request.sentenceIndex);
    } else {
      request.item.owner = message.author;
    }
    context.requests.splice(i, 1);
    return true;
  }
  return false;
}

/**
 * "I can make the window configurable if that's a concern": an offer on a condition is a task only once
 * its author takes it on after all ("will do", when someone asks for it); until then it is held like a
 * request addressed to its author.
 */
function holdOffer(context: Context, message: PreparedMessage, sentenceIndex: number, text: string): void {
  if (wordCount(text) === 0) return;
  context.requests.push({
    messageIndex: message.index,
    sentenceIndex,
    requester: CONDITION_HOLDER,
    kind: "named",
    owner: message.author,
    text: asTask(text),
  });
  context.claims.claim(message.index, sentenceIndex);
}

/** "done ✅" from the person asked: the request is finished and is not an open action item. */
function dropDoneRequest(context: Context, message: PreparedMessage): boolean {
  for (let i = context.requests.length - 1; i >= 0; i -= 1) {
    const request = context.requests[i]!;
    if (request.requester === message.author) continue;
    if (request.kind === "named" && request.owner !== message.author) continue;
    if (request.kind === "wanted") continue;
    const done = request.item;
    if (done !== undefined) context.items = context.items.filter((item) => item !== done);
    context.claims.claim(request.messageIndex, request.sentenceIndex);
    context.requests.splice(i, 1);
    return true;
  }
  return false;
}

/** "We need a smoke test" + "I can set that up" → "set up a smoke test". */
function taskText(request: OpenRequest, commitment?: CommitmentMatch): string {
  if (request.kind !== "wanted" || commitment === undefined || !commitment.refersBack) return request.text;
  const verb = /^(\p{L}+)\s+(?:it|that|this)(?:\s+(up|down|out|in|on|off|together))?$/iu.exec(
    commitment.clause,
  );
  if (verb === null) return request.text;
  return asTask([verb[1], verb[2], request.text].filter((w) => w !== undefined).join(" "));
}

/** "I'll take a look after standup" is about "look at this today"; "I'll ask for a trial" is not about "ask legal …". */
function isAbout(promise: string, request: string): boolean {
  return overlapOfSmaller(contentTokens(promise), contentTokens(request)) >= 0.5;
}

function addItem(context: Context, owner: string | undefined, text: string): ActionItem {
  const item: ActionItem = owner === undefined ? { text } : { owner, text };
  context.items.push(item);
  context.origins.set(item, context.current);
  return item;
}

/**
 * "I can run the full purge", later "Full purge done": work its owner reports as finished is not open.
 * Only the owner's own report counts, and it must be about the same work (half the words of the
 * shorter shared). Only the latest items are compared, which bounds the work per message.
 */
function dropReportedWork(context: Context, message: PreparedMessage): void {
  const reports = message.sentences
    .flatMap((sentence) => matchCompletionReports(sentence.text))
    .map((clause) => contentTokens(withoutCompletionWords(clause)))
    .filter((words) => words.size > 0);
  if (reports.length === 0) return;
  const first = Math.max(0, context.items.length - MAX_ACTION_ITEMS);
  for (let i = context.items.length - 1; i >= first; i -= 1) {
    const item = context.items[i]!;
    if (item.owner !== message.author || context.origins.get(item) === message.index) continue;
    const words = contentTokens(item.text);
    if (reports.some((report) => overlapOfSmaller(report, words) >= 0.5)) context.items.splice(i, 1);
  }
}

/** "send me the link" asked by Beatriz is "send Beatriz the link" in the issue. */
function withRequester(text: string, requester: string): string {
  return text.replace(/(?<![\p{L}\p{N}'])me(?![\p{L}\p{N}'])/gu, requester);
}
