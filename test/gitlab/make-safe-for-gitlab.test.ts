import { describe, expect, it } from "vitest";
import { findUnsafeLines, makeSafeForGitLab as safe } from "../../src/gitlab/make-safe-for-gitlab.js";
import { mrkdwnToMarkdown } from "../../src/slack/mrkdwn-to-markdown.js";

const hostile = [
  "/close",
  "/assign @x",
  "/label ~y",
  "/confidential",
  "  /move x",
  "\t/reopen",
  "> /close",
  "- /close",
  "1. /close",
  "\uFEFF/close",
  "/shrug",
];

describe("makeSafeForGitLab quick actions", () => {
  it.each(hostile)("escapes the slash of %j", (line) => {
    const result = safe(line);
    expect(result).toContain("\\/");
    expect(findUnsafeLines(result)).toEqual([]);
  });

  it("neutralises a whole message of quick actions", () => {
    const message = "please\n/close\n/assign @x\n/label ~y\n/confidential\n  /move x";
    expect(safe(message)).toBe(
      "please\n\\/close\n\\/assign `@x`\n\\/label `~y`\n\\/confidential\n  \\/move x",
    );
  });

  it("leaves a slash in the middle of a line alone", () => {
    expect(safe("use and/or /close later")).toBe("use and/or /close later");
  });

  it("treats a lone carriage return as a line break, as GitLab may", () => {
    expect(safe("ok\r/close")).toBe("ok\n\\/close");
  });

  it("does not let a line start with a slash after a leading code span is removed", () => {
    expect(safe("\\@x/close")).toBe("`@x/close`");
  });
});

describe("makeSafeForGitLab fenced code", () => {
  it("leaves everything inside a fenced block untouched", () => {
    const text = "```\n/close @all #1 <b>\n```\n/close";
    expect(safe(text)).toBe("```\n/close @all #1 <b>\n```\n\\/close");
  });

  it("leaves tilde fences untouched", () => {
    expect(safe("~~~\n/close\n~~~")).toBe("~~~\n/close\n~~~");
  });

  it("moves an indented opening fence to column 0 so GitLab cannot nest it in a list", () => {
    expect(safe("- item\n   ```\n/close\n   ```")).toBe("- item\n```\n/close\n   ```");
  });

  it("does not trust a fence indented four spaces", () => {
    expect(safe("    ```\n/close")).toBe("    \\`\\`\\`\n\\/close");
  });

  it("closes a fence left open so it cannot swallow what follows", () => {
    expect(safe("```js\nconst a = 1;")).toBe("```js\nconst a = 1;\n```");
  });

  it("does not take a fence inside a quote for a top-level fence", () => {
    expect(safe("> ```\n/close\n```")).toBe("> \\`\\`\\`\n\\/close\n```\n```");
  });

  it("only closes a fence with the same character and at least as many", () => {
    expect(safe("````\n```\n/close\n````\n/close")).toBe("````\n```\n/close\n````\n\\/close");
  });
});

describe("makeSafeForGitLab inline code", () => {
  it("leaves code spans untouched", () => {
    expect(safe("run `@all #1 <b>` and ``a ` @b``")).toBe("run `@all #1 <b>` and ``a ` @b``");
  });

  it("escapes a stray backtick so it cannot pair with one we add", () => {
    expect(safe("stray ` @c")).toBe("stray \\` `@c`");
  });

  it("keeps our code span apart from a neighbouring one", () => {
    expect(safe("``x``@all")).toBe("``x`` `@all`");
  });
});

describe("makeSafeForGitLab mentions", () => {
  it.each([
    ["@all", "`@all`"],
    ["@here and @channel", "`@here` and `@channel`"],
    ["ping @bob.smith.", "ping `@bob.smith`."],
    ["@group/subgroup", "`@group/subgroup`"],
    ["**@all**", "**`@all`**"],
    ["_a_@all", "_a_`@all`"],
    ["\\@all", "`@all`"],
    ["`x`@all", "`x` `@all`"],
    ["&#64;all", "&amp;`#64`;all"],
    ["&commat;all", "&amp;commat;all"],
  ])("neutralises %j", (input, expected) => {
    expect(safe(input)).toBe(expected);
  });

  it.each(["mail a@b.com", "first.last@example.org", "git@gitlab.com:group/project.git", "lone @ sign"])(
    "keeps %j readable",
    (input) => {
      expect(safe(input)).toBe(input);
    },
  );
});

describe("makeSafeForGitLab references", () => {
  it.each([
    ["#1", "`#1`"],
    ["see #123.", "see `#123`."],
    ["!45", "`!45`"],
    ["&12", "`&12`"],
    ["&amp;12", "`&12`"],
    ["$7", "`$7`"],
    ["$1.50", "`$1.50`"],
    ["%12", "`%12`"],
    ['%"Release 1"', '`%"Release 1"`'],
    ["%v1.0", "`%v1.0`"],
    ["~label", "`~label`"],
    ['~"multi word"', '`~"multi word"`'],
    ["group/project#7", "`group/project#7`"],
    ["group/sub/project!7", "`group/sub/project!7`"],
    ["project#7", "`project#7`"],
    ["C#7", "`C#7`"],
    ["\\#1", "`#1`"],
    ["\\\\#1", "\\\\`#1`"],
    ["#1#2", "`#1#2`"],
  ])("wraps %j in a code span", (input, expected) => {
    expect(safe(input)).toBe(expected);
  });

  it.each([
    "C# and F#",
    "100% done",
    "50 % off",
    "~~strike~~",
    "https://x.y/page#123",
    "<https://x.y/a#1>",
    "[docs](https://x.y/#5)",
    "(https://x.y/issues/1#note_2)",
    "## Summary",
    "a ~ b",
    "cost: $ 5",
  ])("keeps %j intact", (input) => {
    expect(safe(input)).toBe(input);
  });

  it("scans a URL glued to a word, which GitLab may not link", () => {
    expect(safe("xhttps://x.y/#1")).toBe("xhttps:`//x.y/#1`");
  });

  it("does not trust a www address, which GitLab may not link", () => {
    expect(safe("www.x.y/#1")).toBe("`www.x.y/#1`");
  });

  it("stops a URL at emphasis, which GitLab may end the link at", () => {
    expect(safe("*https://x.y*@all")).toBe("*https://x.y*`@all`");
  });
});

