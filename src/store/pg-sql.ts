/**
 * The PostgreSQL store's plumbing (pg-store.ts): connection settings, which database errors mean "unavailable" (and
 * their StoreError), the schema's migrations, the one mapping of records to rows, and WHERE clauses.
 */
import { runner } from 'node-pg-migrate';
import { join } from 'node:path';
import type { ClientConfig, PoolClient } from 'pg';
import { PROJECT_ROOT } from '../paths';
import { StoreError } from './errors';
import type { StoreHealthReason } from '../domain/store-facts';

/** Connection settings of the pool and of the LISTEN connection: nothing waits longer than the timeout. */
export function connectionConfig(url: string, timeoutMs: number): ClientConfig {
  return {
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    lock_timeout: timeoutMs,
    // The client gives up on a server that stopped answering (no reset: a stopped machine, a network cut).
    query_timeout: timeoutMs + 1000,
    idle_in_transaction_session_timeout: Math.max(2 * timeoutMs, 5000),
    keepAlive: true,
  };
}

/** SQLSTATEs and network errors that say the database is away, too slow or read-only (not a bug of ours). */
const TIMEOUT_STATES = /^(57014|55P03|40P01|40001|25P03)$/;
const AWAY_STATES =
  /^(08|57P|53)|^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN)$/;
const AWAY_MESSAGE =
  /connection terminated|terminating connection|not queryable|connection error|timeout exceeded|query read timeout|timeout expired|the database system is (starting up|shutting down|in recovery)|server closed the connection|Connection ended/i;

/** The cause of a database failure, or null when the error is not one (a bug, a rule of ours). */
export function unavailableCause(e: unknown): StoreHealthReason | null {
  const code = typeof (e as { code?: unknown })?.code === 'string' ? (e as { code: string }).code : '';
  const message = e instanceof Error ? e.message : String(e);
  if (code === '25006') return 'read-only';
  if (TIMEOUT_STATES.test(code) || /timeout/i.test(message)) return 'timeout';
  return AWAY_STATES.test(code) || AWAY_MESSAGE.test(message) ? 'unreachable' : null;
}

/** A database failure as a StoreError ('unavailable', or 'read-only'); any other error passes through. */
export function pgStoreError(e: unknown): unknown {
  const cause = e instanceof StoreError ? null : unavailableCause(e);
  if (!cause) return e;
  const why = e instanceof Error ? e.message : String(e);
  return new StoreError(cause === 'read-only' ? 'read-only' : 'unavailable', { kind: 'pg-unavailable', cause, why }, e);
}

export const timedOut = (ms: number) =>
  new StoreError('unavailable', { kind: 'pg-unavailable', cause: 'timeout', why: `no commit within ${ms} ms` });

export const json = (v: unknown): string => JSON.stringify(v === undefined ? null : v);

/** Creates or upgrades the schema (node-pg-migrate, SQL files in migrations/); concurrent starts wait for each other. */
export async function migrate(url: string, log?: (m: string) => void): Promise<void> {
  await runner({
    databaseUrl: url,
    dir: join(PROJECT_ROOT, 'migrations'),
    direction: 'up',
    migrationsTable: 'pei_migrations',
    count: Infinity,
    advisoryLockMode: 'wait',
    logger: { debug: () => {}, info: () => {}, warn: (m: string) => log?.(m), error: (m: string) => log?.(m) },
  } as Parameters<typeof runner>[0]);
}

/**
 * Each table's row made of a record given as JSON (`r`): the one mapping of records to rows, for the store's own
 * inserts and for migrate-store's copy (which gives audit entries their seq; a new entry takes the next one).
 */
export const ROWS = {
  reports: [
    'pei_reports',
    'id, indicator_id, period, version, submission_id, review, record, changed',
    "r->>'id', r->>'indicatorId', r->>'period', (r->>'version')::int, r->>'submissionId', r->>'review', r, (SELECT rev FROM pei_meta)",
  ],
  audit: [
    'pei_audit',
    'seq, at, actor, action, target, before, after',
    "COALESCE((r->>'seq')::bigint, nextval('pei_audit_seq_seq')), r->>'at', r->'actor', r->>'action', r->>'target', COALESCE(r->'before', 'null'), COALESCE(r->'after', 'null')",
  ],
  owners: ['pei_owners', 'indicator_id, people', 'r->>0, r->1'], // [indicator id, people] pairs
  admins: ['pei_admins', 'id, person', "r->>'id', r"],
  subscriptions: ['pei_subscriptions', 'conversation_key, kind, record', "r->>'conversationKey', r->>'kind', r"],
  conversations: ['pei_conversations', 'key, record', "r->>'key', r"],
  sent: ['pei_sent', 'key, record', "r->>'key', r"],
  planVersions: [
    'pei_plan_versions',
    'plan_id, version, effective, record',
    "r->>'planId', (r->>'version')::int, r->>'effective', r",
  ],
} as const;

/** Inserts `records` into a table in their order, thousands to a statement (`changed`: the transaction's rev). */
export async function insertRows(c: PoolClient, table: keyof typeof ROWS, records: readonly unknown[]): Promise<void> {
  const [name, columns, values] = ROWS[table];
  const sql = `INSERT INTO ${name} (${columns}) SELECT ${values} FROM jsonb_array_elements($1) WITH ORDINALITY t(r, i) ORDER BY i`;
  for (let i = 0; i < records.length; i += 5000) await c.query(sql, [json(records.slice(i, i + 5000))]);
}

/** A WHERE condition: its SQL with one `?` for its value; left out when the value is undefined. */
export type Condition = [sql: string, value: unknown];

/** ` WHERE …` of the conditions given a value, their values pushed onto `args` ('' when none is). */
export function where(conditions: Condition[], args: unknown[]): string {
  const given = conditions.filter(([, v]) => v !== undefined);
  const terms = given.map(([sql, v]) => sql.replace('?', () => `$${args.push(v)}`));
  return terms.length ? ` WHERE ${terms.join(' AND ')}` : '';
}

/** A LIKE pattern matching every string that starts with `prefix` (its own % _ \\ escaped). */
export const likePrefix = (prefix: string): string => `${prefix.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
