/**
 * A whole world on this machine: fake Slack and GitLab servers, and the real bot process between them.
 * Used by the end-to-end tests, the demo and the benchmark.
 */
import { randomUUID } from "node:crypto";
import { type FakeGitLab, startFakeGitLab } from "../fakes/fake-gitlab.js";
import { type FakeSlack, type FakeSlackOptions, startFakeSlack } from "../fakes/fake-slack.js";
import { eventEnvelope, postSignedToBot, reactionAddedEvent, type SignedResponse } from "./slack-signing.js";
import { type RunningBot, type StartBotOptions, startBot } from "./start-bot.js";

export const PROJECT = { id: 42, path: "acme/web" };
export const GITLAB_BOT_USER = { id: 9, username: "threadport-bot", name: "threadport" };
export const GITLAB_TOKEN = "glpat-test-token-000000000";

export interface World {
  slack: FakeSlack;
  gitlab: FakeGitLab;
  bot: RunningBot;
  /** Sends a signed reaction_added event; returns the bot's HTTP answer. */
  react(channel: string, ts: string, options?: ReactOptions): Promise<SignedResponse>;
  /** Waits until the bot has written n thread replies and ephemerals in all (its visible answers). */
  waitForAnswers(count: number, timeoutMs?: number): Promise<void>;
  answers(): number;
  close(): Promise<void>;
}

export interface ReactOptions {
  user?: string;
  reaction?: string;
  eventId?: string;
  retryNum?: number;
}

export interface WorldOptions {
  slack?: FakeSlackOptions;
  bot?: Partial<StartBotOptions>;
  /** Called after the fakes exist and before the bot starts (seed users, channels, projects). */
  seed?: (slack: FakeSlack, gitlab: FakeGitLab) => void;
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const slack = await startFakeSlack(options.slack);
  const gitlab = await startFakeGitLab();
  gitlab.addUser(GITLAB_BOT_USER);
  gitlab.addToken(GITLAB_TOKEN, GITLAB_BOT_USER.id);
  gitlab.addProject({
    id: PROJECT.id,
    path_with_namespace: PROJECT.path,
    members: { [GITLAB_BOT_USER.id]: 20 },
  });
  options.seed?.(slack, gitlab);
  let bot: RunningBot;
  try {
    bot = await startBot({ slackUrl: slack.url, gitlabUrl: gitlab.url, ...options.bot });
  } catch (error) {
    await Promise.all([slack.close(), gitlab.close()]);
    throw error;
  }
  const answers = () => slack.postedMessages().length + slack.ephemerals().length;
  return {
    slack,
    gitlab,
    bot,
    answers,
    async react(channel, ts, reactOptions = {}) {
      const event = reactionAddedEvent({
        user: reactOptions.user ?? "U_ALICE",
        reaction: reactOptions.reaction ?? "memo",
        channel,
        ts,
        itemUser: "U_ALICE",
      });
      const body = JSON.stringify(
        eventEnvelope(event, { eventId: reactOptions.eventId ?? `Ev${randomUUID()}` }),
      );
      return postSignedToBot(bot.url, bot.signingSecret, body, { retryNum: reactOptions.retryNum });
    },
    async waitForAnswers(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (answers() < count) {
        if (Date.now() > deadline) {
          throw new Error(
            `expected ${count} answers from the bot, saw ${answers()}\n${bot.output().slice(-4000)}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      await bot.stop();
      await Promise.all([slack.close(), gitlab.close()]);
    },
  };
}
