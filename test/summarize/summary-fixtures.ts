import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ActionItem, SummaryInput } from "../../src/summarize/summarizer.js";

/** What a careful reader lists for a thread. */
export interface ExpectedSummary {
  decisions: string[];
  actionItems: ActionItem[];
  openQuestions: string[];
}

export interface SummaryFixture {
  name: string;
  input: SummaryInput;
  expected: ExpectedSummary;
}

interface FixtureFile {
  channelName: string;
  messages: { author: string; text: string; at: string; isBot?: boolean }[];
  expected: ExpectedSummary;
}

export const SUMMARY_FIXTURES_DIR = fileURLToPath(new URL("../fixtures/summaries/", import.meta.url));

/** Every `*.json` thread in the fixtures folder, sorted by file name so runs are comparable. */
export function loadSummaryFixtures(dir: string = SUMMARY_FIXTURES_DIR): SummaryFixture[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) =>
      toFixture(basename(file, ".json"), JSON.parse(readFileSync(join(dir, file), "utf8")) as FixtureFile),
    );
}

function toFixture(name: string, file: FixtureFile): SummaryFixture {
  return {
    name,
    input: {
      channelName: file.channelName,
      messages: file.messages.map((m) => ({
        author: m.author,
        text: m.text,
        at: new Date(m.at),
        isBot: m.isBot === true,
      })),
    },
    expected: file.expected,
  };
}
