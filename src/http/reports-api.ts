import type { Request, Response, Server } from 'restify';
import { findIndicator } from '../reports/validate';
import { reviewOf } from '../reports/review';
import type { Plan } from '../domain/plan';
import type { ReportRecord } from '../domain/records';
import type { Store } from '../store/types';
import { round4 } from '../progress/status';
import { apiError, requireBearer } from './auth';
import { oneParam } from './params';

/** GET /api/v1/reports?indicator=ID&year=YYYY (CONTRACT.md): every stored version, oldest first, with its review. */

export interface ReportsApiOptions {
  store: Store;
  plan: Plan;
  apiToken?: string;
}

export function reportJson(r: ReportRecord) {
  return {
    indicator: r.indicatorId,
    period: r.period,
    version: r.version,
    value: round4(r.value),
    logros: r.logros,
    dificultades: r.dificultades,
    evidencia: r.evidencia,
    reportedBy: { id: r.author.id, name: r.author.name, email: r.author.email ?? null },
    reportedAt: r.reportedAt,
    source: r.source,
    review: reviewOf(r),
    reviewedBy: r.reviewedBy
      ? { id: r.reviewedBy.id, name: r.reviewedBy.name, email: r.reviewedBy.email ?? null }
      : null,
    reviewedAt: r.reviewedAt ?? null,
    reviewNote: r.reviewNote ?? null,
  };
}

export function registerReportsApi(server: Server, opts: ReportsApiOptions): void {
  server.get('/api/v1/reports', async (req: Request, res: Response) => {
    if (!requireBearer(req, res, opts.apiToken)) return;
    const q = (req.query ?? {}) as Record<string, unknown>;
    let indicatorId: string | undefined;
    const qi = oneParam(q.indicator);
    if (q.indicator !== undefined) {
      const text = (qi.bad ?? qi.value ?? '').slice(0, 40);
      const ind = findIndicator(opts.plan, text);
      if (!ind || qi.bad !== undefined) {
        apiError(req, res, 400, 'invalid-indicator', (t) => t.invalidIndicator(text));
        return;
      }
      indicatorId = ind.id;
    }
    let year: string | undefined;
    const qy = oneParam(q.year);
    if (q.year !== undefined) {
      year = qy.bad ?? qy.value ?? '';
      if (qy.bad !== undefined || !/^\d{4}$/.test(year)) {
        apiError(req, res, 400, 'invalid-year', (t) => t.invalidYear((year ?? '').slice(0, 20)));
        return;
      }
    }
    const reports = (await opts.store.reports({ indicatorId, year: year === undefined ? undefined : Number(year) }))
      // Oldest first: by the instant stored, then write order (the list is in write order; sort is stable).
      .map((r, i) => ({ r, i }))
      .sort((a, b) => Date.parse(a.r.reportedAt) - Date.parse(b.r.reportedAt) || a.i - b.i)
      .map(({ r }) => reportJson(r));
    res.json({ reports });
  });
}
