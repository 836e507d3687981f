/**
 * The rules every store keeps, as plain functions (memory and embedded: base.ts; PostgreSQL: pg-store.ts): what a
 * stored version and a person look like, the audit actions, what a report query matches, how a review and a change
 * of the small state apply.
 */
import type {
  AuditEntry,
  ConversationRecord,
  Person,
  ReportInput,
  ReportRecord,
  ReviewDecision,
  ReviewState,
  SentRecord,
  Subscription,
} from '../domain/records';
import type { AppendReportResult, ReportBatchItem, ReportQuery, ReviewReportResult } from './types';

/** The small mutable state (the embedded store's document). */
export interface StoreState {
  owners: Record<string, Person[]>;
  admins: Person[];
  subscriptions: Subscription[];
  conversations: ConversationRecord[];
  sent: SentRecord[];
}

export const AUDIT_ACTIONS = {
  reportCreate: 'report.create',
  reportCorrect: 'report.correct',
  reportApprove: 'report.approve',
  reportReturn: 'report.return',
  ownersSet: 'owners.set',
  adminAdd: 'admin.add',
  adminRemove: 'admin.remove',
  subscriptionAdd: 'subscription.add',
  subscriptionRemove: 'subscription.remove',
  planVersion: 'plan.version',
} as const;

export function emptyState(): StoreState {
  return { owners: {}, admins: [], subscriptions: [], conversations: [], sent: [] };
}

/** The small state's lists of a document (which holds more). */
export function stateOf(doc: StoreState): StoreState {
  const { owners, admins, subscriptions, conversations, sent } = doc;
  return { owners, admins, subscriptions, conversations, sent };
}

export function reportId(indicatorId: string, period: string, version: number): string {
  return `${indicatorId}:${period}:v${version}`;
}

export const monthKey = (r: { indicatorId: string; period: string }) => `${r.indicatorId}|${r.period}`;

/** A person as stored: only the fields the store keeps. */
export function copyPerson(p: Person): Person {
  const copy: Person = { id: p.id, name: p.name };
  if (p.email !== undefined) copy.email = p.email;
  if (p.teamsId !== undefined) copy.teamsId = p.teamsId;
  return copy;
}

export const cloneJson = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));
export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Refuses a report input no store may keep (a TypeError: a bug of the caller, not a user's mistake). */
export function checkInput(input: ReportInput): void {
  if (!input || typeof input.indicatorId !== 'string' || input.indicatorId === '')
    throw new TypeError('store: report without indicatorId');
  if (typeof input.period !== 'string' || !PERIOD.test(input.period))
    throw new TypeError(`store: report period must be YYYY-MM, got ${JSON.stringify(input.period)}`);
  if (typeof input.value !== 'number' || !Number.isFinite(input.value))
    throw new TypeError(`store: report value must be a finite number, got ${String(input.value)}`);
}

export function checkDecision(decision: ReviewDecision): void {
  if (decision.decision !== 'aprobado' && decision.decision !== 'devuelto')
    throw new TypeError(`store: a review decides 'aprobado' or 'devuelto', got ${JSON.stringify(decision.decision)}`);
}

/** The review fields a review audit entry carries in `after`. */
export interface ReviewAfter {
  id: string;
  review: ReviewState;
  reviewedBy: Person;
  reviewedAt: string;
  reviewNote?: string;
}

/** The stored version with a review applied (a copy; the version itself is never changed). */
export function withReview(record: ReportRecord, after: ReviewAfter): ReportRecord {
  const next: ReportRecord = {
    ...record,
    review: after.review,
    reviewedBy: copyPerson(after.reviewedBy),
    reviewedAt: after.reviewedAt,
  };
  if (after.reviewNote !== undefined) next.reviewNote = after.reviewNote;
  else delete next.reviewNote;
  return next;
}

export const isReportAction = (action: string) =>
  action === AUDIT_ACTIONS.reportCreate || action === AUDIT_ACTIONS.reportCorrect;
export const isPlanAction = (action: string) => action === AUDIT_ACTIONS.planVersion;
export const isReviewAction = (action: string) =>
  action === AUDIT_ACTIONS.reportApprove || action === AUDIT_ACTIONS.reportReturn;

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
  let from = q?.from;
  let to = q?.to;
  const narrow = (f: string, t: string) => {
    if (from === undefined || f > from) from = f;
    if (to === undefined || t < to) to = t;
  };
  if (q?.period !== undefined) narrow(q.period, q.period);
  if (q?.year !== undefined) narrow(`${String(q.year).padStart(4, '0')}-01`, `${String(q.year).padStart(4, '0')}-12`);
  return { from, to };
}

