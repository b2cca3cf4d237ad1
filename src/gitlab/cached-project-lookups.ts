/**
 * An IssueTracker that remembers project lookups for a short while, so a burst of exports to one project
 * asks GitLab for it once instead of once per export. A lookup in flight is shared; a failed one is
 * forgotten at once, so a fixed token or a project just created is seen on the next try. Everything else,
 * checkCanCreateIssues included (asked right after someone may have changed the project's members), goes
 * straight through.
 */
import type {
  CreatedIssue,
  IssueTracker,
  NewIssue,
  ProjectAccess,
  TrackerIssue,
  TrackerProject,
} from "../export/ports.js";
import { LruMap } from "../util/lru-map.js";

export interface CachedProjectLookupsOptions {
  /** How long a found project is reused; default 60 s, short enough that a renamed project is seen soon. */
  ttlMs?: number;
  now?: () => number;
  /** Most projects remembered at once. */
  capacity?: number;
}

interface Entry {
  project: Promise<TrackerProject>;
  expiresAt: number;
}

export class CachedProjectLookups implements IssueTracker {
  private readonly projects: LruMap<string, Entry>;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly tracker: IssueTracker,
    options: CachedProjectLookupsOptions = {},
  ) {
    this.projects = new LruMap(options.capacity ?? 1_000);
    this.ttlMs = options.ttlMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  getProject(pathOrId: string): Promise<TrackerProject> {
    const now = this.now();
    const held = this.projects.get(pathOrId);
    if (held && held.expiresAt > now) return held.project;
    const entry: Entry = { project: this.tracker.getProject(pathOrId), expiresAt: now + this.ttlMs };
    this.projects.set(pathOrId, entry);
    entry.project.catch(() => {
      if (this.projects.get(pathOrId) === entry) this.projects.delete(pathOrId);
    });
    return entry.project;
  }

  createIssue(projectId: number, issue: NewIssue): Promise<CreatedIssue> {
    return this.tracker.createIssue(projectId, issue);
  }

  addNote(projectId: number, issueIid: number, body: string): Promise<{ id: number }> {
    return this.tracker.addNote(projectId, issueIid, body);
  }

  searchProjects(search: string, limit: number): Promise<TrackerProject[]> {
    return this.tracker.searchProjects(search, limit);
  }

  searchOpenIssues(project: string | number, search: string, limit: number): Promise<TrackerIssue[]> {
    return this.tracker.searchOpenIssues(project, search, limit);
  }

  searchLabels(project: string | number, search: string, limit: number): Promise<string[]> {
    return this.tracker.searchLabels(project, search, limit);
  }

  getIssue(project: string | number, iid: number): Promise<TrackerIssue> {
    return this.tracker.getIssue(project, iid);
  }

  checkCanCreateIssues(pathOrId: string): Promise<ProjectAccess> {
    return this.tracker.checkCanCreateIssues(pathOrId);
  }
}
