/** `threadport doctor` against the local fake Slack and GitLab, as an admin runs it. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import { type FakeGitLab, startFakeGitLab } from "../fakes/fake-gitlab.js";
import { DEFAULT_SLACK_SCOPES, type FakeSlack, startFakeSlack } from "../fakes/fake-slack.js";
import { CHANNELS, seedPeopleAndChannels } from "../helpers/conversations.js";
import { runCli } from "../helpers/run-cli.js";
import { GITLAB_BOT_USER, GITLAB_TOKEN, PROJECT } from "../helpers/world.js";

let slack: FakeSlack | undefined;
let gitlab: FakeGitLab | undefined;
afterEach(async () => {
  await slack?.close();
  await gitlab?.close();
  slack = undefined;
  gitlab = undefined;
});

async function setUp() {
  slack = await startFakeSlack();
  seedPeopleAndChannels(slack);
  gitlab = await startFakeGitLab();
  gitlab.addUser(GITLAB_BOT_USER);
  gitlab.addToken(GITLAB_TOKEN, GITLAB_BOT_USER.id);
  gitlab.addProject({
    id: PROJECT.id,
    path_with_namespace: PROJECT.path,
    members: { [GITLAB_BOT_USER.id]: 20 },
  });
  const database = join(mkdtempSync(join(tmpdir(), "threadport-doctor-")), "threadport.db");
  const env = {
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: "test-signing-secret-0123456789",
    SLACK_API_URL: slack.url,
    GITLAB_URL: gitlab.url,
    GITLAB_TOKEN,
    GITLAB_DEFAULT_PROJECT: PROJECT.path,
    DATABASE_URL: database,
  };
  return { slack, gitlab, env, database };
}

describe("threadport doctor", () => {
  it("passes every check of a good set-up", async () => {
    const { env, slack, gitlab } = await setUp();
    slack.setScopes([...DEFAULT_SLACK_SCOPES, "app_mentions:read", "links:read", "links:write", "commands"]);
    const result = await runCli(["doctor"], env);
    const text = result.stdout.replaceAll(gitlab.url, "GITLAB").replace(/SQLite \S+/, "SQLite FILE");
    expect(text).toContain("✔ Configuration: every setting is valid");
    expect(text).toContain(
      "✔ Store and migrations: SQLite FILE is reachable; threadport creates its tables at the first start",
    );
    expect(text).toContain("✔ Slack token: valid for workspace");
    expect(text).toContain("✔ GitLab token: valid, acting as @threadport-bot");
    expect(text).toContain("✔ Create issues in acme/web: allowed");
    expect(text).toContain("– Model for summaries: not configured: the offline summarizer is used");
    expect(text).not.toContain("✘");
    expect(result.code).toBe(0);
  });

  it("prints each problem with its fix, and exits 1", async () => {
    const { env, slack, gitlab, database } = await setUp();
    slack.setScopes(DEFAULT_SLACK_SCOPES.filter((scope) => scope !== "reactions:write"));
    gitlab.addProject({ id: 77, path_with_namespace: "acme/archived", archived: true, members: { 9: 20 } });
    const store = await openSqliteStore(database);
    await store.saveChannelLink({
      teamId: "T0001",
      channelId: CHANNELS.outside.id,
      projectPath: "acme/archived",
      projectId: 77,
      linkedBy: "U_ALICE",
      linkedAt: Date.now(),
    });
    await store.close();
    const result = await runCli(["doctor"], { ...env, OPENAI_BASE_URL: "http://127.0.0.1:1/v1" });
    const text = result.stdout
      .replaceAll(gitlab.url, "GITLAB")
      .replace(/SQLite \S+/, "SQLite FILE")
      .replace(/\(fetch failed[^)]*\)|\(connect [^)]*\)/g, "(fetch failed)");
    expect(result.code).toBe(1);
    expect(text).toMatchInlineSnapshot(`
      "threadport doctor

      ✔ Configuration: every setting is valid
      ✔ Store and migrations: SQLite FILE reachable, schema version 5 (current)
      ✔ Slack signing secret: set
      ✔ Slack token: valid for workspace Acme as bot user UBOT
      ✘ Slack scopes: missing reactions:write
          fix: add them under OAuth & Permissions → Bot Token Scopes (or re-create the app from manifest.yml), then reinstall the app to the workspace
      ✘ Bot in linked channels: not a member of #random
          fix: invite the bot there with /invite @threadport (or unlink the channel with /async unlink)
      ✔ GitLab reachable: GITLAB answers
      ✔ GitLab token: valid, acting as @threadport-bot
      ✔ Create issues in acme/web: allowed
      ✘ Create issues in acme/archived: the project is archived
          fix: unarchive it, or export to another project
      – GitLab webhook: GITLAB_WEBHOOK_SECRET is not set, so GitLab comments and issue changes are not posted back to Slack threads (/gitlab/webhook answers 404). To turn it on, set GITLAB_WEBHOOK_SECRET to a long random secret (e.g. \`openssl rand -hex 32\`), restart, then in each linked GitLab project open Settings → Webhooks → Add new webhook; URL https://<threadport's public host>/gitlab/webhook (the host of Slack's request URL; port 3000 here); Secret token: the value of GITLAB_WEBHOOK_SECRET; tick Comments, Confidential comments, Issues events, Confidential issues events; keep SSL verification on.
      ✘ Model for summaries: no answer from http://127.0.0.1:1/v1 (fetch failed)
          fix: check OPENAI_BASE_URL and that the model server is running; exports fall back to the offline summarizer meanwhile

      12 checks: 7 passed, 4 failed, 1 skipped
      "
    `);
  });

  it("lists every configuration problem with its fix when the settings are wrong", async () => {
    const result = await runCli(["doctor"], { SLACK_BOT_TOKEN: "xoxp-user-token", DATABASE_URL: ":memory:" });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("✘ Setting SLACK_BOT_TOKEN: does not look like a bot token");
    expect(result.stdout).toContain("    fix: use the Bot User OAuth Token");
    expect(result.stdout).toContain("✘ Setting GITLAB_TOKEN: is not set");
  });
});
