/** Decides whether exports may go to a project: allowed namespace, exists, and threadport may file issues. */
import { asThreadportError } from "../errors.js";
import type { IssueTracker, TrackerProject } from "../export/ports.js";
import { isInAllowedNamespace } from "./parse-project-reference.js";

export type ProjectProblem =
  | "not_allowed"
  | "not_found"
  | "archived"
  | "issues_disabled"
  | "access_level"
  | "unauthorized"
  | "unavailable";

export type ProjectCheck = { ok: true; project: TrackerProject } | { ok: false; problem: ProjectProblem };

export interface ProjectCheckDeps {
  tracker: Pick<IssueTracker, "checkCanCreateIssues">;
  allowedNamespaces: readonly string[];
}

export async function checkProject(pathOrId: string, deps: ProjectCheckDeps): Promise<ProjectCheck> {
  // Refuse a path outside the namespaces before asking GitLab, so its existence is not revealed either.
  const isPath = !/^\d+$/.test(pathOrId);
  if (isPath && !isInAllowedNamespace(pathOrId, deps.allowedNamespaces))
    return { ok: false, problem: "not_allowed" };
  try {
    const access = await deps.tracker.checkCanCreateIssues(pathOrId);
    if (!isInAllowedNamespace(access.project.pathWithNamespace, deps.allowedNamespaces)) {
      return { ok: false, problem: "not_allowed" };
    }
    if (!access.canCreateIssues) return { ok: false, problem: access.reason };
    return { ok: true, project: access.project };
  } catch (caught) {
    const error = asThreadportError(caught);
    if (error.code === "gitlab_project_not_found" || error.code === "gitlab_forbidden")
      return { ok: false, problem: "not_found" };
    if (error.code === "gitlab_unauthorized") return { ok: false, problem: "unauthorized" };
    return { ok: false, problem: "unavailable" };
  }
}

/** One sentence for the person: what is wrong with the project and what to do. */
export function describeProjectProblem(
  problem: ProjectProblem,
  project: string,
  allowed: readonly string[],
): string {
  const name = `\`${project}\``;
  switch (problem) {
    case "not_allowed":
      return `${name} is outside the GitLab namespaces threadport may use (${allowed.map((n) => `\`${n}\``).join(", ")}). Choose a project in one of them.`;
    case "not_found":
      return `GitLab has no project ${name}, or threadport's GitLab account cannot see it. Check the path (group/project) and that the account is a member.`;
    case "archived":
      return `${name} is archived, so no issues can be filed there. Choose another project.`;
    case "issues_disabled":
      return `${name} has issues turned off. Turn them on in the project's settings, or choose another project.`;
    case "access_level":
      return `threadport's GitLab account may not file issues in ${name}: give it at least the Reporter role there, or choose another project.`;
    case "unauthorized":
      return "GitLab rejected threadport's access token. Ask your threadport admin to check GITLAB_TOKEN.";
    case "unavailable":
      return "GitLab did not answer in time. Try again in a moment.";
  }
}
