import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadConfig } from '../config';
import { openLowdbStore } from '../store/lowdb-store';
import { openPgStore, redactUrl, type StoreSnapshot } from '../store/pg-store';
import type { Store } from '../store/types';
import { parse, UsageError, type CliIo } from './io';
import { catalog, errorText } from '../i18n';

const t = catalog('es').cli;

type Counts = Record<keyof StoreSnapshot, number>;

export type CopyResult =
  { status: 'copied' | 'unchanged'; counts: Counts } | { status: 'refused'; reason: 'not-empty' };

/** Everything a store holds now, read through the Store interface. */
export async function snapshotOf(store: Store): Promise<StoreSnapshot> {
  return {
    reports: [...(await store.reports())],
    audit: [...(await store.audit())],
    owners: { ...(await store.allOwners()) },
    admins: [...(await store.admins())],
    subscriptions: [...(await store.subscriptions())],
    conversations: [...(await store.conversations())],
    sent: [...(await store.sent())],
    planVersions: [...(await store.planVersions())],
  };
}

/**
 * Copies a whole store into a PostgreSQL database that holds nothing yet, in one transaction (all or nothing): every
 * report version as stored (review state included), the audit log with its seq numbers, owners, admins,
 * subscriptions, conversation references, what was sent and the plan versions. A database that already holds exactly
 * that content is left as it is ('unchanged': a second run changes nothing); one that holds anything else is refused.
 */
export async function copyToPostgres(source: StoreSnapshot, url: string): Promise<CopyResult> {
  const counts = Object.fromEntries(
    Object.entries(source).map(([k, v]) => [k, Array.isArray(v) ? v.length : Object.keys(v).length]),
  ) as Counts;
  // A one-shot command answers nobody under a deadline (one long transaction): minutes, not seconds.
  const target = await openPgStore(url, { listen: false, poolSize: 2, timeoutMs: 300_000 });
  try {
    if (await target.copyIn(source)) return { status: 'copied', counts };
    // jsonb reorders keys (isDeepStrictEqual does not mind) and drops undefined values (the JSON round trip does)
    const same = isDeepStrictEqual(await snapshotOf(target), JSON.parse(JSON.stringify(source)));
    return same ? { status: 'unchanged', counts } : { status: 'refused', reason: 'not-empty' };
  } finally {
    await target.close();
  }
}

/**
 * `npm run cli -- migrate-store --from FILE --to URL` (CONTRACT.md): copies an embedded store into a PostgreSQL
 * database, all or nothing (copyToPostgres). Run it with the bot stopped. Exit 0 copied or already there,
 * 1 nothing copied (missing file, database holding other data, unreachable server), 2 usage.
 */
export async function migrateStoreCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { from: { type: 'string' }, to: { type: 'string' } });
  const from = values.from as string | undefined;
  const to = values.to as string | undefined;
  if (!from) throw new UsageError(t.migrateFromMissing);
  if (!to) throw new UsageError(t.migrateToMissing);
  if (!/^postgres(ql)?:\/\/\S+$/.test(to)) throw new UsageError(t.migrateToInvalid(redactUrl(to)));
  loadConfig(io.env); // the same validation of the environment as every command
  const file = resolve(io.env.INIT_CWD ?? process.cwd(), from);
  if (!existsSync(file)) {
    io.err(t.migrateNoSource(file));
    return 1;
  }
  const source = await openLowdbStore(file, {
    readOnly: true,
    onWarning: (w) => io.err(t.warning(catalog('es').store.say(w))),
  });
  let result;
  try {
    result = await copyToPostgres(await snapshotOf(source), to);
  } catch (e) {
    io.err(t.migrateFailed(redactUrl(to), errorText(e)));
    return 1;
  } finally {
    await source.close();
  }
  if (result.status === 'refused') {
    io.err(t.migrateRefused(redactUrl(to), file));
    return 1;
  }
  const what = t.migrateCounts(result.counts);
  io.out(
    result.status === 'copied'
      ? t.migrateCopied(file, redactUrl(to), what)
      : t.migrateUnchanged(redactUrl(to), file, what),
  );
  return 0;
}
