/** One message as the summarizer sees it: already converted to Markdown and redacted. */
export interface SummaryMessage {
  author: string;
  authorId?: string;
  isBot: boolean;
  at: Date;
  text: string;
  /** Emoji names (without colons) that people other than the author reacted with. */
  reactions?: string[];
}

export interface SummaryInput {
  channelName: string;
  messages: SummaryMessage[];
}

export interface ActionItem {
  /** Person named as responsible, when the thread names one. */
  owner?: string;
  text: string;
}

export interface ThreadSummary {
  /** At most 255 characters (GitLab's limit for issue titles). */
  title: string;
  summary: string;
  decisions: string[];
  actionItems: ActionItem[];
  openQuestions: string[];
  /** Which summarizer wrote it, shown in the issue (e.g. "offline"). */
  summarizer: string;
  /** Shown after the summarizer's name, e.g. "the model failed: timeout" when the fallback wrote it. */
  note?: string;
}

export interface Summarizer {
  readonly name: string;
  summarize(input: SummaryInput): Promise<ThreadSummary>;
}
