/** Reads a Slack message link (message menu → Copy link) into its channel and message ts. */

export interface MessageLink {
  channelId: string;
  messageTs: string;
  /** Present when the link points to a reply in a thread. */
  threadTs?: string;
}

const ARCHIVES =
  /^https:\/\/[a-z0-9-]+(?:\.enterprise)?\.slack(?:-gov)?\.com\/archives\/([CDG][A-Z0-9_]+)\/p(\d{10})(\d{6})(?:[/?#]|$)/i;

export function parseMessageLink(text: string): MessageLink | undefined {
  // Slack wraps pasted links as <url> or <url|label> in command text.
  const url = text.trim().replace(/^<([^>|]+)(\|[^>]*)?>$/, "$1");
  const match = ARCHIVES.exec(url);
  if (!match) return undefined;
  const link: MessageLink = { channelId: match[1]!.toUpperCase(), messageTs: `${match[2]}.${match[3]}` };
  try {
    const threadTs = new URL(url).searchParams.get("thread_ts");
    if (threadTs && /^\d{10}\.\d{6}$/.test(threadTs)) link.threadTs = threadTs;
  } catch {
    // The pattern matched, so the URL parses; nothing else to read.
  }
  return link;
}
