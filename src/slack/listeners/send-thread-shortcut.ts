/** Message shortcut "Send thread to GitLab": opens the modal at once, then fills it in. */
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import { asThreadportError } from "../../errors.js";
import { loadExportModal } from "../load-export-modal.js";
import type { SurfaceDeps } from "../surface-deps.js";
import { loadingExportModal } from "../views/export-modal.js";
import type { ModalMetadata } from "../views/modal-metadata.js";

type Args = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

export function sendThreadShortcutListener(deps: SurfaceDeps) {
  return async ({ shortcut, ack, client }: Args): Promise<void> => {
    await ack();
    const teamId = shortcut.team?.id ?? shortcut.user.team_id ?? "";
    const messageTs = shortcut.message_ts ?? shortcut.message.ts;
    const meta: ModalMetadata = {
      t: teamId,
      c: shortcut.channel.id,
      m: messageTs,
      th: shortcut.message.thread_ts ?? messageTs,
    };
    const log = deps.log.child({ shortcut: shortcut.callback_id, teamId, channel: meta.c, ts: messageTs });
    // The trigger_id expires 3 seconds after the click: open first, read the thread afterwards.
    let opened: Awaited<ReturnType<typeof client.views.open>>;
    try {
      opened = await client.views.open({ trigger_id: shortcut.trigger_id, view: loadingExportModal(meta) });
    } catch (caught) {
      log.warn({ code: asThreadportError(caught).code, err: caught }, "could not open the export modal");
      return;
    }
    const viewId = opened.view?.id;
    if (!viewId) return;
    deps.track(loadExportModal({ client, viewId, hash: opened.view?.hash, meta, log }, deps));
  };
}
