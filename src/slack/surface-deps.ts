/** What the Slack surfaces (shortcut, modals, /async, App Home, unfurls) receive from the composition root. */
import type { ExportRequest } from "../export/export-thread.js";
import type { IssueTracker, ThreadNotifier } from "../export/ports.js";
import type { Store } from "../store/store.js";
import type { Summarizer } from "../summarize/summarizer.js";
import type { Log } from "../util/logger.js";
import type { SlackChannelAccess } from "./slack-channel-access.js";
import type { SlackThreadReader } from "./slack-thread-reader.js";

export interface SurfaceDeps {
  store: Store;
  tracker: IssueTracker;
  reader: Pick<SlackThreadReader, "readThread" | "readRecentMessages">;
  notifier: ThreadNotifier;
  summarizer: Summarizer;
  channelAccess: Pick<SlackChannelAccess, "botAccess" | "isMember">;
  /** GitLab base URL without /api/v4, e.g. https://gitlab.com. */
  gitlabUrl: string;
  defaultProject?: string;
  allowedNamespaces: string[];
  exportReactions: string[];
  /** Whether nudges are on in channels that never set them (NUDGES_ENABLED); default true. */
  nudgesOnByDefault?: boolean;
  /** Starts an export without waiting; shutdown waits for it. */
  startExport(request: ExportRequest, log: Log): void;
  /** Tracks other work started after Slack got its answer, so shutdown waits for it too. */
  track(work: Promise<unknown>): void;
  now(): number;
  log: Log;
}
