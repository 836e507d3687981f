import type { StoreDoing, StoreFact, StoreFileKind } from '../../domain/store-facts';

export type { StoreDoing, StoreFact, StoreFileKind };

/**
 * The store's words for its operator: why a write failed, why the store does not start (a file that disagrees, a
 * lock, permissions), the repairs made on open, what PostgreSQL lost. Each names the file. The edges (cli/, http/,
 * teams/, main.ts) say a StoreError's `fact`, and the warnings the store reports, through `say`. A few fragments
 * are kept in English in the Spanish text on purpose (`left untouched`, `line N is not a valid …`), so that an
 * operator searching the web or the docs finds them.
 */
export interface StoreStrings {
  say(fact: StoreFact): string;
}
