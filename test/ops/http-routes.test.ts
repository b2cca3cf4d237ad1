import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { operationsRoutes } from "../../src/ops/http-routes.js";
import { Metrics } from "../../src/ops/metrics.js";
import { StoreError } from "../../src/store/store-error.js";
import { createLogger } from "../../src/util/logger.js";

function call(route: ReturnType<typeof operationsRoutes>[number]) {
  return new Promise<{ status: number; body: string; type?: string }>((resolve) => {
    let status = 0;
    let type: string | undefined;
    const res = {
      writeHead(code: number, headers: Record<string, string>) {
        status = code;
        type = headers["content-type"];
      },
      end(body: string) {
        resolve({ status, body, type });
      },
    } as unknown as ServerResponse;
    route.handler({} as IncomingMessage & { params?: Record<string, string> }, res);
  });
}

const log = createLogger("silent");

describe("operations routes", () => {
  it("report 503 on /healthz while the store cannot be reached", async () => {
    const store = { ping: () => Promise.reject(new StoreError("store_unavailable", "connection refused")) };
    const [healthz] = operationsRoutes({ store, metrics: new Metrics({ processMetrics: false }), log });
    expect(await call(healthz!)).toEqual({
      status: 503,
      body: JSON.stringify({ ok: false, store: "unreachable" }),
      type: "application/json",
    });
  });

  it("show the queue as the store counts it, with the age of the oldest waiting job", async () => {
    const metrics = new Metrics({ processMetrics: false, now: () => 100_000 });
    metrics.watchQueue(async () => ({ pending: 3, running: 1, failed: 2, oldestWaitingSince: 40_000 }));
    const [, route] = operationsRoutes({ store: { ping: async () => {} }, metrics, log });
    const { status, body } = await call(route!);
    expect(status).toBe(200);
    expect(body).toContain('threadport_jobs_waiting{state="pending"} 3');
    expect(body).toContain('threadport_jobs_waiting{state="running"} 1');
    expect(body).toContain("threadport_jobs_failed 2");
    expect(body).toContain("threadport_jobs_oldest_age_seconds 60");
  });
});
