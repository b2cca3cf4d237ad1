/**
 * Reactions on messages as conversations.replies and conversations.history return them: a `reactions`
 * array of `{ name, users, count }` on each message someone reacted to, from the seeded reactions and
 * those added through reactions.add.
 */
import type { Reaction, SlackMessage } from "./slack-state.js";

export interface SeededReaction {
  name: string;
  users: string[];
}

export function withReactions(
  messages: SlackMessage[],
  channel: string,
  added: readonly Reaction[],
): SlackMessage[] {
  return messages.map((message) => {
    const byName = new Map<string, string[]>();
    for (const seeded of (message.reactions as SeededReaction[] | undefined) ?? []) {
      byName.set(seeded.name, [...seeded.users]);
    }
    for (const reaction of added) {
      if (reaction.channel !== channel || reaction.ts !== message.ts) continue;
      const users = byName.get(reaction.name) ?? [];
      if (!users.includes(reaction.user)) users.push(reaction.user);
      byName.set(reaction.name, users);
    }
    if (byName.size === 0) return message;
    return {
      ...message,
      reactions: [...byName].map(([name, users]) => ({ name, users, count: users.length })),
    };
  });
}
