import { describe, expect, it } from "vitest";
import { gitlabMarkdownToMrkdwn, shortenMrkdwn } from "../../src/post-back/gitlab-markdown-to-mrkdwn.js";

describe("GitLab Markdown to Slack mrkdwn", () => {
  it.each([
    ["**bold** and __bold__", "*bold* and *bold*"],
    ["*italic* and _italic_", "_italic_ and _italic_"],
    ["~~gone~~", "~gone~"],
    ["see [docs](https://x.example/a?b=1&c=2)", "see <https://x.example/a?b=1&amp;c=2|docs>"],
    ["![screen](https://x.example/s.png)", "<https://x.example/s.png|screen>"],
    ["[local](/uploads/a.png)", "local"],
    ["<https://x.example>", "<https://x.example>"],
    ["`a **b** <c>`", "`a **b** &lt;c&gt;`"],
    ["# Title", "*Title*"],
    ["- one\n  - two\n* three", "• one\n    • two\n• three"],
    ["- [x] done\n- [ ] todo", "• ☑ done\n• ☐ todo"],
    ["1. first\n2. second", "1. first\n2. second"],
    ["> quoted", ">quoted"],
    ["<!here> <@U123> a & b", "&lt;!here&gt; &lt;@U123&gt; a &amp; b"],
    ["text <!-- threadport:job x --> end", "text  end"],
    ["2 * 3 * 4", "2 * 3 * 4"],
  ])("%j → %j", (markdown, mrkdwn) => {
    expect(gitlabMarkdownToMrkdwn(markdown)).toBe(mrkdwn);
  });

  it("keeps fenced code verbatim, without its language, escaped", () => {
    expect(gitlabMarkdownToMrkdwn("before\n```ts\nif (a < b && **c**) {}\n```\nafter")).toBe(
      "before\n```\nif (a &lt; b &amp;&amp; **c**) {}\n```\nafter",
    );
  });

  it("shortens a long comment at a line, closes an open fence and links to the rest", () => {
    const long = `${"line of text\n".repeat(10)}\`\`\`\n${"code\n".repeat(50)}\`\`\``;
    const short = shortenMrkdwn(gitlabMarkdownToMrkdwn(long), 200, "https://gitlab.example.com/a#note_1");
    expect(short.length).toBeLessThan(280);
    expect(short).toMatchSnapshot();
    expect((short.match(/```/g) ?? []).length % 2).toBe(0);
  });

  it("leaves a short comment as it is", () => {
    expect(shortenMrkdwn("short", 200, "https://x")).toBe("short");
  });
});
