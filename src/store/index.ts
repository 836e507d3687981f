/**
 * The one way the bot (main.ts) and every CLI command open the store: PostgreSQL when PEI_DATABASE_URL is set, else
 * the embedded lowdb store in PEI_DB_FILE.
 */
import { existsSync } from 'node:fs';
import { openLowdbStore } from './lowdb-store';
import { createMemoryStore } from './memory';
import { redactUrl } from './errors';
import type * as Pg from './pg-store';
import type { Store } from './types';
import type { StoreFact } from '../domain/store-facts';

export interface StoreConfig {
  dbFile: string;
  databaseUrl?: string;
  /** PEI_DB_TIMEOUT_MS (PostgreSQL): connect, lock, statement and whole-write timeout. */
  dbTimeoutMs?: number;
}

export interface OpenStoreOptions {
  /**
   * 'serve': the bot (PostgreSQL: told of other processes' writes); 'write': a one-shot command that writes (embedded:
   * not while the bot runs); 'read': a one-shot command that reads (embedded: read-only; a missing file is empty).
   */
  mode: 'serve' | 'write' | 'read';
  /** What the store reports without failing (a repair on open, a lost connection): facts the caller words. */
  onWarning?: (warning: StoreFact) => void;
}

/** Where the store is, for messages (the password of a database URL hidden). */
export function describeStore(config: StoreConfig): string {
  return config.databaseUrl ? `PostgreSQL ${redactUrl(config.databaseUrl)}` : config.dbFile;
}

export async function openStore(config: StoreConfig, opts: OpenStoreOptions): Promise<Store> {
  if (config.databaseUrl) {
    // Loaded only here: an embedded bot never needs pg and node-pg-migrate (about 2 MB of heap, 6-10 MB resident).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { openPgStore } = require('./pg-store') as typeof Pg;
    return openPgStore(config.databaseUrl, {
      onWarning: opts.onWarning,
      listen: opts.mode === 'serve',
      poolSize: opts.mode === 'serve' ? 10 : 2,
      // A one-shot command answers nobody under a deadline (a big import is one long transaction): minutes, not seconds.
      timeoutMs: opts.mode === 'serve' ? config.dbTimeoutMs : 300_000,
    });
  }
  if (opts.mode === 'read') {
    if (!existsSync(config.dbFile)) return createMemoryStore(); // a missing store is valid: nothing reported yet
    return openLowdbStore(config.dbFile, { readOnly: true, onWarning: opts.onWarning });
  }
  return openLowdbStore(config.dbFile, { onWarning: opts.onWarning });
}
