import { Gitlab } from "@gitbeaker/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GitLabMarkerFinder } from "../../src/gitlab/gitlab-marker-finder.js";
import { type FakeGitLab, startFakeGitLab } from "../fakes/fake-gitlab.js";

const TOKEN = "glpat-finder-test-000000000";
const OTHER = "glpat-someone-else-0000000";
const MARKER = "<!-- threadport:thread T1/C1/1700000000.000100 -->";

describe("GitLabMarkerFinder", () => {
  let gitlab: FakeGitLab;
  const api = (token = TOKEN) => new Gitlab({ host: gitlab.url, token });
  const finder = () =>
    new GitLabMarkerFinder({
      host: gitlab.url,
      token: TOKEN,
      retryPolicy: { attempts: 3, baseDelayMs: 10, maxDelayMs: 100 },
    });

  beforeAll(async () => {
    gitlab = await startFakeGitLab();
    gitlab.addUser({ id: 9, username: "threadport-bot", name: "threadport" });
    gitlab.addUser({ id: 10, username: "mallory", name: "Mallory" });
    gitlab.addToken(TOKEN, 9);
    gitlab.addToken(OTHER, 10);
    gitlab.addProject({ id: 42, path_with_namespace: "acme/web", members: { 9: 20, 10: 30 } });
    await api().Issues.create(42, "Unrelated", { description: "nothing here" });
    await api().Issues.create(42, "Cache the permalink", { description: `Summary\n\n${MARKER}` });
  });
  afterAll(async () => {
    await gitlab?.close();
  });

  it("shows why search cannot be used: GitLab's full-text search does not index HTML comments", async () => {
    const found = await api().Issues.all({
      projectId: 42,
      search: "threadport:thread T1/C1/1700000000.000100",
    });
    expect(found).toEqual([]);
    expect(await api().Issues.all({ projectId: 42, search: "permalink summary" })).toHaveLength(1);
  });

  it("finds the issue its own user created since the given time by the marker in its description", async () => {
    const found = await finder().findIssue(42, MARKER, new Date(Date.now() - 60_000));
    expect(found).toMatchObject({
      projectId: 42,
      iid: 2,
      title: "Cache the permalink",
      reference: "acme/web#2",
    });
    expect(await finder().findIssue(42, MARKER, new Date(Date.now() + 60_000))).toBeUndefined();
    const listed = gitlab.requests.filter((r) => r.method === "GET" && r.path.endsWith("/issues")).at(-1)!;
    expect(listed.query).toMatchObject({ author_id: "9", order_by: "created_at", sort: "desc" });
  });

  it("ignores an issue someone else wrote with the same marker", async () => {
    await api(OTHER).Issues.create(42, "Copy", { description: `copied ${MARKER.replace("T1", "T9")}` });
    const marker = MARKER.replace("T1", "T9");
    expect(await finder().findIssue(42, marker, new Date(Date.now() - 60_000))).toBeUndefined();
  });

  it("updates an issue, and finds and updates its own note by marker", async () => {
    await finder().updateIssue(42, 2, {
      title: "Cache the permalink for a day",
      description: `More\n\n${MARKER}`,
    });
    expect(gitlab.issues(42)[1]).toMatchObject({
      title: "Cache the permalink for a day",
      description: `More\n\n${MARKER}`,
    });
    await api().IssueNotes.create(42, 2, "first\n\n<!-- threadport:job J note 1 -->");
    await api(OTHER).IssueNotes.create(42, 2, "forged\n\n<!-- threadport:job J note 2 -->");
    const note = await finder().findNote(42, 2, "<!-- threadport:job J note 1 -->");
    expect(note?.body).toContain("first");
    expect(await finder().findNote(42, 2, "<!-- threadport:job J note 2 -->")).toBeUndefined();
    await finder().updateNote(42, 2, note!.id, "first, longer\n\n<!-- threadport:job J note 1 -->");
    expect(gitlab.notes(42, 2)[0]!.body).toContain("first, longer");
  });

  it("retries a 429 as GitLab's Retry-After asks, and maps a 404 to a coded error", async () => {
    gitlab.failNext({ method: "GET", pathIncludes: "/issues" }, { status: 429, retryAfter: 0 });
    expect(await finder().findIssue(42, MARKER, new Date(0))).toMatchObject({ iid: 2 });
    await expect(finder().findIssue(404, MARKER, new Date(0))).rejects.toMatchObject({
      code: "gitlab_project_not_found",
    });
  });
});
