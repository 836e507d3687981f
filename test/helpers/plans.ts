/**
 * Plans beside the shipped one, for the tests of more than one plan (the next PEI, a Plan de Acción): their
 * indicators and their shape made one way. Each test keeps its own plans' figures (ids, weights, targets, years).
 */
import type { Indicator, Plan } from '../../src/domain/plan';

/** Each year from `from` to `to` with the same target. */
export const eachYear = (from: number, to: number, target: number): Record<number, number> =>
  Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [from + i, target]));

/** A «suma» indicator of a test plan: `program` is its target per year, printed as the source prints it. */
export function sumIndicator(
  id: string,
  objective: number,
  weight: number,
  name: string,
  program: Record<number, number>,
): Indicator {
  const total = Object.values(program).reduce((a, b) => a + b, 0);
  return {
    id,
    objective,
    printedNumber: id,
    name,
    meta: {
      id: `M-${id}`,
      kind: 'sectorial',
      number: id,
      project: null,
      label: `Meta Sectorial ${id}`,
      text: `Meta del cuatrienio para ${name.toLowerCase()}`,
    },
    trend: 'suma',
    weight,
    unit: 'number',
    program,
    total,
    baseline: null,
    area: null,
    printed: {
      trend: 'Suma',
      weight: `${weight * 100}%`,
      program: Object.values(program).map(String),
      total: String(total),
    },
  };
}

/** The next PEI's first two objectives, as the tests name them. */
export const NEXT_PEI_OBJECTIVES = {
  digital: { name: 'Consolidar los trámites digitales del Distrito', shortName: 'Trámites digitales' },
  documents: { name: 'Fortalecer la gestión documental de la entidad', shortName: 'Gestión documental' },
};

/**
 * A plan beside `base` (the shipped one): its own id, name, years and objectives, numbered from 1 in the order
 * given, each with its indicators.
 */
export function testPlan(
  base: Plan,
  id: string,
  name: string,
  [from, to]: [number, number],
  objectives: { name: string; shortName: string; indicators: Indicator[] }[],
): Plan {
  return {
    ...base,
    id,
    name,
    period: { from, to },
    objectives: objectives.map((o, i) => ({ number: i + 1, notes: [], ...o })),
    acknowledgedFindings: [],
  };
}

/** The next PEI (2028–2031) with the objectives given. */
export const nextPei = (base: Plan, objectives: Parameters<typeof testPlan>[4]): Plan =>
  testPlan(base, 'pei-2028-2031', 'Plan Estratégico Institucional 2028-2031', [2028, 2031], objectives);

/** Indicator 4263 again in the next PEI (plans that follow each other may reuse an id): 10 a year. */
export const next4263 = (): Indicator =>
  sumIndicator('4263', 1, 1, 'Trámites del portal en línea', eachYear(2028, 2031, 10));
