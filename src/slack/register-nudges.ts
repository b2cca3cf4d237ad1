/** Wires the nudges into the Bolt app: the message listener (hot path), the buttons and the outcome modal. */
import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { ExportOutcome, ExportRequest } from "../export/export-thread.js";
import type { IssueTracker, ThreadNotifier } from "../export/ports.js";
import { cacheChannelSettings, readChannelSettings } from "../nudge/channel-settings.js";
import { deliverNudges } from "../nudge/deliver-nudges.js";
import { handleThreadReply, type ThreadReplyDeps } from "../nudge/handle-thread-reply.js";
import { channelLinkCheck } from "../nudge/is-channel-linked.js";
import { CALL_OUTCOME_VIEW, NUDGE_ACTIONS } from "../nudge/nudge-message.js";
import type { NudgeDefaults } from "../nudge/nudge-settings.js";
import { type RecordCallOutcomeDeps, recordCallOutcome } from "../nudge/record-call-outcome.js";
import type { Store } from "../store/store.js";
import type { Log } from "../util/logger.js";
import type { WorkTracker } from "../util/work-tracker.js";
import { callOutcomeSubmittedListener } from "./listeners/call-outcome-submitted.js";
import { exportButtonListener, recordOutcomeButtonListener } from "./listeners/nudge-buttons.js";
import { threadMessageListener } from "./listeners/thread-message.js";
import { SlackNudgePoster } from "./slack-nudge-poster.js";
import { SlackPeopleDirectory } from "./slack-people-directory.js";
import { takeEvent } from "./take-event.js";

/** `/async nudges off` (or new thresholds) apply within this time: every reply reads them, they rarely change. */
const CHANNEL_SETTINGS_TTL_MS = 5_000;

export interface NudgeWiring {
  app: App;
  client: WebClient;
  store: Store;
  nudges: NudgeDefaults;
  identity: { botUserId: string; botId?: string };
  /** GITLAB_DEFAULT_PROJECT, when set: every channel then counts as linked. */
  defaultProject?: string;
  /** Reaction named in export failure messages. */
  reaction: string;
  /** Starts an export in the background (as the reaction does). */
  startExport(request: ExportRequest, log: Log): void;
  /** Runs an export and waits for it (the call outcome needs the issue it creates). */
  runExport(request: ExportRequest, log: Log): Promise<ExportOutcome>;
  tracker: Pick<IssueTracker, "addNote">;
  notifier: Pick<ThreadNotifier, "replyInThread" | "tellUser">;
  work: WorkTracker;
  log: Log;
  /** Counts each message event taken past Bolt's middleware (where the request counter sits). */
  countEvent?(type: string): void;
  /** The clock; tests of the core inject theirs, the process uses the real one. */
  now?: () => Date;
}

export function registerNudges(wiring: NudgeWiring): void {
  const { app, store, log } = wiring;
  const now = wiring.now ?? (() => new Date());
  const people = new SlackPeopleDirectory({ client: wiring.client, store });
  const deliverDeps = {
    poster: new SlackNudgePoster(wiring.client),
    people,
    workingHours: wiring.nudges.workingHours,
    now,
    log,
  };
  const replyDeps: ThreadReplyDeps = {
    store,
    channelSettings: cacheChannelSettings(readChannelSettings(store), {
      ttlMs: CHANNEL_SETTINGS_TTL_MS,
      now: () => now().getTime(),
    }),
    defaults: wiring.nudges,
    isChannelLinked: channelLinkCheck(wiring.defaultProject, store),
    deliver: (reply, due, link) => wiring.work.start(deliverNudges(reply, due, link, deliverDeps)),
    log,
  };

  // Every message of every channel: taken before Bolt's dispatch (see take-event.ts).
  takeEvent(
    app,
    "message",
    threadMessageListener({
      ...wiring.identity,
      inDirectMessages: wiring.nudges.inDirectMessages,
      onReply: (reply) => handleThreadReply(reply, replyDeps),
      log,
    }),
    {
      ...(wiring.countEvent ? { onEvent: wiring.countEvent } : {}),
      onError: (error) => log.error({ err: error }, "unhandled error in the message listener"),
    },
  );

  const exportButton = exportButtonListener({
    reaction: wiring.reaction,
    startExport: wiring.startExport,
    log,
  });
  app.action(NUDGE_ACTIONS.exportThread, exportButton);
  app.action(NUDGE_ACTIONS.appendMessages, exportButton);
  app.action(NUDGE_ACTIONS.recordCallOutcome, recordOutcomeButtonListener({ now, log }));

  const recordDeps: Omit<RecordCallOutcomeDeps, "log"> = {
    store,
    tracker: wiring.tracker,
    notifier: wiring.notifier,
    people,
    exportThread: async (submission, exportLog) => {
      const outcome = await wiring.runExport(
        {
          location: {
            teamId: submission.teamId,
            channelId: submission.channelId,
            messageTs: submission.threadTs,
          },
          requestedBy: submission.recordedBy,
          reaction: wiring.reaction,
          retryHint: "record the call outcome again",
        },
        exportLog,
      );
      return outcome.kind === "failed" ? undefined : outcome.link;
    },
  };
  app.view(
    CALL_OUTCOME_VIEW,
    callOutcomeSubmittedListener({
      now,
      startRecording: (submission, recordLog) =>
        wiring.work.start(recordCallOutcome(submission, { ...recordDeps, log: recordLog })),
      log,
    }),
  );
}
