/**
 * Finds what GitLab would turn into notifications or cross-references in stored Markdown:
 * `@username` of a known user, `@all`, `#12` / `group/project#12` of an existing issue, and links to
 * existing issues. Code (fenced blocks and inline spans) and backslash-escaped characters are inert,
 * and HTML character references are decoded first because GitLab matches on rendered text.
 */
import type { FakeProject, GitLabState, MentionRecord } from "./gitlab-state.js";

export type FoundReference = Pick<MentionRecord, "kind" | "ref">;

const FENCED = /^(```|~~~)[^\n]*\n[\s\S]*?(?:\n\1[^\n]*$|(?![\s\S]))/gm;
const INLINE_CODE = /(`+)[\s\S]*?\1/g;
const USER_REF = /(?<![\w\\/`@])@([A-Za-z0-9_][A-Za-z0-9_.-]*)/g;
const ISSUE_REF = /(?<![\w\\&/])(?:([A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)+))?#(\d+)\b/g;

export function findReferences(
  state: GitLabState,
  project: FakeProject,
  text: string,
  origin: string,
): FoundReference[] {
  const visible = decodeCharacterReferences(text.replace(FENCED, "").replace(INLINE_CODE, ""));
  return [
    ...userRefs(state, visible),
    ...issueRefs(state, project, visible),
    ...issueLinks(state, visible, origin),
  ];
}

function userRefs(state: GitLabState, text: string): FoundReference[] {
  const found: FoundReference[] = [];
  for (const match of text.matchAll(USER_REF)) {
    const name = match[1]!.replace(/[.-]+$/, "");
    if (name.toLowerCase() === "all") found.push({ kind: "all", ref: "@all" });
    else if (state.userByName(name)) found.push({ kind: "user", ref: `@${name}` });
  }
  return found;
}

function issueRefs(state: GitLabState, project: FakeProject, text: string): FoundReference[] {
  const found: FoundReference[] = [];
  for (const match of text.matchAll(ISSUE_REF)) {
    const target = match[1] ? state.findProject(match[1]) : project;
    if (target && state.findIssue(target.id, Number(match[2]))) found.push({ kind: "issue", ref: match[0] });
  }
  return found;
}

function issueLinks(state: GitLabState, text: string, origin: string): FoundReference[] {
  const escaped = origin.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`${escaped}/([A-Za-z0-9_.\\-/]+?)/-/issues/(\\d+)`, "g");
  const found: FoundReference[] = [];
  for (const match of text.matchAll(pattern)) {
    const target = state.findProject(match[1]!);
    if (target && state.findIssue(target.id, Number(match[2]))) found.push({ kind: "issue", ref: match[0] });
  }
  return found;
}

const NAMED: Record<string, string> = { num: "#", commat: "@", amp: "&", sol: "/" };

function decodeCharacterReferences(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X"))
      return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(Number(body.slice(1)));
    return NAMED[body.toLowerCase()] ?? whole;
  });
}
