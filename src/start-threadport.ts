/** Builds every part from the configuration and starts the Slack app. */
import bolt from "@slack/bolt";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import { type ExportOutcome, type ExportRequest, exportThread } from "./export/export-thread.js";
import { CachedProjectLookups } from "./gitlab/cached-project-lookups.js";
import { GitLabMarkerFinder } from "./gitlab/gitlab-marker-finder.js";
import { GitLabTracker } from "./gitlab/gitlab-tracker.js";
import { createJobQueue, createThreadLocks } from "./jobs/create-job-queue.js";
import { EXPORT_JOB, enqueueExport, exportJobHandler } from "./jobs/export-job.js";
import { operationsRoutes } from "./ops/http-routes.js";
import { countSlackRequests, MeteredWebClient } from "./ops/metered-slack.js";
import { gitlabOperation, Metrics } from "./ops/metrics.js";
import { handlePostBackJobs, type PostBackWiring, postBackRoute } from "./post-back/wire-post-back.js";
import { boltLogger } from "./slack/bolt-logger.js";
import { appMentionListener } from "./slack/listeners/app-mention.js";
import { reactionAddedListener } from "./slack/listeners/reaction-added.js";
import { registerNudges } from "./slack/register-nudges.js";
import { registerSurfaces } from "./slack/register-surfaces.js";
import { SlackChannelAccess } from "./slack/slack-channel-access.js";
import { SlackNotifier } from "./slack/slack-notifier.js";
import { SlackThreadReader } from "./slack/slack-thread-reader.js";
import { takeEvent } from "./slack/take-event.js";
import { verifyBotToken } from "./slack/verify-bot-token.js";
import { stopThreadport } from "./stop-threadport.js";
import { openStore } from "./store/open-store.js";
import { createSummarizer } from "./summarize/create-summarizer.js";
import type { Log } from "./util/logger.js";
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
  const metrics = new Metrics();
  const client = new MeteredWebClient(metrics, config.slack.botToken, {
    ...clientOptions,
    logger: boltLogger(log),
  });
  const identity = await verifyBotToken(client);
  const store = await openStore(config.databaseUrl);
  const work = new WorkTracker();
  const gitlabFetch = metrics.meteredFetch("gitlab", gitlabOperation);
  const finder = new GitLabMarkerFinder({
    host: config.gitlab.url,
    token: config.gitlab.token,
    fetch: gitlabFetch,
  });
  const notifier = new SlackNotifier(client);
  const postBack: PostBackWiring = {
    secret: config.gitlab.webhookSecret,
    store,
    client,
    replyInThread: (channelId, threadTs, text) => notifier.replyInThread(channelId, threadTs, text),
    ownGitLabUserId: () => finder.ownUserId(),
    log,
  };

  const app = new App({
    token: config.slack.botToken,
    signingSecret: config.slack.signingSecret,
    socketMode: config.slack.mode === "socket",
    appToken: config.slack.appToken,
    clientOptions,
    // In Socket Mode Bolt serves the custom routes (/healthz, /metrics, the GitLab webhook) on the installer's
    // port, 3000 unless told otherwise: keep them on PORT in both modes.
    installerOptions: { clientOptions: { slackApiUrl: config.slack.apiUrl }, port: config.port },
    tokenVerificationEnabled: false,
    // Bolt's default conversation store builds an Error for every event it has no state for; nothing here
    // uses context.conversation.
    convoStore: false,
    botUserId: identity.botUserId,
    botId: identity.botId,
    logger: boltLogger(log),
    customRoutes: [...operationsRoutes({ store, metrics, log }), postBackRoute(postBack, () => jobs)],
  });
  app.use(countSlackRequests(metrics));

  const exportDeps = {
    reader: new SlackThreadReader({ client, store, botUserId: identity.botUserId, botId: identity.botId }),
    notifier,
    tracker: new CachedProjectLookups(
      new GitLabTracker({ host: config.gitlab.url, token: config.gitlab.token, fetch: gitlabFetch }),
    ),
    summarizer: await createSummarizer(
      config,
      log,
      metrics.meteredFetch("llm", (url) => url.pathname),
    ),
    store,
    locks: await createThreadLocks(store, config.databaseUrl),
    defaultProject: config.gitlab.defaultProject,
  };
  const jobs = await createJobQueue({ config, store, log, observer: metrics.jobObserver });
  metrics.watchQueue(() => jobs.stats());
  const onOutcome = (outcome: ExportOutcome) => metrics.exportFinished(outcome);
  jobs.handle(EXPORT_JOB, exportJobHandler({ exportDeps, finder, onOutcome }));
  handlePostBackJobs(jobs, postBack);

  // A redelivered event maps to the same job: the event id is its key. Slack is answered once the job
  // exists (ackAfterHandler), so no export request is lost to a crash in between.
  const queueEventExport = async (request: ExportRequest, eventLog: Log, eventId: string) => {
    const { id, created } = await enqueueExport(jobs, request, eventId);
    eventLog.info({ jobId: id, created }, "export queued");
    return { created };
  };
  // The reaction that messages name ("add the :memo: reaction again"); config keeps the list non-empty.
  const namedReaction = config.exportReactions[0] ?? "memo";
  const exportEvents = {
    ackAfterHandler: true,
    onEvent: (type: string) => metrics.slackRequest(type),
  } as const;
  const reactionAdded = reactionAddedListener({
    exportReactions: config.exportReactions,
    botUserId: identity.botUserId,
    startExport: queueEventExport,
    log,
  });
  // The payloads are Slack's JSON, typed as Bolt types them.
  takeEvent(
    app,
    "reaction_added",
    (args) => reactionAdded(args as unknown as Parameters<typeof reactionAdded>[0]),
    exportEvents,
  );
  const appMention = appMentionListener({
    botUserId: identity.botUserId,
    reaction: namedReaction,
    notifier,
    claimEvent: (id) => store.claimEvent(id),
    startExport: queueEventExport,
    log,
  });
  takeEvent(
    app,
    "app_mention",
    (args) => appMention(args as unknown as Parameters<typeof appMention>[0]),
    exportEvents,
  );
  registerNudges({
    app,
    countEvent: (type) => metrics.slackRequest(type),
    client,
    store,
    nudges: config.nudges,
    identity,
    defaultProject: config.gitlab.defaultProject,
    reaction: namedReaction,
    startExport: (request, requestLog) =>
      work.start(
        enqueueExport(jobs, request).catch((error) =>
          requestLog.error({ err: error }, "could not queue the export"),
        ),
      ),
    // The call outcome waits for the issue it writes to, so its export runs at once rather than queued.
    runExport: (request, requestLog) => exportThread(request, { ...exportDeps, log: requestLog }),
    tracker: exportDeps.tracker,
    notifier: exportDeps.notifier,
    work,
    log,
  });
  registerSurfaces(app, {
    store,
    tracker: exportDeps.tracker,
    reader: exportDeps.reader,
    notifier: exportDeps.notifier,
    summarizer: exportDeps.summarizer,
    channelAccess: new SlackChannelAccess(client),
    gitlabUrl: config.gitlab.url,
    defaultProject: config.gitlab.defaultProject,
    allowedNamespaces: config.gitlab.allowedNamespaces,
    exportReactions: config.exportReactions,
    nudgesOnByDefault: config.nudges.enabled,
    startExport: (request, requestLog) =>
      work.start(
        enqueueExport(jobs, request).catch((error) =>
          requestLog.error({ err: error }, "could not queue the export"),
        ),
      ),
    track: (promise) => work.start(promise),
    now: Date.now,
    claimEvent: (id) => store.claimEvent(id),
    log,
  });
  app.error(async (error) => {
    log.error({ err: error }, "unhandled error in a Slack listener");
  });

  await jobs.start();
  if (config.slack.mode === "socket") {
    await app.start();
    log.info({ mode: "socket", team: identity.teamId }, "threadport is running");
  } else {
    await app.start(config.port);
    log.info({ mode: "http", port: config.port, team: identity.teamId }, "threadport is running");
  }

  return { stop: () => stopThreadport({ app, jobs, work, store, log }) };
}
