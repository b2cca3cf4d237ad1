/**
 * A fast lane for high-volume events. For every request Bolt's `processEvent` builds a context, a Web API
 * client, `say`/`respond`/`sayStream` helpers, and runs its global middleware chain (ignoreSelf, the
 * conversation store, ours) before any listener sees it: most of a bare Bolt app's own CPU per event. A
 * `message` event arrives for every message of every channel the bot is in and needs none of that, so
 * `takeEvent` acknowledges events of one type at once and hands them straight to their handler; every other
 * request goes through Bolt as usual. Both receivers (HTTP and Socket Mode) call `app.processEvent`, so the
 * lane works in both modes.
 *
 * An event type taken this way reaches no `app.event()` listener or global middleware: register it here and
 * only here.
 *
 * `ackAfterHandler` answers Slack only once the handler is done, for events whose handling must not be lost
 * (an export request becomes a durable job): a crash before the job exists leaves Slack without its 200, so
 * Slack sends the event again; a handler that throws gets the receiver's 500, with the same effect.
 */
import type { App, ReceiverEvent } from "@slack/bolt";

export interface TakenEvent {
  event: Record<string, unknown>;
  body: { team_id: string; event_id: string } & Record<string, unknown>;
}

export type TakeEventOptions = {
  /** Called for every event taken, before the handler (the request counter). */
  onEvent?(type: string): void;
} & (
  | {
      /** Acknowledge after the handler succeeded, not before it ran; a failure is thrown to the receiver. */
      ackAfterHandler: true;
    }
  | {
      ackAfterHandler?: false;
      /** Called when the handler throws: Bolt's error handler never sees these events. */
      onError(error: unknown): void;
    }
);

type EventProcessor = Pick<App, "processEvent">;

export function takeEvent(
  app: EventProcessor,
  type: string,
  handler: (args: TakenEvent) => Promise<void>,
  options: TakeEventOptions,
): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (incoming: ReceiverEvent) => {
    const body = incoming.body as TakenEvent["body"] & { type?: string; event?: TakenEvent["event"] };
    if (body.type !== "event_callback" || body.event?.type !== type) return processEvent(incoming);
    options.onEvent?.(type);
    if (options.ackAfterHandler === true) {
      await handler({ event: body.event, body });
      await incoming.ack();
      return;
    }
    // Events API requests want nothing but a quick 200 (or a Socket Mode ack), as Bolt sends for events.
    await incoming.ack();
    try {
      await handler({ event: body.event, body });
    } catch (error) {
      options.onError(error);
    }
  };
}
