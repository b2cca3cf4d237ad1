/** Realistic people and conversations to seed the fake Slack with. */
import type { FakeSlack } from "../fakes/fake-slack.js";

export const PEOPLE = [
  { id: "U_ALICE", name: "alice", real_name: "Alice Martin", display_name: "Alice", tz: "Europe/Berlin" },
  { id: "U_BOB", name: "bob", real_name: "Bob Okafor", display_name: "Bob", tz: "America/New_York" },
  { id: "U_PRIYA", name: "priya", real_name: "Priya Raman", display_name: "Priya", tz: "Asia/Kolkata" },
  { id: "U_NOTZ", name: "sam", real_name: "Sam Doe", display_name: "", tz: null },
] as const;

export const CHANNELS = {
  public: { id: "C_DESIGN", name: "design-review", kind: "public" as const },
  private: { id: "G_SECRET", name: "incident-war-room", kind: "private" as const },
  outside: { id: "C_OUTSIDE", name: "random", kind: "public" as const, botIsMember: false },
};

export function seedPeopleAndChannels(slack: FakeSlack): void {
  for (const person of PEOPLE) slack.addUser({ ...person });
  for (const channel of Object.values(CHANNELS)) slack.addChannel(channel);
}

/** A design discussion with a decision, a code block, a mention, a link, a file and an edit. Returns the parent ts. */
export function seedDesignReview(slack: FakeSlack, channel: string = CHANNELS.public.id): string {
  const parent = slack.post(channel, {
    user: "U_ALICE",
    text: "Should the export retry on GitLab 429s, or give up and tell the user? Context: <https://docs.gitlab.com/ee/user/gitlab_com/#gitlab-com-specific-rate-limits|GitLab.com rate limits>",
  });
  // Replies a few minutes apart, as people type.
  const minutes = [3, 4, 2, 6, 1, 12];
  const reply = (user: string, text: string, extra: Record<string, unknown> = {}) => {
    slack.advance((minutes.shift() ?? 1) * 60);
    return slack.post(channel, { user, text, thread_ts: parent, ...extra });
  };
  reply(
    "U_BOB",
    "Retry, but honour `Retry-After`. gitbeaker ignores it, so we'd wrap the client:\n```const wait = retryAfter ?? backoff(attempt);\nawait sleep(wait);```",
  );
  reply(
    "U_PRIYA",
    "<@U_BOB> how many attempts? I don't want a stuck export holding a Slack thread for 10 minutes.",
    {
      edited: true,
    },
  );
  reply("U_BOB", "4 attempts, capped at 30 s each. Anything longer and we tell the user &amp; stop.");
  reply("U_ALICE", "*Agreed* — let's go with 4 attempts and a 30 s cap. ~Unlimited retries~ are out.", {
    files: [
      {
        name: "retry-timeline.png",
        permalink: "https://acme.slack.com/files/U_ALICE/F01/retry-timeline.png",
      },
    ],
  });
  reply("U_PRIYA", "I'll write the retry policy and its tests this week.");
  reply("U_NOTZ", "Do we also need this for Slack's own 429s?");
  return parent;
}
