import { GitbeakerRequestError, Gitlab } from "@gitbeaker/rest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ACCESS, type FakeGitLab, startFakeGitLab } from "./fake-gitlab.js";

let gitlab: FakeGitLab;

function api(token = "glpat-alice") {
  return new Gitlab({ host: gitlab.url, token });
}

/** Runs a call that must fail and returns GitLab's status and gitbeaker's description. */
async function failure(call: Promise<unknown>): Promise<{ status: number; description: string }> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof GitbeakerRequestError)) throw error;
    const cause = error.cause as { response: Response; description: string };
    return { status: cause.response.status, description: cause.description };
  }
  throw new Error("expected the call to fail");
}

beforeEach(async () => {
  gitlab = await startFakeGitLab({ now: () => new Date("2025-03-01T10:00:00.000Z") });
  gitlab.addUser({ id: 1, username: "alice", name: "Alice Doe" });
  gitlab.addUser({ id: 2, username: "bob", name: "Bob Roe" });
  gitlab.addUser({ id: 3, username: "carol", name: "Carol Poe" });
  gitlab.addToken("glpat-alice", 1);
  gitlab.addToken("glpat-bob", 2);
  gitlab.addToken("glpat-carol", 3);
  const members = { 1: ACCESS.developer, 2: ACCESS.guest };
  gitlab.addProject({ id: 10, path_with_namespace: "acme/web", members, labels: ["bug"] });
  gitlab.addProject({ id: 11, path_with_namespace: "acme/old", members, archived: true });
  gitlab.addProject({ id: 12, path_with_namespace: "acme/docs", visibility: "public" });
});

afterEach(async () => {
  await gitlab.close();
});

