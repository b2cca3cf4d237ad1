/** The issue (or comment) threadport writes, in the shape PRODUCT.md gives. */

import { ThreadportError } from "../errors.js";
import { findUnsafeLines, makeSafeForGitLab } from "../gitlab/make-safe-for-gitlab.js";
import type { ThreadSummary } from "../summarize/summarizer.js";
import type { PreparedMessage } from "./prepare-messages.js";
import { renderContextSection, renderSummarySections } from "./render-sections.js";
import { renderTranscriptBlocks, type TranscriptBlock } from "./render-transcript.js";
import type { SlackThread } from "./thread-types.js";

/** GitLab allows 1,048,576 characters in a description and 1,000,000 in a note; keep a margin. */
export const DESCRIPTION_BUDGET = 1_000_000;
export const NOTE_BUDGET = 950_000;
export const TITLE_LIMIT = 255;

export interface RenderInput {
  thread: SlackThread;
  messages: PreparedMessage[];
  summary: ThreadSummary;
  requestedByName: string;
  /** Default true; false leaves the conversation out (the summary and context stay). */
  includeTranscript?: boolean;
  /** Replaces a follow-up's "Update from Slack: N new messages" heading. */
  heading?: string;
}

export interface RenderedExport {
  title: string;
  /** Issue description, or the note body for a follow-up export. */
  body: string;
  /**
   * ts of the newest message the body accounts for (its transcript part, or every message when the
   * transcript is left out); undefined when the whole transcript is in the continuations.
   */
  bodyCoversTs?: string;
  /** Transcript parts that did not fit, each to be posted as a further comment. */
  continuations: TranscriptBlock[];
}

export function renderNewIssue(input: RenderInput): RenderedExport {
  const head = [renderSummarySections(input.summary, "##"), renderContext(input, "##")].join("\n\n");
  return assemble(input, head, "Conversation", DESCRIPTION_BUDGET, threadMarker(input.thread));
}

export function renderFollowUp(input: RenderInput): RenderedExport {
  const count = input.messages.length;
  const intro = `### ${input.heading ?? `Update from Slack: ${count} new message${count === 1 ? "" : "s"}`}`;
  const head = [intro, renderSummarySections(input.summary, "####"), renderContext(input, "####")].join(
    "\n\n",
  );
  return assemble(input, head, "New messages", NOTE_BUDGET, "");
}

/** GitLab renders titles as one line of Markdown and finds mentions in them, so they get the same pass. */
export function safeTitle(title: string): string {
  const single = makeSafeForGitLab(title.replace(/\s+/g, " ").trim()) || "Slack thread";
  if (single.length <= TITLE_LIMIT) return single;
  // Cut where no code span is open, so a neutralised `@name` cannot lose its closing backtick.
  let cut = TITLE_LIMIT - 1;
  while (cut > 0 && ((single.slice(0, cut).match(/`/g)?.length ?? 0) % 2 === 1 || single[cut] !== " ")) cut--;
  return `${single.slice(0, cut > 0 ? cut : TITLE_LIMIT - 1).trimEnd()}…`;
}

/** A hidden marker that ties the issue to its thread, so it can be found again whatever the store says. */
export function threadMarker(thread: SlackThread): string {
  return `<!-- threadport:thread ${thread.teamId}/${thread.conversation.id}/${thread.threadTs} -->`;
}

function renderContext(input: RenderInput, heading: string): string {
  return renderContextSection(
    {
      thread: input.thread,
      messages: input.messages,
      requestedByName: input.requestedByName,
      summarizer: input.summary.summarizer,
      summarizerNote: input.summary.note,
    },
    heading,
  );
}

function assemble(
  input: RenderInput,
  head: string,
  label: string,
  budget: number,
  marker: string,
): RenderedExport {
  const tail = marker ? `\n\n${marker}` : "";
  if (input.includeTranscript === false) {
    const body = `${head}${tail}`;
    assertNoQuickActions(body);
    return {
      title: safeTitle(input.summary.title),
      body,
      bodyCoversTs: input.messages.at(-1)?.ts,
      continuations: [],
    };
  }
  const [first, ...rest] = renderTranscriptBlocks(input.messages, label, NOTE_BUDGET);
  let body = `${head}\n\n${first?.text ?? ""}${tail}`;
  let bodyCoversTs = first?.lastTs;
  let continuations = rest;
  if (body.length > budget && first) {
    body = `${head}\n\n_The conversation is long: it follows in the comments below._${tail}`;
    bodyCoversTs = undefined;
    continuations = [first, ...rest];
  }
  for (const text of [body, ...continuations.map((block) => block.text)]) assertNoQuickActions(text);
  return { title: safeTitle(input.summary.title), body, bodyCoversTs, continuations };
}

function assertNoQuickActions(text: string): void {
  const unsafe = findUnsafeLines(text);
  if (unsafe.length > 0) {
    throw new ThreadportError("internal", "Refusing to send text that would run GitLab quick actions", {
      lines: unsafe.length,
    });
  }
}
