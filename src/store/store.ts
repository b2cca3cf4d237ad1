import type { Person } from "../export/thread-types.js";
import type { ChannelNudgeThresholds } from "../nudge/nudge-settings.js";
import type { NudgeThreadState } from "../nudge/thread-state.js";
import type { JobFinish, JobRecord, JobState, JobStats, NewJob } from "./job-records.js";

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

/** A Slack channel linked to the GitLab project its exports go to. */
export interface ChannelLink {
  teamId: string;
  channelId: string;
  /** Path with namespace, e.g. "acme/web". */
  projectPath: string;
  projectId: number;
  /** Slack user who linked it. */
  linkedBy: string;
  /** Epoch milliseconds. */
  linkedAt: number;
}

/** Per-channel switches for what GitLab events post back to Slack threads. */
export interface PostBackSettings {
  /** Post GitLab comments and issue changes back to the channel's threads (default on). */
  enabled?: boolean;
  /** In a private channel, show the text of confidential issues and internal notes (default off). */
  confidentialText?: boolean;
}

/** A thread link with the time of its latest export (epoch milliseconds). */
export interface RecentExport extends ThreadLink {
  exportedAt: number;
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
  getChannelLink(teamId: string, channelId: string): Promise<ChannelLink | undefined>;
  /** Inserts or replaces the channel's link. */
  saveChannelLink(link: ChannelLink): Promise<void>;
  /** Removes the channel's link; false when there was none. */
  deleteChannelLink(teamId: string, channelId: string): Promise<boolean>;
  /** Every linked channel of the workspace, most recently linked first. */
  listChannelLinks(teamId: string): Promise<ChannelLink[]>;
  /** The most recently exported threads of the workspace (or of one channel), newest first. */
  listRecentExports(teamId: string, options: { channelId?: string; limit: number }): Promise<RecentExport[]>;
  /** The channel's nudge setting; undefined when nobody set it (the default applies). */
  getNudgesEnabled(teamId: string, channelId: string): Promise<boolean | undefined>;
  setNudgesEnabled(teamId: string, channelId: string, enabled: boolean): Promise<void>;
  /** Nudge bookkeeping of one thread; undefined until a reply in it was seen. */
  getNudgeThread(teamId: string, channelId: string, threadTs: string): Promise<NudgeThreadState | undefined>;
  /**
   * Saves a thread's nudge state only if the stored one still has `expectedLastTs` (undefined: none stored
   * yet); false, and no change, when another writer got there first.
   */
  saveNudgeThread(state: NudgeThreadState, expectedLastTs: string | undefined): Promise<boolean>;
  /** The channel's own nudge thresholds; undefined when it has none (the configuration applies). */
  getNudgeThresholds(teamId: string, channelId: string): Promise<ChannelNudgeThresholds | undefined>;
  /** Replaces the channel's thresholds; a field left out follows the configuration again. */
  saveNudgeThresholds(teamId: string, channelId: string, thresholds: ChannelNudgeThresholds): Promise<void>;
  /** Adds a job; false (and no change) when a job with that id exists already. */
  enqueueJob(job: NewJob): Promise<boolean>;
  /**
   * Takes up to `limit` jobs for `workerId`: pending ones that are due, and running ones whose lease ran out
   * (their runner died). Each gets a lease of `leaseMs` and one more attempt.
   */
  claimJobs(workerId: string, limit: number, leaseMs: number): Promise<JobRecord[]>;
  /** Extends the lease of a job the worker still holds; false when it lost the job. */
  renewJobLease(id: string, workerId: string, leaseMs: number): Promise<boolean>;
  /** Records how an attempt ended; ignored when the worker no longer holds the job. */
  finishJob(id: string, workerId: string, finish: JobFinish): Promise<void>;
  /** Makes every running job pending again (start-up after a crash, single-process stores); returns how many. */
  requeueRunningJobs(): Promise<number>;
  getJob(id: string): Promise<JobRecord | undefined>;
  /** Jobs in those states, newest first. */
  listJobs(states: JobState[], limit: number): Promise<JobRecord[]>;
  /** Makes a failed job pending again with fresh attempts; false when there is no failed job with that id. */
  retryJob(id: string): Promise<boolean>;
  jobStats(): Promise<JobStats>;
  /** Every thread linked to that GitLab issue (a GitLab webhook event posts back to each). */
  listThreadLinksForIssue(projectId: number, issueIid: number): Promise<ThreadLink[]>;
  /** The channel's post-back settings; fields nobody set are undefined (the defaults apply). */
  getPostBackSettings(teamId: string, channelId: string): Promise<PostBackSettings>;
  /** Changes the given fields of the channel's post-back settings; fields left out keep their value. */
  savePostBackSettings(teamId: string, channelId: string, settings: PostBackSettings): Promise<void>;
  /**
   * Records that an issue event of time `atMs` is being posted; false (and no change) when a newer event of
   * that issue was recorded already (the event is stale). An event of the same time counts as current.
   */
  markIssueEvent(projectId: number, issueIid: number, atMs: number): Promise<boolean>;
  /** Fails with a StoreError when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
