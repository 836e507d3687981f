import { ownersKey } from '../domain/owners';
import type { Indicator, Plan } from '../domain/plan';
import type { Person, ReportRecord, ReportSource } from '../domain/records';
import type { Store } from '../store/types';
import { initialReview } from './review';
import { messages, type Lang } from '../i18n';
import { mayReport, personOf, type ActorLike } from './ownership';
import {
  cleanText,
  findIndicator,
  validateReport,
  type FieldError,
  type RawReport,
  type ReportWarning,
} from './validate';

/**
 * One report submit, from whoever sent it (a Teams form, an API): the owner check, the idempotency check, the
 * validation and the durable append (the store versions it and writes its audit entry). Nothing is stored unless
 * every check passes. The Store comes in as a parameter; no Teams or HTTP here.
 */

export interface SubmitRequest {
  plan: Plan;
  actor: ActorLike;
  /** PEI_ADMINS or an admin added at run time (decided by the caller, which knows the configuration). */
  isAdmin: boolean;
  input: RawReport;
  /** Idempotency key: the form card's id. A repeat by the same person stores nothing new (stored as `<person id>:<form id>`). */
  submissionId?: string;
  now: Date;
  source: ReportSource;
  lang: Lang;
  /** The write commits only before this instant (epoch ms, the real clock): the turn's deadline less a margin. */
  commitBy?: number;
}

export type SubmitResult =
  | { status: 'stored'; record: ReportRecord; indicator: Indicator; correction: boolean; warnings: ReportWarning[] }
  /** The same submissionId was already stored (a second click on the same form): nothing new was written. */
  | { status: 'duplicate'; record: ReportRecord; indicator: Indicator }
  | { status: 'unknown-indicator'; indicatorId: string; message: string }
  | { status: 'forbidden'; indicator: Indicator; message: string }
  | { status: 'invalid'; indicator?: Indicator; errors: FieldError[]; warnings: ReportWarning[] };

/**
 * The stored idempotency key of a form: scoped to the person who sends it, so that one owner reusing another's form
 * id (by accident or not) neither sees the other's report nor loses their own.
 */
export function scopedSubmissionId(author: Person, formId: string): string {
  return `${author.id}:${formId}`;
}

export async function submitReport(store: Store, req: SubmitRequest): Promise<SubmitResult> {
  const lang: Lang = req.lang === 'en' ? 'en' : 'es';
  const m = messages(lang);
  const idText = cleanText(req.input.indicatorId);
  if (!idText)
    return {
      status: 'invalid',
      errors: [{ field: 'indicatorId', code: 'required', message: m.indicatorRequired }],
      warnings: [],
    };
  const indicator = findIndicator(req.plan, idText);
  if (!indicator)
    return {
      status: 'unknown-indicator',
      indicatorId: idText.slice(0, 40),
      message: m.indicatorUnknown(idText.slice(0, 40)),
    };
  // The indicator's owners in the plan reported on (a reused id has other owners in another plan).
  if (!mayReport(await store.owners(ownersKey(req.plan.id, indicator.id)), req.actor, req.isAdmin)) {
    return { status: 'forbidden', indicator, message: m.notOwner(indicator.id) };
  }

  const author: Person = personOf(req.actor);
  const submissionId = req.submissionId === undefined ? undefined : scopedSubmissionId(author, req.submissionId);
  if (req.submissionId !== undefined) {
    // A repeat of this person's form; a key stored before keys were scoped counts only when it is the same person's.
    const legacy = await store.reportBySubmission(req.submissionId);
    const dup =
      (await store.reportBySubmission(submissionId!)) ??
      (legacy && legacy.author.id === author.id ? legacy : undefined);
    if (dup)
      return { status: 'duplicate', record: dup, indicator: findIndicator(req.plan, dup.indicatorId) ?? indicator };
  }

  const checked = validateReport(req.input, {
    plan: req.plan,
    indicator,
    now: req.now,
    // The latest version of each month is all the rules look at (effectiveByPeriod): not every correction stored.
    existing: await store.latestReports({ indicatorId: indicator.id }),
    lang,
    isAdmin: req.isAdmin,
  });
  if (!checked.ok) return { status: 'invalid', indicator, errors: checked.errors, warnings: checked.warnings };

  // An owner's version waits for the planning office's review; an admin's is approved (reports/review.ts).
  const review = initialReview({ isAdmin: req.isAdmin, source: req.source });
  const res = await store.appendReport(checked.value, author, {
    source: req.source,
    submissionId,
    at: req.now.toISOString(),
    review,
    ...(req.commitBy !== undefined ? { commitBy: req.commitBy } : {}),
  });
  if (res.duplicate)
    return {
      status: 'duplicate',
      record: res.record,
      indicator: findIndicator(req.plan, res.record.indicatorId) ?? indicator,
    };
  return {
    status: 'stored',
    record: res.record,
    indicator,
    correction: res.record.version > 1,
    warnings: checked.warnings,
  };
}
