import { describe, expect, it } from "vitest";
import { ThreadportError } from "../../src/errors.js";
import {
  createIssueFromStep,
  STEP_FOOTER,
  type StepIssueDeps,
  type StepIssueInputs,
} from "../../src/export/create-issue-from-step.js";
import type { NewIssue, ProjectAccess } from "../../src/export/ports.js";
import { silentLog } from "./export-thread-builder.js";

const WEB = { id: 42, pathWithNamespace: "acme/web", webUrl: "https://gitlab.example/acme/web" };
const OPS = { id: 43, pathWithNamespace: "acme/ops", webUrl: "https://gitlab.example/acme/ops" };

/** A tracker over two projects; `createFails` makes createIssue throw that error. */
function world(options: { createFails?: ThreadportError; link?: string; storeFails?: boolean } = {}) {
  const created: { projectId: number; issue: NewIssue }[] = [];
  const deps: StepIssueDeps = {
    tracker: {
      async checkCanCreateIssues(pathOrId): Promise<ProjectAccess> {
        const project = [WEB, OPS].find((p) => p.pathWithNamespace === pathOrId || String(p.id) === pathOrId);
        if (!project) throw new ThreadportError("gitlab_project_not_found", "not found");
        return { project, canCreateIssues: true };
      },
      async createIssue(projectId, issue) {
        if (options.createFails) throw options.createFails;
        created.push({ projectId, issue });
        const project = projectId === WEB.id ? WEB : OPS;
        return {
          projectId,
          iid: created.length,
          title: issue.title,
          webUrl: `${project.webUrl}/-/issues/${created.length}`,
          reference: `${project.pathWithNamespace}#${created.length}`,
        };
      },
    },
    store: {
      async getChannelLink(teamId, channelId) {
        if (options.storeFails) throw new Error("database is gone");
        return options.link && channelId === "C_LINKED"
          ? { teamId, channelId, projectPath: options.link, projectId: OPS.id, linkedBy: "U1", linkedAt: 0 }
          : undefined;
      },
    },
    gitlabUrl: "https://gitlab.example",
    defaultProject: "acme/web",
    allowedNamespaces: [],
    log: silentLog,
  };
  return { deps, created };
}

const inputs = (more: Partial<StepIssueInputs>): StepIssueInputs => ({
  teamId: "T1",
  title: "Rotate the keys",
  labels: [],
  ...more,
});

describe("createIssueFromStep", () => {
  it("files the issue in the project given, by path or URL, and returns its URL and number", async () => {
    const { deps, created } = world();
    const outcome = await createIssueFromStep(
      inputs({ project: "https://gitlab.example/acme/ops/-/issues", description: "Soon.", labels: ["ops"] }),
      deps,
    );
    expect(outcome).toEqual({
      kind: "created",
      issueUrl: "https://gitlab.example/acme/ops/-/issues/1",
      issueIid: 1,
      reference: "acme/ops#1",
    });
    expect(created).toEqual([
      {
        projectId: OPS.id,
        issue: {
          title: "Rotate the keys",
          description: `Soon.\n\n${STEP_FOOTER}`,
          confidential: false,
          labels: ["ops"],
        },
      },
    ]);
  });

  it("uses the channel's linked project, else the default project", async () => {
    const { deps, created } = world({ link: "acme/ops" });
    await createIssueFromStep(inputs({ channelId: "C_LINKED" }), deps);
    await createIssueFromStep(inputs({ channelId: "C_OTHER" }), deps);
    await createIssueFromStep(inputs({}), deps);
    expect(created.map((c) => c.projectId)).toEqual([OPS.id, WEB.id, WEB.id]);
    expect(created[0]!.issue.description).toBe(`_No description._\n\n${STEP_FOOTER}`);
  });

  it("redacts secrets in the description", async () => {
    const { deps, created } = world();
    await createIssueFromStep(inputs({ description: "token glpat-AbCdEfGhIjKlMnOpQrSt" }), deps);
    expect(created[0]!.issue.description).not.toContain("glpat-AbCdEfGhIjKlMnOpQrSt");
  });

  it.each<[string, Partial<StepIssueInputs>, Parameters<typeof world>[0], string]>([
    ["no title", { title: "  " }, {}, "The step has no title: fill in “Title” in the step's settings."],
    [
      "a project that is no project reference",
      { project: "not a project" },
      {},
      "`not a project` is not a GitLab project: give its path (group/project), its id, or its URL on https://gitlab.example.",
    ],
    [
      "an unknown project",
      { project: "acme/nope" },
      {},
      "GitLab has no project `acme/nope`, or threadport's GitLab account cannot see it. Check the path (group/project) and that the account is a member.",
    ],
    [
      "a wrong GitLab token",
      {},
      { createFails: new ThreadportError("gitlab_unauthorized", "401") },
      "GitLab rejected threadport's access token. Ask your threadport admin to check GITLAB_TOKEN.",
    ],
    [
      "GitLab refusing the issue (422)",
      {},
      { createFails: new ThreadportError("gitlab_rejected", "422", { detail: "labels are invalid" }) },
      "GitLab refused the issue in `acme/web` (labels are invalid). Check the step's title and labels; if they look right, ask your threadport admin (the logs have the details).",
    ],
    [
      "GitLab down",
      {},
      { createFails: new ThreadportError("gitlab_unavailable", "503") },
      "GitLab did not answer in time. Try again in a moment.",
    ],
    [
      "an unexpected error",
      {},
      { createFails: new ThreadportError("internal", "boom") },
      "Something went wrong in threadport while creating the issue in `acme/web`. Run the workflow again; if it keeps failing, ask your threadport admin (the logs have the details).",
    ],
    [
      "the store failing",
      { channelId: "C_LINKED" },
      { storeFails: true },
      "threadport could not read the channel's linked project. Run the workflow again in a moment.",
    ],
  ])("fails with the fix for %s", async (_, more, options, message) => {
    const { deps, created } = world(options);
    expect(await createIssueFromStep(inputs(more), deps)).toEqual({ kind: "failed", message });
    expect(created).toEqual([]);
  });

  it("fails with the fix when there is no project at all", async () => {
    const { deps } = world();
    const outcome = await createIssueFromStep(inputs({}), { ...deps, defaultProject: undefined });
    expect(outcome).toEqual({
      kind: "failed",
      message:
        "The step has no GitLab project: fill in “Project” in the step's settings, link the channel with `/async link group/project`, or ask your threadport admin to set GITLAB_DEFAULT_PROJECT.",
    });
  });

  it("refuses a project outside the allowed namespaces, naming them", async () => {
    const { deps } = world();
    const outcome = await createIssueFromStep(inputs({ project: "acme/ops" }), {
      ...deps,
      allowedNamespaces: ["labs"],
    });
    expect(outcome).toEqual({
      kind: "failed",
      message:
        "`acme/ops` is outside the GitLab namespaces threadport may use (`labs`). Choose a project in one of them.",
    });
  });
});
