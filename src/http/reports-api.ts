import type { Request, Response, Server } from 'restify';
import { findIndicator } from '../reports/validate';
import type { Plan } from '../domain/plan';
import type { Store } from '../store/types';
import { readReports } from '../outputs/read-api';
import { apiError, requireBearer } from './auth';
import { oneParam } from './params';

/** GET /api/v1/reports?indicator=ID&year=YYYY (CONTRACT.md): every stored version, oldest first, with its review. */

export interface ReportsApiOptions {
  store: Store;
  plan: Plan;
  apiToken?: string;
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
    const source = { plan: opts.plan, store: opts.store };
    res.json(await readReports(source, { indicatorId, year: year === undefined ? undefined : Number(year) }));
  });
}