describe("fake GitLab REST API", () => {
  it("identifies the token's user", async () => {
    await expect(api().Users.showCurrentUser()).resolves.toMatchObject({ id: 1, username: "alice" });
    expect(gitlab.requests[0]).toMatchObject({ method: "GET", path: "/api/v4/user", token: "glpat-alice" });
  });

  it("shows a project by path or id with the caller's access level", async () => {
    const byPath = await api().Projects.show("acme/web");
    expect(byPath).toMatchObject({ id: 10, path_with_namespace: "acme/web", visibility: "private" });
    expect(byPath.permissions).toEqual({
      project_access: { access_level: 30, notification_level: 3 },
      group_access: null,
    });
    expect(gitlab.requests[0]?.path).toBe("/api/v4/projects/acme%2Fweb");
    await expect(api().Projects.show(10)).resolves.toMatchObject({ name: "web" });
  });

  it("answers 401 for a bad token, 404 for invisible projects and 403 for archived ones", async () => {
    expect(await failure(api("glpat-nope").Projects.show(10))).toEqual({
      status: 401,
      description: "401 Unauthorized",
    });
    expect(await failure(api("glpat-carol").Projects.show(10))).toEqual({
      status: 404,
      description: "404 Project Not Found",
    });
    expect((await failure(api().Projects.show("acme/none"))).status).toBe(404);
    expect(await failure(api().Issues.create(11, "x"))).toEqual({
      status: 403,
      description: "403 Forbidden",
    });
    const anonymous = await fetch(`${gitlab.url}/api/v4/projects/10/issues`, { method: "POST" });
    expect(anonymous.status).toBe(401);
  });

  it("lets guests write issues and notes but keeps minimal-access members out of private projects", async () => {
    gitlab.addProject({
      id: 13,
      path_with_namespace: "acme/ops",
      members: { 2: ACCESS.guest, 3: ACCESS.minimal },
    });
    const issue = await api("glpat-bob").Issues.create(13, "Guest report");
    await expect(api("glpat-bob").IssueNotes.create(13, issue.iid, "Guest note")).resolves.toMatchObject({
      author: { username: "bob" },
    });
    expect((await failure(api("glpat-carol").Issues.create(13, "x"))).status).toBe(404);
    await expect(
      api("glpat-carol").Issues.create(12, "Public projects take anyone's issues"),
    ).resolves.toMatchObject({
      project_id: 12,
      title: "Public projects take anyone's issues",
      author: { username: "carol" },
    });
  });

  it("validates titles and descriptions like GitLab", async () => {
    const missing = await failure(api().Issues.create(10, undefined as unknown as string));
    expect(missing).toEqual({ status: 400, description: "title is missing" });
    const long = await failure(api().Issues.create(10, "t".repeat(256)));
    expect(long.status).toBe(400);
    expect(JSON.parse(long.description)).toEqual({ title: ["is too long (maximum is 255 characters)"] });
    const huge = await failure(api().Issues.create(10, "ok", { description: "d".repeat(1_048_577) }));
    expect(JSON.parse(huge.description)).toEqual({
      description: ["is too long (maximum is 1048576 characters)"],
    });
    const note = await failure(api().IssueNotes.create(10, 1, "x"));
    expect(note.status).toBe(404);
  });

  it("creates issues with per-project iids, links and references, then notes on them", async () => {
    await api().Issues.create(12, "Docs first");
    const issue = await api().Issues.create(10, "Login fails", { description: "Steps", labels: "bug,ui" });
    expect(issue).toMatchObject({
      iid: 1,
      project_id: 10,
      title: "Login fails",
      description: "Steps",
      state: "opened",
      labels: ["bug", "ui"],
      confidential: false,
      web_url: `${gitlab.url}/acme/web/-/issues/1`,
      references: { short: "#1", relative: "#1", full: "acme/web#1" },
      author: { id: 1, username: "alice" },
      created_at: "2025-03-01T10:00:00.000Z",
    });
    const note = await api().IssueNotes.create(10, issue.iid, "More context");
    expect(note).toMatchObject({
      body: "More context",
      noteable_iid: 1,
      noteable_type: "Issue",
      system: false,
    });
    expect(gitlab.notes(10, 1).map((n) => n.body)).toEqual(["More context"]);
    expect(gitlab.requests.at(-1)?.body).toEqual({ body: "More context" });
  });

  it("runs quick actions outside code blocks and strips them, as GitLab does", async () => {
    const description = "Hello\n/close\n/label ~bug\n/assign @bob\n```\n/confidential\n```";
    const issue = await api().Issues.create(10, "Quick", { description });
    expect(issue).toMatchObject({ state: "closed", labels: ["bug"], confidential: false });
    expect(issue.assignees).toMatchObject([{ username: "bob" }]);
    expect(issue.description).toBe("Hello\n```\n/confidential\n```");
    expect(gitlab.quickActionsRun.map((q) => [q.command, q.arg, q.applied])).toEqual([
      ["close", undefined, true],
      ["label", "~bug", true],
      ["assign", "@bob", true],
    ]);
  });

  it("strips a guest's metadata quick actions without applying them", async () => {
    const issue = await api("glpat-bob").Issues.create(10, "From a guest", {
      description: "/label ~bug",
      labels: "bug",
    });
    expect(issue.labels).toEqual([]);
    expect(issue.description).toBe("");
    expect(gitlab.quickActionsRun).toMatchObject([{ command: "label", applied: false, userId: 2 }]);
  });

  it("answers 202 to a note made only of quick actions and saves no note", async () => {
    await api().Issues.create(10, "Open");
    const response = await fetch(`${gitlab.url}/api/v4/projects/10/issues/1/notes`, {
      method: "POST",
      headers: { "PRIVATE-TOKEN": "glpat-alice", "content-type": "application/json" },
      body: JSON.stringify({ body: "/close" }),
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({
      commands_changes: { state_event: "close" },
      summary: ["Closed this issue."],
    });
    expect(gitlab.notes(10, 1)).toEqual([]);
    expect(gitlab.issues(10)[0]?.state).toBe("closed");
  });

  it("leaves text alone when no line starts with a known command", async () => {
    const safe = "\u200B/close\n /close\n`/close`\n> /label ~bug\n/closed is not a command\n>>>\n/close\n>>>";
    const issue = await api().Issues.create(10, "Safe", { description: safe });
    expect(issue.description).toBe(safe);
    expect(issue.state).toBe("opened");
    expect(gitlab.quickActionsRun).toEqual([]);
  });

  it("records mentions and cross-references, but not ones in code or escaped", async () => {
    await api().Issues.create(10, "First");
    await api().Issues.create(10, "Second", {
      description: "@alice see #1 and acme/web#1, @all\n`@bob` \\@carol #99 @nobody\n```\n@bob #1\n```",
    });
    expect(gitlab.mentions.map((m) => [m.kind, m.ref])).toEqual([
      ["user", "@alice"],
      ["all", "@all"],
      ["issue", "#1"],
      ["issue", "acme/web#1"],
    ]);
    await api().IssueNotes.create(10, 2, `Link: ${gitlab.url}/acme/web/-/issues/1 &#64;bob`);
    expect(gitlab.mentions.slice(4).map((m) => [m.where, m.ref])).toEqual([
      ["note", "@bob"],
      ["note", `${gitlab.url}/acme/web/-/issues/1`],
    ]);
  });

  it("pages issue lists with GitLab's headers and link, which gitbeaker follows", async () => {
    for (let i = 1; i <= 7; i += 1) await api().Issues.create(10, `Issue ${i}`);
    const all = await api().Issues.all({ projectId: 10, perPage: 3 });
    expect(all.map((i) => i.iid)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(gitlab.requests.filter((r) => r.method === "GET")).toHaveLength(3);
    const page = await fetch(`${gitlab.url}/api/v4/projects/10/issues?per_page=3&page=2`, {
      headers: { authorization: "Bearer glpat-alice" },
    });
    expect(
      Object.fromEntries(
        ["x-total", "x-total-pages", "x-page", "x-per-page", "x-next-page", "x-prev-page"].map((h) => [
          h,
          page.headers.get(h),
        ]),
      ),
    ).toEqual({
      "x-total": "7",
      "x-total-pages": "3",
      "x-page": "2",
      "x-per-page": "3",
      "x-next-page": "3",
      "x-prev-page": "1",
    });
    expect(page.headers.get("link")).toContain(
      `<${gitlab.url}/api/v4/projects/10/issues?per_page=3&page=3>; rel="next"`,
    );
  });

  it("filters issues by search and state and pages notes", async () => {
    await api().Issues.create(10, "Crash on login", { description: "/close" });
    await api().Issues.create(10, "Slow page", { description: "login is slow" });
    const found = await api().Issues.all({ projectId: 10, search: "LOGIN", state: "opened" });
    expect(found.map((i) => i.title)).toEqual(["Slow page"]);
    for (let i = 1; i <= 5; i += 1) await api().IssueNotes.create(10, 2, `note ${i}`);
    const notes = await api().IssueNotes.all(10, 2, { perPage: 2, sort: "asc" });
    expect(notes.map((n) => n.body)).toEqual(["note 1", "note 2", "note 3", "note 4", "note 5"]);
  });

  it("hides confidential issues from guests who did not write them", async () => {
    const secret = await api().Issues.create(10, "Secret", { confidential: true });
    expect(secret.confidential).toBe(true);
    expect((await failure(api("glpat-bob").Issues.show(secret.iid, { projectId: 10 }))).status).toBe(404);
    await expect(api("glpat-bob").Issues.all({ projectId: 10 })).resolves.toEqual([]);
  });

  it("injects faults: 429 with Retry-After and 'Retry later', any status, and downtime", async () => {
    gitlab.failNext({ method: "GET", pathIncludes: "/user" }, { status: 429, retryAfter: 2 });
    const limited = await fetch(`${gitlab.url}/api/v4/user`, { headers: { "private-token": "glpat-alice" } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
    expect(limited.headers.get("content-type")).toContain("text/plain");
    expect(await limited.text()).toBe("Retry later\n");

    gitlab.failNext({ pathIncludes: "/user" }, { status: 429 });
    await expect(api().Users.showCurrentUser()).resolves.toMatchObject({ username: "alice" });
    expect(gitlab.requests.slice(-2).map((r) => r.status)).toEqual([429, 200]);

    gitlab.failNext({ method: "POST" }, { status: 500 });
    expect(await failure(api().Issues.create(10, "x"))).toEqual({
      status: 500,
      description: "500 Internal Server Error",
    });
    gitlab.setDown(true);
    expect((await failure(api().Users.showCurrentUser())).status).toBe(503);
    gitlab.setDown(false);
    await expect(api().Users.showCurrentUser()).resolves.toMatchObject({ id: 1, username: "alice" });
  });

  it("limits requests per minute per token when asked to", async () => {
    await gitlab.close();
    gitlab = await startFakeGitLab({ requestsPerMinute: 1 });
    gitlab.addUser({ id: 1, username: "alice", name: "Alice" });
    gitlab.addToken("glpat-alice", 1);
    await fetch(`${gitlab.url}/api/v4/user`, { headers: { "private-token": "glpat-alice" } });
    const second = await fetch(`${gitlab.url}/api/v4/user`, { headers: { "private-token": "glpat-alice" } });
    expect(second.status).toBe(429);
    expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(50);
  });
});
