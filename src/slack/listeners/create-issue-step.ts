/**
 * The Workflow Builder step "Create GitLab issue" (a Bolt custom function): reads the step's inputs, files the
 * issue, and ends the step with complete({ outputs }) or fail({ error }), or the workflow waits forever.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import {
  createIssueFromStep,
  type StepIssueDeps,
  type StepIssueInputs,
} from "../../export/create-issue-from-step.js";

/** Input and output parameter names, as declared under functions.create_gitlab_issue in manifest.yml. */
export const STEP_INPUTS = [
  "project",
  "title",
  "description",
  "labels",
  "channel_id",
  "confidential",
] as const;
export const STEP_OUTPUTS = ["issue_url", "issue_iid"] as const;

export interface CreateIssueStepDeps extends StepIssueDeps {
  /** Records the event id; false when this event was handled before (Slack redelivers). */
  claimEvent(eventId: string): Promise<boolean>;
  /** Tracks the step's work, so shutdown waits for it to be completed or failed. */
  track(work: Promise<unknown>): void;
}

type Args = SlackEventMiddlewareArgs<"function_executed"> & AllMiddlewareArgs;

export function createIssueStepListener(deps: CreateIssueStepDeps) {
  return async ({ event, body, inputs, complete, fail }: Args): Promise<void> => {
    const log = deps.log.child({
      eventId: body.event_id,
      teamId: body.team_id,
      functionExecutionId: event.function_execution_id,
    });
    if (!(await deps.claimEvent(body.event_id))) {
      log.info({ retry: true }, "event already handled; ignoring redelivery");
      return;
    }
    const work = (async () => {
      const outcome = await createIssueFromStep(readInputs(inputs, body.team_id), { ...deps, log });
      try {
        if (outcome.kind === "created")
          await complete({ outputs: { issue_url: outcome.issueUrl, issue_iid: outcome.issueIid } });
        else await fail({ error: outcome.message });
      } catch (error) {
        log.error({ err: error, outcome: outcome.kind }, "could not tell Slack how the workflow step ended");
      }
    })();
    deps.track(work);
    await work;
  };
}

function readInputs(inputs: Record<string, unknown>, teamId: string): StepIssueInputs {
  const text = (name: (typeof STEP_INPUTS)[number]) => {
    const value = inputs[name];
    return typeof value === "string" && value.trim() !== "" ? value : undefined;
  };
  const rawLabels = inputs.labels;
  const labels = (Array.isArray(rawLabels) ? rawLabels.map(String) : (text("labels") ?? "").split(","))
    .map((label) => label.trim())
    .filter(Boolean);
  return {
    teamId,
    project: text("project"),
    title: text("title"),
    description: text("description"),
    labels,
    channelId: text("channel_id"),
    confidential: inputs.confidential === true,
  };
}
