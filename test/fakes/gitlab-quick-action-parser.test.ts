import { describe, expect, it } from "vitest";
import { extractQuickActions } from "./gitlab-quick-action-parser.js";

describe("extractQuickActions", () => {
  it("runs commands at the start of paragraph lines, any case, and removes their lines", () => {
    const result = extractQuickActions('Intro\n/CLOSE\n/label ~bug ~"needs review"\nOutro');
    expect(result.actions).toEqual([{ command: "close" }, { command: "label", arg: '~bug ~"needs review"' }]);
    expect(result.text).toBe("Intro\nOutro");
  });

  it("swallows one blank line after a command paragraph, as GitLab does", () => {
    expect(extractQuickActions("/close\n\nText").text).toBe("Text");
  });

  it("ignores commands in fenced code, HTML blocks and >>> quotes", () => {
    const text =
      "~~~\n/close\n~~~\n\n<details>\n/close\n</details>\n\n>>>\n/close\n>>>\n\n```js\n/close\n```";
    expect(extractQuickActions(text)).toEqual({ text, actions: [] });
  });

  it("ignores commands covered by an inline code span in the same paragraph", () => {
    const text = "use `this\n/close\nthat` please";
    expect(extractQuickActions(text).actions).toEqual([]);
  });

  it("still runs a command after an unmatched backtick or a paragraph break", () => {
    expect(extractQuickActions("a ` b\n/close").actions).toEqual([{ command: "close" }]);
    expect(extractQuickActions("`a\n\n/close\nb`").actions).toEqual([{ command: "close" }]);
  });

  it("runs a command that Markdown could read as a lazy quote continuation, to be safe", () => {
    expect(extractQuickActions("> quoted\n/close").actions).toEqual([{ command: "close" }]);
  });

  it("leaves unknown commands, indented lines and quoted lines alone", () => {
    const text = "/closed\n /close\n> /close\n- /close\n/shipit now";
    expect(extractQuickActions(text)).toEqual({ text, actions: [] });
  });
});
