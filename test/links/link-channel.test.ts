import { describe, expect, it } from "vitest";
import { ThreadportError } from "../../src/errors.js";
import type { ProjectAccess } from "../../src/export/ports.js";
import { checkProject, describeProjectProblem, type ProjectProblem } from "../../src/links/check-project.js";
import { linkChannel } from "../../src/links/link-channel.js";
import { openSqliteStore } from "../../src/store/sqlite-store.js";

function trackerAnswering(answer: ProjectAccess | ThreadportError) {
  const asked: string[] = [];
  return {
    asked,
    async checkCanCreateIssues(pathOrId: string): Promise<ProjectAccess> {
      asked.push(pathOrId);
      if (answer instanceof ThreadportError) throw answer;
      return answer;
    },
  };
}

const WEB = { id: 42, pathWithNamespace: "acme/web", webUrl: "https://gitlab.test/acme/web" };

describe("checkProject", () => {
  it("accepts a project the token may file issues in", async () => {
    const tracker = trackerAnswering({ project: WEB, canCreateIssues: true });
    expect(await checkProject("acme/web", { tracker, allowedNamespaces: ["acme"] })).toEqual({
      ok: true,
      project: WEB,
    });
  });

  it("refuses a path outside the allowed namespaces before asking GitLab", async () => {
    const tracker = trackerAnswering({ project: WEB, canCreateIssues: true });
    expect(await checkProject("other/web", { tracker, allowedNamespaces: ["acme"] })).toEqual({
      ok: false,
      problem: "not_allowed",
    });
    expect(tracker.asked).toEqual([]);
  });

  it("refuses a numeric id whose project lies outside the allowed namespaces", async () => {
    const tracker = trackerAnswering({
      project: { ...WEB, pathWithNamespace: "other/web" },
      canCreateIssues: true,
    });
    expect(await checkProject("42", { tracker, allowedNamespaces: ["acme"] })).toMatchObject({
      problem: "not_allowed",
    });
  });

  it.each([
    [new ThreadportError("gitlab_project_not_found", "x"), "not_found"],
    [new ThreadportError("gitlab_forbidden", "x"), "not_found"],
    [new ThreadportError("gitlab_unauthorized", "x"), "unauthorized"],
    [new ThreadportError("gitlab_unavailable", "x"), "unavailable"],
  ] as const)("maps %s to %s", async (error, problem) => {
    expect(
      await checkProject("acme/web", { tracker: trackerAnswering(error), allowedNamespaces: [] }),
    ).toEqual({
      ok: false,
      problem,
    });
  });
});

describe("describeProjectProblem", () => {
  it.each<ProjectProblem>([
    "not_allowed",
    "not_found",
    "archived",
    "issues_disabled",
    "access_level",
    "unauthorized",
    "unavailable",
  ])("says what is wrong with %s and what to do", (problem) => {
    expect(describeProjectProblem(problem, "acme/web", ["acme", "labs"])).toMatchSnapshot();
  });
});

describe("linkChannel", () => {
  it("saves the link with GitLab's own path and says which link it replaced", async () => {
    const store = await openSqliteStore(":memory:");
    const deps = {
      tracker: trackerAnswering({ project: WEB, canCreateIssues: true }),
      store,
      allowedNamespaces: [],
      now: () => 1_000,
    };
    const input = { teamId: "T1", channelId: "C1", userId: "U1", project: "ACME/Web" };
    const first = await linkChannel(input, deps);
    expect(first).toEqual({
      ok: true,
      link: {
        teamId: "T1",
        channelId: "C1",
        projectPath: "acme/web",
        projectId: 42,
        linkedBy: "U1",
        linkedAt: 1_000,
      },
    });
    const second = await linkChannel({ ...input, userId: "U2" }, deps);
    expect(second).toMatchObject({ ok: true, previous: { linkedBy: "U1" }, link: { linkedBy: "U2" } });
    await store.close();
  });

  it("saves nothing when the project is refused", async () => {
    const store = await openSqliteStore(":memory:");
    const tracker = trackerAnswering({ project: WEB, canCreateIssues: false, reason: "archived" });
    const outcome = await linkChannel(
      { teamId: "T1", channelId: "C1", userId: "U1", project: "acme/web" },
      { tracker, store, allowedNamespaces: [], now: () => 1 },
    );
    expect(outcome).toEqual({ ok: false, problem: "archived" });
    expect(await store.getChannelLink("T1", "C1")).toBeUndefined();
    await store.close();
  });
});
