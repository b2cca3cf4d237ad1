/** Text safe inside Slack mrkdwn: `&`, `<` and `>` escaped, so it cannot mention, link or format anything. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
