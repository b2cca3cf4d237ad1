/**
 * Payloads of threadport's surfaces as Slack sends them, signed, to the bot under test: slash commands
 * (form fields), message shortcuts, block_suggestion and block_actions in modals (form field `payload`),
 * and the app_home_opened and link_shared events.
 */
import { randomUUID } from "node:crypto";
import { newTriggerId } from "../fakes/slack-methods-views.js";
import { newResponseUrl } from "../fakes/slack-response-urls.js";
import { postInteraction } from "./interactions.js";
import { eventEnvelope, postSignedToBot, type SignedResponse } from "./slack-signing.js";
import type { RunningBot } from "./start-bot.js";

export const TEAM = { id: "T0001", domain: "acme" };

function user(id: string) {
  return { id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: TEAM.id };
}

export interface CommandInput {
  text: string;
  user?: string;
  channel?: { id: string; name: string };
  /** Base URL of the fake Slack ("…/api/"), for the response_url. */
  slackUrl: string;
  triggerId?: string;
}

/** Sends `/async <text>` as Slack does: form-encoded fields, signed. */
export async function postCommand(bot: RunningBot, input: CommandInput): Promise<SignedResponse> {
  const channel = input.channel ?? { id: "C_DESIGN", name: "design-review" };
  const userId = input.user ?? "U_ALICE";
  const fields = {
    token: "Jhj5dZrVaK7ZwHHjRyZWjbDl",
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: channel.id,
    channel_name: channel.name,
    user_id: userId,
    user_name: userId.toLowerCase(),
    command: "/async",
    text: input.text,
    api_app_id: "A0001",
    is_enterprise_install: "false",
    response_url: newResponseUrl(input.slackUrl, "commands"),
    trigger_id: input.triggerId ?? newTriggerId(),
  };
  return postSignedToBot(bot.url, bot.signingSecret, new URLSearchParams(fields).toString(), {
    contentType: "application/x-www-form-urlencoded",
  });
}

/** The message shortcut "Send thread to GitLab" used on a message. */
export function messageShortcut(input: {
  channel: { id: string; name: string };
  message: { ts: string; text: string; user?: string; thread_ts?: string };
  user?: string;
  triggerId?: string;
  slackUrl: string;
}): Record<string, unknown> {
  return {
    type: "message_action",
    token: "Jhj5dZrVaK7ZwHHjRyZWjbDl",
    action_ts: `${Math.floor(Date.now() / 1000)}.000100`,
    team: TEAM,
    user: user(input.user ?? "U_ALICE"),
    channel: input.channel,
    is_enterprise_install: false,
    enterprise: null,
    callback_id: "send_thread_to_gitlab",
    trigger_id: input.triggerId ?? newTriggerId(),
    response_url: newResponseUrl(input.slackUrl, "actions"),
    message_ts: input.message.ts,
    message: { type: "message", ...input.message },
  };
}

/** A modal as the fake Slack holds it after views.open / views.update (the `view` its calls returned). */
export type OpenView = Record<string, unknown> & { id?: string; hash?: string; blocks?: unknown[] };

/** Typing in (or opening) an external select of a modal. */
export function blockSuggestion(input: {
  view: OpenView;
  actionId: string;
  blockId: string;
  value: string;
  user?: string;
}): Record<string, unknown> {
  return {
    type: "block_suggestion",
    user: user(input.user ?? "U_ALICE"),
    container: { type: "view", view_id: input.view.id ?? "V0000000001" },
    api_app_id: "A0001",
    token: "Jhj5dZrVaK7ZwHHjRyZWjbDl",
    action_id: input.actionId,
    block_id: input.blockId,
    value: input.value,
    team: TEAM,
    enterprise: null,
    is_enterprise_install: false,
    view: { ...input.view, state: { values: {} } },
  };
}

/** Choosing an option of an external select whose input block dispatches actions. */
export function selectInModal(input: {
  view: OpenView;
  actionId: string;
  blockId: string;
  option: { text: string; value: string };
  user?: string;
}): Record<string, unknown> {
  const selected = {
    text: { type: "plain_text", text: input.option.text, emoji: true },
    value: input.option.value,
  };
  return {
    type: "block_actions",
    user: user(input.user ?? "U_ALICE"),
    api_app_id: "A0001",
    token: "Jhj5dZrVaK7ZwHHjRyZWjbDl",
    container: { type: "view", view_id: input.view.id },
    trigger_id: newTriggerId(),
    team: TEAM,
    enterprise: null,
    is_enterprise_install: false,
    view: {
      ...input.view,
      state: {
        values: {
          [input.blockId]: { [input.actionId]: { type: "external_select", selected_option: selected } },
        },
      },
    },
    actions: [
      {
        type: "external_select",
        action_id: input.actionId,
        block_id: input.blockId,
        selected_option: selected,
        action_ts: `${Math.floor(Date.now() / 1000)}.000300`,
      },
    ],
  };
}

