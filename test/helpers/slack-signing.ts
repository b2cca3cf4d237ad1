/** Builds and sends Slack-signed requests (Events API, commands, interactions) to the bot under test. */
import { createHmac } from "node:crypto";

export interface SlackSignatureHeaders {
  "x-slack-signature": string;
  "x-slack-request-timestamp": string;
}

/** Slack's v0 signature: `v0=` + hex HMAC-SHA256(secret, `v0:{timestamp}:{raw body}`). */
export function signSlackRequest(
  signingSecret: string,
  rawBody: string,
  timestampSeconds: number = Math.floor(Date.now() / 1000),
): SlackSignatureHeaders {
  const digest = createHmac("sha256", signingSecret)
    .update(`v0:${timestampSeconds}:${rawBody}`)
    .digest("hex");
  return { "x-slack-signature": `v0=${digest}`, "x-slack-request-timestamp": String(timestampSeconds) };
}

export interface PostSignedOptions {
  /** Default "application/json" (events); commands and interactions use form encoding. */
  contentType?: "application/json" | "application/x-www-form-urlencoded";
  /** Adds X-Slack-Retry-Num / X-Slack-Retry-Reason as Slack does on redelivery. */
  retryNum?: number;
  /** Epoch seconds to sign with; default now. */
  timestamp?: number;
  /** Break the request after signing: "body" (default for true) alters the body, "signature" the digest. */
  tamper?: boolean | "body" | "signature";
  /** Path appended when baseUrl has none; default "/slack/events". */
  path?: string;
}

export interface SignedResponse {
  status: number;
  text: string;
  headers: Headers;
}

/** POSTs body to the bot signed with signingSecret; baseUrl may be the origin or the full endpoint URL. */
export async function postSignedToBot(
  baseUrl: string,
  signingSecret: string,
  body: string,
  options: PostSignedOptions = {},
): Promise<SignedResponse> {
  const url = new URL(baseUrl);
  if (url.pathname === "/" || url.pathname === "") url.pathname = options.path ?? "/slack/events";
  const headers: Record<string, string> = {
    "content-type": options.contentType ?? "application/json",
    ...signSlackRequest(signingSecret, body, options.timestamp ?? Math.floor(Date.now() / 1000)),
  };
  if (options.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(options.retryNum);
    headers["x-slack-retry-reason"] = "http_timeout";
  }
  let sent = body;
  if (options.tamper === true || options.tamper === "body") sent = `${body} `;
  if (options.tamper === "signature") headers["x-slack-signature"] = `v0=${"0".repeat(64)}`;
  const response = await fetch(url, { method: "POST", headers, body: sent });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

export interface EnvelopeOptions {
  teamId?: string;
  eventId?: string;
  apiAppId?: string;
  /** Bot user the event is authorized for; default "UBOT". */
  botUserId?: string;
  eventTime?: number;
}

/** Wraps an event in the `event_callback` envelope the Events API delivers. */
export function eventEnvelope(
  event: Record<string, unknown>,
  options: EnvelopeOptions = {},
): Record<string, unknown> {
  const teamId = options.teamId ?? "T0001";
  return {
    token: "Jhj5dZrVaK7ZwHHjRyZWjbDl",
    team_id: teamId,
    context_team_id: teamId,
    context_enterprise_id: null,
    api_app_id: options.apiAppId ?? "A0001",
    event,
    type: "event_callback",
    event_id: options.eventId ?? "Ev0001TEST",
    event_time: options.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: options.botUserId ?? "UBOT",
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(JSON.stringify({ tid: teamId })).toString("base64url")}`,
  };
}

export interface ReactionAddedInput {
  user: string;
  reaction: string;
  channel: string;
  /** ts of the message that got the reaction. */
  ts: string;
  /** Author of that message. */
  itemUser: string;
  eventTs?: string;
}

/** A `reaction_added` event on a message (item.type "message"). */
export function reactionAddedEvent(input: ReactionAddedInput): Record<string, unknown> {
  return {
    type: "reaction_added",
    user: input.user,
    reaction: input.reaction,
    item_user: input.itemUser,
    item: { type: "message", channel: input.channel, ts: input.ts },
    event_ts: input.eventTs ?? `${Math.floor(Date.now() / 1000)}.000100`,
  };
}
