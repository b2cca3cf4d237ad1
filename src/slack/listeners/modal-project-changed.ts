/** The project picker of a modal changed: remember the project and empty its issue and labels pickers. */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { asThreadportError } from "../../errors.js";
import { modalMetadataOf } from "../suggestion-context.js";
import type { SurfaceDeps } from "../surface-deps.js";
import { withProject } from "../views/with-project.js";

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

export function modalProjectChangedListener(deps: SurfaceDeps) {
  return async ({ ack, body, action, client }: Args): Promise<void> => {
    await ack();
    const view = body.view;
    const meta = modalMetadataOf(view);
    if (!view || !meta || action.type !== "external_select") return;
    const selected = action.selected_option;
    if (!selected?.value || selected.value === meta.p) return;
    const next = { ...meta, p: selected.value, r: (meta.r ?? 0) + 1 };
    const updated = withProject(view, next, { value: selected.value, label: selected.text.text });
    try {
      // With the hash, an older answer can never overwrite a newer choice.
      await client.views.update({ view_id: view.id, hash: view.hash, view: updated });
    } catch (caught) {
      deps.log.info(
        { code: asThreadportError(caught).code },
        "could not update the modal after a project change",
      );
    }
  };
}
