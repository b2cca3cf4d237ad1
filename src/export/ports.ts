/**
 * What the export core needs from the outside world. The core owns these interfaces; slack/, gitlab/ and
 * store/ implement them, and main.ts wires the implementations in.
 */
import type { SlackThread } from "./thread-types.js";

export interface ThreadLocation {
  teamId: string;
  channelId: string;
  /** ts of any message in the thread (the flagged one). */
  messageTs: string;
}

export interface ThreadReader {
  /** Reads every message of the thread (all pages), with authors, mentioned users and the permalink. */
  readThread(location: ThreadLocation): Promise<SlackThread>;
}

export interface ThreadNotifier {
  /** Posts a reply in the thread, visible to everyone. */
  replyInThread(channelId: string, threadTs: string, text: string): Promise<void>;
  /** Adds a reaction; a reaction that is already there is not an error. */
  addReaction(channelId: string, messageTs: string, name: string): Promise<void>;
  /** Tells one person something only they see (ephemeral; falls back to a direct message). */
  tellUser(channelId: string, userId: string, threadTs: string | undefined, text: string): Promise<void>;
  /**
   * Asks one person, privately and with a button, to link the channel to a GitLab project; once linked, the
   * thread of messageTs (when given) is exported.
   */
  askToLinkProject(
    channelId: string,
    userId: string,
    threadTs: string | undefined,
    text: string,
    messageTs?: string,
  ): Promise<void>;
}

export interface TrackerProject {
  id: number;
  pathWithNamespace: string;
  webUrl: string;
}

export interface NewIssue {
  title: string;
  description: string;
  confidential: boolean;
  /** Label names; GitLab applies them only when the token's user is Planner or above. */
  labels?: string[];
}

export interface CreatedIssue {
  projectId: number;
  iid: number;
  title: string;
  webUrl: string;
  /** Full reference, e.g. "acme/web#12". */
  reference: string;
}

/** An existing issue, as shown in pickers and link previews. */
export interface TrackerIssue {
  projectId: number;
  iid: number;
  title: string;
  webUrl: string;
  /** Full reference, e.g. "acme/web#12". */
  reference: string;
  state: string;
  labels: string[];
  /** Assignees' display names. */
  assignees: string[];
  confidential: boolean;
}

/** Whether threadport's token may file issues in a project, and why not. */
export type ProjectAccess =
  | { project: TrackerProject; canCreateIssues: true }
  | {
      project: TrackerProject;
      canCreateIssues: false;
      reason: "archived" | "issues_disabled" | "access_level";
    };

export interface IssueTracker {
  /** Resolves a project path or id; fails with gitlab_project_not_found when it does not exist. */
  getProject(pathOrId: string): Promise<TrackerProject>;
  createIssue(projectId: number, issue: NewIssue): Promise<CreatedIssue>;
  addNote(projectId: number, issueIid: number, body: string): Promise<{ id: number }>;
  /** Projects the token can file issues in whose name or path matches; one page of at most `limit`. */
  searchProjects(search: string, limit: number): Promise<TrackerProject[]>;
  /** Open issues of a project matching the text (or the iid, for a number); at most `limit`. */
  searchOpenIssues(project: string | number, search: string, limit: number): Promise<TrackerIssue[]>;
  /** Label names of a project (and its groups) matching the text; at most `limit`. */
  searchLabels(project: string | number, search: string, limit: number): Promise<string[]>;
  /** One issue; fails with gitlab_project_not_found when it does not exist or is hidden from the token. */
  getIssue(project: string | number, iid: number): Promise<TrackerIssue>;
  /** Whether issues can be created in the project; fails with gitlab_project_not_found when it is unknown. */
  checkCanCreateIssues(pathOrId: string): Promise<ProjectAccess>;
}
