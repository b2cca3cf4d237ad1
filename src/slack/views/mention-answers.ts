/** What threadport answers, only to the person, when a mention of it asks for something it cannot do. */
import { MENTION_USAGE } from "../parse-mention-command.js";

export function mentionHelpText(reaction: string): string {
  return [
    `I can file this thread as a GitLab issue: say ${MENTION_USAGE} in the thread.`,
    `You can also react with :${reaction}: to a message, or use \`/async help\` for everything else.`,
  ].join("\n");
}
