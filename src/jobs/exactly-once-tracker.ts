/**
 * Wraps the issue tracker for one attempt of one job so that an export writes each issue and note once,
 * even when an earlier attempt died after GitLab wrote it but before the store recorded it.
 *
 * - A new issue carries the thread's hidden marker (render-issue.ts). Before creating one, the issues
 *   threadport created recently are searched for that marker; a match is adopted (and brought up to date
 *   with what this attempt would have written, so no message goes missing) instead of filing a second one.
 *   When the person asked for a new issue on purpose, only an issue carrying this job's own marker counts.
 * - Every note gets a marker naming the job and its position in the attempt; a retried attempt adopts the
 *   note an earlier attempt wrote at the same position.
 */
import type { CreatedIssue, IssueTracker, NewIssue } from "../export/ports.js";
import type { MarkerFinder } from "../gitlab/gitlab-marker-finder.js";
import type { Log } from "../util/logger.js";

const THREAD_MARKER = /<!-- threadport:thread [^\s>]+ -->/;
/** GitLab's clock may run behind ours. */
const CLOCK_SKEW_MS = 5 * 60_000;
/**
 * How far back an issue with the thread's marker is adopted: covers another job of the same thread that
 * died before recording its issue. Older issues are not looked at (the store has their links).
 */
const THREAD_WINDOW_MS = 60 * 60_000;

export interface ExactlyOnceOptions {
  finder: MarkerFinder;
  jobId: string;
  /** Epoch ms when the job was enqueued; bounds the look-up. */
  jobCreatedAt: number;
  /** The person asked for a new issue even if the thread has one: only this job's own issue is adopted. */
  onlyThisJob: boolean;
  /** A previous attempt of this job may have written something (any attempt after the first). */
  retried: boolean;
  log: Log;
}

/** The job's marker, hidden in what it writes; `part` tells apart the notes of one attempt. */
export function jobMarker(jobId: string, part?: number): string {
  return `<!-- threadport:job ${jobId}${part === undefined ? "" : ` note ${part}`} -->`;
}

export function exactlyOnceTracker<T extends IssueTracker>(tracker: T, options: ExactlyOnceOptions): T {
  const { finder, log } = options;
  let notesWritten = 0;

  async function createIssue(projectId: number, issue: NewIssue): Promise<CreatedIssue> {
    const threadMarker = THREAD_MARKER.exec(issue.description)?.[0];
    const own = options.onlyThisJob || !threadMarker;
    const description = own ? `${issue.description}\n${jobMarker(options.jobId)}` : issue.description;
    const marker = own ? jobMarker(options.jobId) : threadMarker;
    if (marker && (!own || options.retried)) {
      const since = options.jobCreatedAt - (own ? CLOCK_SKEW_MS : THREAD_WINDOW_MS);
      const found = await finder.findIssue(projectId, marker, new Date(since));
      if (found) {
        if (found.title !== issue.title || found.description !== description) {
          await finder.updateIssue(projectId, found.iid, { title: issue.title, description });
        }
        log.warn({ project: projectId, iid: found.iid }, "adopted the issue an interrupted attempt created");
        const { iid, webUrl, reference } = found;
        return { projectId: found.projectId, iid, title: issue.title, webUrl, reference };
      }
    }
    return tracker.createIssue(projectId, { ...issue, description });
  }

  async function addNote(projectId: number, issueIid: number, body: string): Promise<{ id: number }> {
    notesWritten += 1;
    const marker = jobMarker(options.jobId, notesWritten);
    const full = `${body}\n\n${marker}`;
    if (options.retried) {
      const found = await finder.findNote(projectId, issueIid, marker);
      if (found) {
        if (found.body !== full) await finder.updateNote(projectId, issueIid, found.id, full);
        log.warn(
          { project: projectId, iid: issueIid, note: found.id },
          "adopted the note an interrupted attempt wrote",
        );
        return { id: found.id };
      }
    }
    return tracker.addNote(projectId, issueIid, full);
  }

  return new Proxy(tracker, {
    get(target, property) {
      if (property === "createIssue") return createIssue;
      if (property === "addNote") return addNote;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
