/** What the person who asked for an export reads when it fails: what went wrong and how to fix it. */
import type { ThreadportError } from "../errors.js";

export interface FailureContext {
  project: string;
  reaction: string;
  /** Where the project came from; changes where the fix says to look. Default "default". */
  projectSource?: "default" | "channel" | "chosen";
  /** Replaces "add the :memo: reaction again" for exports started another way. */
  again?: string;
}

export function explainFailure(error: ThreadportError, context: FailureContext): string {
  const again = `Nothing was written to GitLab. Once fixed, ${context.again ?? `add the :${context.reaction}: reaction again`}.`;
  const project = `\`${context.project}\``;
  const [what, fix] = reasons(error, project, context.projectSource ?? "default");
  return `:warning: I couldn't export this thread: ${what}\n*How to fix:* ${fix}\n${again}`;
}

function reasons(
  error: ThreadportError,
  project: string,
  source: NonNullable<FailureContext["projectSource"]>,
): [string, string] {
  switch (error.code) {
    case "slack_not_in_channel":
    case "slack_channel_not_found":
      return [
        "I'm not a member of this channel, so I can't read the thread.",
        "invite me with `/invite @threadport`.",
      ];
    case "slack_thread_not_found":
      return [
        "Slack can't find that message any more (was it deleted?).",
        "react to another message of the thread.",
      ];
    case "slack_missing_scope":
      return [
        // Slack names the scope in `needed`; without it, say so plainly rather than invent a scope name.
        error.details.needed
          ? `the Slack app is missing the \`${error.details.needed}\` permission.`
          : "the Slack app is missing a permission it needs.",
        "ask a Slack admin to add it under OAuth & Permissions (or re-create the app from manifest.yml) and reinstall the app.",
      ];
    case "slack_invalid_auth":
      return [
        "Slack rejected my bot token.",
        "ask the admin to set a valid SLACK_BOT_TOKEN (xoxb-…) and restart threadport.",
      ];
    case "slack_unavailable":
      return ["Slack did not answer properly.", "try again in a few minutes."];
    case "gitlab_unauthorized":
      return [
        "GitLab rejected threadport's access token (wrong, expired or revoked).",
        "ask the admin to set GITLAB_TOKEN to a valid token with the `api` scope and restart threadport.",
      ];
    case "gitlab_forbidden":
      return [
        `threadport's GitLab token may not create issues in ${project}.`,
        `give the token's user at least the Reporter role in ${project} (and check the project is not archived), or choose another project.`,
      ];
    case "gitlab_project_not_found":
      return [
        `the GitLab project ${project} does not exist, or threadport's token cannot see it.`,
        source === "default"
          ? "check the project path (GITLAB_DEFAULT_PROJECT) and that the token's user is a member of the project."
          : source === "channel"
            ? "link this channel to an existing project with `/async link group/project`, and check that the token's user is a member of it."
            : "choose another project, and check that the token's user is a member of the project.",
      ];
    case "no_project":
      return [
        "this channel is not linked to a GitLab project, and no default project is set.",
        "link this channel with `/async link group/project` (or the button below).",
      ];
    case "gitlab_rejected":
      return [
        `GitLab refused the issue: ${error.details.detail ?? error.message}.`,
        "tell your threadport admin; the logs have the details.",
      ];
    case "gitlab_unavailable":
      return ["GitLab did not answer (it may be down or slow).", "try again in a few minutes."];
    default:
      return [
        "something unexpected went wrong on my side.",
        "try again; if it keeps failing, tell your threadport admin (the logs have the details).",
      ];
  }
}
