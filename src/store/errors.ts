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

/**
 * Maps a file-system error to a StoreError with a Spanish message naming the file. `doing` says what was being done
 * ("escribir", "crear la carpeta", ...). A StoreError passes through unchanged.
 */
export function fsStoreError(e: unknown, file: string, doing: string): StoreError {
  if (e instanceof StoreError) return e;
  const errno = errnoOf(e);
  switch (errno) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new StoreError('disk-full', `No hay espacio en el disco para ${doing} ${file} (${errno}). Libere espacio; el almacén sigue funcionando cuando lo haya.`, { file, cause: e });
    case 'EROFS':
      return new StoreError('read-only', `El sistema de archivos de ${file} es de solo lectura (${errno}): no se puede ${doing} el archivo.`, { file, cause: e });
    case 'EACCES':
    case 'EPERM':
      return new StoreError('read-only', `Sin permiso para ${doing} ${file} (${errno}). Revise los permisos del archivo y de su carpeta.`, { file, cause: e });
    case 'EEXIST':
    case 'ENOTDIR':
      return new StoreError('not-a-folder', `No se puede ${doing} ${file}: una parte de la ruta es un archivo y no una carpeta (${errno}). Revise PEI_DB_FILE.`, { file, cause: e });
    case 'EISDIR':
      return new StoreError('not-a-folder', `No se puede ${doing} ${file}: es una carpeta y no un archivo (${errno}). Revise PEI_DB_FILE.`, { file, cause: e });
    default:
      return new StoreError('io', `No se pudo ${doing} ${file}: ${e instanceof Error ? e.message : String(e)}.`, { file, cause: e });
  }
}
