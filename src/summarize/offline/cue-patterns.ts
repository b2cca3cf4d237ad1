/**
 * Building blocks for the cue patterns. JavaScript's \b only knows ASCII letters, so word edges are
 * written as look-arounds on Unicode letters and digits; that keeps "sí" or "décidé" whole.
 */
export const WORD_START = "(?<![\\p{L}\\p{N}])";
export const WORD_END = "(?![\\p{L}\\p{N}])";
/** Where a clause can start inside a sentence: its start, or after a colon, semicolon, comma or dash. */
export const CLAUSE_START = "(?:^|[:;,–—]\\s*|\\s[-–—]\\s+)";

/** Openings of a promise by the speaker ("I'll …", "hago …"): an action item, not a decision. */
export const FIRST_PERSON = "i|i'll|i'm|i will|i can|ich|hago|lo hago|yo|me|je|j'|let me";

/** A case-insensitive Unicode pattern. */
export function pattern(source: string): RegExp {
  return new RegExp(source, "iu");
}

/** Matches text that starts with one of the phrases (each a regex fragment) as whole words. */
export function startsWithPhrase(phrases: readonly string[]): RegExp {
  return pattern(`^(?:${phrases.join("|")})${WORD_END}`);
}

/** Number of words (runs of letters or digits). */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}
