import { describe, expect, it } from "vitest";
import { cleanMarkdown } from "../../../src/summarize/offline/clean-markdown.js";

describe("cleanMarkdown", () => {
  it("keeps mentions as @Name and lists them once", () => {
    expect(cleanMarkdown("`@Dan Cho` can you ask `@Dan Cho` and `@Ana`?")).toEqual({
      text: "@Dan Cho can you ask @Dan Cho and @Ana?",
      mentions: ["Dan Cho", "Ana"],
    });
  });

  it("removes fenced code and URLs, keeps link text, inline code and emphasised words", () => {
    const markdown =
      "See [the doc](https://x.example/doc) and https://y.example/z\n```\nrm -rf /\n```\n**Bump** `proxy_read_timeout` _now_";
    expect(cleanMarkdown(markdown).text).toBe("See the doc and\nBump proxy_read_timeout now");
  });

  it("keeps only name-like inline code for titles", () => {
    expect(cleanMarkdown("Fix `logs-3` with `kubectl delete pod --all`", { inlineCode: "names" }).text).toBe(
      "Fix logs-3 with",
    );
  });

  it("drops quote markers and bullets, and normalises apostrophes", () => {
    expect(cleanMarkdown("> quoted\n- first item\n2) second’s item").text).toBe(
      "quoted\nfirst item\nsecond's item",
    );
  });
});
