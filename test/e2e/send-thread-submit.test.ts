/** Submitting the "Send thread to GitLab" modal, end to end: inline errors, a new issue, a comment. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, seedDesignReview } from "../helpers/conversations.js";
import { viewSubmission } from "../helpers/interactions.js";
import { API, openExportModal, startShortcutWorld } from "../helpers/shortcut-world.js";
import { createGitLabIssue, option, postInteraction, stateValues } from "../helpers/surface-payloads.js";
import { GITLAB_TOKEN, PROJECT, type World } from "../helpers/world.js";

describe("submitting the Send thread to GitLab modal", () => {
  let world: World;
  beforeAll(async () => {
    world = await startShortcutWorld();
  });
  afterAll(async () => {
    await world?.close();
  });
  const openModal = (parent: string) => openExportModal(world, parent);

  it("shows problems inline: no project, a project the token cannot write to, a comment without an issue", async () => {
    const parent = world.slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "inline errors" });
    const view = await openModal(parent);
    const submit = async (values: Parameters<typeof stateValues>[0]) => {
      const response = await postInteraction(
        world.bot,
        viewSubmission({ user: "U_ALICE", view, values: stateValues(values) }),
      );
      expect(response.status).toBe(200);
      return response.text ? JSON.parse(response.text) : {};
    };
    const title = { blockId: "title", actionId: "title_input", type: "plain_text_input", value: "A title" };
    const newIssue = {
      blockId: "mode",
      actionId: "mode_choice",
      type: "radio_buttons",
      value: option("New issue", "new"),
    };
    const project = (path: string) => ({
      blockId: "project",
      actionId: "project_select",
      type: "external_select",
      value: option(path),
    });

    expect(await submit([title, newIssue, { ...project("x"), value: null }])).toEqual({
      response_action: "errors",
      errors: { project: "Choose the GitLab project." },
    });
    expect(await submit([title, newIssue, project("acme/guest-only")])).toEqual({
      response_action: "errors",
      errors: {
        project:
          "threadport's GitLab account may not file issues in `acme/guest-only`: give it at least the Reporter role there, or choose another project.",
      },
    });
    expect((await submit([title, newIssue, project("acme/archived")])).errors.project).toContain(
      "is archived",
    );
    expect((await submit([title, newIssue, project("other/secret")])).errors.project).toContain(
      "GitLab has no project `other/secret`",
    );
    const comment = { ...newIssue, value: option("Comment on an existing issue", "comment") };
    const noIssue = { blockId: "issue", actionId: "issue_select", type: "external_select", value: null };
    expect(await submit([title, comment, noIssue, project(PROJECT.path)])).toEqual({
      response_action: "errors",
      errors: { issue: "Choose the issue to comment on, or file a new issue." },
    });
    expect(world.gitlab.issues(PROJECT.id).filter((i) => i.title === "A title")).toEqual([]);
  });

  it("files a new issue with the chosen title, labels and confidentiality, and replies in the thread", async () => {
    const parent = seedDesignReview(world.slack);
    const view = await openModal(parent);
    const before = world.answers();
    const response = await postInteraction(
      world.bot,
      viewSubmission({
        user: "U_BOB",
        view,
        values: stateValues([
          {
            blockId: "project",
            actionId: "project_select",
            type: "external_select",
            value: option(API.path),
          },
          {
            blockId: "mode",
            actionId: "mode_choice",
            type: "radio_buttons",
            value: option("New issue", "new"),
          },
          { blockId: "issue", actionId: "issue_select", type: "external_select", value: null },
          {
            blockId: "title",
            actionId: "title_input",
            type: "plain_text_input",
            value: "Retry policy for GitLab 429s",
          },
          {
            blockId: "labels",
            actionId: "labels_select",
            type: "multi_external_select",
            value: [option("backend"), option("bug")],
          },
          {
            blockId: "options",
            actionId: "options_check",
            type: "checkboxes",
            value: [option("Confidential issue", "confidential")],
          },
        ]),
      }),
    );
    expect(response.status).toBe(200);
    expect(response.text).toBe("");
    await world.waitForAnswers(before + 1);
    const issue = world.gitlab.issues(API.id).at(-1)!;
    expect(issue).toMatchObject({
      title: "Retry policy for GitLab 429s",
      labels: ["backend", "bug"],
      confidential: true,
    });
    // "Include the conversation" was left unticked.
    expect(issue.description).not.toContain("<details>");
    expect(issue.description).toContain("## Summary");
    const reply = world.slack.postedMessages().at(-1)!;
    expect(reply.thread_ts).toBe(parent);
    expect(reply.text).toContain(`|${API.path}#${issue.iid}>`);
  });

  it("adds the thread as a comment to the issue chosen, and later exports append there", async () => {
    const target = await createGitLabIssue(world.gitlab.url, GITLAB_TOKEN, PROJECT.id, {
      title: "Existing plan",
    });
    const parent = world.slack.post(CHANNELS.public.id, {
      user: "U_ALICE",
      text: "belongs to the existing plan",
    });
    world.slack.post(CHANNELS.public.id, { user: "U_BOB", text: "agreed", thread_ts: parent });
    const view = await openModal(parent);
    const before = world.answers();
    await postInteraction(
      world.bot,
      viewSubmission({
        user: "U_ALICE",
        view,
        values: stateValues([
          {
            blockId: "project",
            actionId: "project_select",
            type: "external_select",
            value: option(PROJECT.path),
          },
          {
            blockId: "mode",
            actionId: "mode_choice",
            type: "radio_buttons",
            value: option("Comment", "comment"),
          },
          {
            blockId: "issue",
            actionId: "issue_select",
            type: "external_select",
            value: option(`#${target.iid} Existing plan`, String(target.iid)),
          },
          { blockId: "title", actionId: "title_input", type: "plain_text_input", value: "ignored" },
          {
            blockId: "options",
            actionId: "options_check",
            type: "checkboxes",
            value: [option("Include", "transcript")],
          },
        ]),
      }),
    );
    await world.waitForAnswers(before + 1);
    const notes = world.gitlab.notes(PROJECT.id, target.iid);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain("belongs to the existing plan");
    expect(world.slack.postedMessages().at(-1)!.text).toContain("Added this thread (2 messages)");

    world.slack.post(CHANNELS.public.id, { user: "U_PRIYA", text: "one more", thread_ts: parent });
    const again = world.answers();
    await world.react(CHANNELS.public.id, parent);
    await world.waitForAnswers(again + 1);
    expect(world.gitlab.notes(PROJECT.id, target.iid)).toHaveLength(2);
    expect(world.gitlab.notes(PROJECT.id, target.iid)[1]!.body).toContain("one more");
  });
});
