import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS, type FakeGitLab, startFakeGitLab } from "./fake-gitlab.js";

const TOKEN = "glpat-routes-0000000000";

describe("fake GitLab project and label search", () => {
  let gitlab: FakeGitLab;
  const get = (path: string, token: string | null = TOKEN) =>
    fetch(`${gitlab.url}/api/v4${path}`, { headers: token ? { "private-token": token } : {} });

  beforeAll(async () => {
    gitlab = await startFakeGitLab();
    gitlab.addUser({ id: 1, username: "bot", name: "Bot" });
    gitlab.addToken(TOKEN, 1);
    for (let i = 0; i < 25; i++) {
      gitlab.addProject({ id: 10 + i, path_with_namespace: `acme/p${i}`, members: { 1: ACCESS.reporter } });
    }
    gitlab.addProject({ id: 5, path_with_namespace: "acme/guest", members: { 1: ACCESS.guest } });
    gitlab.addProject({ id: 6, path_with_namespace: "public/thing", visibility: "public" });
    gitlab.addProject({
      id: 7,
      path_with_namespace: "acme/labels",
      members: { 1: ACCESS.reporter },
      labels: ["b", "a"],
    });
  });
  afterAll(async () => {
    await gitlab.close();
  });

  it("pages /projects with GitLab's headers and filters by membership and access level", async () => {
    const response = await get("/projects?membership=true&min_access_level=20&per_page=10&page=2");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-total")).toBe("26");
    expect(response.headers.get("x-total-pages")).toBe("3");
    expect(response.headers.get("x-next-page")).toBe("3");
    expect(response.headers.get("link")).toContain('rel="next"');
    const body = (await response.json()) as { path_with_namespace: string; permissions: unknown }[];
    expect(body).toHaveLength(10);
    expect(body.map((p) => p.path_with_namespace)).not.toContain("acme/guest");
    // Every project on the page is one the token's user is a reporter of, and says so.
    for (const project of body) {
      expect(project.permissions).toEqual({
        project_access: { access_level: ACCESS.reporter, notification_level: 3 },
        group_access: null,
      });
    }
  });

  it("keeps only the simple fields with simple=true, and shows public projects to everyone", async () => {
    const simple = (await (await get("/projects?search=thing&simple=true")).json()) as Record<
      string,
      unknown
    >[];
    expect(simple.map((p) => p.path_with_namespace)).toEqual(["public/thing"]);
    expect(simple[0]).not.toHaveProperty("permissions");
    expect(simple[0]).toHaveProperty("namespace");
    const anonymous = (await (await get("/projects?membership=true", null)).json()) as unknown[];
    expect(anonymous).toEqual([]);
  });

  it("lists a project's labels by name, with search and counts", async () => {
    const labels = (await (await get("/projects/7/labels?with_counts=true")).json()) as Record<
      string,
      unknown
    >[];
    expect(labels.map((l) => l.name)).toEqual(["a", "b"]);
    expect(labels[0]).toMatchObject({
      is_project_label: true,
      open_issues_count: 0,
      color: expect.any(String),
    });
    const found = (await (await get("/projects/7/labels?search=B")).json()) as { name: string }[];
    expect(found.map((l) => l.name)).toEqual(["b"]);
    expect((await get("/projects/99/labels")).status).toBe(404);
  });
});
