/** The in-memory Store: the same semantics as the embedded store (base.ts), nothing on disk. For tests and demos. */
import { BaseStore } from './base';
import { cloneJson, emptyState } from './rules';
import type { AuditEntry, ConversationRecord, Person, ReportRecord, SentRecord, Subscription } from '../domain/records';
import type { Store } from './types';

export interface MemoryStoreInit {
  /** Stored versions, in write order (no audit entries are made for them). */
  reports?: ReportRecord[];
  owners?: Record<string, Person[]>;
  admins?: Person[];
  subscriptions?: Subscription[];
  conversations?: ConversationRecord[];
  sent?: SentRecord[];
  audit?: AuditEntry[];
}

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
