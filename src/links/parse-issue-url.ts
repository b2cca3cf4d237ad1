/** Reads a GitLab issue URL of the configured instance: https://gitlab.example.com/group/project/-/issues/12. */

export interface IssueUrl {
  projectPath: string;
  iid: number;
}

export function parseIssueUrl(url: string, gitlabUrl: string): IssueUrl | undefined {
  const base = gitlabUrl.replace(/\/+$/, "");
  let parsed: URL;
  let root: URL;
  try {
    parsed = new URL(url);
    root = new URL(base);
  } catch {
    return undefined;
  }
  if (parsed.host.toLowerCase() !== root.host.toLowerCase()) return undefined;
  const prefix = root.pathname.replace(/\/+$/, "");
  if (!parsed.pathname.startsWith(`${prefix}/`)) return undefined;
  const rest = parsed.pathname.slice(prefix.length + 1);
  // Current URLs have /-/issues/; old ones (and redirects) have /issues/.
  const match = /^([\w.-]+(?:\/[\w.-]+)+?)\/(?:-\/)?issues\/(\d+)\/?$/.exec(rest);
  if (!match) return undefined;
  return { projectPath: match[1]!, iid: Number(match[2]) };
}
