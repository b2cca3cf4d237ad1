/** manifest.yml must declare what the code listens to and every scope its Slack API calls need. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = join(import.meta.dirname, "..");
const manifest = parse(readFileSync(join(root, "manifest.yml"), "utf8"));

/** Scopes each Web API method needs (from api.slack.com method pages), for every conversation kind. */
const SCOPES_BY_METHOD: Record<string, string[]> = {
  "conversations.replies": ["channels:history", "groups:history", "im:history", "mpim:history"],
  "conversations.info": ["channels:read", "groups:read", "im:read", "mpim:read"],
  "users.info": ["users:read"],
  "chat.postMessage": ["chat:write"],
  "chat.postEphemeral": ["chat:write"],
  "reactions.add": ["reactions:write"],
  "chat.getPermalink": [],
  "auth.test": [],
};
const SCOPES_BY_EVENT: Record<string, string[]> = { reaction_added: ["reactions:read"] };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}
const source = sourceFiles(join(root, "src"))
  .map((file) => readFileSync(file, "utf8"))
  .join("\n");

const calledMethods = [...source.matchAll(/client\.(\w+)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`);
const listenedEvents = [...source.matchAll(/app\.event\(\s*"(\w+)"/g)].map((m) => m[1]!);

describe("manifest.yml", () => {
  it("finds the Slack calls and events in the code (so the checks below see something)", () => {
    expect(calledMethods).toContain("conversations.replies");
    expect(listenedEvents).toContain("reaction_added");
  });

  it("declares every event the code listens to", () => {
    const declared: string[] = manifest.settings.event_subscriptions.bot_events;
    for (const event of listenedEvents) expect(declared).toContain(event);
  });

  it("requests every scope the code's API calls and events need", () => {
    const requested: string[] = manifest.oauth_config.scopes.bot;
    for (const method of new Set(calledMethods)) {
      expect(SCOPES_BY_METHOD, `scopes of ${method} are not listed in this test`).toHaveProperty([method]);
      for (const scope of SCOPES_BY_METHOD[method]!)
        expect(requested, `${method} needs ${scope}`).toContain(scope);
    }
    for (const event of listenedEvents)
      for (const scope of SCOPES_BY_EVENT[event] ?? []) expect(requested).toContain(scope);
  });

  it("requests no scope that nothing uses", () => {
    const needed = new Set([
      ...[...new Set(calledMethods)].flatMap((m) => SCOPES_BY_METHOD[m] ?? []),
      ...listenedEvents.flatMap((e) => SCOPES_BY_EVENT[e] ?? []),
    ]);
    const requested: string[] = manifest.oauth_config.scopes.bot;
    expect(requested.filter((scope) => !needed.has(scope))).toEqual([]);
  });
});
