/**
 * Per-thread locks that hold across replicas: the in-process queue first, then a PostgreSQL advisory lock
 * on a connection of its own, so two replicas exporting the same thread take turns (and the second one
 * finds the first one's issue instead of filing another).
 */
import type pg from "pg";
import { KeyedMutex } from "../util/keyed-mutex.js";

const LOCK_SPACE = 7_201_118;

export class PgThreadLocks extends KeyedMutex {
  constructor(private readonly pool: pg.Pool) {
    super();
  }

  override run<T>(key: string, work: () => Promise<T>): Promise<T> {
    return super.run(key, async () => {
      const client = await this.pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [LOCK_SPACE, key]);
        try {
          return await work();
        } finally {
          await client
            .query("SELECT pg_advisory_unlock($1, hashtext($2))", [LOCK_SPACE, key])
            .catch(() => {});
        }
      } finally {
        client.release();
      }
    });
  }
}
