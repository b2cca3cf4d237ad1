import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { exportThread } from "../../src/export/export-thread.js";
import { CachedProjectLookups } from "../../src/gitlab/cached-project-lookups.js";
import { GitLabTracker } from "../../src/gitlab/gitlab-tracker.js";
import { ThreadScenario } from "../export/export-thread-builder.js";
import { ACCESS, type FakeGitLab, startFakeGitLab } from "../fakes/fake-gitlab.js";

const TOKEN = "glpat-cache-token-00000";
const FAST = { attempts: 2, baseDelayMs: 10, maxDelayMs: 100 };

describe("CachedProjectLookups over the GitLab tracker", () => {
  let gitlab: FakeGitLab;
  let clock: number;
  let tracker: CachedProjectLookups;

  beforeAll(async () => {
    gitlab = await startFakeGitLab();
    gitlab.addUser({ id: 1, username: "bot", name: "Bot" });
    gitlab.addToken(TOKEN, 1);
    gitlab.addProject({ id: 5, path_with_namespace: "acme/web", members: { 1: ACCESS.reporter } });
  });
  afterAll(async () => {
    await gitlab.close();
  });
  beforeEach(() => {
    clock = Date.parse("2025-01-15T12:00:00Z");
    const gitlabTracker = new GitLabTracker({ host: gitlab.url, token: TOKEN, retryPolicy: FAST });
    tracker = new CachedProjectLookups(gitlabTracker, { now: () => clock });
  });

  /** GitLab requests that looked up acme/web, since the test began. */
  const lookupsSince = (start: number) =>
    gitlab.requests.slice(start).filter((r) => r.method === "GET" && r.path === "/api/v4/projects/acme%2Fweb")
      .length;

  /** Exports a new thread to GITLAB_DEFAULT_PROJECT acme/web through the cached tracker. */
  async function exportANewThread() {
    const scenario = new ThreadScenario().say("U1", "Shall we ship?").say("U2", "Yes, Friday.");
    return exportThread(scenario.request(), { ...(await scenario.deps()), tracker });
  }

  it("looks a project up once for two exports to it, and again once 60 s have passed", async () => {
    const start = gitlab.requests.length;
    const issuesBefore = gitlab.issues(5).length;
    expect((await exportANewThread()).kind).toBe("created");
    expect((await exportANewThread()).kind).toBe("created");
    expect(gitlab.issues(5)).toHaveLength(issuesBefore + 2);
    expect(lookupsSince(start)).toBe(1);

    clock += 59_999;
    expect((await exportANewThread()).kind).toBe("created");
    expect(lookupsSince(start)).toBe(1);

    clock += 1;
    expect((await exportANewThread()).kind).toBe("created");
    expect(lookupsSince(start)).toBe(2);
  });

  it("shares one request between lookups that overlap", async () => {
    const start = gitlab.requests.length;
    const [a, b] = await Promise.all([tracker.getProject("acme/web"), tracker.getProject("acme/web")]);
    expect(a).toEqual({ id: 5, pathWithNamespace: "acme/web", webUrl: `${gitlab.url}/acme/web` });
    expect(b).toEqual(a);
    expect(lookupsSince(start)).toBe(1);
  });

  it("does not remember a failed lookup", async () => {
    const start = gitlab.requests.length;
    gitlab.setDown(true);
    try {
      await expect(tracker.getProject("acme/web")).rejects.toMatchObject({ code: "gitlab_unavailable" });
    } finally {
      gitlab.setDown(false);
    }
    expect(lookupsSince(start)).toBe(FAST.attempts);
    await expect(tracker.getProject("acme/web")).resolves.toMatchObject({ id: 5 });
    expect(lookupsSince(start)).toBe(FAST.attempts + 1);
  });

  it("always asks GitLab whether issues may be created, for someone who just changed the members", async () => {
    const start = gitlab.requests.length;
    await tracker.getProject("acme/web");
    await expect(tracker.checkCanCreateIssues("acme/web")).resolves.toMatchObject({ canCreateIssues: true });
    await expect(tracker.checkCanCreateIssues("acme/web")).resolves.toMatchObject({ canCreateIssues: true });
    expect(lookupsSince(start)).toBe(3);
  });
});
