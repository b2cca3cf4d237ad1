/** Options of the labels picker: labels of the project chosen in the same modal. */
import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from "@slack/bolt";
import { asThreadportError } from "../../errors.js";
import { withinDeadline } from "../../util/within-deadline.js";
import { chosenProject, viewOf } from "../suggestion-context.js";
import type { SurfaceDeps } from "../surface-deps.js";
import { LIMITS, option } from "../views/block-kit.js";
import { OPTIONS_DEADLINE_MS } from "./project-options.js";

type Args = SlackOptionsMiddlewareArgs<"block_suggestion"> & AllMiddlewareArgs;

export function labelOptionsListener(deps: SurfaceDeps) {
  return async ({ payload, body, ack }: Args): Promise<void> => {
    const project = chosenProject(viewOf(body));
    if (!project) {
      await ack({ options: [] });
      return;
    }
    try {
      const search = deps.tracker.searchLabels(project, payload.value, LIMITS.options);
      const found = await withinDeadline(search, OPTIONS_DEADLINE_MS);
      const names = found === "late" ? [] : found;
      // A label name longer than an option value could not be sent back intact.
      const options = names.filter((n) => n.length <= LIMITS.optionValue).map((n) => option(n, n));
      await ack({ options });
    } catch (caught) {
      deps.log.warn({ code: asThreadportError(caught).code }, "label search failed");
      await ack({ options: [] });
    }
  };
}
