/** What a block_suggestion (or a modal action) tells about its modal: metadata and the chosen project. */
import type { BlockSuggestion } from "@slack/bolt";
import { IDS } from "./interaction-ids.js";
import { decodeMetadata, type ModalMetadata } from "./views/modal-metadata.js";
import { selectedValue } from "./views/read-form.js";

interface ViewLike {
  private_metadata?: string;
  state?: { values?: Parameters<typeof selectedValue>[0] };
}

export function modalMetadataOf(view: ViewLike | undefined): ModalMetadata | undefined {
  return decodeMetadata(view?.private_metadata);
}

/** The project the person has chosen in the modal: its state when Slack sends it, else the metadata. */
export function chosenProject(view: ViewLike | undefined): string | undefined {
  return selectedValue(view?.state?.values, IDS.action.project) ?? modalMetadataOf(view)?.p;
}

export function viewOf(body: BlockSuggestion): ViewLike | undefined {
  return (body as { view?: ViewLike }).view;
}
