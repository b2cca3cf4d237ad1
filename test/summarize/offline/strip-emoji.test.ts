import { describe, expect, it } from "vitest";
import { hasConfirmingEmoji, isOnlyEmoji, stripEmoji } from "../../../src/summarize/offline/strip-emoji.js";

describe("stripEmoji", () => {
  it("removes Unicode emoji with modifiers and Slack short codes, but not clock times", () => {
    expect(stripEmoji("ship 👍🏽 it :tada: at 10:00:00 👨‍👩‍👧", "")).toBe("ship  it  at 10:00:00 ");
  });

  it("tells emoji-only messages apart", () => {
    expect(isOnlyEmoji("👍 :+1:")).toBe(true);
    expect(isOnlyEmoji("👍 yes")).toBe(false);
    expect(isOnlyEmoji("")).toBe(false);
  });

  it("recognises agreeing emoji only", () => {
    expect(["👍", "✅", ":white_check_mark:", ":+1::skin-tone-3:", "👌"].map(hasConfirmingEmoji)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(["👀", "🙏", ":tada:", "🎉"].map(hasConfirmingEmoji)).toEqual([false, false, false, false]);
  });
});
