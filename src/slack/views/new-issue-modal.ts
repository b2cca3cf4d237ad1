/** The `/async issue` modal: open an issue from a channel, optionally with its latest messages. */
import type { types } from "@slack/bolt";
import { IDS } from "../interaction-ids.js";
import { context, escapeMrkdwn, LIMITS, plainText } from "./block-kit.js";
import { labelsInput, optionsInput, type ProjectChoice, projectInput, titleInput } from "./form-inputs.js";
import { encodeMetadata, type ModalMetadata } from "./modal-metadata.js";

/** Most channel messages `/async issue` copies into the issue. */
export const MAX_RECENT_MESSAGES = 50;

export interface NewIssueModalInput {
  meta: ModalMetadata;
  channelName: string;
  project?: ProjectChoice;
  title: string;
  description: string;
  confidential: boolean;
}

export function newIssueModal(input: NewIssueModalInput): types.ModalView {
  const description: types.PlainTextInput = {
    type: "plain_text_input",
    action_id: IDS.action.description,
    multiline: true,
    max_length: LIMITS.plainTextInitialValue,
  };
  const text = input.description.slice(0, LIMITS.plainTextInitialValue);
  if (text.trim()) description.initial_value = text;
  const blocks: types.KnownBlock[] = [
    context(`Opens a GitLab issue from #${escapeMrkdwn(input.channelName)}.`),
    // Dispatches, so that the labels picker follows a change of project (see modal-project-changed.ts).
    projectInput({ initial: input.project, dispatch: true }),
    titleInput(input.title),
    {
      type: "input",
      block_id: IDS.block.description,
      optional: true,
      label: plainText("Description", 2000),
      element: description,
    },
    {
      type: "input",
      block_id: IDS.block.recentCount,
      optional: true,
      label: plainText("Include the last messages of this channel", 2000),
      hint: plainText(`How many (1–${MAX_RECENT_MESSAGES}); leave empty for none.`, 2000),
      element: {
        type: "number_input",
        action_id: IDS.action.recentCount,
        is_decimal_allowed: false,
        min_value: "1",
        max_value: String(MAX_RECENT_MESSAGES),
      },
    },
    labelsInput(input.meta.r),
    optionsInput({ confidential: input.confidential }),
  ];
  return {
    type: "modal",
    callback_id: IDS.view.newIssue,
    title: plainText("New GitLab issue", 24),
    submit: plainText("Open issue", 24),
    close: plainText("Cancel", 24),
    private_metadata: encodeMetadata(input.meta),
    blocks,
  };
}
