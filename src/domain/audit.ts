/**
 * The audit trail's rules, the same in every store: the actions, what a stored version and a person look like, and
 * the entry each change writes (who, when, the target, before and after). A report version is the `after` of its
 * report.create / report.correct entry; a review the `after` of its report.approve / report.return entry.
 */
import type {
  AuditEntry,
  Person,
  ReportInput,
  ReportRecord,
  ReportSource,
  ReviewDecision,
  ReviewState,
  Subscription,
} from './records';

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

export const isReportAction = (action: string) =>
  action === AUDIT_ACTIONS.reportCreate || action === AUDIT_ACTIONS.reportCorrect;
export const isReviewAction = (action: string) =>
  action === AUDIT_ACTIONS.reportApprove || action === AUDIT_ACTIONS.reportReturn;
export const isPlanAction = (action: string) => action === AUDIT_ACTIONS.planVersion;

/** An audit entry before the store gives it its seq. */
export type Change = Omit<AuditEntry, 'seq'>;

/** The review fields a review's audit entry carries in `after`. */
export interface ReviewAfter {
  id: string;
  review: ReviewState;
  reviewedBy: Person;
  reviewedAt: string;
  reviewNote?: string;
}

export const reportId = (indicatorId: string, period: string, version: number) =>
  `${indicatorId}:${period}:v${version}`;

export const cloneJson = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));
export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A person as stored: only the fields the store keeps. */
export function copyPerson(p: Person): Person {
  const copy: Person = { id: p.id, name: p.name };
  if (p.email !== undefined) copy.email = p.email;
  if (p.teamsId !== undefined) copy.teamsId = p.teamsId;
  return copy;
}

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

/** One stored version of a report: texts defaulted to '', submissionId and review only when given. */
export function buildReportRecord(
  input: ReportInput,
  version: number,
  by: { author: Person; source: ReportSource; submissionId?: string; review?: ReviewState },
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

/** The stored version with a review applied (a copy; the version itself is never changed). */
export function withReview(record: ReportRecord, after: ReviewAfter): ReportRecord {
  const next = {
    ...record,
    review: after.review,
    reviewedBy: copyPerson(after.reviewedBy),
    reviewedAt: after.reviewedAt,
  };
  if (after.reviewNote !== undefined) next.reviewNote = after.reviewNote;
  else delete next.reviewNote;
  return next;
}

export function change(
  at: string,
  actor: Person,
  action: string,
  target: string,
  before: unknown,
  after: unknown,
): Change {
  return { at, actor: copyPerson(actor), action, target, before, after };
}

/** A new version of a month, numbered after `prev` (its month's latest version, if any). */
export function reportChange(prev: ReportRecord | undefined, after: ReportRecord, actor: Person, at: string): Change {
  const action = prev ? AUDIT_ACTIONS.reportCorrect : AUDIT_ACTIONS.reportCreate;
  return change(at, actor, action, `report:${after.indicatorId}:${after.period}`, prev ?? null, after);
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
  const after: Subscription = { ...sub, createdBy: copyPerson(sub.createdBy) };
  return change(
    sub.createdAt,
    actor,
    AUDIT_ACTIONS.subscriptionAdd,
    `subscription:${sub.conversationKey}`,
    null,
    after,
  );
}

export function unsubscribeChange(key: string, removed: Subscription[], actor: Person, at: string): Change | null {
  if (!removed.length) return null;
  const before = removed.length === 1 ? removed[0] : removed;
  return change(at, actor, AUDIT_ACTIONS.subscriptionRemove, `subscription:${key}`, before, null);
}
