import type { Indicator, Plan } from '../plan/types';
import type { ReportRecord, ReviewState, Store } from '../store/types';
import { catalog, periodText, type Lang } from '../i18n';
import { personOf, type ActorLike } from './ownership';
import { cleanText, findIndicator } from './validate';

/**
 * The planning office's review (DOMAIN.md, "Review"): owners' versions enter 'pendiente', admins' and imported
 * ones 'aprobado'; an admin approves or returns (with a reason) the latest version of a month while it is
 * 'pendiente'. Which version counts is the engine's rule (progress/engine.ts, countingVersions). Pure apart from
 * the Store passed in.
 */

/** The review state of a stored version: versions stored before review existed read as 'aprobado'. */
export function reviewOf(record: Pick<ReportRecord, 'review'>): ReviewState {
  return record.review ?? 'aprobado';
}

/** The state a new version enters: an owner's waits for review; an admin's or an import's is approved. */
export function initialReview(by: { isAdmin: boolean; source: ReportRecord['source'] }): ReviewState {
  return by.isAdmin || by.source === 'csv' ? 'aprobado' : 'pendiente';
}

/** A return needs a reason at least this long (characters, after trimming). */
export const MIN_RETURN_REASON = 10;

const MAX_NOTE = 1000;

/** What waits for review: the latest version of each month while it is 'pendiente', oldest first. */
export async function pendingReviews(store: Pick<Store, 'latestReports'>, plan?: Plan): Promise<ReportRecord[]> {
  const latest = await store.latestReports({ review: 'pendiente' });
  const ids = plan ? new Set(plan.objectives.flatMap((o) => o.indicators.map((i) => i.id))) : undefined;
  const out = latest.filter((r) => (!ids || ids.has(r.indicatorId)) && reviewOf(r) === 'pendiente');
  return out.sort((a, b) => (a.reportedAt < b.reportedAt ? -1 : a.reportedAt > b.reportedAt ? 1 : a.id < b.id ? -1 : 1));
}

/** The months (YYYY-MM) whose counting version is still 'pendiente' (the status JSON's `unreviewed`). */
export function unreviewedMonths(counting: readonly ReportRecord[]): string[] {
  return counting.filter((r) => reviewOf(r) === 'pendiente').map((r) => r.period);
}

export interface ReviewRequest {
  plan: Plan;
  actor: ActorLike;
  /** PEI_ADMINS or an admin added at run time: decided by the caller, never by what a card payload says. */
  isAdmin: boolean;
  reportId: string;
  decision: 'aprobado' | 'devuelto';
  note?: string;
  now: Date;
  lang: Lang;
}

export type ReviewResult =
  | { status: 'reviewed'; record: ReportRecord; indicator: Indicator; message: string }
  | { status: 'forbidden'; message: string }
  | { status: 'invalid'; message: string }
  | { status: 'not-found'; message: string }
  | { status: 'superseded' | 'not-pending'; record: ReportRecord; message: string };

export function reviewStateText(state: ReviewState, lang: Lang): string {
  return catalog(lang === 'en' ? 'en' : 'es').reviewOutcome.states[state];
}

export async function reviewReport(store: Store, req: ReviewRequest): Promise<ReviewResult> {
  const lang: Lang = req.lang === 'en' ? 'en' : 'es';
  const t = catalog(lang).reviewOutcome;
  if (!req.isAdmin) return { status: 'forbidden', message: t.forbidden };
  if (req.decision !== 'aprobado' && req.decision !== 'devuelto') return { status: 'invalid', message: t.notFound };
  const note = cleanText(req.note ?? '').slice(0, MAX_NOTE);
  if (req.decision === 'devuelto' && note.length < MIN_RETURN_REASON) return { status: 'invalid', message: t.reasonShort(MIN_RETURN_REASON) };
  const res = await store.reviewReport({ reportId: String(req.reportId ?? '').slice(0, 120), decision: req.decision, note: note || undefined }, personOf(req.actor), req.now.toISOString());
  switch (res.status) {
    case 'not-found':
      return { status: 'not-found', message: t.notFound };
    case 'superseded':
      return { status: 'superseded', record: res.latest, message: t.superseded(res.record.indicatorId, periodText(res.record.period, lang), res.latest.version) };
    case 'not-pending':
      return { status: 'not-pending', record: res.record, message: t.notPending(res.record.indicatorId, periodText(res.record.period, lang), t.states[reviewOf(res.record)]) };
    case 'reviewed': {
      const r = res.record;
      const indicator = findIndicator(req.plan, r.indicatorId)!;
      const p = periodText(r.period, lang);
      return { status: 'reviewed', record: r, indicator, message: req.decision === 'aprobado' ? t.approved(r.indicatorId, p, r.version) : t.returned(r.indicatorId, p, r.version) };
    }
  }
}
