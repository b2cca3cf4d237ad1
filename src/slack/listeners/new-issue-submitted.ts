/** `/async issue` form submitted: check it and the project, then open the issue in the background. */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { openIssueFromChannel } from "../../export/open-issue-from-channel.js";
import { checkProject, describeProjectProblem } from "../../links/check-project.js";
import { withinDeadline } from "../../util/within-deadline.js";
import { IDS } from "../interaction-ids.js";
import type { SurfaceDeps } from "../surface-deps.js";
import { decodeMetadata } from "../views/modal-metadata.js";
import { MAX_RECENT_MESSAGES } from "../views/new-issue-modal.js";
import { selectedValue, selectedValues, textValue } from "../views/read-form.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const CHECK_DEADLINE_MS = 2_300;

export function newIssueSubmittedListener(deps: SurfaceDeps) {
  return async ({ ack, body, view }: Args): Promise<void> => {
    const meta = decodeMetadata(view.private_metadata);
    const values = view.state.values;
    const errors: Record<string, string> = {};
    let project = selectedValue(values, IDS.action.project);
    const title = textValue(values, IDS.action.title).trim();
    const recentText = textValue(values, IDS.action.recentCount).trim();
    const recent = recentText === "" ? 0 : Number(recentText);
    if (!meta) errors[IDS.block.project] = "This form expired; run `/async issue` again.";
    if (!project) errors[IDS.block.project] = "Choose the GitLab project.";
    if (!title) errors[IDS.block.title] = "Give the issue a title.";
    if (!Number.isInteger(recent) || recent < 0 || recent > MAX_RECENT_MESSAGES)
      errors[IDS.block.recentCount] =
        `Give a whole number from 1 to ${MAX_RECENT_MESSAGES}, or leave it empty.`;
    if (project && Object.keys(errors).length === 0) {
      const checked = await withinDeadline(checkProject(project, deps), CHECK_DEADLINE_MS);
      if (checked !== "late" && !checked.ok)
        errors[IDS.block.project] = describeProjectProblem(checked.problem, project, deps.allowedNamespaces);
      else if (checked !== "late") project = checked.project.pathWithNamespace;
    }
    if (Object.keys(errors).length > 0 || !meta || !project) {
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack();
    const log = deps.log.child({ view: IDS.view.newIssue, teamId: meta.t, channel: meta.c });
    deps.track(
      openIssueFromChannel(
        {
          teamId: meta.t,
          channelId: meta.c,
          userId: body.user.id,
          userName: body.user.name || body.user.id,
          project,
          title,
          description: textValue(values, IDS.action.description),
          recentMessages: recent,
          labels: selectedValues(values, IDS.action.labels),
          confidential: selectedValues(values, IDS.action.options).includes("confidential"),
        },
        {
          tracker: deps.tracker,
          notifier: deps.notifier,
          readRecentMessages: (location, count) => deps.reader.readRecentMessages(location, count),
          log,
        },
      ),
    );
  };
}
