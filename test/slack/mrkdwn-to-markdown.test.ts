import { describe, expect, it } from "vitest";
import type { MentionLookup } from "../../src/export/thread-types.js";
import { mrkdwnToMarkdown } from "../../src/slack/mrkdwn-to-markdown.js";

const users: Record<string, string> = { U1: "Alice Smith", U2: "Bob", U3: "Ti`ck" };
const channels: Record<string, string> = { C1: "general" };
const lookup: MentionLookup = { userName: (id) => users[id], channelName: (id) => channels[id] };

const md = (text: string) => mrkdwnToMarkdown(text, lookup).markdown;
const links = (text: string) => mrkdwnToMarkdown(text, lookup).links;

describe("mrkdwnToMarkdown mentions", () => {
  it.each([
    ["a user by the name the lookup gives", "hi <@U1>", "hi `@Alice Smith`"],
    ["a user by the label when the lookup does not know them", "<@U9|carol>", "`@carol`"],
    ["a user by the id when there is neither name nor label", "<@U9>", "`@U9`"],
    ["a user whose name holds a backtick with a longer fence", "<@U3>", "``@Ti`ck``"],
    ["a channel by the name the lookup gives", "in <#C1>", "in `#general`"],
    ["a channel by its label", "<#C7|random>", "`#random`"],
    ["a channel by its id", "<#C7>", "`#C7`"],
    ["a user group by its handle", "<!subteam^S1|@devs>", "`@devs`"],
    ["a user group without a handle by its id", "<!subteam^S1>", "`@S1`"],
    ["@here", "<!here>", "`@here`"],
    ["@channel", "<!channel>", "`@channel`"],
    ["@everyone with a label", "<!everyone|everyone>", "`@everyone`"],
  ])("renders %s", (_, input, expected) => {
    expect(md(input)).toBe(expected);
  });

  it("keeps two mentions side by side apart so they stay two code spans", () => {
    expect(md("<@U3><@U2>")).toBe("``@Ti`ck`` `@Bob`");
  });

  it("renders a date by its fallback text", () => {
    expect(md("<!date^1392734382^{date_num}|Feb 18, 2014> ok")).toBe("Feb 18, 2014 ok");
  });

  it("renders a date without fallback as an ISO time", () => {
    expect(md("<!date^1392734382^{date_num}>")).toBe("2014-02-18T14:39:42.000Z");
  });
});

describe("mrkdwnToMarkdown links", () => {
  it("turns a labelled link into a Markdown link", () => {
    expect(md("see <https://x.y/a|the docs>")).toBe("see [the docs](https://x.y/a)");
  });

  it("turns a bare link into an autolink", () => {
    expect(md("<https://x.y/a#b>")).toBe("<https://x.y/a#b>");
  });

  it("turns a mailto link into a link that shows the address", () => {
    expect(md("<mailto:a@b.com|a@b.com>")).toBe("[a@b.com](mailto:a@b.com)");
  });

  it("unescapes &amp; inside a URL", () => {
    expect(md("<https://x.y/?a=1&amp;b=2>")).toBe("<https://x.y/?a=1&b=2>");
  });

  it("escapes brackets in a label and encodes parentheses in the URL", () => {
    expect(md("<https://en.wikipedia.org/wiki/A_(b)|[wiki]>")).toBe(
      "[\\[wiki\\]](https://en.wikipedia.org/wiki/A_%28b%29)",
    );
  });

  it("lists every http(s) URL once, in order of appearance", () => {
    const text =
      "<https://b.example|b> <https://a.example> <https://b.example> <mailto:x@y.z> <http://c.example>";
    expect(links(text)).toEqual(["https://b.example", "https://a.example", "http://c.example"]);
  });

  it("lists URLs found inside code blocks too", () => {
    expect(links("```curl <https://api.example/v1>```")).toEqual(["https://api.example/v1"]);
  });

  it("returns no links for a message without any", () => {
    expect(links("just words")).toEqual([]);
  });
});

describe("mrkdwnToMarkdown formatting", () => {
  it.each([
    ["bold", "*bold*", "**bold**"],
    ["italic", "_italic_", "_italic_"],
    ["strike", "~gone~", "~~gone~~"],
    ["bold around italic", "*_both_*", "**_both_**"],
    ["bold next to punctuation", "(*yes*).", "(**yes**)."],
    ["bold around a mention", "*ask <@U2> now*", "**ask `@Bob` now**"],
    ["markers inside a word as text", "a*b*c", "a\\*b\\*c"],
    ["underscores in identifiers as text", "snake_case_name", "snake\\_case\\_name"],
    ["a marker followed by a space as text", "5 * 3 * 2", "5 \\* 3 \\* 2"],
    ["an unclosed marker as text", "*not closed", "\\*not closed"],
    ["markdown-looking link syntax as text", "[x](y)", "\\[x\\](y)"],
    ["backslashes as text", "C:\\temp", "C:\\\\temp"],
  ])("renders %s", (_, input, expected) => {
    expect(md(input)).toBe(expected);
  });

  it("does not let bold run across lines", () => {
    expect(md("*one\ntwo*")).toBe("\\*one\\\ntwo\\*");
  });

  it("keeps inline code and does not format inside it", () => {
    expect(md("run `*not bold* _x_`")).toBe("run `*not bold* _x_`");
  });

  it("renders mentions inside inline code as plain names", () => {
    expect(md("`cc <@U1>`")).toBe("`cc @Alice Smith`");
  });

  it("keeps emoji shortcodes as they are", () => {
    expect(md("done :tada: :white_check_mark: :+1::skin-tone-2:")).toBe(
      "done :tada: :white_check_mark: :+1::skin-tone-2:",
    );
  });
});

