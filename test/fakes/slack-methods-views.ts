/**
 * Modal methods of the fake Slack (views.open), with Slack's trigger_id rules: a trigger is issued by an
 * interaction, may be exchanged once, and expires after 3 seconds.
 *
 * Trigger ids carry the second they were issued (`<epoch seconds>.<counter>.<hex>`, the shape Slack uses), so
 * a test builds one with `newTriggerId()` when it sends an interaction payload, and the fake checks its age
 * against its own clock. Used ids are remembered per workspace.
 */
import { randomBytes } from "node:crypto";
import type { MethodContext, MethodResult } from "./slack-methods.js";
import type { SlackWorkspace } from "./slack-state.js";

/** Slack: "Pass a valid trigger_id within 3 seconds of receiving it". */
export const TRIGGER_ID_LIFETIME_SECONDS = 3;
/** views.open refuses views larger than 250 kB with view_too_large. */
const MAX_VIEW_BYTES = 250_000;
const TRIGGER_ID = /^(\d+)\.(\d+)\.([0-9a-f]+)$/;

interface ViewsState {
  exchanged: Set<string>;
  views: Record<string, unknown>[];
  counter: number;
}

const stateByWorkspace = new WeakMap<SlackWorkspace, ViewsState>();

function stateOf(ws: SlackWorkspace): ViewsState {
  let state = stateByWorkspace.get(ws);
  if (!state) {
    state = { exchanged: new Set(), views: [], counter: 0 };
    stateByWorkspace.set(ws, state);
  }
  return state;
}

let issued = 0;

/** A trigger id as an interaction payload carries it, issued at `at` (default now). */
export function newTriggerId(at: Date = new Date()): string {
  issued += 1;
  return `${Math.floor(at.getTime() / 1000)}.${issued}.${randomBytes(8).toString("hex")}`;
}

function param(ctx: MethodContext, name: string): unknown {
  return ctx.params[name];
}

function parseView(raw: unknown): Record<string, unknown> | undefined {
  if (raw && typeof raw === "object") return raw as Record<string, unknown>;
  if (typeof raw !== "string") return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Checks a trigger id the way Slack does; undefined when it may be exchanged now. */
function triggerProblem(ctx: MethodContext, triggerId: string): string | undefined {
  const match = TRIGGER_ID.exec(triggerId);
  if (!match) return "invalid_trigger_id";
  const state = stateOf(ctx.ws);
  if (state.exchanged.has(triggerId)) return "exchanged_trigger_id";
  const ageSeconds = ctx.now.getTime() / 1000 - Number(match[1]);
  if (ageSeconds > TRIGGER_ID_LIFETIME_SECONDS) return "expired_trigger_id";
  return undefined;
}

function fail(error: string, messages?: string[]): MethodResult {
  return messages ? { ok: false, error, response_metadata: { messages } } : { ok: false, error };
}

const viewsOpen = (ctx: MethodContext): MethodResult => {
  ctx.accepted = [];
  const triggerId = param(ctx, "trigger_id");
  const raw = param(ctx, "view");
  if (typeof triggerId !== "string" || triggerId === "") {
    return fail("invalid_arguments", ["[ERROR] missing required field: trigger_id"]);
  }
  const view = parseView(raw);
  if (!view) return fail("invalid_arguments", ["[ERROR] missing required field: view"]);
  if (Buffer.byteLength(typeof raw === "string" ? raw : JSON.stringify(raw)) > MAX_VIEW_BYTES) {
    return fail("view_too_large");
  }
  if (view.type !== "modal")
    return fail("invalid_arguments", ["[ERROR] must be a modal view [json-pointer:/view/type]"]);
  const problem = triggerProblem(ctx, triggerId);
  if (problem) return fail(problem);
  const state = stateOf(ctx.ws);
  state.exchanged.add(triggerId);
  state.counter += 1;
  const opened = {
    id: `V${String(state.counter).padStart(10, "0")}`,
    team_id: ctx.info.teamId,
    type: "modal",
    title: view.title,
    submit: view.submit ?? null,
    close: view.close ?? null,
    blocks: view.blocks ?? [],
    private_metadata: view.private_metadata ?? "",
    callback_id: view.callback_id ?? "",
    external_id: view.external_id ?? "",
    state: { values: {} },
    hash: `${Math.floor(ctx.now.getTime() / 1000)}.${randomBytes(4).toString("hex")}`,
    clear_on_close: view.clear_on_close ?? false,
    notify_on_close: view.notify_on_close ?? false,
    root_view_id: `V${String(state.counter).padStart(10, "0")}`,
    previous_view_id: null,
    app_id: ctx.info.appId,
    bot_id: ctx.info.botId,
  };
  state.views.push(opened);
  return { ok: true, view: structuredClone(opened) };
};

export const VIEW_METHODS = {
  "views.open": viewsOpen,
};

/** Views opened so far in the workspace; views.update (slack-methods-surfaces.ts) finds and changes them. */
export function openedViews(ws: SlackWorkspace): Record<string, unknown>[] {
  return stateOf(ws).views;
}
