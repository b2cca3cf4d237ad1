import { describe, expect, it } from "vitest";
import { prepareMessages } from "../../../src/summarize/offline/prepare-messages.js";
import { writeSummary } from "../../../src/summarize/offline/write-summary.js";
import { buildSummaryInput } from "../build-summary-input.js";

const messagesOf = (...authors: string[]) =>
  prepareMessages(buildSummaryInput(authors.map((author) => [author, "text"])).messages);
const empty = { decisions: [], actionItems: [], openQuestions: [], topic: "Offsite", channelName: "team" };

describe("writeSummary", () => {
  it("says who discussed what, where, and how much, then the outcome and what is left", () => {
    const summary = writeSummary({
      ...empty,
      messages: messagesOf("Maya", "Ben", "Maya", "Carla"),
      decisions: ["Offsite in Lisbon.", "Budget is €900."],
      actionItems: [{ owner: "Carla", text: "book the venue" }, { text: "send invites" }],
      openQuestions: ["Who books flights?"],
    });
    expect(summary).toBe(
      "Maya, Ben and Carla discussed “Offsite” in #team (4 messages, 3 participants). Outcome: Offsite in Lisbon (and 1 more decision). Left to do: 2 action items (Carla) and 1 open question.",
    );
  });

  it("names two people and counts the rest when more than three took part", () => {
    const summary = writeSummary({ ...empty, messages: messagesOf("A", "B", "C", "D", "E") });
    expect(summary).toBe(
      "A, B and 3 others discussed “Offsite” in #team (5 messages, 5 participants). No decision was recorded.",
    );
  });

  it("counts bot messages apart from people", () => {
    const messages = prepareMessages(
      buildSummaryInput([
        { author: "PagerBot", text: "alert", isBot: true },
        ["Sam", "looking"],
        ["Lena", "rolled back"],
      ]).messages,
    );
    expect(writeSummary({ ...empty, messages })).toBe(
      "Sam and Lena discussed “Offsite” in #team (3 messages, 2 participants, 1 from bots). No decision was recorded.",
    );
  });

  it("says when a decision is still missing but questions are open", () => {
    const summary = writeSummary({ ...empty, messages: messagesOf("A", "B"), openQuestions: ["Why?"] });
    expect(summary).toBe(
      "A and B discussed “Offsite” in #team (2 messages, 2 participants). No decision yet. Left to do: 1 open question.",
    );
  });

  it("handles an empty thread and a channel name that is a description", () => {
    expect(writeSummary({ ...empty, messages: [] })).toBe("The thread in #team has no messages.");
    expect(writeSummary({ ...empty, channelName: "direct message", messages: messagesOf("A") })).toBe(
      "A posted a single message in direct message about “Offsite”. No decision was recorded.",
    );
  });
});
