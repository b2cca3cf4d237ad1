/** Maps GitLab REST responses (snake_case, as gitbeaker returns them) to the tracker's domain types. */
import type { ProjectAccess, TrackerIssue, TrackerProject } from "../export/ports.js";

interface ProjectLike {
  id: number;
  path_with_namespace: string;
  web_url: string;
  archived?: boolean;
  issues_enabled?: boolean;
  issues_access_level?: string;
  permissions?: {
    project_access?: { access_level?: number } | null;
    group_access?: { access_level?: number } | null;
  };
}

interface IssueLike {
  project_id: number;
  iid: number;
  title: string;
  web_url: string;
  state: string;
  labels?: unknown[];
  assignees?: { name?: string; username?: string }[] | null;
  confidential?: boolean;
  references?: { full?: string } | null;
}

export function toTrackerProject(project: ProjectLike): TrackerProject {
  return { id: project.id, pathWithNamespace: project.path_with_namespace, webUrl: project.web_url };
}

export function toTrackerIssue(issue: IssueLike): TrackerIssue {
  return {
    projectId: issue.project_id,
    iid: issue.iid,
    title: issue.title,
    webUrl: issue.web_url,
    reference: issue.references?.full ?? `#${issue.iid}`,
    state: issue.state,
    // With `with_labels_details` GitLab sends objects instead of names.
    labels: (issue.labels ?? []).map((label) =>
      typeof label === "string" ? label : String((label as { name?: unknown }).name ?? ""),
    ),
    assignees: (issue.assignees ?? []).map((a) => a.name || a.username || "someone"),
    confidential: issue.confidential === true,
  };
}

/** Reads archived, issues and the token's role (direct or through a group) from GET /projects/:id. */
export function projectAccessOf(project: ProjectLike, minimumLevel: number): ProjectAccess {
  const tracked = toTrackerProject(project);
  if (project.archived) return { project: tracked, canCreateIssues: false, reason: "archived" };
  const issuesOff = project.issues_enabled === false || project.issues_access_level === "disabled";
  if (issuesOff) return { project: tracked, canCreateIssues: false, reason: "issues_disabled" };
  const level = Math.max(
    project.permissions?.project_access?.access_level ?? 0,
    project.permissions?.group_access?.access_level ?? 0,
  );
  if (level < minimumLevel) return { project: tracked, canCreateIssues: false, reason: "access_level" };
  return { project: tracked, canCreateIssues: true };
}
