import { describe, expect, it } from "vitest";
import { decodeMetadata, encodeMetadata } from "../../../src/slack/views/modal-metadata.js";

describe("modal metadata", () => {
  it("comes back as it was encoded", () => {
    const meta = { t: "T1", c: "C1", m: "1.000200", th: "1.000100", p: "acme/web", k: "im" as const, r: 2 };
    expect(decodeMetadata(encodeMetadata(meta))).toStrictEqual(meta);
  });

  it("keeps only the keys it knows", () => {
    expect(decodeMetadata(JSON.stringify({ t: "T1", c: "C1", x: "other app's" }))).toStrictEqual({
      t: "T1",
      c: "C1",
    });
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["not JSON", "{t:"],
    ["an array", "[]"],
    ["null", "null"],
    ["without team", JSON.stringify({ c: "C1" })],
    ["with an empty channel", JSON.stringify({ t: "T1", c: "" })],
    ["with a number for a string", JSON.stringify({ t: "T1", c: "C1", m: 5 })],
    ["with an unknown conversation kind", JSON.stringify({ t: "T1", c: "C1", k: "huddle" })],
    ["with a negative revision", JSON.stringify({ t: "T1", c: "C1", r: -1 })],
    ["with a fractional revision", JSON.stringify({ t: "T1", c: "C1", r: 1.5 })],
  ])("is refused when %s", (_, text) => {
    expect(decodeMetadata(text)).toBeUndefined();
  });

  it("refuses to encode more than Slack keeps", () => {
    expect(() => encodeMetadata({ t: "T1", c: "C1", p: "x".repeat(3_000) })).toThrow(/Slack allows 3000/);
  });
});
