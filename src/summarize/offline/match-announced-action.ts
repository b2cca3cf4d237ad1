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

/** The action a sentence announces as under way ("rolling back to v2 now"), if any. */
export function matchAnnouncedAction(sentence: string): string | undefined {
  return ANNOUNCED.exec(sentence)?.[1];
}
