/** The in-memory Store: the same semantics as the embedded store (base.ts), nothing on disk. For tests and demos. */
import { BaseStore } from './base';
import { cloneJson, emptyState, type StoreState } from './rules';
import type { AuditEntry, ReportRecord } from '../domain/records';
import type { Store } from './types';

/** The state to start from; `reports`: stored versions, in write order (no audit entries are made for them). */
export type MemoryStoreInit = Partial<StoreState & { reports: ReportRecord[]; audit: AuditEntry[] }>;

class MemoryStore extends BaseStore {
  constructor({ reports, audit, ...state }: MemoryStoreInit) {
    super({ ...emptyState(), ...cloneJson(state) });
    for (const r of cloneJson(reports) ?? []) this.addVersion(r);
    for (const e of cloneJson(audit) ?? []) this.addAudit(e);
  }

  protected async persist(): Promise<void> {}

  async close(): Promise<void> {
    this.closed = true;
  }
}

export function createMemoryStore(init: MemoryStoreInit = {}): Store {
  return new MemoryStore(init);
}
