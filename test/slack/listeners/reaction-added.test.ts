import { describe, expect, it } from "vitest";
import type { ExportRequest } from "../../../src/export/export-thread.js";
import { reactionAddedListener } from "../../../src/slack/listeners/reaction-added.js";
import { silentLog } from "../../export/export-thread-builder.js";

function reaction(overrides: { reaction?: string; user?: string; itemType?: string } = {}) {
  return {
    event: {
      type: "reaction_added",
      user: overrides.user ?? "U1",
      reaction: overrides.reaction ?? "memo",
      item_user: "U2",
      item: { type: overrides.itemType ?? "message", channel: "C1", ts: "1700000000.000100" },
      event_ts: "1700000001.000100",
    },
    body: { team_id: "T1", event_id: "Ev1" },
  } as unknown as Parameters<ReturnType<typeof reactionAddedListener>>[0];
}

function listener(startExport: (request: ExportRequest, eventId: string) => Promise<{ created: boolean }>) {
  return reactionAddedListener({
    exportReactions: ["memo"],
    botUserId: "UBOT",
    startExport: (request, _log, eventId) => startExport(request, eventId),
    log: silentLog,
  });
}

describe("the export reaction", () => {
  it("queues an export of the reacted message's thread, named by the event id", async () => {
    const queued: [ExportRequest, string][] = [];
    await listener(async (request, eventId) => {
      queued.push([request, eventId]);
      return { created: true };
    })(reaction());
    expect(queued).toEqual([
      [
        {
          location: { teamId: "T1", channelId: "C1", messageTs: "1700000000.000100" },
          requestedBy: "U1",
          reaction: "memo",
        },
        "Ev1",
      ],
    ]);
  });

  it("ignores other emoji, reactions on files and threadport's own reactions", async () => {
    const queued: unknown[] = [];
    const handle = listener(async (request) => {
      queued.push(request);
      return { created: true };
    });
    await handle(reaction({ reaction: "eyes" }));
    await handle(reaction({ itemType: "file" }));
    await handle(reaction({ user: "UBOT" }));
    expect(queued).toEqual([]);
  });

  it("throws when the export cannot be queued, so that Slack sends the event again", async () => {
    const failure = new Error("database is locked");
    await expect(
      listener(async () => {
        throw failure;
      })(reaction()),
    ).rejects.toBe(failure);
  });
});
