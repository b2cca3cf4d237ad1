/** Configuration is a pure function of the environment, validated all at once. */
import { type JobConfig, readJobConfig } from "./jobs/read-job-config.js";
import type { NudgeDefaults } from "./nudge/nudge-settings.js";
import { readNudgeConfig } from "./nudge/read-nudge-config.js";

export type SlackMode = "socket" | "http";

export interface Config {
  slack: {
    botToken: string;
    signingSecret: string;
    appToken?: string;
    /** Base URL of the Slack Web API, ending in "/". */
    apiUrl: string;
    mode: SlackMode;
  };
  port: number;
  gitlab: {
    url: string;
    token: string;
    /** Project for channels that are not linked to one; none means "link the channel first". */
    defaultProject?: string;
    allowedNamespaces: string[];
    /** Secret token of the GitLab webhook (POST /gitlab/webhook); unset: the webhook route answers 404. */
    webhookSecret?: string;
  };
  databaseUrl: string;
  openai: { apiKey?: string; baseUrl?: string; model: string };
  /** Model summaries: most tokens per request (prompt and answer), and the timeout of one request. */
  summary: { contextTokens: number; requestTimeoutMs: number };
  exportReactions: string[];
  logLevel: string;
  /** Nudges in threads: on/off, thresholds, DMs, working hours (per-channel settings override some). */
  nudges: NudgeDefaults;
  /** Durable jobs: concurrency and retries (JOB_*). */
  jobs: JobConfig;
}

export interface ConfigProblem {
  variable: string;
  problem: string;
  fix: string;
}

