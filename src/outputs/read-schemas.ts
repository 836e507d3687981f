import { z } from 'zod';
import type { AnomalyCode, Status } from '../domain/codes';
import type { Trend, Unit } from '../domain/plan';
import type { ReportSource, ReviewState } from '../domain/records';
import type { ComplianceState } from '../reports/compliance';
import type { StatusIndicatorJson, StatusJson, StatusObjectiveJson } from '../views/status-json';
import type { ReportJson } from './read-api';

/**
 * The read API's answers as zod schemas: the one description both adapters publish. http/openapi.ts turns them into
 * the OpenAPI document's schemas (GET /api/v1/openapi.json) and mcp/ builds its tools' output schemas from them, so
 * the shape of a figure is written once. The compile-time checks at the end keep them equal to the TypeScript types
 * the code builds the JSON with; test/http/openapi.test.ts validates real answers against the published document.
 */

const STATUSES = ['rojo', 'amarillo', 'verde', 'sobre-ejecucion', 'sin-meta', 'sin-datos'] as const;
const TRENDS = ['suma', 'creciente', 'constante', 'decreciente'] as const;
const UNITS = ['number', 'percent'] as const;
const REVIEWS = ['pendiente', 'aprobado', 'devuelto'] as const;
const SOURCES = ['teams', 'csv', 'api'] as const;
const COMPLIANCE = ['a-tiempo', 'tarde', 'sin-reporte', 'en-plazo'] as const;
const ANOMALIES = [
  'level-drop',
  'level-rise',
  'zero-without-explanation',
  'over-execution-without-justification',
  'closed-period',
] as const;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('A date, YYYY-MM-DD (Bogota time).');
const period = z
  .string()
  .regex(/^\d{4}-\d{2}$/)
  .describe('A month, YYYY-MM.');
const fraction = (what: string) =>
  z
    .number()
    .nullable()
    .describe(`${what}, as a fraction (0.15 is 15 %); null where it does not apply (no target that year, no report).`);

export const statusEnum = z
  .enum(STATUSES)
  .describe('The traffic light of the figure (see the enum; DOMAIN rules in docs/dominio.md).');
export const trendEnum = z.enum(TRENDS).describe('The tendencia, which decides how reports add up.');
export const reviewEnum = z.enum(REVIEWS).describe("The planning office's review of a report version.");
export const complianceStateEnum = z.enum(COMPLIANCE);

export const indicatorSchema = z
  .object({
    id: z.string().describe("The indicator's code in the plan, e.g. 4263."),
    meta: z.string().describe('The code of the meta (goal) the indicator measures.'),
    name: z.string(),
    trend: trendEnum,
    weight: z.number().describe("The indicator's weight in its objective, a fraction."),
    unit: z.enum(UNITS),
    program: z.record(z.number()).describe("The target of each year of the plan, by year ('2025': 0.4)."),
    total: z.number().describe('The four-year target.'),
    executed: z.number().nullable().describe("The year's executed value (V_y); null without a report."),
    progress: fraction("The year's progress against its target"),
    expected: fraction('The progress expected at the as-of date'),
    cumulative: fraction('The four-year progress'),
    status: statusEnum,
    lastReport: period.nullable().describe('The last month reported, or null.'),
    owner: z.string().nullable().describe("The owners' names, else the responsible area."),
    area: z.string().nullable(),
    pending: z.boolean().describe('The year has a target and nothing was reported yet.'),
    anomalies: z.array(z.enum(ANOMALIES)),
    unreviewed: z.array(period).describe("The months whose counting version is still 'pendiente'."),
    previousTarget: z
      .number()
      .optional()
      .describe("Where the plan version in force reprogrammed the year's target: the target before it."),
  })
  .strict();

export const objectiveSchema = z
  .object({
    number: z.number().int().min(1),
    name: z.string(),
    progress: fraction("The objective's progress (weighted mean of its indicators)"),
    expected: fraction('The progress expected at the as-of date'),
    cumulative: fraction('The four-year progress'),
    status: statusEnum,
    pending: z.array(z.string()).describe('The indicators with a target this year and no report.'),
    indicators: z.array(indicatorSchema),
  })
  .strict();

