/**
 * Search endpoints of the fake GitLab: GET /projects (membership, min_access_level, search, simple, paging)
 * and GET /projects/:id/labels (search, paging), in GitLab's shapes.
 */
import type { RouteRequest, RouteResponse } from "./gitlab-api-common.js";
import { paginate } from "./gitlab-routes.js";
import { projectJson } from "./gitlab-shapes.js";
import type { FakeProject, GitLabState } from "./gitlab-state.js";

/** The fields GitLab keeps with `simple=true`. */
const SIMPLE_FIELDS = [
  "id",
  "description",
  "name",
  "name_with_namespace",
  "path",
  "path_with_namespace",
  "created_at",
  "default_branch",
  "tag_list",
  "topics",
  "ssh_url_to_repo",
  "http_url_to_repo",
  "web_url",
  "readme_url",
  "forks_count",
  "avatar_url",
  "star_count",
  "last_activity_at",
  "namespace",
];

export function listProjects(state: GitLabState, req: RouteRequest): RouteResponse {
  const q = req.query;
  const membership = q.get("membership") === "true";
  if (membership && req.userId === undefined) return { status: 200, body: [], headers: {} };
  const minLevel = Number(q.get("min_access_level") ?? "0");
  const search = q.get("search")?.toLowerCase();
  const projects = [...state.projects.values()].filter((project) => {
    if (!state.canRead(project, req.userId)) return false;
    const level = state.level(project, req.userId);
    if (membership && level === 0) return false;
    if (minLevel > 0 && level < minLevel) return false;
    if (q.get("archived") === "false" && project.archived) return false;
    if (q.get("archived") === "true" && !project.archived) return false;
    if (q.get("with_issues_enabled") === "true" && !project.issues_enabled) return false;
    if (!search) return true;
    const name = project.path_with_namespace.split("/").at(-1)!.toLowerCase();
    // GitLab matches the name and path; the namespace too when search_namespaces=true.
    const haystack = q.get("search_namespaces") === "true" ? project.path_with_namespace.toLowerCase() : name;
    return haystack.includes(search);
  });
  // Newest first by default, like GitLab; ids break ties.
  const direction = q.get("sort") === "asc" ? 1 : -1;
  projects.sort((a, b) => direction * (a.created_at.localeCompare(b.created_at) || a.id - b.id));
  const { items, headers } = paginate(projects, req);
  const simple = q.get("simple") === "true";
  const body = items.map((project) => {
    const full = projectJson(state, project, req.userId, req.origin);
    return simple ? Object.fromEntries(SIMPLE_FIELDS.map((key) => [key, full[key]])) : full;
  });
  return { status: 200, body, headers };
}

const COLORS = ["#dc143c", "#009966", "#6699cc", "#8fbc8f", "#ed9121", "#9400d3"];

export function listLabels(state: GitLabState, req: RouteRequest, project: FakeProject): RouteResponse {
  const search = req.query.get("search")?.toLowerCase();
  const names = [...project.labels].sort((a, b) => a.localeCompare(b));
  const matching = names.filter((name) => !search || name.toLowerCase().includes(search));
  const { items, headers } = paginate(matching, req);
  const body = items.map((name) => {
    const index = names.indexOf(name);
    const label: Record<string, unknown> = {
      id: project.id * 1000 + index,
      name,
      description: null,
      description_html: "",
      text_color: "#FFFFFF",
      color: COLORS[index % COLORS.length],
      subscribed: false,
      priority: null,
      is_project_label: true,
    };
    if (req.query.get("with_counts") === "true") {
      const issues = state.issuesOf(project.id).filter((i) => i.labels.includes(name));
      label.open_issues_count = issues.filter((i) => i.state === "opened").length;
      label.closed_issues_count = issues.filter((i) => i.state === "closed").length;
      label.open_merge_requests_count = 0;
    }
    return label;
  });
  return { status: 200, body, headers };
}
