/** "Send thread to GitLab" submitted: check the form and the project, then export in the background. */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { checkProject, describeProjectProblem } from "../../links/check-project.js";
import { withinDeadline } from "../../util/within-deadline.js";
import { IDS } from "../interaction-ids.js";
import { readExportForm } from "../read-export-form.js";
import type { SurfaceDeps } from "../surface-deps.js";
import { decodeMetadata } from "../views/modal-metadata.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Leaves time for Slack's 3-second limit; a slower GitLab check is left to the export itself. */
const CHECK_DEADLINE_MS = 2_300;

export function exportModalSubmittedListener(deps: SurfaceDeps) {
  return async ({ ack, body, view }: Args): Promise<void> => {
    const meta = decodeMetadata(view.private_metadata);
    if (!meta?.m) {
      await ack({
        response_action: "errors",
        errors: { [IDS.block.project]: "This form expired; start again." },
      });
      return;
    }
    const { form, errors } = readExportForm(view.state.values);
    let project = form.project;
    if (project && Object.keys(errors).length === 0) {
      const checked = await withinDeadline(checkProject(project, deps), CHECK_DEADLINE_MS);
      if (checked !== "late" && !checked.ok) {
        errors[IDS.block.project] = describeProjectProblem(checked.problem, project, deps.allowedNamespaces);
      } else if (checked !== "late") {
        project = checked.project.pathWithNamespace;
      }
    }
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack();
    const log = deps.log.child({ view: IDS.view.exportThread, teamId: meta.t, channel: meta.c, ts: meta.m });
    log.info({ mode: form.mode }, "export requested from the modal");
    deps.startExport(
      {
        location: { teamId: meta.t, channelId: meta.c, messageTs: meta.m },
        requestedBy: body.user.id,
        reaction: deps.exportReactions[0] ?? "memo",
        retryHint: "use *Send thread to GitLab* on the thread again",
        target: {
          project,
          mode: form.mode === "comment" ? { kind: "comment", issueIid: form.issueIid! } : { kind: "new" },
          title: form.title,
          labels: form.labels,
          confidential: form.confidential,
          includeTranscript: form.transcript,
        },
      },
      log,
    );
  };
}
