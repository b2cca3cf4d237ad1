/** Entry point: load the configuration, start threadport, stop cleanly on SIGTERM/SIGINT. */
import { setFlagsFromString } from "node:v8";
import { config as loadDotenv } from "dotenv";
import { ConfigError, loadConfig } from "./config.js";
import { ThreadportError } from "./errors.js";
import { startThreadport } from "./start-threadport.js";
import { createLogger } from "./util/logger.js";

async function main(): Promise<void> {
  // fetch (undici) parses HTTP with llhttp compiled to WebAssembly; on the first call V8 also optimizes that
  // module in the background, a peak of about 30 MB that is given back a moment later but sets the process's
  // high-water mark. The baseline compiler alone is plenty for parsing Slack's and GitLab's answers.
  // Set before the first fetch (verifying the Slack token); a flag set later would not apply.
  setFlagsFromString("--liftoff-only");
  // quiet: dotenv 17+ otherwise prints a banner on stdout, which is the structured log stream.
  loadDotenv({ quiet: true });
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example and README.md (Configuration).\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  let running: Awaited<ReturnType<typeof startThreadport>>;
  try {
    running = await startThreadport(config, log);
  } catch (error) {
    log.fatal(
      { err: error, code: error instanceof ThreadportError ? error.code : undefined },
      startupHint(error),
    );
    process.exit(1);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping");
    await running.stop();
    log.info({}, "stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

function startupHint(error: unknown): string {
  if (error instanceof ThreadportError) {
    switch (error.code) {
      case "slack_invalid_auth":
        return "Slack rejected SLACK_BOT_TOKEN: copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page";
      case "slack_unavailable":
        return `Slack could not be reached: check SLACK_API_URL and the network (${error.message})`;
      default:
        return `threadport could not start: ${error.message}`;
    }
  }
  return `threadport could not start: ${error instanceof Error ? error.message : String(error)}`;
}

void main();
