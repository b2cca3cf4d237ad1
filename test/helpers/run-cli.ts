/** Runs the threadport command line (src/cli/threadport.ts) as a child process, as an admin would. */
import { spawn } from "node:child_process";
import { join } from "node:path";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/threadport.ts", ...args], {
    cwd: join(import.meta.dirname, "..", ".."),
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}

/** Polls until the condition holds; fails with the message (and what it shows) after timeoutMs. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  message: string | (() => string),
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(typeof message === "string" ? message : message());
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
