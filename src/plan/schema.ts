import { z } from 'zod';
import type { Plan } from '../domain/plan';
import { catalog } from '../i18n';

/** The operator reads what is wrong with the plan file in Spanish. */
const t = catalog('es').operator;

/** Validates data/plan.json at load. Messages name the failing field by its path. */

const fraction = z.number().finite().nonnegative();
const year = z.object({ '2024': fraction, '2025': fraction, '2026': fraction, '2027': fraction }).strict();

const meta = z.object({
  id: z.string().min(1),
  kind: z.enum(['sectorial', 'proyecto', 'gestion']),
  number: z.string().min(1).nullable(),
  project: z.string().regex(/^\d{4}$/).nullable(),
  label: z.string().min(1),
  text: z.string().min(10),
}).strict();

const indicator = z.object({
  id: z.string().regex(/^(\d{4}|\d{4}-M\d+|O\d+-\d+)$/, t.planIdFormat),
  objective: z.number().int().min(1),
  printedNumber: z.string().nullable(),
  name: z.string().min(5),
  meta,
  trend: z.enum(['suma', 'creciente', 'constante', 'decreciente']),
  weight: z.number().gt(0).lte(1),
  unit: z.enum(['number', 'percent']),
  program: year,
  total: fraction,
  baseline: z.number().finite().nullable(),
  area: z.string().min(1).nullable(),
  printed: z.object({
    trend: z.string(),
    weight: z.string(),
    program: z.tuple([z.string(), z.string(), z.string(), z.string()]),
    total: z.string(),
  }).strict(),
}).strict();

const objective = z.object({
  number: z.number().int().min(1),
  name: z.string().min(10),
  shortName: z.string().min(3),
  notes: z.array(z.string()),
  indicators: z.array(indicator).min(1),
}).strict();

export const planSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  entity: z.string().min(1),
  period: z.object({ from: z.number().int(), to: z.number().int() }).strict(),
  cut: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  source: z.string(),
  mission: z.string().min(10),
  vision: z.string().min(10),
  legalBasis: z.array(z.object({ norm: z.string(), article: z.string().nullable(), text: z.string() }).strict()),
  objectives: z.array(objective).min(1),
  acknowledgedFindings: z.array(z.object({ code: z.string(), ref: z.string(), note: z.string() }).strict()),
}).strict().superRefine((plan, ctx) => {
  const ids = new Set<string>();
  plan.objectives.forEach((o, oi) => {
    if (o.number !== oi + 1) ctx.addIssue({ code: 'custom', path: ['objectives', oi, 'number'], message: t.planExpectedNumber(oi + 1) });
    o.indicators.forEach((ind, ii) => {
      const path = ['objectives', oi, 'indicators', ii];
      if (ids.has(ind.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: t.planRepeatedId(ind.id) });
      ids.add(ind.id);
      if (ind.objective !== o.number) ctx.addIssue({ code: 'custom', path: [...path, 'objective'], message: t.planMustBe(o.number) });
    });
  });
});

export class PlanError extends Error {}

/** Parses and validates raw JSON; throws PlanError naming each bad field, e.g. "objectives[4].indicators[0].weight". */
export function parsePlan(raw: unknown, source = 'data/plan.json'): Plan {
  const result = planSchema.safeParse(raw);
  if (result.success) return result.data as Plan;
  const lines = result.error.issues.slice(0, 10).map((i) => `  - ${formatPath(i.path)}: ${i.message}`);
  throw new PlanError(t.planInvalid(source, lines.join('\n')));
}

function formatPath(path: (string | number)[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : String(p)), '') || t.planRoot;
}
