/** Reads and checks the "Send thread to GitLab" form; problems come back per block, for Slack to show inline. */
import type { ViewStateValue } from "@slack/bolt";
import { IDS } from "./interaction-ids.js";
import { findValue, selectedValue, selectedValues, textValue } from "./views/read-form.js";

type Values = Record<string, Record<string, ViewStateValue>>;

export interface ExportForm {
  project?: string;
  mode: "new" | "comment";
  issueIid?: number;
  title: string;
  labels: string[];
  confidential: boolean;
  transcript: boolean;
}

export interface ReadForm<T> {
  form: T;
  /** block_id → message; empty when the form is complete. */
  errors: Record<string, string>;
}

export function readExportForm(values: Values | undefined): ReadForm<ExportForm> {
  const checked = selectedValues(values, IDS.action.options);
  const issue = findValue(values, IDS.action.issue);
  const issueValue = issue?.value.selected_option?.value;
  const form: ExportForm = {
    project: selectedValue(values, IDS.action.project),
    mode: selectedValue(values, IDS.action.mode) === "comment" ? "comment" : "new",
    ...(issueValue && /^\d+$/.test(issueValue) ? { issueIid: Number(issueValue) } : {}),
    title: textValue(values, IDS.action.title).trim(),
    labels: selectedValues(values, IDS.action.labels),
    confidential: checked.includes("confidential"),
    transcript: checked.includes("transcript"),
  };
  const errors: Record<string, string> = {};
  if (!form.project) errors[IDS.block.project] = "Choose the GitLab project.";
  if (form.mode === "comment" && form.issueIid === undefined)
    errors[issue?.blockId ?? IDS.block.issue] = "Choose the issue to comment on, or file a new issue.";
  if (form.mode === "new" && !form.title) errors[IDS.block.title] = "Give the new issue a title.";
  return { form, errors };
}
