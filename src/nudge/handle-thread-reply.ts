/**
 * The hot path: runs for every plain reply in every thread the bot can see. It reads a few rows and writes
 * one (the thread's state), and calls nothing else unless a nudge falls due; the nudge itself is posted
 * outside, by `deliver`.
 */
import type { ThreadLink } from "../store/store.js";
import type { Log } from "../util/logger.js";
import type { ChannelSettingsReader } from "./channel-settings.js";
import type { IsChannelLinked } from "./is-channel-linked.js";
import { effectiveNudgeSettings, type NudgeDefaults } from "./nudge-settings.js";
import type { NudgeStore } from "./ports.js";
import {
  advanceThreadState,
  type DueNudge,
  isNewReply,
  isSettled,
  markNudged,
  type ThreadReply,
} from "./thread-state.js";

export interface ThreadReplyDeps {
  store: Pick<NudgeStore, "getNudgeThread" | "saveNudgeThread" | "getThreadLink">;
  /** The channel's switch and thresholds (cached: see channel-settings.ts). */
  channelSettings: ChannelSettingsReader;
  defaults: NudgeDefaults;
  isChannelLinked: IsChannelLinked;
  /** Posts nudges that fell due; must not block (it runs Slack calls). */
  deliver(reply: ThreadReply, due: DueNudge[], link: ThreadLink | undefined): void;
  log: Log;
}

/** Compare-and-set retries when other replies of the same thread are handled at the same moment. */
const MAX_ATTEMPTS = 3;

/** Updates the thread's state for one reply; returns the nudges handed to `deliver` (usually none). */
export async function handleThreadReply(reply: ThreadReply, deps: ThreadReplyDeps): Promise<DueNudge[]> {
  const { store } = deps;
  const { teamId, channelId, threadTs } = reply;
  // One round of reads (parallel on a networked database); only a lost compare-and-set reads again.
  const readThread = () =>
    Promise.all([
      store.getNudgeThread(teamId, channelId, threadTs),
      store.getThreadLink(teamId, channelId, threadTs),
    ]);
  const [{ enabled, thresholds }, [firstState, firstLink]] = await Promise.all([
    deps.channelSettings(teamId, channelId),
    readThread(),
  ]);
  const settings = effectiveNudgeSettings(deps.defaults, enabled, thresholds);
  if (!settings.enabled) return [];

  let [previous, link] = [firstState, firstLink];
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    if (attempt > 1) [previous, link] = await readThread();
    // A redelivered event, or one that arrived after a newer reply: already counted, or too late to count.
    if (!isNewReply(previous, reply.ts) || isSettled(previous)) return [];
    const { state, due } = advanceThreadState(previous, reply, { settings, link });
    const firing = await deliverable(due, reply, deps);
    const kinds = firing.map((nudge) => nudge.kind);
    if (!(await store.saveNudgeThread(markNudged(state, kinds), previous?.lastTs))) continue;
    if (firing.length > 0) {
      deps.log.info({ channel: channelId, threadTs, nudges: kinds }, "nudge due");
      deps.deliver(reply, firing, link);
    }
    return firing;
  }
  deps.log.warn({ channel: channelId, threadTs }, "thread state kept changing; reply not counted");
  return [];
}

/** "Take this async" only where exports have a project to go to; it stays due until the channel has one. */
async function deliverable(due: DueNudge[], reply: ThreadReply, deps: ThreadReplyDeps): Promise<DueNudge[]> {
  if (!due.some((nudge) => nudge.kind === "take_async")) return due;
  const linked = await deps.isChannelLinked(reply.teamId, reply.channelId);
  return linked ? due : due.filter((nudge) => nudge.kind !== "take_async");
}
