/** The plan as plain data: what data/plan.json holds once validated (see schema.ts). */

export type Trend = 'suma' | 'creciente' | 'constante' | 'decreciente';
export type Unit = 'number' | 'percent';
/** A year of a plan (a vigencia): each plan carries its own (PEI 2024–2027, PEI 2028–2031, a one-year Plan de Acción). */
export type Year = number;
/** The shipped PEI's years (2024–2027); a plan's own years are `planYears(plan)`. */
export const PLAN_YEARS: readonly Year[] = [2024, 2025, 2026, 2027];

/** The plan's years as people write them: «2024–2027», or «2026» for one year. */
export const planYearsText = ({ period: { from, to } }: Pick<Plan, 'period'>): string =>
  from === to ? String(from) : `${from}–${to}`;

/** The plan's short name (titles, files): «PEI 2024–2027» for an institutional strategic plan, else its name. */
export const planShortName = (plan: Pick<Plan, 'name' | 'period'>): string =>
  /estrat[eé]gico institucional/i.test(plan.name) ? `PEI ${planYearsText(plan)}` : plan.name;

/** Whether a year is one of the plan's (in its period). */
export const planHoldsYear = ({ period: { from, to } }: Pick<Plan, 'period'>, year: Year): boolean =>
  from <= year && year <= to;

/** The plan's year nearest to `year` (the year itself when it is one of the plan's). */
export const nearestPlanYear = ({ period: { from, to } }: Pick<Plan, 'period'>, year: Year): Year =>
  Math.min(to, Math.max(from, year));

/**
 * Whether a report of indicator `indicatorId` for month `period` (YYYY-MM) is this plan's: the plan has the id and its
 * years hold the month (plans that follow each other may reuse an id: a 2025 report of 4263 is not the 2028 PEI's).
 */
export const planHoldsReport = (plan: Pick<Plan, 'period'>, ids: ReadonlySet<string>, r: ReportMonth): boolean =>
  ids.has(r.indicatorId) && planHoldsYear(plan, Number(r.period.slice(0, 4)));

/** The indicator and month of a report (domain/records.ts ReportRecord has both). */
export type ReportMonth = { indicatorId: string; period: string };

/** The years of a plan, first to last (its period). */
export function planYears(plan: Pick<Plan, 'period'>): Year[] {
  const out: Year[] = [];
  for (let y = plan.period.from; y <= plan.period.to; y++) out.push(y);
  return out;
}

export interface Meta {
  /** Stable meta id: the sectoral meta number ("2339"), "8116-M3" for project metas, "O10-1" where the seed gives none. */
  id: string;
  kind: 'sectorial' | 'proyecto' | 'gestion';
  /** The meta's number as printed ("2339", or "3" for "Meta 3 proyecto 8116"); null where the seed prints none. */
  number: string | null;
  /** Investment project number for project metas ("8116"). */
  project: string | null;
  /** How the seed labels it: "Meta Sectorial 2339", "Meta 3 proyecto 8116". */
  label: string;
  text: string;
}

export interface Indicator {
  /** docs/dominio.md's stable id: sectoral code, "PPPP-Mn", or "O10-n". */
  id: string;
  objective: number;
  /** The code or number printed before the name ("4263", "3"); null where none is printed. */
  printedNumber: string | null;
  name: string;
  meta: Meta;
  trend: Trend;
  /** Weight inside the objective, as a fraction (50% = 0.5). */
  weight: number;
  unit: Unit;
  /** Yearly targets, one per year of the plan; percents as fractions. */
  program: Record<Year, number>;
  /** The plan period's total as printed in the seed (percents as fractions). */
  total: number;
  /** Baseline; null where the seed gives none (the engine then uses 0). */
  baseline: number | null;
  /** Area in charge where the seed names one. */
  area: string | null;
  /** The row's cells exactly as printed: weight, each year of the plan, total; kept for the plan check and for audit. */
  printed: { trend: string; weight: string; program: string[]; total: string };
}

export interface Objective {
  number: number;
  name: string;
  /** Short label for lists and buttons. */
  shortName: string;
  notes: string[];
  indicators: Indicator[];
}

export interface AcknowledgedFinding {
  code: string;
  ref: string;
  note: string;
}

export interface Plan {
  id: string;
  name: string;
  entity: string;
  period: { from: number; to: number };
  cut: string;
  source: string;
  mission: string;
  vision: string;
  legalBasis: { norm: string; article: string | null; text: string }[];
  objectives: Objective[];
  /** Findings of the plan check that the planning office has reviewed: they come from the seed itself. */
  acknowledgedFindings: AcknowledgedFinding[];
}
