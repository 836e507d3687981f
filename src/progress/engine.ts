import type { Anomaly, AnomalyCode, AnomalyParams } from '../domain/codes';

export type { Anomaly, AnomalyCode, AnomalyParams };
import type { Indicator, Objective, Plan, Trend } from '../domain/plan';
import type { ReportRecord } from '../domain/records';
import { monthsClosed, periodOf, yearOf, yearClosedFrom, bogotaDate, type IsoDate, type Period } from '../calendar';
import { DEFAULT_BANDS, statusOf, type Bands, type Status } from './status';

/**
 * The progress engine: pure functions from the plan and the stored reports to the figures of docs/dominio.md.
 * No I/O, no clock: the as-of date comes in as data.
 */

export interface EngineOptions {
  year: number;
  /** Bogotá calendar date; reports of later months are not counted. */
  asOf: IsoDate;
  bands?: Bands;
  /** The plan version `plan` is (the status service picks the one in force at the as-of date); default version 1. */
  version?: VersionInForce;
}

export interface IndicatorFigures {
  indicator: Indicator;
  year: number;
  /** M_y. */
  target: number;
  hasTarget: boolean;
  /** V_y: the sum of the year's reports (Suma) or the latest level of the year (others). */
  executed: number | null;
  progress: number | null;
  /** Expected level at the as-of date, and that level run through the progress formula. */
  expectedLevel: number | null;
  expected: number | null;
  /** Four-year value: sum of all reports (Suma) or latest level (others). */
  cumulativeValue: number | null;
  cumulative: number | null;
  status: Status;
  /** Latest period with a report, up to the as-of month. */
  lastReport: Period | null;
  /** No report in the year although the year has a target. */
  pending: boolean;
  /** Counting reports (countsOver: the latest version of each period not returned) up to the as-of month, oldest first. */
  reports: ReportRecord[];
  anomalies: Anomaly[];
  /**
   * The year's target before the plan version in force reprogrammed it («meta reprogramada»); absent where the version
   * in force kept the previous version's target (or is version 1). Set by the status service.
   */
  previousTarget?: number;
}

export interface RollUp {
  progress: number | null;
  expected: number | null;
  cumulative: number | null;
  status: Status;
}

export interface ObjectiveFigures extends RollUp {
  objective: Objective;
  indicators: IndicatorFigures[];
  /** Indicators with a target this year and no report yet. */
  pending: string[];
}

/** The plan version the figures used (the one in force at the as-of date; DOMAIN.md «Plans change»). */
export interface VersionInForce {
  number: number;
  /** YYYY-MM-DD. */
  effective: string;
  /** The administrative act it cites; null for version 1 (the plan as first loaded). */
  reason: string | null;
  /** The version it followed (null for version 1). */
  previous: number | null;
}

export interface PlanFigures extends RollUp {
  plan: Plan;
  version: VersionInForce;
  year: number;
  asOf: IsoDate;
  monthsClosed: number;
  objectives: ObjectiveFigures[];
}

/**
 * THE counting rule (DOMAIN.md, "Review"), in one place: the month's value is its latest version that was not
 * returned ('devuelto'), or none. A 'pendiente' version counts (the figures stay live). Given the version that
 * counts so far for a month (`prev`) and another version `r` of the same month, whether `r` counts instead.
 * Every reader of "the month's value" (computePlan, the status service, the explanation) goes through here.
 */
export function countsOver(prev: ReportRecord | undefined, r: ReportRecord): boolean {
  return r.review !== 'devuelto' && (!prev || r.version > prev.version);
}

/** Keeps the counting version of each (indicator, period) (countsOver), grouped by indicator, periods ascending. */
export function effectiveReports(reports: readonly ReportRecord[], upTo?: Period): Map<string, ReportRecord[]> {
  const latest = new Map<string, Map<Period, ReportRecord>>();
  for (const r of reports) {
    if (upTo !== undefined && r.period > upTo) continue;
    let byPeriod = latest.get(r.indicatorId);
    if (!byPeriod) latest.set(r.indicatorId, (byPeriod = new Map()));
    const prev = byPeriod.get(r.period);
    if (countsOver(prev, r)) byPeriod.set(r.period, r);
  }
  const out = new Map<string, ReportRecord[]>();
  for (const [id, byPeriod] of latest) out.set(id, byPeriodAscending([...byPeriod.values()]));
  return out;
}

/**
 * Sorts reports of distinct periods by period, in place. Months are mostly first reported in order (a Map keeps the
 * first insertion's place even when a correction replaces the value), so the list is checked before it is sorted.
 */
export function byPeriodAscending(list: ReportRecord[]): ReportRecord[] {
  for (let i = 1; i < list.length; i++) {
    if (list[i - 1].period > list[i].period)
      return list.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  }
  return list;
}

const baselineOf = (ind: Indicator) => ind.baseline ?? 0;

function targetOf(ind: Indicator, year: number): number {
  return (ind.program as Record<number, number>)[year] ?? 0;
}

