/** The in-memory workspace behind the fake Slack Web API: users, conversations, messages. */

export type FakeChannelKind = "public" | "private" | "im" | "mpim";

export interface FakeSlackUserInput {
  id: string;
  name: string;
  real_name?: string;
  display_name?: string;
  /** IANA zone, e.g. "Europe/Berlin"; default America/Los_Angeles as in Slack; null leaves tz fields out. */
  tz?: string | null;
  is_bot?: boolean;
  deleted?: boolean;
}

export interface FakeSlackChannelInput {
  id: string;
  name: string;
  kind: FakeChannelKind;
  /** Default true. */
  botIsMember?: boolean;
  /** For an IM: the other user. */
  user?: string;
}

export interface FakeChannel extends Required<Omit<FakeSlackChannelInput, "user">> {
  user?: string;
  created: number;
}

export interface FakeFileInput {
  name: string;
  permalink: string;
}

export interface PostInput {
  user?: string;
  text: string;
  thread_ts?: string;
  files?: FakeFileInput[];
  /** Marks the message as edited a moment after it was posted. */
  edited?: boolean;
  subtype?: string;
  bot_id?: string;
  username?: string;
  /** Pin the ts instead of taking the next one (must be unique in the channel). */
  ts?: string;
  /** Reactions people already added, e.g. [{ name: "white_check_mark", users: ["U_BOB"] }]. */
  reactions?: { name: string; users: string[] }[];
}

/** A message as Slack returns it; only fields that Slack sends are present. */
export interface SlackMessage {
  type: "message";
  ts: string;
  text: string;
  user?: string;
  subtype?: string;
  thread_ts?: string;
  parent_user_id?: string;
  reply_count?: number;
  reply_users_count?: number;
  reply_users?: string[];
  latest_reply?: string;
  is_locked?: boolean;
  subscribed?: boolean;
  edited?: { user: string; ts: string };
  files?: Record<string, unknown>[];
  bot_id?: string;
  app_id?: string;
  bot_profile?: Record<string, unknown>;
  username?: string;
  team?: string;
  blocks?: unknown[];
  [key: string]: unknown;
}

export interface Reaction {
  channel: string;
  ts: string;
  name: string;
  user: string;
}

export interface Ephemeral {
  channel: string;
  user: string;
  text: string;
  thread_ts?: string;
  message_ts: string;
  blocks?: unknown;
}

export class SlackWorkspace {
  readonly users = new Map<string, FakeSlackUserInput>();
  readonly channels = new Map<string, FakeChannel>();
  readonly reactions: Reaction[] = [];
  readonly ephemerals: Ephemeral[] = [];
  private readonly messages = new Map<string, SlackMessage[]>();
  private tsCounter = 0;
  private fileCounter = 0;

  /** baseTs: seconds of the first message ts; ts values go up by 100 µs. */
  constructor(
    private readonly baseTs: number,
    private readonly teamId: string,
  ) {}

  /** Monotonic, unique ts strings such as "1732550400.000100". */
  /** Moves the workspace clock on, so the next messages are posted that much later. */
  advance(seconds: number): void {
    this.tsCounter += Math.round(seconds * 10_000);
  }

