/**
 * `npm run demo`: the whole flow on this machine, no Slack or GitLab account needed. Starts the fake Slack
 * and GitLab servers from the tests, the real bot against them over HTTP, plays a conversation, reacts,
 * adds replies, reacts again, and prints what GitLab and Slack received.
 */
import { CHANNELS, seedDesignReview, seedPeopleAndChannels } from "../test/helpers/conversations.js";
import { PROJECT, startWorld } from "../test/helpers/world.js";

const rule = (title: string) => `\n${"═".repeat(100)}\n  ${title}\n${"═".repeat(100)}\n`;

async function demo(): Promise<void> {
  process.stdout.write("Starting fake Slack, fake GitLab and the threadport bot…\n");
  const world = await startWorld({ seed: (slack) => seedPeopleAndChannels(slack) });
  try {
    const channel = CHANNELS.public.id;
    const parent = seedDesignReview(world.slack, channel);
    process.stdout.write(
      `Played a ${world.slack.threadReplies(channel, parent).length}-message thread in #design-review.\n`,
    );
    process.stdout.write("Bob reacts with :memo: …\n");
    await world.react(channel, parent, { user: "U_BOB" });
    await world.waitForAnswers(1);

    world.slack.post(channel, {
      user: "U_BOB",
      text: "Slack's 429s too: same policy, <@U_PRIYA>.",
      thread_ts: parent,
    });
    world.slack.post(channel, {
      user: "U_PRIYA",
      text: "Done in the same PR :white_check_mark:",
      thread_ts: parent,
    });
    process.stdout.write("Two more replies; Priya reacts with :memo: again…\n");
    await world.react(channel, parent, { user: "U_PRIYA" });
    await world.waitForAnswers(2);

    const issue = world.gitlab.issues(PROJECT.id)[0]!;
    process.stdout.write(
      rule(`GitLab issue ${PROJECT.path}#${issue.iid} (confidential: ${issue.confidential})`),
    );
    process.stdout.write(`# ${issue.title}\n\n${issue.description}\n`);
    for (const note of world.gitlab.notes(PROJECT.id, issue.iid)) {
      process.stdout.write(rule(`Comment on ${PROJECT.path}#${issue.iid}`));
      process.stdout.write(`${note.body}\n`);
    }
    process.stdout.write(rule("Slack: what threadport posted"));
    for (const message of world.slack.postedMessages())
      process.stdout.write(`[thread ${message.thread_ts}] ${message.text}\n`);
    for (const reaction of world.slack.reactions())
      process.stdout.write(`[reaction] :${reaction.name}: on ${reaction.ts}\n`);
    const quickActions = world.gitlab.quickActionsRun.length;
    const pings = world.gitlab.mentions.length;
    process.stdout.write(
      `\nQuick actions run by GitLab: ${quickActions} · people or issues pinged: ${pings}\n`,
    );
  } finally {
    await world.close();
  }
}

demo().catch((error) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
