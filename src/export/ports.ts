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
}

export interface CreatedIssue {
  projectId: number;
  iid: number;
  title: string;
  webUrl: string;
  /** Full reference, e.g. "acme/web#12". */
  reference: string;
}

export interface IssueTracker {
  /** Resolves a project path or id; fails with gitlab_project_not_found when it does not exist. */
  getProject(pathOrId: string): Promise<TrackerProject>;
  createIssue(projectId: number, issue: NewIssue): Promise<CreatedIssue>;
  addNote(projectId: number, issueIid: number, body: string): Promise<{ id: number }>;
}
