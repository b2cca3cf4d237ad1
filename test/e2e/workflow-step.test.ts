/**
 * The Workflow Builder step "Create GitLab issue" end to end: Slack's signed `function_executed` events to the
 * real bot, which must end every execution with functions.completeSuccess or functions.completeError.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { FunctionDefinition, FunctionExecution } from "../fakes/fake-slack.js";
import { CHANNELS, seedPeopleAndChannels } from "../helpers/conversations.js";
import { eventEnvelope, postSignedToBot } from "../helpers/slack-signing.js";
import { PROJECT, startWorld, type World } from "../helpers/world.js";

const manifest = parse(readFileSync(join(import.meta.dirname, "..", "..", "manifest.yml"), "utf8"));
const STEP = "create_gitlab_issue";
const definition: FunctionDefinition = manifest.functions[STEP];

describe("the Workflow Builder step “Create GitLab issue”", () => {
  let world: World;
  let events = 0;
  beforeAll(async () => {
    world = await startWorld({ seed: (slack) => seedPeopleAndChannels(slack) });
  });
  afterAll(async () => {
    await world?.close();
  });

  /** Runs the step with these inputs; resolves once the bot ended the execution. */
  async function runStep(inputs: Record<string, unknown>, eventId = `EvSTEP${++events}`) {
    const event = world.slack.executeFunction({ callbackId: STEP, definition, inputs });
    const body = JSON.stringify(eventEnvelope(event, { eventId }));
    const response = await postSignedToBot(world.bot.url, world.bot.signingSecret, body);
    expect(response.status).toBe(200);
    const id = String(event.function_execution_id);
    let ended: FunctionExecution | undefined;
    await expect
      .poll(() => {
        ended = world.slack.functionExecutions().find((e) => e.id === id && e.state !== "running");
        return ended !== undefined;
      })
      .toBe(true);
    return { execution: ended!, event, body };
  }

  it("files the issue and completes with its URL and number, with the execution's token", async () => {
    const { execution, event } = await runStep({
      title: "Rotate the API keys",
      description: "Keys older than **90 days** must go.",
      labels: "security, ops",
      channel_id: CHANNELS.public.id,
    });
    const issue = world.gitlab.issues(PROJECT.id).at(-1)!;
    expect(issue.title).toBe("Rotate the API keys");
    expect(issue.description).toBe(
      "Keys older than **90 days** must go.\n\n_Created by the Slack workflow step “Create GitLab issue”._",
    );
    expect(issue.labels).toEqual(["security", "ops"]);
    expect(issue.confidential).toBe(false);

    const url = `${world.gitlab.url}/${PROJECT.path}/-/issues/${issue.iid}`;
    expect(execution).toMatchObject({
      state: "completed",
      outputs: { issue_url: url, issue_iid: issue.iid },
    });
    const [call] = world.slack.callsTo("functions.completeSuccess").slice(-1);
    expect(call!.token).toBe(event.bot_access_token);
    expect(call!.params.function_execution_id).toBe(event.function_execution_id);
    expect(JSON.parse(String(call!.params.outputs))).toEqual({ issue_url: url, issue_iid: issue.iid });
  });

  it("files a confidential issue when the step says so", async () => {
    const { execution } = await runStep({ title: "Payroll export leaks", confidential: true });
    const issue = world.gitlab.issues(PROJECT.id).at(-1)!;
    expect([issue.title, issue.confidential, execution.state]).toEqual([
      "Payroll export leaks",
      true,
      "completed",
    ]);
  });

  it("fails with a message naming an unknown project and the fix, and files nothing", async () => {
    const issuesBefore = world.gitlab.issues(PROJECT.id).length;
    const { execution, event } = await runStep({ project: "acme/nope", title: "Anything" });
    const message =
      "GitLab has no project `acme/nope`, or threadport's GitLab account cannot see it. Check the path (group/project) and that the account is a member.";
    expect(execution).toMatchObject({ state: "failed", error: message });
    const [call] = world.slack.callsTo("functions.completeError").slice(-1);
    expect(call!.params).toMatchObject({
      function_execution_id: event.function_execution_id,
      error: message,
    });
    expect(world.gitlab.issues(PROJECT.id)).toHaveLength(issuesBefore);
  });

  it("neutralises quick actions, pings and references in the title and description", async () => {
    const { execution } = await runStep({
      project: PROJECT.path,
      title: "/close @all",
      description: "/close\n/assign @threadport-bot\n  /label ~security\n@all see #1 and acme/web#1",
    });
    expect(execution.state).toBe("completed");
    const issue = world.gitlab.issues(PROJECT.id).at(-1)!;
    expect(issue.title).toBe("\\/close `@all`");
    expect(issue.description).toContain("\\/close\n\\/assign `@threadport-bot`");
    expect(world.gitlab.quickActionsRun).toEqual([]);
    expect(world.gitlab.mentions).toEqual([]);
    expect(issue.state).toBe("opened");
    expect(issue.labels).toEqual([]);
  });

  it("files one issue when Slack delivers the same event again", async () => {
    const issuesBefore = world.gitlab.issues(PROJECT.id).length;
    const { body } = await runStep({ title: "Only once" }, "EvSTEPTWICE");
    await postSignedToBot(world.bot.url, world.bot.signingSecret, body, { retryNum: 1 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(world.gitlab.issues(PROJECT.id)).toHaveLength(issuesBefore + 1);
  });
});