/** A click on a button of an ephemeral message (Slack sends no `message` for those, only the container). */
export function ephemeralButtonClick(input: {
  channel: { id: string; name: string };
  messageTs: string;
  actionId: string;
  value: string;
  user?: string;
  slackUrl: string;
}): Record<string, unknown> {
  return {
    type: "block_actions",
    user: user(input.user ?? "U_ALICE"),
    api_app_id: "A0001",
    token: "Jhj5dZrVaK7ZwHHjRyZWjbDl",
    container: {
      type: "message",
      message_ts: input.messageTs,
      channel_id: input.channel.id,
      is_ephemeral: true,
    },
    trigger_id: newTriggerId(),
    team: TEAM,
    enterprise: null,
    is_enterprise_install: false,
    channel: input.channel,
    state: { values: {} },
    response_url: newResponseUrl(input.slackUrl, "actions"),
    actions: [
      {
        action_id: input.actionId,
        block_id: "link",
        text: { type: "plain_text", text: "Link a GitLab project", emoji: true },
        value: input.value,
        type: "button",
        style: "primary",
        action_ts: `${Math.floor(Date.now() / 1000)}.000400`,
      },
    ],
  };
}

/** view.state.values for a submission, from action id → value (strings for text, options for selects). */
export function stateValues(
  entries: { blockId: string; actionId: string; type: string; value: unknown }[],
): Record<string, Record<string, Record<string, unknown>>> {
  const values: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const entry of entries) {
    const state: Record<string, unknown> = { type: entry.type };
    if (entry.type === "plain_text_input" || entry.type === "number_input") state.value = entry.value;
    else if (entry.type === "checkboxes" || entry.type === "multi_external_select")
      state.selected_options = entry.value;
    else state.selected_option = entry.value;
    values[entry.blockId] = { ...values[entry.blockId], [entry.actionId]: state };
  }
  return values;
}

export function option(text: string, value = text) {
  return { text: { type: "plain_text", text, emoji: true }, value };
}

export async function sendEvent(bot: RunningBot, event: Record<string, unknown>): Promise<SignedResponse> {
  const body = JSON.stringify(eventEnvelope(event, { eventId: `Ev${randomUUID()}` }));
  return postSignedToBot(bot.url, bot.signingSecret, body);
}

export function appHomeOpened(userId: string, tab: "home" | "messages"): Record<string, unknown> {
  return {
    type: "app_home_opened",
    user: userId,
    channel: "D_APPHOME",
    tab,
    event_ts: `${Math.floor(Date.now() / 1000)}.000500`,
    ...(tab === "home" ? { view: { id: "VHOME0001", type: "home" } } : {}),
  };
}

export function linkShared(input: {
  channel: string;
  messageTs: string;
  urls: string[];
  user?: string;
}): Record<string, unknown> {
  return {
    type: "link_shared",
    channel: input.channel,
    is_bot_user_member: true,
    user: input.user ?? "U_ALICE",
    message_ts: input.messageTs,
    unfurl_id: `${input.channel}.${input.messageTs.replace(".", ".")}.${"a1b2c3d4".repeat(2)}`,
    source: "conversations_history",
    links: input.urls.map((url) => ({ domain: new URL(url).host, url })),
    event_ts: `${Math.floor(Date.now() / 1000)}.000600`,
  };
}

export { postInteraction };

/** Polls until check() returns something truthy (the bot works after acknowledging); fails with `what`. */
export async function waitFor<T>(
  check: () => T | undefined | false,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Creates an issue in the fake GitLab through its API, as a person would. */
export async function createGitLabIssue(
  gitlabUrl: string,
  token: string,
  projectId: number,
  fields: Record<string, unknown>,
): Promise<{ iid: number; web_url: string }> {
  const response = await fetch(`${gitlabUrl}/api/v4/projects/${projectId}/issues`, {
    method: "POST",
    headers: { "private-token": token, "content-type": "application/json" },
    body: JSON.stringify(fields),
  });
  if (response.status !== 201) throw new Error(`fake GitLab refused the issue: ${response.status}`);
  return (await response.json()) as { iid: number; web_url: string };
}
