/** Thread links in SQLite are kept in memory as well: the nudges read one for every reply. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import type { Store } from "../../src/store/store.js";
import { aThreadLink } from "./a-thread-link.js";

let dir: string;
let file: string;
let store: Store;

const link = aThreadLink();

/** Writes a link with another connection, behind the store's back (which a second process would do). */
function writeBehindTheStore(): void {
  const db = new Database(file);
  try {
    db.prepare(
      `INSERT INTO thread_links (team_id, channel_id, thread_ts, project_path, project_id, issue_iid, issue_url,
         issue_title, last_exported_ts, created_at, updated_at)
       VALUES ('T1', 'C1', '1700000000.000100', 'acme/other', 1, 1, 'u', 't', '1', 0, 0)`,
    ).run();
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "threadport-links-"));
  file = path.join(dir, "threadport.db");
  store = await openSqliteStore(file);
});

afterEach(async () => {
  await store.close().catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("thread links in SQLite", () => {
  it("answer repeated reads from memory once read, absence included (the file has one writer)", async () => {
    expect(await store.getThreadLink("T1", "C1", link.threadTs)).toBeUndefined();
    writeBehindTheStore();
    expect(await store.getThreadLink("T1", "C1", link.threadTs)).toBeUndefined();
  });

  it("are read from the file the first time", async () => {
    writeBehindTheStore();
    expect(await store.getThreadLink("T1", "C1", link.threadTs)).toMatchObject({ projectPath: "acme/other" });
  });

  it("follow the store's own writes: a new link, then its export progress", async () => {
    expect(await store.getThreadLink("T1", "C1", link.threadTs)).toBeUndefined();
    await store.saveThreadLink(link);
    expect(await store.getThreadLink("T1", "C1", link.threadTs)).toStrictEqual(link);
    await store.updateLastExported("T1", "C1", link.threadTs, "1700000099.000100");
    expect(await store.getThreadLink("T1", "C1", link.threadTs)).toStrictEqual({
      ...link,
      lastExportedTs: "1700000099.000100",
    });
  });

  it("keep what reached the file: a reopened store reads the same link", async () => {
    await store.saveThreadLink(link);
    await store.updateLastExported("T1", "C1", link.threadTs, "1700000099.000100");
    await store.close();
    store = await openSqliteStore(file);
    expect(await store.getThreadLink("T1", "C1", link.threadTs)).toMatchObject({
      lastExportedTs: "1700000099.000100",
    });
  });

  it("cannot be changed through an object the caller kept", async () => {
    const mine = { ...link };
    await store.saveThreadLink(mine);
    mine.issueTitle = "changed";
    const read = await store.getThreadLink("T1", "C1", link.threadTs);
    read!.issueIid = 99;
    expect(await store.getThreadLink("T1", "C1", link.threadTs)).toStrictEqual(link);
  });
});
