/**
 * The rules every store keeps beyond the domain's (domain/audit.ts, report-versions.ts, plan-versions.ts: re-exported
 * here): the small state and how an audit entry changes it, what a report query matches. Memory and embedded:
 * base.ts; PostgreSQL: pg-store.ts.
 */
import type { AuditEntry, ConversationRecord, Person, ReportRecord, SentRecord, Subscription } from '../domain/records';
import { AUDIT_ACTIONS, cloneJson, copyPerson } from '../domain/audit';
import type { ReportQuery } from './types';

export * from '../domain/audit';
export * from '../domain/report-versions';
export { checkPlanVersionInput, planVersionChange } from '../domain/plan-versions';

/** The small mutable state (the embedded store's document). */
export interface StoreState {
  owners: Record<string, Person[]>;
  admins: Person[];
  subscriptions: Subscription[];
  conversations: ConversationRecord[];
  sent: SentRecord[];
}

export function emptyState(): StoreState {
  return { owners: {}, admins: [], subscriptions: [], conversations: [], sent: [] };
}

/** The small state's lists of a document (which holds more). */
export function stateOf(doc: StoreState): StoreState {
  const { owners, admins, subscriptions, conversations, sent } = doc;
  return { owners, admins, subscriptions, conversations, sent };
}

/**
 * Applies an audit entry of the small state (owners, admins, subscriptions) to a state: the live write's new state,
 * and the embedded store's roll forward of a change its document missed. Idempotent; false for other entries.
 */
export function applyStateAudit(state: StoreState, e: AuditEntry): boolean {
  const id = e.target.slice(e.target.indexOf(':') + 1);
  switch (e.action) {
    case AUDIT_ACTIONS.ownersSet: {
      const after = Array.isArray(e.after) ? (e.after as Person[]).map(copyPerson) : [];
      state.owners = { ...state.owners, [id]: after };
      if (!after.length) delete state.owners[id];
      return true;
    }
    case AUDIT_ACTIONS.adminAdd: {
      const p = copyPerson(e.after as Person);
      const i = state.admins.findIndex((a) => a.id === p.id);
      state.admins = i >= 0 ? state.admins.map((a, k) => (k === i ? p : a)) : [...state.admins, p];
      return true;
    }
    case AUDIT_ACTIONS.adminRemove:
      state.admins = state.admins.filter((a) => a.id !== id);
      return true;
    case AUDIT_ACTIONS.subscriptionAdd: {
      const s = e.after as Subscription;
      if (!state.subscriptions.some((x) => x.conversationKey === s.conversationKey && x.kind === s.kind))
        state.subscriptions = [...state.subscriptions, cloneJson(s)];
      return true;
    }
    case AUDIT_ACTIONS.subscriptionRemove: {
      // The kinds removed are the entry's `before` (one record, or a list from before unsubscribing went by kind).
      const removed = [e.before].flat() as Partial<Subscription>[];
      const kinds = new Set(removed.map((x) => x?.kind));
      state.subscriptions = state.subscriptions.filter((x) => x.conversationKey !== id || !kinds.has(x.kind));
      return true;
    }
    default:
      return false;
  }
}

/** The months a report query covers, as an inclusive [from, to] range of YYYY-MM (undefined ends are open). */
export function periodRange(q: ReportQuery | undefined): { from?: string; to?: string } {
  const year = q?.year === undefined ? undefined : String(q.year).padStart(4, '0');
  const given = (...months: (string | undefined)[]) => months.filter((m) => m !== undefined).sort();
  // The latest of the starts the query gives, the earliest of its ends.
  const from = given(q?.from, q?.period, year && `${year}-01`).at(-1);
  return { from, to: given(q?.to, q?.period, year && `${year}-12`)[0] };
}

/** The records that match a report query, in their order (PostgreSQL does the same in SQL). */
export function reportsMatching(records: Iterable<ReportRecord>, q: ReportQuery | undefined): ReportRecord[] {
  const { from, to } = periodRange(q);
  const out: ReportRecord[] = [];
  for (const r of records) {
    if (q?.indicatorId !== undefined && r.indicatorId !== q.indicatorId) continue;
    if ((from !== undefined && r.period < from) || (to !== undefined && r.period > to)) continue;
    if (q?.review === undefined || (r.review ?? 'aprobado') === q.review) out.push(r);
  }
  return out;
}

/** Whether a record has every value a filter gives (an undefined value matches any). */
export const matchesFilter = (filter: object | undefined, record: object): boolean =>
  Object.entries(filter ?? {}).every(([k, v]) => v === undefined || (record as Record<string, unknown>)[k] === v);

/** Calls every change listener; a listener that throws does not stop the others nor the write. */
export function notifyAll(listeners: Iterable<(revision: number) => void>, revision: number): void {
  for (const l of [...listeners]) {
    try {
      l(revision);
    } catch {
      // a cache hint: a failing listener must not break the write that caused it
    }
  }
}
