import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrations } from "../../src/store/migrations.js";
import { openPostgresStore } from "../../src/store/postgres-store.js";
import { StoreError } from "../../src/store/store-error.js";
import { freshSchema, postgresReachable, type Scratch } from "../helpers/postgres.js";
import { describeStoreContract } from "./store-contract.js";

const reachable = await postgresReachable();
const scratches: Scratch[] = [];

afterAll(async () => {
  for (const scratch of scratches.splice(0)) await scratch.drop();
});

async function scratch(): Promise<Scratch> {
  const fresh = await freshSchema();
  scratches.push(fresh);
  return fresh;
}

describe.skipIf(!reachable)("PostgreSQL", () => {
  describeStoreContract(
    "PostgresStore",
    async (now) => {
      const { url } = await scratch();
      return { store: await openPostgresStore(url, { now }), reopen: () => openPostgresStore(url, { now }) };
    },
    { survivesReopen: true },
  );

  describe("openPostgresStore", () => {
    it("applies the migrations once, even when two replicas start together", async () => {
      const { url } = await scratch();
      const [a, b] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
      await a.close();
      await b.close();
      const again = await openPostgresStore(url);
      await again.ping();
      await again.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ version: number }>(
          "SELECT version FROM schema_migrations ORDER BY version",
        );
        expect(rows.map((row) => Number(row.version))).toEqual(migrations.map((m) => m.version));
      } finally {
        await client.end();
      }
    });

    it("refuses a database written by a newer threadport", async () => {
      const { url } = await scratch();
      const newer = [
        { version: 1, name: "a", up: "CREATE TABLE a (x INTEGER)" },
        { version: 99, name: "z", up: "CREATE TABLE z (x INTEGER)" },
      ];
      await (await openPostgresStore(url, { migrations: newer })).close();
      const error = await openPostgresStore(url, { migrations: newer.slice(0, 1) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe("schema_too_new");
    });

    it("says the server cannot be reached, without the password", async () => {
      const error = await openPostgresStore("postgres://threadport:s3cret@127.0.0.1:1/threadport").catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe("store_unavailable");
      expect((error as StoreError).message).toContain("127.0.0.1:1/threadport");
      expect((error as StoreError).message).not.toContain("s3cret");
    });
  });
});
