import type { Indicator, Trend } from '../domain/plan';
import type { ReportRecord } from '../domain/records';
import { monthsClosed, yearOf } from '../calendar';
import type { IndicatorFigures, ObjectiveFigures, PlanFigures, VersionInForce } from './engine';
import type { Status } from './status';
import { apportion, shownFigure } from './shown';

/**
 * Every figure explains itself (DOMAIN.md, "Explaining a figure"): pure functions from the engine's figures to the
 * parts a person can check by hand. For an indicator: the tendencia's formula with V_y, M_y and LB filled in, the
 * report versions used (with their review state) and the expected level's formula at the as-of date. For an
 * objective: each indicator's capped progress, its weight renormalised over the indicators with a target that
 * year, its contribution, and the sum, which is the objective's figure. For the plan: the mean of the objectives.
 * The parts are rebuilt from the figures the cards show, so the sum is that figure (a test checks it over the plan).
 */

export interface ReportUsed {
  id: string;
  period: string;
  version: number;
  value: number;
  review: 'pendiente' | 'aprobado' | 'devuelto';
}

export interface IndicatorExplanation {
  indicator: Indicator;
  year: number;
  asOf: string;
  trend: Trend;
  hasTarget: boolean;
  /** V_y, M_y, LB (0 where the seed gives none), the previous year's target (M_{y−1}; LB for the first year). */
  executed: number | null;
  target: number;
  baseline: number;
  previousTarget: number;
  /** Months closed at the as-of date (m). */
  monthsClosed: number;
  /** The year's reports that make V_y: all of them (Suma) or the latest (the others). */
  executedFrom: ReportUsed[];
  progress: number | null;
  capped: number | null;
  expectedLevel: number | null;
  expected: number | null;
  /** Four-year value and progress (Σ reports or the latest level, against MF). */
  cumulativeValue: number | null;
  fourYearTarget: number;
  cumulative: number | null;
  /** Every counting version up to the as-of month (what the figures used), oldest first. */
  reports: ReportUsed[];
  status: Status;
  /** The plan version the figure used, where it is not version 1 (the card names it and its reason). */
  version: VersionInForce | null;
  /** The year's target before that version reprogrammed it («meta reprogramada»), else null. */
  reprogrammedFrom: number | null;
}

export interface ContributionRow {
  indicatorId: string;
  name: string;
  hasTarget: boolean;
  /** The weight in the plan (ponderación) and renormalised over the indicators with a target this year. */
  weight: number;
  weightUsed: number;
  progress: number | null;
  /** min(progress, 1); 0 without a report (it counts 0 and is pending). */
  capped: number;
  contribution: number;
  /**
   * The contribution as the explanation shows it: rounded (progress/shown.ts) so that the rows add up to the
   * objective's shown figure, exactly (largest remainder).
   */
  shownContribution: number;
  expected: number | null;
  expectedContribution: number;
  shownExpectedContribution: number;
  pending: boolean;
  unreviewed: string[];
}

export interface ObjectiveExplanation {
  number: number;
  name: string;
  year: number;
  asOf: string;
  monthsClosed: number;
  rows: ContributionRow[];
  /** Σ of the weights of the indicators with a target this year (what the weights are renormalised by). */
  weightTotal: number;
  /** Σ contributions: the objective's progress (null when nothing was reported: «sin datos»). */
  progress: number | null;
  expected: number | null;
  /** The two as shown (progress/shown.ts): Σ shownContribution and Σ shownExpectedContribution equal them. */
  shownProgress: number | null;
  shownExpected: number | null;
  /** progress / expected, rounded to 4 decimals as the semáforo reads it. */
  ratio: number | null;
  status: Status;
  version: VersionInForce | null;
}

export interface PlanExplanation {
  year: number;
  asOf: string;
  monthsClosed: number;
  objectives: { number: number; name: string; progress: number | null; expected: number | null; counted: boolean }[];
  progress: number | null;
  expected: number | null;
  status: Status;
  version: VersionInForce | null;
}

/** The version worth naming: any but version 1 (the plan as first loaded). */
const named = (v: VersionInForce | undefined): VersionInForce | null => (v && v.number > 1 ? v : null);

function used(r: ReportRecord): ReportUsed {
  return { id: r.id, period: r.period, version: r.version, value: r.value, review: r.review ?? 'aprobado' };
}