export const planSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.number().int().min(1).describe('The plan version in force at the as-of date.'),
    versionEffective: isoDate.describe('The date that version took effect.'),
    progress: fraction("The plan's progress (mean of the objectives)"),
    expected: fraction('The progress expected at the as-of date'),
    cumulative: fraction('The four-year progress'),
    status: statusEnum,
  })
  .strict();

export const statusSchema = z
  .object({
    asOf: isoDate,
    year: z.number().int(),
    monthsClosed: z.number().int().min(0).max(12),
    plan: planSummarySchema,
    objectives: z.array(objectiveSchema),
  })
  .strict();

const personSchema = z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }).strict();

export const reportSchema = z
  .object({
    indicator: z.string(),
    period,
    version: z.number().int().min(1),
    value: z.number().describe('The value reported; percents as fractions.'),
    logros: z.string(),
    dificultades: z.string(),
    evidencia: z.string(),
    reportedBy: personSchema,
    reportedAt: z.string().describe('ISO instant of the write.'),
    source: z.enum(SOURCES),
    review: reviewEnum,
    reviewedBy: personSchema.nullable(),
    reviewedAt: z.string().nullable(),
    reviewNote: z.string().nullable(),
  })
  .strict();

export const reportsSchema = z.object({ reports: z.array(reportSchema) }).strict();

const counts = {
  'a-tiempo': z.number().int().min(0),
  tarde: z.number().int().min(0),
  'sin-reporte': z.number().int().min(0),
  'en-plazo': z.number().int().min(0),
};

export const complianceSchema = z
  .object({
    asOf: isoDate,
    year: z.number().int(),
    indicators: z.array(
      z
        .object({
          id: z.string(),
          months: z.record(complianceStateEnum).describe('Each month closed by the as-of date: its state.'),
          deadlines: z.record(isoDate).describe("Each month's reporting deadline."),
        })
        .strict(),
    ),
    owners: z.array(z.object({ owner: personSchema, ...counts, indicators: z.array(z.string()) }).strict()),
    unassigned: z.object({ ...counts, indicators: z.array(z.string()) }).strict(),
    totals: z.object(counts).strict(),
  })
  .strict();

export const errorSchema = z
  .object({
    error: z
      .object({
        code: z.string().describe('A stable code, e.g. unauthorized, invalid-year.'),
        message: z.string().describe("A sentence for a person, in the caller's language (Accept-Language)."),
      })
      .strict(),
  })
  .strict();

/** The open-data feed's JSON (public with PEI_OPEN_DATA=true): rows described by the data dictionary. */
export const openDataJsonSchema = z
  .array(z.record(z.union([z.string(), z.number(), z.boolean(), z.null()])))
  .describe('One row per indicator and year of the plan; columns as in docs/datos-abiertos.md.');

// ---- compile-time checks: the schemas and the types the JSON is built with say the same thing
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <T extends true>(_: T) => undefined;
same<Same<z.infer<typeof statusEnum>, Status>>(true);
same<Same<(typeof TRENDS)[number], Trend>>(true);
same<Same<(typeof UNITS)[number], Unit>>(true);
same<Same<(typeof REVIEWS)[number], ReviewState>>(true);
same<Same<(typeof SOURCES)[number], ReportSource>>(true);
same<Same<(typeof COMPLIANCE)[number], ComplianceState>>(true);
same<Same<(typeof ANOMALIES)[number], AnomalyCode>>(true);
// The JSON types are wider in places (status: string): every value the code builds must fit the schema.
const fits = <A extends B, B>(_?: A) => undefined;
fits<z.infer<typeof indicatorSchema>, StatusIndicatorJson>();
fits<z.infer<typeof objectiveSchema>, StatusObjectiveJson>();
fits<z.infer<typeof statusSchema>, StatusJson>();
fits<z.infer<typeof reportSchema>, ReportJson>();
