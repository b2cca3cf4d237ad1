import type { Person } from "../export/thread-types.js";

/** A Slack thread exported to a GitLab issue. */
export interface ThreadLink {
  teamId: string;
  channelId: string;
  threadTs: string;
  /** Path with namespace, e.g. "acme/web". */
  projectPath: string;
  projectId: number;
  issueIid: number;
  issueUrl: string;
  issueTitle: string;
  /** ts of the newest message already written to GitLab. */
  lastExportedTs: string;
}

/**
 * Everything threadport keeps. Async so that a networked database (PostgreSQL) fits the same interface.
 */
export interface Store {
  getThreadLink(teamId: string, channelId: string, threadTs: string): Promise<ThreadLink | undefined>;
  /** Inserts or replaces the link of that thread. */
  saveThreadLink(link: ThreadLink): Promise<void>;
  updateLastExported(
    teamId: string,
    channelId: string,
    threadTs: string,
    lastExportedTs: string,
  ): Promise<void>;
  /** A cached Slack user no older than maxAgeMs, or undefined. */
  getCachedUser(teamId: string, userId: string, maxAgeMs: number): Promise<Person | undefined>;
  saveUser(teamId: string, person: Person): Promise<void>;
  /** Records a Slack event id; true the first time, false when it was seen before. */
  claimEvent(eventId: string): Promise<boolean>;
  /** Forgets a claimed event id so that a redelivery is processed again (used when handling failed). */
  releaseEvent(eventId: string): Promise<void>;
  close(): Promise<void>;
}
