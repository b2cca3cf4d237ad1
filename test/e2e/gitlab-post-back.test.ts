/** GitLab webhooks → replies in the linked Slack thread, through the real bot process. */
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, seedPeopleAndChannels } from "../helpers/conversations.js";
import {
  deliverWebhook,
  type HookIssue,
  issueHook,
  noteEditHook,
  noteHook,
  WEBHOOK_SECRET,
} from "../helpers/gitlab-webhooks.js";
import { postCommand } from "../helpers/surface-payloads.js";
import { GITLAB_BOT_USER, PROJECT, startWorld, type World } from "../helpers/world.js";

/** Replaces what changes between runs (the fake's port, issue numbers) so snapshots are stable. */
function stable(text: string, gitlabUrl: string): string {
  return text
    .replaceAll(gitlabUrl, "https://gitlab.example.com")
    .replace(/issues\/\d+/g, "issues/N")
    .replace(/web#\d+/g, "web#N")
    .replace(/note_\d+/g, "note_X");
}

const ANA = { id: 31, name: "Ana Lima", username: "ana" };

describe("posting what happens in GitLab back to the Slack thread", () => {
  let world: World;
  let noteIds = 500;

  beforeAll(async () => {
    world = await startWorld({
      seed: (slack) => seedPeopleAndChannels(slack),
      bot: { env: { GITLAB_WEBHOOK_SECRET: WEBHOOK_SECRET, JOB_CONCURRENCY: "1", JOB_RETRY_BASE_MS: "50" } },
    });
  });
  afterAll(async () => {
    await world?.close();
  });

  /** Exports a new thread in the channel; returns its ts and the issue it is linked to. */
  async function exportedThread(channel: string): Promise<{ ts: string; issue: HookIssue }> {
    const parent = world.slack.post(channel, { user: "U_ALICE", text: "Checkout fails for EU cards" });
    world.slack.post(channel, { user: "U_BOB", text: "Looking into it", thread_ts: parent });
    const before = world.answers();
    await world.react(channel, parent);
    await world.waitForAnswers(before + 1);
    await jobsIdle();
    const created = world.gitlab.issues(PROJECT.id).at(-1)!;
    return {
      ts: parent,
      issue: {
        projectId: PROJECT.id,
        projectPath: PROJECT.path,
        iid: created.iid,
        title: created.title,
        gitlabUrl: world.gitlab.url,
      },
    };
  }

  /** Waits until the bot's job queue has nothing pending or running. */
  async function jobsIdle(): Promise<void> {
    const db = new Database(world.bot.databasePath, { readonly: true, fileMustExist: true });
    try {
      await expect
        .poll(
          () =>
            (
              db.prepare("SELECT count(*) AS n FROM jobs WHERE state IN ('pending', 'running')").get() as {
                n: number;
              }
            ).n,
          { timeout: 10_000, interval: 25 },
        )
        .toBe(0);
    } finally {
      db.close();
    }
  }

  function repliesIn(ts: string): string[] {
    return world.slack
      .postedMessages()
      .filter((m) => m.thread_ts === ts && m.text?.includes("/-/issues/"))
      .map((m) => m.text ?? "")
      .filter((text) => !text.includes("Exported") && !text.includes("exported"));
  }

  function newReplies(ts: string, before: string[]): string[] {
    return repliesIn(ts).slice(before.length);
  }

  it("posts a comment to the thread, with its author, a link and Slack formatting", async () => {
    const { ts, issue } = await exportedThread(CHANNELS.public.id);
    const before = repliesIn(ts);
    const body = [
      "Found it: the **3DS** step times out for `EU` cards.",
      "",
      "- see [the trace](https://logs.example.com/t/1?x=1&y=2)",
      "- fix in !12 <!here>",
    ].join("\n");
    const noteId = noteIds++;
    const response = await deliverWebhook(world.bot.url, noteHook(issue, { id: noteId, body, author: ANA }));
    expect(response.status).toBe(200);
    await jobsIdle();
    const posted = newReplies(ts, before);
    expect(posted).toHaveLength(1);
    const text = posted[0]!;
    expect(stable(text, world.gitlab.url)).toMatchSnapshot();
    expect(text).toContain("*Ana Lima*");
    expect(text).toContain(`#note_${noteId}|commented>`);
    expect(text).toContain("<https://logs.example.com/t/1?x=1&amp;y=2|the trace>");
    expect(text).not.toContain("<!here>");
  });

  it("does not export its own post-back replies to GitLab again", async () => {
    const { ts, issue } = await exportedThread(CHANNELS.public.id);
    await deliverWebhook(world.bot.url, noteHook(issue, { id: noteIds++, body: "Echo check", author: ANA }));
    await jobsIdle();
    world.slack.post(CHANNELS.public.id, { user: "U_BOB", text: "Thanks, verified", thread_ts: ts });
    const before = world.answers();
    await world.react(CHANNELS.public.id, ts);
    await world.waitForAnswers(before + 1);
    await jobsIdle();
    const notes = world.gitlab.notes(PROJECT.id, issue.iid).map((n) => n.body);
    expect(notes.join("\n")).toContain("Thanks, verified");
    expect(notes.join("\n")).not.toContain("Echo check");
  });

  it("posts a redelivered comment once", async () => {
    const { ts, issue } = await exportedThread(CHANNELS.public.id);
    const before = repliesIn(ts);
    const payload = noteHook(issue, { id: noteIds++, body: "Deploying the fix now.", author: ANA });
    const uuid = "8d2f0b3c-2c1e-4f5a-9a57-0c7d6f1b2e3a";
    expect((await deliverWebhook(world.bot.url, payload, { uuid })).status).toBe(200);
    expect((await deliverWebhook(world.bot.url, payload, { uuid })).status).toBe(200);
    expect((await deliverWebhook(world.bot.url, payload)).status).toBe(200);
    await jobsIdle();
    expect(newReplies(ts, before)).toHaveLength(1);
  });

  it("posts each edit of a comment once, as one line with its link", async () => {
    const { ts, issue } = await exportedThread(CHANNELS.public.id);
    const before = repliesIn(ts);
    const note = { id: noteIds++, body: "Deploying the fix at 5.", author: ANA };
    await deliverWebhook(world.bot.url, noteHook(issue, note));
    const firstEdit = noteEditHook(
      issue,
      { ...note, body: "Deploying the fix at 6." },
      "2026-11-25 10:05:00 UTC",
    );
    await deliverWebhook(world.bot.url, firstEdit);
    await deliverWebhook(world.bot.url, firstEdit);
    const secondEdit = noteEditHook(issue, { ...note, body: "Deployed at 6." }, "2026-11-25 10:20:00 UTC");
    await deliverWebhook(world.bot.url, secondEdit);
    await jobsIdle();
    const posted = newReplies(ts, before).map((text) => stable(text, world.gitlab.url));
    const edited =
      ":pencil2: *Ana Lima* <https://gitlab.example.com/acme/web/-/issues/N#note_X|edited a comment> on " +
      "<https://gitlab.example.com/acme/web/-/issues/N|acme/web#N>";
    expect(posted).toHaveLength(3);
    expect(posted[0]).toContain("Deploying the fix at 5.");
    expect(posted.slice(1)).toEqual([edited, edited]);
  });

  it("does not post back notes threadport wrote itself", async () => {
    const { ts, issue } = await exportedThread(CHANNELS.public.id);
    const before = repliesIn(ts);
    const byBot = noteHook(issue, {
      id: noteIds++,
      body: "Appended 2 messages from Slack.",
      author: GITLAB_BOT_USER,
    });
    const marked = noteHook(issue, {
      id: noteIds++,
      body: "From Slack\n\n<!-- threadport:job abc note 0 -->",
      author: ANA,
    });
    expect((await deliverWebhook(world.bot.url, byBot)).status).toBe(200);
    expect((await deliverWebhook(world.bot.url, marked)).status).toBe(200);
    await jobsIdle();
    expect(newReplies(ts, before)).toEqual([]);
  });

  it("rejects a wrong or missing token and posts nothing", async () => {
    const { ts, issue } = await exportedThread(CHANNELS.public.id);
    const before = repliesIn(ts);
    const payload = noteHook(issue, { id: noteIds++, body: "forged", author: ANA });
    expect((await deliverWebhook(world.bot.url, payload, { token: "wrong-secret" })).status).toBe(401);
    expect((await deliverWebhook(world.bot.url, payload, { token: null })).status).toBe(401);
    expect((await deliverWebhook(world.bot.url, payload, { token: `${WEBHOOK_SECRET}x` })).status).toBe(401);
    await jobsIdle();
    expect(newReplies(ts, before)).toEqual([]);
  });

  it("posts issue changes briefly, and not an older state that arrives late", async () => {
    const { ts, issue } = await exportedThread(CHANNELS.public.id);
    const before = repliesIn(ts);
    const closed = issueHook(issue, {
      actor: ANA,
      action: "close",
      updatedAt: "2026-11-25 11:00:00 UTC",
      changes: {
        state_id: { previous: 1, current: 2 },
        labels: { previous: [{ title: "triage" }], current: [{ title: "bug" }, { title: "payments" }] },
        updated_at: { previous: "2026-11-25 10:00:00 UTC", current: "2026-11-25 11:00:00 UTC" },
      },
    });
    const staleAssign = issueHook(issue, {
      actor: ANA,
      action: "update",
      updatedAt: "2026-11-25 10:30:00 UTC",
      changes: { assignees: { previous: [], current: [{ id: 40, name: "Bob", username: "bob" }] } },
    });
    const milestone = issueHook(issue, {
      actor: ANA,
      action: "reopen",
      updatedAt: "2026-11-25 12:00:00 UTC",
      changes: { milestone_id: { previous: null, current: 3 } },
    });
    expect((await deliverWebhook(world.bot.url, closed)).status).toBe(200);
    await jobsIdle();
    expect((await deliverWebhook(world.bot.url, staleAssign)).status).toBe(200);
    await jobsIdle();
    expect((await deliverWebhook(world.bot.url, milestone)).status).toBe(200);
    await jobsIdle();
    const posted = newReplies(ts, before).map((t) => stable(t, world.gitlab.url));
    expect(posted).toMatchSnapshot();
    expect(posted).toHaveLength(2);
    expect(posted.join("\n")).not.toContain("@bob");
  });

  it("shows only 'updated' with a link for confidential issues and internal notes", async () => {
    const { ts, issue } = await exportedThread(CHANNELS.public.id);
    const before = repliesIn(ts);
    const internal = noteHook(issue, {
      id: noteIds++,
      body: "Customer card number is …",
      author: ANA,
      internal: true,
    });
    const confidential = noteHook(
      { ...issue, confidential: true },
      { id: noteIds++, body: "Secret plan", author: ANA },
    );
    const confidentialClose = issueHook(
      { ...issue, confidential: true },
      { actor: ANA, action: "close", updatedAt: "2026-11-25 13:00:00 UTC" },
    );
    for (const payload of [internal, confidential, confidentialClose]) {
      expect((await deliverWebhook(world.bot.url, payload)).status).toBe(200);
      await jobsIdle();
    }
    const posted = newReplies(ts, before);
    expect(posted).toHaveLength(3);
    for (const text of posted) {
      expect(text).toMatch(/^:lock: <.*\|acme\/web#\d+> was updated in GitLab\.$/);
      expect(text).not.toMatch(/Customer|Secret|Ana/);
    }
    expect(stable(posted[0]!, world.gitlab.url)).toMatchSnapshot();
  });

  async function setUpdates(channel: { id: string; name: string }, text: string): Promise<string> {
    const response = await postCommand(world.bot, { text, channel, slackUrl: world.slack.url });
    expect(response.status).toBe(200);
    return JSON.parse(response.text).text as string;
  }

  it("posts nothing to a channel that turned updates off, and posts again once they are on", async () => {
    const { ts, issue } = await exportedThread(CHANNELS.public.id);
    const before = repliesIn(ts);
    expect(await setUpdates(CHANNELS.public, "updates off")).toContain("GitLab updates are off");
    await deliverWebhook(world.bot.url, noteHook(issue, { id: noteIds++, body: "while off", author: ANA }));
    await jobsIdle();
    expect(newReplies(ts, before)).toEqual([]);
    expect(await setUpdates(CHANNELS.public, "updates on")).toContain("GitLab updates are on");
    await deliverWebhook(world.bot.url, noteHook(issue, { id: noteIds++, body: "back on", author: ANA }));
    await jobsIdle();
    expect(newReplies(ts, before)).toHaveLength(1);
    expect(newReplies(ts, before)[0]).toContain("back on");
  });

  it("shows an internal note's text in a private channel whose setting allows it", async () => {
    const { ts, issue } = await exportedThread(CHANNELS.private.id);
    const before = repliesIn(ts);
    const internal = () =>
      noteHook(issue, { id: noteIds++, body: "Refund approved", author: ANA, internal: true });
    await deliverWebhook(world.bot.url, internal());
    await jobsIdle();
    expect(await setUpdates(CHANNELS.private, "updates confidential on")).toContain(
      "Everyone in the channel",
    );
    await deliverWebhook(world.bot.url, internal());
    await jobsIdle();
    const posted = newReplies(ts, before);
    expect(posted).toHaveLength(2);
    expect(posted[0]).toContain("was updated in GitLab");
    expect(posted[0]).not.toContain("Refund");
    expect(posted[1]).toContain("Refund approved");
    // The same setting in a public channel still shows nothing.
    const open = await exportedThread(CHANNELS.public.id);
    const openBefore = repliesIn(open.ts);
    expect(await setUpdates(CHANNELS.public, "updates confidential on")).toContain("private");
    await deliverWebhook(
      world.bot.url,
      noteHook(open.issue, { id: noteIds++, body: "Refund approved", author: ANA, internal: true }),
    );
    await jobsIdle();
    expect(newReplies(open.ts, openBefore)).toHaveLength(1);
    expect(newReplies(open.ts, openBefore)[0]).not.toContain("Refund");
    await setUpdates(CHANNELS.public, "updates confidential off");
  });

  it("loses nothing when Slack rate-limits or fails: the reply is posted once, later", async () => {
    const { ts, issue } = await exportedThread(CHANNELS.public.id);
    const before = repliesIn(ts);
    world.slack.failNext("chat.postMessage", { status: 429, retryAfter: 1 }, 1);
    world.slack.failNext("chat.postMessage", { status: 500 }, 6);
    const response = await deliverWebhook(
      world.bot.url,
      noteHook(issue, { id: noteIds++, body: "survives outages", author: ANA }),
    );
    expect(response.status).toBe(200);
    await jobsIdle();
    const posted = newReplies(ts, before);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain("survives outages");
  });

  it("ignores events of issues no thread is linked to", async () => {
    const unlinked = {
      projectId: PROJECT.id,
      projectPath: PROJECT.path,
      iid: 9999,
      title: "x",
      gitlabUrl: world.gitlab.url,
    };
    const response = await deliverWebhook(
      world.bot.url,
      noteHook(unlinked, { id: noteIds++, body: "hi", author: ANA }),
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, queued: 0 });
  });
});
