import { catalog, type StoreDoing } from '../i18n';

/**
 * Errors of the store, for the operator (Spanish, naming the file) and with a code the chat/HTTP layers can map to
 * a polite user message (disk full, read-only, ...). A StoreError from a write means nothing of that write was kept:
 * not in memory, not on disk.
 */

export type StoreErrorCode =
  /** No space left on the device (ENOSPC) or quota exceeded (EDQUOT). */
  | 'disk-full'
  /** The file or its folder cannot be written (EROFS, EACCES, EPERM, or marked read-only). */
  | 'read-only'
  /** The store's folder (or part of its path) is a file (EEXIST, ENOTDIR). */
  | 'not-a-folder'
  /** A file of the store does not agree with the rest: the store does not start. */
  | 'corrupt'
  /** Another process writes this store. */
  | 'locked'
  /** The store was closed. */
  | 'closed'
  /** Any other input/output error. */
  | 'io';

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  /** The file concerned, when there is one. */
  readonly file?: string;
  /** For 'locked': the process that holds the store, when known. */
  readonly holderPid?: number;

  constructor(code: StoreErrorCode, message: string, opts: { file?: string; cause?: unknown; holderPid?: number } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'StoreError';
    this.code = code;
    if (opts.file !== undefined) this.file = opts.file;
    if (opts.holderPid !== undefined) this.holderPid = opts.holderPid;
  }
}

export function errnoOf(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The operator's words for the store (Spanish, like the CLI's; the catalog holds English too). */
export const storeWords = catalog('es').store;

/**
 * Maps a file-system error to a StoreError with a message naming the file. `doing` says what was being done
 * (write, mkdir, ...). A StoreError passes through unchanged.
 */
export function fsStoreError(e: unknown, file: string, doing: StoreDoing): StoreError {
  if (e instanceof StoreError) return e;
  const t = storeWords;
  const errno = errnoOf(e);
  switch (errno) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new StoreError('disk-full', t.diskFull(doing, file, errno), { file, cause: e });
    case 'EROFS':
      return new StoreError('read-only', t.readOnlyFs(doing, file, errno), { file, cause: e });
    case 'EACCES':
    case 'EPERM':
      return new StoreError('read-only', t.noPermission(doing, file, errno), { file, cause: e });
    case 'EEXIST':
    case 'ENOTDIR':
      return new StoreError('not-a-folder', t.pathIsFile(doing, file, errno), { file, cause: e });
    case 'EISDIR':
      return new StoreError('not-a-folder', t.isFolder(doing, file, errno), { file, cause: e });
    default:
      return new StoreError('io', t.ioFailed(doing, file, e instanceof Error ? e.message : String(e)), { file, cause: e });
  }
}
