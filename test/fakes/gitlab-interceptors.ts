/**
 * Ways to make the fake GitLab misbehave after it did the work, as a real server can: answer an error
 * although the issue was created, answer late, or never answer (the caller dies waiting). Also a "chaos"
 * hook that decides per request, for fault-injection tests.
 */
import type { GitLabFault } from "./fake-gitlab.js";

export interface RequestMatch {
  method?: string;
  pathIncludes?: string;
}

export interface Interception {
  /** Process the request, then answer this fault instead of the real answer. */
  thenFail?: GitLabFault;
  /** Answer this many ms late. */
  delayMs?: number;
  /** Process the request and never answer. */
  hang?: boolean;
}

/** Per request: fail before doing anything, or do it and then fail (undefined: behave). */
export type ChaosDecision = { failBefore: GitLabFault } | { failAfter: GitLabFault } | undefined;
export type Chaos = (method: string, path: string) => ChaosDecision;

interface Queued {
  match: RequestMatch;
  interception: Interception;
  left: number;
}

export class Interceptors {
  private readonly queue: Queued[] = [];
  chaos: Chaos | undefined;

  add(match: RequestMatch, interception: Interception, times = 1): void {
    this.queue.push({ match, interception, left: times });
  }

  take(method: string, path: string): Interception | undefined {
    const found = this.queue.find(
      (each) =>
        each.left > 0 &&
        (!each.match.method || each.match.method.toUpperCase() === method) &&
        (!each.match.pathIncludes || path.includes(each.match.pathIncludes)),
    );
    if (!found) return undefined;
    found.left -= 1;
    return found.interception;
  }
}
