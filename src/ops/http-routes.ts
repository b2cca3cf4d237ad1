/** GET /healthz (is the store reachable?) and GET /metrics (Prometheus), as Bolt custom routes in HTTP mode. */
import type { CustomRoute } from "@slack/bolt";
import type { Store } from "../store/store.js";
import type { Log } from "../util/logger.js";
import type { Metrics } from "./metrics.js";

export interface OperationsRouteDeps {
  store: Pick<Store, "ping">;
  metrics: Metrics;
  log: Log;
}

export function operationsRoutes(deps: OperationsRouteDeps): CustomRoute[] {
  return [
    {
      path: "/healthz",
      method: ["GET"],
      handler: (_req, res) => {
        deps.store.ping().then(
          () => {
            res.writeHead(200, { "content-type": "application/json" });
            res.end(JSON.stringify({ ok: true, store: "reachable" }));
          },
          (error: unknown) => {
            deps.log.warn({ err: error }, "health check: the store is not reachable");
            // A load balancer takes this replica out of rotation until the database answers again.
            res.writeHead(503, { "content-type": "application/json" });
            res.end(JSON.stringify({ ok: false, store: "unreachable" }));
          },
        );
      },
    },
    {
      path: "/metrics",
      method: ["GET"],
      handler: (_req, res) => {
        deps.metrics.registry.metrics().then(
          (text) => {
            res.writeHead(200, { "content-type": deps.metrics.registry.contentType });
            res.end(text);
          },
          (error: unknown) => {
            deps.log.warn({ err: error }, "could not collect metrics");
            res.writeHead(500, { "content-type": "text/plain" });
            res.end("could not collect metrics\n");
          },
        );
      },
    },
  ];
}
