import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { catalog, formatDate, formatPercent, periodText, type Lang } from '../i18n';
import type { SearchHit } from '../language/types';
import {
  explainIndicatorJson,
  explainObjectiveJson,
  explainPlanJson,
  laggingOf,
  readCompliance,
  readIndicator,
  readObjective,
  readStatus,
  type Read,
  type ReadRefusal,
  type ReadSource,
} from '../outputs/read-api';
import {
  complianceSchema,
  indicatorSchema,
  objectiveSchema,
  planSummarySchema,
  statusEnum,
  trendEnum,
} from '../outputs/read-schemas';
import { statusLabel } from '../views/format';

/**
 * The MCP server's read-only tools (CONTRACT.md, «Ask from anywhere»). Each tool reads through outputs/read-api.ts,
 * the functions GET /api/v1/* answer with, so its figures are the status API's for the same arguments; its
 * structured result has an output schema built from the read API's schemas (outputs/read-schemas.ts), and a short
 * text in the asked language (Spanish unless `lang: "en"`). A wrong argument is a tool error that says what was
 * wrong; a store that fails or does not answer within the deadline is a tool error too, never a hang or a stack.
 */

export interface McpToolsDeps {
  source: ReadSource;
  /** The plan's search (language/: ids, «objetivo cinco», synonyms, typos), best first. */
  search(text: string): SearchHit[];
  /** Milliseconds a tool may take before it answers a tool error (the store does not answer). */
  deadlineMs: number;
  log: (msg: string, err?: unknown) => void;
  version: string;
}

// ---- arguments
const year = z
  .number()
  .int()
  .describe("The year (vigencia) of the figures, e.g. 2025. Default: the as-of date's year.")
  .optional();
const asOf = z
  .string()
  .describe('The date the figures are computed at, YYYY-MM-DD (Bogota). Default: today.')
  .optional();
const plan = z.string().describe("The plan's id (see plan_status). Default: the plan in force.").optional();
const lang = z
  .enum(['es', 'en'])
  .describe('Language of the text summary: es (Spanish, default) or en. The structured figures do not change.')
  .optional();
const objective = z.number().int().describe('The objective number, 1 to 10.');
const indicator = z.string().min(1).max(40).describe('The indicator code, e.g. 4263 (use search to find one).');
const period = { year, asOf, plan, lang };

// ---- results
const monthSchema = z
  .object({
    period: z.string(),
    closed: z.boolean().describe('Whether the month had closed at the as-of date.'),
    value: z.number().nullable().describe('The executed value through the month (as the card showed it then).'),
    reported: z.number().nullable().describe('The value reported for the month itself.'),
    expected: z.number().nullable().describe('The expected level with the month closed.'),
  })
  .strict();

const usedSchema = z
  .object({
    id: z.string(),
    period: z.string(),
    version: z.number().int(),
    value: z.number(),
    review: z.enum(['pendiente', 'aprobado', 'devuelto']),
  })
  .strict();

const explanationSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('indicator'),
      asOf: z.string(),
      year: z.number().int(),
      monthsClosed: z.number().int(),
      indicator: z.object({ id: z.string(), name: z.string(), unit: z.string(), objective: z.number().int() }).strict(),
      trend: trendEnum,
      formula: z.string().describe("The tendencia's formula of the year's progress, in words."),
      hasTarget: z.boolean(),
      executed: z.number().nullable(),
      target: z.number(),
      baseline: z.number(),
      previousTarget: z.number(),
      executedFrom: z.array(usedSchema).describe("The reports that make the year's executed value."),
      progress: z.number().nullable(),
      expectedLevel: z.number().nullable(),
      expected: z.number().nullable(),
      cumulativeValue: z.number().nullable(),
      fourYearTarget: z.number(),
      cumulative: z.number().nullable(),
      status: statusEnum,
      reports: z.array(usedSchema).describe('Every counting report version used, oldest first.'),
      inObjective: z
        .object({
          number: z.number().int(),
          weight: z.number(),
          weightUsed: z.number().describe("The weight renormalised over the objective's indicators with a target."),
          capped: z.number(),
          contribution: z.number().describe("The indicator's share of the objective's progress."),
        })
        .strict(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('objective'),
      asOf: z.string(),
      year: z.number().int(),
      monthsClosed: z.number().int(),
      number: z.number().int(),
      name: z.string(),
      weightTotal: z.number(),
      rows: z.array(
        z
          .object({
            indicator: z.string(),
            name: z.string(),
            hasTarget: z.boolean(),
            weight: z.number(),
            weightUsed: z.number(),
            progress: z.number().nullable(),
            capped: z.number(),
            contribution: z.number(),
            expected: z.number().nullable(),
            expectedContribution: z.number(),
            pending: z.boolean(),
            unreviewed: z.array(z.string()),
          })
          .strict(),
      ),
      progress: z.number().nullable().describe('The sum of the contributions: the objective figure.'),
      expected: z.number().nullable(),
      ratio: z.number().nullable(),
      status: statusEnum,
    })
    .strict(),
  z
    .object({
      kind: z.literal('plan'),
      asOf: z.string(),
      year: z.number().int(),
      monthsClosed: z.number().int(),
      objectives: z.array(
        z
          .object({
            number: z.number().int(),
            name: z.string(),
            progress: z.number().nullable(),
            expected: z.number().nullable(),
            counted: z.boolean(),
          })
          .strict(),
      ),
      progress: z.number().nullable().describe('The mean of the objectives counted.'),
      expected: z.number().nullable(),
      status: statusEnum,
    })
    .strict(),
]);

