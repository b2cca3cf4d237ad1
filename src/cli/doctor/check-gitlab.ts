/** GitLab checks: reachable, the token is valid, and it may create issues in each project exports go to. */
import { asThreadportError } from "../../errors.js";
import type { IssueTracker } from "../../export/ports.js";
import { type CheckResult, failed, ok } from "./check-result.js";

export interface GitLabCheckInput {
  url: string;
  token: string;
  tracker: Pick<IssueTracker, "checkCanCreateIssues">;
  /** The default project (if any) and every linked one. */
  projects: string[];
  fetch?: typeof fetch;
}

export async function checkGitLab(input: GitLabCheckInput): Promise<CheckResult[]> {
  const doFetch = input.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${input.url}/api/v4/user`, {
      headers: { "private-token": input.token },
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    return [
      failed(
        "GitLab reachable",
        `no answer from ${input.url} (${error instanceof Error ? error.message : String(error)})`,
        "check GITLAB_URL (the instance's address, without /api/v4) and that this machine can reach it",
      ),
    ];
  }
  const results = [ok("GitLab reachable", `${input.url} answers`)];
  if (response.status === 401) {
    results.push(
      failed(
        "GitLab token",
        "GitLab rejected it (wrong, expired or revoked)",
        "create an access token with the api scope and set it as GITLAB_TOKEN",
      ),
    );
    return results;
  }
  if (!response.ok) {
    results.push(
      failed("GitLab token", `GET /user answered ${response.status}`, "check GITLAB_URL and GITLAB_TOKEN"),
    );
    return results;
  }
  const user = (await response.json()) as { username?: string };
  results.push(ok("GitLab token", `valid, acting as @${user.username ?? "?"}`));
  for (const project of input.projects) results.push(await projectCheck(input, project));
  return results;
}

async function projectCheck(input: GitLabCheckInput, project: string): Promise<CheckResult> {
  const name = `Create issues in ${project}`;
  try {
    const access = await input.tracker.checkCanCreateIssues(project);
    if (access.canCreateIssues) return ok(name, "allowed");
    const why = {
      archived: ["the project is archived", "unarchive it, or export to another project"],
      issues_disabled: [
        "issues are turned off in the project",
        "turn Issues on under Settings → General → Visibility",
      ],
      access_level: [
        "the token's user has too low a role",
        "give the token's user at least the Reporter role in the project",
      ],
    }[access.reason];
    return failed(name, why[0]!, why[1]!);
  } catch (error) {
    const code = asThreadportError(error).code;
    if (code === "gitlab_project_not_found") {
      return failed(
        name,
        "the project does not exist or the token cannot see it",
        "check the path (GITLAB_DEFAULT_PROJECT or the channel's link) and add the token's user to the project",
      );
    }
    return failed(
      name,
      `could not check (${code})`,
      "run threadport doctor again; if it persists, check GitLab",
    );
  }
}
