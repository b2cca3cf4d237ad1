import type { ActionItem } from "../summarizer.js";
import type { PreparedMessage } from "./prepare-messages.js";
import { shorten } from "./tidy-phrase.js";

export interface SummaryParts {
  channelName: string;
  messages: readonly PreparedMessage[];
  topic: string;
  decisions: readonly string[];
  actionItems: readonly ActionItem[];
  openQuestions: readonly string[];
}

const NAMES_LISTED = 3;

/** One to three sentences: who discussed what, where and how much; the outcome; what is left. */
export function writeSummary(parts: SummaryParts): string {
  const { messages } = parts;
  const where = channelPhrase(parts.channelName);
  if (messages.length === 0) return `The thread${where} has no messages.`;
  const about = parts.topic === "" ? "" : ` “${parts.topic}”`;
  const people = distinctAuthors(messages);
  const first =
    messages.length === 1
      ? `${messages[0]!.author} posted a single message${where}${about === "" ? "" : ` about${about}`}.`
      : `${whoTalked(people)} ${about === "" ? "talked" : `discussed${about}`}${where} (${counts(messages, people)}).`;
  return [first, outcome(parts), remaining(parts)].filter((s) => s !== "").join(" ");
}

function channelPhrase(channelName: string): string {
  const name = channelName.trim().replace(/^#/, "");
  if (name === "") return "";
  return /^[\p{L}\p{N}_.-]+$/u.test(name) ? ` in #${name}` : ` in ${name}`;
}

function distinctAuthors(messages: readonly PreparedMessage[]): { humans: string[]; bots: number } {
  const humans = new Set<string>();
  let bots = 0;
  for (const message of messages) {
    if (message.isBot) bots += 1;
    else humans.add(message.author);
  }
  return { humans: [...humans], bots };
}

function whoTalked({ humans }: { humans: string[] }): string {
  if (humans.length === 0) return "Bots";
  if (humans.length === 1) return humans[0]!;
  if (humans.length <= NAMES_LISTED) return `${humans.slice(0, -1).join(", ")} and ${humans.at(-1)}`;
  const others = humans.length - (NAMES_LISTED - 1);
  return `${humans.slice(0, NAMES_LISTED - 1).join(", ")} and ${others} others`;
}

function counts(
  messages: readonly PreparedMessage[],
  { humans, bots }: { humans: string[]; bots: number },
): string {
  const parts = [`${messages.length} messages`, plural(humans.length, "participant")];
  if (bots > 0) parts.push(`${bots} from bots`);
  return parts.join(", ");
}

function outcome({ decisions, openQuestions }: SummaryParts): string {
  if (decisions.length === 0)
    return openQuestions.length > 0 ? "No decision yet." : "No decision was recorded.";
  const first = shorten(decisions[0]!.replace(/[.\s]+$/u, ""), 200);
  const more = decisions.length > 1 ? ` (and ${plural(decisions.length - 1, "more decision")})` : "";
  return `Outcome: ${first}${more}.`;
}

function remaining({ actionItems, openQuestions }: SummaryParts): string {
  const parts: string[] = [];
  if (actionItems.length > 0) {
    const owners = [
      ...new Set(actionItems.flatMap((item) => (item.owner === undefined ? [] : [item.owner]))),
    ];
    const ownedBy =
      owners.length === 0
        ? ""
        : ` (${owners.slice(0, NAMES_LISTED).join(", ")}${owners.length > NAMES_LISTED ? ", …" : ""})`;
    parts.push(`${plural(actionItems.length, "action item")}${ownedBy}`);
  }
  if (openQuestions.length > 0) parts.push(plural(openQuestions.length, "open question"));
  return parts.length === 0 ? "" : `Left to do: ${parts.join(" and ")}.`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
