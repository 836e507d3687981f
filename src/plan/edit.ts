/**
 * The plan as the planning office edits it (`plan export` / `plan import`), pure: the workbook's rows in (read by
 * outputs/plan-workbook.ts), a plan out, or every problem with its sheet and row. The whole plan is checked before
 * anything is stored: each cell, then the plan's own rules (schema.ts), then the plan check (check.ts), whose
 * findings become errors (weights that do not add to 100 %) or warnings (the rest, unless acknowledged).
 *
 * What the workbook does not carry is kept from the plan it replaces: the printed cells of the source document, the
 * meta's kind and printed number, the objectives' notes, the entity, the legal basis, the acknowledged findings.
 */
import type { Indicator, Meta, Objective, Plan, Trend, Unit, Year } from '../domain/plan';
import { planYears } from '../domain/plan';
import type { EditProblemCode, PlanChange } from '../domain/plan-versions';

export type { EditProblemCode } from '../domain/plan-versions';
import type { Finding } from '../domain/codes';
import { checkPlan } from './check';
import { planSchema } from './schema';

export type Cell = string | number | null;
/** One row of a sheet: its number in the sheet (1-based, as Excel shows it) and its cells by column key. */
export interface SheetRow {
  row: number;
  cells: Record<string, Cell>;
}
export type SheetName = 'plan' | 'objectives' | 'indicators';
export interface PlanSheets {
  /** The plan sheet's key/value rows: cells.key, cells.value. */
  plan: SheetRow[];
  objectives: SheetRow[];
  indicators: SheetRow[];
  /** The years that have a column in the indicator sheet (a header cell per year, e.g. "2025"); absent: not checked. */
  years?: number[];
}

/** The indicator sheet's columns but the years (keys; outputs/plan-workbook.ts gives their headers). */
const BEFORE_YEARS = [
  'id',
  'objective',
  'metaId',
  'metaLabel',
  'metaText',
  'name',
  'trend',
  'unit',
  'weight',
  'baseline',
];
const AFTER_YEARS = ['total', 'area', 'ownerEmail'];
export const FIXED_INDICATOR_COLUMNS: readonly string[] = [...BEFORE_YEARS, ...AFTER_YEARS];
/** The indicator sheet's columns for a plan of these years: a target column per year ("2025") after the baseline. */
export const indicatorColumns = (years: readonly number[]): string[] => [
  ...BEFORE_YEARS,
  ...years.map(String),
  ...AFTER_YEARS,
];

/** "2028-2031" (or with an en dash), or one year "2026" for a yearly Plan de Acción: the plan's period, or null. */
export function parseYears(text: string): { from: number; to: number } | null {
  const m = /^\s*(\d{4})\s*(?:[-–—]\s*(\d{4}))?\s*$/.exec(text);
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return to >= from && to - from < 12 ? { from, to } : null;
}

/** The plan sheet's id and years as written (the CLI picks the plan a workbook is of before checking it). */
export function workbookHead(sheets: PlanSheets): { id: string; years: { from: number; to: number } | null } {
  const value = (k: string) => text(sheets.plan.find((r) => text(r.cells.key) === k)?.cells.value);
  return { id: value('id'), years: parseYears(value('years')) };
}

/**
 * What a workbook of a plan not stored yet starts from: its id and years, the entity and legal basis of the plan
 * shipped with the project, no objective (the workbook brings them all).
 */
export function blankPlan(like: Plan, id: string, period: { from: number; to: number }, cut: string): Plan {
  return {
    ...like,
    id,
    period: { ...period },
    cut,
    source: 'plan import',
    objectives: [],
    acknowledgedFindings: [],
  };
}
export const OBJECTIVE_COLUMNS = ['number', 'name', 'shortName'] as const;
export const PLAN_KEYS = ['id', 'name', 'years', 'mission', 'vision'] as const;

