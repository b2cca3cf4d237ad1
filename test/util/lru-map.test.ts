import { describe, expect, it } from "vitest";
import { LruMap } from "../../src/util/lru-map.js";

describe("LruMap", () => {
  it("forgets the least recently used entry past its capacity", () => {
    const map = new LruMap<string, number>(2);
    map.set("a", 1);
    map.set("b", 2);
    expect(map.get("a")).toBe(1); // a is now the most recent
    map.set("c", 3);
    expect(map.has("b")).toBe(false);
    expect([map.get("a"), map.get("c"), map.size]).toEqual([1, 3, 2]);
  });

  it("holds null as a value, told apart from a missing key", () => {
    const map = new LruMap<string, number | null>(4);
    map.set("absent", null);
    expect(map.has("absent")).toBe(true);
    expect(map.get("absent")).toBeNull();
    expect(map.has("unknown")).toBe(false);
  });

  it("replaces a value without growing, and deletes", () => {
    const map = new LruMap<string, number>(4);
    map.set("a", 1);
    map.set("a", 2);
    expect([map.get("a"), map.size]).toEqual([2, 1]);
    map.delete("a");
    expect(map.has("a")).toBe(false);
  });
});
