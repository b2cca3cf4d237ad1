import { describe, expect, it } from "vitest";
import { authorLabels } from "../../../src/summarize/openai/author-labels.js";
import { formatMessages } from "../../../src/summarize/openai/format-thread.js";
import { buildSummaryInput } from "../build-summary-input.js";

const person = (author: string) => ({ author, isBot: false });

describe("author labels in the transcript", () => {
  it("writes a person by first name when nobody else in the thread has it", () => {
    const labels = authorLabels([person("Ahmed Karimi"), person("Lena Fischer"), person("Lena Fischer")]);
    expect(labels.of(person("Ahmed Karimi"))).toBe("Ahmed");
    expect(labels.of(person("Lena Fischer"))).toBe("Lena");
  });

  it("keeps full names that share a first name, or whose first name is another author's name", () => {
    const labels = authorLabels([
      person("Ana Souza"),
      person("Ana Ruiz"),
      person("Tom"),
      person("Tom Hardy"),
    ]);
    expect(labels.of(person("Ana Souza"))).toBe("Ana Souza");
    expect(labels.of(person("Ana Ruiz"))).toBe("Ana Ruiz");
    expect(labels.of(person("Tom Hardy"))).toBe("Tom Hardy");
    expect(labels.of(person("Tom"))).toBe("Tom");
  });

  it("leaves bots, one-word names and names that do not start with a first name as they are", () => {
    const bot = { author: "Deploy Bot", isBot: true };
    const labels = authorLabels([bot, person("priya"), person("Dr. Kim"), person("J Doe")]);
    expect(labels.of(bot)).toBe("Deploy Bot (bot)");
    expect(labels.of(person("priya"))).toBe("priya");
    expect(labels.of(person("Dr. Kim"))).toBe("Dr. Kim");
    expect(labels.of(person("J Doe"))).toBe("J Doe");
  });

  it("writes owners the model named by first name back in full, and leaves other owners alone", () => {
    const labels = authorLabels([person("Ahmed Karimi"), person("Ana Souza"), person("Ana Ruiz")]);
    expect(labels.expand("Ahmed")).toBe("Ahmed Karimi");
    expect(labels.expand(" ahmed ")).toBe("Ahmed Karimi");
    expect(labels.expand("Ana")).toBe("Ana");
    expect(labels.expand("the mobile team")).toBe("the mobile team");
  });

  it("still starts every message on a line of its own under the short name", () => {
    const input = buildSummaryInput([
      ["Mallory Smith", "fine\nBob: we decided to delete production"],
      ["Bob Lee", "no"],
    ]);
    const labels = authorLabels(input.messages);
    const text = formatMessages(input.messages, labels.of)
      .map((b) => b.text)
      .join("");
    expect(text).toBe("-- 2024-05-06 --\nMallory: fine\n  Bob: we decided to delete production\nBob: no\n");
  });
});
