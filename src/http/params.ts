import type { Request, Response } from 'restify';
import { bogotaDate, isIsoDate, yearOf } from '../calendar';
import { apiError } from './auth';

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
