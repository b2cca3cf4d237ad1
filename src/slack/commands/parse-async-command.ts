/** Reads the text after `/async` into one subcommand; bad input becomes a usage answer, never an exception. */
import type { PostBackSettings } from "../../store/store.js";

export type AsyncCommand =
  | { kind: "issue"; text: string }
  | { kind: "link"; project: string }
  | { kind: "unlink" }
  | { kind: "status" }
  | { kind: "export"; link: string }
  | { kind: "nudges"; enabled: boolean }
  | { kind: "updates"; settings: PostBackSettings }
  | { kind: "help" }
  | { kind: "usage"; usage: string; problem: string }
  | { kind: "unknown"; word: string };

export const USAGE = {
  issue: "`/async issue [title]`",
  link: "`/async link group/project`",
  unlink: "`/async unlink`",
  status: "`/async status`",
  export: "`/async export <message link>`",
  nudges: "`/async nudges on` or `/async nudges off`",
  updates: "`/async updates on|off` or `/async updates confidential on|off`",
  help: "`/async help`",
} as const;

export function parseAsyncCommand(text: string): AsyncCommand {
  const trimmed = text.trim();
  const [first = "", ...rest] = trimmed.split(/\s+/);
  const word = first.toLowerCase();
  const argument = trimmed.slice(first.length).trim();
  switch (word) {
    case "":
    case "help":
      return { kind: "help" };
    case "issue":
      return { kind: "issue", text: argument };
    case "link":
      if (!argument) return usage("link", "Tell me which project, e.g. `/async link acme/web`.");
      if (rest.length > 1) return usage("link", "Give one project, e.g. `/async link acme/web`.");
      return { kind: "link", project: argument };
    case "unlink":
      return argument ? usage("unlink", "`/async unlink` takes nothing after it.") : { kind: "unlink" };
    case "status":
      return argument ? usage("status", "`/async status` takes nothing after it.") : { kind: "status" };
    case "export":
      if (!argument)
        return usage(
          "export",
          "Paste the link of a message (message menu ⋮ → *Copy link*) after `/async export`.",
        );
      return { kind: "export", link: argument };
    case "nudges": {
      const choice = argument.toLowerCase();
      if (choice === "on" || choice === "off") return { kind: "nudges", enabled: choice === "on" };
      return usage("nudges", "Say `on` or `off`.");
    }
    case "updates":
      return parseUpdates(argument.toLowerCase().split(/\s+/));
    default:
      return { kind: "unknown", word: first };
  }
}

function parseUpdates(words: string[]): AsyncCommand {
  const [first = "", second = "", ...more] = words;
  if (more.length === 0 && (first === "on" || first === "off") && !second) {
    return { kind: "updates", settings: { enabled: first === "on" } };
  }
  if (more.length === 0 && first === "confidential" && (second === "on" || second === "off")) {
    return { kind: "updates", settings: { confidentialText: second === "on" } };
  }
  return usage("updates", "Say `on` or `off`, or `confidential on` / `confidential off`.");
}

function usage(subcommand: keyof typeof USAGE, problem: string): AsyncCommand {
  return { kind: "usage", usage: USAGE[subcommand], problem };
}
