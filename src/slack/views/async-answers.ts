/** The ephemeral answers of `/async`: help, usage problems, status, link, unlink, nudges, export. */
import type { types } from "@slack/bolt";
import type { ChannelLink, RecentExport } from "../../store/store.js";
import { USAGE } from "../commands/parse-async-command.js";
import { context, escapeMrkdwn, fitLines, mrkdwnLink, section, truncate } from "./block-kit.js";

export interface Answer {
  /** Notification and fallback text. */
  text: string;
  blocks: types.KnownBlock[];
}

function answer(text: string, ...more: types.KnownBlock[]): Answer {
  return { text, blocks: [section(text), ...more] };
}

export function helpAnswer(unknownWord?: string): Answer {
  const intro = unknownWord
    ? `I don't know \`${escapeMrkdwn(truncate(unknownWord, 40))}\`. Here is what \`/async\` does:`
    : "*`/async` moves work out of Slack and into GitLab:*";
  const lines = [
    intro,
    `• ${USAGE.issue} — open a GitLab issue from this channel (title prefilled; add the latest messages if you like).`,
    `• ${USAGE.link} — link this channel to a GitLab project: its exports go there.`,
    `• ${USAGE.unlink} — remove this channel's link.`,
    `• ${USAGE.status} — this channel's project, nudge setting and latest exports.`,
    `• ${USAGE.export} — export the thread of that message.`,
    `• ${USAGE.nudges} — turn "take this async" nudges on or off in this channel.`,
    `• ${USAGE.updates} — post GitLab comments and issue changes back to this channel's threads (on by default).`,
    `• ${USAGE.help} — this help.`,
  ];
  return answer(
    lines.join("\n"),
    context("You can also react with :memo: to a message, or use *Send thread to GitLab* in its menu (⋮)."),
  );
}

export function usageAnswer(usage: string, problem: string): Answer {
  return answer(`:warning: ${problem}\nUsage: ${usage}`);
}

export interface StatusInput {
  channelId: string;
  link?: ChannelLink;
  defaultProject?: string;
  /** undefined: never set in this channel (the default applies). */
  nudges?: boolean;
  /** The default for channels that never set it; default true. */
  nudgesOnByDefault?: boolean;
  exports: RecentExport[];
  gitlabUrl: string;
}

export function statusAnswer(input: StatusInput): Answer {
  const projectLink = (path: string) => mrkdwnLink(`${input.gitlabUrl}/${path}`, path);
  const project = input.link
    ? `Linked to ${projectLink(input.link.projectPath)} by <@${input.link.linkedBy}>.`
    : input.defaultProject
      ? `Not linked: exports go to the default project ${projectLink(input.defaultProject)}. Link one with ${USAGE.link}.`
      : `Not linked, and there is no default project: link one with ${USAGE.link}.`;
  const byDefault = input.nudgesOnByDefault === false ? "off (default)" : "on (default)";
  const nudges = input.nudges === undefined ? byDefault : input.nudges ? "on" : "off";
  const exports = input.exports.map(
    (e) =>
      `• ${mrkdwnLink(e.issueUrl, `${e.projectPath}#${e.issueIid}`)} ${escapeMrkdwn(truncate(e.issueTitle, 120))}`,
  );
  const text = [
    `*This channel* (<#${input.channelId}>)`,
    `*Project:* ${project}`,
    `*Nudges:* ${nudges}`,
    `*Latest exports:*${exports.length > 0 ? "" : " none yet."}`,
  ].join("\n");
  const blocks = [section(text)];
  if (exports.length > 0) blocks.push(section(fitLines(exports)));
  return { text: `This channel: ${input.link?.projectPath ?? "not linked"}`, blocks };
}

export function linkedAnswer(
  link: ChannelLink,
  previous: ChannelLink | undefined,
  gitlabUrl: string,
): Answer {
  const project = mrkdwnLink(`${gitlabUrl}/${link.projectPath}`, link.projectPath);
  const before =
    previous && previous.projectPath !== link.projectPath
      ? ` (it was linked to \`${escapeMrkdwn(previous.projectPath)}\`)`
      : "";
  return answer(
    `:link: <#${link.channelId}> is now linked to ${project}${before}. Threads exported from here become issues there.`,
  );
}

export function linkRefusedAnswer(problem: string): Answer {
  return answer(`:warning: I didn't link this channel: ${problem}`);
}

export function unlinkedAnswer(
  previous: ChannelLink | undefined,
  defaultProject: string | undefined,
): Answer {
  if (!previous) return answer("This channel was not linked to a project; nothing changed.");
  const after = defaultProject
    ? `Exports from here now go to the default project \`${escapeMrkdwn(defaultProject)}\`.`
    : "Exports from here will ask for a project first.";
  return answer(
    `:broken_chain: Unlinked this channel from \`${escapeMrkdwn(previous.projectPath)}\`. ${after}`,
  );
}

export function nudgesAnswer(enabled: boolean): Answer {
  return enabled
    ? answer(
        ":bell: Nudges are on in this channel: I'll suggest moving long threads to GitLab, or a quick call.",
      )
    : answer(":no_bell: Nudges are off in this channel. Turn them back on with `/async nudges on`.");
}

export function exportStartedAnswer(projectLabel: string): Answer {
  return answer(
    `:hourglass_flowing_sand: Exporting that thread to ${projectLabel}… I'll reply in the thread.`,
  );
}

export function exportRefusedAnswer(reason: string): Answer {
  return answer(`:warning: I didn't export that thread: ${reason}`);
}
