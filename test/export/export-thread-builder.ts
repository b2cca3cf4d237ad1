/** Scenario builder for the export core: in-memory Slack and GitLab, a real SQLite store in memory. */
import { ThreadportError } from "../../src/errors.js";
import { type ExportDeps, type ExportRequest, exportThread } from "../../src/export/export-thread.js";
import type {
  CreatedIssue,
  IssueTracker,
  NewIssue,
  ThreadNotifier,
  ThreadReader,
  TrackerIssue,
} from "../../src/export/ports.js";
import type { ConversationKind, Person, SlackThread, ThreadMessage } from "../../src/export/thread-types.js";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import type { Summarizer } from "../../src/summarize/summarizer.js";
import { KeyedMutex } from "../../src/util/keyed-mutex.js";
import type { Log } from "../../src/util/logger.js";

export const silentLog: Log = { debug() {}, info() {}, warn() {}, error() {}, child: () => silentLog };

export class MemoryTracker implements IssueTracker {
  issues: (NewIssue & { iid: number; projectId: number })[] = [];
  notes: { iid: number; body: string }[] = [];
  failWith?: ThreadportError;
  failNotesAfter?: number;
  /** Every project path or id asked for, in order. */
  projectsAsked: string[] = [];

  async getProject(pathOrId: string) {
    this.projectsAsked.push(pathOrId);
    if (this.failWith?.code === "gitlab_project_not_found") throw this.failWith;
    return { id: 7, pathWithNamespace: pathOrId, webUrl: `https://gitlab.test/${pathOrId}` };
  }
  async createIssue(projectId: number, issue: NewIssue): Promise<CreatedIssue> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (this.failWith) throw this.failWith;
    const iid = this.issues.length + 1;
    this.issues.push({ ...issue, iid, projectId });
    return {
      projectId,
      iid,
      title: issue.title,
      webUrl: `https://gitlab.test/acme/web/-/issues/${iid}`,
      reference: `acme/web#${iid}`,
    };
  }
  async addNote(_projectId: number, iid: number, body: string) {
    if (this.failWith) throw this.failWith;
    if (this.failNotesAfter !== undefined && this.notes.length >= this.failNotesAfter) {
      throw new ThreadportError("gitlab_unavailable", "down");
    }
    this.notes.push({ iid, body });
    return { id: this.notes.length };
  }
  async searchProjects() {
    return [];
  }
  async searchOpenIssues() {
    return [];
  }
  async searchLabels() {
    return [];
  }
  async getIssue(_project: string | number, iid: number): Promise<TrackerIssue> {
    if (this.failWith) throw this.failWith;
    return {
      projectId: 7,
      iid,
      title: `Existing issue ${iid}`,
      webUrl: `https://gitlab.test/acme/web/-/issues/${iid}`,
      reference: `acme/web#${iid}`,
      state: "opened",
      labels: [],
      assignees: [],
      confidential: false,
    };
  }
  async checkCanCreateIssues(pathOrId: string) {
    return { project: await this.getProject(pathOrId), canCreateIssues: true as const };
  }
}

export class RecordingNotifier implements ThreadNotifier {
  replies: { channelId: string; threadTs: string; text: string }[] = [];
  /** The ts Slack gave each reply, in order (when the notifier was given a clock). */
  replyTs: string[] = [];
  constructor(private readonly nextTs?: () => string) {}
  reactions: { channelId: string; ts: string; name: string }[] = [];
  toldUser: { userId: string; text: string }[] = [];
  askedToLink: { channelId: string; userId: string; text: string; messageTs?: string }[] = [];
  async replyInThread(channelId: string, threadTs: string, text: string) {
    this.replies.push({ channelId, threadTs, text });
    if (this.nextTs) this.replyTs.push(this.nextTs());
  }
  async addReaction(channelId: string, ts: string, name: string) {
    this.reactions.push({ channelId, ts, name });
  }
  async tellUser(_channelId: string, userId: string, _threadTs: string | undefined, text: string) {
    this.toldUser.push({ userId, text });
  }
  async askToLinkProject(
    channelId: string,
    userId: string,
    _threadTs: string | undefined,
    text: string,
    messageTs?: string,
  ) {
    this.askedToLink.push({ channelId, userId, text, messageTs });
  }
}

export const fixedSummarizer: Summarizer = {
  name: "fixed",
  async summarize(input) {
    return {
      title: `Thread in #${input.channelName}`,
      summary: `${input.messages.length} messages.`,
      decisions: [],
      actionItems: [],
      openQuestions: [],
      summarizer: "fixed",
    };
  },
};

export class ThreadScenario {
  kind: ConversationKind = "public_channel";
  messages: ThreadMessage[] = [];
  people = new Map<string, Person>([
    ["U1", { id: "U1", name: "Alice", timeZone: "Europe/Berlin", isBot: false }],
    ["U2", { id: "U2", name: "Bob", timeZone: "America/New_York", isBot: false }],
  ]);
  readFailure?: ThreadportError;
  tracker = new MemoryTracker();
  /** threadport's replies get a ts like any message, so a later read of the thread sees them. */
  notifier = new RecordingNotifier(() => this.stamp());
  private nextTs = 1_732_550_400;

  say(userId: string, text: string): this {
    this.messages.push({ ts: this.stamp(), userId, isBot: false, text, files: [] });
    return this;
  }

  private stamp(): string {
    return `${this.nextTs++}.000100`;
  }

  thread(): SlackThread {
    return {
      teamId: "T1",
      conversation: { id: "C1", name: "general", kind: this.kind },
      threadTs: this.messages[0]?.ts ?? "1.0",
      permalink: "https://acme.slack.com/archives/C1/p1",
      messages: [...this.messages],
      people: this.people,
      ownReplies: this.notifier.replies.map((reply, i) => ({
        ts: this.notifier.replyTs[i]!,
        text: reply.text,
      })),
    };
  }

  async deps(): Promise<ExportDeps> {
    const reader: ThreadReader = {
      readThread: async () => {
        if (this.readFailure) throw this.readFailure;
        return this.thread();
      },
    };
    this.storePromise ??= openSqliteStore(":memory:");
    this.store = await this.storePromise;
    return {
      reader,
      notifier: this.notifier,
      tracker: this.tracker,
      summarizer: fixedSummarizer,
      store: this.store,
      locks: this.locks,
      defaultProject: this.defaultProject,
      log: silentLog,
    };
  }

  store?: Awaited<ReturnType<typeof openSqliteStore>>;
  private storePromise?: ReturnType<typeof openSqliteStore>;
  locks = new KeyedMutex();
  /** GITLAB_DEFAULT_PROJECT; undefined for "none set". */
  defaultProject: string | undefined = "acme/web";

  request(flaggedTs = this.messages[0]?.ts ?? "1.0"): ExportRequest {
    return {
      location: { teamId: "T1", channelId: "C1", messageTs: flaggedTs },
      requestedBy: "U1",
      reaction: "memo",
    };
  }

  /** `retried`: as a job's later attempt runs it. */
  async export(options: { retried?: boolean } = {}) {
    return exportThread(this.request(), { ...(await this.deps()), ...options });
  }
}
