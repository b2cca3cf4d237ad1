/** The modal behind the "Link a project" button: choose the project this channel's exports go to. */
import type { types } from "@slack/bolt";
import { IDS } from "../interaction-ids.js";
import { escapeMrkdwn, plainText, section } from "./block-kit.js";
import { projectInput } from "./form-inputs.js";
import { encodeMetadata, type ModalMetadata } from "./modal-metadata.js";

export function linkChannelModal(meta: ModalMetadata, channelName: string): types.ModalView {
  const then = meta.m ? " Then I'll export the thread you asked for." : "";
  return {
    type: "modal",
    callback_id: IDS.view.linkChannel,
    title: plainText("Link a GitLab project", 24),
    submit: plainText("Link", 24),
    close: plainText("Cancel", 24),
    private_metadata: encodeMetadata(meta),
    blocks: [
      section(
        `Threads exported from #${escapeMrkdwn(channelName)} will become issues in this project.${then}`,
      ),
      projectInput({ dispatch: false }),
    ],
  };
}
