/** Request/response types and answers shared by the fake GitLab's route modules. */
import type { FakeProject, GitLabState, StoredIssue } from "./gitlab-state.js";

export interface RouteRequest {
  method: string;
  /** Decoded path segments after /api/v4. */
  segments: string[];
  /** The path as sent (ids still URL-encoded), for pagination links. */
  rawPath: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
  userId: number | undefined;
  origin: string;
}

export interface RouteResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export const UNAUTHORIZED: RouteResponse = { status: 401, body: { message: "401 Unauthorized" } };
export const FORBIDDEN: RouteResponse = { status: 403, body: { message: "403 Forbidden" } };
export const PROJECT_NOT_FOUND: RouteResponse = { status: 404, body: { message: "404 Project Not Found" } };
export function visibleIssue(
  state: GitLabState,
  req: RouteRequest,
  project: FakeProject,
  iid: number | undefined,
): StoredIssue | undefined {
  const issue = iid === undefined || Number.isNaN(iid) ? undefined : state.findIssue(project.id, iid);
  return issue && state.canSeeIssue(project, issue, req.userId) ? issue : undefined;
}
