/**
 * What the nudges need from the outside world. The nudge core owns these interfaces; store/ and slack/
 * implement them, and start-threadport.ts wires them in.
 */
import type { ThreadLink } from "../store/store.js";
import type { SlotPerson } from "./find-call-slot.js";
import type { NudgeMessage } from "./nudge-message.js";
import type { ChannelNudgeThresholds } from "./nudge-settings.js";
import type { NudgeThreadState } from "./thread-state.js";

export interface NudgeStore {
  /** The channel's on/off switch (`/async nudges on|off`); undefined when nobody set it. */
  getNudgesEnabled(teamId: string, channelId: string): Promise<boolean | undefined>;
  /** The channel's own thresholds; undefined when it has none. */
  getNudgeThresholds(teamId: string, channelId: string): Promise<ChannelNudgeThresholds | undefined>;
  getNudgeThread(teamId: string, channelId: string, threadTs: string): Promise<NudgeThreadState | undefined>;
  /**
   * Saves the state only if the stored one still has `expectedLastTs` (undefined: there is none yet), so two
   * replies handled at once (or by two replicas) cannot both post a nudge. False when the other one won.
   */
  saveNudgeThread(state: NudgeThreadState, expectedLastTs: string | undefined): Promise<boolean>;
  getThreadLink(teamId: string, channelId: string, threadTs: string): Promise<ThreadLink | undefined>;
}

export interface NudgePoster {
  /** Posts a reply in the thread, visible to everyone. */
  postInThread(channelId: string, threadTs: string, message: NudgeMessage): Promise<void>;
}

export interface PeopleDirectory {
  /** A Slack user's name and time zone (cached); unknown users come back with their id as name. */
  person(teamId: string, userId: string): Promise<SlotPerson>;
}
