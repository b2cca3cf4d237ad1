/**
 * Fake Slack methods behind threadport's surfaces: views.update, views.publish, chat.unfurl,
 * conversations.history and conversations.members, with Slack's shapes and errors.
 *
 * Views are checked against Slack's documented limits (title 24 characters, 100 blocks, private_metadata
 * 3,000, unique block ids…) and refused with `invalid_arguments` like Slack does, so a view that Slack
 * would reject fails the test too. Channel members are the people who posted in the channel (plus the
 * bot while it is a member, and the other person of a DM): tests need no separate membership list.
 */
import { randomBytes } from "node:crypto";
import type { MethodContext, MethodResult } from "./slack-methods.js";
import { openedViews } from "./slack-methods-views.js";
import type { FakeChannel, FakeChannelKind, SlackMessage, SlackWorkspace } from "./slack-state.js";

const HISTORY_SCOPE: Record<FakeChannelKind, string> = {
  public: "channels:history",
  private: "groups:history",
  im: "im:history",
  mpim: "mpim:history",
};
const READ_SCOPE: Record<FakeChannelKind, string> = {
  public: "channels:read",
  private: "groups:read",
  im: "im:read",
  mpim: "mpim:read",
};

interface SurfaceState {
  homes: Map<string, Record<string, unknown>>;
  counter: number;
}
const stateByWorkspace = new WeakMap<SlackWorkspace, SurfaceState>();

function stateOf(ws: SlackWorkspace): SurfaceState {
  let state = stateByWorkspace.get(ws);
  if (!state) {
    state = { homes: new Map(), counter: 0 };
    stateByWorkspace.set(ws, state);
  }
  return state;
}

function fail(error: string, messages?: string[]): MethodResult {
  return messages ? { ok: false, error, response_metadata: { messages } } : { ok: false, error };
}

function text(ctx: MethodContext, name: string): string | undefined {
  const value = ctx.params[name];
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value !== "" ? value : undefined;
}