export interface EditProblem {
  severity: 'error' | 'warning';
  sheet: SheetName;
  /** The row in the sheet (null: the sheet as a whole). */
  row: number | null;
  code: EditProblemCode;
  params: Record<string, string | number>;
  /** For 'finding': the plan check's finding (worded by i18n's operator.finding). */
  finding?: Finding;
}

export type EditResult = { ok: true; plan: Plan; warnings: EditProblem[] } | { ok: false; problems: EditProblem[] };

const INDICATOR_ID = /^(\d{4}|\d{4}-M\d+|O\d+-\d+)$/;
const TRENDS: Record<string, Trend> = {
  suma: 'suma',
  creciente: 'creciente',
  constante: 'constante',
  decreciente: 'decreciente',
};
const UNITS: Record<string, Unit> = {
  numero: 'number',
  número: 'number',
  number: 'number',
  porcentaje: 'percent',
  percent: 'percent',
};

const text = (c: Cell | undefined): string => (c === null || c === undefined ? '' : String(c).trim());

/**
 * Builds the plan the workbook describes over `base` (the version it replaces, or a blank plan for a new one), or
 * says everything wrong with it. `taken`: indicator ids held by another plan whose years overlap this one's (id →
 * that plan's id), refused row by row (a report belongs to one plan through its indicator id and month).
 */
