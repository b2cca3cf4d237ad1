/** The GitLab side of an export, over @gitbeaker/rest with threadport's own retry policy. */
import { GitbeakerRequestError, GitbeakerTimeoutError } from "@gitbeaker/requester-utils";
import { Gitlab } from "@gitbeaker/rest";
import { ThreadportError } from "../errors.js";
import type {
  CreatedIssue,
  IssueTracker,
  NewIssue,
  ProjectAccess,
  TrackerIssue,
  TrackerProject,
} from "../export/ports.js";
import {
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  type RetryPolicy,
  retryWithBackoff,
} from "../util/retry-with-backoff.js";
import { projectAccessOf, toTrackerIssue, toTrackerProject } from "./gitlab-read-shapes.js";
import { createSingleAttemptRequester } from "./single-attempt-requester.js";

export interface GitLabTrackerOptions {
  host: string;
  token: string;
  retryPolicy?: RetryPolicy;
  /** Per-request timeout; gitbeaker's default is 300 s, far longer than anyone waits for a reply. */
  timeoutMs?: number;
  /** The fetch used for every request; a metered one records latency and 429s. */
  fetch?: typeof fetch;
}

const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504]);
/** The role threadport asks for: it can file issues, set labels and see confidential issues. */
const REPORTER = 20;

/** Asks for a single page (gitbeaker otherwise follows every `next` link). */
function onePage(limit: number): { pagination: "offset"; page: number; perPage: number } {
  return { pagination: "offset", page: 1, perPage: Math.min(Math.max(Math.floor(limit), 1), 100) };
}

export class GitLabTracker implements IssueTracker {
  private readonly api: InstanceType<typeof Gitlab<false>>;
  private readonly retryPolicy: RetryPolicy;

  constructor(private readonly options: GitLabTrackerOptions) {
    this.api = new Gitlab({
      host: options.host,
      token: options.token,
      queryTimeout: options.timeoutMs ?? 20_000,
      requesterFn: createSingleAttemptRequester(options.fetch),
    });
    this.retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  }

  async getProject(pathOrId: string): Promise<TrackerProject> {
    const project = await this.call(() => this.api.Projects.show(pathOrId), pathOrId);
    return { id: project.id, pathWithNamespace: project.path_with_namespace, webUrl: project.web_url };
  }

  async createIssue(projectId: number, issue: NewIssue): Promise<CreatedIssue> {
    // Not retried on ambiguous failures (timeouts, 5xx after the request was sent): GitLab may have created
    // the issue already, and a second attempt would file a duplicate.
    const created = await this.call(
      () =>
        this.api.Issues.create(projectId, issue.title, {
          description: issue.description,
          confidential: issue.confidential,
          ...(issue.labels?.length ? { labels: issue.labels.join(",") } : {}),
        }),
      String(projectId),
      { retryOnlyUnprocessed: true },
    );
    return {
      projectId: created.project_id,
      iid: created.iid,
      title: created.title,
      webUrl: created.web_url,
      reference: created.references?.full ?? `#${created.iid}`,
    };
  }

  async addNote(projectId: number, issueIid: number, body: string): Promise<{ id: number }> {
    const note = await this.call(
      () => this.api.IssueNotes.create(projectId, issueIid, body),
      String(projectId),
      {
        retryOnlyUnprocessed: true,
      },
    );
    return { id: note.id };
  }

  async searchProjects(search: string, limit: number): Promise<TrackerProject[]> {
    const projects = await this.call(
      () =>
        this.api.Projects.all({
          membership: true,
          minAccessLevel: REPORTER,
          withIssuesEnabled: true,
          archived: false,
          simple: true,
          orderBy: "last_activity_at",
          // Also match the group path, so "acme/we" finds acme/web.
          ...(search.trim() ? { search: search.trim(), searchNamespaces: true } : {}),
          ...onePage(limit),
        }),
      "(project search)",
    );
    return projects.slice(0, limit).map(toTrackerProject);
  }

