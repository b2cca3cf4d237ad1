/** `threadport doctor`: checks the set-up and prints each check with its fix; exit code 1 when one failed. */
import fs from "node:fs";
import { WebClient } from "@slack/web-api";
import { ConfigError, loadConfig } from "../../config.js";
import { GitLabTracker } from "../../gitlab/gitlab-tracker.js";
import { openStore } from "../../store/open-store.js";
import type { CommandOutput } from "../jobs-command.js";
import { checkGitLab } from "./check-gitlab.js";
import { checkLlm } from "./check-llm.js";
import { type CheckResult, failed, formatReport, ok } from "./check-result.js";
import { checkSlack } from "./check-slack.js";
import { checkStore } from "./check-store.js";
import { checkWebhook } from "./check-webhook.js";
import { botScopesOf, findManifest } from "./manifest-scopes.js";

export async function runDoctor(env: Record<string, string | undefined>, io: CommandOutput): Promise<number> {
  const results = await doctorChecks(env);
  for (const line of formatReport(results)) io.out(line);
  return results.some((result) => result.status === "failed") ? 1 : 0;
}

export async function doctorChecks(env: Record<string, string | undefined>): Promise<CheckResult[]> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Nothing else can be checked without a valid configuration: report every problem with its fix.
    return error.problems.map((p) => failed(`Setting ${p.variable}`, p.problem, p.fix));
  }
  const results: CheckResult[] = [ok("Configuration", "every setting is valid")];
  const store = await checkStore(config.databaseUrl);
  const { current, ...storeResult } = store;
  results.push(storeResult);
  let linkedProjects: string[] = [];

  const manifestPath = findManifest();
  const client = new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: { retries: 1 },
    timeout: 15_000,
  });
  results.push(
    ...(await checkSlack({
      client,
      signingSecret: config.slack.signingSecret,
      ...(manifestPath ? { manifestScopes: botScopesOf(fs.readFileSync(manifestPath, "utf8")) } : {}),
      // Only a database at the current schema is opened: doctor changes nothing.
      ...(current
        ? {
            linkedChannels: async (teamId: string) => {
              const links = await readLinks(config.databaseUrl, teamId);
              linkedProjects = [...new Set(links.map((link) => link.projectPath))];
              return links.map((link) => link.channelId);
            },
          }
        : {}),
    })),
  );

  const tracker = new GitLabTracker({
    host: config.gitlab.url,
    token: config.gitlab.token,
    retryPolicy: { attempts: 2, baseDelayMs: 500, maxDelayMs: 2_000 },
  });
  const projects = new Set<string>(config.gitlab.defaultProject ? [config.gitlab.defaultProject] : []);
  for (const project of linkedProjects) projects.add(project);
  results.push(
    ...(await checkGitLab({
      url: config.gitlab.url,
      token: config.gitlab.token,
      tracker,
      projects: [...projects],
    })),
  );
  results.push(checkWebhook(config));
  results.push(await checkLlm(config.openai));
  return results;
}

/** The workspace's channel links, from the store. */
async function readLinks(databaseUrl: string, teamId: string) {
  const store = await openStore(databaseUrl);
  try {
    return await store.listChannelLinks(teamId);
  } finally {
    await store.close();
  }
}
