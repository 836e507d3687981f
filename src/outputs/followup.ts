import { catalog, type Lang } from '../i18n';
import type { Plan } from '../domain/plan';
import type { PlanFigures } from '../progress/engine';
import type { Person } from '../domain/records';
import { checkPlan } from '../plan/check';
import { statusJson } from '../views/status-json';
import { computeCompliance } from '../reports/compliance';
import { quarterAsOf, type Quarter } from './common';
import { workbookBuffer, workbookFileName, type ReportVersion } from './workbook';

/**
 * The follow-up workbook from what the bot holds: the one function behind GET /api/v1/export.xlsx, the signed
 * download link and `npm run cli -- export`, so the three give the same workbook.
 */

export interface FollowUpSource {
  plan: Plan;
  figures(year: number, asOf: string): PlanFigures | Promise<PlanFigures>;
  reports(): readonly ReportVersion[] | Promise<readonly ReportVersion[]>;
  owners(indicatorId: string): readonly Person[];
}

export type FollowUpResult =
  | { ok: true; buffer: Buffer; fileName: string; asOf: string; running: boolean }
  | { ok: false; code: 'year-outside-plan'; params: { from: number; to: number; year: number } }
  | { ok: false; code: 'quarter-not-started'; params: { quarter: Quarter; year: number; today: string } };

/** A refusal in the reader's words (the core returns its code and figures). */
export function refusalText(r: Extract<FollowUpResult, { ok: false }>, lang: Lang): string {
  const t = catalog(lang).http;
  return r.code === 'year-outside-plan'
    ? t.yearOutsidePlan(r.params.from, r.params.to, r.params.year)
    : t.quarterNotStarted(r.params.quarter, r.params.year, r.params.today);
}

export async function followUpWorkbook(
  src: FollowUpSource,
  year: number,
  quarter: Quarter,
  today: string,
  now: Date,
): Promise<FollowUpResult> {
  const { from, to } = src.plan.period;
  if (year < from || year > to) {
    return {
      ok: false,
      code: 'year-outside-plan',
      params: { from, to, year },
    };
  }
  const cut = quarterAsOf(year, quarter, today);
  if (!cut) {
    return {
      ok: false,
      code: 'quarter-not-started',
      params: { quarter, year, today },
    };
  }
  const figures = await src.figures(year, cut.asOf);
  const reports = await src.reports();
  const buffer = await workbookBuffer({
    plan: src.plan,
    status: statusJson(figures, (id) => src.owners(id)),
    quarter,
    reports,
    // The compliance columns see the reports the figures count: every one stored by today (reports/compliance.ts).
    compliance: computeCompliance({
      plan: src.plan,
      reports,
      owners: (id) => src.owners(id),
      year,
      asOf: cut.asOf,
      seenUntil: today > cut.asOf ? today : cut.asOf,
    }),
    findings: checkPlan(src.plan).findings,
    generatedAt: now,
    running: cut.running,
  });
  return { ok: true, buffer, fileName: workbookFileName(year, quarter), asOf: cut.asOf, running: cut.running };
}
