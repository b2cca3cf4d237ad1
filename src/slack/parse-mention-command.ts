/**
 * Reads what someone asked when they mentioned the bot (`@threadport file this as Fix the login bug`).
 * Anything it does not understand becomes a help answer, never an exception or silence.
 */

export type MentionCommand = { kind: "export"; title?: string } | { kind: "help" };

/** What the help answer offers; kept here so the parser and the answer cannot drift apart. */
export const MENTION_USAGE = "`@threadport file this` or `@threadport file this as <title>`";

/** The verbs that ask for an export, with an optional "this"/"thread"/"this thread" after them. */
const EXPORT_REQUEST =
  /^(?:please\s+)?(?:file|export)\b(?:\s+(?:this\s+thread|this|thread|it)\b)?(?<rest>[\s\S]*)$/i;
/** Punctuation and politeness after the request ("file this, please!"). */
const NOTHING_MORE = /^[\s.,!]*(?:please)?[\s.!]*$/i;
/** What may introduce a title after the request: "as", ":", "—", "-". */
const TITLE_INTRO = /^(?:\s+as\b|\s*[:—–-])\s*/i;

/**
 * Parses the text of an `app_mention` event. `botUserId` is the bot's own user id: the request is what
 * follows its mention (or, when nothing follows it, what precedes it: "file this @threadport").
 */
export function parseMentionCommand(text: string, botUserId: string): MentionCommand {
  const request = requestText(text, botUserId);
  const match = EXPORT_REQUEST.exec(request);
  if (!match) return { kind: "help" };
  const rest = match.groups!.rest!;
  if (NOTHING_MORE.test(rest)) return { kind: "export" };
  const intro = TITLE_INTRO.exec(rest);
  // "file thisplease" or "export everything": not a request we know; explain rather than guess.
  if (!intro) return { kind: "help" };
  const title = unquote(plainText(rest.slice(intro[0].length)));
  return title ? { kind: "export", title } : { kind: "export" };
}

function requestText(text: string, botUserId: string): string {
  const mention = new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`, "g");
  const parts = text.split(mention);
  const after = parts.slice(1).join(" ");
  const chosen = parts.length === 1 ? text : after.trim() !== "" ? after : parts[0]!;
  return chosen.replace(/\s+/g, " ").trim();
}

/** Slack mrkdwn to the plain words a title needs: links keep their label, entities are unescaped. */
function plainText(mrkdwn: string): string {
  return mrkdwn
    .replace(/<([^<>|]*)\|([^<>]*)>/g, "$2")
    .replace(/<([^<>]*)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

function unquote(title: string): string {
  const quoted = /^(["'“‘])([\s\S]*)(["'”’])$/.exec(title);
  return (quoted ? quoted[2]! : title).trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
