/** Small node:http helpers shared by the fake Slack and GitLab servers. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (req: IncomingMessage, res: ServerResponse, rawBody: string) => void | Promise<void>;

export interface RunningServer {
  /** e.g. "http://127.0.0.1:43123" (no trailing slash). */
  origin: string;
  close(): Promise<void>;
}

/** Starts a server on a random free port of 127.0.0.1; handler errors become a 500 so tests see them. */
export async function startServer(handler: Handler): Promise<RunningServer> {
  const server: Server = createServer((req, res) => {
    readBody(req)
      .then((raw) => handler(req, res, raw))
      .catch((error: unknown) => {
        if (!res.headersSent) sendText(res, 500, `fake server error: ${String(error)}`);
        else res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Keep-alive sockets from fetch would hold close() open; drop them.
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** The media type without parameters, lower-cased ("application/json"). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}

/** Parses a JSON or form-encoded body; anything else (or garbage) yields {}. */
export function parseBody(req: IncomingMessage, raw: string): Record<string, unknown> {
  if (raw.length === 0) return {};
  const type = mediaType(req);
  if (type === "application/json") {
    try {
      const parsed: unknown = JSON.parse(raw);
      return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {};
    } catch {
      return {};
    }
  }
  if (type === "application/x-www-form-urlencoded") return searchParamsToObject(new URLSearchParams(raw));
  return {};
}

export function searchParamsToObject(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of params) out[key] = value;
  return out;
}

/** The token of an `Authorization: Bearer …` header, if any. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match?.[1];
}

/** Counts uses per key in a sliding 60 s window; says how long to wait once a limit is hit. */
export class MinuteWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Records a hit and returns 0, or returns the seconds to wait (nothing recorded) when over limit. */
  take(key: string, perMinute: number): number {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= perMinute) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0]! + 60_000 - now) / 1000));
    }
    recent.push(now);
    this.hits.set(key, recent);
    return 0;
  }

  clear(): void {
    this.hits.clear();
  }
}
