/**
 * The Workflow Builder step "Create GitLab issue": an issue from the step's inputs, in the chosen project or
 * the channel's (else the default one). Failures come back as one sentence with the fix, for the workflow's
 * error view, because nobody is in a thread to be told.
 */
import { asThreadportError, type ThreadportError } from "../errors.js";
import { checkProject, describeProjectProblem, type ProjectProblem } from "../links/check-project.js";
import { parseProjectReference } from "../links/parse-project-reference.js";
import type { Store } from "../store/store.js";
import type { Log } from "../util/logger.js";
import { resolveProject } from "./export-target.js";
import type { IssueTracker } from "./ports.js";
import { safeTitle } from "./render-issue.js";
import { safeWrittenText } from "./safe-written-text.js";

export interface StepIssueInputs {
  teamId: string;
  /** Project path, id or URL; empty: the channel's linked project, then GITLAB_DEFAULT_PROJECT. */
  project?: string;
  title?: string;
  description?: string;
  labels: string[];
  /** The channel whose linked project is the default. */
  channelId?: string;
  /** File the issue as confidential (the step cannot tell a private conversation by itself). */
  confidential?: boolean;
}

export interface StepIssueDeps {
  tracker: Pick<IssueTracker, "checkCanCreateIssues" | "createIssue">;
  store: Pick<Store, "getChannelLink">;
  gitlabUrl: string;
  defaultProject?: string;
  allowedNamespaces: readonly string[];
  log: Log;
}

export type StepIssueOutcome =
  | { kind: "created"; issueUrl: string; issueIid: number; reference: string }
  | { kind: "failed"; message: string };

export const STEP_FOOTER = "_Created by the Slack workflow step “Create GitLab issue”._";

export async function createIssueFromStep(
  inputs: StepIssueInputs,
  deps: StepIssueDeps,
): Promise<StepIssueOutcome> {
  const title = inputs.title?.trim() ?? "";
  if (!title) return failed("The step has no title: fill in “Title” in the step's settings.");
  const chosen = await chooseProject(inputs, deps);
  if ("message" in chosen) return failed(chosen.message);
  const checked = await checkProject(chosen.path, deps);
  if (!checked.ok)
    return failed(describeProjectProblem(checked.problem, chosen.path, deps.allowedNamespaces));
  const project = checked.project;
  try {
    const written = safeWrittenText(inputs.description ?? "");
    const issue = await deps.tracker.createIssue(project.id, {
      title: safeTitle(title),
      description: `${written || "_No description._"}\n\n${STEP_FOOTER}`,
      confidential: inputs.confidential === true,
      ...(inputs.labels.length > 0 ? { labels: inputs.labels } : {}),
    });
    deps.log.info({ project: project.pathWithNamespace, iid: issue.iid }, "created issue from workflow step");
    return { kind: "created", issueUrl: issue.webUrl, issueIid: issue.iid, reference: issue.reference };
  } catch (caught) {
    const error = asThreadportError(caught);
    deps.log.warn(
      { code: error.code, err: error.cause ?? error },
      "workflow step could not create the issue",
    );
    return failed(explainCreateFailure(error, project.pathWithNamespace, deps.allowedNamespaces));
  }
}

async function chooseProject(
  inputs: StepIssueInputs,
  deps: StepIssueDeps,
): Promise<{ path: string } | { message: string }> {
  const typed = inputs.project?.trim();
  if (typed) {
    const path = parseProjectReference(typed, deps.gitlabUrl);
    return path
      ? { path }
      : {
          message: `\`${typed}\` is not a GitLab project: give its path (group/project), its id, or its URL on ${deps.gitlabUrl}.`,
        };
  }
  const noProject = {
    message:
      "The step has no GitLab project: fill in “Project” in the step's settings, link the channel with `/async link group/project`, or ask your threadport admin to set GITLAB_DEFAULT_PROJECT.",
  };
  if (!inputs.channelId) return deps.defaultProject ? { path: deps.defaultProject } : noProject;
  try {
    const where = { teamId: inputs.teamId, channelId: inputs.channelId };
    return { path: (await resolveProject(undefined, where, deps.store, deps.defaultProject)).path };
  } catch (caught) {
    const error = asThreadportError(caught);
    if (error.code === "no_project") return noProject;
    deps.log.warn({ code: error.code, err: error.cause ?? error }, "could not read the channel's project");
    return {
      message: "threadport could not read the channel's linked project. Run the workflow again in a moment.",
    };
  }
}

/** GitLab's refusal of the issue itself, worded like the project checks that came before it. */
function explainCreateFailure(error: ThreadportError, project: string, allowed: readonly string[]): string {
  const asProblem: Partial<Record<ThreadportError["code"], ProjectProblem>> = {
    gitlab_unauthorized: "unauthorized",
    gitlab_forbidden: "access_level",
    gitlab_project_not_found: "not_found",
    gitlab_unavailable: "unavailable",
  };
  const problem = asProblem[error.code];
  if (problem) return describeProjectProblem(problem, project, allowed);
  if (error.code === "gitlab_rejected")
    return `GitLab refused the issue in \`${project}\` (${error.details.detail ?? error.message}). Check the step's title and labels; if they look right, ask your threadport admin (the logs have the details).`;
  return `Something went wrong in threadport while creating the issue in \`${project}\`. Run the workflow again; if it keeps failing, ask your threadport admin (the logs have the details).`;
}

function failed(message: string): StepIssueOutcome {
  return { kind: "failed", message };
}
