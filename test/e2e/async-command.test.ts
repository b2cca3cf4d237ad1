/** `/async` end to end: signed slash commands to the real bot, answers checked where Slack would show them. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS } from "../fakes/fake-gitlab.js";
import { CHANNELS, seedPeopleAndChannels } from "../helpers/conversations.js";
import { viewSubmission } from "../helpers/interactions.js";
import {
  type OpenView,
  option,
  postCommand,
  postInteraction,
  stateValues,
  waitFor,
} from "../helpers/surface-payloads.js";
import { GITLAB_BOT_USER, PROJECT, startWorld, type World } from "../helpers/world.js";

const DESIGN = { id: CHANNELS.public.id, name: CHANNELS.public.name };

describe("the /async command", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({
      bot: { env: { GITLAB_ALLOWED_NAMESPACES: "acme" } },
      seed: (slack, gitlab) => {
        seedPeopleAndChannels(slack);
        slack.addChannel({ id: "C_SUPPORT", name: "support", kind: "public" });
        const reporter = { [GITLAB_BOT_USER.id]: ACCESS.reporter };
        gitlab.addProject({ id: 43, path_with_namespace: "acme/api", members: reporter });
        gitlab.addProject({
          id: 45,
          path_with_namespace: "acme/archived",
          archived: true,
          members: reporter,
        });
        gitlab.addProject({ id: 47, path_with_namespace: "other/tools", members: reporter });
      },
    });
  });
  afterAll(async () => {
    await world?.close();
  });

  async function command(text: string, channel = DESIGN, user = "U_ALICE") {
    const response = await postCommand(world.bot, { text, channel, user, slackUrl: world.slack.url });
    expect(response.status).toBe(200);
    return response;
  }

  /** The answer the bot posted to the command's response_url (after acknowledging at once). */
  async function laterAnswer(text: string, channel = DESIGN, user = "U_ALICE"): Promise<string> {
    const before = world.slack.callsTo("response_url").length;
    const response = await command(text, channel, user);
    expect(response.text).toBe("");
    const call = await waitFor(
      () => world.slack.callsTo("response_url")[before],
      `an answer to /async ${text}`,
    );
    expect(call.params.response_type).toBe("ephemeral");
    return String(call.params.text);
  }

  /** The answer the bot gave in its HTTP acknowledgement. */
  async function immediateAnswer(
    text: string,
    channel = DESIGN,
  ): Promise<{ text: string; blocks: unknown[] }> {
    const response = await command(text, channel);
    const body = JSON.parse(response.text);
    expect(body.response_type).toBe("ephemeral");
    return body;
  }

  it.each(["help", "", "   "])("answers %j with the help", async (text) => {
    const answer = await immediateAnswer(text);
    expect(answer.text).toContain("`/async link group/project`");
    expect(answer.text).toContain("`/async export <message link>`");
  });

  it("answers an unknown subcommand with the help, naming the word", async () => {
    const answer = await immediateAnswer("frobnicate now");
    expect(answer.text).toMatch(/^I don't know `frobnicate`/);
  });

  it.each([
    ["link", "Tell me which project"],
    ["link acme/web acme/api", "Give one project"],
    ["unlink now", "takes nothing after it"],
    ["status please", "takes nothing after it"],
    ["nudges maybe", "Say `on` or `off`."],
    ["export", "Paste the link of a message"],
  ])("answers bad input %j with the usage", async (text, problem) => {
    const answer = await immediateAnswer(text);
    expect(answer.text).toContain(problem);
    expect(answer.text).toContain("Usage:");
  });

  it("links the channel after checking the project, and shows it in the status", async () => {
    const text = await laterAnswer("link acme/api", { id: "C_SUPPORT", name: "support" });
    expect(text).toMatch(
      /^:link: <#C_SUPPORT> is now linked to <http:\/\/127\.0\.0\.1:\d+\/acme\/api\|acme\/api>/,
    );
    const status = await immediateAnswer("status", { id: "C_SUPPORT", name: "support" });
    expect(JSON.stringify(status.blocks)).toContain("Linked to <");
    expect(JSON.stringify(status.blocks)).toContain("by <@U_ALICE>");
    expect(JSON.stringify(status.blocks)).toContain("*Nudges:* on (default)");
  });

  it("accepts the project's GitLab URL too, and says which project it replaced", async () => {
    await laterAnswer("link acme/api", { id: "C_SUPPORT", name: "support" });
    const text = await laterAnswer(`link <${world.gitlab.url}/acme/web/-/issues|link>`, {
      id: "C_SUPPORT",
      name: "support",
    });
    expect(text).toContain("acme/web");
    expect(text).toContain("(it was linked to `acme/api`)");
  });

  it.each([
    ["acme/missing", "GitLab has no project `acme/missing`"],
    ["acme/archived", "`acme/archived` is archived"],
    ["web", "`web` is not a GitLab project path"],
  ])("refuses to link %s and says why", async (project, why) => {
    const text = await laterAnswer(`link ${project}`);
    expect(text).toContain(why);
  });

  it("refuses a project outside GITLAB_ALLOWED_NAMESPACES without asking GitLab", async () => {
    const before = world.gitlab.requests.length;
    const text = await laterAnswer("link other/tools");
    expect(text).toBe(
      ":warning: I didn't link this channel: `other/tools` is outside the GitLab namespaces threadport may use (`acme`). Choose a project in one of them.",
    );
    expect(world.gitlab.requests.slice(before).filter((r) => r.path.includes("tools"))).toEqual([]);
  });

  it("unlinks, and says so when there was nothing to unlink", async () => {
    const channel = { id: "C_UNLINK", name: "unlink-me" };
    world.slack.addChannel({ ...channel, kind: "public" });
    await laterAnswer("link acme/web", channel);
    expect(await laterAnswer("unlink", channel)).toBe(
      ":broken_chain: Unlinked this channel from `acme/web`. Exports from here now go to the default project `acme/web`.",
    );
    expect(await laterAnswer("unlink", channel)).toBe(
      "This channel was not linked to a project; nothing changed.",
    );
  });

  it("turns nudges off and on for the channel", async () => {
    expect((await immediateAnswer("nudges off")).text).toContain("Nudges are off in this channel");
    expect(JSON.stringify((await immediateAnswer("status")).blocks)).toContain("*Nudges:* off");
    expect((await immediateAnswer("NUDGES ON")).text).toContain("Nudges are on");
    expect(JSON.stringify((await immediateAnswer("status")).blocks)).toContain("*Nudges:* on");
  });

  it("exports a thread by its link into the channel's project, and lists it in the status", async () => {
    const channel = { id: "C_EXPORTS", name: "exports" };
    world.slack.addChannel({ ...channel, kind: "public" });
    await laterAnswer("link acme/api", channel);
    const parent = world.slack.post(channel.id, { user: "U_ALICE", text: "Should we cache tokens?" });
    const reply = world.slack.post(channel.id, {
      user: "U_BOB",
      text: "Yes, for an hour.",
      thread_ts: parent,
    });
    const link = `https://acme.slack.com/archives/${channel.id}/p${reply.replace(".", "")}?thread_ts=${parent}&cid=${channel.id}`;
    const before = world.answers();
    expect(await laterAnswer(`export <${link}>`, channel)).toBe(
      ":hourglass_flowing_sand: Exporting that thread to `acme/api`… I'll reply in the thread.",
    );
    await world.waitForAnswers(before + 1);
    const issue = world.gitlab.issues(43).at(-1)!;
    expect(issue.description).toContain("Yes, for an hour.");
    expect(world.slack.postedMessages().at(-1)!.thread_ts).toBe(parent);
    const status = JSON.stringify((await immediateAnswer("status", channel)).blocks);
    expect(status).toContain(`acme/api#${issue.iid}`);
  });

  it("refuses to export a thread of a channel the person is not in", async () => {
    const parent = world.slack.post(CHANNELS.private.id, { user: "U_BOB", text: "private matters" });
    const link = `https://acme.slack.com/archives/${CHANNELS.private.id}/p${parent.replace(".", "")}`;
    const issuesBefore = world.gitlab.issues(PROJECT.id).length;
    expect(await laterAnswer(`export ${link}`, DESIGN, "U_ALICE")).toBe(
      `:warning: I didn't export that thread: you are not a member of <#${CHANNELS.private.id}>, so you can't export its threads.`,
    );
    expect(world.gitlab.issues(PROJECT.id)).toHaveLength(issuesBefore);
  });

  it("refuses to export from a channel the bot cannot read", async () => {
    const parent = world.slack.post(CHANNELS.outside.id, { user: "U_ALICE", text: "outside" });
    const link = `https://acme.slack.com/archives/${CHANNELS.outside.id}/p${parent.replace(".", "")}`;
    expect(await laterAnswer(`export ${link}`)).toContain(`I'm not a member of <#${CHANNELS.outside.id}>`);
  });

  it("refuses a link that is not a Slack message link", async () => {
    expect(await laterAnswer("export https://example.com/not-slack")).toContain(
      "That is not a Slack message link",
    );
  });

  it("opens the new-issue modal and files the issue with the channel's latest messages", async () => {
    const channel = { id: "C_ISSUES", name: "issues" };
    world.slack.addChannel({ ...channel, kind: "public" });
    world.slack.post(channel.id, { user: "U_ALICE", text: "checkout fails for EU cards" });
    world.slack.post(channel.id, { user: "U_BOB", text: "since the 3DS change" });
    world.slack.post(channel.id, { user: "U_PRIYA", text: "I can reproduce it with a test card" });
    const response = await command("issue Checkout fails for EU cards\nSeen by three customers.", channel);
    expect(response.text).toBe("");
    const opened = await waitFor(() => world.slack.callsTo("views.open").at(-1), "the modal");
    const view = JSON.parse(String(opened.params.view)) as OpenView;
    const blocks = view.blocks as { block_id?: string; element?: Record<string, unknown> }[];
    expect(view.callback_id).toBe("new_issue_modal");
    expect(blocks.find((b) => b.block_id === "title")!.element!.initial_value).toBe(
      "Checkout fails for EU cards",
    );
    expect(blocks.find((b) => b.block_id === "description")!.element!.initial_value).toBe(
      "Seen by three customers.",
    );

    const invalid = await postInteraction(
      world.bot,
      viewSubmission({
        user: "U_ALICE",
        view,
        values: stateValues([
          {
            blockId: "project",
            actionId: "project_select",
            type: "external_select",
            value: option("acme/web"),
          },
          { blockId: "title", actionId: "title_input", type: "plain_text_input", value: "  " },
          { blockId: "recent_count", actionId: "recent_count_input", type: "number_input", value: "500" },
        ]),
      }),
    );
    expect(JSON.parse(invalid.text)).toEqual({
      response_action: "errors",
      errors: {
        title: "Give the issue a title.",
        recent_count: "Give a whole number from 1 to 50, or leave it empty.",
      },
    });

    const before = world.answers();
    const valid = await postInteraction(
      world.bot,
      viewSubmission({
        user: "U_ALICE",
        view,
        values: stateValues([
          {
            blockId: "project",
            actionId: "project_select",
            type: "external_select",
            value: option("acme/web"),
          },
          {
            blockId: "title",
            actionId: "title_input",
            type: "plain_text_input",
            value: "Checkout fails for EU cards",
          },
          {
            blockId: "description",
            actionId: "description_input",
            type: "plain_text_input",
            value: "/close\n@all see",
          },
          { blockId: "recent_count", actionId: "recent_count_input", type: "number_input", value: "2" },
          { blockId: "options", actionId: "options_check", type: "checkboxes", value: [] },
        ]),
      }),
    );
    expect(valid.text).toBe("");
    await world.waitForAnswers(before + 1);
    const issue = world.gitlab.issues(PROJECT.id).at(-1)!;
    expect(issue.title).toBe("Checkout fails for EU cards");
    expect(issue.state).toBe("opened");
    expect(world.gitlab.quickActionsRun).toEqual([]);
    expect(world.gitlab.mentions).toEqual([]);
    expect(issue.description).toContain("since the 3DS change");
    expect(issue.description).toContain("I can reproduce it with a test card");
    expect(issue.description).not.toContain("checkout fails for EU cards");
    const told = world.slack.ephemerals().at(-1)!;
    expect(told.user).toBe("U_ALICE");
    expect(told.text).toMatch(/^:memo: Opened <.+\|acme\/web#\d+>: \*Checkout fails for EU cards\*$/);
  });
});