function targetOf(ind: Indicator, year: number): number {
  return (ind.program as Record<number, number>)[year] ?? 0;
}

export function explainIndicator(f: IndicatorFigures, asOf: string, version?: VersionInForce): IndicatorExplanation {
  const ind = f.indicator;
  const ofYear = f.reports.filter((r) => yearOf(r.period) === f.year);
  const executedFrom = ind.trend === 'suma' ? ofYear : ofYear.slice(-1);
  return {
    indicator: ind,
    year: f.year,
    asOf,
    trend: ind.trend,
    hasTarget: f.hasTarget,
    executed: f.executed,
    target: f.target,
    baseline: ind.baseline ?? 0,
    previousTarget: f.year - 1 in ind.program ? targetOf(ind, f.year - 1) : (ind.baseline ?? 0),
    monthsClosed: monthsClosed(f.year, asOf),
    executedFrom: executedFrom.map(used),
    progress: f.progress,
    capped: f.progress === null ? null : Math.min(f.progress, 1),
    expectedLevel: f.expectedLevel,
    expected: f.expected,
    cumulativeValue: f.cumulativeValue,
    fourYearTarget: ind.total,
    cumulative: f.cumulative,
    reports: f.reports.map(used),
    status: f.status,
    version: named(version),
    reprogrammedFrom: f.previousTarget ?? null,
  };
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

export function explainObjective(o: ObjectiveFigures, asOf: string, version?: VersionInForce): ObjectiveExplanation {
  const year = o.indicators[0]?.year ?? yearOf(asOf);
  const weightTotal = o.indicators.filter((f) => f.hasTarget).reduce((a, f) => a + f.indicator.weight, 0);
  const rows: ContributionRow[] = o.indicators.map((f) => {
    const weightUsed = f.hasTarget && weightTotal > 0 ? f.indicator.weight / weightTotal : 0;
    const capped = f.hasTarget ? Math.min(f.progress ?? 0, 1) : 0;
    const expectedCapped = f.hasTarget ? Math.min(f.expected ?? 0, 1) : 0;
    return {
      indicatorId: f.indicator.id,
      name: f.indicator.name,
      hasTarget: f.hasTarget,
      weight: f.indicator.weight,
      weightUsed,
      progress: f.progress,
      capped,
      contribution: weightUsed * capped,
      shownContribution: 0,
      expected: f.expected,
      expectedContribution: weightUsed * expectedCapped,
      shownExpectedContribution: 0,
      pending: f.pending,
      unreviewed: f.reports.filter((r) => r.review === 'pendiente').map((r) => r.period),
    };
  });
  // The whole is the engine's figure itself (the one every card shows); the rows are its parts.
  const progress = o.progress;
  const expected = o.expected;
  const shownParts = apportion(
    rows.map((r) => r.contribution),
    progress ?? 0,
  );
  const shownExpectedParts = apportion(
    rows.map((r) => r.expectedContribution),
    expected ?? 0,
  );
  rows.forEach((r, i) => {
    r.shownContribution = shownParts[i];
    r.shownExpectedContribution = shownExpectedParts[i];
  });
  return {
    number: o.objective.number,
    name: o.objective.shortName,
    year,
    asOf,
    monthsClosed: monthsClosed(year, asOf),
    rows,
    weightTotal,
    progress,
    expected,
    shownProgress: shownFigure(progress),
    shownExpected: shownFigure(expected),
    ratio: progress !== null && expected ? round4(progress / expected) : null,
    status: o.status,
    version: named(version),
  };
}

export function explainPlan(p: PlanFigures): PlanExplanation {
  const objectives = p.objectives.map((o) => ({
    number: o.objective.number,
    name: o.objective.shortName,
    progress: o.progress,
    expected: o.expected,
    counted: o.expected !== null,
  }));
  const counted = objectives.filter((o) => o.counted);
  const any = counted.some((o) => o.progress !== null);
  return {
    year: p.year,
    asOf: p.asOf,
    monthsClosed: p.monthsClosed,
    objectives,
    progress:
      any && counted.length ? counted.reduce((a, o) => a + Math.min(o.progress ?? 0, 1), 0) / counted.length : null,
    expected: counted.length ? counted.reduce((a, o) => a + Math.min(o.expected ?? 0, 1), 0) / counted.length : null,
    status: p.status,
    version: named(p.version),
  };
}
