/** In-memory data behind the fake GitLab: users, tokens, projects, issues, notes and what happened to them. */

export const ACCESS = {
  minimal: 5,
  guest: 10,
  planner: 15,
  reporter: 20,
  developer: 30,
  maintainer: 40,
  owner: 50,
};

export type Visibility = "private" | "internal" | "public";

export interface FakeGitLabUser {
  id: number;
  username: string;
  name: string;
}

export interface FakeProjectInput {
  id: number;
  path_with_namespace: string;
  /** Default "private". */
  visibility?: Visibility;
  archived?: boolean;
  /** GitLab access level per user id: 10 Guest, 15 Planner, 20 Reporter, 30 Developer, 40 Maintainer, 50 Owner. */
  members?: Record<number, number>;
  /** Existing project labels; /label only applies these (the API's `labels` creates missing ones). */
  labels?: string[];
  /** Default true; false makes issue routes answer 403. */
  issues_enabled?: boolean;
}

export interface FakeProject {
  id: number;
  path_with_namespace: string;
  visibility: Visibility;
  archived: boolean;
  members: Map<number, number>;
  labels: Set<string>;
  issues_enabled: boolean;
  created_at: string;
  nextIid: number;
}

export interface StoredIssue {
  id: number;
  iid: number;
  project_id: number;
  title: string;
  description: string | null;
  state: "opened" | "closed";
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by_id: number | null;
  labels: string[];
  confidential: boolean;
  discussion_locked: boolean;
  author_id: number;
  assignee_ids: number[];
  due_date: string | null;
  user_notes_count: number;
}

export interface StoredNote {
  id: number;
  body: string;
  author_id: number;
  created_at: string;
  updated_at: string;
  project_id: number;
  noteable_id: number;
  noteable_iid: number;
  internal: boolean;
}

/** A quick action GitLab would have found, run (applied) or not, and removed from the stored text. */
export interface QuickActionRecord {
  projectId: number;
  iid: number;
  where: "issue" | "note";
  command: string;
  arg?: string;
  /** True when the fake changed the issue because of it (permissions and emulation allowing). */
  applied: boolean;
  userId: number;
}

/** Something in stored text that GitLab turns into a notification or a cross-reference. */
export interface MentionRecord {
  projectId: number;
  iid: number;
  where: "issue" | "note";
  kind: "user" | "all" | "issue";
  /** As written: "@alice", "@all", "#3", "acme/api#3" or an issue URL. */
  ref: string;
}

export class GitLabState {
  readonly users = new Map<number, FakeGitLabUser>();
  readonly tokens = new Map<string, number>();
  readonly projects = new Map<number, FakeProject>();
  readonly issues: StoredIssue[] = [];
  readonly notes: StoredNote[] = [];
  readonly quickActionsRun: QuickActionRecord[] = [];
  readonly mentions: MentionRecord[] = [];
  private nextIssueId = 1000;
  private nextNoteId = 5000;

  constructor(private readonly clock: () => Date) {}

  now(): string {
    return this.clock().toISOString();
  }

  addUser(user: FakeGitLabUser): void {
    this.users.set(user.id, user);
  }

  addToken(token: string, userId: number): void {
    if (!this.users.has(userId)) throw new Error(`fake GitLab: unknown user ${userId}; call addUser first`);
    this.tokens.set(token, userId);
  }

  addProject(input: FakeProjectInput): void {
    this.projects.set(input.id, {
      id: input.id,
      path_with_namespace: input.path_with_namespace,
      visibility: input.visibility ?? "private",
      archived: input.archived ?? false,
      members: new Map(Object.entries(input.members ?? {}).map(([k, v]) => [Number(k), v])),
      labels: new Set(input.labels ?? []),
      issues_enabled: input.issues_enabled ?? true,
      created_at: this.now(),
      nextIid: 1,
    });
  }

  /** By numeric id or by (URL-decoded) path, case-insensitively as GitLab does. */
  findProject(idOrPath: string): FakeProject | undefined {
    if (/^\d+$/.test(idOrPath)) return this.projects.get(Number(idOrPath));
    const wanted = idOrPath.toLowerCase();
    return [...this.projects.values()].find((p) => p.path_with_namespace.toLowerCase() === wanted);
  }

  userByName(username: string): FakeGitLabUser | undefined {
    const wanted = username.toLowerCase();
    return [...this.users.values()].find((u) => u.username.toLowerCase() === wanted);
  }

  /** The member's access level, or 0 for non-members (and anonymous callers). */
  level(project: FakeProject, userId: number | undefined): number {
    return userId === undefined ? 0 : (project.members.get(userId) ?? 0);
  }

  canRead(project: FakeProject, userId: number | undefined): boolean {
    if (project.visibility === "public") return true;
    if (project.visibility === "internal") return userId !== undefined;
    return this.level(project, userId) >= ACCESS.guest;
  }

  /** Confidential issues show only to Planner+ members, the author and assignees. */
  canSeeIssue(project: FakeProject, issue: StoredIssue, userId: number | undefined): boolean {
    if (!this.canRead(project, userId)) return false;
    if (!issue.confidential) return true;
    if (userId === undefined) return false;
    return (
      this.level(project, userId) >= ACCESS.planner ||
      issue.author_id === userId ||
      issue.assignee_ids.includes(userId)
    );
  }

  issuesOf(projectId: number): StoredIssue[] {
    return this.issues.filter((i) => i.project_id === projectId);
  }

  findIssue(projectId: number, iid: number): StoredIssue | undefined {
    return this.issues.find((i) => i.project_id === projectId && i.iid === iid);
  }

  notesOf(issue: StoredIssue): StoredNote[] {
    return this.notes.filter((n) => n.noteable_id === issue.id);
  }

  createIssue(
    project: FakeProject,
    fields: Pick<StoredIssue, "title" | "description" | "author_id">,
  ): StoredIssue {
    const at = this.now();
    const issue: StoredIssue = {
      id: this.nextIssueId++,
      iid: project.nextIid++,
      project_id: project.id,
      title: fields.title,
      description: fields.description,
      state: "opened",
      created_at: at,
      updated_at: at,
      closed_at: null,
      closed_by_id: null,
      labels: [],
      confidential: false,
      discussion_locked: false,
      author_id: fields.author_id,
      assignee_ids: [],
      due_date: null,
      user_notes_count: 0,
    };
    this.issues.push(issue);
    return issue;
  }

  createNote(issue: StoredIssue, body: string, authorId: number, internal: boolean): StoredNote {
    const at = this.now();
    const note: StoredNote = {
      id: this.nextNoteId++,
      body,
      author_id: authorId,
      created_at: at,
      updated_at: at,
      project_id: issue.project_id,
      noteable_id: issue.id,
      noteable_iid: issue.iid,
      internal,
    };
    this.notes.push(note);
    issue.user_notes_count += 1;
    issue.updated_at = at;
    return note;
  }
}
