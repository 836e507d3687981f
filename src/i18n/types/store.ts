/** What a file-system call of the store was doing when it failed (the words are the catalog's). */
export type StoreDoing = 'lock' | 'open' | 'write' | 'append' | 'mkdir' | 'repair';

/** Which file of the embedded store a message is about. */
export type StoreFileKind = 'folder' | 'doc' | 'audit' | 'reports';

/**
 * The store's words for its operator (src/store/): why it does not start (a file that disagrees, a lock, permissions),
 * why a write failed, and the repairs made on open. Each names the file. Spanish for the operator, like the CLI;
 * a few fragments are kept in English in the Spanish text on purpose (`left untouched`, `line N is not a valid …`),
 * so that an operator searching the web or the docs finds them.
 */
export interface StoreStrings {
  untouched: string;
  doesNotStart(why: string): string;
  // File-system errors
  diskFull(doing: StoreDoing, file: string, errno: string): string;
  readOnlyFs(doing: StoreDoing, file: string, errno: string): string;
  noPermission(doing: StoreDoing, file: string, errno: string): string;
  pathIsFile(doing: StoreDoing, file: string, errno: string): string;
  isFolder(doing: StoreDoing, file: string, errno: string): string;
  ioFailed(doing: StoreDoing, file: string, why: string): string;
  cannotRead(file: string, why: string): string;
  folderIsFile(dir: string): string;
  notWritable(kind: StoreFileKind, file: string): string;
  // The lock
  lockInfoFailed(file: string, why: string): string;
  lockFailed(file: string): string;
  heldBy(pid: number | null, lockFile: string): string;
  lockedExclusive(doc: string, why: string): string;
  openedReadOnly(doc: string, why: string): string;
  readOnlyAsked: string;
  // Writing
  closed(doc: string): string;
  readOnly(doc: string, why: string): string;
  writeNotUndone(doc: string, why: string, undoWhy: string): string;
  logNotOpen(file: string): string;
  // The document and the logs on open
  docRoot: string;
  invalidRecord(where: string, shown: string, problem: string): string;
  notAStore(file: string, format: string): string;
  wrongVersion(file: string, got: string, readable: number): string;
  inDocument(file: string, what: string): string;
  docTampered(file: string): string;
  notJson(why: string): string;
  docNotJson(file: string, why: string): string;
  badLine(file: string, line: number, what: 'audit' | 'reports', why: string): string;
  logMissing(what: 'audit' | 'reports', file: string, doc: string, lines: number): string;
  logShorter(what: 'audit' | 'reports', file: string, lines: number, bytes: number, doc: string, docLines: number, docBytes: number): string;
  logChanged(what: 'audit' | 'reports', file: string, doc: string, lines: number): string;
  logTornVouched(what: 'audit' | 'reports', file: string, doc: string): string;
  docMissing(doc: string, held: { file: string; lines: number }[]): string;
  auditMissing(file: string, doc: string, entries: number): string;
  auditOutOfOrder(file: string, seq: number, previous: number): string;
  auditEntryNoReport(file: string, seq: number): string;
  auditBehindDoc(file: string, seq: number, doc: string, docSeq: number): string;
  reportsAhead(file: string, reports: number, audit: string, vouched: number): string;
  reportMismatch(file: string, index: number, id: string, audit: string, auditId: string): string;
  // Repairs on open (warnings)
  tornLineCut(file: string, bytes: number): string;
  lastLineCompleted(file: string): string;
  reportsRestored(file: string, n: number): string;
  rolledForward(file: string, n: number): string;
  upgraded(file: string, version: number): string;
  // PostgreSQL
  pgPoolLost(why: string): string;
  pgListenLost(why: string): string;
  pgListenFailed(why: string): string;
  pgLockLost(name: string, why: string): string;
}
