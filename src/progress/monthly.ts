import { addDays, makePeriod, monthOf, monthsClosed, nextPeriod, yearOf, type IsoDate, type Period } from '../calendar';
import { indicatorFigures, type IndicatorFigures } from './engine';

/**
 * An indicator's year month by month: what the card's figures were at the end of each month, against the expected
 * path to the year's target (the indicator card's chart). Every figure is the engine's own: the value at month m is
 * `indicatorFigures(...).executed` over the reports up to m (Suma: the year's sum so far; the other tendencias: the
 * latest level), and the expected level is the engine's expected level with m months closed.
 */

export interface MonthPoint {
  /** 1..12. */
  month: number;
  period: Period;
  /** Whether the month had closed at the as-of date. */
  closed: boolean;
  /**
   * V_y through the month (the card's «Ejecutado» as it stood then); null before the year's first report and after
   * its last one (a month without figures yet is not drawn as a flat line).
   */
  value: number | null;
  /** The value reported for that month itself (the flow for Suma, the level otherwise), or null. */
  reported: number | null;
  /** The expected level with the month closed; null when the year has no target. */
  expected: number | null;
}

/** The last day of a month ("2025-02" → "2025-02-28"). */
function monthEnd(period: Period): IsoDate {
  return addDays(`${nextPeriod(period)}-01`, -1);
}

/**
 * The twelve months of `f.year` for the indicator of `f`, from the counting reports the figures were computed with
 * (`f.reports`, up to the as-of month). `asOf` is the figures' as-of date (which months had closed).
 */
export function monthlySeries(f: IndicatorFigures, asOf: IsoDate): MonthPoint[] {
  const year = f.year;
  const ofYear = f.reports.filter((r) => yearOf(r.period) === year);
  const lastMonth = ofYear.length ? monthOf(ofYear[ofYear.length - 1].period) : 0;
  const closed = monthsClosed(year, asOf);
  const out: MonthPoint[] = [];
  for (let month = 1; month <= 12; month++) {
    const period = makePeriod(year, month);
    // The year's figures depend only on the year's reports (at most one per month): the engine is given those, so a
    // long history costs one pass, not twelve.
    const upTo = ofYear.filter((r) => r.period <= period);
    const then = indicatorFigures(f.indicator, upTo, { year, asOf: monthEnd(period) });
    const own = ofYear.find((r) => r.period === period);
    out.push({
      month,
      period,
      closed: month <= closed,
      value: month <= lastMonth ? then.executed : null,
      reported: own ? own.value : null,
      expected: then.expectedLevel,
    });
  }
  return out;
}