function json(ctx: MethodContext, name: string): unknown {
  const value = ctx.params[name];
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function missingScope(ctx: MethodContext, scope: string): MethodResult | undefined {
  ctx.accepted = [scope];
  return ctx.scopes.has(scope) ? undefined : { ok: false, error: "missing_scope", needed: scope };
}

/** Slack's answer to a view outside its limits, or undefined when Slack would take it. */
export function viewProblems(view: Record<string, unknown>, type: "modal" | "home"): string[] {
  const problems: string[] = [];
  if (view.type !== type) problems.push(`[ERROR] must be a ${type} view [json-pointer:/view/type]`);
  const blocks = Array.isArray(view.blocks) ? (view.blocks as Record<string, unknown>[]) : [];
  if (blocks.length > 100)
    problems.push("[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]");
  const textOf = (value: unknown) => (value as { text?: string } | undefined)?.text ?? "";
  if (type === "modal") {
    if (!textOf(view.title)) problems.push("[ERROR] missing required field: title [json-pointer:/view]");
    for (const field of ["title", "submit", "close"]) {
      if (textOf(view[field]).length > 24)
        problems.push(`[ERROR] must be less than 25 characters [json-pointer:/view/${field}/text]`);
    }
    const hasInput = blocks.some((b) => b.type === "input");
    if (hasInput && !view.submit)
      problems.push("[ERROR] submit is required with input blocks [json-pointer:/view]");
  }
  if (String(view.private_metadata ?? "").length > 3000)
    problems.push("[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]");
  if (String(view.callback_id ?? "").length > 255)
    problems.push("[ERROR] must be less than 256 characters [json-pointer:/view/callback_id]");
  const blockIds = blocks.map((b) => b.block_id).filter((id): id is string => typeof id === "string");
  if (new Set(blockIds).size !== blockIds.length)
    problems.push("[ERROR] duplicate block_id [json-pointer:/view/blocks]");
  blocks.forEach((block, i) => {
    if (block.type === "section" && textOf(block.text).length > 3000)
      problems.push(`[ERROR] must be less than 3001 characters [json-pointer:/view/blocks/${i}/text/text]`);
  });
  return problems;
}

function nextHash(ctx: MethodContext): string {
  return `${Math.floor(ctx.now.getTime() / 1000)}.${randomBytes(4).toString("hex")}`;
}

const viewsUpdate = (ctx: MethodContext): MethodResult => {
  ctx.accepted = [];
  const view = json(ctx, "view") as Record<string, unknown> | undefined;
  if (!view || typeof view !== "object")
    return fail("invalid_arguments", ["[ERROR] missing required field: view"]);
  const viewId = text(ctx, "view_id");
  const externalId = text(ctx, "external_id");
  if (!viewId && !externalId)
    return fail("invalid_arguments", ["[ERROR] view_id or external_id is required"]);
  const problems = viewProblems(view, "modal");
  if (problems.length > 0) return fail("invalid_arguments", problems);
  const stored = openedViews(ctx.ws).find((v) =>
    viewId ? v.id === viewId : externalId !== undefined && v.external_id === externalId,
  );
  if (!stored) return fail("not_found");
  const hash = text(ctx, "hash");
  if (hash && hash !== stored.hash) return fail("hash_conflict");
  Object.assign(stored, {
    title: view.title,
    submit: view.submit ?? null,
    close: view.close ?? null,
    blocks: view.blocks ?? [],
    private_metadata: view.private_metadata ?? "",
    callback_id: view.callback_id ?? "",
    hash: nextHash(ctx),
  });
  return { ok: true, view: structuredClone(stored) };
};

const viewsPublish = (ctx: MethodContext): MethodResult => {
  ctx.accepted = [];
  const userId = text(ctx, "user_id");
  if (!userId || !ctx.ws.users.has(userId)) return fail("invalid_arguments", ["invalid `user_id`"]);
  const view = json(ctx, "view") as Record<string, unknown> | undefined;
  if (!view || typeof view !== "object")
    return fail("invalid_arguments", ["[ERROR] missing required field: view"]);
  const problems = viewProblems(view, "home");
  if (problems.length > 0) return fail("invalid_arguments", problems);
  const state = stateOf(ctx.ws);
  const previous = state.homes.get(userId);
  const hash = text(ctx, "hash");
  if (hash && previous && hash !== previous.hash) return fail("hash_conflict");
  state.counter += 1;
  const id = (previous?.id as string | undefined) ?? `VH${String(state.counter).padStart(9, "0")}`;
  const published = {
    id,
    team_id: ctx.info.teamId,
    type: "home",
    close: null,
    submit: null,
    blocks: view.blocks ?? [],
    private_metadata: view.private_metadata ?? "",
    callback_id: view.callback_id ?? "",
    state: { values: {} },
    hash: nextHash(ctx),
    clear_on_close: false,
    notify_on_close: false,
    root_view_id: id,
    previous_view_id: null,
    app_id: ctx.info.appId,
    external_id: "",
    bot_id: ctx.info.botId,
  };
  state.homes.set(userId, published);
  return { ok: true, view: structuredClone(published) };
};

const chatUnfurl = (ctx: MethodContext): MethodResult => {
  const missing = missingScope(ctx, "links:write");
  if (missing) return missing;
  const unfurls = json(ctx, "unfurls");
  if (ctx.params.unfurls === undefined) return fail("missing_unfurls");
  if (!unfurls || typeof unfurls !== "object" || Array.isArray(unfurls))
    return fail("invalid_unfurls_format");
  const source = text(ctx, "source");
  const unfurlId = text(ctx, "unfurl_id");
  if (source && unfurlId) {
    // Links in the composer have no message yet; Slack checks the id it sent in link_shared.
    return /^[CDG][A-Z0-9_]+\.\d+\.\d+\.[0-9a-f]+$/.test(unfurlId) ? { ok: true } : fail("cannot_unfurl_url");
  }
  const channelId = text(ctx, "channel");
  const ts = text(ctx, "ts");
  if (!channelId) return fail("missing_channel");
  if (!ts) return fail("missing_ts");
  if (!ctx.ws.channels.has(channelId)) return fail("cannot_find_channel");
  const message = ctx.ws.find(channelId, ts);
  if (!message) return fail("cannot_find_message");
  for (const url of Object.keys(unfurls)) {
    if (!message.text.includes(url)) return fail("cannot_unfurl_message");
  }
  return { ok: true };
};

/** Reachable for reading: the bot must be a member (Slack answers not_in_channel or channel_not_found). */
function readable(ctx: MethodContext, scopes: Record<FakeChannelKind, string>): FakeChannel | MethodResult {
  const id = text(ctx, "channel");
  const channel = id ? ctx.ws.channels.get(id) : undefined;
  if (!channel) return fail("channel_not_found");
  const missing = missingScope(ctx, scopes[channel.kind]);
  if (missing) return missing;
  return channel;
}

function isChannel(value: FakeChannel | MethodResult): value is FakeChannel {
  return typeof (value as FakeChannel).kind === "string";
}

function pageOf<T>(items: T[], ctx: MethodContext, maxPage: number): { page: T[]; next: string } {
  const offset =
    Number(
      Buffer.from(text(ctx, "cursor") ?? "", "base64")
        .toString()
        .replace("offset:", ""),
    ) || 0;
  const limit = Math.min(Math.max(Number(text(ctx, "limit") ?? "100") || 100, 1), maxPage);
  const page = items.slice(offset, offset + limit);
  const more = offset + limit < items.length;
  return { page, next: more ? Buffer.from(`offset:${offset + limit}`).toString("base64") : "" };
}

const conversationsHistory = (ctx: MethodContext): MethodResult => {
  const found = readable(ctx, HISTORY_SCOPE);
  if (!isChannel(found)) return found;
  if (!found.botIsMember) return fail(found.kind === "public" ? "not_in_channel" : "channel_not_found");
  const topLevel = ctx.ws
    .messagesIn(found.id)
    .filter((m: SlackMessage) => m.thread_ts === undefined || m.thread_ts === m.ts)
    .reverse();
  const { page, next } = pageOf(topLevel, ctx, ctx.pageSizeMax);
  return {
    ok: true,
    messages: structuredClone(page),
    has_more: next !== "",
    pin_count: 0,
    channel_actions_ts: null,
    channel_actions_count: 0,
    response_metadata: { next_cursor: next },
  };
};

const conversationsMembers = (ctx: MethodContext): MethodResult => {
  const found = readable(ctx, READ_SCOPE);
  if (!isChannel(found)) return found;
  if (!found.botIsMember && found.kind !== "public") return fail("channel_not_found");
  const members = new Set<string>();
  if (found.botIsMember) members.add(ctx.info.botUserId);
  if (found.user) members.add(found.user);
  for (const message of ctx.ws.messagesIn(found.id)) if (message.user) members.add(message.user);
  const { page, next } = pageOf([...members], ctx, 1000);
  return { ok: true, members: page, response_metadata: { next_cursor: next } };
};

export const SURFACE_METHODS = {
  "views.update": viewsUpdate,
  "views.publish": viewsPublish,
  "chat.unfurl": chatUnfurl,
  "conversations.history": conversationsHistory,
  "conversations.members": conversationsMembers,
};
