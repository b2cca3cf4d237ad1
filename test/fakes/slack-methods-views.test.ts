import { WebClient } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "./fake-slack.js";
import { newTriggerId } from "./slack-methods-views.js";

const NOW = new Date("2025-01-15T12:00:00Z");
const modal = { type: "modal", title: { type: "plain_text", text: "Hello" }, blocks: [], callback_id: "cb" };
let slack: FakeSlack;
let client: WebClient;

async function errorOf(call: Promise<unknown>): Promise<string | undefined> {
  try {
    await call;
  } catch (error) {
    return (error as { data?: { error?: string } }).data?.error;
  }
  throw new Error("expected the call to fail");
}

beforeEach(async () => {
  slack = await startFakeSlack({ now: () => NOW });
  client = new WebClient("xoxb-test-token", { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
});

afterEach(async () => {
  await slack.close();
});

describe("fake Slack views.open", () => {
  it("opens a modal with a fresh trigger id and returns the view with an id", async () => {
    const result = await client.views.open({ trigger_id: newTriggerId(NOW), view: modal as never });
    expect(result.ok).toBe(true);
    expect(result.view).toMatchObject({
      id: "V0000000001",
      type: "modal",
      callback_id: "cb",
      team_id: "T0001",
    });
  });

  it("refuses a trigger id used before, one older than 3 seconds, and one that is malformed", async () => {
    const trigger = newTriggerId(NOW);
    await client.views.open({ trigger_id: trigger, view: modal as never });
    expect(await errorOf(client.views.open({ trigger_id: trigger, view: modal as never }))).toBe(
      "exchanged_trigger_id",
    );
    const old = newTriggerId(new Date(NOW.getTime() - 4000));
    expect(await errorOf(client.views.open({ trigger_id: old, view: modal as never }))).toBe(
      "expired_trigger_id",
    );
    expect(await errorOf(client.views.open({ trigger_id: "nope", view: modal as never }))).toBe(
      "invalid_trigger_id",
    );
  });

  it("refuses a call without a view", async () => {
    expect(await errorOf(client.apiCall("views.open", { trigger_id: newTriggerId(NOW) }))).toBe(
      "invalid_arguments",
    );
  });
});