describe("mrkdwnToMarkdown entities", () => {
  it("unescapes &lt; and &gt; into text after parsing tokens", () => {
    expect(md("&lt;script&gt;alert(1)&lt;/script&gt;")).toBe("<script>alert(1)</script>");
  });

  it("does not read an escaped token as a mention", () => {
    expect(md("&lt;@U1&gt;")).toBe("<@U1>");
  });

  it("unescapes &amp; once only", () => {
    expect(md("R&amp;D &amp;amp;")).toBe("R&D &amp;");
  });

  it("ignores private-use characters that could pose as internal placeholders", () => {
    expect(md("a\uE0000\uE001b <@U2>")).toBe("a0b `@Bob`");
  });
});

describe("mrkdwnToMarkdown code blocks", () => {
  it("keeps a multi-line block as a fenced block", () => {
    expect(md("```\nconst a = 1;\nconst b = 2;\n```")).toBe("```\nconst a = 1;\nconst b = 2;\n```");
  });

  it("moves a one-line block and the text around it onto their own lines", () => {
    expect(md("run ```npm test``` now")).toBe("run\n```\nnpm test\n```\nnow");
  });

  it("puts content that follows the opening fence on its own line", () => {
    expect(md("```first\nsecond```")).toBe("```\nfirst\nsecond\n```");
  });

  it("unescapes entities and renders tokens as plain text inside a block", () => {
    expect(md("```if (a &lt; b) ping(<@U1>, <https://x.y|x>)```")).toBe(
      "```\nif (a < b) ping(@Alice Smith, x)\n```",
    );
  });

  it("does not convert formatting markers inside a block", () => {
    expect(md("```*a* _b_ ~c~```")).toBe("```\n*a* _b_ ~c~\n```");
  });

  it("keeps backticks inside a block", () => {
    expect(md("```echo `` hi```")).toBe("```\necho `` hi\n```");
  });

  it("leaves six backticks without content as text", () => {
    expect(md("``````")).toBe("\\`\\`\\`\\`\\`\\`");
  });
});

describe("mrkdwnToMarkdown lines, quotes and lists", () => {
  it("keeps each line of a paragraph with a backslash hard break", () => {
    expect(md("line one\nline two\nline three")).toBe("line one\\\nline two\\\nline three");
  });

  it("keeps a blank line between paragraphs and collapses repeated blank lines", () => {
    expect(md("one\n\n\n\ntwo")).toBe("one\n\ntwo");
  });

  it("drops leading and trailing blank lines", () => {
    expect(md("\n\nhello\n\n")).toBe("hello");
  });

  it("keeps quote lines together and separates the text after them", () => {
    expect(md("&gt; quoted\n&gt; more\nnot quoted")).toBe("> quoted\\\n> more\n\nnot quoted");
  });

  it("keeps an empty quote line inside a quote", () => {
    expect(md("&gt; a\n&gt;\n&gt; b")).toBe("> a\n>\n> b");
  });

  it("quotes every line after >>>", () => {
    expect(md("&gt;&gt;&gt; all\nof this")).toBe("> all\\\n> of this");
  });

  it("turns Slack bullets into Markdown list items", () => {
    expect(md("• one\n• two\n- three\n* four")).toBe("- one\n- two\n- three\n- four");
  });

  it("nests a hollow bullet under the item before it", () => {
    expect(md("• one\n    ◦ nested\n• two")).toBe("- one\n    - nested\n- two");
  });

  it("does not nest the first item of a list", () => {
    expect(md("    ◦ alone")).toBe("- alone");
  });

  it("keeps numbered items", () => {
    expect(md("1. first\n2. second")).toBe("1. first\n2. second");
  });

  it("separates a list from the text before and after it", () => {
    expect(md("intro\n• item\noutro")).toBe("intro\n\n- item\n\noutro");
  });

  it("keeps a list inside a quote", () => {
    expect(md("&gt; • a\n&gt; • b")).toBe("> - a\n> - b");
  });

  it.each([
    ["a heading", "# not a heading", "\\# not a heading"],
    ["a rule", "---", "\\---"],
    ["a setext underline", "title\n===", "title\\\n\\==="],
    ["a plus bullet", "+ one", "\\+ one"],
    ["a lone ordered marker", "2)", "2\\)"],
    ["a quote marker after a quote", "&gt; &gt; x", "> \\> x"],
  ])("escapes %s that Slack shows as text", (_, input, expected) => {
    expect(md(input)).toBe(expected);
  });
});

describe("mrkdwnToMarkdown on large input", () => {
  it("converts a 10,000-line message quickly", () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `line ${i} *b* _i_ <@U1> <https://x.y/${i}>`).join(
      "\n",
    );
    const started = performance.now();
    const result = mrkdwnToMarkdown(text, lookup);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.markdown.split("\n")).toHaveLength(10_000);
    expect(result.links).toHaveLength(10_000);
  });

  it.each([
    ["open bold markers", "*a ".repeat(17_000)],
    ["backticks", "`".repeat(50_000)],
    ["mixed backtick runs", "` `` ``` ".repeat(5_600)],
    ["unclosed tokens", "<@U1".repeat(12_500)],
    ["fences", "```a".repeat(12_500)],
    ["quote markers", "&gt;".repeat(12_500)],
  ])("handles 50,000 characters of %s in well under a second", (_, text) => {
    const started = performance.now();
    mrkdwnToMarkdown(text, lookup);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
