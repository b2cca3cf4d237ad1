import { describe, expect, it } from "vitest";
import { parseGitLabTime, readWebhookEvent } from "../../src/post-back/gitlab-webhook-event.js";
import { issueHook, noteEditHook, noteHook } from "../helpers/gitlab-webhooks.js";

const ISSUE = {
  projectId: 42,
  projectPath: "acme/web",
  iid: 7,
  title: "Checkout",
  gitlabUrl: "https://gl.example",
};
const ANA = { id: 31, name: "Ana Lima", username: "ana" };

describe("reading GitLab webhook payloads", () => {
  it("reads a comment on an issue", () => {
    expect(readWebhookEvent(noteHook(ISSUE, { id: 5, body: "Hi", author: ANA }))).toEqual({
      kind: "note",
      projectId: 42,
      projectPath: "acme/web",
      issueIid: 7,
      issueTitle: "Checkout",
      issueUrl: "https://gl.example/acme/web/-/issues/7",
      noteId: 5,
      noteUrl: "https://gl.example/acme/web/-/issues/7#note_5",
      body: "Hi",
      author: ANA,
      authorId: 31,
      restricted: false,
      system: false,
      edited: false,
      updatedAt: Date.parse("2026-11-25T10:00:00Z"),
    });
  });

  it("reads an edit of a comment, with the time that tells it from other edits", () => {
    const edit = noteEditHook(ISSUE, { id: 5, body: "Hi, fixed", author: ANA }, "2026-11-25 10:05:00 UTC");
    expect(readWebhookEvent(edit)).toMatchObject({
      kind: "note",
      noteId: 5,
      body: "Hi, fixed",
      edited: true,
      updatedAt: Date.parse("2026-11-25T10:05:00Z"),
    });
  });

  it("marks internal notes and notes on confidential issues as restricted", () => {
    const internal = readWebhookEvent(noteHook(ISSUE, { id: 5, body: "x", author: ANA, internal: true }));
    const confidential = readWebhookEvent(
      noteHook({ ...ISSUE, confidential: true }, { id: 6, body: "x", author: ANA }),
    );
    expect(internal).toMatchObject({ restricted: true });
    expect(confidential).toMatchObject({ restricted: true });
  });

  it("ignores comments on merge requests, note actions it does not know and other hooks", () => {
    const onMr = noteHook(ISSUE, { id: 5, body: "x", author: ANA });
    onMr.object_attributes.noteable_type = "MergeRequest";
    const unknown = noteHook(ISSUE, { id: 5, body: "x", author: ANA });
    unknown.object_attributes.action = "delete";
    expect(readWebhookEvent(onMr)).toBeUndefined();
    expect(readWebhookEvent(unknown)).toBeUndefined();
    expect(readWebhookEvent({ object_kind: "push" })).toBeUndefined();
    expect(readWebhookEvent("nonsense")).toBeUndefined();
    expect(readWebhookEvent({ object_kind: "note", object_attributes: 3 })).toBeUndefined();
  });

  it("reads state, assignee, label and milestone changes of an issue", () => {
    const event = readWebhookEvent(
      issueHook(ISSUE, {
        actor: ANA,
        action: "close",
        updatedAt: "2026-11-25 11:00:00 UTC",
        changes: {
          assignees: { previous: [{ username: "bob" }], current: [{ username: "cy" }] },
          labels: { previous: [], current: [{ title: "bug" }] },
          milestone_id: { previous: 3, current: null },
        },
      }),
    );
    expect(event).toMatchObject({
      kind: "issue",
      updatedAt: Date.parse("2026-11-25T11:00:00Z"),
      changes: [
        { type: "closed" },
        { type: "assignees", added: ["cy"], removed: ["bob"] },
        { type: "labels", added: ["bug"], removed: [] },
        { type: "milestone", set: false },
      ],
    });
  });

  it("reads both of GitLab's time formats", () => {
    expect(parseGitLabTime("2026-11-25 11:00:00 UTC")).toBe(Date.parse("2026-11-25T11:00:00Z"));
    expect(parseGitLabTime("2026-11-25T11:00:00.000Z")).toBe(Date.parse("2026-11-25T11:00:00Z"));
    expect(parseGitLabTime("")).toBe(0);
  });
});
