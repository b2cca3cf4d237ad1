/** Builds objects in the shapes the Slack Web API returns (user, conversation, bot profile, permalink). */
import { DateTime } from "luxon";
import type { FakeChannel, FakeSlackUserInput } from "./slack-state.js";

export interface WorkspaceInfo {
  teamId: string;
  domain: string;
  botId: string;
  botUserId: string;
  appId: string;
  botName: string;
  /** Epoch seconds used for "created"/"updated" fields. */
  epoch: number;
}

/** Slack fills in America/Los_Angeles for people who never picked a zone. */
const SLACK_DEFAULT_TZ = "America/Los_Angeles";

/** tz, tz_label and tz_offset as Slack shows them at the given instant (DST-aware). */
export function timeZoneFields(tz: string, at: Date): { tz: string; tz_label: string; tz_offset: number } {
  const zoned = DateTime.fromJSDate(at, { zone: tz });
  if (!zoned.isValid) throw new Error(`fake Slack: unknown IANA time zone ${tz}`);
  const label =
    new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "long" })
      .formatToParts(at)
      .find((part) => part.type === "timeZoneName")?.value ?? tz;
  return { tz, tz_label: label, tz_offset: zoned.offset * 60 };
}

export function userObject(user: FakeSlackUserInput, info: WorkspaceInfo, at: Date): Record<string, unknown> {
  const realName = user.real_name ?? user.name;
  const displayName = user.display_name ?? "";
  const [firstName = "", ...rest] = realName.split(" ");
  const profile: Record<string, unknown> = {
    title: "",
    phone: "",
    skype: "",
    real_name: realName,
    real_name_normalized: realName,
    display_name: displayName,
    display_name_normalized: displayName,
    fields: null,
    status_text: "",
    status_emoji: "",
    status_emoji_display_info: [],
    status_expiration: 0,
    avatar_hash: "g1a2b3c4d5e6",
    first_name: firstName,
    last_name: rest.join(" "),
    image_24: `https://secure.gravatar.com/avatar/${user.id}.jpg?s=24`,
    image_48: `https://secure.gravatar.com/avatar/${user.id}.jpg?s=48`,
    image_72: `https://secure.gravatar.com/avatar/${user.id}.jpg?s=72`,
    team: info.teamId,
  };
  if (user.is_bot) Object.assign(profile, { bot_id: `B${user.id.slice(1)}`, always_active: false });
  const base: Record<string, unknown> = {
    id: user.id,
    team_id: info.teamId,
    name: user.name,
    deleted: user.deleted ?? false,
    color: "9f69e7",
    real_name: realName,
  };
  // Deactivated accounts come back trimmed: no zone, no role flags.
  if (user.deleted)
    return { ...base, profile, is_bot: user.is_bot ?? false, is_app_user: false, updated: info.epoch };
  const tz = user.tz === null ? undefined : (user.tz ?? SLACK_DEFAULT_TZ);
  return {
    ...base,
    ...(tz ? timeZoneFields(tz, at) : {}),
    profile,
    is_admin: false,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: user.is_bot ?? false,
    is_app_user: false,
    updated: info.epoch,
    is_email_confirmed: !user.is_bot,
    who_can_share_contact_card: "EVERYONE",
  };
}

export function conversationObject(channel: FakeChannel, info: WorkspaceInfo): Record<string, unknown> {
  if (channel.kind === "im") {
    return {
      id: channel.id,
      created: channel.created,
      is_archived: false,
      is_im: true,
      is_org_shared: false,
      context_team_id: info.teamId,
      updated: channel.created * 1000,
      user: channel.user ?? channel.name,
      is_user_deleted: false,
      priority: 0,
    };
  }
  const isPrivate = channel.kind !== "public";
  return {
    id: channel.id,
    name: channel.name,
    is_channel: channel.kind !== "mpim",
    is_group: false,
    is_im: false,
    is_mpim: channel.kind === "mpim",
    is_private: isPrivate,
    created: channel.created,
    is_archived: false,
    is_general: false,
    unlinked: 0,
    name_normalized: channel.name,
    is_shared: false,
    is_org_shared: false,
    is_pending_ext_shared: false,
    pending_shared: [],
    context_team_id: info.teamId,
    updated: channel.created * 1000,
    parent_conversation: null,
    creator: "U0000000001",
    is_ext_shared: false,
    shared_team_ids: [info.teamId],
    pending_connected_team_ids: [],
    is_member: channel.botIsMember,
    topic: { value: "", creator: "", last_set: 0 },
    purpose: { value: "", creator: "", last_set: 0 },
    previous_names: [],
  };
}

export function botProfile(info: WorkspaceInfo): Record<string, unknown> {
  return {
    id: info.botId,
    deleted: false,
    name: info.botName,
    updated: info.epoch,
    app_id: info.appId,
    icons: {
      image_36: "https://a.slack-edge.com/80588/img/plugins/app/bot_36.png",
      image_48: "https://a.slack-edge.com/80588/img/plugins/app/bot_48.png",
      image_72: "https://a.slack-edge.com/80588/img/plugins/app/service_72.png",
    },
    team_id: info.teamId,
  };
}

/** https://acme.slack.com/archives/C123/p1732550400000100, plus thread_ts and cid for replies. */
export function permalink(info: WorkspaceInfo, channel: string, ts: string, threadTs?: string): string {
  const base = `https://${info.domain}.slack.com/archives/${channel}/p${ts.replace(".", "")}`;
  return threadTs && threadTs !== ts ? `${base}?thread_ts=${threadTs}&cid=${channel}` : base;
}
