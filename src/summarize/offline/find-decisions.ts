import {
  type ConfirmationStrength,
  confirmationStrength,
  isOnlyConfirmation,
  opensWithYes,
} from "./classify-reply.js";
import { contentTokens, overlapOfSmaller } from "./content-tokens.js";
import { pattern, wordCount } from "./cue-patterns.js";
import { describeApproval } from "./describe-approval.js";
import { keepDistinct } from "./keep-distinct.js";
import { matchExplicitDecision } from "./match-explicit-decision.js";
import { matchProposal, type ProposalMatch } from "./match-proposal.js";
import { matchWithdrawal } from "./match-rejection.js";
import { OptionBook } from "./option-book.js";
import type { PreparedMessage, PreparedSentence } from "./prepare-messages.js";
import type { SentenceClaims } from "./sentence-claims.js";
import { asSentence, stripLeadingFiller } from "./tidy-phrase.js";
import { type Decision, DecisionLists } from "./track-decision-lists.js";

/** A confirmation counts for a proposal made at most this many messages earlier. */
const CONFIRM_WINDOW = 4;
const MAX_DECISIONS = 15;
/**
 * Words that open a conclusion ("So freeze from Dec 19 to Jan 5", "Then going forward …"). A "👍" to a
 * conclusion adopts it; a "👍" to any other statement only acknowledges it.
 */
const CONCLUSION = pattern(
  "^(?:(?:ok(?:ay)?|alright|great|good)[\\s,.]+)?(?:so|then|in that case|to sum up|to summari[sz]e|summary|tl;?dr|recap|plan|dann|entonces|pues|en resumen|donc|alors|en résumé)(?![\\p{L}\\p{N}])",
);

/** "So I restarted it": a report of what the speaker did, not a conclusion. */
const FIRST_PERSON_REPORT = pattern("^\\S+[\\s,:]+(?:i|i'm|i've|i'll|ich|yo|je)(?![\\p{L}\\p{N}])");

interface Proposal {
  messageIndex: number;
  sentenceIndex: number;
  author: string;
  text: string;
  asksYesNo: boolean;
}

interface Context {
  messages: readonly PreparedMessage[];
  claims: SentenceClaims;
  topic: string;
  decisions: Decision[];
  lists: DecisionLists;
  proposals: Proposal[];
  /** Messages whose content is already a decision, so later "+1"s do not add it again. */
  decided: Set<number>;
  approvedTopic: boolean;
  options: OptionBook;
}

/**
 * Decisions, in order: sentences that state one ("let's go with …", "decision: …"), and proposals that
 * someone else confirms soon after ("sounds good", 👍, "approved") or reacts to with ✅ or 👍; the
 * proposal's content is the decision.
 */
export function findDecisions(
  messages: readonly PreparedMessage[],
  claims: SentenceClaims,
  topic: string,
): string[] {
  const decisions: Decision[] = [];
  const options = new OptionBook();
  const context: Context = {
    messages,
    claims,
    topic,
    decisions,
    lists: new DecisionLists(
      claims,
      (text) => asSentence(options.expand(text)),
      (decision) => decisions.push(decision),
    ),
    proposals: [],
    decided: new Set(),
    approvedTopic: false,
    options,
  };
  for (const message of messages) {
    if (message.isBot) continue;
    context.proposals = context.proposals.filter((p) => p.messageIndex >= message.index - CONFIRM_WINDOW);
    context.options.note(message.text);
    withdrawDecisions(context, message);
    if (context.lists.read(message)) continue;
    const strength = confirmationStrength(message);
    if (context.lists.reply(message, strength !== undefined && isOnlyConfirmation(message))) continue;
    if (addExplicitDecisions(context, message)) continue;
    if (strength !== undefined) {
      addConfirmedDecision(context, message, strength);
      if (isOnlyConfirmation(message)) continue;
    }
    if (opensWithYes(message) && settleYesNoProposal(context, message)) continue;
    collectProposals(context, message);
    if (message.agreedByReaction) adoptOwnProposal(context, message);
  }
  return keepDistinct(
    context.decisions.map((d) => d.text).filter((d) => d !== ""),
    { max: MAX_DECISIONS, textOf: (d) => d, threshold: 0.5 },
  );
}

function addExplicitDecisions(context: Context, message: PreparedMessage): boolean {
  let found = false;
  let afterLabel = false;
  message.sentences.forEach((sentence, sentenceIndex) => {
    if (sentence.isQuestion) return;
    const text = stripLeadingFiller(sentence.text);
    const explicit = matchExplicitDecision(text);
    if (explicit !== undefined) {
      // "Relay it is" → "Name for the webhook relay product: Relay", so the issue says what Relay is.
      const bare = explicit.isBare === true && context.topic !== "";
      addDecision(context, bare ? `${context.topic}: ${explicit.text}` : explicit.text);
      afterLabel = afterLabel || explicit.isLabel;
    } else if (afterLabel && wordCount(text) >= 3) {
      // "Decision: X. Y moves to the backlog." — the label covers the whole message.
      addDecision(context, text);
    } else {
      return;
    }
    context.claims.claim(message.index, sentenceIndex);
    found = true;
  });
  if (found) {
    context.decided.add(message.index);
    context.proposals = [];
  }
  return found;
}

