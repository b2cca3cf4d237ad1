import { contentTokens, overlapOfSmaller } from "./content-tokens.js";

export interface DistinctOptions<T> {
  /** Most items kept; later ones are dropped once full, which bounds the work per item. */
  max: number;
  textOf(item: T): string;
  /** Items in different groups never merge (action items of different owners). */
  groupOf?(item: T): string;
  /** Overlap (of the smaller item's content words) at which two items count as the same. */
  threshold: number;
}

/**
 * Drops near-duplicates. When a later item restates an earlier one ("+1 to URL versioning", then
 * "Final answer: URL prefix versioning, starting with /v2"), the later wording wins, in the earlier
 * place. Work is linear in the number of items: each is compared with at most `max` kept ones.
 */
export function keepDistinct<T>(items: readonly T[], options: DistinctOptions<T>): T[] {
  const kept: { item: T; tokens: Set<string>; group: string }[] = [];
  for (const item of items) {
    const tokens = contentTokens(options.textOf(item));
    const group = options.groupOf?.(item) ?? "";
    const twin = kept.find(
      (other) =>
        other.group === group &&
        isSame(other.tokens, tokens, options.threshold, options.textOf(other.item), options.textOf(item)),
    );
    if (twin !== undefined) {
      twin.item = item;
      twin.tokens = tokens;
    } else if (kept.length < options.max) {
      kept.push({ item, tokens, group });
    }
  }
  return kept.map((entry) => entry.item);
}

function isSame(a: Set<string>, b: Set<string>, threshold: number, textA: string, textB: string): boolean {
  if (a.size === 0 || b.size === 0) return textA.toLowerCase() === textB.toLowerCase();
  const shared = overlapOfSmaller(a, b);
  // One shared word is not a restatement unless an item is that short.
  return shared >= threshold && shared * Math.min(a.size, b.size) >= Math.min(2, a.size, b.size);
}
