/** Doctor: is the GitLab webhook (comments and issue changes back to Slack threads) set up, and how to add it. */
import type { Config } from "../../config.js";
import { GITLAB_WEBHOOK_PATH } from "../../post-back/gitlab-webhook-route.js";
import { type CheckResult, ok, skipped } from "./check-result.js";

const EVENTS = "Comments, Confidential comments, Issues events, Confidential issues events";

export function checkWebhook(config: Pick<Config, "gitlab" | "slack" | "port">): CheckResult {
  const name = "GitLab webhook";
  const where =
    config.slack.mode === "http"
      ? `https://<threadport's public host>${GITLAB_WEBHOOK_PATH} (the host of Slack's request URL; port ${config.port} here)`
      : `http://<threadport's host>:${config.port}${GITLAB_WEBHOOK_PATH} (Socket Mode: GitLab must reach this port; HTTP mode is simpler)`;
  const howToAdd =
    `in each linked GitLab project open Settings → Webhooks → Add new webhook; URL ${where}; ` +
    `Secret token: the value of GITLAB_WEBHOOK_SECRET; tick ${EVENTS}; keep SSL verification on`;
  if (!config.gitlab.webhookSecret) {
    return skipped(
      name,
      "GITLAB_WEBHOOK_SECRET is not set, so GitLab comments and issue changes are not posted back to Slack " +
        `threads (${GITLAB_WEBHOOK_PATH} answers 404). To turn it on, set GITLAB_WEBHOOK_SECRET to a long ` +
        `random secret (e.g. \`openssl rand -hex 32\`), restart, then ${howToAdd}.`,
    );
  }
  return ok(
    name,
    `secret set; ${howToAdd}. Use "Test → Issues events" in GitLab to see it answered 200. ` +
      "Channels turn posting back off with `/async updates off`.",
  );
}
