/** What the model receives has every secret redacted, one kind at a time (the fake records each prompt). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareMessages } from "../../../src/export/prepare-messages.js";
import type { SlackThread } from "../../../src/export/thread-types.js";
import type { SummaryInput } from "../../../src/summarize/summarizer.js";
import { type FakeOpenAI, startFakeOpenAI } from "../../fakes/fake-openai.js";
import { SECRET_SAMPLES } from "../../helpers/secret-samples.js";
import { modelSummarizer } from "./with-fake-model.js";

/** The summary input exactly as the export core builds it from a thread. */
function summaryInputOf(text: string): SummaryInput {
  const thread: SlackThread = {
    teamId: "T1",
    conversation: { id: "C1", name: "ops", kind: "public_channel" },
    threadTs: "1700000000.000100",
    permalink: "https://acme.slack.com/archives/C1/p1700000000000100",
    people: new Map([["U1", { id: "U1", name: "Alice", isBot: false }]]),
    messages: [
      {
        ts: "1700000000.000100",
        userId: "U1",
        isBot: false,
        text: "Deploy is broken, details below",
        files: [],
      },
      { ts: "1700000060.000100", userId: "U1", isBot: false, text, files: [] },
    ],
  };
  return {
    channelName: thread.conversation.name,
    messages: prepareMessages(thread).map((m) => ({
      author: m.author,
      authorId: m.authorId,
      isBot: m.isBot,
      at: m.at,
      text: m.markdown,
    })),
  };
}

describe("secrets in what the model receives", () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it.each(SECRET_SAMPLES.map((s) => [s.kind, s] as const))("redacts a %s", async (_, sample) => {
    const before = fake.requests.length;
    await modelSummarizer(fake).summarize(summaryInputOf(sample.message));
    const sent = fake.requests.slice(before);
    expect(sent).toHaveLength(1);
    const body = JSON.stringify(sent[0]!.body);
    expect(body).not.toContain(sample.secret);
    expect(sent[0]!.messages[1]!.content).toContain("[redacted]");
  });
});
