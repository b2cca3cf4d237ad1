/** The "Send thread to GitLab" modal: shown loading at once, then filled in with views.update. */
import type { types } from "@slack/bolt";
import { IDS } from "../interaction-ids.js";
import { context, escapeMrkdwn, option, plainText, section } from "./block-kit.js";
import {
  type IssueChoice,
  issueInput,
  labelsInput,
  optionsInput,
  type ProjectChoice,
  projectInput,
  titleInput,
} from "./form-inputs.js";
import { encodeMetadata, type ModalMetadata } from "./modal-metadata.js";

export interface ExportModalInput {
  meta: ModalMetadata;
  channelName: string;
  messageCount: number;
  project?: ProjectChoice;
  /** The issue the thread was exported to, when it belongs to the chosen project: the default target. */
  linkedIssue?: IssueChoice & { reference: string };
  /** Prefilled from the summary. */
  title: string;
  confidential: boolean;
}

const TITLE = "Send to GitLab";

function shell(meta: ModalMetadata, blocks: types.KnownBlock[], submit: boolean): types.ModalView {
  return {
    type: "modal",
    callback_id: IDS.view.exportThread,
    title: plainText(TITLE, 24),
    close: plainText("Cancel", 24),
    ...(submit ? { submit: plainText("Send", 24) } : {}),
    private_metadata: encodeMetadata(meta),
    blocks,
  };
}

/** Opened within Slack's 3-second trigger window, before the thread is read. */
export function loadingExportModal(meta: ModalMetadata): types.ModalView {
  return shell(meta, [section(":hourglass_flowing_sand: Reading the thread and drafting a title…")], false);
}

/** Replaces the form when the thread cannot be read; `problem` says why and what to do. */
export function exportModalProblem(meta: ModalMetadata, problem: string): types.ModalView {
  return shell(meta, [section(problem)], false);
}

const NEW = option("New issue", "new");
const COMMENT = option("Comment on an existing issue", "comment");

export function exportModal(input: ExportModalInput): types.ModalView {
  const { meta } = input;
  const round = meta.r;
  const about = `From #${escapeMrkdwn(input.channelName)} · ${input.messageCount} message${input.messageCount === 1 ? "" : "s"}`;
  const linked = input.linkedIssue
    ? ` · exported before to ${escapeMrkdwn(input.linkedIssue.reference)}: only new messages are added there`
    : "";
  const blocks: types.KnownBlock[] = [
    context(`${about}${linked}`),
    projectInput({ initial: input.project, dispatch: true }),
    {
      type: "input",
      block_id: IDS.block.mode,
      label: plainText("File it as", 2000),
      element: {
        type: "radio_buttons",
        action_id: IDS.action.mode,
        options: [NEW, COMMENT],
        initial_option: input.linkedIssue ? COMMENT : NEW,
      },
    },
    issueInput(round, input.linkedIssue),
    titleInput(input.title, true),
    labelsInput(round),
    optionsInput({ confidential: input.confidential, transcript: true }),
  ];
  return shell(meta, blocks, true);
}
