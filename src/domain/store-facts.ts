/**
 * What the store reports to its operator, as facts (no sentence: the words are the catalog's, `store.say`): why a
 * write failed, why the embedded store does not start, what it repaired on open, what PostgreSQL lost.
 */

/** What a file-system call of the store was doing when it failed. */
export type StoreDoing = 'lock' | 'open' | 'write' | 'append' | 'mkdir' | 'repair';

/** Which file of the embedded store a fact is about. */
export type StoreFileKind = 'folder' | 'doc' | 'journal';

/** Who holds the embedded store's lock (pid null: unknown). */
export interface LockHolder {
  pid: number | null;
  lockFile: string;
}

export type StoreFact =
  // a file-system call failed (the errno says which: ENOSPC, EROFS, EACCES, ...; `detail` when there is no errno)
  | { kind: 'fs'; doing: StoreDoing; file: string; errno?: string; detail?: string }
  | { kind: 'cannot-read'; file: string; why: string }
  | { kind: 'folder-is-file'; file: string }
  | { kind: 'not-writable'; what: StoreFileKind; file: string }
  // the lock and the store's state
  | { kind: 'locked'; file: string; holder: LockHolder }
  | { kind: 'closed'; file: string }
  | { kind: 'read-only'; file: string }
  | { kind: 'write-not-undone'; file: string; failed: StoreFact; undoWhy: string }
  // start-up refusals: a file does not agree with the rest (code 'corrupt')
  | { kind: 'doc-not-json'; file: string; why: string }
  | { kind: 'not-a-store'; file: string }
  | { kind: 'wrong-version'; file: string; got: string }
  | { kind: 'doc-invalid'; file: string; where: string; shown: string; problem: string }
  | { kind: 'doc-tampered'; file: string }
  | { kind: 'doc-missing'; file: string; held: { file: string; lines: number }[] }
  | { kind: 'bad-line'; file: string; line: number; why: string }
  | { kind: 'chain-broken'; file: string; line: number }
  | { kind: 'journal-missing'; file: string; doc: string; lines: number }
  | { kind: 'journal-shorter'; file: string; lines: number; doc: string; docLines: number }
  | { kind: 'journal-changed'; file: string; doc: string; lines: number }
  | { kind: 'journal-torn-vouched'; file: string; doc: string }
  // warnings on open (`readOnly`: the repair was made in memory only)
  | { kind: 'torn-line-cut'; file: string; bytes: number; readOnly?: boolean }
  | { kind: 'last-line-completed'; file: string; readOnly?: boolean }
  | { kind: 'rolled-forward'; file: string; changes: number; readOnly?: boolean }
  | { kind: 'upgraded'; file: string; from: number; to: number; readOnly?: boolean }
  | { kind: 'lock-info-failed'; file: string; why: string }
  // PostgreSQL
  | { kind: 'pg-migrate'; why: string }
  | { kind: 'pg-pool-lost'; why: string }
  | { kind: 'pg-listen-lost'; why: string }
  | { kind: 'pg-listen-failed'; why: string }
  | { kind: 'pg-lock-lost'; name: string; why: string }
  | { kind: 'pg-listen-back' }
  /** A query or a write failed because the database is unreachable, too slow (a lock, a timeout) or read-only. */
  | { kind: 'pg-unavailable'; cause: StoreHealthReason; why: string }
  // the embedded store's files were removed or replaced under the running process: no more writes until restarted
  | { kind: 'files-replaced'; file: string; what: StoreFileKind | 'lock'; how: 'removed' | 'replaced' };

/**
 * Why the store cannot serve right now (Store.health(), /healthz): the database does not answer ('unreachable'),
 * answers too late ('timeout': a lock held, an overloaded server), takes no writes ('read-only'); the embedded store's
 * files were removed or replaced under it ('files-replaced'); a write could not be undone ('failed'); closed.
 */
export type StoreHealthReason = 'unreachable' | 'timeout' | 'read-only' | 'files-replaced' | 'failed' | 'closed';
