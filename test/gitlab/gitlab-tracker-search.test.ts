import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GitLabTracker } from "../../src/gitlab/gitlab-tracker.js";
import { ACCESS, type FakeGitLab, startFakeGitLab } from "../fakes/fake-gitlab.js";

const FAST = { attempts: 3, baseDelayMs: 10, maxDelayMs: 2_000 };
const TOKEN = "glpat-search-token-000000";

describe("GitLabTracker searches and permission checks", () => {
  let gitlab: FakeGitLab;
  let tracker: GitLabTracker;
  beforeAll(async () => {
    gitlab = await startFakeGitLab();
    gitlab.addUser({ id: 1, username: "bot", name: "Bot" });
    gitlab.addUser({ id: 2, username: "alice", name: "Alice Martin" });
    gitlab.addToken(TOKEN, 1);
    gitlab.addToken("glpat-alice-000000000000", 2);
    gitlab.addProject({
      id: 5,
      path_with_namespace: "acme/web",
      members: { 1: ACCESS.reporter, 2: ACCESS.developer },
    });
    gitlab.addProject({ id: 6, path_with_namespace: "acme/docs", members: { 1: ACCESS.guest } });
    gitlab.addProject({
      id: 7,
      path_with_namespace: "acme/old",
      archived: true,
      members: { 1: ACCESS.owner },
    });
    gitlab.addProject({
      id: 8,
      path_with_namespace: "acme/no-issues",
      issues_enabled: false,
      members: { 1: ACCESS.maintainer },
    });
    gitlab.addProject({ id: 9, path_with_namespace: "other/public", visibility: "public" });
    for (let i = 0; i < 60; i++) {
      gitlab.addProject({
        id: 100 + i,
        path_with_namespace: `many/project-${i}`,
        members: { 1: ACCESS.developer },
      });
    }
    gitlab.addProject({
      id: 10,
      path_with_namespace: "acme/labelled",
      members: { 1: ACCESS.reporter },
      labels: ["bug", "backend", "ui", "docs"],
    });
    tracker = new GitLabTracker({ host: gitlab.url, token: TOKEN, retryPolicy: FAST });
  });
  afterAll(async () => {
    await gitlab.close();
  });

  it("finds projects the token is Reporter or more in, by name or group, in one request", async () => {
    const before = gitlab.requests.length;
    const found = await tracker.searchProjects("acme", 50);
    expect(found.map((p) => p.pathWithNamespace).sort()).toEqual(["acme/labelled", "acme/web"]);
    expect(gitlab.requests.length - before).toBe(1);
    expect(found[0]).toEqual({
      id: expect.any(Number),
      pathWithNamespace: expect.any(String),
      webUrl: expect.any(String),
    });
  });

  it("asks for one page only, however many projects match", async () => {
    const before = gitlab.requests.length;
    const found = await tracker.searchProjects("project", 50);
    expect(found).toHaveLength(50);
    const requests = gitlab.requests.slice(before);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.query).toMatchObject({ page: "1", per_page: "50", simple: "true" });
  });

  it("lists recent projects when nothing is typed yet", async () => {
    const found = await tracker.searchProjects("  ", 10);
    expect(found).toHaveLength(10);
  });

  it("finds open issues by text or by number, not closed ones", async () => {
    const open = await tracker.createIssue(5, {
      title: "Checkout fails for EU cards",
      description: "",
      confidential: false,
    });
    const closed = await tracker.createIssue(5, {
      title: "Checkout was slow",
      description: "/close",
      confidential: false,
    });
    await tracker.createIssue(5, { title: "Unrelated", description: "", confidential: false });
    const byText = await tracker.searchOpenIssues("acme/web", "checkout", 50);
    expect(byText.map((i) => i.iid)).toEqual([open.iid]);
    expect(byText.map((i) => i.iid)).not.toContain(closed.iid);
    expect(await tracker.searchOpenIssues(5, `#${open.iid}`, 50)).toMatchObject([{ iid: open.iid }]);
    expect(await tracker.searchOpenIssues(5, String(closed.iid), 50)).toEqual([]);
    expect((await tracker.searchOpenIssues(5, "", 2)).length).toBe(2);
  });

  it("finds a project's labels matching the text", async () => {
    expect(await tracker.searchLabels("acme/labelled", "b", 50)).toEqual(["backend", "bug"]);
    expect(await tracker.searchLabels(10, "", 2)).toEqual(["backend", "bug"]);
  });

  it("reads an issue with its state, labels and assignees", async () => {
    const created = await fetch(`${gitlab.url}/api/v4/projects/5/issues`, {
      method: "POST",
      headers: { "private-token": "glpat-alice-000000000000", "content-type": "application/json" },
      body: JSON.stringify({ title: "Assigned work", labels: "bug,ui", assignee_ids: [2] }),
    }).then((r) => r.json() as Promise<{ iid: number }>);
    expect(await tracker.getIssue("acme/web", created.iid)).toEqual({
      projectId: 5,
      iid: created.iid,
      title: "Assigned work",
      webUrl: `${gitlab.url}/acme/web/-/issues/${created.iid}`,
      reference: `acme/web#${created.iid}`,
      state: "opened",
      labels: ["bug", "ui"],
      assignees: ["Alice Martin"],
      confidential: false,
    });
    await expect(tracker.getIssue("acme/web", 9999)).rejects.toMatchObject({
      code: "gitlab_project_not_found",
    });
  });

  it("tells whether issues can be filed, and why not", async () => {
    expect(await tracker.checkCanCreateIssues("acme/web")).toMatchObject({ canCreateIssues: true });
    expect(await tracker.checkCanCreateIssues("acme/docs")).toMatchObject({
      canCreateIssues: false,
      reason: "access_level",
    });
    expect(await tracker.checkCanCreateIssues("acme/old")).toMatchObject({
      canCreateIssues: false,
      reason: "archived",
    });
    expect(await tracker.checkCanCreateIssues("acme/no-issues")).toMatchObject({
      canCreateIssues: false,
      reason: "issues_disabled",
    });
    expect(await tracker.checkCanCreateIssues("other/public")).toMatchObject({
      canCreateIssues: false,
      reason: "access_level",
    });
    await expect(tracker.checkCanCreateIssues("acme/missing")).rejects.toMatchObject({
      code: "gitlab_project_not_found",
    });
  });

  it("sends labels with a new issue", async () => {
    const issue = await tracker.createIssue(10, {
      title: "Labelled",
      description: "x",
      confidential: false,
      labels: ["bug", "ui"],
    });
    expect(gitlab.issues(10).find((i) => i.iid === issue.iid)!.labels).toEqual(["bug", "ui"]);
  });
});
