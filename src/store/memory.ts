/**
 * The in-memory Store: the same semantics as the lowdb store (base.ts), nothing on disk. For unit tests of the core
 * and for demos.
 */
import { BaseStore, emptyState, type Effects } from './base';
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

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

class MemoryStore extends BaseStore {
  private closed = false;

  constructor(init: MemoryStoreInit) {
    const state = emptyState();
    if (init.owners) state.owners = clone(init.owners);
    if (init.admins) state.admins = clone(init.admins);
    if (init.subscriptions) state.subscriptions = clone(init.subscriptions);
    if (init.conversations) state.conversations = clone(init.conversations);
    if (init.sent) state.sent = clone(init.sent);
    super({ state, reports: init.reports ? clone(init.reports) : [], audit: init.audit ? clone(init.audit) : [] });
  }

  protected checkWritable(): void {
    if (this.closed) throw new Error('store: closed');
  }

  protected persist(effects: Effects): Promise<void> {
    this.publish(effects);
    return Promise.resolve();
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {
    this.closed = true;
  }
}

export function createMemoryStore(init: MemoryStoreInit = {}): Store {
  return new MemoryStore(init);
}
