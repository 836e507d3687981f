import type { Request, Response } from 'restify';
import { bogotaDate, isIsoDate, yearOf } from '../calendar';
import { apiError } from './auth';
import { readPeriod, type ReadRefusal, type ReadSource } from '../outputs/read-api';

/**
 * One query parameter as one plain string. `?asOf[]=…` or `?asOf=a&asOf=b` parse to arrays or objects: those are
 * not a value (`bad`), and are shown back cut short.
 */
export function oneParam(v: unknown): { value?: string; bad?: string } {
  if (v === undefined) return {};
  if (typeof v === 'string') return { value: v };
  return { bad: String(JSON.stringify(v)).slice(0, 80) };
}

/**
 * `year` and `asOf` as the status, compliance and reports APIs read them: `asOf` defaults to today (Bogotá),
 * `year` to the as-of date's year. Answers 400 and returns null when either is not valid.
 */
export function readYearAsOf(req: Request, res: Response, clock: () => Date): { year: number; asOf: string } | null {
  const q = (req.query ?? {}) as Record<string, unknown>;
  const a = oneParam(q.asOf);
  const asOf = a.bad ?? a.value ?? bogotaDate(clock());
  if (a.bad !== undefined || !isIsoDate(asOf)) {
    apiError(req, res, 400, 'invalid-asOf', (t) => t.invalidAsOf(asOf));
    return null;
  }
  const y = oneParam(q.year);
  const yearText = y.bad ?? y.value ?? String(yearOf(asOf));
  if (y.bad !== undefined || !/^\d{4}$/.test(yearText)) {
    apiError(req, res, 400, 'invalid-year', (t) => t.invalidYear(yearText));
    return null;
  }
  return { year: Number(yearText), asOf };
}

/** A refusal of the read module (outputs/read-api.ts) as a 400 in the caller's language. */
export function refusalError(req: Request, res: Response, r: ReadRefusal): void {
  switch (r.code) {
    case 'invalid-asOf':
      return apiError(req, res, 400, r.code, (t) => t.invalidAsOf(r.value));
    case 'invalid-year':
      return apiError(req, res, 400, r.code, (t) => t.invalidYear(r.value));
    case 'unknown-plan':
      return apiError(req, res, 400, r.code, (t) => t.unknownPlan(r.value));
    case 'unknown-objective':
    case 'unknown-indicator':
      return apiError(req, res, 400, 'invalid-indicator', (t) => t.invalidIndicator(r.value));
  }
}

/**
 * `year`, `asOf` and `plan` as the status and compliance APIs read them (readYearAsOf's rules, and `plan` the id of a
 * plan served). Answers 400 and returns null when one is not valid.
 */
export function readFigureQuery(
  req: Request,
  res: Response,
  src: ReadSource,
): { year: number; asOf: string; plan?: string } | null {
  const p = readYearAsOf(req, res, src.clock);
  if (!p) return null;
  const q = (req.query ?? {}) as Record<string, unknown>;
  const pl = oneParam(q.plan);
  const plan = pl.bad ?? pl.value;
  const checked = readPeriod(src, { ...p, plan });
  if (!checked.ok) {
    refusalError(req, res, checked.refusal);
    return null;
  }
  return { ...p, plan };
}
