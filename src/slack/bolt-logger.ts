import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger as PinoLogger } from "pino";

/** Routes Bolt's own log lines into pino, so there is one structured log stream. */
export function boltLogger(log: PinoLogger): BoltLogger {
  let level = LogLevel.INFO;
  const write =
    (method: "debug" | "info" | "warn" | "error") =>
    (...parts: unknown[]) => {
      // Bolt logs at debug on every request; formatting its objects when nobody reads them is the cost.
      if (!log.isLevelEnabled(method)) return;
      log[method](
        { source: "bolt" },
        parts.map((p) => (typeof p === "string" ? p : JSON.stringify(p))).join(" "),
      );
    };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
