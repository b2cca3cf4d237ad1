/** Builds the GitLab → Slack post-back: the job handler and the webhook route. */
import type { CustomRoute } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { JobQueue } from "../jobs/job-queue.js";
import { toSlackThreadportError } from "../slack/slack-error.js";
import type { Store } from "../store/store.js";
import type { Log } from "../util/logger.js";
import { gitlabWebhookRoute } from "./gitlab-webhook-route.js";
import { POST_BACK_JOB, postBackJobHandler } from "./post-back-job.js";

export interface PostBackWiring {
  secret: string | undefined;
  store: Store;
  client: WebClient;
  replyInThread(channelId: string, threadTs: string, text: string): Promise<void>;
  ownGitLabUserId(): Promise<number>;
  log: Log;
}

/** The webhook route; `jobs` is read when a request arrives (the queue is built after the Slack app). */
export function postBackRoute(wiring: PostBackWiring, jobs: () => JobQueue): CustomRoute {
  return gitlabWebhookRoute({
    secret: wiring.secret,
    store: wiring.store,
    jobs: { enqueue: (kind, payload, options) => jobs().enqueue(kind, payload, options) },
    log: wiring.log,
  });
}

export function handlePostBackJobs(jobs: JobQueue, wiring: PostBackWiring): void {
  jobs.handle(
    POST_BACK_JOB,
    postBackJobHandler({
      store: wiring.store,
      replyInThread: wiring.replyInThread,
      ownGitLabUserId: wiring.ownGitLabUserId,
      isPrivateChannel: async (channelId) => {
        try {
          const info = await wiring.client.conversations.info({ channel: channelId });
          const channel = (info.channel ?? {}) as {
            is_private?: boolean;
            is_im?: boolean;
            is_mpim?: boolean;
          };
          return channel.is_private === true || channel.is_im === true || channel.is_mpim === true;
        } catch (error) {
          throw toSlackThreadportError(error, "conversations.info");
        }
      },
    }),
  );
}
