import { ownersOfPlan } from '../domain/owners';
import type { Request, Response, Server } from 'restify';
import { createHash, randomBytes } from 'node:crypto';
import { bogotaDate } from '../calendar';
import type { StatusService } from '../progress/service';
import type { PlanBook } from '../progress/plans';
import type { Store } from '../store/types';
import { readCompliance } from '../outputs/read-api';
import { followUpWorkbook, refusalText, type FollowUpResult } from '../outputs/followup';
import { isQuarter, lastClosedQuarter, type Quarter } from '../outputs/common';
import { DOWNLOAD_PATH, verifyExportQuery } from '../outputs/signed-link';
import { openDataAsOf, openDataCsv, openDataJson, openDataRows } from '../outputs/open-data';
import { planYears } from '../domain/plan';
import type { PlanFigures } from '../progress/engine';
import { catalog, type HttpStrings } from '../i18n';
import { apiError, httpLang, requireBearer, wantsEnglish } from './auth';
import { oneParam, readFigureQuery, refusalError } from './params';

/**
 * The official outputs over HTTP:
 * - GET /api/v1/compliance?year=&asOf=          (bearer) reporting compliance, CONTRACT.md
 * - GET /api/v1/export.xlsx?year=&quarter=      (bearer) the quarterly follow-up workbook
 * - GET /api/v1/export/download?…&sig=          (no token) the same workbook through a signed link valid 15 minutes
 * - GET /api/v1/open-data/indicadores.csv|json  (public with PEI_OPEN_DATA=true, else 404) with ETag / 304
 */