/** Whether a record matches a report query (PostgreSQL does the same in SQL). */
export function matchesReportQuery(r: ReportRecord, q: ReportQuery | undefined): boolean {
  if (!q) return true;
  if (q.indicatorId !== undefined && r.indicatorId !== q.indicatorId) return false;
  const { from, to } = periodRange(q);
  if (from !== undefined && r.period < from) return false;
  if (to !== undefined && r.period > to) return false;
  if (q.review !== undefined && (r.review ?? 'aprobado') !== q.review) return false;
  return true;
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

/** One stored version of a report, as every store writes it: texts defaulted to '', submissionId / review only when given. */
export function buildReportRecord(
  input: ReportInput,
  version: number,
  by: Omit<ReportBatchItem, 'input'>,
  at: string,
): ReportRecord {
  const record: ReportRecord = {
    id: reportId(input.indicatorId, input.period, version),
    indicatorId: input.indicatorId,
    period: input.period,
    version,
    value: input.value,
    logros: input.logros ?? '',
    dificultades: input.dificultades ?? '',
    evidencia: input.evidencia ?? '',
    author: copyPerson(by.author),
    reportedAt: at,
    source: by.source,
  };
  if (by.submissionId !== undefined) record.submissionId = by.submissionId;
  if (by.review !== undefined) record.review = by.review;
  return record;
}

/** A write's audit entry before its seq is given. Every store builds its entries with the functions below. */
export type Change = Omit<AuditEntry, 'seq'>;

function change(at: string, actor: Person, action: string, target: string, before: unknown, after: unknown): Change {
  return { at, actor: copyPerson(actor), action, target, before, after };
}

/**
 * What a batch of reports writes, decided the same way by every store: a submissionId already stored (or given
 * earlier in the batch) is a duplicate and writes nothing; each new version is numbered after its month's latest,
 * the batch's own versions included. `stored` looks up what is already stored.
 */
export async function planReports(
  batch: ReportBatchItem[],
  at: string,
  actor: Person,
  stored: {
    bySubmission: (submissionId: string) => Promise<ReportRecord | undefined>;
    latest: (month: ReportInput) => Promise<ReportRecord | undefined> | ReportRecord | undefined;
  },
): Promise<{ results: AppendReportResult[]; changes: Change[] }> {
  const results: AppendReportResult[] = [];
  const changes: Change[] = [];
  const latest = new Map<string, ReportRecord>();
  const fresh = new Map<string, ReportRecord>();
  for (const item of batch) {
    const sid = item.submissionId;
    const dup = sid === undefined ? undefined : (fresh.get(sid) ?? (await stored.bySubmission(sid)));
    if (dup) {
      results.push({ record: dup, duplicate: true });
      continue;
    }
    const prev = latest.get(monthKey(item.input)) ?? (await stored.latest(item.input));
    const after = buildReportRecord(item.input, (prev?.version ?? 0) + 1, item, at);
    const action = prev ? AUDIT_ACTIONS.reportCorrect : AUDIT_ACTIONS.reportCreate;
    changes.push(change(at, actor, action, `report:${after.indicatorId}:${after.period}`, prev ?? null, after));
    latest.set(monthKey(after), after);
    if (sid !== undefined) fresh.set(sid, after);
    results.push({ record: after, duplicate: false });
  }
  return { results, changes };
}

/** Why a version may not be reviewed (`latest`: its month's latest version), or null when it may. */
export function reviewRefusal(
  record: ReportRecord | undefined,
  latest: ReportRecord | undefined,
): ReviewReportResult | null {
  if (!record) return { status: 'not-found' };
  if (latest && latest.id !== record.id) return { status: 'superseded', record, latest };
  if (record.review !== 'pendiente') return { status: 'not-pending', record };
  return null;
}

export function reviewChange(record: ReportRecord, decision: ReviewDecision, actor: Person, at: string): Change {
  const after: ReviewAfter = {
    id: record.id,
    review: decision.decision,
    reviewedBy: copyPerson(actor),
    reviewedAt: at,
  };
  if (decision.note !== undefined && decision.note !== '') after.reviewNote = decision.note;
  const action = decision.decision === 'aprobado' ? AUDIT_ACTIONS.reportApprove : AUDIT_ACTIONS.reportReturn;
  const target = `report:${record.indicatorId}:${record.period}`;
  return change(at, actor, action, target, { id: record.id, review: 'pendiente' }, after);
}

/** Setting an indicator's owners (duplicates dropped); null when that changes nothing. */
export function ownersChange(id: string, owners: Person[], before: Person[], actor: Person, at: string): Change | null {
  const after: Person[] = [];
  for (const p of owners) if (!after.some((a) => a.id === p.id)) after.push(copyPerson(p));
  return sameJson(before, after) ? null : change(at, actor, AUDIT_ACTIONS.ownersSet, `owner:${id}`, before, after);
}

export function adminAddChange(person: Person, before: Person | null, actor: Person, at: string): Change | null {
  const after = copyPerson(person);
  if (before && sameJson(before, after)) return null;
  return change(at, actor, AUDIT_ACTIONS.adminAdd, `admin:${person.id}`, before, after);
}

export function adminRemoveChange(id: string, before: Person | undefined, actor: Person, at: string): Change | null {
  return before ? change(at, actor, AUDIT_ACTIONS.adminRemove, `admin:${id}`, before, null) : null;
}

export function subscribeChange(sub: Subscription, actor: Person): Change {
  const target = `subscription:${sub.conversationKey}`;
  const after: Subscription = { ...sub, createdBy: copyPerson(sub.createdBy) };
  return change(sub.createdAt, actor, AUDIT_ACTIONS.subscriptionAdd, target, null, after);
}

export function unsubscribeChange(key: string, removed: Subscription[], actor: Person, at: string): Change | null {
  if (!removed.length) return null;
  const before = removed.length === 1 ? removed[0] : removed;
  return change(at, actor, AUDIT_ACTIONS.subscriptionRemove, `subscription:${key}`, before, null);
}
