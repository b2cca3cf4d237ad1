import { describe, expect, it } from "vitest";
import { matchesIssueSearch } from "./gitlab-issue-search.js";
import type { StoredIssue } from "./gitlab-state.js";

const issue = {
  title: "Checkout fails for EU cards",
  description: "Exporting threads works.\n\n<!-- threadport:thread T1/C1/1700000000.000100 -->\n<b>bold</b>",
} as StoredIssue;
const both = ["title", "description"];

describe("the fake GitLab's issue search, as GitLab runs it", () => {
  it("matches every Latin term as a word prefix in the title or description", () => {
    expect(matchesIssueSearch(issue, "checkout", both)).toBe(true);
    expect(matchesIssueSearch(issue, "Check EU export", both)).toBe(true);
    expect(matchesIssueSearch(issue, "checkout refunds", both)).toBe(false);
    expect(matchesIssueSearch(issue, "heckout", both)).toBe(false);
    expect(matchesIssueSearch(issue, "checkout", ["description"])).toBe(false);
  });

  it("never finds text inside HTML comments or tags, which PostgreSQL's parser does not index", () => {
    expect(matchesIssueSearch(issue, "threadport", both)).toBe(false);
    expect(matchesIssueSearch(issue, "threadport:thread T1/C1/1700000000.000100", both)).toBe(false);
    expect(matchesIssueSearch(issue, "bold", both)).toBe(true);
  });

  it("lets a purely numeric term match anything, as GitLab's tsquery does", () => {
    expect(matchesIssueSearch(issue, "checkout 12345", both)).toBe(true);
  });

  it("falls back to substring matching for other scripts", () => {
    const japanese = { ...issue, title: "決済が失敗する", description: "詳細 <!-- 秘密 -->" } as StoredIssue;
    expect(matchesIssueSearch(japanese, "決済が失敗", both)).toBe(true);
    expect(matchesIssueSearch(japanese, "秘密です", both)).toBe(false);
  });
});
