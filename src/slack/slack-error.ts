/** Translates @slack/web-api failures into coded errors. */
import { ThreadportError } from "../errors.js";

interface PlatformErrorShape {
  data?: { error?: string; needed?: string; provided?: string };
}

export function slackErrorCode(error: unknown): string | undefined {
  return (error as PlatformErrorShape)?.data?.error;
}

export function toSlackThreadportError(error: unknown, method: string): ThreadportError {
  if (error instanceof ThreadportError) return error;
  const code = slackErrorCode(error);
  const data = (error as PlatformErrorShape)?.data ?? {};
  const details = { method, slackError: code, needed: data.needed };
  const options = { cause: error };
  switch (code) {
    case "not_in_channel":
      return new ThreadportError(
        "slack_not_in_channel",
        "The bot is not a member of the channel",
        details,
        options,
      );
    case "channel_not_found":
      return new ThreadportError(
        "slack_channel_not_found",
        "Slack cannot find the channel",
        details,
        options,
      );
    case "thread_not_found":
    case "message_not_found":
      return new ThreadportError("slack_thread_not_found", "Slack cannot find the message", details, options);
    case "missing_scope":
      return new ThreadportError(
        "slack_missing_scope",
        data.needed ? `The Slack app lacks the ${data.needed} scope` : "The Slack app lacks a required scope",
        details,
        options,
      );
    case "invalid_auth":
    case "not_authed":
    case "account_inactive":
    case "token_revoked":
    case "token_expired":
      return new ThreadportError("slack_invalid_auth", "Slack rejected the bot token", details, options);
    default:
      return new ThreadportError(
        "slack_unavailable",
        `Slack call ${method} failed: ${code ?? (error instanceof Error ? error.message : String(error))}`,
        details,
        options,
      );
  }
}
