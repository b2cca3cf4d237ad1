/**
 * `/async issue`: an issue written by a person (title, description), optionally with the channel's latest
 * messages as its conversation. The same safety pass as exports: no quick actions, pings or secrets.
 */
import { asThreadportError, type ThreadportError } from "../errors.js";
import { makeSafeForGitLab } from "../gitlab/make-safe-for-gitlab.js";
import { escapeMrkdwn } from "../util/escape-mrkdwn.js";
import type { Log } from "../util/logger.js";
import { explainFailure } from "./explain-failure.js";
import type { IssueTracker, ThreadNotifier } from "./ports.js";
import { prepareMessages } from "./prepare-messages.js";
import { DESCRIPTION_BUDGET, safeTitle } from "./render-issue.js";
import { renderContextSection } from "./render-sections.js";
import { renderTranscriptBlocks } from "./render-transcript.js";
import { safeWrittenText } from "./safe-written-text.js";
import type { SlackThread } from "./thread-types.js";

export interface OpenIssueRequest {
  teamId: string;
  channelId: string;
  userId: string;
  userName: string;
  /** Project path or id, already checked by the modal. */
  project: string;
  title: string;
  description: string;
  /** How many of the channel's latest messages to include (0: none). */
  recentMessages: number;
  labels: string[];
  confidential: boolean;
}

export interface OpenIssueDeps {
  tracker: IssueTracker;
  notifier: ThreadNotifier;
  readRecentMessages(location: { teamId: string; channelId: string }, count: number): Promise<SlackThread>;
  log: Log;
}

export type OpenIssueOutcome =
  | { kind: "opened"; issueUrl: string; reference: string; title: string }
  | { kind: "failed"; error: ThreadportError };

export async function openIssueFromChannel(
  request: OpenIssueRequest,
  deps: OpenIssueDeps,
): Promise<OpenIssueOutcome> {
  try {
    const project = await deps.tracker.getProject(request.project);
    const recent = request.recentMessages > 0 ? await readRecent(request, deps) : undefined;
    const issue = await deps.tracker.createIssue(project.id, {
      title: safeTitle(request.title),
      description: renderDescription(request, recent),
      confidential: request.confidential,
      ...(request.labels.length > 0 ? { labels: request.labels } : {}),
    });
    deps.log.info({ project: project.pathWithNamespace, iid: issue.iid }, "opened issue from /async issue");
    const text = `:memo: Opened <${issue.webUrl}|${escapeMrkdwn(issue.reference)}>: *${escapeMrkdwn(issue.title)}*`;
    await tell(request, text, deps);
    return { kind: "opened", issueUrl: issue.webUrl, reference: issue.reference, title: issue.title };
  } catch (caught) {
    const error = asThreadportError(caught);
    deps.log.warn({ code: error.code, err: error.cause ?? error }, "opening an issue failed");
    const text = explainFailure(error, {
      project: request.project,
      projectSource: "chosen",
      reaction: "memo",
      again: "run `/async issue` again",
    }).replace("I couldn't export this thread", "I couldn't open the issue");
    await tell(request, text, deps);
    return { kind: "failed", error };
  }
}

async function readRecent(request: OpenIssueRequest, deps: OpenIssueDeps) {
  const thread = await deps.readRecentMessages(request, request.recentMessages);
  return thread.messages.length > 0 ? thread : undefined;
}

/** The person's text, then the channel's messages (when asked for), within GitLab's description limit. */
export function renderDescription(request: OpenIssueRequest, recent: SlackThread | undefined): string {
  const written = safeWrittenText(request.description);
  const parts = [written || "_No description._"];
  if (recent) {
    const messages = prepareMessages(recent);
    const context = renderContextSection(
      { thread: recent, messages, requestedByName: request.userName, summarizer: "no" },
      "##",
    );
    const [transcript] = renderTranscriptBlocks(messages, "Latest messages", DESCRIPTION_BUDGET - 20_000);
    // No summary here, so the context's "Filed by … summarizer" line gives way to the one below.
    const facts = context
      .split("\n")
      .filter((line) => !line.startsWith("- **Filed by:**"))
      .join("\n");
    parts.push(facts, transcript?.text ?? "");
  }
  parts.push(`_Opened from Slack with \`/async issue\` by ${makeSafeForGitLab(request.userName)}._`);
  return parts.filter(Boolean).join("\n\n");
}

async function tell(request: OpenIssueRequest, text: string, deps: OpenIssueDeps): Promise<void> {
  try {
    await deps.notifier.tellUser(request.channelId, request.userId, undefined, text);
  } catch (caught) {
    deps.log.error({ code: asThreadportError(caught).code }, "could not tell the user about /async issue");
  }
}
