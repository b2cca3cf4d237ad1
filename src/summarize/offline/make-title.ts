import { contentTokens, overlapOfSmaller } from "./content-tokens.js";
import { shortenTopic } from "./find-topic.js";
import { shorten } from "./tidy-phrase.js";

/** GitLab rejects longer issue titles. */
export const MAX_TITLE_LENGTH = 255;
/** What the title aims for, so it reads in a list of issues. */
const TARGET_LENGTH = 80;
/** Next to a decision, the topic gets at most this many characters. */
const TOPIC_BESIDE_DECISION = 45;
/** Fewer characters than this left for the decision: the title names the topic only. */
const MIN_DECISION_ROOM = 25;

export interface TitleParts {
  topic: string;
  decisions: readonly string[];
  channelName: string;
}

/** "Topic: first decision", shortened to about 80 characters; never more than 255. */
export function makeTitle({ topic, decisions, channelName }: TitleParts): string {
  const decision = (decisions[0] ?? "").replace(/[.\s]+$/u, "");
  const title = combine(topic, decision) || fallback(channelName);
  return shorten(title.replace(/\s+/g, " ").trim(), MAX_TITLE_LENGTH);
}

function combine(topic: string, decision: string): string {
  if (decision === "") return shorten(topic, TARGET_LENGTH);
  if (topic === "") return shorten(decision, TARGET_LENGTH);
  // "Approved: !482 Move date formatting to luxon" already names the topic.
  if (overlapOfSmaller(contentTokens(topic), contentTokens(decision)) >= 0.8)
    return shorten(decision, TARGET_LENGTH);
  const combined = `${topic}: ${decision}`;
  if (combined.length <= TARGET_LENGTH) return combined;
  const short = shortenTopic(topic, TOPIC_BESIDE_DECISION);
  const room = TARGET_LENGTH - short.length - 2;
  return room >= MIN_DECISION_ROOM ? `${short}: ${shorten(decision, room)}` : shorten(topic, TARGET_LENGTH);
}

function fallback(channelName: string): string {
  const channel = channelName.trim();
  return channel === "" ? "Slack thread" : `Slack thread in #${channel.replace(/^#/, "")}`;
}