  nextTs(): string {
    this.tsCounter += 1;
    const micros = this.tsCounter * 100;
    const seconds = this.baseTs + Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, "0")}`;
  }

  addUser(user: FakeSlackUserInput): void {
    this.users.set(user.id, user);
  }

  addChannel(input: FakeSlackChannelInput): void {
    const created = this.baseTs - 86_400;
    this.channels.set(input.id, { ...input, botIsMember: input.botIsMember ?? true, created });
    if (!this.messages.has(input.id)) this.messages.set(input.id, []);
  }

  setBotMember(channel: string, member: boolean): void {
    this.requireChannel(channel).botIsMember = member;
  }

  requireChannel(id: string): FakeChannel {
    const channel = this.channels.get(id);
    if (!channel) throw new Error(`fake Slack: unknown channel ${id}; call addChannel first`);
    return channel;
  }

  /** Stores a message (seeded by a test or written through the API) and keeps thread metadata right. */
  store(channel: string, message: SlackMessage): SlackMessage {
    this.requireChannel(channel);
    const list = this.messages.get(channel)!;
    if (list.some((m) => m.ts === message.ts)) throw new Error(`fake Slack: ts ${message.ts} already used`);
    if (message.thread_ts !== undefined) this.attachReply(list, message);
    list.push(message);
    list.sort((a, b) => compareTs(a.ts, b.ts));
    return message;
  }

  /** Builds a user (or seeded bot) message from test input. */
  buildSeeded(input: PostInput): SlackMessage {
    const ts = input.ts ?? this.nextTs();
    const message: SlackMessage = { type: "message", ts, text: input.text };
    if (input.subtype) message.subtype = input.subtype;
    if (input.user) message.user = input.user;
    if (input.bot_id) message.bot_id = input.bot_id;
    if (input.username) message.username = input.username;
    if (input.user && !input.subtype) message.team = this.teamId;
    if (input.thread_ts) message.thread_ts = input.thread_ts;
    if (input.files?.length) message.files = input.files.map((f) => this.fileObject(f, input.user));
    if (input.edited) message.edited = { user: input.user ?? input.bot_id ?? "", ts: this.nextTs() };
    if (input.reactions?.length) message.reactions = structuredClone(input.reactions);
    return message;
  }

  messagesIn(channel: string): SlackMessage[] {
    return this.messages.get(channel) ?? [];
  }

  find(channel: string, ts: string): SlackMessage | undefined {
    return this.messagesIn(channel).find((m) => m.ts === ts);
  }

  /** The whole thread (parent first, oldest first) that contains ts, or undefined. */
  threadOf(channel: string, ts: string): SlackMessage[] | undefined {
    const message = this.find(channel, ts);
    if (!message) return undefined;
    const root = message.thread_ts ?? message.ts;
    const inThread = this.messagesIn(channel).filter((m) => m.ts === root || m.thread_ts === root);
    return inThread.sort((a, b) => compareTs(a.ts, b.ts));
  }

  private attachReply(list: SlackMessage[], reply: SlackMessage): void {
    let parent = list.find((m) => m.ts === reply.thread_ts);
    // Slack files a reply to a reply under the thread's parent.
    if (parent?.thread_ts && parent.thread_ts !== parent.ts) {
      reply.thread_ts = parent.thread_ts;
      parent = list.find((m) => m.ts === reply.thread_ts);
    }
    if (!parent) return;
    const replies = list.filter((m) => m.thread_ts === parent.ts && m.ts !== parent.ts);
    const users = unique([...replies.map(authorOf), authorOf(reply)].filter((u): u is string => !!u));
    parent.thread_ts = parent.ts;
    parent.reply_count = replies.length + 1;
    parent.reply_users_count = users.length;
    parent.reply_users = users.slice(0, 5);
    parent.latest_reply = [reply.ts, ...replies.map((r) => r.ts)].sort(compareTs).at(-1)!;
    parent.is_locked = false;
    parent.subscribed = false;
    if (parent.user) reply.parent_user_id = parent.user;
  }

  private fileObject(file: FakeFileInput, user: string | undefined): Record<string, unknown> {
    this.fileCounter += 1;
    const id = `F${String(this.fileCounter).padStart(8, "0")}`;
    const ext = file.name.includes(".") ? file.name.split(".").pop()!.toLowerCase() : "binary";
    return {
      id,
      created: this.baseTs,
      timestamp: this.baseTs,
      name: file.name,
      title: file.name,
      mimetype: "application/octet-stream",
      filetype: ext,
      pretty_type: ext.toUpperCase(),
      user,
      user_team: this.teamId,
      mode: "hosted",
      editable: false,
      is_external: false,
      external_type: "",
      is_public: false,
      size: 1024,
      url_private: `https://files.slack.com/files-pri/${this.teamId}-${id}/${encodeURIComponent(file.name)}`,
      url_private_download: `https://files.slack.com/files-pri/${this.teamId}-${id}/download/${encodeURIComponent(file.name)}`,
      permalink: file.permalink,
    };
  }
}

function authorOf(message: SlackMessage): string | undefined {
  return message.user ?? message.bot_id;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Orders Slack ts strings numerically ("9.0" before "10.0"). */
export function compareTs(a: string, b: string): number {
  const [as = "0", af = ""] = a.split(".");
  const [bs = "0", bf = ""] = b.split(".");
  const bySeconds = Number(as) - Number(bs);
  return bySeconds !== 0 ? bySeconds : Number(af.padEnd(6, "0")) - Number(bf.padEnd(6, "0"));
}
