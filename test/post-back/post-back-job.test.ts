import { describe, expect, it } from "vitest";
import { ThreadportError } from "../../src/errors.js";
import { readWebhookEvent, type WebhookEvent } from "../../src/post-back/gitlab-webhook-event.js";
import {
  decidePostBack,
  type PostBackDeps,
  type PostBackPayload,
  postBackJobHandler,
} from "../../src/post-back/post-back-job.js";
import type { PostBackSettings } from "../../src/store/store.js";
import { issueHook, noteEditHook, noteHook } from "../helpers/gitlab-webhooks.js";

const ISSUE = {
  projectId: 42,
  projectPath: "acme/web",
  iid: 7,
  title: "Checkout",
  gitlabUrl: "https://gl.example",
};
const ANA = { id: 31, name: "Ana Lima", username: "ana" };
const BOT_ID = 9;

function deps(
  options: { settings?: PostBackSettings; isPrivate?: boolean; marks?: Map<string, number> } = {},
) {
  const posted: string[] = [];
  const marks = options.marks ?? new Map<string, number>();
  const value: PostBackDeps = {
    store: {
      getPostBackSettings: async () => options.settings ?? {},
      markIssueEvent: async (projectId, iid, at) => {
        const key = `${projectId}/${iid}`;
        if ((marks.get(key) ?? 0) > at) return false;
        marks.set(key, at);
        return true;
      },
    },
    replyInThread: async (_c, _t, text) => {
      posted.push(text);
    },
    isPrivateChannel: async () => options.isPrivate ?? false,
    ownGitLabUserId: async () => BOT_ID,
  };
  return { value, posted };
}

function payload(event: WebhookEvent | undefined): PostBackPayload {
  if (!event) throw new Error("no event");
  return { event, thread: { teamId: "T1", channelId: "G1", threadTs: "1.2" } };
}

const internalNote = payload(
  readWebhookEvent(noteHook(ISSUE, { id: 1, body: "card 4111", author: ANA, internal: true })),
);

describe("deciding what a GitLab event posts", () => {
  it("posts nothing when the channel turned updates off", async () => {
    const note = payload(readWebhookEvent(noteHook(ISSUE, { id: 1, body: "hi", author: ANA })));
    expect(await decidePostBack(note, deps({ settings: { enabled: false } }).value)).toBeUndefined();
  });

  it("posts nothing for notes by threadport's GitLab user or GitLab's own system notes", async () => {
    const byBot = payload(
      readWebhookEvent(noteHook(ISSUE, { id: 1, body: "hi", author: { ...ANA, id: BOT_ID } })),
    );
    const system = payload(
      readWebhookEvent(noteHook(ISSUE, { id: 2, body: "closed", author: ANA, system: true })),
    );
    expect(await decidePostBack(byBot, deps().value)).toBeUndefined();
    expect(await decidePostBack(system, deps().value)).toBeUndefined();
  });

  it("shows confidential text only in a private channel whose setting allows it", async () => {
    const hidden = ":lock: <https://gl.example/acme/web/-/issues/7#note_1|acme/web#7> was updated in GitLab.";
    expect(await decidePostBack(internalNote, deps().value)).toBe(hidden);
    expect(await decidePostBack(internalNote, deps({ isPrivate: true }).value)).toBe(hidden);
    expect(await decidePostBack(internalNote, deps({ settings: { confidentialText: true } }).value)).toBe(
      hidden,
    );
    const shown = await decidePostBack(
      internalNote,
      deps({ settings: { confidentialText: true }, isPrivate: true }).value,
    );
    expect(shown).toContain("card 4111");
  });

  it("posts an edited comment as one line with its link, and only 'updated' when it is internal", async () => {
    const edit = (internal: boolean) =>
      payload(
        readWebhookEvent(
          noteEditHook(
            ISSUE,
            { id: 3, body: "Typo fixed", author: ANA, internal },
            "2026-11-25 10:05:00 UTC",
          ),
        ),
      );
    expect(await decidePostBack(edit(false), deps().value)).toBe(
      ":pencil2: *Ana Lima* <https://gl.example/acme/web/-/issues/7#note_3|edited a comment> on " +
        "<https://gl.example/acme/web/-/issues/7|acme/web#7>",
    );
    expect(await decidePostBack(edit(true), deps().value)).toBe(
      ":lock: <https://gl.example/acme/web/-/issues/7#note_3|acme/web#7> was updated in GitLab.",
    );
  });

  it("does not post an issue state older than one already posted", async () => {
    const marks = new Map<string, number>();
    const at = (updatedAt: string, action: "close" | "reopen") =>
      payload(readWebhookEvent(issueHook(ISSUE, { actor: ANA, action, updatedAt })));
    expect(await decidePostBack(at("2026-11-25 12:00:00 UTC", "reopen"), deps({ marks }).value)).toContain(
      "reopened",
    );
    expect(
      await decidePostBack(at("2026-11-25 11:00:00 UTC", "close"), deps({ marks }).value),
    ).toBeUndefined();
  });
});

describe("the post-back job", () => {
  const job = (p: PostBackPayload) => ({
    id: "j1",
    kind: "gitlab-post-back",
    payload: p,
    attempt: 1,
    maxAttempts: 8,
    createdAt: 0,
    log: { child: () => job(p).log, info() {}, warn() {}, error() {}, debug() {} } as never,
  });

  it("retries when Slack is unavailable or rate-limits, honouring Retry-After", async () => {
    const { value } = deps();
    value.replyInThread = async () => {
      throw new ThreadportError("slack_unavailable", "ratelimited", { retryAfterMs: 30_000 });
    };
    const note = payload(readWebhookEvent(noteHook(ISSUE, { id: 1, body: "hi", author: ANA })));
    expect(await postBackJobHandler(value)(job(note))).toMatchObject({
      outcome: "retry",
      retryAfterMs: 30_000,
    });
  });

  it("fails for good when the bot left the channel", async () => {
    const { value } = deps();
    value.replyInThread = async () => {
      throw new ThreadportError("slack_not_in_channel", "not in channel");
    };
    const note = payload(readWebhookEvent(noteHook(ISSUE, { id: 1, body: "hi", author: ANA })));
    expect(await postBackJobHandler(value)(job(note))).toMatchObject({ outcome: "failed" });
  });
});
