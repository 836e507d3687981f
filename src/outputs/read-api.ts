import { ownersOfPlan } from '../domain/owners';
import { bogotaDate, isIsoDate, yearOf } from '../calendar';
import type { Plan } from '../domain/plan';
import type { ReportRecord } from '../domain/records';
import type { StatusService } from '../progress/service';
import type { PlanBook } from '../progress/plans';
import type { IndicatorFigures } from '../progress/engine';
import { explainIndicator, explainObjective, explainPlan, type ReportUsed } from '../progress/explain';
import { monthlySeries, type MonthPoint } from '../progress/monthly';
import { shownFigure } from '../progress/shown';
import { round4 } from '../progress/status';
import { complianceJson, storedCompliance } from '../reports/compliance';
import { reviewOf } from '../reports/review';
import { findIndicator } from '../reports/validate';
import type { Store } from '../store/types';
import { indicatorJson, statusJson, type StatusIndicatorJson, type StatusJson } from '../views/status-json';

/**
 * The read side the outside asks through: the status, compliance and reports JSON, one indicator with its months,
 * what lags, a figure's explanation, and the search. Both the HTTP read API (http/) and the MCP server (mcp/) call
 * these functions, so a figure asked through either is the same value from the same code: neither adapter computes
 * one. The arguments come already read; a wrong one is answered as a code (`ReadRefusal`) the edge words.
 */

export interface ReadSource {
  plan: Plan;
  status: StatusService;
  store: Store;
  clock: () => Date;
  /**
   * Every plan loaded (progress/plans.ts): `plan` and `status` then answer for the plan named by the arguments, or
   * for the plan in force at the as-of date. Absent: `plan` and `status` are the only plan.
   */
  plans?: PlanBook;
}

export type ReadRefusal =
  | { code: 'invalid-asOf'; value: string }
  | { code: 'invalid-year'; value: string }
  | { code: 'unknown-plan'; value: string }
  | { code: 'unknown-objective'; value: string }
  | { code: 'unknown-indicator'; value: string };

export type Read<T> = { ok: true; value: T } | { ok: false; refusal: ReadRefusal };

const refuse = (code: ReadRefusal['code'], value: unknown): { ok: false; refusal: ReadRefusal } => ({
  ok: false,
  refusal: { code, value: String(value).slice(0, 80) },
});

export interface PeriodArgs {
  year?: number | string;
  asOf?: string;
  plan?: string;
}

/**
 * `asOf` defaults to today (Bogotá), `year` to the as-of date's year: the rules of GET /api/v1/status. `plan`, when
 * given, must name the plan served (its id).
 */
export function readPeriod(src: ReadSource, args: PeriodArgs): Read<{ year: number; asOf: string }> {
  const asOf = args.asOf ?? bogotaDate(src.clock());
  if (typeof asOf !== 'string' || !isIsoDate(asOf)) return refuse('invalid-asOf', asOf);
  const yearText = args.year === undefined ? String(yearOf(asOf)) : String(args.year);
  if (!/^\d{4}$/.test(yearText)) return refuse('invalid-year', yearText);
  // With every plan loaded at hand, the plan is looked up by `scoped` (asynchronously); else it must be this one.
  if (args.plan !== undefined && !src.plans && args.plan.trim().toLowerCase() !== src.plan.id.toLowerCase())
    return refuse('unknown-plan', args.plan);
  return { ok: true, value: { year: Number(yearText), asOf } };
}

/**
 * The source answering for the plan the arguments name (`plan`), or for the plan in force at the as-of date
 * (CONTRACT.md: the one whose years contain it, the first loaded where several do); an unknown plan is refused.
 * The source returned holds that plan only (scoping it again changes nothing).
 */
export async function scoped(src: ReadSource, args: PeriodArgs): Promise<Read<ReadSource>> {
  if (!src.plans) return { ok: true, value: src };
  const { plans, ...rest } = src;
  let status: StatusService | undefined;
  if (args.plan !== undefined) {
    status = await plans.get(String(args.plan));
    if (!status) return refuse('unknown-plan', args.plan);
  } else {
    const asOf = args.asOf ?? bogotaDate(src.clock());
    status = typeof asOf === 'string' && isIsoDate(asOf) ? await plans.inForce(asOf) : src.status;
  }
  return { ok: true, value: { ...rest, plan: status.plan, status } };
}

/** The owners of the source's plan (scoped: the plan named or in force), by indicator id. */
const ownersNow = async (src: ReadSource) => {
  const owners = ownersOfPlan(await src.store.allOwners(), src.plan.id);
  return (id: string) => owners[id] ?? [];
};

/** GET /api/v1/status's JSON. */
export async function readStatus(src: ReadSource, args: PeriodArgs): Promise<Read<StatusJson>> {
  const s = await scoped(src, args);
  if (!s.ok) return s;
  src = s.value;
  const p = readPeriod(src, args);
  if (!p.ok) return p;
  const figures = await src.status.figures(p.value.year, p.value.asOf);
  return { ok: true, value: statusJson(figures, await ownersNow(src)) };
}

