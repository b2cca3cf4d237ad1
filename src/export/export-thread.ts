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
import { type ExportTarget, type ProjectSource, resolveProject } from "./export-target.js";
import type { IssueTracker, ThreadLocation, ThreadNotifier, ThreadReader, TrackerProject } from "./ports.js";
import { type PreparedMessage, prepareMessages } from "./prepare-messages.js";
import { type RenderedExport, renderFollowUp, renderNewIssue, safeTitle } from "./render-issue.js";
import { plural } from "./render-sections.js";
import { compareSlackTs } from "./slack-time.js";
import { alreadyAnswered, replyText } from "./thread-answers.js";
import type { SlackThread } from "./thread-types.js";

export interface ExportRequest {
  location: ThreadLocation;
  /** Slack user who asked for the export. */
  requestedBy: string;
  /** Reaction name to mention in messages ("add the :memo: reaction again"). */
  reaction: string;
  /** What the person chose (project, new issue or comment, title…); absent for a reaction. */
  target?: ExportTarget;
  /** How to try again, for exports not started by a reaction ("use the shortcut again"). */
  retryHint?: string;
}

export interface ExportDeps {
  reader: ThreadReader;
  notifier: ThreadNotifier;
  tracker: IssueTracker;
  summarizer: Summarizer;
  store: Store;
  locks: KeyedMutex;
  /** GITLAB_DEFAULT_PROJECT: used when the channel has no linked project. */
  defaultProject?: string;
  log: Log;
  /** Reaction added to the flagged message once the export is done. */
  doneReaction?: string;
  /** False keeps a failure to ourselves (a job will try again); default: always tell the requester. */
  shouldTellRequester?: (error: ThreadportError) => boolean;
  /** This request was attempted before (a job's retry): that attempt may already have answered in Slack. */
  retried?: boolean;
}

export type ExportOutcome =
  | { kind: "created"; link: ThreadLink }
  | { kind: "appended"; link: ThreadLink; messages: number }
  | { kind: "nothing_new"; link: ThreadLink }
  | { kind: "commented"; link: ThreadLink; messages: number }
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
    if (deps.shouldTellRequester?.(error) ?? true) await tellRequester(error, request, deps);
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
  const mode = request.target?.mode;
  if (mode?.kind === "comment") {
    const chosen = await resolveProject(request.target, request.location, deps.store, deps.defaultProject);
    const project = await deps.tracker.getProject(chosen.path);
    const sameIssue = link?.projectId === project.id && link.issueIid === mode.issueIid;
    if (!sameIssue) return commentOnIssue(thread, project, mode.issueIid, requestedByName, deps);
  }
  if (!link || mode?.kind === "new") return createIssue(thread, request, requestedByName, deps);

  const fresh = thread.messages.filter((m) => compareSlackTs(m.ts, link.lastExportedTs) > 0);
  if (fresh.length === 0) return { kind: "nothing_new", link };
  const messages = prepareMessages(thread, fresh);
  const summary = await summarize(thread, messages, deps);
  const rendered = renderFollowUp({ thread, messages, summary, requestedByName });
  await deps.tracker.addNote(link.projectId, link.issueIid, rendered.body);
  const covered = { ...link, lastExportedTs: rendered.bodyCoversTs ?? link.lastExportedTs };
  await deps.store.updateLastExported(teamId, channelId, thread.threadTs, covered.lastExportedTs);
  const lastTs = await postContinuations(rendered, covered, deps);
  deps.log.info(
    { project: link.projectPath, iid: link.issueIid, messages: fresh.length },
    "appended to issue",
  );
  return { kind: "appended", link: { ...link, lastExportedTs: lastTs }, messages: fresh.length };
}

async function createIssue(
  thread: SlackThread,
  request: ExportRequest,
  requestedByName: string,
  deps: ExportDeps,
): Promise<ExportOutcome> {
  const { target } = request;
  const resolved = await resolveProject(target, request.location, deps.store, deps.defaultProject);
  const project = await deps.tracker.getProject(resolved.path);
  const messages = prepareMessages(thread);
  const summary = await summarize(thread, messages, deps);
  const includeTranscript = target?.includeTranscript;
  const rendered = renderNewIssue({ thread, messages, summary, requestedByName, includeTranscript });
  const confidential = target?.confidential ?? thread.conversation.kind !== "public_channel";
  const issue = await deps.tracker.createIssue(project.id, {
    title: target?.title ? safeTitle(target.title) : rendered.title,
    description: rendered.body,
    confidential,
    ...(target?.labels?.length ? { labels: target.labels } : {}),
  });
  const link = await recordLink(
    thread,
    project,
    { iid: issue.iid, webUrl: issue.webUrl, title: issue.title },
    rendered,
    deps,
  );
  deps.log.info(
    { project: link.projectPath, iid: link.issueIid, messages: messages.length, confidential },
    "created issue",
  );
  link.lastExportedTs = await postContinuations(rendered, link, deps);
  return { kind: "created", link };
}

