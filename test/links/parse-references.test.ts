import { describe, expect, it } from "vitest";
import { parseIssueUrl } from "../../src/links/parse-issue-url.js";
import { isInAllowedNamespace, parseProjectReference } from "../../src/links/parse-project-reference.js";

const GITLAB = "https://gitlab.example.com";

describe("parseProjectReference", () => {
  it.each([
    ["acme/web", "acme/web"],
    ["  acme/sub/web  ", "acme/sub/web"],
    ["42", "42"],
    [`${GITLAB}/acme/web`, "acme/web"],
    [`${GITLAB}/acme/web/`, "acme/web"],
    [`${GITLAB}/acme/web.git`, "acme/web"],
    [`${GITLAB}/acme/web/-/issues/3`, "acme/web"],
    [`<${GITLAB}/acme/web|acme/web>`, "acme/web"],
    [`<${GITLAB}/acme/web>`, "acme/web"],
  ])("reads %j as %j", (text, expected) => {
    expect(parseProjectReference(text, GITLAB)).toBe(expected);
  });

  it.each(["web", "not a path", "https://gitlab.com/acme/web", "acme/web; rm -rf", "", "acme//web"])(
    "refuses %j",
    (text) => {
      expect(parseProjectReference(text, GITLAB)).toBeUndefined();
    },
  );
});

describe("isInAllowedNamespace", () => {
  it("allows everything when no namespace is configured", () => {
    expect(isInAllowedNamespace("anyone/anything", [])).toBe(true);
  });

  it("allows projects in a namespace and its subgroups, case-insensitively, and nothing that only starts alike", () => {
    expect(isInAllowedNamespace("acme/web", ["acme"])).toBe(true);
    expect(isInAllowedNamespace("ACME/sub/web", ["acme"])).toBe(true);
    expect(isInAllowedNamespace("acme-labs/web", ["acme"])).toBe(false);
    expect(isInAllowedNamespace("acme/sub/web", ["acme/sub"])).toBe(true);
    expect(isInAllowedNamespace("acme/web", ["acme/sub"])).toBe(false);
  });
});

describe("parseIssueUrl", () => {
  it.each([
    [`${GITLAB}/acme/web/-/issues/12`, { projectPath: "acme/web", iid: 12 }],
    [`${GITLAB}/acme/sub/web/-/issues/12#note_5`, { projectPath: "acme/sub/web", iid: 12 }],
    [`${GITLAB}/acme/web/issues/7`, { projectPath: "acme/web", iid: 7 }],
    [`${GITLAB}/acme/web/-/issues/7?x=1`, { projectPath: "acme/web", iid: 7 }],
  ])("reads %s", (url, expected) => {
    expect(parseIssueUrl(url, GITLAB)).toEqual(expected);
  });

  it("works under a relative URL root", () => {
    expect(
      parseIssueUrl("https://example.com/gitlab/acme/web/-/issues/3", "https://example.com/gitlab"),
    ).toEqual({
      projectPath: "acme/web",
      iid: 3,
    });
    expect(
      parseIssueUrl("https://example.com/acme/web/-/issues/3", "https://example.com/gitlab"),
    ).toBeUndefined();
  });

  it.each([
    "https://gitlab.com/acme/web/-/issues/12",
    `${GITLAB}/acme/web/-/merge_requests/12`,
    `${GITLAB}/acme/web/-/issues`,
    `${GITLAB}/acme/web/-/issues/abc`,
    "not a url",
  ])("ignores %s", (url) => {
    expect(parseIssueUrl(url, GITLAB)).toBeUndefined();
  });
});
