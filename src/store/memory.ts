/**
 * The in-memory Store: the same semantics as the embedded store (base.ts), nothing on disk. For unit tests of the
 * core and for demos.
 */
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
  constructor(init: MemoryStoreInit) {
    const state = emptyState();
    for (const k of ['owners', 'admins', 'subscriptions', 'conversations', 'sent'] as const)
      if (init[k]) Object.assign(state, { [k]: cloneJson(init[k]) });
    super(state);
    for (const r of cloneJson(init.reports) ?? []) this.addVersion(r);
    for (const e of cloneJson(init.audit) ?? []) this.addAudit(e);
  }

  protected async persist(): Promise<void> {}

  async close(): Promise<void> {
    this.closed = true;
  }
}

export function createMemoryStore(init: MemoryStoreInit = {}): Store {
  return new MemoryStore(init);
}
