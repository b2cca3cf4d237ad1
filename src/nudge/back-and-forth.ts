/**
 * Back-and-forth detection over a compact state: for every pair of people in a thread, how many times the
 * turn passed between them.
 *
 * A→B→A→B→A→B is six turns (three round trips). Only the two people of a pair count for it: a third person's
 * messages in between neither add to nor break it, and consecutive messages by one person (even with someone
 * else's in between) count once. The work per message and the state are bounded by the number of tracked
 * people (at most MAX_TRACKED_PARTICIPANTS, so at most 45 pairs).
 */

/** Alternation between participants `a` and `b` (indexes into the thread's participant list, a < b). */
export interface PairRun {
  a: number;
  b: number;
  /** Messages that passed the turn within the pair, the first one included. */
  turns: number;
  /** Which of the two spoke last. */
  last: number;
}

/**
 * Records a message by participant `speaker` (an index). `isNew` says the speaker was just added to the
 * participant list: each earlier participant then forms a pair with them that already has two turns (the
 * earlier one spoke before, the new one now).
 */
export function recordTurn(runs: readonly PairRun[], speaker: number, isNew: boolean): PairRun[] {
  const next = runs.map((run) => {
    if (run.a !== speaker && run.b !== speaker) return run;
    if (run.last === speaker) return run;
    return { ...run, turns: run.turns + 1, last: speaker };
  });
  if (isNew) {
    for (let other = 0; other < speaker; other += 1)
      next.push({ a: other, b: speaker, turns: 2, last: speaker });
  }
  return next;
}

/** The pair with the most turns that reached `turns`, or undefined. */
export function pairReaching(runs: readonly PairRun[], turns: number): PairRun | undefined {
  let best: PairRun | undefined;
  for (const run of runs) {
    if (run.turns >= turns && (!best || run.turns > best.turns)) best = run;
  }
  return best;
}
