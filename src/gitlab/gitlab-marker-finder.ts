/**
 * Finds what threadport wrote to GitLab by the hidden markers in it, so that a retried export adopts the
 * issue or note an interrupted attempt created instead of writing a second one.
 *
 * GitLab's issue `search` cannot be used for this: for Latin text it is a PostgreSQL full-text search
 * (english dictionary), whose parser reads `<!-- … -->` as one "tag" token and indexes nothing of it. So the
 * finder lists the issues threadport's own user created since a given time and reads their descriptions.
 */
import { GitbeakerRequestError } from "@gitbeaker/requester-utils";
import { Gitlab } from "@gitbeaker/rest";
import {
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  type RetryPolicy,
  retryWithBackoff,
} from "../util/retry-with-backoff.js";
import { toThreadportError } from "./gitlab-tracker.js";
import { createSingleAttemptRequester } from "./single-attempt-requester.js";

export interface FoundIssue {
  projectId: number;
  iid: number;
  title: string;
  description: string;
  webUrl: string;
  reference: string;
}

export interface FoundNote {
  id: number;
  body: string;
}

/** What the exactly-once wrapper needs from GitLab (src/jobs/exactly-once-tracker.ts). */
export interface MarkerFinder {
  /** The newest issue threadport's user created in the project since `createdAfter` whose text has `marker`. */
  findIssue(projectId: number, marker: string, createdAfter: Date): Promise<FoundIssue | undefined>;
  updateIssue(projectId: number, iid: number, fields: { title: string; description: string }): Promise<void>;
  /** A note of the issue by threadport's user whose body has `marker` (newest notes are searched first). */
  findNote(projectId: number, iid: number, marker: string): Promise<FoundNote | undefined>;
  updateNote(projectId: number, iid: number, noteId: number, body: string): Promise<void>;
}

export interface GitLabMarkerFinderOptions {
  host: string;
  token: string;
  retryPolicy?: RetryPolicy;
  timeoutMs?: number;
  /** The fetch used for every request; a metered one records latency and 429s. */
  fetch?: typeof fetch;
  /** Pages of 100 read at most per lookup; more than that many issues created since is not expected. */
  maxPages?: number;
}

const RETRIED = new Set([429, 500, 502, 503, 504]);

export class GitLabMarkerFinder implements MarkerFinder {
  private readonly api: InstanceType<typeof Gitlab<false>>;
  private userId: Promise<number> | undefined;

  constructor(private readonly options: GitLabMarkerFinderOptions) {
    this.api = new Gitlab({
      host: options.host,
      token: options.token,
      queryTimeout: options.timeoutMs ?? 20_000,
      requesterFn: createSingleAttemptRequester(options.fetch),
    });
  }

  async findIssue(projectId: number, marker: string, createdAfter: Date): Promise<FoundIssue | undefined> {
    const authorId = await this.currentUserId();
    const issues = await this.call(String(projectId), () =>
      this.api.Issues.all({
        projectId,
        authorId,
        createdAfter: createdAfter.toISOString(),
        orderBy: "created_at",
        sort: "desc",
        perPage: 100,
        maxPages: this.options.maxPages ?? 10,
      }),
    );
    const issue = issues.find((each) => (each.description ?? "").includes(marker));
    if (!issue) return undefined;
    return {
      projectId: issue.project_id,
      iid: issue.iid,
      title: issue.title,
      description: issue.description ?? "",
      webUrl: issue.web_url,
      reference: issue.references?.full ?? `#${issue.iid}`,
    };
  }

  async updateIssue(projectId: number, iid: number, fields: { title: string; description: string }) {
    await this.call(String(projectId), () => this.api.Issues.edit(projectId, iid, fields));
  }

  async findNote(projectId: number, iid: number, marker: string): Promise<FoundNote | undefined> {
    const authorId = await this.currentUserId();
    const notes = await this.call(String(projectId), () =>
      this.api.IssueNotes.all(projectId, iid, {
        sort: "desc",
        orderBy: "created_at",
        perPage: 100,
        maxPages: 3,
      }),
    );
    const note = notes.find((each) => each.author?.id === authorId && each.body.includes(marker));
    return note && { id: note.id, body: note.body };
  }

  async updateNote(projectId: number, iid: number, noteId: number, body: string): Promise<void> {
    await this.call(String(projectId), () => this.api.IssueNotes.edit(projectId, iid, noteId, { body }));
  }

  /** The id of threadport's own GitLab user (the token's user); cached once known. */
  ownUserId(): Promise<number> {
    return this.currentUserId();
  }

  private currentUserId(): Promise<number> {
    this.userId ??= this.call("", () => this.api.Users.showCurrentUser()).then((user) => user.id);
    // A failed look-up is not cached: the next export asks again.
    this.userId.catch(() => {
      this.userId = undefined;
    });
    return this.userId;
  }

  /** Reads and edits are safe to repeat, so 429, 5xx and network errors are retried (honouring Retry-After). */
  private async call<T>(project: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await retryWithBackoff(
        operation,
        (error) => {
          if (!(error instanceof GitbeakerRequestError)) return { retry: error instanceof TypeError };
          const status = error.cause?.response.status;
          const retryAfterMs = parseRetryAfter(error.cause?.response.headers.get("retry-after"));
          return { retry: status !== undefined && RETRIED.has(status), retryAfterMs };
        },
        this.options.retryPolicy ?? DEFAULT_RETRY_POLICY,
      );
    } catch (error) {
      throw toThreadportError(error, project, this.options.host);
    }
  }
}
