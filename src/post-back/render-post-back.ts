/** The thread replies that tell a Slack thread what happened in its GitLab issue. */

import { escapeSlack, gitlabMarkdownToMrkdwn, shortenMrkdwn } from "./gitlab-markdown-to-mrkdwn.js";
import type { IssueChange, IssueEvent, NoteEvent, WebhookUser } from "./gitlab-webhook-event.js";

/** Comments longer than this (in mrkdwn characters) are cut, with a link to the whole comment. */
export const COMMENT_LIMIT = 1_500;

function issueReference(event: { projectPath: string; issueIid: number; issueUrl: string }): string {
  const label = `${escapeSlack(event.projectPath)}#${event.issueIid}`;
  return event.issueUrl ? `<${event.issueUrl}|${label}>` : label;
}

function person(user: WebhookUser): string {
  return `*${escapeSlack(user.name)}*`;
}

/** What may be shown of a confidential issue or internal note: that something changed, and where. */
export function renderRestricted(event: NoteEvent | IssueEvent): string {
  const url = event.kind === "note" && event.noteUrl ? event.noteUrl : event.issueUrl;
  const label = `${escapeSlack(event.projectPath)}#${event.issueIid}`;
  return `:lock: ${url ? `<${url}|${label}>` : label} was updated in GitLab.`;
}

export function renderNote(event: NoteEvent): string {
  // An edit is one line with the link: reposting the whole comment on every typo fix would drown the thread.
  // (`=== true`: jobs queued before edits were posted carry no `edited`.)
  if (event.edited === true) {
    const edited = event.noteUrl ? `<${event.noteUrl}|edited a comment>` : "edited a comment";
    return `:pencil2: ${person(event.author)} ${edited} on ${issueReference(event)}`;
  }
  const comment = event.noteUrl ? `<${event.noteUrl}|commented>` : "commented";
  const body = shortenMrkdwn(gitlabMarkdownToMrkdwn(event.body), COMMENT_LIMIT, event.noteUrl);
  const head = `:speech_balloon: ${person(event.author)} ${comment} on ${issueReference(event)}`;
  return body ? `${head}:\n${body}` : head;
}

export function renderIssueChanges(event: IssueEvent): string | undefined {
  if (event.changes.length === 0) return undefined;
  const parts = event.changes.map(describeChange);
  return `${changeEmoji(event.changes[0] as IssueChange)} ${person(event.actor)} ${parts.join("; ")} on ${issueReference(event)}`;
}

function changeEmoji(change: IssueChange): string {
  switch (change.type) {
    case "closed":
      return ":white_check_mark:";
    case "reopened":
      return ":arrows_counterclockwise:";
    case "assignees":
      return ":bust_in_silhouette:";
    case "labels":
      return ":label:";
    case "milestone":
      return ":triangular_flag_on_post:";
  }
}

function describeChange(change: IssueChange): string {
  switch (change.type) {
    case "closed":
      return "closed the issue";
    case "reopened":
      return "reopened the issue";
    case "assignees":
      return listChange(
        "assigned",
        "unassigned",
        change.added.map((u) => `@${u}`),
        change.removed.map((u) => `@${u}`),
      );
    case "labels":
      return listChange(
        "added",
        "removed",
        change.added.map((l) => `~${l}`),
        change.removed.map((l) => `~${l}`),
        (verb, items) => `${verb} ${items} ${items.includes(",") ? "labels" : "label"}`,
      );
    case "milestone":
      if (!change.set) return "removed the milestone";
      return change.title ? `set the milestone to ${escapeSlack(change.title)}` : "changed the milestone";
  }
}

function listChange(
  addVerb: string,
  removeVerb: string,
  added: string[],
  removed: string[],
  phrase: (verb: string, items: string) => string = (verb, items) => `${verb} ${items}`,
): string {
  const items = (names: string[]) => escapeSlack(names.join(", "));
  return [
    added.length > 0 ? phrase(addVerb, items(added)) : "",
    removed.length > 0 ? phrase(removeVerb, items(removed)) : "",
  ]
    .filter(Boolean)
    .join(" and ");
}
