/**
 * The parts of GitLab's "Note Hook" and "Issue Hook" webhook payloads that threadport posts back, read
 * defensively (webhook events are untrusted JSON; unknown shapes are ignored, never thrown on).
 */

export interface WebhookUser {
  name: string;
  username: string;
  id?: number;
}

/** A comment on an issue. */
export interface NoteEvent {
  kind: "note";
  projectId: number;
  projectPath: string;
  issueIid: number;
  issueTitle: string;
  issueUrl: string;
  noteId: number;
  noteUrl: string;
  body: string;
  author: WebhookUser;
  authorId?: number;
  /** The issue is confidential, or the note is internal: only "updated" with a link is posted. */
  restricted: boolean;
  /** GitLab wrote it itself (status changes, label changes) — the Issue Hook covers those. */
  system: boolean;
  /** An edit of an existing comment (action "update"), not a new one. */
  edited: boolean;
  /** The note's updated_at in epoch ms (0 when unreadable): tells one edit from the next. */
  updatedAt: number;
}

/** A change of the issue's state, assignees, labels or milestone. */
export interface IssueEvent {
  kind: "issue";
  projectId: number;
  projectPath: string;
  issueIid: number;
  issueTitle: string;
  issueUrl: string;
  actor: WebhookUser;
  /** The issue's updated_at in epoch ms: orders events of one issue. */
  updatedAt: number;
  restricted: boolean;
  changes: IssueChange[];
}

export type IssueChange =
  | { type: "closed" }
  | { type: "reopened" }
  | { type: "assignees"; added: string[]; removed: string[] }
  | { type: "labels"; added: string[]; removed: string[] }
  /** `title` only when the payload names the milestone (newer GitLab versions). */
  | { type: "milestone"; set: boolean; title?: string };

export type WebhookEvent = NoteEvent | IssueEvent;

type Json = Record<string, unknown>;

const obj = (value: unknown): Json =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
const str = (value: unknown): string => (typeof value === "string" ? value : "");
const num = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;

/** Reads a webhook body; undefined for events threadport does not post (merge requests, pushes, …). */
export function readWebhookEvent(body: unknown): WebhookEvent | undefined {
  const payload = obj(body);
  const kind = str(payload.object_kind);
  if (kind === "note") return readNote(payload);
  if (kind === "issue") return readIssue(payload);
  return undefined;
}

function readProject(payload: Json): { projectId?: number; projectPath: string } {
  const project = obj(payload.project);
  return {
    projectId: num(project.id) ?? num(payload.project_id),
    projectPath: str(project.path_with_namespace),
  };
}

function readUser(value: unknown): WebhookUser {
  const user = obj(value);
  const id = num(user.id);
  return {
    name: str(user.name) || str(user.username) || "someone",
    username: str(user.username),
    ...(id === undefined ? {} : { id }),
  };
}

function readNote(payload: Json): NoteEvent | undefined {
  const note = obj(payload.object_attributes);
  const issue = obj(payload.issue);
  if (str(note.noteable_type) !== "Issue") return undefined;
  // Since GitLab 16.11 a note event says "create" or "update" (an edit). An edit from a version that sends
  // no action reads as a creation, which the note's event key (its id) keeps from being posted twice.
  const action = str(note.action);
  if (action && action !== "create" && action !== "update") return undefined;
  const { projectId, projectPath } = readProject(payload);
  const issueIid = num(issue.iid);
  const noteId = num(note.id);
  if (projectId === undefined || issueIid === undefined || noteId === undefined) return undefined;
  const authorId = num(note.author_id);
  return {
    kind: "note",
    projectId,
    projectPath,
    issueIid,
    issueTitle: str(issue.title),
    issueUrl: str(issue.url),
    noteId,
    noteUrl: str(note.url),
    body: str(note.note),
    author: readUser(payload.user),
    ...(authorId === undefined ? {} : { authorId }),
    restricted:
      str(payload.event_type) === "confidential_note" ||
      note.internal === true ||
      note.confidential === true ||
      issue.confidential === true,
    system: note.system === true,
    edited: action === "update",
    updatedAt: parseGitLabTime(str(note.updated_at)),
  };
}

function readIssue(payload: Json): IssueEvent | undefined {
  const issue = obj(payload.object_attributes);
  const { projectId, projectPath } = readProject(payload);
  const issueIid = num(issue.iid);
  if (projectId === undefined || issueIid === undefined) return undefined;
  const changes = obj(payload.changes);
  const list: IssueChange[] = [];
  const action = str(issue.action);
  if (action === "close") list.push({ type: "closed" });
  if (action === "reopen") list.push({ type: "reopened" });
  const assignees = obj(changes.assignees);
  if (Array.isArray(assignees.current) || Array.isArray(assignees.previous)) {
    const diff = difference(names(assignees.previous, "username"), names(assignees.current, "username"));
    if (diff.added.length + diff.removed.length > 0) list.push({ type: "assignees", ...diff });
  }
  const labels = obj(changes.labels);
  if (Array.isArray(labels.current) || Array.isArray(labels.previous)) {
    const diff = difference(names(labels.previous, "title"), names(labels.current, "title"));
    if (diff.added.length + diff.removed.length > 0) list.push({ type: "labels", ...diff });
  }
  if ("milestone_id" in changes) {
    const milestone = obj(payload.milestone ?? issue.milestone);
    const current = obj(changes.milestone_id).current;
    list.push({
      type: "milestone",
      set: current !== null && current !== undefined,
      ...(str(milestone.title) ? { title: str(milestone.title) } : {}),
    });
  }
  return {
    kind: "issue",
    projectId,
    projectPath,
    issueIid,
    issueTitle: str(issue.title),
    issueUrl: str(issue.url),
    actor: readUser(payload.user),
    updatedAt: parseGitLabTime(str(issue.updated_at)),
    restricted: str(payload.event_type) === "confidential_issue" || issue.confidential === true,
    changes: list,
  };
}

function names(value: unknown, field: "username" | "title"): string[] {
  return Array.isArray(value) ? value.map((item) => str(obj(item)[field])).filter(Boolean) : [];
}

function difference(previous: string[], current: string[]): { added: string[]; removed: string[] } {
  return {
    added: current.filter((name) => !previous.includes(name)),
    removed: previous.filter((name) => !current.includes(name)),
  };
}

/** GitLab webhooks write times as "2024-03-01 10:20:30 UTC" (older) or ISO 8601; 0 when unreadable. */
export function parseGitLabTime(value: string): number {
  const iso = value.replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) UTC$/, "$1T$2Z");
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : 0;
}
