/**
 * The `search` of GET /projects/:id/issues as GitLab runs it (IssuableFinder#by_search):
 * - a query of Latin characters goes to PostgreSQL full-text search (PgFullTextSearchable, dictionary
 *   "english") over title and description: characters other than letters, digits, space and `.@/-"` become
 *   spaces, every term matches as a word prefix (`term:*`), all terms must match, and a purely numeric term
 *   matches everything (`(1:* | -1:*)`, gitlab-org/gitlab#375337). PostgreSQL's parser reads HTML
 *   (`<tag …>`, and a whole `<!-- … -->` comment) as "tag" tokens, which the english configuration does not
 *   index: text inside an HTML comment can never be found.
 * - any other query is a fuzzy ILIKE search: each term of 3+ characters is a substring of the title, or each
 *   is a substring of the description.
 * Stemming is approximated by prefix matching.
 */
import type { StoredIssue } from "./gitlab-state.js";

// biome-ignore lint/suspicious/noControlCharactersInRegex: GitLab's own range starts at U+0000
const FULL_TEXT_QUERY = /^[\u0000-\u02FF\u1E00-\u1EFF\u2070-\u218F]*$/;
const HTML_TOKENS = /<!--[\s\S]*?-->|<\/?[a-zA-Z][^<>]*>/g;

export function matchesIssueSearch(issue: StoredIssue, search: string, searchIn: string[]): boolean {
  const fields = [
    searchIn.includes("title") ? issue.title : "",
    searchIn.includes("description") ? (issue.description ?? "") : "",
  ];
  return FULL_TEXT_QUERY.test(search) ? fullTextMatch(fields.join("\n"), search) : fuzzyMatch(fields, search);
}

function fullTextMatch(text: string, search: string): boolean {
  const words = text
    .replace(HTML_TOKENS, " ")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const terms = search
    .replace(/[^a-zA-Z0-9 .@/\-"]/g, " ")
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
  return terms.every((term) => {
    if (/^\d+$/.test(term)) return true;
    // A term with punctuation (a path, a host, a version) is split the way the parser splits the text.
    const parts = term.split(/[^a-z0-9]+/).filter(Boolean);
    return parts.every((part) => words.some((word) => word.startsWith(part)));
  });
}

function fuzzyMatch(fields: string[], search: string): boolean {
  const terms = search
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term.length >= 3);
  const query = search.trim().toLowerCase();
  return fields.some((field) => {
    const text = field.toLowerCase();
    return terms.length > 0 ? terms.every((term) => text.includes(term)) : text === query;
  });
}
