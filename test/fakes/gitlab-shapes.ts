/** JSON in the shapes GitLab's REST API v4 returns for users, projects, issues and notes. */
import type { FakeGitLabUser, FakeProject, GitLabState, StoredIssue, StoredNote } from "./gitlab-state.js";

export function userBasic(user: FakeGitLabUser, origin: string): Record<string, unknown> {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    state: "active",
    locked: false,
    avatar_url: `https://www.gravatar.com/avatar/${user.id}?s=80&d=identicon`,
    web_url: `${origin}/${user.username}`,
  };
}

export function currentUser(
  user: FakeGitLabUser,
  origin: string,
  createdAt: string,
): Record<string, unknown> {
  return {
    ...userBasic(user, origin),
    created_at: createdAt,
    bio: "",
    location: "",
    public_email: null,
    skype: "",
    linkedin: "",
    twitter: "",
    discord: "",
    website_url: "",
    organization: "",
    job_title: "",
    pronouns: null,
    bot: false,
    work_information: null,
    local_time: null,
    last_sign_in_at: createdAt,
    confirmed_at: createdAt,
    last_activity_on: createdAt.slice(0, 10),
    email: `${user.username}@example.com`,
    theme_id: 1,
    color_scheme_id: 1,
    projects_limit: 100000,
    current_sign_in_at: createdAt,
    identities: [],
    can_create_group: true,
    can_create_project: true,
    two_factor_enabled: false,
    external: false,
    private_profile: false,
    commit_email: `${user.username}@example.com`,
  };
}

export function projectJson(
  state: GitLabState,
  project: FakeProject,
  userId: number | undefined,
  origin: string,
): Record<string, unknown> {
  const segments = project.path_with_namespace.split("/");
  const path = segments.at(-1)!;
  const namespacePath = segments.slice(0, -1).join("/");
  const webUrl = `${origin}/${project.path_with_namespace}`;
  const api = `${origin}/api/v4/projects/${project.id}`;
  const level = userId === undefined ? undefined : project.members.get(userId);
  return {
    id: project.id,
    description: null,
    name: path,
    name_with_namespace: segments.join(" / "),
    path,
    path_with_namespace: project.path_with_namespace,
    created_at: project.created_at,
    default_branch: "main",
    tag_list: [],
    topics: [],
    ssh_url_to_repo: `git@${new URL(origin).host}:${project.path_with_namespace}.git`,
    http_url_to_repo: `${webUrl}.git`,
    web_url: webUrl,
    readme_url: null,
    forks_count: 0,
    avatar_url: null,
    star_count: 0,
    last_activity_at: project.created_at,
    namespace: {
      id: project.id + 100_000,
      name: segments.at(-2) ?? path,
      path: segments.at(-2) ?? path,
      kind: "group",
      full_path: namespacePath,
      parent_id: null,
      avatar_url: null,
      web_url: `${origin}/groups/${namespacePath}`,
    },
    _links: {
      self: api,
      issues: `${api}/issues`,
      merge_requests: `${api}/merge_requests`,
      repo_branches: `${api}/repository/branches`,
      labels: `${api}/labels`,
      events: `${api}/events`,
      members: `${api}/members`,
      cluster_agents: `${api}/cluster_agents`,
    },
    empty_repo: false,
    archived: project.archived,
    visibility: project.visibility,
    issues_enabled: project.issues_enabled,
    issues_access_level: project.issues_enabled ? "enabled" : "disabled",
    open_issues_count: state.issuesOf(project.id).filter((i) => i.state === "opened").length,
    permissions: {
      project_access: level === undefined ? null : { access_level: level, notification_level: 3 },
      group_access: null,
    },
  };
}

export function issueJson(
  state: GitLabState,
  project: FakeProject,
  issue: StoredIssue,
  origin: string,
): Record<string, unknown> {
  const api = `${origin}/api/v4/projects/${project.id}`;
  const user = (id: number) => userBasic(state.users.get(id)!, origin);
  const assignees = issue.assignee_ids.map(user);
  return {
    id: issue.id,
    iid: issue.iid,
    project_id: project.id,
    title: issue.title,
    description: issue.description,
    state: issue.state,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    closed_by: issue.closed_by_id === null ? null : user(issue.closed_by_id),
    labels: [...issue.labels],
    milestone: null,
    assignees,
    author: user(issue.author_id),
    type: "ISSUE",
    assignee: assignees[0] ?? null,
    user_notes_count: issue.user_notes_count,
    merge_requests_count: 0,
    upvotes: 0,
    downvotes: 0,
    due_date: issue.due_date,
    confidential: issue.confidential,
    discussion_locked: issue.discussion_locked,
    issue_type: "issue",
    web_url: `${origin}/${project.path_with_namespace}/-/issues/${issue.iid}`,
    time_stats: {
      time_estimate: 0,
      total_time_spent: 0,
      human_time_estimate: null,
      human_total_time_spent: null,
    },
    task_completion_status: { count: 0, completed_count: 0 },
    has_tasks: false,
    _links: {
      self: `${api}/issues/${issue.iid}`,
      notes: `${api}/issues/${issue.iid}/notes`,
      award_emoji: `${api}/issues/${issue.iid}/award_emoji`,
      project: api,
      closed_as_duplicate_of: null,
    },
    references: {
      short: `#${issue.iid}`,
      relative: `#${issue.iid}`,
      full: `${project.path_with_namespace}#${issue.iid}`,
    },
    severity: "UNKNOWN",
    moved_to_id: null,
    service_desk_reply_to: null,
  };
}

export function noteJson(state: GitLabState, note: StoredNote, origin: string): Record<string, unknown> {
  return {
    id: note.id,
    type: null,
    body: note.body,
    attachment: null,
    author: userBasic(state.users.get(note.author_id)!, origin),
    created_at: note.created_at,
    updated_at: note.updated_at,
    system: false,
    noteable_id: note.noteable_id,
    noteable_type: "Issue",
    project_id: note.project_id,
    resolvable: false,
    confidential: note.internal,
    internal: note.internal,
    imported: false,
    imported_from: "none",
    noteable_iid: note.noteable_iid,
    commands_changes: {},
  };
}
