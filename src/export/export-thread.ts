/**
 * The backbone: a flagged Slack thread becomes a GitLab issue, or a comment with what is new since the last
 * export. Everything outside (Slack, GitLab, store, summarizer) comes in as arguments.
 */
import { asThreadportError, type ThreadportError } from "../errors.js";
import type { Store, ThreadLink } from "../store/store.js";
import type { Summarizer } from "../summarize/summarizer.js";
import type { KeyedMutex } from "../util/keyed-mutex.js";
import type { Log } from "../util/logger.js";
import { explainFailure } from "./explain-failure.js";
import type { IssueTracker, ThreadLocation, ThreadNotifier, ThreadReader } from "./ports.js";
import { type PreparedMessage, prepareMessages } from "./prepare-messages.js";
import { type RenderedExport, renderFollowUp, renderNewIssue } from "./render-issue.js";
import { plural } from "./render-sections.js";
import { compareSlackTs } from "./slack-time.js";
import type { SlackThread } from "./thread-types.js";

export interface ExportRequest {
  location: ThreadLocation;
  /** Slack user who asked for the export. */
  requestedBy: string;
  /** Reaction name to mention in messages ("add the :memo: reaction again"). */
  reaction: string;
}

export interface ExportDeps {
  reader: ThreadReader;
  notifier: ThreadNotifier;
  tracker: IssueTracker;
  summarizer: Summarizer;
  store: Store;
  locks: KeyedMutex;
  defaultProject: string;
  log: Log;
  /** Reaction added to the flagged message once the export is done. */
  doneReaction?: string;
}

export type ExportOutcome =
  | { kind: "created"; link: ThreadLink }
  | { kind: "appended"; link: ThreadLink; messages: number }
  | { kind: "nothing_new"; link: ThreadLink }
  | { kind: "failed"; error: ThreadportError };

export async function exportThread(request: ExportRequest, deps: ExportDeps): Promise<ExportOutcome> {
  const { location } = request;
  try {
    const thread = await deps.reader.readThread(location);
    const key = `${location.teamId}/${location.channelId}/${thread.threadTs}`;
    const outcome = await deps.locks.run(key, () => writeToGitLab(thread, request, deps));
    await closeTheLoop(outcome, thread, request, deps);
    return outcome;
  } catch (caught) {
    const error = asThreadportError(caught);
    deps.log.warn({ code: error.code, err: error.cause ?? error, details: error.details }, "export failed");
    await tellRequester(error, request, deps);
    return { kind: "failed", error };
  }
}

async function writeToGitLab(
  thread: SlackThread,
  request: ExportRequest,
  deps: ExportDeps,
): Promise<ExportOutcome> {
  const { teamId, channelId } = request.location;
  const link = await deps.store.getThreadLink(teamId, channelId, thread.threadTs);
  const requestedByName = thread.people.get(request.requestedBy)?.name ?? request.requestedBy;
  if (!link) return createIssue(thread, requestedByName, deps);

  const fresh = thread.messages.filter((m) => compareSlackTs(m.ts, link.lastExportedTs) > 0);
  if (fresh.length === 0) return { kind: "nothing_new", link };
  const messages = prepareMessages(thread, fresh);
  const summary = await summarize(thread, messages, deps);
  const rendered = renderFollowUp({ thread, messages, summary, requestedByName });
  await deps.tracker.addNote(link.projectId, link.issueIid, rendered.body);
  const lastTs = await postContinuations(rendered, link, messages, deps);
  await deps.store.updateLastExported(teamId, channelId, thread.threadTs, lastTs);
  deps.log.info(
    { project: link.projectPath, iid: link.issueIid, messages: fresh.length },
    "appended to issue",
  );
  return { kind: "appended", link: { ...link, lastExportedTs: lastTs }, messages: fresh.length };
}

