import type { IndicatorFigures, ObjectiveFigures, PlanFigures } from '../progress/engine';
import { round4 } from '../progress/status';
import { shownFigure } from '../progress/shown';
import type { Person } from '../domain/records';
import type { AnomalyCode, Status } from '../domain/codes';
import type { Trend, Unit } from '../domain/plan';
import { unreviewedMonths } from '../reports/review';
import { ownerName } from './names';

/**
 * docs/interfaces.md's status JSON (read API and `cli status --json`): fractions, null where n/a. The progress
 * figures (progress, expected, cumulative) are the shown figures (progress/shown.ts: a tenth of a percent, 3
 * decimals), the very numbers the cards, the digest and the workbook show; values and weights keep 4 decimals.
 */

export interface StatusIndicatorJson {
  id: string;
  meta: string;
  name: string;
  trend: Trend;
  weight: number;
  unit: Unit;
  program: Record<string, number>;
  total: number;
  executed: number | null;
  progress: number | null;
  expected: number | null;
  cumulative: number | null;
  status: Status;
  lastReport: string | null;
  owner: string | null;
  area: string | null;
  pending: boolean;
  anomalies: AnomalyCode[];
  /** The months whose counting version is still 'pendiente' (waiting for the planning office's review). */
  unreviewed: string[];
  /** Where the plan version in force reprogrammed the year's target: the target before it. */
  previousTarget?: number;
}

export interface StatusObjectiveJson {
  number: number;
  name: string;
  progress: number | null;
  expected: number | null;
  cumulative: number | null;
  status: Status;
  pending: string[];
  indicators: StatusIndicatorJson[];
}

export interface StatusJson {
  asOf: string;
  year: number;
  monthsClosed: number;
  plan: {
    id: string;
    name: string;
    /** The plan version in force at the as-of date (CONTRACT.md), and the date it took effect. */
    version: number;
    versionEffective: string;
    progress: number | null;
    expected: number | null;
    cumulative: number | null;
    status: Status;
  };
  objectives: StatusObjectiveJson[];
}

const r = (x: number | null) => (x === null ? null : round4(x));
const fig = shownFigure;

export type OwnerLookup = (indicatorId: string) => readonly Person[];

export function indicatorJson(f: IndicatorFigures, owners: OwnerLookup): StatusIndicatorJson {
  const ind = f.indicator;
  // The JSON is read by dashboards and the Copilot agent, i.e. by other people: names, never an e-mail address.
  const names = owners(ind.id).map((p) => ownerName(p, 'es'));
  return {
    id: ind.id,
    meta: ind.meta.id,
    name: ind.name,
    trend: ind.trend,
    weight: round4(ind.weight),
    unit: ind.unit,
    program: Object.fromEntries(Object.entries(ind.program).map(([y, v]) => [y, round4(v)])),
    total: round4(ind.total),
    executed: r(f.executed),
    progress: fig(f.progress),
    expected: fig(f.expected),
    cumulative: fig(f.cumulative),
    status: f.status,
    lastReport: f.lastReport,
    owner: names.length ? names.join(', ') : ind.area,
    area: ind.area,
    pending: f.pending,
    anomalies: [...new Set(f.anomalies.map((a) => a.code))],
    unreviewed: unreviewedMonths(f.reports),
    ...(f.previousTarget === undefined ? {} : { previousTarget: round4(f.previousTarget) }),
  };
}

export function objectiveJson(o: ObjectiveFigures, owners: OwnerLookup): StatusObjectiveJson {
  return {
    number: o.objective.number,
    name: o.objective.name,
    progress: fig(o.progress),
    expected: fig(o.expected),
    cumulative: fig(o.cumulative),
    status: o.status,
    pending: o.pending,
    indicators: o.indicators.map((f) => indicatorJson(f, owners)),
  };
}

export function statusJson(p: PlanFigures, owners: OwnerLookup): StatusJson {
  return {
    asOf: p.asOf,
    year: p.year,
    monthsClosed: p.monthsClosed,
    plan: {
      id: p.plan.id,
      name: p.plan.name,
      version: p.version.number,
      versionEffective: p.version.effective,
      progress: fig(p.progress),
      expected: fig(p.expected),
      cumulative: fig(p.cumulative),
      status: p.status,
    },
    objectives: p.objectives.map((o) => objectiveJson(o, owners)),
  };
}
