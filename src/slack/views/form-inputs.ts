/** Input blocks shared by threadport's modals: project, issue and label pickers, title, confidential. */
import type { types } from "@slack/bolt";
import { IDS } from "../interaction-ids.js";
import { type Block, LIMITS, type Option, option, plainText } from "./block-kit.js";

export interface ProjectChoice {
  /** Sent back on submission: the path, or the id when the path is longer than an option value may be. */
  value: string;
  label: string;
}

export interface IssueChoice {
  iid: number;
  title: string;
}

/** A project as a choice: its path as text, and as value unless it is too long for one (then its id). */
export function projectChoice(path: string, id?: number): ProjectChoice {
  const value = path.length <= LIMITS.optionValue || id === undefined ? path : String(id);
  return { value, label: path };
}

export function projectOption(choice: ProjectChoice): Option {
  return option(choice.label, choice.value);
}

export function issueOption(issue: IssueChoice): Option {
  return option(`#${issue.iid} ${issue.title}`, String(issue.iid));
}

/** Block ids of project-specific inputs carry the round, so a new project starts them empty. */
export function roundBlockId(base: string, round: number | undefined): string {
  return round ? `${base}.${round}` : base;
}

export function projectInput(options: { initial?: ProjectChoice; dispatch: boolean }): Block {
  const element: types.ExternalSelect = {
    type: "external_select",
    action_id: IDS.action.project,
    placeholder: plainText("Search your GitLab projects", LIMITS.placeholder),
    min_query_length: 0,
  };
  if (options.initial) element.initial_option = projectOption(options.initial);
  return {
    type: "input",
    block_id: IDS.block.project,
    dispatch_action: options.dispatch,
    label: plainText("GitLab project", 2000),
    hint: plainText("Projects where threadport's GitLab account may file issues.", 2000),
    element,
  };
}

export function issueInput(round: number | undefined, initial?: IssueChoice): Block {
  const element: types.ExternalSelect = {
    type: "external_select",
    action_id: IDS.action.issue,
    placeholder: plainText("Search open issues by title or number", LIMITS.placeholder),
    min_query_length: 0,
  };
  if (initial) element.initial_option = issueOption(initial);
  return {
    type: "input",
    block_id: roundBlockId(IDS.block.issue, round),
    optional: true,
    label: plainText("Existing issue", 2000),
    hint: plainText("Only for a comment: the open issue of the project to add the thread to.", 2000),
    element,
  };
}

export function labelsInput(round: number | undefined): Block {
  return {
    type: "input",
    block_id: roundBlockId(IDS.block.labels, round),
    optional: true,
    label: plainText("Labels", 2000),
    element: {
      type: "multi_external_select",
      action_id: IDS.action.labels,
      placeholder: plainText("Search the project's labels", LIMITS.placeholder),
      min_query_length: 0,
      max_selected_items: 10,
    },
  };
}

/** The title; optional where it is needed only sometimes (a comment needs none), and checked on submission. */
export function titleInput(initial: string, optional = false): Block {
  const element: types.PlainTextInput = {
    type: "plain_text_input",
    action_id: IDS.action.title,
    max_length: 255,
  };
  const value = initial.slice(0, 255).trim();
  if (value) element.initial_value = value;
  return {
    type: "input",
    block_id: IDS.block.title,
    ...(optional ? { optional: true, hint: plainText("Needed for a new issue.", 2000) } : {}),
    label: plainText("Title", 2000),
    element,
  };
}

const CONFIDENTIAL = option("Confidential issue", "confidential");
const TRANSCRIPT = option("Include the conversation", "transcript");

/** Checkboxes: confidential (and, for thread exports, include the conversation). */
export function optionsInput(choices: { confidential: boolean; transcript?: boolean }): Block {
  const offered = choices.transcript === undefined ? [CONFIDENTIAL] : [CONFIDENTIAL, TRANSCRIPT];
  const initial = [
    ...(choices.confidential ? [CONFIDENTIAL] : []),
    ...(choices.transcript ? [TRANSCRIPT] : []),
  ];
  const element: types.Checkboxes = { type: "checkboxes", action_id: IDS.action.options, options: offered };
  if (initial.length > 0) element.initial_options = initial;
  return {
    type: "input",
    block_id: IDS.block.options,
    optional: true,
    label: plainText("Options", 2000),
    hint: plainText(
      "Confidential issues are seen only by the project's Planners and above, the author and assignees.",
      2000,
    ),
    element,
  };
}
