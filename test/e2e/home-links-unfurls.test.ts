/**
 * App Home, issue-link unfurls and the "link a project first" flow, end to end against the real bot with no
 * GITLAB_DEFAULT_PROJECT.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS } from "../fakes/fake-gitlab.js";
import { CHANNELS, seedPeopleAndChannels } from "../helpers/conversations.js";
import { viewSubmission } from "../helpers/interactions.js";
import {
  appHomeOpened,
  createGitLabIssue,
  ephemeralButtonClick,
  linkShared,
  type OpenView,
  option,
  postCommand,
  postInteraction,
  sendEvent,
  stateValues,
  waitFor,
} from "../helpers/surface-payloads.js";
import { GITLAB_BOT_USER, GITLAB_TOKEN, PROJECT, startWorld, type World } from "../helpers/world.js";
import { blockKitProblems } from "../slack/views/block-kit-limits.js";

const DESIGN = { id: CHANNELS.public.id, name: CHANNELS.public.name };

describe("App Home, unfurls and linking a channel when an export needs a project", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({
      bot: { env: { GITLAB_DEFAULT_PROJECT: "" } },
      seed: (slack, gitlab) => {
        seedPeopleAndChannels(slack);
        gitlab.addUser({ id: 11, username: "alice", name: "Alice Martin" });
        gitlab.addProject({
          id: 43,
          path_with_namespace: "acme/api",
          members: { [GITLAB_BOT_USER.id]: ACCESS.maintainer, 11: ACCESS.developer },
          labels: ["bug", "backend"],
        });
      },
    });
  });
  afterAll(async () => {
    await world?.close();
  });

  it("asks to link a project when there is none, then links the channel and runs the export", async () => {
    const parent = world.slack.post(DESIGN.id, { user: "U_ALICE", text: "Where do the API docs live?" });
    world.slack.post(DESIGN.id, { user: "U_BOB", text: "In the wiki for now.", thread_ts: parent });
    const before = world.answers();
    await world.react(DESIGN.id, parent);
    await world.waitForAnswers(before + 1);
    const asked = world.slack.ephemerals().at(-1)!;
    expect(asked.user).toBe("U_ALICE");
    expect(asked.text).toContain("this channel is not linked to a GitLab project");
    expect(blockKitProblems("message", asked.blocks as unknown[])).toEqual([]);
    const button = (
      asked.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]
    ).find((b) => b.type === "actions")!.elements![0]!;
    expect(button.action_id).toBe("open_link_modal");

    const click = await postInteraction(
      world.bot,
      ephemeralButtonClick({
        channel: DESIGN,
        messageTs: asked.message_ts,
        actionId: button.action_id,
        value: button.value,
        slackUrl: world.slack.url,
      }),
    );
    expect(click.status).toBe(200);
    const opened = await waitFor(() => world.slack.callsTo("views.open").at(-1), "the link modal");
    const view = JSON.parse(String(opened.params.view)) as OpenView;
    expect(view.callback_id).toBe("link_channel_modal");

    const refused = await postInteraction(
      world.bot,
      viewSubmission({
        user: "U_ALICE",
        view,
        values: stateValues([
          {
            blockId: "project",
            actionId: "project_select",
            type: "external_select",
            value: option("acme/nope"),
          },
        ]),
      }),
    );
    expect(JSON.parse(refused.text).errors.project).toContain("GitLab has no project `acme/nope`");

    const answersBefore = world.answers();
    const linked = await postInteraction(
      world.bot,
      viewSubmission({
        user: "U_ALICE",
        view,
        values: stateValues([
          {
            blockId: "project",
            actionId: "project_select",
            type: "external_select",
            value: option("acme/api"),
          },
        ]),
      }),
    );
    expect(linked.text).toBe("");
    // The confirmation (ephemeral) and the export's reply in the thread.
    await world.waitForAnswers(answersBefore + 2);
    expect(world.slack.ephemerals().at(-1)!.text).toContain("is now linked to");
    const issue = world.gitlab.issues(43).at(-1)!;
    expect(issue.description).toContain("In the wiki for now.");
    expect(world.slack.postedMessages().at(-1)!.thread_ts).toBe(parent);
  });

  it("publishes the Home tab with the linked channels and the last exports", async () => {
    world.slack.clearCalls();
    const response = await sendEvent(world.bot, appHomeOpened("U_BOB", "home"));
    expect(response.status).toBe(200);
    const call = await waitFor(() => world.slack.callsTo("views.publish")[0], "the Home tab");
    expect(call.params.user_id).toBe("U_BOB");
    const view = JSON.parse(String(call.params.view));
    expect(blockKitProblems("home", view)).toEqual([]);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain(`<#${DESIGN.id}> → <`);
    expect(text).toContain("acme/api#");
    expect(text).toContain("Channels without a link ask to be linked before their first export.");
  });

  it("builds nothing when the Messages tab is opened", async () => {
    world.slack.clearCalls();
    await sendEvent(world.bot, appHomeOpened("U_BOB", "messages"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(world.slack.callsTo("views.publish")).toEqual([]);
  });

  it("unfurls links to issues of linked projects with title, state, labels and assignees", async () => {
    const issue = await createGitLabIssue(world.gitlab.url, GITLAB_TOKEN, 43, {
      title: "Publish the API docs",
      labels: "backend",
      assignee_ids: [11],
    });
    const secret = await createGitLabIssue(world.gitlab.url, GITLAB_TOKEN, 43, {
      title: "Security hole",
      confidential: true,
    });
    const unlinked = `${world.gitlab.url}/${PROJECT.path}/-/issues/1`;
    const elsewhere = "https://gitlab.com/acme/api/-/issues/1";
    const text = `see <${issue.web_url}> and <${secret.web_url}> and <${unlinked}> and <${elsewhere}>`;
    const ts = world.slack.post(DESIGN.id, { user: "U_ALICE", text });
    world.slack.clearCalls();
    await sendEvent(
      world.bot,
      linkShared({
        channel: DESIGN.id,
        messageTs: ts,
        urls: [issue.web_url, secret.web_url, unlinked, elsewhere],
      }),
    );
    const call = await waitFor(() => world.slack.callsTo("chat.unfurl")[0], "an unfurl");
    expect(call.params.channel).toBe(DESIGN.id);
    expect(call.params.ts).toBe(ts);
    const unfurls = JSON.parse(String(call.params.unfurls));
    expect(Object.keys(unfurls)).toEqual([issue.web_url]);
    expect(blockKitProblems("message", unfurls[issue.web_url].blocks)).toEqual([]);
    expect(unfurls[issue.web_url].blocks).toEqual([
      {
        type: "section",
        text: { type: "mrkdwn", text: `*<${issue.web_url}|acme/api#${issue.iid}: Publish the API docs>*` },
      },
      {
        type: "context",
        elements: [
          { type: "mrkdwn", text: ":large_green_circle: Open · Labels: `backend` · Assignees: Alice Martin" },
        ],
      },
    ]);
  });

  it("answers the status of an unlinked channel without a default project", async () => {
    const response = await postCommand(world.bot, {
      text: "status",
      channel: { id: "C_OTHER", name: "other" },
      slackUrl: world.slack.url,
    });
    const body = JSON.parse(response.text);
    expect(JSON.stringify(body.blocks)).toContain("Not linked, and there is no default project");
  });
});
