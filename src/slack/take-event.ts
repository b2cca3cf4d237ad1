/**
 * A fast lane for high-volume events. Bolt runs every registered listener's middleware chain for every
 * incoming request, so an event type that arrives for every message in every channel pays for all the
 * commands, actions and views threadport registers. `takeEvent` is global middleware that hands events of
 * one type straight to their handler and ends the dispatch there; every other request goes on as usual.
 *
 * An event type taken this way reaches no `app.event()` listener: register it here and only here.
 */
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";

export interface TakenEvent {
  event: Record<string, unknown>;
  body: { team_id: string; event_id: string } & Record<string, unknown>;
}

export function takeEvent(
  type: string,
  handler: (args: TakenEvent) => Promise<void>,
): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as { type?: string; event?: { type?: string } };
    if (body.type === "event_callback" && body.event?.type === type) {
      await handler(args as unknown as TakenEvent);
      return;
    }
    await args.next();
  };
}
