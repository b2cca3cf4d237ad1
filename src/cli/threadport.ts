#!/usr/bin/env node
/** The threadport command line: `threadport jobs`, `threadport jobs retry ID`, `threadport doctor`. */
import { config as loadDotenv } from "dotenv";
import { createJobQueue } from "../jobs/create-job-queue.js";
import { readJobConfig } from "../jobs/read-job-config.js";
import { openStore } from "../store/open-store.js";
import { createLogger } from "../util/logger.js";
import { type CommandOutput, jobsCommand } from "./jobs-command.js";

const USAGE = `Usage:
  threadport jobs [--all]     list failed and waiting jobs (--all: done ones too)
  threadport jobs retry ID    run a failed job again
  threadport doctor           check the set-up and print each problem with its fix`;

const io: CommandOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

async function main(argv: string[]): Promise<number> {
  loadDotenv({ quiet: true });
  const [command, ...args] = argv;
  if (command === "jobs") return runJobs(args);
  if (command === "doctor") {
    const { runDoctor } = await import("./doctor/run-doctor.js");
    return runDoctor(process.env, io);
  }
  io.err(USAGE);
  return command === undefined || command === "help" || command === "--help" ? 0 : 64;
}

async function runJobs(args: string[]): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL?.trim() || "./data/threadport.db";
  const problems: { variable: string; problem: string; fix: string }[] = [];
  const jobs = readJobConfig((name) => process.env[name]?.trim() || undefined, problems);
  // Logs go to stderr so that stdout holds only the listing.
  const log = createLogger("warn", process.stderr);
  const store = await openStore(databaseUrl);
  try {
    const queue = await createJobQueue({ config: { databaseUrl, jobs }, store, log, runner: false });
    try {
      return await jobsCommand(args, queue, io);
    } finally {
      await queue.stop(0);
    }
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    io.err(`threadport: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
