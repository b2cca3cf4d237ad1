/** Routing and read endpoints of the fake GitLab REST API v4 (writes live in gitlab-writes.ts). */
import {
  FORBIDDEN,
  PROJECT_NOT_FOUND,
  type RouteRequest,
  type RouteResponse,
  UNAUTHORIZED,
  visibleIssue,
} from "./gitlab-api-common.js";
import { routeEdits } from "./gitlab-edits.js";
import { matchesIssueSearch } from "./gitlab-issue-search.js";
import { listLabels, listProjects } from "./gitlab-search-routes.js";
import { currentUser, issueJson, noteJson, projectJson } from "./gitlab-shapes.js";
import type { FakeProject, GitLabState } from "./gitlab-state.js";
import { createIssue, createNote } from "./gitlab-writes.js";

const ROUTE_NOT_FOUND: RouteResponse = { status: 404, body: { error: "404 Not Found" } };

export function route(state: GitLabState, req: RouteRequest): RouteResponse {
  const [head, id, sub, iid, leaf, ...rest] = req.segments;
  const edited = routeEdits(state, req);
  if (edited) return edited;
  if (head === "user" && id === undefined && req.method === "GET") return getCurrentUser(state, req);
  if (head === "projects" && id === undefined && req.method === "GET") return listProjects(state, req);
  if (head !== "projects" || id === undefined || rest.length > 0) return ROUTE_NOT_FOUND;
  const key = `${req.method} ${sub ?? ""}${iid === undefined ? "" : "/:iid"}${leaf ? `/${leaf}` : ""}`;
  const handler = PROJECT_ROUTES[key];
  if (!handler) return ROUTE_NOT_FOUND;
  if (req.method !== "GET" && req.userId === undefined) return UNAUTHORIZED;
  const project = state.findProject(id);
  if (!project || !state.canRead(project, req.userId)) return PROJECT_NOT_FOUND;
  if (sub === "issues" && !project.issues_enabled) return FORBIDDEN;
  return handler(state, req, project, iid === undefined ? undefined : Number(iid));
}

type ProjectHandler = (
  state: GitLabState,
  req: RouteRequest,
  project: FakeProject,
  iid: number | undefined,
) => RouteResponse;

const PROJECT_ROUTES: Record<string, ProjectHandler> = {
  "GET ": (state, req, project) => ({
    status: 200,
    body: projectJson(state, project, req.userId, req.origin),
  }),
  "GET issues": listIssues,
  "POST issues": createIssue,
  "GET issues/:iid": (state, req, project, iid) => {
    const issue = visibleIssue(state, req, project, iid);
    if (!issue) return { status: 404, body: { message: "404 Not found" } };
    return { status: 200, body: issueJson(state, project, issue, req.origin) };
  },
  "GET issues/:iid/notes": listNotes,
  "GET labels": listLabels,
  "POST issues/:iid/notes": createNote,
};

function getCurrentUser(state: GitLabState, req: RouteRequest): RouteResponse {
  if (req.userId === undefined) return UNAUTHORIZED;
  return { status: 200, body: currentUser(state.users.get(req.userId)!, req.origin, state.now()) };
}

function listIssues(state: GitLabState, req: RouteRequest, project: FakeProject): RouteResponse {
  const q = req.query;
  const stateFilter = q.get("state");
  const search = q.get("search");
  const searchIn = (q.get("in") ?? "title,description").split(",");
  const labels = (q.get("labels") ?? "").split(",").filter(Boolean);
  const iids = [...q.getAll("iids[]"), ...q.getAll("iids")].map(Number);
  const authorId = q.get("author_id");
  const createdAfter = q.get("created_after");
  const createdBefore = q.get("created_before");
  const issues = state.issuesOf(project.id).filter((issue) => {
    if (!state.canSeeIssue(project, issue, req.userId)) return false;
    if ((stateFilter === "opened" || stateFilter === "closed") && issue.state !== stateFilter) return false;
    if (labels.some((label) => !issue.labels.includes(label))) return false;
    if (iids.length > 0 && !iids.includes(issue.iid)) return false;
    if (authorId && issue.author_id !== Number(authorId)) return false;
    if (createdAfter && Date.parse(issue.created_at) < Date.parse(createdAfter)) return false;
    if (createdBefore && Date.parse(issue.created_at) > Date.parse(createdBefore)) return false;
    return !search || matchesIssueSearch(issue, search, searchIn);
  });
  const sorted = sortBy(
    issues,
    q.get("order_by") === "updated_at" ? "updated_at" : "created_at",
    q.get("sort"),
  );
  const { items, headers } = paginate(sorted, req);
  return { status: 200, body: items.map((i) => issueJson(state, project, i, req.origin)), headers };
}

function listNotes(state: GitLabState, req: RouteRequest, project: FakeProject, iid: number | undefined) {
  const issue = visibleIssue(state, req, project, iid);
  if (!issue) return { status: 404, body: { message: "404 Issue Not Found" } };
  const visible = state.notesOf(issue).filter((n) => !n.internal || state.level(project, req.userId) >= 20);
  const sorted = sortBy(
    visible,
    req.query.get("order_by") === "updated_at" ? "updated_at" : "created_at",
    req.query.get("sort"),
  );
  const { items, headers } = paginate(sorted, req);
  return { status: 200, body: items.map((n) => noteJson(state, n, req.origin)), headers };
}

/** GitLab lists newest first unless sort=asc; ids break ties between equal timestamps. */
function sortBy<T extends { id: number; created_at: string; updated_at: string }>(
  items: T[],
  key: "created_at" | "updated_at",
  sort: string | null,
): T[] {
  const direction = sort === "asc" ? 1 : -1;
  return [...items].sort((a, b) => direction * (a[key].localeCompare(b[key]) || a.id - b.id));
}

/** Offset pagination with GitLab's x-* headers and an RFC 5988 link header. */
export function paginate<T>(all: T[], req: RouteRequest): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Math.max(Number(req.query.get("per_page")) || 20, 1), 100);
  const page = Math.max(Math.floor(Number(req.query.get("page")) || 1), 1);
  const totalPages = Math.max(Math.ceil(all.length / perPage), 1);
  const items = all.slice((page - 1) * perPage, page * perPage);
  const link = (n: number) => {
    const params = new URLSearchParams(req.query);
    params.set("page", String(n));
    params.set("per_page", String(perPage));
    return `<${req.origin}${req.rawPath}?${params.toString()}>`;
  };
  const links = [
    page > 1 ? `${link(page - 1)}; rel="prev"` : undefined,
    page < totalPages ? `${link(page + 1)}; rel="next"` : undefined,
    `${link(1)}; rel="first"`,
    `${link(totalPages)}; rel="last"`,
  ].filter(Boolean);
  return {
    items,
    headers: {
      "x-page": String(page),
      "x-per-page": String(perPage),
      "x-total": String(all.length),
      "x-total-pages": String(totalPages),
      "x-next-page": page < totalPages ? String(page + 1) : "",
      "x-prev-page": page > 1 ? String(page - 1) : "",
      link: links.join(", "),
    },
  };
}
