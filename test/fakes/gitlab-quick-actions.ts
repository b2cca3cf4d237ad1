/**
 * GitLab quick actions as the fake emulates them: the names GitLab recognises and what running one
 * does to an issue. Finding them in text lives in gitlab-quick-action-parser.ts.
 */
import { ACCESS, type FakeProject, type GitLabState, type StoredIssue } from "./gitlab-state.js";

/** Command names (with aliases) GitLab recognises on issues and merge requests; all are stripped. */
export const QUICK_ACTION_NAMES = [
  "add_child",
  "add_contacts",
  "approve",
  "assign",
  "assign_reviewer",
  "award",
  "blocked_by",
  "blocks",
  "board_move",
  "clone",
  "close",
  "confidential",
  "copy_metadata",
  "create_merge_request",
  "done",
  "draft",
  "due",
  "duplicate",
  "epic",
  "estimate",
  "estimate_time",
  "health_status",
  "iteration",
  "label",
  "labels",
  "lock",
  "merge",
  "milestone",
  "move",
  "parent_epic",
  "promote",
  "promote_to_incident",
  "react",
  "ready",
  "reassign",
  "rebase",
  "relabel",
  "relate",
  "remove_due_date",
  "remove_epic",
  "remove_estimate",
  "remove_label",
  "remove_milestone",
  "remove_parent",
  "remove_time_spent",
  "reopen",
  "request_review",
  "set_parent",
  "severity",
  "spend",
  "spend_time",
  "status",
  "subscribe",
  "target_branch",
  "timeline",
  "title",
  "todo",
  "type",
  "unapprove",
  "unassign",
  "unassign_reviewer",
  "unlabel",
  "unlink",
  "unlock",
  "unsubscribe",
  "weight",
  "zoom",
];

export interface QuickAction {
  command: string;
  arg?: string;
}

export interface ActionContext {
  state: GitLabState;
  project: FakeProject;
  issue: StoredIssue;
  userId: number;
}

/** Runs one command against the issue with the caller's rights; true when it changed something. */
export function applyQuickAction(ctx: ActionContext, action: QuickAction): boolean {
  const { issue } = ctx;
  const level = ctx.state.level(ctx.project, ctx.userId);
  const canUpdate = level >= ACCESS.planner || issue.author_id === ctx.userId;
  const canAdmin = level >= ACCESS.planner;
  const arg = action.arg ?? "";
  switch (action.command) {
    case "close":
      return canUpdate && issue.state === "opened" && close(ctx);
    case "reopen":
      return canUpdate && issue.state === "closed" && reopen(issue);
    case "title":
      return canUpdate && arg.length > 0 && set(issue, "title", arg);
    case "confidential":
      return canUpdate && !issue.confidential && set(issue, "confidential", true);
    case "lock":
      return canAdmin && !issue.discussion_locked && set(issue, "discussion_locked", true);
    case "unlock":
      return canAdmin && issue.discussion_locked && set(issue, "discussion_locked", false);
    case "label":
    case "labels":
      return canAdmin && addLabels(ctx, labelArgs(arg));
    case "unlabel":
    case "remove_label":
      return canAdmin && removeLabels(issue, labelArgs(arg));
    case "relabel":
      return canAdmin && relabel(ctx, labelArgs(arg));
    case "assign":
      return canAdmin && assign(ctx, userArgs(ctx, arg));
    case "unassign":
      return canAdmin && unassign(issue, arg ? userArgs(ctx, arg) : undefined);
    case "due":
      return canAdmin && /^\d{4}-\d{2}-\d{2}$/.test(arg) && set(issue, "due_date", arg);
    case "remove_due_date":
      return canAdmin && issue.due_date !== null && set(issue, "due_date", null);
    default:
      // Recognised and stripped by GitLab, but not emulated here (move, milestone, spend, …).
      return false;
  }
}

function set<K extends keyof StoredIssue>(issue: StoredIssue, key: K, value: StoredIssue[K]): true {
  issue[key] = value;
  return true;
}

function close(ctx: ActionContext): true {
  ctx.issue.state = "closed";
  ctx.issue.closed_at = ctx.state.now();
  ctx.issue.closed_by_id = ctx.userId;
  return true;
}

function reopen(issue: StoredIssue): true {
  issue.state = "opened";
  issue.closed_at = null;
  issue.closed_by_id = null;
  return true;
}

/** ~bug ~"needs review" → ["bug", "needs review"]. */
function labelArgs(arg: string): string[] {
  return [...arg.matchAll(/~(?:"([^"]+)"|([^\s~]+))/g)].map((m) => m[1] ?? m[2]!);
}

function userArgs(ctx: ActionContext, arg: string): number[] {
  return arg
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((word) =>
      word === "me" ? ctx.state.users.get(ctx.userId) : ctx.state.userByName(word.replace(/^@/, "")),
    )
    .filter((user) => user !== undefined)
    .map((user) => user.id);
}

/** Quick actions only apply labels that already exist in the project. */
function addLabels(ctx: ActionContext, names: string[]): boolean {
  const known = names.filter((n) => ctx.project.labels.has(n) && !ctx.issue.labels.includes(n));
  ctx.issue.labels.push(...known);
  return known.length > 0;
}

function relabel(ctx: ActionContext, names: string[]): boolean {
  const removed = removeLabels(ctx.issue, []);
  return addLabels(ctx, names) || removed;
}

function removeLabels(issue: StoredIssue, names: string[]): boolean {
  const before = issue.labels.length;
  issue.labels = names.length === 0 ? [] : issue.labels.filter((l) => !names.includes(l));
  return issue.labels.length !== before;
}

function assign(ctx: ActionContext, userIds: number[]): boolean {
  const added = userIds.filter((id) => !ctx.issue.assignee_ids.includes(id));
  ctx.issue.assignee_ids.push(...added);
  return added.length > 0;
}

function unassign(issue: StoredIssue, userIds: number[] | undefined): boolean {
  const before = issue.assignee_ids.length;
  issue.assignee_ids = userIds ? issue.assignee_ids.filter((id) => !userIds.includes(id)) : [];
  return issue.assignee_ids.length !== before;
}
