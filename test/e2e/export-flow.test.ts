/** The real bot process, driven by signed HTTP events, against fake Slack and GitLab servers. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, seedPeopleAndChannels } from "../helpers/conversations.js";
import { PROJECT, startWorld, type World } from "../helpers/world.js";

describe("exporting a thread with an emoji reaction", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ slack: { pageSizeMax: 15 }, seed: (slack) => seedPeopleAndChannels(slack) });
  });
  afterAll(async () => {
    await world?.close();
  });

  it("reads a thread of three pages and files one issue with every message in order", async () => {
    const parent = world.slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "message 0" });
    for (let i = 1; i < 40; i++) {
      world.slack.post(CHANNELS.public.id, {
        user: i % 2 ? "U_BOB" : "U_ALICE",
        text: `message ${i}`,
        thread_ts: parent,
      });
    }
    world.slack.clearCalls();
    const before = world.answers();
    const response = await world.react(CHANNELS.public.id, parent);
    expect(response.status).toBe(200);
    await world.waitForAnswers(before + 1);

    expect(world.slack.callsTo("conversations.replies")).toHaveLength(3);
    const issues = world.gitlab.issues(PROJECT.id);
    const issue = issues[issues.length - 1]!;
    const positions = Array.from({ length: 40 }, (_, i) => issue.description!.indexOf(`message ${i}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(issue.description).toContain("40 messages");
    expect(issue.confidential).toBe(false);
  });

  it("replies in the thread with the issue link and marks the flagged message with a check", async () => {
    const parent = world.slack.post(CHANNELS.public.id, {
      user: "U_PRIYA",
      text: "Where do we keep the runbook?",
    });
    world.slack.post(CHANNELS.public.id, {
      user: "U_BOB",
      text: "In the wiki, I'll link it.",
      thread_ts: parent,
    });
    const before = world.answers();
    await world.react(CHANNELS.public.id, parent);
    await world.waitForAnswers(before + 1);
    const issue = world.gitlab.issues(PROJECT.id).at(-1)!;
    const reply = world.slack.postedMessages().at(-1)!;
    expect(reply.thread_ts).toBe(parent);
    expect(reply.text).toContain(`|${PROJECT.path}#${issue.iid}>`);
    expect(reply.text).toContain(
      issue.title.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
    );
    // The check mark is added right after the reply.
    await expect
      .poll(() => world.slack.reactions().some((r) => r.ts === parent), { timeout: 5_000 })
      .toBe(true);
    expect(world.slack.reactions()).toContainEqual(
      expect.objectContaining({ ts: parent, name: "white_check_mark" }),
    );
  });

  it("appends only the new messages when reacting again, and writes nothing when nothing is new", async () => {
    const parent = world.slack.post(CHANNELS.public.id, {
      user: "U_ALICE",
      text: "first version of the plan",
    });
    world.slack.post(CHANNELS.public.id, { user: "U_BOB", text: "looks fine", thread_ts: parent });
    let before = world.answers();
    await world.react(CHANNELS.public.id, parent);
    await world.waitForAnswers(before + 1);
    const issue = world.gitlab.issues(PROJECT.id).at(-1)!;

    world.slack.post(CHANNELS.public.id, {
      user: "U_PRIYA",
      text: "one more thing: the deadline moved",
      thread_ts: parent,
    });
    before = world.answers();
    await world.react(CHANNELS.public.id, parent, { user: "U_PRIYA" });
    await world.waitForAnswers(before + 1);
    const notes = world.gitlab.notes(PROJECT.id, issue.iid);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain("one more thing: the deadline moved");
    expect(notes[0]!.body).not.toContain("looks fine");
    expect(notes[0]!.body).not.toContain("Moved to"); // the bot's own reply is not exported
    expect(world.slack.postedMessages().at(-1)!.text).toContain("Added 1 new message");

    const requestsBefore = world.gitlab.requests.length;
    before = world.answers();
    await world.react(CHANNELS.public.id, parent);
    await world.waitForAnswers(before + 1);
    expect(world.slack.postedMessages().at(-1)!.text).toContain("Nothing new to add");
    expect(world.gitlab.requests.slice(requestsBefore).filter((r) => r.method !== "GET")).toEqual([]);
    expect(world.gitlab.notes(PROJECT.id, issue.iid)).toHaveLength(1);
  });

  it("handles a redelivered event only once", async () => {
    const parent = world.slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "dedupe me" });
    const issuesBefore = world.gitlab.issues(PROJECT.id).length;
    const before = world.answers();
    await world.react(CHANNELS.public.id, parent, { eventId: "EvDUPLICATE1" });
    await world.react(CHANNELS.public.id, parent, { eventId: "EvDUPLICATE1", retryNum: 1 });
    await world.react(CHANNELS.public.id, parent, { eventId: "EvDUPLICATE1", retryNum: 2 });
    await world.waitForAnswers(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(world.gitlab.issues(PROJECT.id)).toHaveLength(issuesBefore + 1);
    expect(world.answers()).toBe(before + 1);
  });

  it("files threads from private channels as confidential issues", async () => {
    const parent = world.slack.post(CHANNELS.private.id, {
      user: "U_BOB",
      text: "the database password leaked",
    });
    const before = world.answers();
    await world.react(CHANNELS.private.id, parent, { user: "U_BOB" });
    await world.waitForAnswers(before + 1);
    expect(world.gitlab.issues(PROJECT.id).at(-1)!.confidential).toBe(true);
  });

  it("neutralises quick actions, pings, references, HTML and tokens in hostile messages", async () => {
    const hostile = [
      "/close",
      "/assign @threadport-bot",
      "  /label ~security",
      "/confidential",
      "@all look at #1 and acme/web#1 and !45",
      "<script>alert(1)</script></details>",
      "my token is glpat-AbCdEfGhIjKlMnOpQrSt",
    ].join("\n");
    const parent = world.slack.post(CHANNELS.public.id, { user: "U_ALICE", text: hostile });
    world.slack.post(CHANNELS.public.id, { user: "U_BOB", text: "/reopen\n/title pwned", thread_ts: parent });
    const before = world.answers();
    await world.react(CHANNELS.public.id, parent);
    await world.waitForAnswers(before + 1);
    const issue = world.gitlab.issues(PROJECT.id).at(-1)!;
    expect(world.gitlab.quickActionsRun).toEqual([]);
    expect(world.gitlab.mentions).toEqual([]);
    expect(issue.state).toBe("opened");
    expect(issue.confidential).toBe(false);
    expect(issue.labels).toEqual([]);
    expect(issue.description).not.toContain("<script>");
    expect(issue.description).not.toContain("glpat-AbCdEfGhIjKlMnOpQrSt");
    expect(issue.description).toContain("[redacted]");
    expect(issue.description!.match(/<\/details>/g)).toHaveLength(1);
  });
});