  async searchOpenIssues(project: string | number, search: string, limit: number): Promise<TrackerIssue[]> {
    const text = search.trim().replace(/^#(?=\d+$)/, "");
    const filter = /^\d+$/.test(text) ? { iids: [Number(text)] } : text ? { search: text } : {};
    const issues = await this.call(
      () =>
        this.api.Issues.all({
          projectId: project,
          state: "opened",
          orderBy: "updated_at",
          ...filter,
          ...onePage(limit),
        }),
      String(project),
    );
    return issues.slice(0, limit).map(toTrackerIssue);
  }

  async searchLabels(project: string | number, search: string, limit: number): Promise<string[]> {
    const labels = await this.call(
      () =>
        this.api.ProjectLabels.all(project, {
          includeAncestorGroups: true,
          ...(search.trim() ? { search: search.trim() } : {}),
          ...onePage(limit),
        }),
      String(project),
    );
    return labels.slice(0, limit).map((label) => label.name);
  }

  async getIssue(project: string | number, iid: number): Promise<TrackerIssue> {
    const issue = await this.call(() => this.api.Issues.show(iid, { projectId: project }), String(project));
    return toTrackerIssue(issue);
  }

  async checkCanCreateIssues(pathOrId: string): Promise<ProjectAccess> {
    const project = await this.call(() => this.api.Projects.show(pathOrId), pathOrId);
    return projectAccessOf(project, REPORTER);
  }

  private async call<T>(
    operation: () => Promise<T>,
    project: string,
    opts = { retryOnlyUnprocessed: false },
  ): Promise<T> {
    try {
      return await retryWithBackoff(
        operation,
        (error) => {
          const status = statusOf(error);
          // 429 means GitLab refused before doing anything, so it is safe to repeat even a create.
          if (status === 429) return { retry: true, retryAfterMs: retryAfterOf(error) };
          if (opts.retryOnlyUnprocessed) return { retry: false };
          if (status !== undefined && RETRIED_STATUSES.has(status))
            return { retry: true, retryAfterMs: retryAfterOf(error) };
          return {
            retry: status === undefined && !(error instanceof GitbeakerTimeoutError) && isNetworkError(error),
          };
        },
        this.retryPolicy,
      );
    } catch (error) {
      throw toThreadportError(error, project, this.options.host);
    }
  }
}

function statusOf(error: unknown): number | undefined {
  return error instanceof GitbeakerRequestError ? error.cause?.response.status : undefined;
}

function retryAfterOf(error: unknown): number | undefined {
  return error instanceof GitbeakerRequestError
    ? parseRetryAfter(error.cause?.response.headers.get("retry-after"))
    : undefined;
}

function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError; // fetch rejects with TypeError("fetch failed") on connection errors
}

/** Maps GitLab failures to coded errors that say what the admin or user can do. */
export function toThreadportError(error: unknown, project: string, host: string): ThreadportError {
  const status = statusOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  // retryAfterMs lets a job retried later (src/jobs/) wait as long as GitLab asked, beyond this call's own retries.
  const details = { project, host, status, detail, retryAfterMs: retryAfterOf(error) };
  switch (status) {
    case 401:
      return new ThreadportError("gitlab_unauthorized", "GitLab rejected the token", details, {
        cause: error,
      });
    case 403:
      return new ThreadportError(
        "gitlab_forbidden",
        "The GitLab token may not do this in the project",
        details,
        {
          cause: error,
        },
      );
    case 404:
      return new ThreadportError("gitlab_project_not_found", "GitLab project or issue not found", details, {
        cause: error,
      });
    case 400:
    case 409:
    case 422:
      return new ThreadportError("gitlab_rejected", `GitLab refused the request: ${detail}`, details, {
        cause: error,
      });
    default:
      return new ThreadportError("gitlab_unavailable", `GitLab did not answer properly: ${detail}`, details, {
        cause: error,
      });
  }
}
