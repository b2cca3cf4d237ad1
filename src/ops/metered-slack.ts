/** Slack's side of the metrics: requests received by type, and latency and 429s of Web API calls. */
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { WebClient, WebClientEvent, type WebClientOptions } from "@slack/web-api";
import type { Metrics } from "./metrics.js";

/** Bolt global middleware counting every request: events by event type, commands, interactions. */
export function countSlackRequests(metrics: Metrics): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    metrics.slackRequest(requestType(body as Record<string, unknown>));
    await next();
  };
}

export function requestType(body: Record<string, unknown>): string {
  const event = body.event as { type?: unknown } | undefined;
  if (typeof event?.type === "string") return event.type;
  if (typeof body.command === "string") return "slash_command";
  return typeof body.type === "string" ? body.type : "unknown";
}

/** A WebClient that times each Web API call (retries and rate-limit waits included) and counts 429s. */
export class MeteredWebClient extends WebClient {
  constructor(
    private readonly metrics: Metrics,
    token: string,
    options: WebClientOptions,
  ) {
    super(token, options);
    this.on(WebClientEvent.RATE_LIMITED, () => metrics.rateLimited("slack"));
  }

  override async apiCall(method: string, options?: Record<string, unknown>) {
    const started = performance.now();
    try {
      const result = await super.apiCall(method, options);
      this.metrics.externalCall("slack", method, 200, (performance.now() - started) / 1000);
      return result;
    } catch (error) {
      this.metrics.externalCall("slack", method, "error", (performance.now() - started) / 1000);
      throw error;
    }
  }
}
