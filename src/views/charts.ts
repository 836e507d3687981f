import type { Unit } from '../domain/plan';
import type { IndicatorFigures, ObjectiveFigures } from '../progress/engine';
import { monthlySeries, type MonthPoint } from '../progress/monthly';
import type { IsoDate } from '../calendar';
import { strings } from '../i18n';
import { DASH, formatPercent, formatValue, monthShort, roundTo, type Lang } from './format';

/**
 * The cards' charts (Teams' `Chart.*` elements, Adaptive Cards 1.5) as view models: the indicator card's year month by
 * month against the expected line (`Chart.Line`), the objective card's indicators, annual progress against expected
 * (`Chart.VerticalBar.Grouped`). Each comes with the rows of its fallback table, for clients that do not draw charts
 * (mobile Teams, older hosts): the same figures, formatted as the rest of the card. Shaping only: every number is the
 * engine's (src/progress/monthly.ts, engine.ts).
 */

/**
 * The chart colours (names Teams' chart elements know): the indicator's own figures in blue, the expected in a dark
 * grey (the hosts draw 'neutral' #CCCCCC, too faint on white; 'divergingGray' is #4B5356). The cards' «Esperado a la
 * fecha» bars are drawn in the same grey (views/format.ts, bar style 'expected'): one colour for «Esperado» everywhere.
 */
export const CHART_COLORS = {
  actual: 'categoricalBlue',
  expected: 'divergingGray',
  progress: 'categoricalBlue',
} as const;

export interface ChartPoint {
  x: string;
  y: number;
}

export interface LineSeries {
  legend: string;
  color: string;
  values: ChartPoint[];
}

export interface TableRow {
  label: string;
  value: string;
  expected: string;
}

/** A chart and its fallback table, as the card templates draw them. */
export interface ChartView {
  heading: string;
  xAxisTitle: string;
  yAxisTitle: string;
  /** The y axis' range (Chart.Line only; the grouped bars take theirs from the data). */
  yMin?: number;
  yMax?: number;
  /** The monthly chart puts expected first: its twelve months fix the order of the x axis. */
  data: LineSeries[];
  columns: { label: string; value: string; expected: string };
  rows: TableRow[];
}

export type MonthlyChartView = ChartView;

/** A value on a chart's y axis, in the unit the card shows it in (percent indicators as 0..100). */
export function chartNumber(x: number, unit: Unit): number {
  return unit === 'percent' ? roundTo(x * 100, 2) : roundTo(x, 2);
}

/**
 * The top of a y axis that the hosts divide in four equal steps (0, ¼, ½, ¾, top; the Playground's and Teams' chart
 * renderer): the smallest top at or above the data whose step is a round number (1; 1,5; 2; 2,5; 3; 4; 5; 6 or 8 × 10ⁿ),
 * so the ticks read 0 · 8 · 16 · 24 · 32 rather than 0 · 6.5 · 13 · 19.5 · 26. From 4 up the steps are whole numbers, so
 * the ticks carry no decimal separator, which the hosts would write with a point in a Spanish card.
 */
export function niceAxisMax(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 4;
  const rawStep = max / 4;
  const mag = 10 ** Math.floor(Math.log10(rawStep));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    const step = roundTo(m * mag, 9);
    if (max >= 4 && !Number.isInteger(step)) continue;
    if (step * 4 >= max - 1e-9) return roundTo(step * 4, 9);
  }
  return roundTo(10 * mag * 4, 9);
}

/** The legend of an indicator's own series: the year's sum so far (Suma) or the level reported (the others). */
function actualLegend(f: IndicatorFigures, lang: Lang): string {
  const s = strings(lang);
  return f.indicator.trend === 'suma' ? s.chartYearToDate : s.chartReportedLevel;
}

/**
 * The indicator card's chart, or null when there is nothing to draw (no report in the year and no target). The table
 * lists the months closed at the as-of date and any later month with figures.
 */
export function monthlyChart(f: IndicatorFigures, asOf: IsoDate, lang: Lang): MonthlyChartView | null {
  const s = strings(lang);
  const unit = f.indicator.unit;
  const points = monthlySeries(f, asOf);
  const reported = points.filter((p) => p.value !== null);
  if (!reported.length && !f.hasTarget) return null;
  const rowsOf = points.filter((p) => p.closed || p.value !== null);
  if (!rowsOf.length) return null;
  // The chart's x axis numbers the months (1 = January): twelve short names do not fit a card's width (the hosts cut
  // them to «e… f…»); the axis title says so, and the table beside it names them.
  const x = (p: MonthPoint) => String(p.month);
  const month = (p: MonthPoint) => monthShort(p.month, lang);
  const legend = actualLegend(f, lang);
  const data: LineSeries[] = [];
  if (f.hasTarget) {
    data.push({
      legend: s.chartExpected,
      color: CHART_COLORS.expected,
      values: points.map((p) => ({ x: x(p), y: chartNumber(p.expected ?? 0, unit) })),
    });
  }
  if (reported.length) {
    data.push({
      legend,
      color: CHART_COLORS.actual,
      values: reported.map((p) => ({ x: x(p), y: chartNumber(p.value!, unit) })),
    });
  }
  const top = Math.max(0, ...data.flatMap((d) => d.values.map((v) => v.y)));
  return {
    heading: s.chartMonthlyHeading(f.year),
    xAxisTitle: s.chartMonthAxis,
    yAxisTitle: s.unit[unit],
    yMin: 0,
    yMax: niceAxisMax(top),
    data,
    columns: { label: s.chartMonth, value: legend, expected: s.chartExpected },
    rows: rowsOf.map((p) => ({
      label: month(p),
      value: formatValue(p.value, unit, lang),
      expected: f.hasTarget ? formatValue(p.expected, unit, lang) : DASH,
    })),
  };
}

export type IndicatorsChartView = ChartView;

/** A progress on the objective chart's axis: percent, one decimal, 0 without a report (it counts 0 in the roll-up). */
export function chartPercent(fraction: number | null): number {
  return fraction === null ? 0 : roundTo(fraction * 100, 1);
}

/**
 * The objective card's chart: for each indicator with a target in the year, its annual progress (uncapped, as its
 * row shows it) beside the progress expected at the as-of date; null when no indicator has a target.
 */
export function indicatorsChart(o: ObjectiveFigures, year: number, lang: Lang): IndicatorsChartView | null {
  const s = strings(lang);
  const withTarget = o.indicators.filter((f) => f.hasTarget);
  if (!withTarget.length) return null;
  return {
    heading: s.chartIndicatorsHeading(year),
    xAxisTitle: s.chartIndicator,
    yAxisTitle: s.chartPercentAxis,
    data: [
      {
        legend: s.annualProgress,
        color: CHART_COLORS.progress,
        values: withTarget.map((f) => ({ x: f.indicator.id, y: chartPercent(f.progress) })),
      },
      {
        legend: s.expectedToDate,
        color: CHART_COLORS.expected,
        values: withTarget.map((f) => ({ x: f.indicator.id, y: chartPercent(f.expected) })),
      },
    ],
    columns: { label: s.chartIndicator, value: s.annualProgress, expected: s.expectedToDate },
    rows: withTarget.map((f) => ({
      label: f.indicator.id,
      value: formatPercent(f.progress, lang),
      expected: formatPercent(f.expected, lang),
    })),
  };
}