export function planFromSheets(
  base: Plan,
  sheets: PlanSheets,
  taken: ReadonlyMap<string, string> = new Map(),
): EditResult {
  const years = planYears(base);
  const problems: EditProblem[] = [];
  const err = (sheet: SheetName, row: number | null, code: EditProblemCode, params: EditProblem['params'] = {}) =>
    problems.push({ severity: 'error', sheet, row, code, params });

  // The plan sheet: its id names the plan; the years cannot change inside a plan.
  const planCells = new Map(sheets.plan.map((r) => [text(r.cells.key), r]));
  const planValue = (k: string) => text(planCells.get(k)?.cells.value);
  const planRow = (k: string) => planCells.get(k)?.row ?? null;
  const id = planValue('id');
  if (!id) err('plan', planRow('id'), 'required', { column: 'id' });
  else if (id !== base.id) err('plan', planRow('id'), 'plan-other', { id, known: base.id });
  const yearsText = planValue('years');
  const period = parseYears(yearsText);
  if (yearsText && (!period || period.from !== base.period.from || period.to !== base.period.to))
    err('plan', planRow('years'), 'years-changed', { got: yearsText, years: `${base.period.from}-${base.period.to}` });
  for (const y of years)
    if (sheets.years && !sheets.years.includes(y)) err('indicators', 1, 'column-missing', { column: String(y) });
  for (const k of ['name', 'mission', 'vision'] as const)
    if (planValue(k).length < (k === 'name' ? 1 : 10))
      err('plan', planRow(k), 'text-short', { column: k, min: k === 'name' ? 1 : 10 });

  // Objectives.
  const baseObjective = new Map(base.objectives.map((o) => [o.number, o]));
  const objectives = new Map<number, { row: number; objective: Objective }>();
  for (const r of sheets.objectives) {
    const n = Number(r.cells.number);
    if (!Number.isInteger(n) || n < 1) {
      err('objectives', r.row, 'not-number', { column: 'number', got: text(r.cells.number) });
      continue;
    }
    if (objectives.has(n)) {
      err('objectives', r.row, 'objective-duplicate', { number: n, first: objectives.get(n)!.row });
      continue;
    }
    const name = text(r.cells.name);
    const shortName = text(r.cells.shortName);
    if (name.length < 10) err('objectives', r.row, 'text-short', { column: 'name', min: 10 });
    if (shortName.length < 3) err('objectives', r.row, 'text-short', { column: 'shortName', min: 3 });
    const notes = baseObjective.get(n)?.notes ?? [];
    objectives.set(n, { row: r.row, objective: { number: n, name, shortName, notes: [...notes], indicators: [] } });
  }

  // Indicators.
  const baseIndicator = new Map(base.objectives.flatMap((o) => o.indicators).map((i) => [i.id, i]));
  const seen = new Map<string, number>();
  const rowOf = new Map<string, number>();
  for (const r of sheets.indicators) {
    const before = problems.length;
    const c = r.cells;
    const iid = text(c.id);
    if (!iid) err('indicators', r.row, 'required', { column: 'id' });
    else if (!INDICATOR_ID.test(iid)) err('indicators', r.row, 'id-format', { got: iid });
    else if (seen.has(iid)) err('indicators', r.row, 'id-duplicate', { id: iid, first: seen.get(iid)! });
    else if (taken.has(iid)) err('indicators', r.row, 'id-other-plan', { id: iid, plan: taken.get(iid)! });
    else seen.set(iid, r.row);
    const objectiveNumber = Number(c.objective);
    const home = objectives.get(objectiveNumber);
    if (!home) err('indicators', r.row, 'objective-unknown', { objective: text(c.objective) });
    const trend = TRENDS[text(c.trend).toLowerCase()];
    if (!trend) err('indicators', r.row, 'trend-unknown', { got: text(c.trend) });
    const unit = UNITS[text(c.unit).toLowerCase()];
    if (!unit) err('indicators', r.row, 'unit-unknown', { got: text(c.unit) });
    const number = (column: string, optional = false): number | null => {
      const v = c[column];
      if (v === null || v === undefined || text(v) === '') {
        if (!optional) err('indicators', r.row, 'required', { column });
        return null;
      }
      const n = typeof v === 'number' ? v : Number(text(v).replace(',', '.'));
      if (!Number.isFinite(n)) {
        err('indicators', r.row, 'not-number', { column, got: text(v) });
        return null;
      }
      if (n < 0 && column !== 'baseline') err('indicators', r.row, 'negative', { column });
      return n;
    };
    const weight = number('weight');
    if (weight !== null && (weight <= 0 || weight > 1)) err('indicators', r.row, 'weight-range', { got: weight });
    const baseline = number('baseline', true);
    const program = {} as Record<Year, number>;
    for (const y of years) program[y] = number(String(y)) ?? 0;
    const total = number('total');
    for (const [column, min] of [
      ['name', 5],
      ['metaId', 1],
      ['metaLabel', 1],
      ['metaText', 10],
    ] as const)
      if (text(c[column]).length < min) err('indicators', r.row, 'text-short', { column, min });
    if (problems.length > before || !home) continue;

    const old = baseIndicator.get(iid);
    const meta: Meta = {
      id: text(c.metaId),
      kind:
        old?.meta.kind ?? (/^\d{4}-M\d+$/.test(iid) ? 'proyecto' : /^O\d+-\d+$/.test(iid) ? 'gestion' : 'sectorial'),
      number: old?.meta.number ?? null,
      project: old?.meta.project ?? (/^(\d{4})-M\d+$/.exec(iid)?.[1] || null),
      label: text(c.metaLabel),
      text: text(c.metaText),
    };
    const indicator: Indicator = {
      id: iid,
      objective: objectiveNumber,
      printedNumber: old ? old.printedNumber : /^\d{4}$/.test(iid) ? iid : null,
      name: text(c.name),
      meta,
      trend: trend!,
      weight: weight!,
      unit: unit!,
      program,
      total: total!,
      baseline,
      area: text(c.area) || null,
      // The source document's cells as printed (kept for the plan check and the audit): an indicator new to the plan
      // has none, so its own values stand in.
      printed: old
        ? old.printed
        : {
            trend: text(c.trend),
            weight: String(weight),
            program: years.map((y) => String(program[y])),
            total: String(total),
          },
    };
    home.objective.indicators.push(indicator);
    rowOf.set(iid, r.row);
  }
  for (const { row, objective } of objectives.values())
    if (!objective.indicators.length && !problems.some((p) => p.sheet === 'indicators'))
      err('objectives', row, 'objective-empty', { objective: objective.number });
  if (problems.length) return { ok: false, problems };

  const plan: Plan = {
    ...base,
    name: planValue('name'),
    mission: planValue('mission'),
    vision: planValue('vision'),
    objectives: [...objectives.values()].map((o) => o.objective).sort((a, b) => a.number - b.number),
  };
  const parsed = planSchema.safeParse(plan);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [, oi, , ii] = issue.path;
      const ind = typeof ii === 'number' ? plan.objectives[oi as number]?.indicators[ii] : undefined;
      err(ind ? 'indicators' : 'objectives', ind ? (rowOf.get(ind.id) ?? null) : null, 'schema', {
        path: issue.path.join('.'),
        message: issue.message,
      });
    }
    return { ok: false, problems };
  }

  // The plan check: weights that do not add to 100 % refuse the workbook; any other new finding is a warning.
  const warnings: EditProblem[] = [];
  for (const f of checkPlan(plan).findings) {
    if (f.acknowledged) continue;
    const firstRow = plan.objectives.find((o) => o.number === f.objective)?.indicators[0];
    const indicatorId = f.ref.split(':')[0];
    const row = rowOf.get(indicatorId) ?? (firstRow ? (rowOf.get(firstRow.id) ?? null) : null);
    if (f.facts.code === 'weights-sum')
      err('indicators', row, 'weights-sum', { objective: f.objective, sum: Math.round(f.facts.sum * 1e6) / 1e4 });
    else warnings.push({ severity: 'warning', sheet: 'indicators', row, code: 'finding', params: {}, finding: f });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, plan, warnings };
}