const OUTPUT = {
  plan_status: z.object({
    asOf: z.string(),
    year: z.number().int(),
    monthsClosed: z.number().int(),
    plan: planSummarySchema,
    objectives: z.array(objectiveSchema.omit({ indicators: true })),
  }),
  objective_status: z.object({ asOf: z.string(), year: z.number().int(), objective: objectiveSchema }),
  indicator_status: z.object({
    asOf: z.string(),
    year: z.number().int(),
    objective: z.number().int(),
    indicator: indicatorSchema,
    months: z.array(monthSchema),
  }),
  lagging: z.object({
    asOf: z.string(),
    year: z.number().int(),
    lagging: z.array(indicatorSchema.extend({ objective: z.number().int() })),
    missing: z.array(
      z
        .object({
          objective: z.number().int(),
          id: z.string(),
          name: z.string(),
          owner: z.string().nullable(),
          expected: z.number().nullable(),
        })
        .strict(),
    ),
  }),
  explain: z.object({ explanation: explanationSchema }),
  compliance: complianceSchema,
  search: z.object({
    query: z.string(),
    results: z.array(
      z
        .object({
          kind: z.enum(['indicator', 'objective']),
          objective: z.number().int(),
          indicator: z.string().nullable(),
          name: z.string(),
        })
        .strict(),
    ),
  }),
};

/** The tool names, in the order tools/list gives them. */
export const TOOL_NAMES = Object.keys(OUTPUT) as (keyof typeof OUTPUT)[];

type Text = { type: 'text'; text: string };
const text = (t: string): Text => ({ type: 'text', text: t });

class Timeout extends Error {}

/** A tool error: the text says what was wrong. */
const toolError = (message: string): CallToolResult => ({ content: [text(message)], isError: true });

function refusalText(r: ReadRefusal, lang: Lang, src: ReadSource): string {
  const t = catalog(lang).mcp;
  switch (r.code) {
    case 'invalid-asOf':
      return t.invalidAsOf(r.value);
    case 'invalid-year':
      return t.invalidYear(r.value);
    case 'unknown-plan':
      return t.unknownPlan(r.value);
    case 'unknown-objective':
      return t.unknownObjective(r.value, src.plan.objectives.length);
    case 'unknown-indicator':
      return t.unknownIndicator(r.value);
  }
}

