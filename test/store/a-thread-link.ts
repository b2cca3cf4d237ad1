/** A thread → issue link for store tests, with defaults. */
import type { ThreadLink } from "../../src/store/store.js";

export function aThreadLink(overrides: Partial<ThreadLink> = {}): ThreadLink {
  return {
    teamId: "T1",
    channelId: "C1",
    threadTs: "1700000000.000100",
    projectPath: "acme/web",
    projectId: 42,
    issueIid: 7,
    issueUrl: "https://gitlab.example.com/acme/web/-/issues/7",
    issueTitle: "Checkout fails for EU cards",
    lastExportedTs: "1700000050.000200",
    ...overrides,
  };
}
