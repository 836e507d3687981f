/** The PostgreSQL store's `exclusive(name, fn)` (pg-store.ts): a session advisory lock held while fn runs. */
import type { Pool, PoolClient } from 'pg';
import { pgStoreError } from './pg-sql';
import type { ExclusiveResult } from './types';

/**
 * Runs `fn` holding the session advisory lock `name` on a connection of its own (pg_try_advisory_lock): one
 * process at a time; the lock goes with the connection if the process dies. `{ ran: false }` when another holds it.
 * The connection may die while fn runs (server restart, network): the lock is then gone; `lost` is told, never a
 * crash.
 */
export async function advisoryLock<T>(
  pool: Pool,
  name: string,
  fn: () => Promise<T>,
  lost: (why: string) => void,
): Promise<ExclusiveResult<T>> {
  let c: PoolClient;
  try {
    c = await pool.connect();
  } catch (e) {
    throw pgStoreError(e);
  }
  let broken = false;
  const onError = (e: Error) => {
    broken = true;
    lost(e.message);
  };
  c.on('error', onError);
  try {
    let got: boolean;
    try {
      got = (await c.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtext('pei:' || $1)) AS ok", [name]))
        .rows[0].ok;
    } catch (e) {
      throw pgStoreError(e);
    }
    if (!got) return { ran: false };
    try {
      return { ran: true, value: await fn() };
    } finally {
      await c.query("SELECT pg_advisory_unlock(hashtext('pei:' || $1))", [name]).catch(() => {
        broken = true;
      });
    }
  } finally {
    c.off('error', onError);
    c.release(broken);
  }
}
