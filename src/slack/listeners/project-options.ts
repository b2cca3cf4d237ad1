/** Options of the project pickers: GitLab projects the token can file issues in, matching what is typed. */
import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from "@slack/bolt";
import { asThreadportError } from "../../errors.js";
import { isInAllowedNamespace } from "../../links/parse-project-reference.js";
import { withinDeadline } from "../../util/within-deadline.js";
import type { SurfaceDeps } from "../surface-deps.js";
import { LIMITS } from "../views/block-kit.js";
import { projectChoice, projectOption } from "../views/form-inputs.js";

type Args = SlackOptionsMiddlewareArgs<"block_suggestion"> & AllMiddlewareArgs;

/** Slack waits 3 seconds for options; answer with what is there before that. */
export const OPTIONS_DEADLINE_MS = 2_500;

export function projectOptionsListener(deps: SurfaceDeps) {
  return async ({ payload, ack }: Args): Promise<void> => {
    try {
      const found = await withinDeadline(
        deps.tracker.searchProjects(payload.value, LIMITS.options),
        OPTIONS_DEADLINE_MS,
      );
      const projects = found === "late" ? [] : found;
      const options = projects
        .filter((p) => isInAllowedNamespace(p.pathWithNamespace, deps.allowedNamespaces))
        .map((p) => projectOption(projectChoice(p.pathWithNamespace, p.id)));
      await ack({ options });
    } catch (caught) {
      deps.log.warn({ code: asThreadportError(caught).code }, "project search failed");
      await ack({ options: [] });
    }
  };
}
