/**
 * The PostgreSQL store's SQL helpers: which database errors mean "unavailable" (and their StoreError), the schema's
 * migrations, and the WHERE terms of the reads. Kept apart from pg-store.ts so that each file reads on its own.
 */
import { runner } from 'node-pg-migrate';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths';
import { periodRange } from './rules';
import { StoreError } from './errors';
import type { StoreHealthReason } from '../domain/store-facts';
import type { ReportQuery } from './types';

export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'migrations');

/** SQLSTATEs and network errors that say the database is away, too slow or read-only (not a bug of ours). */
const READ_ONLY_STATES = new Set(['25006']);
const TIMEOUT_STATES = new Set(['57014', '55P03', '40P01', '40001', '25P03']);
const NETWORK_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
const AWAY_MESSAGE =
  /connection terminated|terminating connection|not queryable|connection error|timeout exceeded|query read timeout|timeout expired|the database system is (starting up|shutting down|in recovery)|server closed the connection|Connection ended/i;

/** The cause of a database failure, or null when the error is not one (a bug, a rule of ours). */
export function unavailableCause(e: unknown): StoreHealthReason | null {
  const code = typeof (e as { code?: unknown })?.code === 'string' ? (e as { code: string }).code : '';
  const message = e instanceof Error ? e.message : String(e);
  if (READ_ONLY_STATES.has(code)) return 'read-only';
  if (TIMEOUT_STATES.has(code) || /timeout/i.test(message)) return 'timeout';
  if (code.startsWith('08') || code.startsWith('57P') || code.startsWith('53') || NETWORK_ERRNOS.has(code))
    return 'unreachable';
  if (AWAY_MESSAGE.test(message)) return 'unreachable';
  return null;
}

/** A database failure as a StoreError ('unavailable', or 'read-only'); any other error passes through. */
export function pgStoreError(e: unknown): unknown {
  if (e instanceof StoreError) return e;
  const cause = unavailableCause(e);
  if (!cause) return e;
  const why = e instanceof Error ? e.message : String(e);
  return new StoreError(cause === 'read-only' ? 'read-only' : 'unavailable', { kind: 'pg-unavailable', cause, why }, e);
}

export const timedOut = (ms: number) =>
  new StoreError('unavailable', { kind: 'pg-unavailable', cause: 'timeout', why: `no commit within ${ms} ms` });

export const json = (v: unknown): string => JSON.stringify(v === undefined ? null : v);
/** A database URL with its password hidden (for messages). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(PEI_DATABASE_URL)';
  }
}

/** Creates or upgrades the schema (node-pg-migrate, SQL files in migrations/); concurrent starts wait for each other. */
export async function migrate(url: string, log?: (m: string) => void): Promise<string[]> {
  const done = await runner({
    databaseUrl: url,
    dir: MIGRATIONS_DIR,
    direction: 'up',
    migrationsTable: 'pei_migrations',
    count: Infinity,
    advisoryLockMode: 'wait',
    log: () => {},
    logger: { debug: () => {}, info: () => {}, warn: (m: string) => log?.(m), error: (m: string) => log?.(m) },
  } as Parameters<typeof runner>[0]);
  return done.map((m) => m.name);
}

/** `column = value` for each value a filter gives (as text: a jsonb field read with ->> compares as text). */
export function filterTerms(filter: object | undefined, columns: Record<string, string>, args: unknown[]): string[] {
  const given = Object.entries(filter ?? {}).filter(([, v]) => v !== undefined);
  return given.map(([k, v]) => `${columns[k]} = $${args.push(String(v))}`);
}

export const where = (terms: string[]) => (terms.length ? ` WHERE ${terms.join(' AND ')}` : '');

/** The WHERE terms of a report query's indicator and months, their values pushed on `args` (the review state is each read's own). */
export function reportTerms(query: ReportQuery | undefined, args: unknown[]): string[] {
  const where: string[] = [];
  if (query?.indicatorId !== undefined) where.push(`indicator_id = $${args.push(query.indicatorId)}`);
  const { from, to } = periodRange(query);
  if (from !== undefined) where.push(`period >= $${args.push(from)}`);
  if (to !== undefined) where.push(`period <= $${args.push(to)}`);
  return where;
}

/** A LIKE pattern matching every string that starts with `prefix` (its own % _ \\ escaped). */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/** The audit's SELECT for `Store.audit(filter)` (its arguments pushed onto `args`): seq order, `limit` the newest. */
export function auditSql(filter: { target?: string; limit?: number } | undefined, args: unknown[]): string {
  const terms: string[] = [];
  const target = filter?.target;
  if (target !== undefined)
    terms.push(
      target.endsWith(':')
        ? `target LIKE $${args.push(likePrefix(target))} ESCAPE '\\'`
        : `target = $${args.push(target)}`,
    );
  const cols = 'seq, at, actor, action, target, before, after';
  const limit = filter?.limit;
  return limit !== undefined && limit >= 0
    ? `SELECT * FROM (SELECT ${cols} FROM pei_audit${where(terms)} ORDER BY seq DESC LIMIT $${args.push(Math.floor(limit))}) t ORDER BY seq`
    : `SELECT ${cols} FROM pei_audit${where(terms)} ORDER BY seq`;
}
