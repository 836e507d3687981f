import { readFileSync } from 'node:fs';
import type { StoreDoing, StoreFact, StoreHealthReason } from '../domain/store-facts';

/**
 * Errors of the store: a code the chat and HTTP layers map to a polite user message, and the facts the edges put
 * into words for the operator (`catalog(lang).store.say(error.fact)`, naming the file). A StoreError from a write
 * means nothing of that write was kept: not in memory, not on disk.
 * - disk-full, read-only, not-a-folder: from the errno (CODE_OF_ERRNO; read-only also for a file marked so);
 * - corrupt: a file of the store does not agree with the rest, so the store does not start;
 * - locked: another process writes it; replaced: the embedded store's files were removed or replaced under it;
 * - unavailable: PostgreSQL unreachable or too slow (nothing of the write was kept); it may come back by itself.
 */
export type StoreErrorCode =
  'disk-full' | 'read-only' | 'not-a-folder' | 'corrupt' | 'locked' | 'closed' | 'io' | 'unavailable' | 'replaced';

export class StoreError extends Error {
  /** For 'locked': the process that holds the store, when known. */
  readonly holderPid?: number;

  constructor(
    readonly code: StoreErrorCode,
    readonly fact: StoreFact,
    cause?: unknown,
  ) {
    // The message is for developers (a stack trace); operators read the catalog's words for `fact`.
    super(`store ${code}: ${JSON.stringify(fact)}`, cause === undefined ? undefined : { cause });
    this.name = 'StoreError';
    this.holderPid = (fact.kind === 'locked' && fact.holder.pid) || undefined;
  }
}

/** The /healthz reason a store error stands for (also what a read route answers with it). */
export function healthReason(e: StoreError): StoreHealthReason {
  if (e.fact.kind === 'pg-unavailable') return e.fact.cause;
  if (e.code === 'closed' || e.code === 'read-only') return e.code;
  return e.code === 'replaced' ? 'files-replaced' : 'failed';
}

export const corrupt = (fact: StoreFact) => new StoreError('corrupt', fact);

export function errnoOf(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

const CODE_OF_ERRNO: Record<string, StoreErrorCode> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EROFS: 'read-only',
  EACCES: 'read-only',
  EPERM: 'read-only',
  EEXIST: 'not-a-folder',
  ENOTDIR: 'not-a-folder',
  EISDIR: 'not-a-folder',
};

/** Maps a file-system error to a StoreError naming the file and what was being done. A StoreError passes through. */
export function fsStoreError(e: unknown, file: string, doing: StoreDoing): StoreError {
  if (e instanceof StoreError) return e;
  const errno = errnoOf(e);
  const code = (errno && CODE_OF_ERRNO[errno]) || 'io';
  const detail = e instanceof Error ? e.message : String(e);
  return new StoreError(
    code,
    code === 'io' ? { kind: 'fs', doing, file, detail } : { kind: 'fs', doing, file, errno },
    e,
  );
}

/** A store file's bytes, or null when it does not exist. */
export function readOrNull(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return null;
    throw new StoreError('io', { kind: 'cannot-read', file, why: errnoOf(e) ?? String(e) }, e);
  }
}

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