/** Progress of a value against a target, by tendencia; null where the formula has no denominator. */
export function progressOf(trend: Trend, value: number, target: number, baseline: number): number | null {
  switch (trend) {
    case 'suma':
    case 'constante':
      return target === 0 ? null : value / target;
    case 'creciente':
      return target - baseline === 0 ? null : (value - baseline) / (target - baseline);
    case 'decreciente':
      return baseline - target === 0 ? null : (baseline - value) / (baseline - target);
  }
}

/** Expected level at m closed months of the year (M_2023 = baseline). */
export function expectedLevelOf(ind: Indicator, year: number, m: number): number {
  const target = targetOf(ind, year);
  if (ind.trend === 'suma') return (target * m) / 12;
  // The plan's first year starts from the baseline (M_{first year - 1}); a later year from the year before's target.
  const previous = year - 1 in ind.program ? targetOf(ind, year - 1) : baselineOf(ind);
  return previous + ((target - previous) * m) / 12;
}

export function indicatorFigures(
  ind: Indicator,
  reports: readonly ReportRecord[],
  opts: EngineOptions,
  /** The first instant after a year's reporting closed (calendar/yearClosedFrom); computePlan works each out once. */
  closingOf: (year: number) => number = yearClosedFrom,
): IndicatorFigures {
  const bands = opts.bands ?? DEFAULT_BANDS;
  const { year, asOf } = opts;
  const lb = baselineOf(ind);
  const target = targetOf(ind, year);
  const hasTarget = target !== 0 && progressOf(ind.trend, target, target, lb) !== null;
  const m = monthsClosed(year, asOf);

  const last = reports.length ? reports[reports.length - 1] : undefined;

  // One pass, in report order (the sums add up in the same order as before, to the same floating-point result).
  let ofYearCount = 0;
  let ofYearSum = 0;
  let ofYearLast = 0;
  let sumAll = 0;
  for (const r of reports) {
    sumAll += r.value;
    if (yearOf(r.period) === year) {
      ofYearCount++;
      ofYearSum += r.value;
      ofYearLast = r.value;
    }
  }

  let executed: number | null = null;
  let cumulativeValue: number | null = null;
  if (ind.trend === 'suma') {
    executed = ofYearCount ? ofYearSum : null;
    cumulativeValue = reports.length ? sumAll : null;
  } else {
    executed = ofYearCount ? ofYearLast : null;
    cumulativeValue = last ? last.value : null;
  }

  const progress = hasTarget && executed !== null ? progressOf(ind.trend, executed, target, lb) : null;
  const expectedLevel = hasTarget ? expectedLevelOf(ind, year, m) : null;
  const expected = expectedLevel !== null ? progressOf(ind.trend, expectedLevel, target, lb) : null;
  const cumulative = cumulativeValue !== null ? progressOf(ind.trend, cumulativeValue, ind.total, lb) : null;

  return {
    indicator: ind,
    year,
    target,
    hasTarget,
    executed,
    progress,
    expectedLevel,
    expected,
    cumulativeValue,
    cumulative,
    status: statusOf(progress, expected, hasTarget, bands),
    lastReport: last ? last.period : null,
    pending: hasTarget && executed === null,
    reports: reports as ReportRecord[],
    anomalies: anomaliesOf(ind, reports, closingOf),
  };
}

/** The year an ISO date-time is written with ("2025-07-03T…" → 2025), or NaN. */
function writtenYear(iso: string): number {
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const d = iso.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return NaN;
    y = y * 10 + d;
  }
  return iso.charCodeAt(4) === 45 /* - */ ? y : NaN;
}

/**
 * isYearClosed(y, bogotaDate(reportedAt)) without a time-zone conversion per report (the engine asks it of every
 * stored report): an instant compared with the first instant of the closing. An ISO instant written with a year up
 * to y (at any UTC offset) comes before any closing of y (the 5th business day of January of y+1, or later), so
 * only the few written in a later year are parsed. `closedFrom` gives yearClosedFrom(y), worked out once per year
 * of an indicator's reports.
 */
function reportedAfterClose(reportedAt: string, y: number, closedFrom: (y: number) => number): boolean {
  if (writtenYear(reportedAt) <= y) return false;
  return Date.parse(reportedAt) >= closedFrom(y);
}

