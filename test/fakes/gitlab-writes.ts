/** POST endpoints of the fake GitLab: create an issue, create a note; both run quick actions like GitLab. */
import { FORBIDDEN, type RouteRequest, type RouteResponse, visibleIssue } from "./gitlab-api-common.js";
import { extractQuickActions } from "./gitlab-quick-action-parser.js";
import { applyQuickAction, type QuickAction } from "./gitlab-quick-actions.js";
import { findReferences } from "./gitlab-references.js";
import { issueJson, noteJson } from "./gitlab-shapes.js";
import { ACCESS, type FakeProject, type GitLabState, type StoredIssue } from "./gitlab-state.js";

const MAX_TITLE = 255;
const MAX_DESCRIPTION = 1_048_576;
const MAX_NOTE = 1_000_000;

export function createIssue(state: GitLabState, req: RouteRequest, project: FakeProject): RouteResponse {
  if (project.archived) return FORBIDDEN;
  const userId = req.userId!;
  const { title, description: rawDescription } = req.body;
  if (title === undefined || title === null) return { status: 400, body: { error: "title is missing" } };
  const titleText = String(title);
  const extracted = rawDescription == null ? undefined : extractQuickActions(String(rawDescription));
  const description = extracted?.text ?? null;
  const errors: Record<string, string[]> = {};
  if (titleText.trim() === "") errors.title = ["can't be blank"];
  else if (titleText.length > MAX_TITLE) errors.title = [`is too long (maximum is ${MAX_TITLE} characters)`];
  if (description && description.length > MAX_DESCRIPTION) {
    errors.description = [`is too long (maximum is ${MAX_DESCRIPTION} characters)`];
  }
  if (Object.keys(errors).length > 0) return { status: 400, body: { message: errors } };

  const issue = state.createIssue(project, { title: titleText, description, author_id: userId });
  issue.confidential = truthy(req.body.confidential);
  // Like GitLab's filter_params: only Planner+ may set labels, assignees and due dates on create.
  if (state.level(project, userId) >= ACCESS.planner) setMetadata(state, project, issue, req.body);
  runActions(state, project, issue, userId, "issue", extracted?.actions ?? []);
  recordMentions(state, project, issue, "issue", `${issue.title}\n${issue.description ?? ""}`, req.origin);
  return { status: 201, body: issueJson(state, project, issue, req.origin) };
}

export function createNote(
  state: GitLabState,
  req: RouteRequest,
  project: FakeProject,
  iid: number | undefined,
): RouteResponse {
  const issue = visibleIssue(state, req, project, iid);
  if (!issue) return { status: 404, body: { message: "404 Issue Not Found" } };
  const userId = req.userId!;
  if (project.archived) return FORBIDDEN;
  if (issue.discussion_locked && state.level(project, userId) < ACCESS.reporter) return FORBIDDEN;
  const raw = req.body.body;
  if (raw === undefined || raw === null) return { status: 400, body: { error: "body is missing" } };
  const { text, actions } = extractQuickActions(String(raw));
  if (text.length > MAX_NOTE) return noteInvalid(`is too long (maximum is ${MAX_NOTE} characters)`);
  if (text.trim() === "" && actions.length === 0) return noteInvalid("can't be blank");

  const applied = runActions(state, project, issue, userId, "note", actions);
  // A note that held only quick actions is not saved; GitLab answers 202 with what changed.
  if (text.trim() === "") {
    return { status: 202, body: { commands_changes: commandsChanges(applied), summary: summary(applied) } };
  }
  const note = state.createNote(issue, text, userId, truthy(req.body.internal));
  recordMentions(state, project, issue, "note", text, req.origin);
  return { status: 201, body: noteJson(state, note, req.origin) };
}

function noteInvalid(problem: string): RouteResponse {
  return { status: 400, body: { message: `Note {:note=>["${problem}"]}` } };
}

function truthy(value: unknown): boolean {
  return value === true || value === "true" || value === 1 || value === "1";
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "string") return value.split(",");
  return [];
}

function setMetadata(
  state: GitLabState,
  project: FakeProject,
  issue: StoredIssue,
  body: Record<string, unknown>,
) {
  const labels = list(body.labels)
    .map((l) => l.trim())
    .filter(Boolean);
  for (const label of labels) project.labels.add(label);
  issue.labels = [...new Set(labels)];
  const assignees = [...list(body.assignee_ids), ...list(body.assignee_id)].map(Number);
  issue.assignee_ids = [...new Set(assignees.filter((id) => state.users.has(id)))];
  if (typeof body.due_date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(body.due_date))
    issue.due_date = body.due_date;
}

function runActions(
  state: GitLabState,
  project: FakeProject,
  issue: StoredIssue,
  userId: number,
  where: "issue" | "note",
  actions: QuickAction[],
): QuickAction[] {
  const applied: QuickAction[] = [];
  for (const action of actions) {
    const done = applyQuickAction({ state, project, issue, userId }, action);
    state.quickActionsRun.push({
      projectId: project.id,
      iid: issue.iid,
      where,
      ...action,
      applied: done,
      userId,
    });
    if (done) applied.push(action);
  }
  if (applied.length > 0) issue.updated_at = state.now();
  return applied;
}

function recordMentions(
  state: GitLabState,
  project: FakeProject,
  issue: StoredIssue,
  where: "issue" | "note",
  text: string,
  origin: string,
): void {
  for (const found of findReferences(state, project, text, origin)) {
    state.mentions.push({ projectId: project.id, iid: issue.iid, where, ...found });
  }
}

function commandsChanges(applied: QuickAction[]): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const { command, arg } of applied) {
    if (command === "close" || command === "reopen") changes.state_event = command;
    else if (command === "confidential") changes.confidential = true;
    else if (command === "title") changes.title = arg;
    else changes[command] = arg ?? true;
  }
  return changes;
}

function summary(applied: QuickAction[]): string[] {
  const sentences: Record<string, string> = {
    close: "Closed this issue.",
    reopen: "Reopened this issue.",
    confidential: "Made this issue confidential.",
  };
  const text = applied.map((a) => sentences[a.command] ?? `Applied /${a.command}.`).join(" ");
  return text ? [text] : [];
}
