/** Failures a user must understand: an ephemeral message with the fix, and nothing half-written. */
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import { CHANNELS, seedPeopleAndChannels } from "../helpers/conversations.js";
import { PROJECT, startWorld, type World, type WorldOptions } from "../helpers/world.js";

let world: World | undefined;
afterEach(async () => {
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

/** Reacts and returns the one message the reacting person alone was shown. */
async function reactAndReadPrivateAnswer(w: World, channel: string, ts: string): Promise<string> {
  const before = w.answers();
  await w.react(channel, ts);
  await w.waitForAnswers(before + 1);
  const ephemeral = w.slack.ephemerals().at(-1);
  const direct = w.slack.postedMessages().at(-1);
  const text = ephemeral?.user === "U_ALICE" ? ephemeral.text : direct?.text;
  return text ?? "";
}

async function storedLink(w: World, channel: string, ts: string) {
  const store = await openSqliteStore(w.bot.databasePath);
  try {
    return await store.getThreadLink("T0001", channel, ts);
  } finally {
    await store.close();
  }
}

describe("when an export cannot be done", () => {
  it("explains a wrong GitLab token and writes nothing", async () => {
    const w = await worldWith({ bot: { env: { GITLAB_TOKEN: "glpat-wrong-wrong-wrong" } } });
    const ts = w.slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "hello" });
    const text = await reactAndReadPrivateAnswer(w, CHANNELS.public.id, ts);
    expect(text).toContain("GitLab rejected threadport's access token");
    expect(text).toContain("GITLAB_TOKEN");
    expect(w.slack.ephemerals().at(-1)!.user).toBe("U_ALICE");
    expect(w.gitlab.issues(PROJECT.id)).toHaveLength(0);
    expect(await storedLink(w, CHANNELS.public.id, ts)).toBeUndefined();
    expect(w.bot.output()).not.toContain("glpat-wrong-wrong-wrong");
  });

  it("explains a project that does not exist", async () => {
    const w = await worldWith({ bot: { env: { GITLAB_DEFAULT_PROJECT: "acme/does-not-exist" } } });
    const ts = w.slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "hello" });
    const text = await reactAndReadPrivateAnswer(w, CHANNELS.public.id, ts);
    expect(text).toContain("`acme/does-not-exist` does not exist");
    expect(await storedLink(w, CHANNELS.public.id, ts)).toBeUndefined();
  });

  it("explains a project the token may not write to", async () => {
    const w = await worldWith({
      seed: (_slack, gitlab) =>
        gitlab.addProject({
          id: 77,
          path_with_namespace: "acme/archived",
          archived: true,
          members: { 9: 20 },
        }),
      bot: { env: { GITLAB_DEFAULT_PROJECT: "acme/archived" } },
    });
    const ts = w.slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "hello" });
    const text = await reactAndReadPrivateAnswer(w, CHANNELS.public.id, ts);
    expect(text).toContain("may not create issues in `acme/archived`");
    expect(w.gitlab.issues(77)).toHaveLength(0);
  });

  it("explains GitLab being down once every attempt failed, and the same reaction works once it is back", async () => {
    // Exports are durable jobs that retry while GitLab is down; two quick attempts keep this test short.
    const w = await worldWith({ bot: { env: { JOB_MAX_ATTEMPTS: "2", JOB_RETRY_BASE_MS: "100" } } });
    const ts = w.slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "hello" });
    w.gitlab.setDown(true);
    const text = await reactAndReadPrivateAnswer(w, CHANNELS.public.id, ts);
    expect(text).toContain("GitLab did not answer");
    expect(await storedLink(w, CHANNELS.public.id, ts)).toBeUndefined();

    w.gitlab.setDown(false);
    const before = w.answers();
    await w.react(CHANNELS.public.id, ts);
    await w.waitForAnswers(before + 1);
    expect(w.gitlab.issues(PROJECT.id)).toHaveLength(1);
    expect(await storedLink(w, CHANNELS.public.id, ts)).toMatchObject({ issueIid: 1 });
  });

  it("waits as GitLab's Retry-After asks and then files the issue", async () => {
    const w = await worldWith();
    const ts = w.slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "hello" });
    w.gitlab.failNext({ method: "POST", pathIncludes: "/issues" }, { status: 429, retryAfter: 1 });
    const before = w.answers();
    await w.react(CHANNELS.public.id, ts);
    await w.waitForAnswers(before + 1);
    const posts = w.gitlab.requests.filter((r) => r.method === "POST");
    expect(posts).toHaveLength(2);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(w.gitlab.issues(PROJECT.id)).toHaveLength(1);
  });

  it("tells the person in a direct message when the bot is not in the channel", async () => {
    const w = await worldWith();
    const ts = w.slack.post(CHANNELS.outside.id, { user: "U_ALICE", text: "hello" });
    const before = w.answers();
    await w.react(CHANNELS.outside.id, ts);
    await w.waitForAnswers(before + 1);
    const dm = w.slack.postedMessages().at(-1)!;
    expect(dm.channel).toBe("D_ALICE");
    expect(dm.text).toContain("/invite @threadport");
    expect(w.gitlab.requests.filter((r) => r.method === "POST")).toHaveLength(0);
  });

  it("names the missing Slack scope", async () => {
    const w = await worldWith();
    const ts = w.slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "hello" });
    w.slack.setScopes([
      "channels:read",
      "groups:read",
      "users:read",
      "chat:write",
      "reactions:write",
      "reactions:read",
    ]);
    const text = await reactAndReadPrivateAnswer(w, CHANNELS.public.id, ts);
    expect(text).toContain("`channels:history`");
    expect(w.gitlab.requests.filter((r) => r.method === "POST")).toHaveLength(0);
  });
});
