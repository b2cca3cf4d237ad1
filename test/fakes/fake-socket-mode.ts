/**
 * A local Socket Mode endpoint: the WebSocket URL that `apps.connections.open` hands out. Like Slack, it
 * greets each connection with `hello`, sends envelopes (`events_api`, `interactive`, `slash_commands`) and
 * expects each to be acknowledged with its `envelope_id`.
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export interface FakeSocketMode {
  /** `ws://` URL returned by apps.connections.open. */
  url: string;
  /** Resolves once a client has connected and been greeted. */
  connected(): Promise<void>;
  /** Sends an envelope to the connected client; resolves with the client's acknowledgement. */
  send(
    type: "events_api" | "interactive" | "slash_commands",
    payload: unknown,
    retryAttempt?: number,
  ): Promise<unknown>;
  close(): Promise<void>;
}

export async function startFakeSocketMode(appId: string): Promise<FakeSocketMode> {
  const http = createServer((_req, res) => res.writeHead(426).end());
  const wss = new WebSocketServer({ server: http });
  const acks = new Map<string, (ack: unknown) => void>();
  let client: WebSocket | undefined;
  let greeted: () => void = () => {};
  const connection = new Promise<void>((resolve) => {
    greeted = resolve;
  });

  wss.on("connection", (socket) => {
    client = socket;
    socket.on("message", (data) => {
      const ack = JSON.parse(String(data)) as { envelope_id?: string };
      if (ack.envelope_id) acks.get(ack.envelope_id)?.(ack);
    });
    socket.send(
      JSON.stringify({
        type: "hello",
        num_connections: 1,
        debug_info: { host: "applink-fake", approximate_connection_time: 18060 },
        connection_info: { app_id: appId },
      }),
    );
    greeted();
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;

  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=${randomUUID()}&app_id=${appId}`,
    connected: () => connection,
    send(type, payload, retryAttempt = 0) {
      if (!client) return Promise.reject(new Error("fake Socket Mode: no client connected"));
      const envelopeId = randomUUID();
      const acknowledged = new Promise<unknown>((resolve) => acks.set(envelopeId, resolve));
      client.send(
        JSON.stringify({
          envelope_id: envelopeId,
          payload,
          type,
          accepts_response_payload: type !== "events_api",
          retry_attempt: retryAttempt,
          retry_reason: retryAttempt ? "timeout" : "",
        }),
      );
      return acknowledged;
    },
    async close() {
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
