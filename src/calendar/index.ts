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

/** Bogotá's calendar date as Intl writes it in en-CA: "YYYY-MM-DD". */
const BOGOTA_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * From 1994 Bogotá keeps UTC−5 all year (its last daylight saving time ended in 1993; test/calendar checks this
 * against the time-zone data up to 2100): there the date is read off the shifted instant, without Intl, whose
 * formatting took tens of µs a call: 95 % of a whole-plan computation where many reports came in late.
 */
const FIXED_OFFSET_FROM = Date.UTC(1994, 0, 1);
const FIXED_OFFSET_UNTIL = Date.UTC(2100, 0, 1);
const UTC_MINUS_5 = -5 * 3600e3;

/** The Bogotá calendar date of an instant (luxon's answer where Intl's is not "YYYY-MM-DD": years outside 1000..9999, an invalid date). */
export function bogotaDate(instant: Date): IsoDate {
  const t = instant.getTime();
  if (t >= FIXED_OFFSET_FROM && t < FIXED_OFFSET_UNTIL) return new Date(t + UTC_MINUS_5).toISOString().slice(0, 10);
  const text = Number.isNaN(instant.getTime()) ? '' : BOGOTA_DAY.format(instant);
  return DATE_RE.test(text) ? text : DateTime.fromJSDate(instant, { zone: ZONE }).toISODate()!;
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
  return Number(dateOrPeriod.slice(0, 4));
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

/** Days in a month of the Gregorian calendar (day 0 of the next month is the last of this one). */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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

export function isColombianHoliday(date: IsoDate): boolean {
  return getHolidaysForYear(yearOf(date)).some((h) => h.celebrationDate === date);
}

export function isBusinessDay(date: IsoDate): boolean {
  const wd = DateTime.fromISO(date, { zone: ZONE }).weekday; // 1 = Monday .. 7 = Sunday
  return wd <= 5 && !isColombianHoliday(date);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return DateTime.fromISO(date, { zone: ZONE }).plus({ days }).toISODate()!;
}

/** The n-th business day after a month closes: the reporting deadline of that month (n = 5 by default). */
export function reportDeadline(period: Period, businessDays = 5): IsoDate {
  // The days of the next month as UTC dates: a calendar date has no time zone, and Date steps a day cheaply.
  const day = new Date(`${nextPeriod(period)}-01T00:00:00Z`);
  let count = 0;
  for (;;) {
    const date = day.toISOString().slice(0, 10);
    const weekday = day.getUTCDay(); // 0 = Sunday .. 6 = Saturday
    if (weekday !== 0 && weekday !== 6 && !isColombianHoliday(date) && ++count === businessDays) return date;
    day.setUTCDate(day.getUTCDate() + 1);
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

/**
 * The first instant (epoch ms) at which `year` is closed: the start of the Bogotá day after its December
 * deadline. `instant >= yearClosedFrom(y)` is `isYearClosed(y, bogotaDate(instant))`.
 */
export function yearClosedFrom(year: number): number {
  return DateTime.fromISO(reportDeadline(makePeriod(year, 12)), { zone: ZONE })
    .plus({ days: 1 })
    .startOf('day')
    .toMillis();
}
