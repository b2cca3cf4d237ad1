/**
 * A channel's nudge switch and thresholds, as the hot path reads them for every reply. They change rarely
 * (`/async nudges on|off`), so the cached reader asks the store at most once per channel every few seconds.
 */
import type { ChannelNudgeThresholds } from "./nudge-settings.js";
import type { NudgeStore } from "./ports.js";

export interface ChannelSettings {
  /** undefined: nobody set it, the configuration applies. */
  enabled?: boolean;
  thresholds?: ChannelNudgeThresholds;
}

export type ChannelSettingsReader = (teamId: string, channelId: string) => Promise<ChannelSettings>;

/** Reads both settings from the store, every time. */
export function readChannelSettings(
  store: Pick<NudgeStore, "getNudgesEnabled" | "getNudgeThresholds">,
): ChannelSettingsReader {
  return async (teamId, channelId) => {
    const [enabled, thresholds] = await Promise.all([
      store.getNudgesEnabled(teamId, channelId),
      store.getNudgeThresholds(teamId, channelId),
    ]);
    return { enabled, thresholds };
  };
}

export interface SettingsCacheOptions {
  /** How long a read answers for its channel; a change in the store applies within this time. */
  ttlMs: number;
  now: () => number;
  /** Channels kept; the least recently read go first. */
  maxChannels?: number;
}

/** Wraps a reader so that concurrent and repeated reads for one channel share one store read. */
export function cacheChannelSettings(
  read: ChannelSettingsReader,
  options: SettingsCacheOptions,
): ChannelSettingsReader {
  const max = options.maxChannels ?? 10_000;
  const cache = new Map<string, { readAt: number; value: Promise<ChannelSettings> }>();
  return (teamId, channelId) => {
    const key = `${teamId}\u0000${channelId}`;
    const now = options.now();
    const hit = cache.get(key);
    if (hit && now - hit.readAt < options.ttlMs) return hit.value;
    const value = read(teamId, channelId);
    cache.delete(key);
    cache.set(key, { readAt: now, value });
    // A failed read is not remembered: the next reply asks again.
    value.catch(() => {
      if (cache.get(key)?.value === value) cache.delete(key);
    });
    if (cache.size > max) cache.delete(cache.keys().next().value!);
    return value;
  };
}
