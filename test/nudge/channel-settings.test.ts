import { describe, expect, it } from "vitest";
import { type ChannelSettings, cacheChannelSettings } from "../../src/nudge/channel-settings.js";

function counting(answer: () => Promise<ChannelSettings>) {
  const reads: string[] = [];
  return {
    reads,
    read: (teamId: string, channelId: string) => {
      reads.push(`${teamId}/${channelId}`);
      return answer();
    },
  };
}

describe("cached channel settings", () => {
  it("reads each channel once per ttl, and again after it", async () => {
    let time = 0;
    const store = counting(async () => ({ enabled: false }));
    const settings = cacheChannelSettings(store.read, { ttlMs: 5000, now: () => time });
    expect(await settings("T1", "C1")).toEqual({ enabled: false });
    await settings("T1", "C1");
    await settings("T1", "C2");
    time += 4999;
    await settings("T1", "C1");
    expect(store.reads).toEqual(["T1/C1", "T1/C2"]);
    time += 1;
    await settings("T1", "C1");
    expect(store.reads).toEqual(["T1/C1", "T1/C2", "T1/C1"]);
  });

  it("shares one read between replies that arrive together", async () => {
    const store = counting(() => new Promise((resolve) => setTimeout(() => resolve({}), 5)));
    const settings = cacheChannelSettings(store.read, { ttlMs: 5000, now: () => 0 });
    await Promise.all([settings("T1", "C1"), settings("T1", "C1"), settings("T1", "C1")]);
    expect(store.reads).toHaveLength(1);
  });

  it("does not remember a failed read", async () => {
    let fail = true;
    const store = counting(async () => {
      if (fail) throw new Error("database is locked");
      return { enabled: true };
    });
    const settings = cacheChannelSettings(store.read, { ttlMs: 5000, now: () => 0 });
    await expect(settings("T1", "C1")).rejects.toThrow("locked");
    fail = false;
    expect(await settings("T1", "C1")).toEqual({ enabled: true });
  });

  it("keeps at most maxChannels channels", async () => {
    const store = counting(async () => ({}));
    const settings = cacheChannelSettings(store.read, { ttlMs: 5000, now: () => 0, maxChannels: 2 });
    for (const channel of ["C1", "C2", "C3", "C1"]) await settings("T1", channel);
    expect(store.reads).toEqual(["T1/C1", "T1/C2", "T1/C3", "T1/C1"]);
  });
});
