/** Reads what people type for a project: `group/project`, a numeric id, or the project's GitLab URL. */

const PROJECT_PATH = /^[\w.-]+(\/[\w.-]+)+$/;

/** The project path (or id) in the text, or undefined when it is not one. */
export function parseProjectReference(text: string, gitlabUrl: string): string | undefined {
  let value = text.trim().replace(/^<|>$/g, "");
  // Slack sends a pasted URL as <url> or <url|label>.
  value = value.split("|")[0]!.trim();
  if (/^\d+$/.test(value)) return value;
  const base = gitlabUrl.replace(/\/+$/, "");
  if (/^https?:\/\//i.test(value)) {
    if (!value.toLowerCase().startsWith(`${base.toLowerCase()}/`)) return undefined;
    value = value.slice(base.length + 1).split(/[?#]/)[0]!;
    value = value.split("/-/")[0]!;
  }
  value = value.replace(/\.git$/, "").replace(/^\/+|\/+$/g, "");
  return PROJECT_PATH.test(value) ? value : undefined;
}

/** Whether a project path lies inside one of the allowed namespaces (all are allowed when none is set). */
export function isInAllowedNamespace(path: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const lower = path.toLowerCase();
  return allowed.some((namespace) => lower.startsWith(`${namespace.toLowerCase().replace(/\/+$/, "")}/`));
}
