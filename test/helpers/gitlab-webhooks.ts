/**
 * Real-shaped GitLab webhook deliveries (Note Hook, Issue Hook) as GitLab sends them, per GitLab's
 * "Webhook events" documentation: object_kind, event_type, user, project, object_attributes, issue,
 * changes, labels, assignees; headers X-Gitlab-Event, X-Gitlab-Token and X-Gitlab-Event-UUID.
 */
import { randomUUID } from "node:crypto";

export const WEBHOOK_SECRET = "gitlab-webhook-secret-0123456789";

export interface HookUser {
  id: number;
  name: string;
  username: string;
}

export interface HookIssue {
  projectId: number;
  projectPath: string;
  iid: number;
  title: string;
  confidential?: boolean;
  gitlabUrl: string;
}

function project(issue: HookIssue) {
  const webUrl = `${issue.gitlabUrl}/${issue.projectPath}`;
  return {
    id: issue.projectId,
    name: issue.projectPath.split("/").at(-1),
    path_with_namespace: issue.projectPath,
    web_url: webUrl,
    default_branch: "main",
    visibility_level: 0,
  };
}

function issueUrl(issue: HookIssue): string {
  return `${issue.gitlabUrl}/${issue.projectPath}/-/issues/${issue.iid}`;
}

function hookUser(user: HookUser) {
  return { ...user, avatar_url: "https://www.gravatar.com/avatar/0", email: "[REDACTED]" };
}

function issueAttributes(issue: HookIssue, extra: Record<string, unknown> = {}) {
  return {
    id: 1000 + issue.iid,
    iid: issue.iid,
    project_id: issue.projectId,
    title: issue.title,
    description: "",
    confidential: issue.confidential === true,
    state: "opened",
    url: issueUrl(issue),
    created_at: "2026-11-20 09:00:00 UTC",
    updated_at: "2026-11-25 10:00:00 UTC",
    ...extra,
  };
}

export function noteHook(
  issue: HookIssue,
  note: { id: number; body: string; author: HookUser; internal?: boolean; system?: boolean },
) {
  const restricted = note.internal === true || issue.confidential === true;
  return {
    object_kind: "note",
    event_type: restricted ? "confidential_note" : "note",
    user: hookUser(note.author),
    project_id: issue.projectId,
    project: project(issue),
    object_attributes: {
      id: note.id,
      note: note.body,
      noteable_type: "Issue",
      author_id: note.author.id,
      created_at: "2026-11-25 10:00:00 UTC",
      updated_at: "2026-11-25 10:00:00 UTC",
      project_id: issue.projectId,
      system: note.system === true,
      internal: note.internal === true,
      confidential: note.internal === true,
      noteable_id: 1000 + issue.iid,
      action: "create",
      url: `${issueUrl(issue)}#note_${note.id}`,
    },
    repository: { name: issue.projectPath.split("/").at(-1) },
    issue: issueAttributes(issue),
  };
}

/** The Note Hook GitLab (16.11+) sends when that comment is edited: action "update", a later updated_at. */
export function noteEditHook(
  issue: HookIssue,
  note: Parameters<typeof noteHook>[1],
  updatedAt: string,
): ReturnType<typeof noteHook> {
  const hook = noteHook(issue, note);
  return {
    ...hook,
    object_attributes: { ...hook.object_attributes, action: "update", updated_at: updatedAt },
  };
}

export function issueHook(
  issue: HookIssue,
  change: {
    actor: HookUser;
    action: "open" | "close" | "reopen" | "update";
    updatedAt: string;
    changes?: Record<string, unknown>;
    labels?: { title: string }[];
    assignees?: HookUser[];
  },
) {
  return {
    object_kind: "issue",
    event_type: issue.confidential ? "confidential_issue" : "issue",
    user: hookUser(change.actor),
    project: project(issue),
    object_attributes: issueAttributes(issue, {
      action: change.action,
      state: change.action === "close" ? "closed" : "opened",
      updated_at: change.updatedAt,
    }),
    labels: change.labels ?? [],
    assignees: change.assignees ?? [],
    changes: change.changes ?? {},
    repository: { name: issue.projectPath.split("/").at(-1) },
  };
}

/** Delivers a webhook to the bot as GitLab does; returns the bot's status. */
export async function deliverWebhook(
  botUrl: string,
  payload: { object_kind: string },
  options: { token?: string | null; uuid?: string } = {},
): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "GitLab/18.6.0",
    "x-gitlab-event": payload.object_kind === "note" ? "Note Hook" : "Issue Hook",
    "x-gitlab-event-uuid": options.uuid ?? randomUUID(),
    "x-gitlab-instance": "https://gitlab.example.com",
  };
  const token = options.token === undefined ? WEBHOOK_SECRET : options.token;
  if (token !== null) headers["x-gitlab-token"] = token;
  const response = await fetch(`${botUrl}/gitlab/webhook`, {
    method: "POST",
    headers,
    body: JSON.stringify(payload),
  });
  return { status: response.status, body: await response.text() };
}
