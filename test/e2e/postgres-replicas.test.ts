/** Two bot processes on one PostgreSQL database, as behind a load balancer: each export runs once. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, seedPeopleAndChannels } from "../helpers/conversations.js";
import { freshDatabase, postgresReachable, type Scratch } from "../helpers/postgres.js";
import { runCli, waitUntil } from "../helpers/run-cli.js";
import { eventEnvelope, postSignedToBot, reactionAddedEvent } from "../helpers/slack-signing.js";
import { type RunningBot, startBot } from "../helpers/start-bot.js";
import { PROJECT, startWorld, type World } from "../helpers/world.js";

const reachable = await postgresReachable();

describe.skipIf(!reachable)("two replicas on one PostgreSQL database", () => {
  let database: Scratch;
  let world: World;
  let second: RunningBot;

  beforeAll(async () => {
    database = await freshDatabase();
    const env = { DATABASE_URL: database.url, JOB_RETRY_BASE_MS: "200" };
    world = await startWorld({ seed: (slack) => seedPeopleAndChannels(slack), bot: { env } });
    second = await startBot({ slackUrl: world.slack.url, gitlabUrl: world.gitlab.url, env });
  }, 120_000);
  afterAll(async () => {
    await second?.stop();
    await world?.close();
    await database?.drop();
  });

  function react(bot: RunningBot, ts: string, eventId: string, user = "U_ALICE", retryNum?: number) {
    const event = reactionAddedEvent({
      user,
      reaction: "memo",
      channel: CHANNELS.public.id,
      ts,
      itemUser: "U_ALICE",
    });
    const body = JSON.stringify(eventEnvelope(event, { eventId }));
    return postSignedToBot(bot.url, bot.signingSecret, body, { retryNum });
  }

  it("handles each event once and files one issue per thread, whichever replica gets it", async () => {
    const threads = Array.from({ length: 12 }, (_, i) => {
      const ts = world.slack.post(CHANNELS.public.id, { user: "U_ALICE", text: `replica thread ${i}` });
      world.slack.post(CHANNELS.public.id, { user: "U_BOB", text: `answer ${i}`, thread_ts: ts });
      return ts;
    });
    const before = world.answers();
    const issuesBefore = world.gitlab.issues(PROJECT.id).length;
    // Every event goes to one replica and its redelivery to the other, at the same time.
    await Promise.all(
      threads.map((ts, i) => {
        const eventId = `Ev${randomUUID()}`;
        const [a, b] = i % 2 === 0 ? [world.bot, second] : [second, world.bot];
        return Promise.all([react(a, ts, eventId), react(b, ts, eventId, "U_ALICE", 1)]);
      }),
    );
    await world.waitForAnswers(before + threads.length, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(world.answers()).toBe(before + threads.length);
    const issues = world.gitlab.issues(PROJECT.id).slice(issuesBefore);
    expect(issues).toHaveLength(threads.length);
    for (const ts of threads) {
      expect(
        issues.filter((issue) => issue.description?.includes(`/${CHANNELS.public.id}/${ts} -->`)),
      ).toHaveLength(1);
    }
  });

  it("files one issue when two people flag the same thread on two replicas at once", async () => {
    const ts = world.slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "flagged twice" });
    world.slack.post(CHANNELS.public.id, { user: "U_BOB", text: "by two people", thread_ts: ts });
    const before = world.answers();
    const issuesBefore = world.gitlab.issues(PROJECT.id).length;
    await Promise.all([
      react(world.bot, ts, `Ev${randomUUID()}`, "U_ALICE"),
      react(second, ts, `Ev${randomUUID()}`, "U_BOB"),
    ]);
    await world.waitForAnswers(before + 2, 60_000);
    expect(world.gitlab.issues(PROJECT.id)).toHaveLength(issuesBefore + 1);
    const replies = world.slack
      .postedMessages()
      .slice(-2)
      .map((m) => m.text);
    expect(replies.filter((text) => text?.includes("Moved to"))).toHaveLength(1);
    expect(replies.filter((text) => text?.includes("Nothing new to add"))).toHaveLength(1);
  });

  it("keeps a failed job visible to `threadport jobs` and runs it again on `threadport jobs retry`", async () => {
    const ts = world.slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "this one fails first" });
    world.gitlab.failNext(
      { method: "POST", pathIncludes: "/issues" },
      { status: 422, body: { message: "spam check" } },
    );
    let before = world.answers();
    await react(second, ts, `Ev${randomUUID()}`);
    await world.waitForAnswers(before + 1, 30_000);
    expect(world.slack.ephemerals().at(-1)!.text).toContain("GitLab refused the issue");
    const env = { DATABASE_URL: database.url };
    let listing = await runCli(["jobs"], env);
    await waitUntil(
      async () => {
        listing = await runCli(["jobs"], env);
        return listing.stdout.includes("1 failed");
      },
      () => `the failed job was not listed:\n${listing.stdout}${listing.stderr}`,
      30_000,
    );
    expect(listing.stdout).toContain("gitlab_rejected");
    const id = /threadport jobs retry (\S+)/.exec(listing.stdout)![1]!;
    before = world.answers();
    expect((await runCli(["jobs", "retry", id], env)).code).toBe(0);
    await world.waitForAnswers(before + 1, 30_000);
    expect(world.slack.postedMessages().at(-1)!.text).toContain("Moved to");
  });

  it("resumes on the other replica an export whose replica was killed mid-way, with one issue", async () => {
    const ts = world.slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "the replica dies" });
    world.gitlab.interceptNext({ method: "POST", pathIncludes: "/issues" }, { hang: true });
    const before = world.answers();
    const issuesBefore = world.gitlab.issues(PROJECT.id).length;
    const eventId = `Ev${randomUUID()}`;
    await react(world.bot, ts, eventId);
    await waitUntil(
      () => world.gitlab.issues(PROJECT.id).length === issuesBefore + 1,
      "GitLab never got the issue",
    );
    // Either replica may have taken the job: kill the one running it.
    const queued = new RegExp(`"eventId":"${eventId}".*"jobId":"([^"]+)".*"msg":"export queued"`);
    const jobId = queued.exec(world.bot.output())?.[1];
    const running = (bot: RunningBot) => bot.output().includes(`"jobId":"${jobId}","kind":"export"`);
    const [victim, survivor] = running(world.bot) ? [world.bot, second] : [second, world.bot];
    expect(jobId).toBeDefined();
    expect(running(victim)).toBe(true);
    await victim.stop("SIGKILL");
    await world.waitForAnswers(before + 1, 90_000);
    expect(world.gitlab.issues(PROJECT.id)).toHaveLength(issuesBefore + 1);
    expect(world.slack.postedMessages().at(-1)!.text).toContain("Moved to");
    expect(survivor.output()).toContain("resuming a job whose process stopped");
    expect(survivor.output()).toContain("adopted the issue an interrupted attempt created");
  }, 120_000);
});
