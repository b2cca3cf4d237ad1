import { describe, expect, it } from "vitest";
import { formatReport } from "../../src/cli/doctor/check-result.js";
import { checkWebhook } from "../../src/cli/doctor/check-webhook.js";

const base = {
  gitlab: { url: "https://gitlab.com", token: "t", allowedNamespaces: [] },
  slack: { botToken: "xoxb-1", signingSecret: "s", apiUrl: "https://slack.com/api/", mode: "http" as const },
  port: 3000,
};

describe("doctor's GitLab webhook check", () => {
  it("says how to turn the webhook on when no secret is set", () => {
    expect(formatReport([checkWebhook(base)]).join("\n")).toMatchSnapshot();
  });

  it("gives the URL, the secret and the events to tick", () => {
    const result = checkWebhook({ ...base, gitlab: { ...base.gitlab, webhookSecret: "x" } });
    expect(result.status).toBe("ok");
    expect(result.detail).toContain("/gitlab/webhook");
    expect(result.detail).toContain(
      "Comments, Confidential comments, Issues events, Confidential issues events",
    );
    expect(formatReport([result]).join("\n")).toMatchSnapshot();
  });
});
