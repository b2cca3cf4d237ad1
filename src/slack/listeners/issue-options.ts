/** Options of the issue picker: open issues of the project chosen in the same modal. */
import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from "@slack/bolt";
import { asThreadportError } from "../../errors.js";
import { withinDeadline } from "../../util/within-deadline.js";
import { chosenProject, viewOf } from "../suggestion-context.js";
import type { SurfaceDeps } from "../surface-deps.js";
import { LIMITS } from "../views/block-kit.js";
import { issueOption } from "../views/form-inputs.js";
import { OPTIONS_DEADLINE_MS } from "./project-options.js";

type Args = SlackOptionsMiddlewareArgs<"block_suggestion"> & AllMiddlewareArgs;

export function issueOptionsListener(deps: SurfaceDeps) {
  return async ({ payload, body, ack }: Args): Promise<void> => {
    const project = chosenProject(viewOf(body));
    if (!project) {
      await ack({ options: [] });
      return;
    }
    try {
      const search = deps.tracker.searchOpenIssues(project, payload.value, LIMITS.options);
      const found = await withinDeadline(search, OPTIONS_DEADLINE_MS);
      await ack({ options: found === "late" ? [] : found.map((issue) => issueOption(issue)) });
    } catch (caught) {
      deps.log.warn({ code: asThreadportError(caught).code }, "issue search failed");
      await ack({ options: [] });
    }
  };
}
