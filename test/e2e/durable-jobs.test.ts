/** Exports are durable jobs: they outlive crashes and outages, run once, and failures stay visible. */
import { afterEach, describe, expect, it } from "vitest";
import { CHANNELS, seedPeopleAndChannels } from "../helpers/conversations.js";
import { runCli, waitUntil } from "../helpers/run-cli.js";
import { type RunningBot, startBot } from "../helpers/start-bot.js";
import { PROJECT, startWorld, type World, type WorldOptions } from "../helpers/world.js";

let world: World | undefined;
let extraBots: RunningBot[] = [];
afterEach(async () => {
  for (const bot of extraBots) await bot.stop();
  extraBots = [];
  await world?.close();
  world = undefined;
});

async function worldWith(options: Partial<WorldOptions> = {}): Promise<World> {
  world = await startWorld({
    ...options,
    seed: (slack, gitlab) => {
      seedPeopleAndChannels(slack);
      options.seed?.(slack, gitlab);
    },
  });
  return world;
}

function aThread(w: World): string {
  const ts = w.slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "Should we cache the permalink?" });
  w.slack.post(CHANNELS.public.id, { user: "U_BOB", text: "Yes, for a day.", thread_ts: ts });
  return ts;
}

describe("exports as durable jobs", () => {
  it("keeps trying while GitLab is down and files the issue once it is back, without bothering anyone", async () => {
    const w = await worldWith({ bot: { env: { JOB_RETRY_BASE_MS: "200" } } });
    const ts = aThread(w);
    w.gitlab.setDown(true);
    const before = w.answers();
    await w.react(CHANNELS.public.id, ts);
    // Two attempts of the job, each with its own quick retries, all answered 503.
    await waitUntil(
      () => w.gitlab.requests.filter((r) => r.status === 503).length >= 8,
      "the job did not try again while GitLab was down",
    );
    expect(w.answers()).toBe(before);
    w.gitlab.setDown(false);
    await w.waitForAnswers(before + 1, 30_000);
    expect(w.gitlab.issues(PROJECT.id)).toHaveLength(1);
    expect(w.slack.ephemerals()).toEqual([]);
    expect(w.slack.postedMessages().at(-1)!.text).toContain("Moved to");
  });

  it("does not retry a permanent failure, keeps the job visible, and runs it again on `threadport jobs retry`", async () => {
    const archived = { id: 77, path_with_namespace: "acme/archived", members: { 9: 20 } };
    const w = await worldWith({
      seed: (_slack, gitlab) => gitlab.addProject({ ...archived, archived: true }),
      bot: { env: { GITLAB_DEFAULT_PROJECT: "acme/archived" } },
    });
    const ts = aThread(w);
    let before = w.answers();
    await w.react(CHANNELS.public.id, ts);
    await w.waitForAnswers(before + 1);
    expect(w.slack.ephemerals().at(-1)!.text).toContain("may not create issues in `acme/archived`");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(w.gitlab.requests.filter((r) => r.method === "POST")).toHaveLength(1);

    const env = { DATABASE_URL: w.bot.databasePath };
    const listing = await runCli(["jobs"], env);
    expect(listing.code).toBe(0);
    expect(listing.stdout).toContain("1 failed");
    expect(listing.stdout).toContain("gitlab_forbidden");
    const id = /threadport jobs retry (\S+)/.exec(listing.stdout)?.[1];
    expect(id).toBeDefined();

    w.gitlab.addProject({ ...archived, archived: false });
    before = w.answers();
    const retried = await runCli(["jobs", "retry", id!], env);
    expect(retried.code).toBe(0);
    await w.waitForAnswers(before + 1);
    expect(w.gitlab.issues(77)).toHaveLength(1);
    expect(w.slack.postedMessages().at(-1)!.text).toContain("acme/archived#1");
    expect((await runCli(["jobs"], env)).stdout).toContain("No failed or waiting jobs.");
    expect((await runCli(["jobs", "retry", id!], env)).code).toBe(1);
  });

  it("files exactly one issue when killed after GitLab created it but before it was recorded", async () => {
    const w = await worldWith();
    const ts = aThread(w);
    // GitLab creates the issue and never answers: the bot dies waiting, with nothing in its store.
    w.gitlab.interceptNext({ method: "POST", pathIncludes: "/issues" }, { hang: true });
    const before = w.answers();
    await w.react(CHANNELS.public.id, ts);
    await waitUntil(() => w.gitlab.issues(PROJECT.id).length === 1, "GitLab never got the issue");
    await w.bot.stop("SIGKILL");

    const restarted = await startBot({
      slackUrl: w.slack.url,
      gitlabUrl: w.gitlab.url,
      databasePath: w.bot.databasePath,
    });
    extraBots.push(restarted);
    await w.waitForAnswers(before + 1);
    expect(w.gitlab.issues(PROJECT.id)).toHaveLength(1);
    expect(w.slack.postedMessages().at(-1)!.text).toContain(`${PROJECT.path}#1`);
    expect(restarted.output()).toContain("adopted the issue an interrupted attempt created");
  });

  it("finishes the export in hand when stopped with SIGTERM", async () => {
    const w = await worldWith();
    const ts = aThread(w);
    w.gitlab.interceptNext({ method: "POST", pathIncludes: "/issues" }, { delayMs: 1_500 });
    const before = w.answers();
    await w.react(CHANNELS.public.id, ts);
    await waitUntil(
      () => w.gitlab.requests.some((r) => r.method === "POST" && r.path.endsWith("/issues")),
      "the export never reached GitLab",
    );
    const code = await w.bot.stop("SIGTERM");
    expect(code).toBe(0);
    expect(w.gitlab.issues(PROJECT.id)).toHaveLength(1);
    expect(w.answers()).toBe(before + 1);
    expect(w.bot.output()).toContain('"msg":"stopped"');
  });
});
