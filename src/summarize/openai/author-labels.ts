/**
 * Short author labels for the transcript. An author's name is repeated on every message, and a full name
 * ("Ahmed Karimi") often costs two or three tokens more than the first name, which is how people in a
 * thread call each other anyway. So a person is written by first name when no other author in the thread
 * has that first name; the owners the model names are written back in full afterwards, so the issue still
 * says "Ahmed Karimi".
 */
import type { SummaryMessage } from "../summarizer.js";
import { speaker } from "./format-thread.js";

export interface AuthorLabels {
  /** The label a message's author gets in the transcript. */
  of(message: Pick<SummaryMessage, "author" | "isBot">): string;
  /** The full name behind a short label the model wrote as an owner, or the owner as written. */
  expand(owner: string): string;
}

/** A first name: letters, perhaps an apostrophe or hyphen inside ("O'Neil", "Jean-Luc"). */
const FIRST_NAME = /^\p{L}[\p{L}\p{M}'’-]*\p{L}$/u;

export function authorLabels(messages: readonly Pick<SummaryMessage, "author" | "isBot">[]): AuthorLabels {
  const people = new Set(messages.filter((m) => !m.isBot).map((m) => speaker(m)));
  const taken = new Set(messages.map((m) => speaker(m).toLowerCase()));
  const byFirst = new Map<string, string[]>();
  for (const name of people) {
    const first = name.split(" ")[0]!;
    if (name === first || !FIRST_NAME.test(first)) continue;
    const key = first.toLowerCase();
    byFirst.set(key, [...(byFirst.get(key) ?? []), name]);
  }
  const short = new Map<string, string>();
  const full = new Map<string, string>();
  for (const [key, names] of byFirst) {
    // Two Anas, or an "Ana" next to "Ana Ruiz": keep the full names, or the model could not tell them apart.
    if (names.length !== 1 || taken.has(key)) continue;
    const first = names[0]!.split(" ")[0]!;
    short.set(names[0]!, first);
    full.set(key, names[0]!);
  }
  return {
    of: (message) => {
      const name = speaker(message);
      return message.isBot ? name : (short.get(name) ?? name);
    },
    expand: (owner) => full.get(owner.trim().toLowerCase()) ?? owner,
  };
}
