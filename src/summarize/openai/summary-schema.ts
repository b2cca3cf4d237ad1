/** What the model must answer: one JSON object, checked with zod before anything uses it. */
import { zodResponseFormat } from "openai/helpers/zod";
import { z } from "zod";
import type { ThreadSummary } from "../summarizer.js";

export const ModelSummarySchema = z.object({
  title: z.string(),
  summary: z.string(),
  decisions: z.array(z.string()),
  action_items: z.array(z.object({ owner: z.string().nullable(), task: z.string() })),
  open_questions: z.array(z.string()),
});

export type ModelSummary = z.infer<typeof ModelSummarySchema>;

export const SUMMARY_FORMAT = zodResponseFormat(ModelSummarySchema, "thread_summary");
// "$schema" tells the model nothing and costs tokens on every request.
delete (SUMMARY_FORMAT.json_schema.schema as Record<string, unknown>).$schema;

/** The JSON schema exactly as it goes over the wire, for token estimates. */
export const SUMMARY_FORMAT_JSON = JSON.stringify(SUMMARY_FORMAT);

/** The same caps as the offline summarizer, so a verbose model cannot flood the issue. */
const LIMITS = {
  title: 200,
  summary: 2_000,
  item: 500,
  owner: 80,
  decisions: 15,
  actions: 25,
  questions: 15,
};

/**
 * Turns the model's answer into a ThreadSummary: whitespace tidied, empty entries dropped, lengths capped.
 * It is still untrusted text; the issue renderer makes it safe for GitLab.
 */
export function toThreadSummary(answer: ModelSummary, summarizer: string): ThreadSummary {
  const list = (items: string[], max: number) =>
    items
      .map((item) => cap(item, LIMITS.item))
      .filter(Boolean)
      .slice(0, max);
  return {
    title: cap(answer.title, LIMITS.title),
    summary: cap(answer.summary, LIMITS.summary, false),
    decisions: list(answer.decisions, LIMITS.decisions),
    actionItems: answer.action_items
      .map((item) => ({
        owner: cap(item.owner ?? "", LIMITS.owner) || undefined,
        text: cap(item.task, LIMITS.item),
      }))
      .filter((item) => item.text !== "")
      .slice(0, LIMITS.actions),
    openQuestions: list(answer.open_questions, LIMITS.questions),
    summarizer,
  };
}

function cap(text: string, max: number, oneLine = true): string {
  const tidy = oneLine ? text.replace(/\s+/g, " ").trim() : text.replace(/[ \t]+/g, " ").trim();
  if (tidy.length <= max) return tidy;
  return `${tidy.slice(0, max - 1).trimEnd()}…`;
}