describe("makeSafeForGitLab raw HTML", () => {
  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["</details>", "&lt;/details&gt;"],
    ["<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"],
    ["<details><summary>x</summary>", "&lt;details&gt;&lt;summary&gt;x&lt;/summary&gt;"],
    ["a -> b", "a -&gt; b"],
    ["x\\<b>", "x&lt;b&gt;"],
    ["&copy; &#169;", "&amp;copy; &amp;`#169`;"],
  ])("neutralises %j", (input, expected) => {
    expect(safe(input)).toBe(expected);
  });

  it.each(["<https://x.y/a>", "<mailto:a@b.com>", "&lt;b&gt; &amp; R&D", "> quoted", ">> nested"])(
    "keeps %j as it is",
    (input) => {
      expect(safe(input)).toBe(input);
    },
  );

  it("neutralises GitLab's >>> multi-line quote, which would change how fences read", () => {
    expect(safe(">>>\n```\n>>>\n/close\n```")).toBe("&gt;&gt;&gt;\n```\n>>>\n/close\n```");
  });

  it("neutralises front matter at the start", () => {
    expect(safe("---\ntitle: x\n---\n/close")).toBe("\\---\ntitle: x\n---\n\\/close");
  });
});

describe("makeSafeForGitLab is idempotent", () => {
  const corpus = [
    ...hostile,
    "@all #1 !2 &3 $4 %5 ~6 g/p#7 <b> &#64;x",
    "stray ` and ``x``@y and \\`#1",
    "```\nunclosed /close",
    "*https://x*@all _a_@all ~x~<div>",
    "\\\\\\@all \\<https://x> \\&copy;",
    "%\\&#35;* ~a)",
    ">>> x\n---\n<pre>\n",
  ];
  it.each(corpus)("changes %j no further on a second pass", (input) => {
    const once = safe(input);
    expect(safe(once)).toBe(once);
    expect(findUnsafeLines(once)).toEqual([]);
  });
});

describe("findUnsafeLines", () => {
  it("reports lines that would start a quick action", () => {
    expect(findUnsafeLines("ok\n/close\n  /assign @x\n> /label ~y")).toEqual([
      "/close",
      "  /assign @x",
      "> /label ~y",
    ]);
  });

  it("ignores lines inside fenced code", () => {
    expect(findUnsafeLines("```\n/usr/bin/env\n```")).toEqual([]);
  });

  it("reports a line after a fence is closed", () => {
    expect(findUnsafeLines("```\ncode\n```\n/close")).toEqual(["/close"]);
  });

  it("reports a line that an HTML block without a blank line pushes out of a fence", () => {
    expect(findUnsafeLines("<details>\n```\ncode\n\n/close\n```")).toEqual(["/close"]);
  });

  it("reports a line that a fence indented under a list item does not protect", () => {
    expect(findUnsafeLines(" ```\ncode\n```\n/close\n```")).toEqual(["/close"]);
  });

  it("returns nothing for ordinary text", () => {
    expect(findUnsafeLines("hello\nworld")).toEqual([]);
  });
});

describe("makeSafeForGitLab with converted Slack messages", () => {
  const lookup = { userName: () => "All", channelName: () => undefined };
  it.each([
    "/close\n/assign <@U1>\n&gt; /label ~y",
    "&lt;/details&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
    "<!here> <!channel> #1 !2 group/project#3 @all",
    "```/close``` then\n/reopen",
  ])("leaves no quick action, ping or HTML in %j", (text) => {
    const result = safe(mrkdwnToMarkdown(text, lookup).markdown);
    expect(findUnsafeLines(result)).toEqual([]);
    expect(result).not.toMatch(/(?<![`\w])@(?:all|here|channel)\b(?!`)/);
    expect(result).not.toMatch(/<(?!https?:)/);
  });
});

describe("makeSafeForGitLab on large input", () => {
  it("handles a 10,000-line message quickly", () => {
    const text = "/close @all #1 <b> https://x.y/#2\n".repeat(10_000);
    const started = performance.now();
    const result = safe(text);
    expect(findUnsafeLines(result)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it.each([
    ["less-than signs", "<".repeat(50_000)],
    ["at signs", "@".repeat(50_000)],
    ["mentions", "@a.".repeat(16_700)],
    ["references", "#1".repeat(25_000)],
    ["a long project path", `${"a/".repeat(25_000)}#`],
    ["unclosed quoted labels", '~"'.repeat(25_000)],
    ["backslashes", "\\".repeat(50_000)],
    ["backtick runs", "` `` ``` ".repeat(5_600)],
    ["URL starts", "https://".repeat(6_250)],
    ["entity starts", "&#".repeat(25_000)],
    ["fences", "```\n".repeat(12_500)],
    ["HTML lines", "<div>\n".repeat(8_400)],
  ])("handles 50,000 characters of %s in well under a second", (_, text) => {
    const started = performance.now();
    findUnsafeLines(safe(text));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
