import { z } from 'zod';
import { planYears, type Plan } from '../domain/plan';
import type { PlanFailure, PlanIssue, PlanProblem } from '../domain/operator-errors';

/**
 * Validates data/plan.json at load. A failure is thrown as a PlanError: its code and facts (each failed check with
 * the path of its field); the edges word it (i18n planFailureText).
 */

/** The checks of our own carry their code and facts in the issue's params. */
const problem = (p: Exclude<PlanProblem, { code: 'schema' }>) => ({ params: p });
const INDICATOR_ID = /^(\d{4}|\d{4}-M\d+|O\d+-\d+)$/;

const fraction = z.number().finite().nonnegative();
/** A target per year of the plan (keys "2024"…; the plan's refinement checks they are its years). */
const year = z.record(z.string().regex(/^\d{4}$/), fraction);

const meta = z
  .object({
    id: z.string().min(1),
    kind: z.enum(['sectorial', 'proyecto', 'gestion']),
    number: z.string().min(1).nullable(),
    project: z
      .string()
      .regex(/^\d{4}$/)
      .nullable(),
    label: z.string().min(1),
    text: z.string().min(10),
  })
  .strict();

const indicator = z
  .object({
    id: z.string().refine((id) => INDICATOR_ID.test(id), problem({ code: 'id-format' })),
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
    printed: z
      .object({
        trend: z.string(),
        weight: z.string(),
        program: z.array(z.string()),
        total: z.string(),
      })
      .strict(),
  })
  .strict();

const objective = z
  .object({
    number: z.number().int().min(1),
    name: z.string().min(10),
    shortName: z.string().min(3),
    notes: z.array(z.string()),
    indicators: z.array(indicator).min(1),
  })
  .strict();

export const planSchema = z
  .object({
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
  })
  .strict()
  .superRefine((plan, ctx) => {
    const years = planYears(plan).map(String);
    if (plan.period.to < plan.period.from || years.length > 12)
      ctx.addIssue({ code: 'custom', path: ['period'], message: 'period.to must be from period.from to 11 years on' });
    const ids = new Set<string>();
    plan.objectives.forEach((o, oi) => {
      if (o.number !== oi + 1)
        ctx.addIssue({
          code: 'custom',
          path: ['objectives', oi, 'number'],
          ...problem({ code: 'expected-number', n: oi + 1 }),
        });
      o.indicators.forEach((ind, ii) => {
        const path = ['objectives', oi, 'indicators', ii];
        if (ids.has(ind.id))
          ctx.addIssue({ code: 'custom', path: [...path, 'id'], ...problem({ code: 'repeated-id', id: ind.id }) });
        ids.add(ind.id);
        for (const issue of programIssues(ind.program, years))
          ctx.addIssue({ code: 'custom', ...issue, path: [...path, ...issue.path] });
        if (ind.printed.program.length !== years.length)
          ctx.addIssue({ code: 'custom', path: [...path, 'printed', 'program'], message: `${years.length} cells` });
        if (ind.objective !== o.number)
          ctx.addIssue({ code: 'custom', path: [...path, 'objective'], ...problem({ code: 'must-be', n: o.number }) });
      });
    });
  });

/**
 * The plan file cannot be used: its code and facts (domain/plan-errors.ts). The message is a developer's summary in
 * English naming each failing field; what the operator reads is worded at the edges (cli/, main.ts).
 */
export class PlanError extends Error {
  constructor(readonly failure: PlanFailure) {
    super(developerText(failure));
    this.name = 'PlanError';
  }

  get code(): PlanFailure['code'] {
    return this.failure.code;
  }
}

/** Parses and validates raw JSON; throws PlanError naming each bad field, e.g. "objectives[4].indicators[0].weight". */
export function parsePlan(raw: unknown, source = 'data/plan.json'): Plan {
  const result = planSchema.safeParse(raw);
  if (result.success) return result.data as Plan;
  // zod skips the plan's refinement once a field fails: the years of each target are checked here too.
  const issues = result.error.issues.map(issueOf);
  for (const extra of rawProgramIssues(raw))
    if (!issues.some((i) => i.path.join('.') === extra.path.join('.'))) issues.push(extra);
  throw new PlanError({ code: 'plan-invalid', file: source, issues });
}

/** A target per year of the plan, and none for another year: each missing or extra year with its path. */
function programIssues(program: object, years: readonly string[]): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  for (const y of years)
    if (!(y in program)) out.push({ path: ['program', y], message: `a target for ${y} (a year of the plan)` });
  for (const k of Object.keys(program))
    if (!years.includes(k)) out.push({ path: ['program', k], message: `${k} is not a year of the plan` });
  return out;
}

/** programIssues over the raw file, where its period and targets have the shape to be read. */
function rawProgramIssues(raw: unknown): PlanIssue[] {
  const r = raw as { period?: { from?: unknown; to?: unknown }; objectives?: unknown };
  const { from, to } = r?.period ?? {};
  if (!Number.isInteger(from) || !Number.isInteger(to) || !Array.isArray(r.objectives)) return [];
  const years = planYears({ period: { from: from as number, to: to as number } }).map(String);
  const out: PlanIssue[] = [];
  r.objectives.forEach((o: { indicators?: unknown }, oi: number) => {
    if (!Array.isArray(o?.indicators)) return;
    o.indicators.forEach((ind: { program?: unknown }, ii: number) => {
      if (!ind?.program || typeof ind.program !== 'object') return;
      for (const issue of programIssues(ind.program, years))
        out.push({
          path: ['objectives', oi, 'indicators', ii, ...issue.path],
          problem: { code: 'schema', message: issue.message },
        });
    });
  });
  return out;
}

function issueOf(i: z.ZodIssue): PlanIssue {
  const own = i.code === 'custom' ? (i.params as PlanProblem | undefined) : undefined;
  return { path: [...i.path], problem: own?.code ? own : { code: 'schema', message: i.message } };
}

function developerText(f: PlanFailure): string {
  if (f.code !== 'plan-invalid') return `${f.code}: ${f.file}: ${f.reason}`;
  const lines = f.issues.map(
    ({ path, problem: p }) =>
      `  - ${
        path
          .map((x) => (typeof x === 'number' ? `[${x}]` : `.${x}`))
          .join('')
          .replace(/^\./, '') || '(root)'
      }: ${p.code === 'schema' ? p.message : Object.values(p).join(' ')}`,
  );
  return `${f.code}: ${f.file}:\n${lines.join('\n')}`;
}
