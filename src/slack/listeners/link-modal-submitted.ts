/** The link modal submitted: link the channel (errors inline), then run the export that was waiting. */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { asThreadportError } from "../../errors.js";
import { describeProjectProblem } from "../../links/check-project.js";
import { type LinkOutcome, linkChannel } from "../../links/link-channel.js";
import type { Log } from "../../util/logger.js";
import { withinDeadline } from "../../util/within-deadline.js";
import { IDS } from "../interaction-ids.js";
import type { SurfaceDeps } from "../surface-deps.js";
import { linkedAnswer, linkRefusedAnswer } from "../views/async-answers.js";
import { decodeMetadata, type ModalMetadata } from "../views/modal-metadata.js";
import { selectedValue } from "../views/read-form.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Slack closes the form with an error after 3 seconds; a slower GitLab answer is sent as a message instead. */
const LINK_DEADLINE_MS = 2_300;

export function linkModalSubmittedListener(deps: SurfaceDeps) {
  return async ({ ack, body, view }: Args): Promise<void> => {
    const meta = decodeMetadata(view.private_metadata);
    const project = selectedValue(view.state.values, IDS.action.project);
    if (!meta || !project) {
      await ack({ response_action: "errors", errors: { [IDS.block.project]: "Choose the GitLab project." } });
      return;
    }
    const userId = body.user.id;
    const log = deps.log.child({ view: IDS.view.linkChannel, teamId: meta.t, channel: meta.c });
    const linking = linkChannel({ teamId: meta.t, channelId: meta.c, userId, project }, deps);
    // GitLab is asked before answering, so that a refusal shows in the form, where it can be fixed.
    const outcome = await withinDeadline(linking, LINK_DEADLINE_MS);
    if (outcome !== "late" && !outcome.ok) {
      const problem = describeProjectProblem(outcome.problem, project, deps.allowedNamespaces);
      await ack({ response_action: "errors", errors: { [IDS.block.project]: problem } });
      return;
    }
    await ack();
    deps.track(finish(outcome === "late" ? await linking : outcome, { meta, userId, project, log }, deps));
  };
}

async function finish(
  outcome: LinkOutcome,
  context: { meta: ModalMetadata; userId: string; project: string; log: Log },
  deps: SurfaceDeps,
): Promise<void> {
  const { meta, userId, log } = context;
  const answer = outcome.ok
    ? linkedAnswer(outcome.link, outcome.previous, deps.gitlabUrl)
    : linkRefusedAnswer(describeProjectProblem(outcome.problem, context.project, deps.allowedNamespaces));
  try {
    await deps.notifier.tellUser(meta.c, userId, undefined, answer.text);
  } catch (caught) {
    log.warn({ code: asThreadportError(caught).code }, "could not confirm the link");
  }
  if (!outcome.ok) return;
  log.info({ project: outcome.link.projectPath }, "channel linked from the modal");
  if (meta.m) {
    deps.startExport(
      {
        location: { teamId: meta.t, channelId: meta.c, messageTs: meta.m },
        requestedBy: userId,
        reaction: deps.exportReactions[0] ?? "memo",
      },
      log,
    );
  }
}
