import { describe, expect, it } from "vitest";
import { titleProblems } from "../../src/summarize/title-problems.js";

describe("titleProblems", () => {
  it.each([
    "Retry policy for GitLab rate limits",
    "Is package server working?",
    "What's the difference between tags and releases?",
    "Builder tester_linux64 fails on arm64",
    "How do I pin `numpy` below 2.0?",
    "Upgrade the runners to Node 20 (LTS)",
    "Which version should we upgrade to?",
    "Where is the staging config?",
    "Fall back to plan A",
    "Hello World example fails to compile",
    "Wie konfiguriere ich den Proxy?",
    "`pip install` hangs behind the corporate proxy",
    "If the cache is cold, builds take 40 minutes",
  ])("passes a complete, specific title: %s", (title) => {
    expect(titleProblems(title)).toEqual([]);
  });

  it.each([
    ["What's the difference between", 'ends on the connector word "between"'],
    ["Do we have anything to do with the images at", 'ends on the connector word "at"'],
    ["Moving the nightly build to", 'ends on the connector word "to"'],
    ["What should I", 'ends on the connector word "i"'],
    ["Is this about the?", 'ends on the connector word "the"'],
    ["Failing test in the parser:", 'ends with a dangling ":"'],
    ["Errors after the upgrade,", 'ends with a dangling ","'],
    ["Flaky tests (", 'ends with a dangling "("'],
    [
      "If I have a docstring for my function f in package A",
      "is a subordinate clause without its main clause",
    ],
    ["Builder tester_linux64 on …", "is cut off (ends with an ellipsis)"],
    ["Why does the installer stop...", "is cut off (ends with an ellipsis)"],
    ["Is package server working?\\", "holds a backslash (an escape shown raw)"],
    ["Builder tester\\_linux64 fails", "holds a backslash (an escape shown raw)"],
    ["Pin the version (below 2.0 for now", "has unbalanced parentheses"],
    ["Docs are wrong) about caching", "has unbalanced parentheses"],
    ["Config key [cache.dir is ignored", "has unbalanced square brackets"],
    ["Running `make install on macOS", "has an unpaired backtick"],
    ["Hi all, quick one about pip caching", "starts with a greeting"],
    ["Hey folks", "starts with a greeting"],
    ["Hello everyone! Builds fail on Windows", "starts with a greeting"],
    ["Hi Bob, can you check the arm64 runner", "starts with a greeting"],
    ["```npm ci``` fails on the runners", "holds a code fence"],
    ["See <https://example.com/docs|the docs> for caching", "holds Slack link markup"],
    ["[The docs](https://example.com) are out of date", "holds a Markdown link"],
    ["Build fails with &lt;missing header&gt;", "holds an HTML entity"],
    ["**Urgent** staging database is down", "holds Markdown emphasis markers"],
    ["Another bonus question", "names no subject (fewer than two content words)"],
    ["Did anyone have this problem", "names no subject (fewer than two content words)"],
    ["Kubernetes", "names no subject (fewer than two content words)"],
    ["", "is empty"],
  ])("finds what is wrong with %j", (title, problem) => {
    expect(titleProblems(title)).toContain(problem);
  });

  it("allows 80 characters and no more", () => {
    const fits = `Upgrade ${"x".repeat(61)} to Node 20`;
    expect(fits).toHaveLength(80);
    expect(titleProblems(fits)).toEqual([]);
    expect(titleProblems(`${fits}!`)).toEqual(["is longer than 80 characters (81)"]);
  });

  it("counts characters, not UTF-16 units", () => {
    const title = `Ship the 🚀 launch notes for ${"v".repeat(46)} today`;
    expect([...title]).toHaveLength(80);
    expect(title.length).toBe(81);
    expect(titleProblems(title)).toEqual([]);
  });

  it("reads brackets inside code spans as code", () => {
    expect(titleProblems("Why does `foo(` crash the parser?")).toEqual([]);
  });

  it("lists every problem a title has", () => {
    expect(titleProblems("Hi all, about the\\")).toEqual([
      "holds a backslash (an escape shown raw)",
      "starts with a greeting",
      "names no subject (fewer than two content words)",
    ]);
  });
});
