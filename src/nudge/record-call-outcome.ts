/**
 * A submitted "Record call outcome" modal becomes a note on the thread's issue. A thread without an issue
 * is exported first, by the same flow as the emoji reaction, so the outcome always has a home.
 */
import { asThreadportError, type ThreadportError } from "../errors.js";
import type { IssueTracker, ThreadNotifier } from "../export/ports.js";
import type { ThreadLink } from "../store/store.js";
import type { Log } from "../util/logger.js";
import type { SlotPerson } from "./find-call-slot.js";
import type { PeopleDirectory } from "./ports.js";
import { callOutcomeRecordedText, renderCallOutcomeNote } from "./render-call-outcome.js";

export interface CallOutcomeSubmission {
  teamId: string;
  channelId: string;
  threadTs: string;
  /** Slack user who submitted the modal. */
  recordedBy: string;
  /** Slack user ids of the people on the call. */
  participants: string[];
  at: Date;
  outcome: string;
}

export interface RecordCallOutcomeDeps {
  store: {
    getThreadLink(teamId: string, channelId: string, threadTs: string): Promise<ThreadLink | undefined>;
  };
  /**
   * Exports the thread (creating its issue) and returns its link; undefined when the export failed, in which
   * case the export has already told the person why.
   */
  exportThread(submission: CallOutcomeSubmission, log: Log): Promise<ThreadLink | undefined>;
  tracker: Pick<IssueTracker, "addNote">;
  notifier: Pick<ThreadNotifier, "replyInThread" | "tellUser">;
  people: PeopleDirectory;
  log: Log;
}

export type CallOutcomeResult =
  | { kind: "recorded"; link: ThreadLink; created: boolean }
  | { kind: "failed"; error?: ThreadportError };

export async function recordCallOutcome(
  submission: CallOutcomeSubmission,
  deps: RecordCallOutcomeDeps,
): Promise<CallOutcomeResult> {
  const { teamId, channelId, threadTs } = submission;
  const existing = await deps.store.getThreadLink(teamId, channelId, threadTs);
  const link = existing ?? (await deps.exportThread(submission, deps.log));
  if (!link) return { kind: "failed" };
  const reference = `${link.projectPath}#${link.issueIid}`;
  let recordedBy: SlotPerson | undefined;
  try {
    const people = await Promise.all(submission.participants.map((id) => deps.people.person(teamId, id)));
    recordedBy = await deps.people.person(teamId, submission.recordedBy);
    const body = renderCallOutcomeNote({
      at: submission.at,
      participants: people,
      recordedBy,
      outcome: submission.outcome,
    });
    await deps.tracker.addNote(link.projectId, link.issueIid, body);
  } catch (caught) {
    const error = asThreadportError(caught);
    deps.log.warn(
      { code: error.code, err: error.cause ?? error, reference },
      "could not record a call outcome",
    );
    await tellAboutFailure(submission, reference, error, deps);
    return { kind: "failed", error };
  }
  deps.log.info(
    { project: link.projectPath, iid: link.issueIid, created: !existing },
    "recorded a call outcome",
  );
  try {
    await deps.notifier.replyInThread(
      channelId,
      threadTs,
      callOutcomeRecordedText(recordedBy.name, link.issueUrl, reference),
    );
  } catch (caught) {
    deps.log.warn(
      { code: asThreadportError(caught).code },
      "recorded a call outcome, but could not reply in Slack",
    );
  }
  return { kind: "recorded", link, created: !existing };
}

/** Tells the person what went wrong, and gives their text back so that nothing they wrote is lost. */
async function tellAboutFailure(
  submission: CallOutcomeSubmission,
  reference: string,
  error: ThreadportError,
  deps: RecordCallOutcomeDeps,
): Promise<void> {
  const quoted = submission.outcome
    .trim()
    .split("\n")
    .map((line) => `> ${line.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}`)
    .join("\n");
  const text = `:warning: I couldn't add the call outcome to ${reference}: ${failureReason(error)}\nHere is what you wrote, to try again later:\n${quoted}`;
  try {
    await deps.notifier.tellUser(submission.channelId, submission.recordedBy, submission.threadTs, text);
  } catch (caught) {
    deps.log.error(
      { code: asThreadportError(caught).code },
      "could not tell the user that the call outcome was lost",
    );
  }
}

export function failureReason(error: ThreadportError): string {
  switch (error.code) {
    case "gitlab_unavailable":
      return "GitLab did not answer. Try again in a few minutes.";
    case "gitlab_unauthorized":
      return "GitLab rejected threadport's access token. Ask the admin to check GITLAB_TOKEN.";
    case "gitlab_forbidden":
    case "gitlab_project_not_found":
      return "threadport may no longer write to that issue (moved, deleted, or access removed). Ask the admin to check the project.";
    case "gitlab_rejected":
      return `GitLab refused the note (${error.details.detail ?? error.message}).`;
    default:
      return "something went wrong on threadport's side; the logs have the details.";
  }
}