function addDecision(context: Context, text: string): void {
  context.decisions.push({ text: asSentence(context.options.expand(text)) });
}

/**
 * "Then scrap Saturday": the later word wins, so the latest decision about what is withdrawn goes. Only
 * the last few decisions are compared, which keeps the work per message bounded.
 */
function withdrawDecisions(context: Context, message: PreparedMessage): void {
  for (const sentence of message.sentences) {
    const withdrawn = matchWithdrawal(stripLeadingFiller(sentence.text));
    if (withdrawn === undefined) continue;
    const tokens = contentTokens(withdrawn);
    if (tokens.size === 0) continue;
    const first = Math.max(0, context.decisions.length - MAX_DECISIONS);
    for (let i = context.decisions.length - 1; i >= first; i -= 1) {
      if (overlapOfSmaller(tokens, contentTokens(context.decisions[i]!.text)) === 1) {
        context.decisions.splice(i, 1);
        break;
      }
    }
  }
}

function addConfirmedDecision(
  context: Context,
  message: PreparedMessage,
  strength: ConfirmationStrength,
): void {
  const proposal = latestProposalOfOthers(context, message);
  if (proposal !== undefined) {
    adoptProposal(context, proposal);
    return;
  }
  if (strength === "strong") {
    // "approved" / "LGTM" with nothing proposed in sight approves what the thread is about.
    if (!context.approvedTopic && context.topic !== "" && context.messages[0]?.author !== message.author) {
      addDecision(context, describeApproval(context.messages, context.topic));
      context.approvedTopic = true;
    }
    return;
  }
  if (strength === "normal") adoptLastStatement(context, message);
}

function settleYesNoProposal(context: Context, message: PreparedMessage): boolean {
  const proposal = latestProposalOfOthers(context, message);
  if (proposal === undefined || !proposal.asksYesNo) return false;
  adoptProposal(context, proposal);
  return true;
}

function latestProposalOfOthers(context: Context, message: PreparedMessage): Proposal | undefined {
  for (let i = context.proposals.length - 1; i >= 0; i -= 1) {
    const proposal = context.proposals[i]!;
    if (proposal.author !== message.author) return proposal;
  }
  return undefined;
}

/** A ✅ or 👍 reaction by someone else on a proposal (or a conclusion) adopts it. */
function adoptOwnProposal(context: Context, message: PreparedMessage): void {
  const own = context.proposals.filter((p) => p.messageIndex === message.index);
  if (own.length > 0) adoptProposal(context, own[own.length - 1]!);
}

function adoptProposal(context: Context, proposal: Proposal): void {
  addDecision(context, proposal.text);
  context.claims.claim(proposal.messageIndex, proposal.sentenceIndex);
  context.decided.add(proposal.messageIndex);
  context.proposals = context.proposals.filter((p) => p !== proposal);
}

/** "So: TanStack Query for server state, …" sums up the discussion; agreement makes it the decision. */
function asConclusion(sentence: PreparedSentence): ProposalMatch | undefined {
  if (sentence.isQuestion || !CONCLUSION.test(sentence.text) || FIRST_PERSON_REPORT.test(sentence.text))
    return undefined;
  const text = stripLeadingFiller(sentence.text);
  return wordCount(text) >= 4 ? { text, asksYesNo: false } : undefined;
}

/** "👍" to a plain statement ("So freeze from Dec 19 to Jan 5.") adopts that statement. */
function adoptLastStatement(context: Context, message: PreparedMessage): void {
  const target = previousStatementOfOthers(context, message);
  if (target === undefined || context.decided.has(target.index)) return;
  for (let i = target.sentences.length - 1; i >= 0; i -= 1) {
    const sentence = target.sentences[i]!;
    const text = stripLeadingFiller(sentence.text);
    if (sentence.isQuestion || wordCount(text) < 4 || !CONCLUSION.test(sentence.text)) continue;
    addDecision(context, text);
    context.claims.claim(target.index, i);
    context.decided.add(target.index);
    return;
  }
}

/** The nearest earlier message by someone else that is not itself a confirmation (looks back 3). */
function previousStatementOfOthers(context: Context, message: PreparedMessage): PreparedMessage | undefined {
  for (let i = message.index - 1; i >= 0 && i >= message.index - 3; i -= 1) {
    const candidate = context.messages[i]!;
    if (candidate.isBot || isOnlyConfirmation(candidate)) continue;
    return candidate.author === message.author ? undefined : candidate;
  }
  return undefined;
}

function collectProposals(context: Context, message: PreparedMessage): void {
  message.sentences.forEach((sentence, sentenceIndex) => {
    if (context.claims.has(message.index, sentenceIndex)) return;
    const proposal = matchProposal(stripLeadingFiller(sentence.text)) ?? asConclusion(sentence);
    if (proposal === undefined) return;
    context.proposals.push({
      messageIndex: message.index,
      sentenceIndex,
      author: message.author,
      ...proposal,
    });
  });
}