/** Writes the whole thread as a comment on an issue the person chose, and points the thread to that issue. */
async function commentOnIssue(
  thread: SlackThread,
  project: TrackerProject,
  issueIid: number,
  requestedByName: string,
  deps: ExportDeps,
): Promise<ExportOutcome> {
  const projectId = project.id;
  const issue = await deps.tracker.getIssue(projectId, issueIid);
  const messages = prepareMessages(thread);
  const summary = await summarize(thread, messages, deps);
  const heading = `Slack thread in #${thread.conversation.name}: ${plural(messages.length, "message")}`;
  const rendered = renderFollowUp({ thread, messages, summary, requestedByName, heading });
  await deps.tracker.addNote(projectId, issueIid, rendered.body);
  const link = await recordLink(
    thread,
    project,
    { iid: issueIid, webUrl: issue.webUrl, title: issue.title },
    rendered,
    deps,
  );
  deps.log.info(
    { project: link.projectPath, iid: issueIid, messages: messages.length },
    "commented on issue",
  );
  link.lastExportedTs = await postContinuations(rendered, link, deps);
  return { kind: "commented", link, messages: messages.length };
}

/**
 * Stores the thread → issue link as soon as GitLab has the issue (or comment), so the two always exist
 * together; it records only the messages the body itself carries.
 */
async function recordLink(
  thread: SlackThread,
  project: TrackerProject,
  issue: { iid: number; webUrl: string; title: string },
  rendered: RenderedExport,
  deps: ExportDeps,
): Promise<ThreadLink> {
  const link: ThreadLink = {
    teamId: thread.teamId,
    channelId: thread.conversation.id,
    threadTs: thread.threadTs,
    projectPath: project.pathWithNamespace,
    projectId: project.id,
    issueIid: issue.iid,
    issueUrl: issue.webUrl,
    issueTitle: issue.title,
    lastExportedTs: rendered.bodyCoversTs ?? "0",
  };
  await deps.store.saveThreadLink(link);
  return link;
}

/**
 * Posts the transcript parts that did not fit, recording after each one how far GitLab now has the thread,
 * so that when a part fails a later export appends exactly the rest. Returns the newest ts in GitLab.
 */
async function postContinuations(
  rendered: RenderedExport,
  link: ThreadLink,
  deps: ExportDeps,
): Promise<string> {
  let lastTs = link.lastExportedTs;
  for (const part of rendered.continuations) {
    await deps.tracker.addNote(link.projectId, link.issueIid, part.text);
    lastTs = part.lastTs;
    await deps.store.updateLastExported(link.teamId, link.channelId, link.threadTs, lastTs);
  }
  return lastTs;
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
      reactions: m.reactionsByOthers,
    })),
  });
}

async function closeTheLoop(
  outcome: ExportOutcome,
  thread: SlackThread,
  request: ExportRequest,
  deps: ExportDeps,
) {
  if (outcome.kind === "failed") return;
  const { channelId, messageTs } = request.location;
  // An attempt stopped after its reply (a crash, a lost lease) finds nothing new when retried: the thread
  // already says where the discussion went, and a second answer ("nothing new") would only confuse.
  const answered = deps.retried === true && alreadyAnswered(thread, outcome.link);
  try {
    if (!answered) await deps.notifier.replyInThread(channelId, thread.threadTs, replyText(outcome));
    if (outcome.kind !== "nothing_new" || answered)
      await deps.notifier.addReaction(channelId, messageTs, deps.doneReaction ?? "white_check_mark");
  } catch (caught) {
    // GitLab already has everything; a failed Slack reply must not make anyone export again.
    deps.log.warn({ code: asThreadportError(caught).code }, "exported, but could not reply in Slack");
  }
}

async function tellRequester(error: ThreadportError, request: ExportRequest, deps: ExportDeps) {
  const { project, source } = await projectForMessages(request, deps);
  const text = explainFailure(error, {
    project,
    projectSource: source,
    reaction: request.reaction,
    again: request.retryHint,
  });
  const { channelId } = request.location;
  try {
    if (error.code === "no_project") {
      const { messageTs } = request.location;
      await deps.notifier.askToLinkProject(channelId, request.requestedBy, undefined, text, messageTs);
      return;
    }
    await deps.notifier.tellUser(channelId, request.requestedBy, undefined, text);
  } catch (caught) {
    deps.log.error({ code: asThreadportError(caught).code }, "could not tell the user why the export failed");
  }
}

/** The project a failure message names; never fails, since it only words an error that already happened. */
async function projectForMessages(
  request: ExportRequest,
  deps: ExportDeps,
): Promise<{ project: string; source: ProjectSource }> {
  try {
    const resolved = await resolveProject(request.target, request.location, deps.store, deps.defaultProject);
    return { project: resolved.path, source: resolved.source };
  } catch {
    return { project: deps.defaultProject ?? "(none)", source: "default" };
  }
}
