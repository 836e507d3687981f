import type { Plan } from '../plan/types';
import type { PlanFigures } from '../progress/engine';
import type { Person } from '../store/types';
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
  figures(year: number, asOf: string): PlanFigures;
  reports(): readonly ReportVersion[];
  owners(indicatorId: string): readonly Person[];
}

export type FollowUpResult =
  | { ok: true; buffer: Buffer; fileName: string; asOf: string; running: boolean }
  | { ok: false; code: 'quarter-not-started' | 'year-outside-plan'; message: { es: string; en: string } };

export async function followUpWorkbook(src: FollowUpSource, year: number, quarter: Quarter, today: string, now: Date): Promise<FollowUpResult> {
  const { from, to } = src.plan.period;
  if (year < from || year > to) {
    return {
      ok: false,
      code: 'year-outside-plan',
      message: { es: `El plan cubre ${from}–${to}; no hay seguimiento de ${year}.`, en: `The plan covers ${from}–${to}; there is no follow-up for ${year}.` },
    };
  }
  const cut = quarterAsOf(year, quarter, today);
  if (!cut) {
    return {
      ok: false,
      code: 'quarter-not-started',
      message: { es: `El trimestre T${quarter} de ${year} aún no ha empezado (hoy es ${today}).`, en: `Quarter Q${quarter} ${year} has not started yet (today is ${today}).` },
    };
  }
  const figures = src.figures(year, cut.asOf);
  const reports = src.reports();
  const buffer = await workbookBuffer({
    plan: src.plan,
    status: statusJson(figures, (id) => src.owners(id)),
    quarter,
    reports,
    compliance: computeCompliance({ plan: src.plan, reports, owners: (id) => src.owners(id), year, asOf: cut.asOf }),
    findings: checkPlan(src.plan).findings,
    generatedAt: now,
    running: cut.running,
  });
  return { ok: true, buffer, fileName: workbookFileName(year, quarter), asOf: cut.asOf, running: cut.running };
}
