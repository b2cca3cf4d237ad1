/** manifest.yml must declare what the code listens to and every scope its Slack API calls need. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { IDS } from "../src/slack/interaction-ids.js";
import { STEP_INPUTS, STEP_OUTPUTS } from "../src/slack/listeners/create-issue-step.js";

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
  "views.open": [],
  "views.update": [],
  "views.publish": [],
  "chat.unfurl": ["links:write"],
  "conversations.history": ["channels:history", "groups:history", "im:history", "mpim:history"],
  "conversations.members": ["channels:read", "groups:read", "im:read", "mpim:read"],
};
const SCOPES_BY_EVENT: Record<string, string[]> = {
  reaction_added: ["reactions:read"],
  "message.channels": ["channels:history"],
  "message.groups": ["groups:history"],
  "message.im": ["im:history"],
  "message.mpim": ["mpim:history"],
  app_home_opened: [],
  link_shared: ["links:read"],
  app_mention: ["app_mentions:read"],
  function_executed: [],
};
/** Bolt's `message` listener hears one subscription per conversation kind. */
const SUBSCRIPTIONS_BY_EVENT: Record<string, string[]> = {
  message: ["message.channels", "message.groups", "message.im", "message.mpim"],
};

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
// app.event("x") and takeEvent(app, "x") (src/slack/take-event.ts) both listen to event x.
const listenedEvents = [...source.matchAll(/(?:app\.event\(|takeEvent\(\s*app,)\s*"(\w+)"/g)]
  .map((m) => m[1]!)
  .flatMap((event) => SUBSCRIPTIONS_BY_EVENT[event] ?? [event]);

/**
 * Ids registered with app.shortcut/command/action/view/options/function, written as "literal" or as IDS.path
 * (src/slack/interaction-ids.ts), by kind.
 */
function registered(kind: "shortcut" | "command" | "action" | "view" | "options" | "function"): string[] {
  const pattern = new RegExp(`app\\.${kind}\\(\\s*(?:"([^"]+)"|IDS((?:\\.\\w+)+))`, "g");
  return [...source.matchAll(pattern)].map((m) => {
    if (m[1]) return m[1];
    const value = m[2]!
      .slice(1)
      .split(".")
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], IDS);
    if (typeof value !== "string") throw new Error(`IDS${m[2]} is not an id`);
    return value;
  });
}
const shortcuts = registered("shortcut");
const commands = registered("command");
/** Slash commands and shortcuts need the commands scope. */
const surfaceScopes = shortcuts.length + commands.length > 0 ? ["commands"] : [];

describe("manifest.yml", () => {
  it("finds the Slack calls and events in the code (so the checks below see something)", () => {
    expect(calledMethods).toContain("conversations.replies");
    expect(listenedEvents).toContain("reaction_added");
  });

  it("declares every event the code listens to", () => {
    const declared: string[] = manifest.settings.event_subscriptions.bot_events;
    for (const event of listenedEvents) expect(declared).toContain(event);
  });

  it("enables interactivity when the code listens to buttons or modals", () => {
    const interactive = /app\.(action|view)\(/.test(source);
    expect(interactive).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
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
      ...surfaceScopes,
    ]);
    const requested: string[] = manifest.oauth_config.scopes.bot;
    expect(requested.filter((scope) => !needed.has(scope))).toEqual([]);
  });

  it("finds the shortcut, the slash command and the interactive listeners in the code", () => {
    expect(shortcuts).toEqual(["send_thread_to_gitlab"]);
    expect(commands).toEqual(["/async"]);
    expect(registered("view")).toEqual(expect.arrayContaining(["export_thread_modal", "new_issue_modal"]));
    expect(registered("options")).toEqual(["project_select", "issue_select", "labels_select"]);
    expect(registered("action")).toEqual(expect.arrayContaining(["project_select", "open_link_modal"]));
  });

  it("declares every message shortcut the code registers, with its callback id", () => {
    const declared: { callback_id: string; type: string; name: string }[] = manifest.features.shortcuts;
    for (const id of shortcuts) {
      const shortcut = declared.find((s) => s.callback_id === id);
      expect(shortcut, `shortcut ${id}`).toMatchObject({ type: "message" });
      expect(shortcut!.name.length).toBeLessThanOrEqual(24);
    }
    expect(declared.map((s) => s.callback_id).sort()).toEqual([...shortcuts].sort());
  });

  it("declares every slash command the code registers", () => {
    const declared: { command: string }[] = manifest.features.slash_commands;
    expect(declared.map((c) => c.command).sort()).toEqual([...commands].sort());
    expect(manifest.oauth_config.scopes.bot).toContain("commands");
  });

  it("enables interactivity for shortcuts, modals and external selects", () => {
    const interactive = ["shortcut", "action", "view", "options"] as const;
    expect(interactive.some((kind) => registered(kind).length > 0)).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it("enables the Home tab when the code builds one, and the Messages tab it writes to", () => {
    expect(listenedEvents).toContain("app_home_opened");
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });

  it("lists an unfurl domain when the code unfurls links", () => {
    expect(listenedEvents).toContain("link_shared");
    expect(manifest.features.unfurl_domains.length).toBeGreaterThan(0);
  });

  it("declares every workflow step the code registers, with the inputs it reads and the outputs it gives", () => {
    const steps = registered("function");
    expect(steps).toEqual(["create_gitlab_issue"]);
    expect(Object.keys(manifest.functions).sort()).toEqual([...steps].sort());
    const step = manifest.functions.create_gitlab_issue;
    expect(Object.keys(step.input_parameters).sort()).toEqual([...STEP_INPUTS].sort());
    expect(Object.keys(step.output_parameters).sort()).toEqual([...STEP_OUTPUTS].sort());
    for (const [name, parameter] of Object.entries<{ name: string; type: string }>({
      ...step.input_parameters,
      ...step.output_parameters,
    })) {
      expect(parameter.name, name).toBe(name);
      expect(parameter.type, name).toMatch(/^(string|integer|boolean|slack#\/types\/\w+)$/);
    }
    expect(step.input_parameters.title.is_required).toBe(true);
    expect(step.title.length).toBeLessThanOrEqual(255);
  });

  it("sets what Slack needs to run custom steps on threadport's own server", () => {
    expect(manifest.settings.event_subscriptions.bot_events).toContain("function_executed");
    expect(manifest.settings.org_deploy_enabled).toBe(true);
    expect(manifest.settings.function_runtime).toBe("remote");
  });

  it("stays in Socket Mode, so no request URL is needed", () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
