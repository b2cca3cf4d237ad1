import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GitLabTracker } from "../../src/gitlab/gitlab-tracker.js";
import { type FakeGitLab, startFakeGitLab } from "../fakes/fake-gitlab.js";

const FAST = { attempts: 3, baseDelayMs: 10, maxDelayMs: 2_000 };

describe("GitLabTracker against a GitLab-shaped server", () => {
  let gitlab: FakeGitLab;
  let tracker: GitLabTracker;
  beforeAll(async () => {
    gitlab = await startFakeGitLab();
    gitlab.addUser({ id: 1, username: "bot", name: "Bot" });
    gitlab.addToken("glpat-good-token-000000", 1);
    gitlab.addProject({ id: 5, path_with_namespace: "acme/web", members: { 1: 20 } });
    gitlab.addProject({ id: 6, path_with_namespace: "acme/private-other" });
    tracker = new GitLabTracker({ host: gitlab.url, token: "glpat-good-token-000000", retryPolicy: FAST });
  });
  afterAll(async () => {
    await gitlab.close();
  });

  it("resolves a project by its path", async () => {
    expect(await tracker.getProject("acme/web")).toEqual({
      id: 5,
      pathWithNamespace: "acme/web",
      webUrl: `${gitlab.url}/acme/web`,
    });
  });

  it("reports a project it cannot see as not found", async () => {
    await expect(tracker.getProject("acme/private-other")).rejects.toMatchObject({
      code: "gitlab_project_not_found",
    });
    await expect(tracker.getProject("nobody/nothing")).rejects.toMatchObject({
      code: "gitlab_project_not_found",
    });
  });

  it("reports a wrong token as unauthorized", async () => {
    const wrong = new GitLabTracker({ host: gitlab.url, token: "glpat-wrong", retryPolicy: FAST });
    await expect(wrong.getProject("acme/web")).rejects.toMatchObject({
      code: "gitlab_unauthorized",
      details: { status: 401 },
    });
  });

  it("creates a confidential issue and a note on it", async () => {
    const issue = await tracker.createIssue(5, { title: "Hello", description: "Body", confidential: true });
    expect(issue).toMatchObject({ projectId: 5, title: "Hello", reference: `acme/web#${issue.iid}` });
    expect(gitlab.issues(5).at(-1)).toMatchObject({ confidential: true, description: "Body" });
    await tracker.addNote(5, issue.iid, "A comment");
    expect(gitlab.notes(5, issue.iid).map((n) => n.body)).toEqual(["A comment"]);
  });

  it("waits for Retry-After on a 429 and then succeeds, making exactly one issue", async () => {
    const before = gitlab.issues(5).length;
    gitlab.failNext({ method: "POST", pathIncludes: "/issues" }, { status: 429, retryAfter: 1 });
    const started = Date.now();
    await tracker.createIssue(5, { title: "Later", description: "x", confidential: false });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(gitlab.issues(5).length).toBe(before + 1);
  });

  it("does not repeat an issue creation that may have happened (502 after sending)", async () => {
    const posts = () =>
      gitlab.requests.filter((r) => r.method === "POST" && r.path.endsWith("/issues")).length;
    const before = posts();
    gitlab.failNext({ method: "POST", pathIncludes: "/issues" }, { status: 502 });
    await expect(
      tracker.createIssue(5, { title: "x", description: "x", confidential: false }),
    ).rejects.toMatchObject({
      code: "gitlab_unavailable",
    });
    expect(posts()).toBe(before + 1);
  });

  it("retries reads on 503 and gives up after the policy's attempts", async () => {
    const gets = () => gitlab.requests.filter((r) => r.method === "GET").length;
    const before = gets();
    gitlab.setDown(true);
    await expect(tracker.getProject("acme/web")).rejects.toMatchObject({ code: "gitlab_unavailable" });
    gitlab.setDown(false);
    expect(gets()).toBe(before + FAST.attempts);
  });

  it("gives up at once when GitLab asks to wait longer than the policy allows", async () => {
    gitlab.failNext({ method: "GET" }, { status: 429, retryAfter: 3600 });
    const started = Date.now();
    await expect(tracker.getProject("acme/web")).rejects.toMatchObject({ code: "gitlab_unavailable" });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("reports a title GitLab refuses as rejected, with GitLab's reason", async () => {
    await expect(
      tracker.createIssue(5, { title: "t".repeat(300), description: "x", confidential: false }),
    ).rejects.toMatchObject({
      code: "gitlab_rejected",
    });
  });
});
