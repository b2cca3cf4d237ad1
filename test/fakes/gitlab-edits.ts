/**
 * Edit endpoints of the fake GitLab: PUT /projects/:id/issues/:iid (title, description) and
 * PUT /projects/:id/issues/:iid/notes/:note_id (body). Like GitLab, edited text runs quick actions too, and
 * only a note's author may edit it.
 */
import {
  FORBIDDEN,
  PROJECT_NOT_FOUND,
  type RouteRequest,
  type RouteResponse,
  UNAUTHORIZED,
  visibleIssue,
} from "./gitlab-api-common.js";
import { extractQuickActions } from "./gitlab-quick-action-parser.js";
import { applyQuickAction } from "./gitlab-quick-actions.js";
import { issueJson, noteJson } from "./gitlab-shapes.js";
import { ACCESS, type FakeProject, type GitLabState, type StoredIssue } from "./gitlab-state.js";

/** Answers an edit request, or returns undefined for any other route. */
export function routeEdits(state: GitLabState, req: RouteRequest): RouteResponse | undefined {
  const [head, id, sub, iid, leaf, noteId, ...rest] = req.segments;
  if (req.method !== "PUT" || head !== "projects" || sub !== "issues" || iid === undefined) return undefined;
  if (rest.length > 0 || (leaf !== undefined && (leaf !== "notes" || noteId === undefined))) return undefined;
  if (req.userId === undefined) return UNAUTHORIZED;
  const project = state.findProject(id ?? "");
  if (!project || !state.canRead(project, req.userId)) return PROJECT_NOT_FOUND;
  const issue = visibleIssue(state, req, project, Number(iid));
  if (!issue) return { status: 404, body: { message: "404 Issue Not Found" } };
  if (project.archived) return FORBIDDEN;
  return leaf === undefined
    ? editIssue(state, req, project, issue)
    : editNote(state, req, project, issue, Number(noteId));
}

function editIssue(state: GitLabState, req: RouteRequest, project: FakeProject, issue: StoredIssue) {
  const userId = req.userId!;
  if (issue.author_id !== userId && state.level(project, userId) < ACCESS.planner) return FORBIDDEN;
  const { title, description } = req.body;
  if (title !== undefined) {
    const text = String(title);
    if (text.trim() === "" || text.length > 255)
      return { status: 400, body: { message: { title: ["is invalid"] } } };
    issue.title = text;
  }
  if (description !== undefined) {
    const { text, actions } = extractQuickActions(String(description ?? ""));
    issue.description = text;
    runActions(state, project, issue, userId, "issue", actions);
  }
  issue.updated_at = state.now();
  return { status: 200, body: issueJson(state, project, issue, req.origin) };
}

function editNote(
  state: GitLabState,
  req: RouteRequest,
  project: FakeProject,
  issue: StoredIssue,
  noteId: number,
): RouteResponse {
  const note = state.notesOf(issue).find((each) => each.id === noteId);
  if (!note) return { status: 404, body: { message: "404 Note Not Found" } };
  if (note.author_id !== req.userId) return FORBIDDEN;
  const raw = req.body.body;
  if (raw === undefined || raw === null) return { status: 400, body: { error: "body is missing" } };
  const { text, actions } = extractQuickActions(String(raw));
  note.body = text;
  note.updated_at = state.now();
  runActions(state, project, issue, req.userId, "note", actions);
  return { status: 200, body: noteJson(state, note, req.origin) };
}

function runActions(
  state: GitLabState,
  project: FakeProject,
  issue: StoredIssue,
  userId: number,
  where: "issue" | "note",
  actions: ReturnType<typeof extractQuickActions>["actions"],
): void {
  for (const action of actions) {
    const applied = applyQuickAction({ state, project, issue, userId }, action);
    state.quickActionsRun.push({ projectId: project.id, iid: issue.iid, where, ...action, applied, userId });
  }
}
