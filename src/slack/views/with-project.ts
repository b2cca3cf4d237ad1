/**
 * A modal after its project changed: the project picker shows the choice, and project-specific inputs (issue,
 * labels) get new block ids so they start empty; every other input keeps what the person typed.
 */
import type { types } from "@slack/bolt";
import { IDS } from "../interaction-ids.js";
import { issueInput, labelsInput, type ProjectChoice, projectInput } from "./form-inputs.js";
import { encodeMetadata, type ModalMetadata } from "./modal-metadata.js";

export interface OpenModal {
  callback_id?: string;
  title: types.PlainTextElement;
  submit?: types.PlainTextElement | null;
  close?: types.PlainTextElement | null;
  blocks: (types.KnownBlock | types.Block)[];
}

export function withProject(view: OpenModal, meta: ModalMetadata, project: ProjectChoice): types.ModalView {
  const blocks = view.blocks.map((block): types.KnownBlock | types.Block => {
    const base = (block.block_id ?? "").split(".")[0];
    if (base === IDS.block.project) {
      const dispatch = (block as types.InputBlock).dispatch_action === true;
      return projectInput({ initial: project, dispatch });
    }
    if (base === IDS.block.issue) return issueInput(meta.r);
    if (base === IDS.block.labels) return labelsInput(meta.r);
    return block;
  });
  return {
    type: "modal",
    ...(view.callback_id ? { callback_id: view.callback_id } : {}),
    title: view.title,
    ...(view.submit ? { submit: view.submit } : {}),
    ...(view.close ? { close: view.close } : {}),
    private_metadata: encodeMetadata(meta),
    blocks,
  };
}
