/** The "Send thread to GitLab" shortcut, end to end: the modal opens at once, fills in, and searches GitLab. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTriggerId } from "../fakes/slack-methods-views.js";
import { CHANNELS, seedDesignReview } from "../helpers/conversations.js";
import { API, blockOf, openExportModal, startShortcutWorld } from "../helpers/shortcut-world.js";
import {
  blockSuggestion,
  createGitLabIssue,
  messageShortcut,
  type OpenView,
  option,
  postInteraction,
  selectInModal,
  waitFor,
} from "../helpers/surface-payloads.js";
import { GITLAB_TOKEN, PROJECT, type World } from "../helpers/world.js";
import { optionListProblems } from "../slack/views/block-kit-limits.js";

describe("the Send thread to GitLab shortcut", () => {
  let world: World;
  beforeAll(async () => {
    world = await startShortcutWorld();
  });
  afterAll(async () => {
    await world?.close();
  });
  const openModal = (parent: string) => openExportModal(world, parent);

  it("opens a loading modal at once, then fills it with the thread's title and the default project", async () => {
    const parent = seedDesignReview(world.slack);
    world.slack.clearCalls();
    const view = await openModal(parent);
    const opened = world.slack.callsTo("views.open");
    expect(opened).toHaveLength(1);
    const loading = JSON.parse(String(opened[0]!.params.view));
    expect(loading.blocks[0].text.text).toContain("Reading the thread");
    expect(view.callback_id).toBe("export_thread_modal");
    expect(blockOf(view, "project").element!.initial_option).toMatchObject({ value: PROJECT.path });
    const title = blockOf(view, "title").element!.initial_value as string;
    expect(title.length).toBeGreaterThan(5);
    expect(JSON.parse(String(view.private_metadata))).toMatchObject({
      t: "T0001",
      c: CHANNELS.public.id,
      m: parent,
      k: "public_channel",
      p: PROJECT.path,
    });
    // Reading the thread happened after the modal was open, not before.
    const order = world.slack.calls.map((c) => c.method);
    expect(order.indexOf("views.open")).toBeLessThan(order.indexOf("conversations.replies"));
  });

  it("does nothing more when Slack refuses an expired trigger", async () => {
    const parent = world.slack.post(CHANNELS.public.id, { user: "U_BOB", text: "late click" });
    world.slack.clearCalls();
    const response = await postInteraction(
      world.bot,
      messageShortcut({
        channel: { id: CHANNELS.public.id, name: CHANNELS.public.name },
        message: { ts: parent, text: "late click" },
        triggerId: newTriggerId(new Date(Date.now() - 10_000)),
        slackUrl: world.slack.url,
      }),
    );
    expect(response.status).toBe(200);
    await waitFor(() => world.bot.output().includes("could not open the export modal"), "the bot to log it");
    expect(world.slack.callsTo("views.update")).toEqual([]);
    expect(world.slack.callsTo("conversations.replies")).toEqual([]);
  });

  it("suggests only projects the token can write to, from one page of GitLab's search", async () => {
    const parent = world.slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "which project?" });
    const view = await openModal(parent);
    const requestsBefore = world.gitlab.requests.length;
    const response = await postInteraction(
      world.bot,
      blockSuggestion({ view, actionId: "project_select", blockId: "project", value: "a" }),
    );
    expect(response.status).toBe(200);
    const answer = JSON.parse(response.text) as { options: { value: string }[] };
    expect(answer.options.map((o) => o.value).sort()).toEqual(["acme/api", "acme/web"]);
    expect(optionListProblems(answer, 50)).toEqual([]);
    const searches = world.gitlab.requests.slice(requestsBefore).filter((r) => r.path === "/api/v4/projects");
    expect(searches).toHaveLength(1);
    expect(searches[0]!.query).toMatchObject({
      membership: "true",
      min_access_level: "20",
      search: "a",
      search_namespaces: "true",
      page: "1",
      per_page: "50",
    });
  });

  it("suggests the chosen project's open issues and labels, and remembers a new project choice", async () => {
    await createGitLabIssue(world.gitlab.url, GITLAB_TOKEN, API.id, { title: "Rate limits for the API" });
    const closed = await createGitLabIssue(world.gitlab.url, GITLAB_TOKEN, API.id, {
      title: "Old rate limit idea",
      description: "/close",
    });
    const parent = world.slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "rate limits again" });
    const view = await openModal(parent);

    const changed = await postInteraction(
      world.bot,
      selectInModal({
        view,
        actionId: "project_select",
        blockId: "project",
        option: { text: API.path, value: API.path },
      }),
    );
    expect(changed.status).toBe(200);
    const updated = await waitFor(() => {
      const current = world.slack.openViews().find((v) => v.id === view.id) as OpenView;
      return JSON.parse(String(current.private_metadata)).p === API.path ? current : undefined;
    }, "the modal to switch project");
    expect(blockOf(updated, "issue").block_id).toBe("issue.1");
    expect(blockOf(updated, "labels").block_id).toBe("labels.1");
    expect(blockOf(updated, "project").element!.initial_option).toMatchObject({ value: API.path });

    const issues = await postInteraction(
      world.bot,
      blockSuggestion({ view: updated, actionId: "issue_select", blockId: "issue.1", value: "rate" }),
    );
    const issueOptions = JSON.parse(issues.text).options as { text: { text: string }; value: string }[];
    expect(issueOptions.map((o) => o.text.text)).toEqual(["#1 Rate limits for the API"]);
    expect(issueOptions.map((o) => o.value)).not.toContain(String(closed.iid));

    const byNumber = await postInteraction(
      world.bot,
      blockSuggestion({ view: updated, actionId: "issue_select", blockId: "issue.1", value: "#1" }),
    );
    expect(JSON.parse(byNumber.text).options).toHaveLength(1);

    const labels = await postInteraction(
      world.bot,
      blockSuggestion({ view: updated, actionId: "labels_select", blockId: "labels.1", value: "b" }),
    );
    expect(JSON.parse(labels.text)).toEqual({ options: [option("backend"), option("bug")] });
  });
});
