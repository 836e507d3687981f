import { DateTime } from 'luxon';
import { getHolidaysForYear } from 'colombian-holidays';

/**
 * Dates as the planning office reads them: calendar days in America/Bogota, months as "YYYY-MM",
 * business days skipping weekends and Colombian public holidays (colombian-holidays, Ley 51 de 1983).
 */

export const ZONE = 'America/Bogota';

/** A calendar date "YYYY-MM-DD". */
export type IsoDate = string;
/** A month "YYYY-MM". */
export type Period = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  return !!m && DateTime.fromISO(s, { zone: ZONE }).isValid;
}

export function isPeriod(s: string): boolean {
  return PERIOD_RE.test(s);
}

/** "MM/DD/YYYY" in Bogotá: Intl formats a date about five times faster than a luxon DateTime is built. */
const BOGOTA_DAY = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const US_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** The last instant asked for and its date: a turn asks for the date of its one `now` several times. */
let lastInstant = NaN;
let lastDate: IsoDate = '';

/** The Bogotá calendar date of an instant. */
export function bogotaDate(instant: Date): IsoDate {
  const t = instant.getTime();
  if (t === lastInstant) return lastDate;
  const m = Number.isNaN(t) ? null : US_DATE.exec(BOGOTA_DAY.format(instant));
  // Anything unusual (years outside 1000..9999, an invalid date) goes the long way, as before.
  if (!m) return DateTime.fromJSDate(instant, { zone: ZONE }).toISODate()!;
  lastInstant = t;
  return (lastDate = `${m[3]}-${m[1]}-${m[2]}`);
}

/**
 * Reads PEI_NOW-style values: an ISO date ("2025-06-30", noon Bogotá) or date-time; a date-time without an offset is
 * Bogotá time. Returns undefined for text that is not a date.
 */
export function parseNow(value: string): Date | undefined {
  const v = value.trim();
  const dt = DATE_RE.test(v)
    ? DateTime.fromISO(`${v}T12:00:00`, { zone: ZONE })
    : DateTime.fromISO(v, { zone: ZONE, setZone: false });
  return dt.isValid ? dt.toJSDate() : undefined;
}

export function periodOf(date: IsoDate): Period {
  return date.slice(0, 7);
}

export function yearOf(dateOrPeriod: string): number {
  // Four digits (every period and date): arithmetic, without the substring the engine would make per report.
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const d = dateOrPeriod.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return Number(dateOrPeriod.slice(0, 4));
    y = y * 10 + d;
  }
  return y;
}

export function monthOf(dateOrPeriod: string): number {
  return Number(dateOrPeriod.slice(5, 7));
}

export function makePeriod(year: number, month: number): Period {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The month before a period ("2025-01" -> "2024-12"). */
export function previousPeriod(p: Period): Period {
  const y = yearOf(p);
  const m = monthOf(p);
  return m === 1 ? makePeriod(y - 1, 12) : makePeriod(y, m - 1);
}

export function nextPeriod(p: Period): Period {
  const y = yearOf(p);
  const m = monthOf(p);
  return m === 12 ? makePeriod(y + 1, 1) : makePeriod(y, m + 1);
}

const daysInMonthCache = new Map<number, number>();
function daysInMonth(year: number, month: number): number {
  const key = year * 100 + month;
  let n = daysInMonthCache.get(key);
  if (n === undefined) daysInMonthCache.set(key, (n = DateTime.fromObject({ year, month, day: 1 }, { zone: ZONE }).daysInMonth!));
  return n;
}

/**
 * Months of `year` closed at the as-of date: a month counts as closed on its last day
 * (as of 30 June, six months are closed; as of 29 June, five).
 */
export function monthsClosed(year: number, asOf: IsoDate): number {
  const y = yearOf(asOf);
  if (y > year) return 12;
  if (y < year) return 0;
  const m = monthOf(asOf);
  const d = Number(asOf.slice(8, 10));
  return d >= daysInMonth(y, m) ? m : m - 1;
}

/** The month that most recently closed at a date ("2025-07-03" -> "2025-06"; "2025-06-30" -> "2025-06"). */
export function lastClosedPeriod(asOf: IsoDate): Period {
  const y = yearOf(asOf);
  const m = monthOf(asOf);
  const d = Number(asOf.slice(8, 10));
  return d >= daysInMonth(y, m) ? makePeriod(y, m) : previousPeriod(makePeriod(y, m));
}

const holidayCache = new Map<number, Set<string>>();
export function isColombianHoliday(date: IsoDate): boolean {
  const year = yearOf(date);
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(getHolidaysForYear(year).map((h) => h.celebrationDate));
    holidayCache.set(year, set);
  }
  return set.has(date);
}

export function isBusinessDay(date: IsoDate): boolean {
  const wd = DateTime.fromISO(date, { zone: ZONE }).weekday; // 1 = Monday .. 7 = Sunday
  return wd <= 5 && !isColombianHoliday(date);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return DateTime.fromISO(date, { zone: ZONE }).plus({ days }).toISODate()!;
}

/** The n-th business day after a month closes: the reporting deadline of that month (n = 5 by default). */
const deadlineCache = new Map<string, IsoDate>();
export function reportDeadline(period: Period, businessDays = 5): IsoDate {
  const key = `${period}|${businessDays}`;
  let hit = deadlineCache.get(key);
  if (!hit) deadlineCache.set(key, (hit = computeDeadline(period, businessDays)));
  return hit;
}

function computeDeadline(period: Period, businessDays: number): IsoDate {
  let date = `${nextPeriod(period)}-01`;
  let count = 0;
  for (;;) {
    if (isBusinessDay(date)) {
      count += 1;
      if (count === businessDays) return date;
    }
    date = addDays(date, 1);
  }
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round(DateTime.fromISO(b, { zone: ZONE }).diff(DateTime.fromISO(a, { zone: ZONE }), 'days').days);
}

/**
 * A year is closed for reporting once the deadline of its December report has passed:
 * later reports for that year are corrections of a closed period.
 */
export function isYearClosed(year: number, today: IsoDate): boolean {
  return today > reportDeadline(makePeriod(year, 12));
}

const closedFromCache = new Map<number, number>();
/**
 * The first instant (epoch ms) at which `year` is closed: the start of the Bogotá day after its December
 * deadline. `instant >= yearClosedFrom(y)` is `isYearClosed(y, bogotaDate(instant))` without a time-zone
 * conversion per instant (the engine checks it for every stored report).
 */
export function yearClosedFrom(year: number): number {
  let t = closedFromCache.get(year);
  if (t === undefined) {
    t = DateTime.fromISO(reportDeadline(makePeriod(year, 12)), { zone: ZONE }).plus({ days: 1 }).startOf('day').toMillis();
    closedFromCache.set(year, t);
  }
  return t;
}