/** Builds one MCP server (the SDK's McpServer) with the tools over `deps`. Stateless: one per HTTP request. */
export function createMcpServer(deps: McpToolsDeps): McpServer {
  const { source: src } = deps;
  const server = new McpServer(
    { name: 'pei-bot', title: 'PEI Bot', version: deps.version },
    {
      instructions:
        "Figures of the Institutional Strategic Plan (PEI) 2024-2027 of Bogota's Secretaria General: progress, expected " +
        'progress and traffic light of the plan, its objectives and indicators, their explanation, what lags, and ' +
        'reporting compliance. Percent values are fractions (0.392 is 39.2 %). Read-only.',
    },
  );

  /**
   * Runs a tool's read under the deadline: a refusal becomes a tool error in the asked language; a store error or a
   * store that does not answer in time becomes the polite «unavailable» tool error (and a log line for the operator).
   */
  async function answer<T>(
    name: string,
    language: Lang | undefined,
    read: () => Promise<Read<T>>,
    words: (value: T, lang: Lang) => string,
  ): Promise<CallToolResult> {
    const l: Lang = language ?? 'es';
    let timer: NodeJS.Timeout | undefined;
    try {
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Timeout()), deps.deadlineMs);
      });
      const r = await Promise.race([read(), deadline]);
      if (!r.ok) return toolError(refusalText(r.refusal, l, src));
      return {
        content: [text(words(r.value, l))],
        structuredContent: r.value as Record<string, unknown>,
      };
    } catch (e) {
      if (e instanceof Timeout) deps.log(`MCP ${name}: sin respuesta del almacén en ${deps.deadlineMs} ms`);
      else deps.log(`MCP ${name}: error al leer el almacén`, e);
      return toolError(catalog(l).mcp.unavailable);
    } finally {
      clearTimeout(timer);
    }
  }

  const pct = (x: number | null, l: Lang) => formatPercent(x, l);
  const day = (d: string, l: Lang) => formatDate(d, l);
  const readOnly = { readOnlyHint: true, openWorldHint: false, idempotentHint: true } as const;

  server.registerTool(
    'plan_status',
    {
      title: 'Plan status',
      description:
        "The plan's progress, expected progress and traffic light for a year as of a date, and each objective's " +
        'figures (as GET /api/v1/status, without the indicators).',
      inputSchema: period,
      outputSchema: OUTPUT.plan_status,
      annotations: readOnly,
    },
    (args) =>
      answer(
        'plan_status',
        args.lang,
        async () => {
          const s = await readStatus(src, args);
          if (!s.ok) return s;
          const { asOf: a, year: y, monthsClosed, plan: p } = s.value;
          const objectives = s.value.objectives.map(({ indicators: _i, ...o }) => o);
          return { ok: true as const, value: { asOf: a, year: y, monthsClosed, plan: p, objectives } };
        },
        (v, l) =>
          [
            catalog(l).mcp.planStatus(
              v.plan.name,
              v.year,
              day(v.asOf, l),
              pct(v.plan.progress, l),
              pct(v.plan.expected, l),
              statusLabel(v.plan.status, l),
            ),
            ...v.objectives.map((o) =>
              catalog(l).mcp.objectiveLine(o.number, o.name, pct(o.progress, l), statusLabel(o.status, l)),
            ),
          ].join('\n'),
      ),
  );

  server.registerTool(
    'objective_status',
    {
      title: 'Objective status',
      description:
        "One objective's progress, expected progress and traffic light, with its indicators, exactly as in GET " +
        '/api/v1/status.',
      inputSchema: { objective, ...period },
      outputSchema: OUTPUT.objective_status,
      annotations: readOnly,
    },
    (args) =>
      answer(
        'objective_status',
        args.lang,
        () => readObjective(src, args.objective, args),
        (v, l) =>
          catalog(l).mcp.objectiveStatus(
            v.objective.number,
            v.objective.name,
            v.year,
            day(v.asOf, l),
            pct(v.objective.progress, l),
            pct(v.objective.expected, l),
            statusLabel(v.objective.status, l),
            v.objective.indicators.length,
          ),
      ),
  );

  server.registerTool(
    'indicator_status',
    {
      title: 'Indicator status',
      description:
        "One indicator's figures exactly as in GET /api/v1/status (executed, progress, expected, four-year " +
        'progress, traffic light, last report, owner), plus its months: the value through each month against the ' +
        'expected level.',
      inputSchema: { indicator, ...period },
      outputSchema: OUTPUT.indicator_status,
      annotations: readOnly,
    },
    (args) =>
      answer(
        'indicator_status',
        args.lang,
        () => readIndicator(src, args.indicator, args),
        (v, l) =>
          catalog(l).mcp.indicatorStatus(
            v.indicator.id,
            v.indicator.name,
            v.year,
            day(v.asOf, l),
            pct(v.indicator.progress, l),
            pct(v.indicator.expected, l),
            statusLabel(v.indicator.status, l),
            v.indicator.lastReport ? periodText(v.indicator.lastReport, l) : null,
          ),
      ),
  );

  server.registerTool(
    'lagging',
    {
      title: 'What lags',
      description:
        'The indicators in red or amber against their expected progress, and the indicators with a target this ' +
        'year and no report yet.',
      inputSchema: period,
      outputSchema: OUTPUT.lagging,
      annotations: readOnly,
    },
    (args) =>
      answer(
        'lagging',
        args.lang,
        async () => {
          const s = await readStatus(src, args);
          return s.ok ? { ok: true as const, value: laggingOf(s.value) } : s;
        },
        (v, l) =>
          [
            catalog(l).mcp.lagging(
              v.year,
              day(v.asOf, l),
              v.lagging.filter((i) => i.status === 'rojo').length,
              v.lagging.filter((i) => i.status === 'amarillo').length,
              v.missing.length,
            ),
            ...v.lagging.map((i) =>
              catalog(l).mcp.laggingLine(
                i.id,
                i.name,
                statusLabel(i.status, l),
                pct(i.progress, l),
                pct(i.expected, l),
              ),
            ),
          ].join('\n'),
      ),
  );

  server.registerTool(
    'explain',
    {
      title: 'Explain a figure',
      description:
        "How a figure is computed: for an indicator, its tendencia's formula with the values filled in and the " +
        'report versions used; for an objective, each indicator weight, capped progress and contribution (they add ' +
        "up to the objective's figure); with neither, the plan's mean of its objectives.",
      inputSchema: { objective: objective.optional(), indicator: indicator.optional(), ...period },
      outputSchema: OUTPUT.explain,
      annotations: readOnly,
    },
    async (args) => {
      const l: Lang = args.lang ?? 'es';
      if (args.objective !== undefined && args.indicator !== undefined) return toolError(catalog(l).mcp.explainWhich);
      const e = catalog(l).explain;
      return answer<z.infer<typeof OUTPUT.explain>>(
        'explain',
        args.lang,
        async () => {
          if (args.indicator !== undefined) {
            const r = await explainIndicatorJson(src, args.indicator, args);
            return r.ok
              ? { ok: true as const, value: { explanation: { ...r.value, formula: e.annualFormula[r.value.trend] } } }
              : r;
          }
          const r =
            args.objective !== undefined
              ? await explainObjectiveJson(src, args.objective, args)
              : await explainPlanJson(src, args);
          return r.ok ? { ok: true as const, value: { explanation: r.value } } : r;
        },
        ({ explanation: x }, lg) => {
          const t = catalog(lg).explain;
          const lines: string[] = [];
          if (x.kind === 'indicator') {
            lines.push(t.summaryIndicator(x.indicator.id, x.progress === null ? null : pct(x.progress, lg)));
            lines.push(t.trendRule[x.trend](x.year));
            lines.push(`${t.annualFormula[x.trend]}`);
            lines.push(
              t.inObjective(
                x.inObjective.number,
                pct(x.inObjective.weightUsed, lg),
                pct(x.inObjective.capped, lg),
                pct(x.inObjective.contribution, lg),
              ),
            );
          } else if (x.kind === 'objective') {
            lines.push(t.summaryObjective(x.number, x.progress === null ? null : pct(x.progress, lg)));
            lines.push(t.ruleObjective(x.year));
            for (const r of x.rows)
              lines.push(
                `${r.indicator}: ${pct(r.weightUsed, lg)} × ${pct(r.capped, lg)} = ${pct(r.contribution, lg)}`,
              );
          } else {
            lines.push(t.summaryPlan(x.progress === null ? null : pct(x.progress, lg)));
            lines.push(t.rulePlan(x.year));
          }
          lines.push(catalog(lg).mcp.explainSource);
          return lines.join('\n');
        },
      );
    },
  );

  server.registerTool(
    'compliance',
    {
      title: 'Reporting compliance',
      description:
        'For each indicator with a target in the year, the state of each month closed by the as-of date (on time, ' +
        'late, not reported, still open), and the counts per owner (as GET /api/v1/compliance).',
      inputSchema: period,
      outputSchema: OUTPUT.compliance,
      annotations: readOnly,
    },
    (args) =>
      answer(
        'compliance',
        args.lang,
        () => readCompliance(src, args),
        (v, l) =>
          catalog(l).mcp.compliance(
            v.year,
            day(v.asOf, l),
            v.totals['a-tiempo'],
            v.totals.tarde,
            v.totals['sin-reporte'],
            v.totals['en-plazo'],
          ),
      ),
  );

  server.registerTool(
    'search',
    {
      title: 'Search the plan',
      description:
        'Finds indicators and objectives by code, objective number or words of their names (typos and ' +
        'synonyms allowed, e.g. CSIRT), best first. Use it to find the code to pass to the other tools.',
      inputSchema: { query: z.string().max(200).describe('A code, an objective number or words of a name.'), lang },
      outputSchema: OUTPUT.search,
      annotations: readOnly,
    },
    async (args) => {
      const l: Lang = args.lang ?? 'es';
      const q = args.query.trim();
      if (!q) return toolError(catalog(l).mcp.emptyQuery);
      return answer<z.infer<typeof OUTPUT.search>>(
        'search',
        args.lang,
        async () => {
          const objectives = new Map(src.plan.objectives.map((o) => [o.number, o]));
          const indicators = new Map(src.plan.objectives.flatMap((o) => o.indicators.map((i) => [i.id, i] as const)));
          type Found = z.infer<typeof OUTPUT.search>['results'][number];
          const results = deps.search(q).flatMap((h): Found[] => {
            if (h.kind === 'objective') {
              const o = objectives.get(h.objective);
              return o ? [{ kind: 'objective', objective: o.number, indicator: null, name: o.name }] : [];
            }
            const i = indicators.get(h.id);
            return i ? [{ kind: 'indicator', objective: i.objective, indicator: i.id, name: i.name }] : [];
          });
          return { ok: true as const, value: { query: q, results } };
        },
        (v, lg) => {
          const t = catalog(lg).mcp;
          if (!v.results.length) return t.searchNone(v.query);
          return [
            t.searchFound(v.query, v.results.length),
            ...v.results
              .slice(0, 10)
              .map((r) =>
                r.indicator ? t.searchIndicator(r.indicator, r.name) : t.searchObjective(r.objective, r.name),
              ),
          ].join('\n');
        },
      );
    },
  );

  return server;
}
