/** Builds every part from the configuration and starts the Slack app. */
import bolt from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import { exportThread } from "./export/export-thread.js";
import { GitLabTracker } from "./gitlab/gitlab-tracker.js";
import { boltLogger } from "./slack/bolt-logger.js";
import { reactionAddedListener } from "./slack/listeners/reaction-added.js";
import { SlackNotifier } from "./slack/slack-notifier.js";
import { SlackThreadReader } from "./slack/slack-thread-reader.js";
import { verifyBotToken } from "./slack/verify-bot-token.js";
import { openStore } from "./store/open-store.js";
import { OfflineSummarizer } from "./summarize/offline-summarizer.js";
import { KeyedMutex } from "./util/keyed-mutex.js";
import { WorkTracker } from "./util/work-tracker.js";

const { App } = bolt;

export interface RunningThreadport {
  /** Stops taking requests, waits for exports in progress, closes the store. */
  stop(): Promise<void>;
}

export async function startThreadport(config: Config, log: Logger): Promise<RunningThreadport> {
  const clientOptions = {
    slackApiUrl: config.slack.apiUrl,
    // @slack/web-api's default retries go on for about 30 minutes; an export should fail visibly sooner.
    retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5_000 },
    timeout: 15_000,
  };
  const client = new WebClient(config.slack.botToken, { ...clientOptions, logger: boltLogger(log) });
  const identity = await verifyBotToken(client);
  const store = await openStore(config.databaseUrl);
  const work = new WorkTracker();

  const app = new App({
    token: config.slack.botToken,
    signingSecret: config.slack.signingSecret,
    socketMode: config.slack.mode === "socket",
    appToken: config.slack.appToken,
    clientOptions,
    installerOptions: { clientOptions: { slackApiUrl: config.slack.apiUrl } },
    tokenVerificationEnabled: false,
    botUserId: identity.botUserId,
    botId: identity.botId,
    logger: boltLogger(log),
    customRoutes: [
      {
        path: "/healthz",
        method: ["GET"],
        handler: (_req, res) => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ ok: true }));
        },
      },
    ],
  });

  const exportDeps = {
    reader: new SlackThreadReader({ client, store, botUserId: identity.botUserId, botId: identity.botId }),
    notifier: new SlackNotifier(client),
    tracker: new GitLabTracker({ host: config.gitlab.url, token: config.gitlab.token }),
    summarizer: new OfflineSummarizer(),
    store,
    locks: new KeyedMutex(),
    defaultProject: config.gitlab.defaultProject,
  };

  app.event(
    "reaction_added",
    reactionAddedListener({
      exportReactions: config.exportReactions,
      botUserId: identity.botUserId,
      claimEvent: (id) => store.claimEvent(id),
      startExport: (request, eventLog) => work.start(exportThread(request, { ...exportDeps, log: eventLog })),
      log,
    }),
  );
  app.error(async (error) => {
    log.error({ err: error }, "unhandled error in a Slack listener");
  });

  if (config.slack.mode === "socket") {
    await app.start();
    log.info({ mode: "socket", team: identity.teamId }, "threadport is running");
  } else {
    await app.start(config.port);
    log.info({ mode: "http", port: config.port, team: identity.teamId }, "threadport is running");
  }

  return {
    async stop() {
      await app.stop();
      const drained = await work.drain(25_000);
      if (!drained) log.warn({ inFlight: work.size }, "stopped before every export finished");
      await store.close();
    },
  };
}