/** What an auditor should look at (docs/dominio.md): drops, rises, silent zeros, unexplained over-execution, late reports. */
export function anomaliesOf(
  ind: Indicator,
  reports: readonly ReportRecord[],
  closingOf: (year: number) => number = yearClosedFrom,
): Anomaly[] {
  const out: Anomaly[] = [];
  const lb = baselineOf(ind);
  const trend = ind.trend;
  let sumOfYear = 0;
  let currentYear = 0;
  let target = 0;
  let closedYear = NaN;
  let closedFrom = 0;
  const closedFromOf = (y: number): number => {
    if (y !== closedYear) [closedYear, closedFrom] = [y, closingOf(y)];
    return closedFrom;
  };
  // A plain loop over what can be tens of thousands of reports (a district-sized plan): the target is looked up
  // once per year, the explanation checked only where it matters.
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i];
    const prev = i > 0 ? reports[i - 1] : undefined;
    if (prev && trend === 'creciente' && r.value < prev.value) {
      out.push({ code: 'level-drop', period: r.period, params: { from: prev.value, to: r.value } });
    }
    if (prev && trend === 'decreciente' && r.value > prev.value) {
      out.push({ code: 'level-rise', period: r.period, params: { from: prev.value, to: r.value } });
    }
    if (r.value === 0 && !r.dificultades.trim()) {
      out.push({ code: 'zero-without-explanation', period: r.period, params: {} });
    }
    const y = yearOf(r.period);
    if (y !== currentYear) {
      currentYear = y;
      sumOfYear = 0;
      target = targetOf(ind, y);
    }
    sumOfYear += r.value;
    const level = trend === 'suma' ? sumOfYear : r.value;
    const p = target ? progressOf(trend, level, target, lb) : null;
    if (p !== null && p > 1 && !r.dificultades.trim()) {
      out.push({ code: 'over-execution-without-justification', period: r.period, params: { level, target } });
    }
    if (reportedAfterClose(r.reportedAt, y, closedFromOf)) {
      out.push({ code: 'closed-period', period: r.period, params: { reportedOn: bogotaDate(new Date(r.reportedAt)) } });
    }
  }
  return out;
}

/** Σ w·min(x, 1) / Σ w over the given items; null when there is nothing to weigh. */
function weighted<T>(items: readonly T[], weight: (t: T) => number, value: (t: T) => number): number | null {
  let sw = 0;
  let sx = 0;
  for (const it of items) {
    const w = weight(it);
    sw += w;
    sx += w * Math.min(value(it), 1);
  }
  return sw > 0 ? sx / sw : null;
}

export function objectiveFigures(
  objective: Objective,
  figures: IndicatorFigures[],
  bands: Bands = DEFAULT_BANDS,
): ObjectiveFigures {
  const withTarget = figures.filter((f) => f.hasTarget);
  const hasData = withTarget.some((f) => f.executed !== null);
  const anyReport = figures.some((f) => f.cumulativeValue !== null);
  const w = (f: IndicatorFigures) => f.indicator.weight;
  // Weights renormalise over the indicators with a target this year (the seed's note on objective 2).
  const progress = hasData ? weighted(withTarget, w, (f) => f.progress ?? 0) : null;
  const expected = weighted(withTarget, w, (f) => f.expected ?? 0);
  const cumulative = anyReport
    ? weighted(
        figures.filter((f) => f.indicator.total !== 0),
        w,
        (f) => f.cumulative ?? 0,
      )
    : null;
  return {
    objective,
    indicators: figures,
    pending: withTarget.filter((f) => f.pending).map((f) => f.indicator.id),
    progress,
    expected,
    cumulative,
    status: statusOf(progress, expected, withTarget.length > 0, bands),
  };
}

function mean(xs: number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + Math.min(b, 1), 0) / xs.length : null;
}

/** The whole plan: each objective weighs the same (the seed gives every objective 100% and no weight between them). */
export function computePlan(plan: Plan, reports: readonly ReportRecord[], opts: EngineOptions): PlanFigures {
  const bands = opts.bands ?? DEFAULT_BANDS;
  const grouped = effectiveReports(reports, periodOf(opts.asOf));
  // Each year's closing is the same for every indicator: worked out once per year of this computation, not once per
  // indicator (a holiday calendar and a time-zone conversion each).
  const closings = new Map<number, number>();
  const closingOf = (y: number): number => {
    if (!closings.has(y)) closings.set(y, yearClosedFrom(y));
    return closings.get(y)!;
  };
  const objectives = plan.objectives.map((o) =>
    objectiveFigures(
      o,
      o.indicators.map((ind) => indicatorFigures(ind, grouped.get(ind.id) ?? [], opts, closingOf)),
      bands,
    ),
  );
  return planRollUp(plan, objectives, opts);
}

/** The plan's roll-up over its objectives' figures (computePlan's last step; the status service reuses it). */
export function planRollUp(plan: Plan, objectives: ObjectiveFigures[], opts: EngineOptions): PlanFigures {
  const bands = opts.bands ?? DEFAULT_BANDS;
  const withTarget = objectives.filter((o) => o.expected !== null);
  const hasData = withTarget.some((o) => o.progress !== null);
  const progress = hasData ? mean(withTarget.map((o) => o.progress ?? 0)) : null;
  const expected = mean(withTarget.map((o) => o.expected ?? 0));
  const anyCumulative = objectives.some((o) => o.cumulative !== null);
  const cumulative = anyCumulative ? mean(objectives.map((o) => o.cumulative ?? 0)) : null;
  return {
    plan,
    year: opts.year,
    asOf: opts.asOf,
    version: opts.version ?? { number: 1, effective: `${plan.period.from}-01-01`, reason: null, previous: null },
    monthsClosed: monthsClosed(opts.year, opts.asOf),
    objectives,
    progress,
    expected,
    cumulative,
    status: statusOf(progress, expected, withTarget.length > 0, bands),
  };
}
