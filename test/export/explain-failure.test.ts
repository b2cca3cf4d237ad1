import { describe, expect, it } from "vitest";
import { type ErrorCode, ThreadportError } from "../../src/errors.js";
import { explainFailure } from "../../src/export/explain-failure.js";

const ALL_CODES = [
  "slack_not_in_channel",
  "slack_channel_not_found",
  "slack_thread_not_found",
  "slack_missing_scope",
  "slack_invalid_auth",
  "slack_unavailable",
  "gitlab_unauthorized",
  "gitlab_forbidden",
  "gitlab_project_not_found",
  "gitlab_rejected",
  "gitlab_unavailable",
  "no_project",
  "internal",
] as const satisfies readonly ErrorCode[];

// Fails to compile when a code is added to ErrorCode but not to ALL_CODES, so no code goes untested.
type Untested = Exclude<ErrorCode, (typeof ALL_CODES)[number]>;
const everyCodeListed: [Untested] extends [never] ? true : never = true;

const CONTEXT = { project: "acme/support", reaction: "memo" };

function explain(code: ErrorCode, details: ThreadportError["details"] = {}, message = "boom"): string {
  return explainFailure(new ThreadportError(code, message, details), CONTEXT);
}

describe("explainFailure for every error code", () => {
  it("covers every ErrorCode", () => {
    expect(everyCodeListed).toBe(true);
    expect(new Set(ALL_CODES).size).toBe(ALL_CODES.length);
  });

  it.each(ALL_CODES)("gives %s a warning, a 'How to fix' line and the reaction to add again", (code) => {
    const lines = explain(code).split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^:warning: I couldn't export this thread: \S/);
    expect(lines[1]).toMatch(/^\*How to fix:\* \S/);
    expect(lines[2]).toBe("Nothing was written to GitLab. Once fixed, add the :memo: reaction again.");
  });

  it("names the reaction the person actually used", () => {
    const text = explainFailure(new ThreadportError("slack_unavailable", "x"), {
      project: "acme/support",
      reaction: "inbox_tray",
    });
    expect(text).toContain("add the :inbox_tray: reaction again");
  });

  it("gives each code its own explanation", () => {
    const whats = ALL_CODES.filter((c) => c !== "slack_channel_not_found").map(
      (code) => explain(code).split("\n")[0],
    );
    expect(new Set(whats).size).toBe(whats.length);
  });

  it("never shows the internal error message to the user for an unexpected error", () => {
    expect(explain("internal", {}, "TypeError: cannot read properties of undefined")).not.toContain(
      "TypeError",
    );
  });
});

