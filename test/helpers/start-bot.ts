/** Starts the real bot (src/main.ts) as a child process in HTTP mode, configured only through its environment. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface RunningBot {
  url: string;
  signingSecret: string;
  databasePath: string;
  /** Everything the bot printed (pino JSON lines and stderr). */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  process: ChildProcess;
}

export interface StartBotOptions {
  slackUrl: string;
  gitlabUrl: string;
  env?: Record<string, string>;
  databasePath?: string;
  /** Wait for the health check; false to inspect a bot that is expected to fail at start. */
  waitUntilReady?: boolean;
  /** Run the compiled bot (dist/, after `npm run build`) as `npm start` does, instead of the sources. */
  compiled?: boolean;
}

export const TEST_SIGNING_SECRET = "test-signing-secret-0123456789";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const port = await freePort();
  const databasePath =
    options.databasePath ?? join(mkdtempSync(join(tmpdir(), "threadport-")), "threadport.db");
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: options.slackUrl,
    PORT: String(port),
    GITLAB_URL: options.gitlabUrl,
    GITLAB_TOKEN: "glpat-test-token-000000000",
    GITLAB_DEFAULT_PROJECT: "acme/web",
    DATABASE_URL: databasePath,
    LOG_LEVEL: "info",
    ...options.env,
  };
  const args = options.compiled ? ["dist/src/main.js"] : ["--import", "tsx", "src/main.ts"];
  const child = spawn(process.execPath, args, {
    cwd: join(import.meta.dirname, "..", ".."),
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const bot: RunningBot = {
    url: `http://127.0.0.1:${port}`,
    signingSecret: TEST_SIGNING_SECRET,
    databasePath,
    output: () => output,
    process: child,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  if (options.waitUntilReady !== false) await waitForHealth(bot, exited);
  return bot;
}

async function waitForHealth(bot: RunningBot, exited: Promise<number | null>): Promise<void> {
  let done = false;
  void exited.then(() => {
    done = true;
  });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (done) throw new Error(`bot exited during start-up:\n${bot.output()}`);
    try {
      const response = await fetch(`${bot.url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await bot.stop();
  throw new Error(`bot did not become healthy in time:\n${bot.output()}`);
}