const FIELDS: (keyof Indicator)[] = ['name', 'objective', 'trend', 'unit', 'baseline', 'total', 'area'];

/** What `after` changes of `before`: targets (old → new), weights, indicators added or retired, other fields. */
export function planChanges(before: Plan, after: Plan): PlanChange[] {
  const changes: PlanChange[] = [];
  const old = new Map(before.objectives.flatMap((o) => o.indicators).map((i) => [i.id, i]));
  const now = new Map(after.objectives.flatMap((o) => o.indicators).map((i) => [i.id, i]));
  for (const k of ['name', 'mission', 'vision'] as const)
    if (before[k] !== after[k]) changes.push({ kind: 'plan', field: k });
  const oldObjectives = new Map(before.objectives.map((o) => [o.number, o]));
  for (const o of after.objectives) {
    const was = oldObjectives.get(o.number);
    for (const k of ['name', 'shortName'] as const)
      if (!was || was[k] !== o[k]) changes.push({ kind: 'objective', objective: o.number, field: k });
  }
  for (const [id, ind] of now) {
    const was = old.get(id);
    if (!was) {
      changes.push({ kind: 'added', indicatorId: id });
      continue;
    }
    for (const y of planYears(after))
      if (was.program[y] !== undefined && was.program[y] !== ind.program[y])
        changes.push({ kind: 'target', indicatorId: id, year: y, from: was.program[y], to: ind.program[y] });
    if (was.weight !== ind.weight) changes.push({ kind: 'weight', indicatorId: id, from: was.weight, to: ind.weight });
    for (const f of FIELDS)
      if (was[f] !== ind[f])
        changes.push({
          kind: 'field',
          indicatorId: id,
          field: f,
          from: String(was[f] ?? ''),
          to: String(ind[f] ?? ''),
        });
    if (JSON.stringify(was.meta) !== JSON.stringify(ind.meta))
      changes.push({ kind: 'field', indicatorId: id, field: 'meta', from: was.meta.text, to: ind.meta.text });
  }
  for (const id of old.keys()) if (!now.has(id)) changes.push({ kind: 'retired', indicatorId: id });
  return changes;
}
