import type { ReceiverEvent } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { type TakenEvent, takeEvent } from "../../src/slack/take-event.js";

/** An app whose own processEvent records what Bolt would have dispatched. */
function fakeApp() {
  const dispatched: unknown[] = [];
  const app = {
    processEvent: async (event: ReceiverEvent) => {
      dispatched.push(event.body);
    },
  };
  return { app, dispatched };
}

function incoming(body: Record<string, unknown>) {
  const acks: unknown[] = [];
  const event: ReceiverEvent = {
    body,
    ack: async (response?: unknown) => {
      acks.push(response ?? "acked");
    },
  };
  return { event, acks };
}

const messageBody = {
  type: "event_callback",
  team_id: "T1",
  event_id: "Ev1",
  event: { type: "message", channel: "C1", ts: "1.000200", thread_ts: "1.000100", user: "U1" },
};

describe("takeEvent", () => {
  it("acks an event of its type and hands it to the handler, not to Bolt", async () => {
    const { app, dispatched } = fakeApp();
    const taken: TakenEvent[] = [];
    const counted: string[] = [];
    takeEvent(app, "message", async (args) => void taken.push(args), {
      onEvent: (type) => counted.push(type),
      onError: () => {},
    });
    const { event, acks } = incoming(messageBody);
    await app.processEvent(event);
    expect(acks).toEqual(["acked"]);
    expect(taken).toEqual([{ event: messageBody.event, body: messageBody }]);
    expect(counted).toEqual(["message"]);
    expect(dispatched).toEqual([]);
  });

  it("passes every other request to Bolt untouched, without acking it", async () => {
    const { app, dispatched } = fakeApp();
    const taken: TakenEvent[] = [];
    takeEvent(app, "message", async (args) => void taken.push(args), { onError: () => {} });
    const reaction = { ...messageBody, event: { type: "reaction_added" } };
    const command = { command: "/async", text: "help" };
    for (const body of [reaction, command]) {
      const { event, acks } = incoming(body);
      await app.processEvent(event);
      expect(acks).toEqual([]);
    }
    expect(dispatched).toEqual([reaction, command]);
    expect(taken).toEqual([]);
  });

  it("reports a failing handler after the ack, so Slack does not redeliver", async () => {
    const { app } = fakeApp();
    const errors: unknown[] = [];
    const failure = new Error("store down");
    takeEvent(
      app,
      "message",
      async () => {
        throw failure;
      },
      { onError: (error) => errors.push(error) },
    );
    const { event, acks } = incoming(messageBody);
    await app.processEvent(event);
    expect(acks).toEqual(["acked"]);
    expect(errors).toEqual([failure]);
  });

  it("with ackAfterHandler, acks only once the handler is done", async () => {
    const { app } = fakeApp();
    const order: string[] = [];
    takeEvent(app, "message", async () => void order.push("handled"), { ackAfterHandler: true });
    const { event } = incoming(messageBody);
    const ack = event.ack;
    event.ack = async () => {
      order.push("acked");
      await ack();
    };
    await app.processEvent(event);
    expect(order).toEqual(["handled", "acked"]);
  });

  it("with ackAfterHandler, leaves a failed event unacknowledged and throws to the receiver", async () => {
    const { app } = fakeApp();
    const failure = new Error("store down");
    takeEvent(
      app,
      "message",
      async () => {
        throw failure;
      },
      { ackAfterHandler: true },
    );
    const { event, acks } = incoming(messageBody);
    await expect(app.processEvent(event)).rejects.toBe(failure);
    expect(acks).toEqual([]);
  });
});