describe("explainFailure wording", () => {
  it("explains slack_not_in_channel", () => {
    expect(explain("slack_not_in_channel")).toMatchInlineSnapshot(`
      ":warning: I couldn't export this thread: I'm not a member of this channel, so I can't read the thread.
      *How to fix:* invite me with \`/invite @threadport\`.
      Nothing was written to GitLab. Once fixed, add the :memo: reaction again."
    `);
  });

  it("explains slack_channel_not_found like not being in the channel", () => {
    expect(explain("slack_channel_not_found")).toBe(explain("slack_not_in_channel"));
  });

  it("explains slack_thread_not_found", () => {
    expect(explain("slack_thread_not_found")).toMatchInlineSnapshot(`
      ":warning: I couldn't export this thread: Slack can't find that message any more (was it deleted?).
      *How to fix:* react to another message of the thread.
      Nothing was written to GitLab. Once fixed, add the :memo: reaction again."
    `);
  });

  it("explains slack_missing_scope with the scope Slack asked for", () => {
    expect(explain("slack_missing_scope", { needed: "channels:history" })).toMatchInlineSnapshot(`
      ":warning: I couldn't export this thread: the Slack app is missing the \`channels:history\` permission.
      *How to fix:* ask a Slack admin to add it under OAuth & Permissions (or re-create the app from manifest.yml) and reinstall the app.
      Nothing was written to GitLab. Once fixed, add the :memo: reaction again."
    `);
  });

  it("explains slack_missing_scope when Slack did not say which scope", () => {
    expect(explain("slack_missing_scope")).toMatchInlineSnapshot(`
      ":warning: I couldn't export this thread: the Slack app is missing a permission it needs.
      *How to fix:* ask a Slack admin to add it under OAuth & Permissions (or re-create the app from manifest.yml) and reinstall the app.
      Nothing was written to GitLab. Once fixed, add the :memo: reaction again."
    `);
  });

  it("explains slack_invalid_auth", () => {
    expect(explain("slack_invalid_auth")).toMatchInlineSnapshot(`
      ":warning: I couldn't export this thread: Slack rejected my bot token.
      *How to fix:* ask the admin to set a valid SLACK_BOT_TOKEN (xoxb-…) and restart threadport.
      Nothing was written to GitLab. Once fixed, add the :memo: reaction again."
    `);
  });

  it("explains slack_unavailable", () => {
    expect(explain("slack_unavailable")).toMatchInlineSnapshot(`
      ":warning: I couldn't export this thread: Slack did not answer properly.
      *How to fix:* try again in a few minutes.
      Nothing was written to GitLab. Once fixed, add the :memo: reaction again."
    `);
  });

  it("explains gitlab_unauthorized", () => {
    expect(explain("gitlab_unauthorized")).toMatchInlineSnapshot(`
      ":warning: I couldn't export this thread: GitLab rejected threadport's access token (wrong, expired or revoked).
      *How to fix:* ask the admin to set GITLAB_TOKEN to a valid token with the \`api\` scope and restart threadport.
      Nothing was written to GitLab. Once fixed, add the :memo: reaction again."
    `);
  });

  it("explains gitlab_forbidden with the project", () => {
    expect(explain("gitlab_forbidden")).toMatchInlineSnapshot(`
      ":warning: I couldn't export this thread: threadport's GitLab token may not create issues in \`acme/support\`.
      *How to fix:* give the token's user at least the Reporter role in \`acme/support\` (and check the project is not archived), or choose another project.
      Nothing was written to GitLab. Once fixed, add the :memo: reaction again."
    `);
  });

  it("explains gitlab_project_not_found with the project", () => {
    expect(explain("gitlab_project_not_found")).toMatchInlineSnapshot(`
      ":warning: I couldn't export this thread: the GitLab project \`acme/support\` does not exist, or threadport's token cannot see it.
      *How to fix:* check the project path (GITLAB_DEFAULT_PROJECT) and that the token's user is a member of the project.
      Nothing was written to GitLab. Once fixed, add the :memo: reaction again."
    `);
  });

  it("explains gitlab_rejected with GitLab's own detail", () => {
    expect(
      explain("gitlab_rejected", { detail: "title is too long (maximum is 255 characters)" }),
    ).toMatchInlineSnapshot(`
      ":warning: I couldn't export this thread: GitLab refused the issue: title is too long (maximum is 255 characters).
      *How to fix:* tell your threadport admin; the logs have the details.
      Nothing was written to GitLab. Once fixed, add the :memo: reaction again."
    `);
  });

  it("explains gitlab_rejected with the error message when GitLab gave no detail", () => {
    expect(explain("gitlab_rejected", {}, "400 Bad Request")).toContain(
      "GitLab refused the issue: 400 Bad Request.",
    );
  });

  it("explains gitlab_unavailable", () => {
    expect(explain("gitlab_unavailable")).toMatchInlineSnapshot(`
      ":warning: I couldn't export this thread: GitLab did not answer (it may be down or slow).
      *How to fix:* try again in a few minutes.
      Nothing was written to GitLab. Once fixed, add the :memo: reaction again."
    `);
  });

  it("explains internal", () => {
    expect(explain("internal")).toMatchInlineSnapshot(`
      ":warning: I couldn't export this thread: something unexpected went wrong on my side.
      *How to fix:* try again; if it keeps failing, tell your threadport admin (the logs have the details).
      Nothing was written to GitLab. Once fixed, add the :memo: reaction again."
    `);
  });

  it("explains no_project with the command that links a channel", () => {
    expect(explain("no_project")).toMatchInlineSnapshot(`
      ":warning: I couldn't export this thread: this channel is not linked to a GitLab project, and no default project is set.
      *How to fix:* link this channel with \`/async link group/project\` (or the button below).
      Nothing was written to GitLab. Once fixed, add the :memo: reaction again."
    `);
  });

  it("says how to try again for an export not started by a reaction", () => {
    const text = explainFailure(new ThreadportError("gitlab_unavailable", "x"), {
      ...CONTEXT,
      again: "use *Send thread to GitLab* on the thread again",
    });
    expect(text.split("\n")[2]).toBe(
      "Nothing was written to GitLab. Once fixed, use *Send thread to GitLab* on the thread again.",
    );
  });

  it("points to /async link when the channel's linked project is missing", () => {
    const text = explainFailure(new ThreadportError("gitlab_project_not_found", "x"), {
      ...CONTEXT,
      projectSource: "channel",
    });
    expect(text).toMatchInlineSnapshot(`
      ":warning: I couldn't export this thread: the GitLab project \`acme/support\` does not exist, or threadport's token cannot see it.
      *How to fix:* link this channel to an existing project with \`/async link group/project\`, and check that the token's user is a member of it.
      Nothing was written to GitLab. Once fixed, add the :memo: reaction again."
    `);
  });

  it("asks for another project when the person chose one that is missing", () => {
    const text = explainFailure(new ThreadportError("gitlab_project_not_found", "x"), {
      ...CONTEXT,
      projectSource: "chosen",
    });
    expect(text.split("\n")[1]).toBe(
      "*How to fix:* choose another project, and check that the token's user is a member of the project.",
    );
  });
});
