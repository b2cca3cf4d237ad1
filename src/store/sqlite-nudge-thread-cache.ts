/**
 * The nudge state of recent threads, kept in memory and written to SQLite in batches.
 *
 * Every plain reply in every channel updates one thread's state, so this is the busiest write threadport
 * has. One SQLite commit per reply costs tens of microseconds of blocked event loop, and its pages fill the
 * WAL, whose checkpoints block for milliseconds; one transaction every FLUSH_DELAY_MS (or FLUSH_BATCH
 * changes) writes each busy page once and costs a few microseconds per reply. A SQLite file belongs to one threadport process (see
 * sqlite-store.ts), so the memory copy is authoritative and the compare-and-set runs against it.
 *
 * Durability: a state change reaches the database within FLUSH_DELAY_MS, at once when it records a posted
 * nudge (so a nudge is never posted twice, even across a crash), and on close. A crash can lose the last
 * fraction of a second of counts, nothing else.
 */
import type { NudgeThreadState } from "../nudge/thread-state.js";

/** How long changes gather before they are written together… */
export const FLUSH_DELAY_MS = 100;
/** …unless this many are pending: then at the end of the event-loop turn, so no write blocks for long. */
export const FLUSH_BATCH = 64;
/** Threads kept in memory; older ones are read from the database again when someone replies. */
const MAX_CACHED_THREADS = 20_000;

export interface ThreadRows {
  read(teamId: string, channelId: string, threadTs: string): NudgeThreadState | undefined;
  /** Writes the states in one transaction (insert or replace). */
  writeAll(entries: { state: NudgeThreadState; updatedAt: number }[]): void;
}

/** Held for a thread the database has no row for: most replies are to threads nobody counted yet. */
const ABSENT = null;

export class NudgeThreadCache {
  /** The memory copy, authoritative for the threads it holds; ABSENT means "no row", known without a read. */
  private readonly states = new Map<string, NudgeThreadState | typeof ABSENT>();
  private readonly dirty = new Map<string, { state: NudgeThreadState; updatedAt: number }>();
  private flushTimer: NodeJS.Timeout | undefined;
  private flushSoon = false;
  private flushFailure: unknown;

  constructor(private readonly rows: ThreadRows) {}

  get(teamId: string, channelId: string, threadTs: string): NudgeThreadState | undefined {
    const state = this.current(keyOf(teamId, channelId, threadTs), teamId, channelId, threadTs);
    return state && copy(state);
  }

  /** Compare-and-set on lastTs; see Store.saveNudgeThread. */
  save(state: NudgeThreadState, expectedLastTs: string | undefined, now: number): boolean {
    this.rethrowFlushFailure();
    const key = keyOf(state.teamId, state.channelId, state.threadTs);
    const current = this.current(key, state.teamId, state.channelId, state.threadTs);
    if (current?.lastTs !== expectedLastTs) return false;
    const saved = copy(state);
    this.remember(key, saved);
    this.dirty.set(key, { state: saved, updatedAt: now });
    // A posted nudge is written at once: "at most once per thread" must survive a crash.
    if (saved.nudged.length !== (current?.nudged.length ?? 0)) this.flush();
    else if (this.dirty.size >= FLUSH_BATCH) this.scheduleFlush(0);
    else this.scheduleFlush(FLUSH_DELAY_MS);
    return true;
  }

  /** Writes every pending change now. */
  flush(): void {
    if (this.dirty.size === 0) return;
    this.rows.writeAll([...this.dirty.values()]);
    this.dirty.clear();
  }

  /** Forgets everything not pending (after rows were deleted behind the cache's back). */
  forget(): void {
    this.flush();
    this.states.clear();
  }

  private current(key: string, teamId: string, channelId: string, threadTs: string) {
    const cached = this.states.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const stored = this.rows.read(teamId, channelId, threadTs);
    this.remember(key, stored ?? ABSENT);
    return stored;
  }

  /** Map order is insertion order: re-inserting keeps the most recently used threads at the end. */
  private remember(key: string, state: NudgeThreadState | typeof ABSENT): void {
    this.states.delete(key);
    this.states.set(key, state);
    if (this.states.size <= MAX_CACHED_THREADS) return;
    for (const oldest of this.states.keys()) {
      if (this.states.size <= MAX_CACHED_THREADS) break;
      if (!this.dirty.has(oldest)) this.states.delete(oldest);
    }
  }

  private scheduleFlush(delayMs: number): void {
    if (this.flushTimer && (delayMs > 0 || this.flushSoon)) return;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushSoon = delayMs === 0;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      try {
        this.flush();
      } catch (error) {
        // Kept pending; the next save reports it (through the store's error handling) and retries.
        this.flushFailure = error;
      }
    }, delayMs);
    // Pending changes never keep the process alive: close() writes them.
    this.flushTimer.unref();
  }

  private rethrowFlushFailure(): void {
    const failure = this.flushFailure;
    if (failure === undefined) return;
    this.flushFailure = undefined;
    this.scheduleFlush(FLUSH_DELAY_MS);
    throw failure;
  }
}

function keyOf(teamId: string, channelId: string, threadTs: string): string {
  return `${teamId}\u0000${channelId}\u0000${threadTs}`;
}

/** States cross the store boundary as copies, so no caller can change what the cache holds. */
function copy(state: NudgeThreadState): NudgeThreadState {
  return {
    ...state,
    participants: [...state.participants],
    pairs: state.pairs.map((pair) => ({ ...pair })),
    nudged: [...state.nudged],
  };
}
