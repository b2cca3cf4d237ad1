import { describe, expect, it } from "vitest";
import { splitSentences } from "../../../src/summarize/offline/split-sentences.js";

describe("splitSentences", () => {
  it("splits at line breaks and after . ! ? … followed by a space", () => {
    expect(splitSentences("Rollback done. Why did it fail? No idea!\nnext line… more")).toEqual([
      "Rollback done.",
      "Why did it fail?",
      "No idea!",
      "next line…",
      "more",
    ]);
  });

  it("keeps versions, decimals and common abbreviations whole", () => {
    expect(splitSentences("Roll back to v2.14.3 now, e.g. via the CLI. It took 1.5 s.")).toEqual([
      "Roll back to v2.14.3 now, e.g. via the CLI.",
      "It took 1.5 s.",
    ]);
  });

  it("drops fragments without letters or digits", () => {
    expect(splitSentences("ok. !!! ... \n\n - ")).toEqual(["ok."]);
  });
});
