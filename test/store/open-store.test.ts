import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open-store.js";
import { SqliteStore } from "../../src/store/sqlite-store.js";
import { StoreError } from "../../src/store/store-error.js";

describe("openStore", () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "threadport-open-store-"));
    file = path.join(dir, "sub dir", "threadport.db");
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function expectSqliteFileAt(databaseUrl: string, expectedFile: string): Promise<void> {
    const store = await openStore(databaseUrl);
    try {
      expect(store).toBeInstanceOf(SqliteStore);
      expect(fs.existsSync(expectedFile)).toBe(true);
    } finally {
      await store.close();
    }
  }

  async function failureOf(databaseUrl: string): Promise<StoreError> {
    const error = await openStore(databaseUrl).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }

  it("opens SQLite at a plain absolute path", async () => {
    await expectSqliteFileAt(file, file);
  });

  it("opens SQLite at a plain relative path", async () => {
    await expectSqliteFileAt(path.relative(process.cwd(), file), file);
  });

  it("opens SQLite at a file:/// URL, decoding escaped characters", async () => {
    const url = pathToFileURL(file).href;
    expect(url).toContain("sub%20dir");
    await expectSqliteFileAt(url, file);
  });

  it("opens SQLite at a relative file: path", async () => {
    await expectSqliteFileAt(`file:${path.relative(process.cwd(), file)}`, file);
  });

  it("opens SQLite at absolute sqlite: URLs with one or three slashes", async () => {
    await expectSqliteFileAt(`sqlite:${file}`, file);
    fs.rmSync(path.dirname(file), { recursive: true });
    await expectSqliteFileAt(`sqlite://${file}`, file);
  });

  it("opens SQLite at a relative sqlite: URL", async () => {
    await expectSqliteFileAt(`sqlite:${path.relative(process.cwd(), file)}`, file);
  });

  it("opens an in-memory SQLite database for sqlite::memory:", async () => {
    const store = await openStore("sqlite::memory:");
    expect(await store.claimEvent("Ev1")).toBe(true);
    await store.close();
  });

  it.each([
    "postgres://threadport:s3cret@127.0.0.1:1/threadport",
    "postgresql://threadport:s3cret@127.0.0.1:1/threadport",
  ])("opens PostgreSQL for %s, and says when it cannot be reached, without the password", async (url) => {
    const error = await failureOf(url);
    expect(error.code).toBe("store_unavailable");
    expect(error.message).toContain("the PostgreSQL database 127.0.0.1:1/threadport cannot be reached");
    expect(error.message).not.toContain("s3cret");
  });

  it("rejects other database schemes and lists the accepted forms", async () => {
    const error = await failureOf("mysql://root:s3cret@db/threadport");
    expect(error.code).toBe("unsupported_database");
    expect(error.message).toMatch(/"mysql:".*sqlite:/);
    expect(error.message).not.toContain("s3cret");
  });

  it.each(["", "   ", "sqlite:", "file:"])("rejects the empty location %j", async (url) => {
    const error = await failureOf(url);
    expect(error.code).toBe("invalid_database_url");
  });
});
