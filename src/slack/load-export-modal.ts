/** Fills the open "Send thread to GitLab" modal: reads the thread, drafts a title, picks the defaults. */
import type { WebClient } from "@slack/web-api";
import { asThreadportError } from "../errors.js";
import { draftTitle } from "../export/draft-title.js";
import { explainFailure } from "../export/explain-failure.js";
import type { Log } from "../util/logger.js";
import type { SurfaceDeps } from "./surface-deps.js";
import { exportModal, exportModalProblem } from "./views/export-modal.js";
import { projectChoice } from "./views/form-inputs.js";
import type { ModalMetadata } from "./views/modal-metadata.js";

export interface OpenExportModal {
  client: WebClient;
  viewId: string;
  hash?: string;
  meta: ModalMetadata;
  log: Log;
}

export async function loadExportModal(modal: OpenExportModal, deps: SurfaceDeps): Promise<void> {
  const { client, viewId, meta, log } = modal;
  let view: ReturnType<typeof exportModal>;
  try {
    const thread = await deps.reader.readThread({
      teamId: meta.t,
      channelId: meta.c,
      messageTs: meta.m ?? "",
    });
    const [threadLink, channelLink] = await Promise.all([
      deps.store.getThreadLink(meta.t, meta.c, thread.threadTs),
      deps.store.getChannelLink(meta.t, meta.c),
    ]);
    const projectPath = threadLink?.projectPath ?? channelLink?.projectPath ?? deps.defaultProject;
    const projectId = threadLink?.projectId ?? channelLink?.projectId;
    const project = projectPath ? projectChoice(projectPath, projectId) : undefined;
    const filled: ModalMetadata = {
      ...meta,
      th: thread.threadTs,
      k: thread.conversation.kind,
      ...(project ? { p: project.value } : {}),
    };
    view = exportModal({
      meta: filled,
      channelName: thread.conversation.name,
      messageCount: thread.messages.length,
      project,
      linkedIssue: threadLink && {
        iid: threadLink.issueIid,
        title: threadLink.issueTitle,
        reference: `${threadLink.projectPath}#${threadLink.issueIid}`,
      },
      title: await draftTitle(thread, deps.summarizer),
      confidential: thread.conversation.kind !== "public_channel",
    });
  } catch (caught) {
    const error = asThreadportError(caught);
    log.warn({ code: error.code, err: error.cause ?? error }, "could not prepare the export modal");
    const text = explainFailure(error, {
      project: deps.defaultProject ?? "",
      reaction: deps.exportReactions[0] ?? "memo",
      again: "use *Send thread to GitLab* again",
    });
    view = exportModalProblem(meta, text);
  }
  try {
    // Without the hash: the person cannot change a loading modal, so there is nothing to overwrite.
    await client.views.update({ view_id: viewId, view });
  } catch (caught) {
    // The person may have closed the modal already (not_found); nothing is lost.
    log.info({ code: asThreadportError(caught).code }, "could not fill the export modal");
  }
}
