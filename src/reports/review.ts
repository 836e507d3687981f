import { planHoldsReport, type Indicator, type Plan } from '../domain/plan';
import type { ReportRecord, ReviewState } from '../domain/records';
import type { Store } from '../store/types';
import { catalog, type Lang } from '../i18n';
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
  const ids = plan && new Set(plan.objectives.flatMap((o) => o.indicators.map((i) => i.id)));
  const out = latest.filter((r) => (!ids || planHoldsReport(plan!, ids, r)) && reviewOf(r) === 'pendiente');
  return out.sort((a, b) =>
    a.reportedAt < b.reportedAt ? -1 : a.reportedAt > b.reportedAt ? 1 : a.id < b.id ? -1 : 1,
  );
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
}

/** What became of a review, as facts: the chat layer words it (outcomeText in chat/review.ts, from the catalog). */
export type ReviewResult =
  | { status: 'reviewed'; decision: 'aprobado' | 'devuelto'; record: ReportRecord; indicator: Indicator }
  | { status: 'forbidden' }
  /** 'decision': neither approve nor return; 'reason-short': a return without its reason of MIN_RETURN_REASON characters. */
  | { status: 'invalid'; why: 'decision' | 'reason-short' }
  | { status: 'not-found' }
  /** `record` is the month's latest version (the one that can still be reviewed). */
  | { status: 'superseded'; record: ReportRecord }
  | { status: 'not-pending'; record: ReportRecord };

export function reviewStateText(state: ReviewState, lang: Lang): string {
  return catalog(lang === 'en' ? 'en' : 'es').reviewOutcome.states[state];
}

export async function reviewReport(store: Store, req: ReviewRequest): Promise<ReviewResult> {
  if (!req.isAdmin) return { status: 'forbidden' };
  if (req.decision !== 'aprobado' && req.decision !== 'devuelto') return { status: 'invalid', why: 'decision' };
  const note = cleanText(req.note ?? '').slice(0, MAX_NOTE);
  if (req.decision === 'devuelto' && note.length < MIN_RETURN_REASON) return { status: 'invalid', why: 'reason-short' };
  const res = await store.reviewReport(
    { reportId: String(req.reportId ?? '').slice(0, 120), decision: req.decision, note: note || undefined },
    personOf(req.actor),
    req.now.toISOString(),
  );
  switch (res.status) {
    case 'not-found':
      return { status: 'not-found' };
    case 'superseded':
      return { status: 'superseded', record: res.latest };
    case 'not-pending':
      return { status: 'not-pending', record: res.record };
    case 'reviewed':
      return {
        status: 'reviewed',
        decision: req.decision,
        record: res.record,
        indicator: findIndicator(req.plan, res.record.indicatorId)!,
      };
  }
}
