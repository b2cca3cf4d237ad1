/** Starting and stopping the bot process: configuration errors, a wrong Slack token, SIGTERM. */
import { describe, expect, it } from "vitest";
import { startFakeSlack } from "../fakes/fake-slack.js";
import { CHANNELS, seedPeopleAndChannels } from "../helpers/conversations.js";
import { startBot } from "../helpers/start-bot.js";
import { startWorld } from "../helpers/world.js";

async function exitOf(bot: Awaited<ReturnType<typeof startBot>>): Promise<number | null> {
  return new Promise((resolve) => {
    if (bot.process.exitCode !== null) resolve(bot.process.exitCode);
    else bot.process.once("exit", (code) => resolve(code));
  });
}

describe("starting threadport", () => {
  it("refuses to start with a bad configuration and names every problem with its fix", async () => {
    const bot = await startBot({
      slackUrl: "not a url",
      gitlabUrl: "http://127.0.0.1:9",
      env: { SLACK_BOT_TOKEN: "xoxp-user-token", GITLAB_TOKEN: "", GITLAB_DEFAULT_PROJECT: "support" },
      waitUntilReady: false,
    });
    expect(await exitOf(bot)).toBe(78);
    const output = bot.output();
    for (const variable of ["SLACK_BOT_TOKEN", "SLACK_API_URL", "GITLAB_TOKEN", "GITLAB_DEFAULT_PROJECT"]) {
      expect(output).toContain(`- ${variable}:`);
    }
    expect(output).toContain("fix:");
    expect(output).not.toContain("xoxp-user-token");
  });

  it("stops at start-up with a clear message when Slack rejects the bot token", async () => {
    const slack = await startFakeSlack({ botToken: "xoxb-the-real-one" });
    try {
      const bot = await startBot({
        slackUrl: slack.url,
        gitlabUrl: "http://127.0.0.1:9",
        waitUntilReady: false,
      });
      expect(await exitOf(bot)).toBe(1);
      expect(bot.output()).toContain("Slack rejected SLACK_BOT_TOKEN");
      expect(bot.output()).not.toContain("xoxb-test-token");
    } finally {
      await slack.close();
    }
  });

  it("stops cleanly on SIGTERM, finishing the export in hand", async () => {
    const world = await startWorld({ seed: (s) => seedPeopleAndChannels(s) });
    const ts = world.slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "finish me before you go" });
    world.gitlab.failNext({ method: "POST", pathIncludes: "/issues" }, { status: 429, retryAfter: 1 });
    await world.react(CHANNELS.public.id, ts);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const code = await world.bot.stop("SIGTERM");
    expect(code).toBe(0);
    expect(world.gitlab.issues(42)).toHaveLength(1);
    expect(world.slack.postedMessages()).toHaveLength(1);
    expect(world.bot.output()).toContain('"msg":"stopped"');
    await world.close();
  });

  it("logs no tokens and no message text at info level", async () => {
    const world = await startWorld({ seed: (s) => seedPeopleAndChannels(s) });
    const ts = world.slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "a very private sentence" });
    await world.react(CHANNELS.public.id, ts);
    await world.waitForAnswers(1);
    await world.close();
    const output = world.bot.output();
    expect(output).toContain("created issue");
    for (const secret of [
      "xoxb-test-token",
      "glpat-test-token",
      "test-signing-secret",
      "a very private sentence",
    ]) {
      expect(output).not.toContain(secret);
    }
  });
});
