/**
 * Response URLs of the fake Slack: commands and interactions carry a `response_url` that the app may POST
 * a message to (at most 5 times, within 30 minutes). Each use is recorded as a call to "response_url".
 */
import type { IncomingMessage } from "node:http";
import { parseBody } from "./http-helpers.js";

export const RESPONSE_URL_PATH = /^\/(commands|actions)\/[A-Z0-9]+\/\d+\/[A-Za-z0-9]+$/;
const MAX_USES = 5;
const uses = new Map<string, number>();
let counter = 0;

/** A response URL on the fake Slack at `apiUrl` (the "…/api/" base), as Slack puts in a payload. */
export function newResponseUrl(apiUrl: string, kind: "commands" | "actions", teamId = "T0001"): string {
  counter += 1;
  const secret = Math.random().toString(36).slice(2, 12);
  return `${apiUrl.replace(/api\/$/, "")}${kind}/${teamId}/${counter}/${secret}`;
}

export function answerResponseUrl(
  pathname: string,
  req: IncomingMessage,
  raw: string,
  calls: { method: string; params: Record<string, unknown> }[],
): { status: number; body: unknown } {
  if (req.method !== "POST") return { status: 405, body: "Method Not Allowed" };
  const used = (uses.get(pathname) ?? 0) + 1;
  uses.set(pathname, used);
  if (used > MAX_USES) return { status: 404, body: "used_url" };
  const body = parseBody(req, raw);
  calls.push({ method: "response_url", params: { ...body, response_url_path: pathname } });
  if (typeof body.text !== "string" && !Array.isArray(body.blocks) && !body.delete_original) {
    return { status: 400, body: "no_text" };
  }
  return { status: 200, body: { ok: true } };
}