/** GET /api/v1/compliance's JSON. */
export async function readCompliance(src: ReadSource, args: PeriodArgs) {
  const s = await scoped(src, args);
  if (!s.ok) return s;
  src = s.value;
  const p = readPeriod(src, args);
  if (!p.ok) return p;
  const { year, asOf } = p.value;
  const c = await storedCompliance(src.store, src.plan, year, asOf);
  return { ok: true as const, value: complianceJson(c) };
}

export type ComplianceJson = ReturnType<typeof complianceJson>;

/** One stored version as GET /api/v1/reports shows it. */
export function reportJson(r: ReportRecord) {
  return {
    indicator: r.indicatorId,
    period: r.period,
    version: r.version,
    value: round4(r.value),
    logros: r.logros,
    dificultades: r.dificultades,
    evidencia: r.evidencia,
    reportedBy: { id: r.author.id, name: r.author.name, email: r.author.email ?? null },
    reportedAt: r.reportedAt,
    source: r.source,
    review: reviewOf(r),
    reviewedBy: r.reviewedBy
      ? { id: r.reviewedBy.id, name: r.reviewedBy.name, email: r.reviewedBy.email ?? null }
      : null,
    reviewedAt: r.reviewedAt ?? null,
    reviewNote: r.reviewNote ?? null,
  };
}

export type ReportJson = ReturnType<typeof reportJson>;

/** GET /api/v1/reports' JSON: every stored version, oldest first (by the instant stored, then write order). */
export async function readReports(src: Pick<ReadSource, 'store'>, q: { indicatorId?: string; year?: number }) {
  const reports = (await src.store.reports({ indicatorId: q.indicatorId, year: q.year }))
    .map((r, i) => ({ r, i }))
    .sort((a, b) => Date.parse(a.r.reportedAt) - Date.parse(b.r.reportedAt) || a.i - b.i)
    .map(({ r }) => reportJson(r));
  return { reports };
}

/** The plan's indicator a text names (its id, any case), or undefined. */
export const indicatorOf = (src: ReadSource, text: string) => findIndicator(src.plan, text);

/** One objective as in the status JSON (with its indicators). */
export async function readObjective(src: ReadSource, objective: number, args: PeriodArgs) {
  const s = await scoped(src, args);
  if (!s.ok) return s;
  src = s.value;
  const status = await readStatus(src, args);
  if (!status.ok) return status;
  const o = status.value.objectives.find((x) => x.number === objective);
  if (!o) return refuse('unknown-objective', objective);
  return { ok: true as const, value: { asOf: status.value.asOf, year: status.value.year, objective: o } };
}

export interface MonthJson {
  period: string;
  closed: boolean;
  value: number | null;
  reported: number | null;
  expected: number | null;
}

const monthJson = (m: MonthPoint): MonthJson => ({
  period: m.period,
  closed: m.closed,
  value: m.value === null ? null : round4(m.value),
  reported: m.reported === null ? null : round4(m.reported),
  expected: m.expected === null ? null : round4(m.expected),
});

async function indicatorFiguresOf(
  src: ReadSource,
  id: string,
  args: PeriodArgs,
): Promise<Read<{ year: number; asOf: string; figures: IndicatorFigures; objective: number }>> {
  const s = await scoped(src, args);
  if (!s.ok) return s;
  src = s.value;
  const p = readPeriod(src, args);
  if (!p.ok) return p;
  const ind = indicatorOf(src, id);
  if (!ind) return refuse('unknown-indicator', id);
  const all = await src.status.figures(p.value.year, p.value.asOf);
  const o = all.objectives.find((x) => x.objective.number === ind.objective)!;
  const figures = o.indicators.find((f) => f.indicator.id === ind.id)!;
  return { ok: true, value: { ...p.value, figures, objective: o.objective.number } };
}

/**
 * One indicator as in the status JSON (the same object, from the same figures), plus its objective and its months
 * (the indicator card's chart: the value through each month against the expected level).
 */
export async function readIndicator(src: ReadSource, id: string, args: PeriodArgs) {
  const s = await scoped(src, args);
  if (!s.ok) return s;
  src = s.value;
  const r = await indicatorFiguresOf(src, id, args);
  if (!r.ok) return r;
  const { year, asOf, figures, objective } = r.value;
  const indicator: StatusIndicatorJson = indicatorJson(figures, await ownersNow(src));
  return {
    ok: true as const,
    value: { asOf, year, objective, indicator, months: monthlySeries(figures, asOf).map(monthJson) },
  };
}