export class ConfigError extends Error {
  readonly code = "invalid_config";
  constructor(readonly problems: ConfigProblem[]) {
    super(
      `threadport cannot start: ${problems.length} configuration problem(s)\n` +
        problems.map((p) => `  - ${p.variable}: ${p.problem}\n    fix: ${p.fix}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

type Env = Record<string, string | undefined>;

/** Reads and validates the configuration; throws one ConfigError listing every problem. */
export function loadConfig(env: Env = process.env): Config {
  const problems: ConfigProblem[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const required = (name: string, fix: string): string => {
    const value = read(name);
    if (!value) problems.push({ variable: name, problem: "is not set", fix });
    return value ?? "";
  };

  const botToken = required(
    "SLACK_BOT_TOKEN",
    "copy the Bot User OAuth Token (xoxb-…) from your Slack app's OAuth & Permissions page",
  );
  if (botToken && !botToken.startsWith("xoxb-")) {
    problems.push({
      variable: "SLACK_BOT_TOKEN",
      problem: "does not look like a bot token (it should start with xoxb-)",
      fix: "use the Bot User OAuth Token, not a user (xoxp-) or app-level (xapp-) token",
    });
  }
  const signingSecret = required(
    "SLACK_SIGNING_SECRET",
    "copy the Signing Secret from your Slack app's Basic Information page",
  );
  const appToken = read("SLACK_APP_TOKEN");
  if (appToken && !appToken.startsWith("xapp-")) {
    problems.push({
      variable: "SLACK_APP_TOKEN",
      problem: "does not look like an app-level token (it should start with xapp-)",
      fix: "create an app-level token with the connections:write scope on the Basic Information page, or unset it to use HTTP mode",
    });
  }
  const apiUrl = readUrl(read("SLACK_API_URL") ?? "https://slack.com/api/", "SLACK_API_URL", problems);
  const port = readPort(read("PORT") ?? "3000", problems);

  const gitlabUrl = readUrl(read("GITLAB_URL") ?? "https://gitlab.com", "GITLAB_URL", problems);
  const gitlabToken = required(
    "GITLAB_TOKEN",
    "create a personal, group or project access token with the api scope in GitLab (User settings → Access tokens)",
  );
  // Optional: channels linked with `/async link` need none; without it, unlinked channels ask to be linked.
  const defaultProject = read("GITLAB_DEFAULT_PROJECT");
  if (defaultProject && !/^[\w.-]+(\/[\w.-]+)+$|^\d+$/.test(defaultProject)) {
    problems.push({
      variable: "GITLAB_DEFAULT_PROJECT",
      problem: `"${defaultProject}" is not a project path or id`,
      fix: "use the full path with its namespace (group/project or group/subgroup/project) or the numeric id",
    });
  }
  const allowedNamespaces = splitList(read("GITLAB_ALLOWED_NAMESPACES"));

  const exportReactions = splitList(read("EXPORT_REACTIONS") ?? "memo")
    .map((r) => r.replace(/^:|:$/g, ""))
    // ":" or "::" strips to nothing, and an empty name would never match a reaction.
    .filter(Boolean);
  if (exportReactions.length === 0) {
    problems.push({
      variable: "EXPORT_REACTIONS",
      problem: "lists no emoji",
      fix: "give one or more emoji names separated by commas, e.g. memo,inbox_tray",
    });
  }
  const logLevel = (read("LOG_LEVEL") ?? "info").toLowerCase();
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push({
      variable: "LOG_LEVEL",
      problem: `"${logLevel}" is unknown`,
      fix: `use one of ${LOG_LEVELS.join(", ")}`,
    });
  }
  const openaiBaseUrl = read("OPENAI_BASE_URL");
  if (openaiBaseUrl) readUrl(openaiBaseUrl, "OPENAI_BASE_URL", problems);
  const contextTokens = readInteger(read("SUMMARY_CONTEXT_TOKENS") ?? "30000", "SUMMARY_CONTEXT_TOKENS", {
    min: 2_000,
    fix: "give the model's context window in tokens, at least 2000 (e.g. 8000 for a small local model)",
    problems,
  });
  const timeoutSeconds = readInteger(read("OPENAI_TIMEOUT_SECONDS") ?? "60", "OPENAI_TIMEOUT_SECONDS", {
    min: 1,
    fix: "give the seconds one model request may take, e.g. 60 (more for a slow local model)",
    problems,
  });

  const nudges = readNudgeConfig(read, problems);
  const jobs = readJobConfig(read, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    slack: {
      botToken,
      signingSecret,
      appToken,
      apiUrl: withTrailingSlash(apiUrl),
      mode: appToken ? "socket" : "http",
    },
    port,
    gitlab: {
      url: gitlabUrl.replace(/\/+$/, "").replace(/\/api\/v4$/, ""),
      token: gitlabToken,
      defaultProject,
      allowedNamespaces,
      webhookSecret: read("GITLAB_WEBHOOK_SECRET"),
    },
    databaseUrl: read("DATABASE_URL") ?? "./data/threadport.db",
    openai: {
      apiKey: read("OPENAI_API_KEY"),
      baseUrl: openaiBaseUrl,
      model: read("OPENAI_MODEL") ?? "gpt-4o-mini",
    },
    summary: { contextTokens, requestTimeoutMs: timeoutSeconds * 1000 },
    exportReactions,
    logLevel,
    nudges,
    jobs,
  };
}

function splitList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function readUrl(value: string, variable: string, problems: ConfigProblem[]): string {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("not http");
    return value;
  } catch {
    problems.push({
      variable,
      problem: `"${value}" is not an http(s) URL`,
      fix: "give a full URL such as https://gitlab.example.com",
    });
    return value;
  }
}

function readPort(value: string, problems: ConfigProblem[]): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    problems.push({
      variable: "PORT",
      problem: `"${value}" is not a port number`,
      fix: "use a number from 1 to 65535, e.g. 3000",
    });
  }
  return port;
}

function readInteger(
  value: string,
  variable: string,
  rule: { min: number; fix: string; problems: ConfigProblem[] },
): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < rule.min) {
    rule.problems.push({
      variable,
      problem: `"${value}" is not a whole number of at least ${rule.min}`,
      fix: rule.fix,
    });
  }
  return number;
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
