/** Interactive payloads (button clicks, modal submissions) as Slack posts them, signed, to the bot under test. */
import { newTriggerId } from "../fakes/slack-methods-views.js";
import { postSignedToBot, type SignedResponse } from "./slack-signing.js";
import type { RunningBot } from "./start-bot.js";

const TEAM = { id: "T0001", domain: "acme" };

function user(id: string) {
  return { id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: TEAM.id };
}

/** Posts `payload=<json>` form-encoded, as Slack sends interactions. */
export async function postInteraction(
  bot: RunningBot,
  payload: Record<string, unknown>,
): Promise<SignedResponse> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postSignedToBot(bot.url, bot.signingSecret, body, {
    contentType: "application/x-www-form-urlencoded",
  });
}

export interface BotMessage {
  ts: string;
  text: string;
  thread_ts?: string;
  blocks?: unknown[];
  [key: string]: unknown;
}

interface ButtonElement {
  type: string;
  action_id: string;
  value?: string;
  text: { type: string; text: string };
}

/** The button with that action id in a message's actions blocks. */
export function findButton(message: BotMessage, actionId: string): ButtonElement & { block_id: string } {
  for (const block of (message.blocks ?? []) as {
    type: string;
    block_id?: string;
    elements?: ButtonElement[];
  }[]) {
    const button = block.elements?.find((e) => e.type === "button" && e.action_id === actionId);
    if (button) return { ...button, block_id: block.block_id ?? "actions" };
  }
  throw new Error(`no button ${actionId} in ${JSON.stringify(message.blocks)}`);
}

/** A block_actions payload for a click on a button of a message the bot posted in a channel. */
export function buttonClick(input: {
  user: string;
  channel: string;
  message: BotMessage;
  actionId: string;
  triggerId?: string;
}): Record<string, unknown> {
  const button = findButton(input.message, input.actionId);
  return {
    type: "block_actions",
    user: user(input.user),
    api_app_id: "A0001",
    token: "Jhj5dZrVaK7ZwHHjRyZWjbDl",
    container: {
      type: "message",
      message_ts: input.message.ts,
      channel_id: input.channel,
      is_ephemeral: false,
      ...(input.message.thread_ts ? { thread_ts: input.message.thread_ts } : {}),
    },
    trigger_id: input.triggerId ?? newTriggerId(),
    team: TEAM,
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: input.channel, name: "design-review" },
    message: { ...input.message, type: "message" },
    state: { values: {} },
    response_url: `https://hooks.slack.com/actions/T0001/1/${input.message.ts.replace(".", "")}`,
    actions: [
      {
        action_id: button.action_id,
        block_id: button.block_id,
        text: button.text,
        value: button.value,
        type: "button",
        action_ts: `${Math.floor(Date.now() / 1000)}.000200`,
      },
    ],
  };
}

/** A view_submission payload for a modal the bot opened (the `view` argument of its views.open call). */
export function viewSubmission(input: {
  user: string;
  view: Record<string, unknown>;
  values: Record<string, Record<string, Record<string, unknown>>>;
}): Record<string, unknown> {
  return {
    type: "view_submission",
    team: TEAM,
    user: user(input.user),
    api_app_id: "A0001",
    token: "Jhj5dZrVaK7ZwHHjRyZWjbDl",
    trigger_id: newTriggerId(),
    view: {
      id: "V0000000001",
      team_id: TEAM.id,
      type: "modal",
      blocks: input.view.blocks,
      private_metadata: input.view.private_metadata ?? "",
      callback_id: input.view.callback_id,
      state: { values: input.values },
      hash: "1732550400.abcdef",
      title: input.view.title,
      clear_on_close: false,
      notify_on_close: false,
      close: input.view.close ?? null,
      submit: input.view.submit ?? null,
      previous_view_id: null,
      root_view_id: "V0000000001",
      app_id: "A0001",
      external_id: "",
      app_installed_team_id: TEAM.id,
      bot_id: "BBOT",
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}