async function createIssue(
  thread: SlackThread,
  requestedByName: string,
  deps: ExportDeps,
): Promise<ExportOutcome> {
  const project = await deps.tracker.getProject(deps.defaultProject);
  const messages = prepareMessages(thread);
  const summary = await summarize(thread, messages, deps);
  const rendered = renderNewIssue({ thread, messages, summary, requestedByName });
  const confidential = thread.conversation.kind !== "public_channel";
  const issue = await deps.tracker.createIssue(project.id, {
    title: rendered.title,
    description: rendered.body,
    confidential,
  });
  // Saved before anything else can fail, so the issue and its link always exist together.
  const link: ThreadLink = {
    teamId: thread.teamId,
    channelId: thread.conversation.id,
    threadTs: thread.threadTs,
    projectPath: project.pathWithNamespace,
    projectId: issue.projectId,
    issueIid: issue.iid,
    issueUrl: issue.webUrl,
    issueTitle: issue.title,
    lastExportedTs: rendered.continuations.length > 0 ? thread.threadTs : lastTsOf(messages),
  };
  await deps.store.saveThreadLink(link);
  deps.log.info(
    { project: link.projectPath, iid: link.issueIid, messages: messages.length, confidential },
    "created issue",
  );
  if (rendered.continuations.length > 0) {
    link.lastExportedTs = await postContinuations(rendered, link, messages, deps);
    await deps.store.updateLastExported(link.teamId, link.channelId, link.threadTs, link.lastExportedTs);
  }
  return { kind: "created", link };
}

/**
 * Posts the transcript parts that did not fit. Returns the ts of the newest message now in GitLab; when a
 * part fails, the export stops there and a later export picks up the rest.
 */
async function postContinuations(
  rendered: RenderedExport,
  link: ThreadLink,
  messages: PreparedMessage[],
  deps: ExportDeps,
): Promise<string> {
  if (rendered.continuations.length === 0) return lastTsOf(messages);
  for (const part of rendered.continuations) {
    await deps.tracker.addNote(link.projectId, link.issueIid, part);
  }
  return lastTsOf(messages);
}

async function summarize(thread: SlackThread, messages: PreparedMessage[], deps: ExportDeps) {
  return deps.summarizer.summarize({
    channelName: thread.conversation.name,
    messages: messages.map((m) => ({
      author: m.author,
      authorId: m.authorId,
      isBot: m.isBot,
      at: m.at,
      text: m.markdown,
    })),
  });
}

function lastTsOf(messages: PreparedMessage[]): string {
  return messages[messages.length - 1]?.ts ?? "0";
}

async function closeTheLoop(
  outcome: ExportOutcome,
  thread: SlackThread,
  request: ExportRequest,
  deps: ExportDeps,
) {
  if (outcome.kind === "failed") return;
  const { channelId, messageTs } = request.location;
  const text = replyText(outcome);
  try {
    await deps.notifier.replyInThread(channelId, thread.threadTs, text);
    if (outcome.kind !== "nothing_new")
      await deps.notifier.addReaction(channelId, messageTs, deps.doneReaction ?? "white_check_mark");
  } catch (caught) {
    // GitLab already has everything; a failed Slack reply must not make anyone export again.
    deps.log.warn({ code: asThreadportError(caught).code }, "exported, but could not reply in Slack");
  }
}

/** The thread reply; Slack mrkdwn, with the title escaped so it cannot mention or link anything. */
export function replyText(outcome: Exclude<ExportOutcome, { kind: "failed" }>): string {
  const { link } = outcome;
  const ref = `<${link.issueUrl}|${escapeMrkdwn(`${link.projectPath}#${link.issueIid}`)}>`;
  const title = escapeMrkdwn(link.issueTitle);
  switch (outcome.kind) {
    case "created":
      return `:memo: Moved to ${ref}: *${title}* — let's continue there.`;
    case "appended":
      return `:memo: Added ${plural(outcome.messages, "new message")} to ${ref}: *${title}*.`;
    case "nothing_new":
      return `:memo: Nothing new to add: every message of this thread is already in ${ref}.`;
  }
}

function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

async function tellRequester(error: ThreadportError, request: ExportRequest, deps: ExportDeps) {
  const text = explainFailure(error, { project: deps.defaultProject, reaction: request.reaction });
  try {
    await deps.notifier.tellUser(request.location.channelId, request.requestedBy, undefined, text);
  } catch (caught) {
    deps.log.error({ code: asThreadportError(caught).code }, "could not tell the user why the export failed");
  }
}
