import { pattern, WORD_END } from "./cue-patterns.js";

/**
 * Verbs of finding out, not of acting: "looking into it now", "checking the logs now" decide nothing.
 */
const INVESTIGATING =
  "looking|checking|investigating|digging|reading|watching|monitoring|waiting|trying|thinking|working|seeing|getting|joining|paging|asking|testing|reviewing|debugging|grabbing|pulling|heading|hopping";
/**
 * "Rolling back to 3.11.4 now.", "Failing over to the replica now.": in an incident the responder
 * announces the course taken, and nobody confirms it because there is no time to.
 */
const ANNOUNCED = pattern(`^((?!(?:${INVESTIGATING})${WORD_END})\\p{L}+ing\\s+.+?)\\s+now\\s*[.!]*$`);
/** Words ending in "-ing" that are not verbs ("Nothing until Monday", "Morning until noon"). */
const NOT_A_VERB = "(?:no|some|any|every)thing|morning|evening|during|thing|string|spring|being|ceiling";
/**
 * "Pausing the digest until the quota is raised, so mail gets through": a course taken with the
 * condition that ends it. The "until" says it is a state set on purpose, not work in progress.
 */
const UNTIL = pattern(
  `^((?!(?:${INVESTIGATING}|${NOT_A_VERB})${WORD_END})\\p{L}+ing\\s+.+?\\s+until\\s+.+?)(?:,\\s*(?:so|because|since|as)\\s+.+)?\\s*[.!]*$`,
);

/** The action a sentence announces as under way ("rolling back to v2 now", "pausing X until Y"), if any. */
export function matchAnnouncedAction(sentence: string): string | undefined {
  return ANNOUNCED.exec(sentence)?.[1] ?? UNTIL.exec(sentence)?.[1];
}
