/** Slack checks: the token is valid, it has the scopes manifest.yml asks for, the bot is in linked channels. */
import type { WebClient } from "@slack/web-api";
import { slackErrorCode } from "../../slack/slack-error.js";
import { type CheckResult, failed, ok, skipped } from "./check-result.js";

export interface SlackCheckInput {
  client: WebClient;
  /** Scopes manifest.yml asks for; undefined when the manifest was not found. */
  manifestScopes?: string[];
  signingSecret: string;
  /** Channels linked to projects (from the store); undefined when the store could not be read. */
  linkedChannels?: (teamId: string) => Promise<string[]>;
}

export async function checkSlack(input: SlackCheckInput): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  results.push(
    input.signingSecret.length >= 16
      ? ok("Slack signing secret", "set")
      : failed(
          "Slack signing secret",
          "looks too short to be a signing secret",
          "copy the Signing Secret from the app's Basic Information page into SLACK_SIGNING_SECRET",
        ),
  );
  let auth: Awaited<ReturnType<WebClient["auth"]["test"]>>;
  try {
    auth = await input.client.auth.test();
  } catch (error) {
    const code = slackErrorCode(error);
    const rejected = code !== undefined;
    results.push(
      failed(
        "Slack token",
        rejected ? `Slack refused it (${code})` : `Slack could not be reached (${messageOf(error)})`,
        rejected
          ? "copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page into SLACK_BOT_TOKEN"
          : "check SLACK_API_URL and that this machine can reach Slack",
      ),
    );
    return results;
  }
  results.push(
    ok("Slack token", `valid for workspace ${auth.team ?? auth.team_id} as bot user ${auth.user_id}`),
  );
  results.push(scopeCheck(auth.response_metadata?.scopes, input.manifestScopes));
  results.push(...(await channelChecks(input, auth.team_id ?? "")));
  return results;
}

function scopeCheck(granted: string[] | undefined, wanted: string[] | undefined): CheckResult {
  const name = "Slack scopes";
  if (!wanted) return skipped(name, "manifest.yml was not found, so there is nothing to compare with");
  if (!granted)
    return skipped(name, "Slack did not say which scopes the token has (no x-oauth-scopes header)");
  const missing = wanted.filter((scope) => !granted.includes(scope));
  if (missing.length === 0)
    return ok(name, `the token has every scope manifest.yml asks for (${wanted.length})`);
  return failed(
    name,
    `missing ${missing.join(", ")}`,
    "add them under OAuth & Permissions → Bot Token Scopes (or re-create the app from manifest.yml), then reinstall the app to the workspace",
  );
}

async function channelChecks(input: SlackCheckInput, teamId: string): Promise<CheckResult[]> {
  const name = "Bot in linked channels";
  if (!input.linkedChannels) return [skipped(name, "the store could not be read (see the store check)")];
  let channels: string[];
  try {
    channels = await input.linkedChannels(teamId);
  } catch (error) {
    return [skipped(name, `the channel links could not be read (${messageOf(error)})`)];
  }
  if (channels.length === 0) return [skipped(name, "no channel is linked to a project yet")];
  const outside: string[] = [];
  for (const channel of channels) {
    try {
      const info = await input.client.conversations.info({ channel });
      if (!info.channel?.is_member) outside.push(`#${info.channel?.name ?? channel}`);
    } catch (error) {
      outside.push(`${channel} (${slackErrorCode(error) ?? messageOf(error)})`);
    }
  }
  if (outside.length === 0) return [ok(name, `a member of all ${channels.length} linked channels`)];
  return [
    failed(
      name,
      `not a member of ${outside.join(", ")}`,
      "invite the bot there with /invite @threadport (or unlink the channel with /async unlink)",
    ),
  ];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