export interface OutputRoutesOptions {
  status: StatusService;
  plans?: PlanBook;
  store: Store;
  apiToken?: string;
  linkSecret?: string;
  openData?: boolean;
  clock: () => Date;
  log: (msg: string, err?: unknown) => void;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendWorkbook(res: Response, result: Extract<FollowUpResult, { ok: true }>): void {
  res.writeHead(200, {
    'Content-Type': XLSX,
    'Content-Length': result.buffer.length,
    'Content-Disposition': `attachment; filename="${result.fileName}"`,
    'Cache-Control': 'private, no-store',
    'X-PEI-As-Of': result.asOf,
  });
  res.end(result.buffer);
}

/** Reads year and quarter (both optional: the last quarter that closed). Answers 400 itself when they are wrong. */
function readQuarter(
  req: Request,
  res: Response,
  q: Record<string, unknown>,
  today: string,
): { year: number; quarter: Quarter } | null {
  const fallback = lastClosedQuarter(today);
  const y = oneParam(q.year);
  const yearText = y.bad ?? y.value ?? String(fallback.year);
  if (y.bad !== undefined || !/^\d{4}$/.test(yearText)) {
    apiError(req, res, 400, 'invalid-year', (t) => t.invalidYear(yearText));
    return null;
  }
  const qq = oneParam(q.quarter);
  const given = qq.bad ?? qq.value;
  const quarterText = (given ?? (y.value ? undefined : String(fallback.quarter)))?.replace(/^[TtQq]/, '');
  const quarter = Number(quarterText);
  if (qq.bad !== undefined || quarterText === undefined || !/^[1-4]$/.test(quarterText) || !isQuarter(quarter)) {
    apiError(req, res, 400, 'invalid-quarter', (t) => t.invalidQuarter(given ?? null));
    return null;
  }
  return { year: Number(yearText), quarter };
}

function refusedPage(req: Request, res: Response, status: number, message: (t: HttpStrings) => string): void {
  const html = /text\/html/.test(String(req.headers.accept ?? ''));
  if (!html) {
    apiError(req, res, status, status === 410 ? 'link-expired' : 'link-invalid', message);
    return;
  }
  const lang = wantsEnglish(req) ? 'en' : 'es';
  const body = `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>PEI Bot</title><body style="font-family:sans-serif;max-width:40em;margin:3em auto"><p>${message(catalog(lang).http)}</p></body></html>`;
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

export function registerOutputRoutes(server: Server, opts: OutputRoutesOptions): void {
  const linkSecret = opts.linkSecret ?? randomBytes(32).toString('hex');
  /** The workbook's source, read from the store when a workbook is asked for (owners read once per request). */
  const sourceNow = async (status: StatusService) => {
    const owners = ownersOfPlan(await opts.store.allOwners(), status.plan.id);
    return {
      plan: status.plan,
      figures: (year: number, asOf: string) => status.figures(year, asOf),
      reports: () => opts.store.reports(),
      owners: (id: string) => owners[id] ?? [],
    };
  };

  /**
   * The plan an output is for: the one the `plan` parameter names, else the plan in force on `date` (CONTRACT.md).
   * An unknown plan is answered 400 here (null returned), in the person's language.
   */
  async function planFor(req: Request, res: Response, date: string): Promise<StatusService | null> {
    const p = oneParam(((req.query ?? {}) as Record<string, unknown>).plan);
    const named = p.bad ?? p.value;
    const status =
      named === undefined
        ? await (opts.plans?.inForce(date) ?? opts.status)
        : opts.plans
          ? await opts.plans.get(named)
          : named.trim().toLowerCase() === opts.status.plan.id.toLowerCase()
            ? opts.status
            : undefined;
    if (!status) refusalError(req, res, { code: 'unknown-plan', value: named ?? '' });
    return status ?? null;
  }

  server.get('/api/v1/compliance', async (req: Request, res: Response) => {
    if (!requireBearer(req, res, opts.apiToken)) return;
    const src = {
      plan: opts.status.plan,
      status: opts.status,
      store: opts.store,
      clock: opts.clock,
      plans: opts.plans,
    };
    const p = readFigureQuery(req, res, src);
    if (!p) return;
    const c = await readCompliance(src, p);
    if (!c.ok) refusalError(req, res, c.refusal);
    else res.json(c.value);
  });

  async function answerWorkbook(req: Request, res: Response, year: number, quarter: Quarter): Promise<void> {
    const now = opts.clock();
    // Unnamed, the plan in force in the quarter (its last month's first day).
    const status = await planFor(req, res, `${year}-${String(quarter * 3).padStart(2, '0')}-01`);
    if (!status) return;
    const result = await followUpWorkbook(await sourceNow(status), year, quarter, bogotaDate(now), now);
    if (!result.ok) {
      apiError(req, res, result.code === 'quarter-not-started' ? 409 : 400, result.code, () =>
        refusalText(result, httpLang(req)),
      );
      return;
    }
    sendWorkbook(res, result);
  }

  server.get('/api/v1/export.xlsx', async (req: Request, res: Response) => {
    if (!requireBearer(req, res, opts.apiToken)) return;
    const wanted = readQuarter(req, res, (req.query ?? {}) as Record<string, unknown>, bogotaDate(opts.clock()));
    if (wanted) await answerWorkbook(req, res, wanted.year, wanted.quarter);
  });

  server.get(DOWNLOAD_PATH, async (req: Request, res: Response) => {
    const check = verifyExportQuery(linkSecret, (req.query ?? {}) as Record<string, unknown>, opts.clock());
    if (!check.ok) {
      if (check.reason === 'expired') {
        refusedPage(req, res, 410, (t) => t.linkExpired);
      } else {
        refusedPage(req, res, 403, (t) => t.linkInvalid);
      }
      return;
    }
    await answerWorkbook(req, res, check.year, check.quarter);
  });

  // ---- open data: the body of the day (from the figures of the store's revision), an ETag of its bytes, 304 when
  // the portal already has it
  async function feed(kind: 'csv' | 'json', status: StatusService, today: string) {
    const byYear = new Map<string, PlanFigures>();
    for (const y of planYears(status.plan)) {
      const asOf = openDataAsOf(y, today);
      byYear.set(`${y}|${asOf}`, await status.figures(y, asOf));
    }
    const rows = openDataRows(status.plan, (y, asOf) => byYear.get(`${y}|${asOf}`)!, today);
    const body = kind === 'csv' ? openDataCsv(rows) : openDataJson(rows);
    return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"` };
  }

  for (const kind of ['csv', 'json'] as const) {
    server.get(`/api/v1/open-data/indicadores.${kind}`, async (req: Request, res: Response) => {
      if (!opts.openData) {
        apiError(req, res, 404, 'not-found', (t) => t.openDataOff);
        return;
      }
      const today = bogotaDate(opts.clock());
      const status = await planFor(req, res, today);
      if (!status) return;
      const { body, etag } = await feed(kind, status, today);
      const headers = {
        ETag: etag,
        'Cache-Control': 'public, max-age=3600, must-revalidate',
        'Access-Control-Allow-Origin': '*',
        Vary: 'Accept-Encoding',
      };
      const inm = String(req.headers['if-none-match'] ?? '');
      if (
        inm &&
        inm
          .split(',')
          .map((s) => s.trim().replace(/^W\//, ''))
          .includes(etag)
      ) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      const bytes = Buffer.from(body, 'utf8');
      res.writeHead(200, {
        ...headers,
        'Content-Type': kind === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'Content-Length': bytes.length,
        'Content-Disposition': `inline; filename="indicadores.${kind}"`,
      });
      res.end(bytes);
    });
  }
}