/** What lags: the indicators in rojo or amarillo, and those with a target this year and no report. */
export function laggingOf(status: StatusJson) {
  const all = status.objectives.flatMap((o) => o.indicators.map((i) => ({ objective: o.number, ...i })));
  return {
    asOf: status.asOf,
    year: status.year,
    lagging: all.filter((i) => i.status === 'rojo' || i.status === 'amarillo'),
    missing: all
      .filter((i) => i.pending)
      .map((i) => ({ objective: i.objective, id: i.id, name: i.name, owner: i.owner, expected: i.expected })),
  };
}

const usedJson = (r: ReportUsed) => ({ ...r, value: round4(r.value) });
const r4 = (x: number | null) => (x === null ? null : round4(x));

/** The explanation of an indicator's figure: the formula's parts, the reports used, its share of the objective. */
export async function explainIndicatorJson(src: ReadSource, id: string, args: PeriodArgs) {
  const s = await scoped(src, args);
  if (!s.ok) return s;
  src = s.value;
  const r = await indicatorFiguresOf(src, id, args);
  if (!r.ok) return r;
  const { asOf, figures } = r.value;
  const all = await src.status.figures(r.value.year, asOf);
  const o = all.objectives.find((x) => x.objective.number === r.value.objective)!;
  const e = explainIndicator(figures, asOf, all.version);
  const row = explainObjective(o, asOf, all.version).rows.find((x) => x.indicatorId === figures.indicator.id)!;
  return {
    ok: true as const,
    value: {
      kind: 'indicator' as const,
      asOf,
      year: e.year,
      monthsClosed: e.monthsClosed,
      indicator: { id: e.indicator.id, name: e.indicator.name, unit: e.indicator.unit, objective: o.objective.number },
      trend: e.trend,
      hasTarget: e.hasTarget,
      executed: r4(e.executed),
      target: round4(e.target),
      baseline: round4(e.baseline),
      previousTarget: round4(e.previousTarget),
      executedFrom: e.executedFrom.map(usedJson),
      progress: shownFigure(e.progress),
      expectedLevel: r4(e.expectedLevel),
      expected: shownFigure(e.expected),
      cumulativeValue: r4(e.cumulativeValue),
      fourYearTarget: round4(e.fourYearTarget),
      cumulative: shownFigure(e.cumulative),
      status: e.status,
      reports: e.reports.map(usedJson),
      inObjective: {
        number: o.objective.number,
        weight: round4(row.weight),
        weightUsed: round4(row.weightUsed),
        capped: round4(row.capped),
        contribution: row.shownContribution,
      },
    },
  };
}

/** The explanation of an objective's figure: each indicator's weight, capped progress and contribution; their sum. */
export async function explainObjectiveJson(src: ReadSource, objective: number, args: PeriodArgs) {
  const s = await scoped(src, args);
  if (!s.ok) return s;
  src = s.value;
  const p = readPeriod(src, args);
  if (!p.ok) return p;
  const all = await src.status.figures(p.value.year, p.value.asOf);
  const o = all.objectives.find((x) => x.objective.number === objective);
  if (!o) return refuse('unknown-objective', objective);
  const e = explainObjective(o, p.value.asOf);
  return {
    ok: true as const,
    value: {
      kind: 'objective' as const,
      asOf: e.asOf,
      year: e.year,
      monthsClosed: e.monthsClosed,
      number: e.number,
      name: e.name,
      weightTotal: round4(e.weightTotal),
      rows: e.rows.map((x) => ({
        indicator: x.indicatorId,
        name: x.name,
        hasTarget: x.hasTarget,
        weight: round4(x.weight),
        weightUsed: round4(x.weightUsed),
        progress: shownFigure(x.progress),
        capped: round4(x.capped),
        contribution: x.shownContribution,
        expected: shownFigure(x.expected),
        expectedContribution: x.shownExpectedContribution,
        pending: x.pending,
        unreviewed: x.unreviewed,
      })),
      progress: e.shownProgress,
      expected: e.shownExpected,
      ratio: e.ratio,
      status: e.status,
    },
  };
}

/** The explanation of the plan's figure: the mean of the objectives counted that year. */
export async function explainPlanJson(src: ReadSource, args: PeriodArgs) {
  const s = await scoped(src, args);
  if (!s.ok) return s;
  src = s.value;
  const p = readPeriod(src, args);
  if (!p.ok) return p;
  const all = await src.status.figures(p.value.year, p.value.asOf);
  const e = explainPlan(all);
  return {
    ok: true as const,
    value: {
      kind: 'plan' as const,
      asOf: e.asOf,
      year: e.year,
      monthsClosed: e.monthsClosed,
      objectives: e.objectives.map((o) => ({
        number: o.number,
        name: o.name,
        progress: shownFigure(o.progress),
        expected: shownFigure(o.expected),
        counted: o.counted,
      })),
      progress: shownFigure(all.progress),
      expected: shownFigure(all.expected),
      status: e.status,
    },
  };
}
