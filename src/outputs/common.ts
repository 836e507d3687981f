import { DateTime } from 'luxon';
import { ZONE, makePeriod, type IsoDate, type Period } from '../calendar';

/** What the official outputs share: the quarter's dates, and cell text that a spreadsheet cannot run. */

export type Quarter = 1 | 2 | 3 | 4;

export function isQuarter(n: number): n is Quarter {
  return n === 1 || n === 2 || n === 3 || n === 4;
}

/** The quarter's months, "YYYY-MM" ascending. */
export function quarterPeriods(year: number, quarter: Quarter): Period[] {
  const first = (quarter - 1) * 3 + 1;
  return [first, first + 1, first + 2].map((m) => makePeriod(year, m));
}

/** The quarter's last day ("2025-06-30"). */
export function quarterEnd(year: number, quarter: Quarter): IsoDate {
  return DateTime.fromObject({ year, month: quarter * 3, day: 1 }, { zone: ZONE })
    .endOf('month')
    .toISODate()!;
}

export function quarterStart(year: number, quarter: Quarter): IsoDate {
  return `${makePeriod(year, (quarter - 1) * 3 + 1)}-01`;
}

/** The quarter a date falls in. */
export function quarterOf(date: IsoDate): Quarter {
  return (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as Quarter;
}

/**
 * The follow-up's cut: the quarter's last day, or today while the quarter is still running (CONTRACT.md).
 * A quarter that has not started yet has no follow-up: null.
 */
export function quarterAsOf(
  year: number,
  quarter: Quarter,
  today: IsoDate,
): { asOf: IsoDate; running: boolean } | null {
  if (today < quarterStart(year, quarter)) return null;
  const end = quarterEnd(year, quarter);
  return today < end ? { asOf: today, running: true } : { asOf: end, running: false };
}

/**
 * The quarter people mean when they do not say: the last one that has closed (as of 3 July 2025: T2 2025; as of
 * 15 January 2026: T4 2025).
 */
export function lastClosedQuarter(today: IsoDate): { year: number; quarter: Quarter } {
  const year = Number(today.slice(0, 4));
  const q = quarterOf(today);
  if (today === quarterEnd(year, q)) return { year, quarter: q };
  return q === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (q - 1) as Quarter };
}

/**
 * Text typed by people (logros, dificultades, names) is written to a spreadsheet or CSV cell with a leading
 * apostrophe when it starts with a formula prefix (=, +, -, @, tab, CR), so no spreadsheet takes it for a formula
 * (OWASP «CSV injection»).
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
