import { WebClient } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "./fake-slack.js";

let slack: FakeSlack;

const definition = {
  title: "Create GitLab issue",
  input_parameters: { title: { type: "string", is_required: true } },
  output_parameters: { issue_url: { type: "string", is_required: true } },
};

function client(token: string): WebClient {
  return new WebClient(token, { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
}

/** Slack's `{ ok: false, error }`, as @slack/web-api rejects with it. */
const slackError = (error: string) => ({ data: { ok: false, error } });

beforeEach(async () => {
  slack = await startFakeSlack();
});
afterEach(async () => {
  await slack.close();
});

describe("fake Slack custom function executions", () => {
  it("sends a function_executed event in Slack's shape", () => {
    const event = slack.executeFunction({
      callbackId: "create_gitlab_issue",
      definition,
      inputs: { title: "x" },
    });
    expect(event).toMatchObject({
      type: "function_executed",
      function: {
        callback_id: "create_gitlab_issue",
        title: "Create GitLab issue",
        input_parameters: [{ name: "title", type: "string", is_required: true }],
        output_parameters: [{ name: "issue_url", type: "string", is_required: true }],
      },
      inputs: { title: "x" },
    });
    expect(event.function_execution_id).toMatch(/^Fx/);
    expect(event.bot_access_token).toMatch(/^xwfp-/);
  });

  it("completes an execution once, with the execution's token, and records the outputs", async () => {
    const event = slack.executeFunction({ callbackId: "c", definition, inputs: {} });
    const token = String(event.bot_access_token);
    const id = String(event.function_execution_id);
    await client(token).functions.completeSuccess({ function_execution_id: id, outputs: { issue_url: "u" } });
    expect(slack.functionExecutions()).toMatchObject([
      { id, state: "completed", outputs: { issue_url: "u" } },
    ]);
    expect(slack.callsTo("functions.completeSuccess")[0]).toMatchObject({
      token,
      params: { function_execution_id: id },
    });
    // The token ends with its execution.
    await expect(client(token).auth.test()).rejects.toMatchObject(slackError("token_expired"));
    await expect(
      client("xoxb-test-token").functions.completeError({ function_execution_id: id, error: "late" }),
    ).rejects.toMatchObject(slackError("execution_not_in_running_state"));
  });

  it("refuses outputs missing a required parameter, and unknown executions", async () => {
    const event = slack.executeFunction({ callbackId: "c", definition, inputs: {} });
    const token = String(event.bot_access_token);
    const id = String(event.function_execution_id);
    await expect(
      client(token).functions.completeSuccess({ function_execution_id: id, outputs: {} }),
    ).rejects.toMatchObject(slackError("parameter_validation_failed"));
    await expect(
      client(token).functions.completeError({ function_execution_id: "FxNOPE", error: "x" }),
    ).rejects.toMatchObject(slackError("function_execution_not_found"));
    await client(token).functions.completeError({ function_execution_id: id, error: "no project" });
    expect(slack.functionExecutions()).toMatchObject([{ id, state: "failed", error: "no project" }]);
  });
});
