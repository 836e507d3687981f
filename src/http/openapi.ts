import type { Request, Response } from 'restify';
import { z } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import {
  complianceSchema,
  errorSchema,
  indicatorSchema,
  objectiveSchema,
  openDataJsonSchema,
  planSummarySchema,
  reportSchema,
  reportsSchema,
  statusSchema,
} from '../outputs/read-schemas';
import { DOWNLOAD_PATH } from '../outputs/signed-link';

/**
 * GET /api/v1/openapi.json: the OpenAPI 3.1 description of every /api/v1/ endpoint. Public (it holds no data). Its
 * schemas are the read API's zod schemas (outputs/read-schemas.ts) turned into JSON Schema, the same ones the MCP
 * tools' output schemas are built from; test/http/openapi.test.ts validates every endpoint's real answers against
 * this document. Developer-facing, so in English.
 */

const NAMED = {
  Status: statusSchema,
  PlanSummary: planSummarySchema,
  Objective: objectiveSchema,
  Indicator: indicatorSchema,
  Reports: reportsSchema,
  Report: reportSchema,
  Compliance: complianceSchema,
  OpenDataRows: openDataJsonSchema,
  Error: errorSchema,
};

/** The named schemas, each referring to the others by `#/components/schemas/<Name>` (JSON Schema 2020-12 subset). */
function componentSchemas(): Record<string, unknown> {
  const out = zodToJsonSchema(z.object({}), {
    definitions: NAMED,
    basePath: ['#', 'components'],
    definitionPath: 'schemas',
    target: 'jsonSchema7',
  }) as { schemas: Record<string, unknown> };
  return out.schemas;
}

const ref = (name: keyof typeof NAMED | 'Error') => ({ $ref: `#/components/schemas/${name}` });
const json = (name: keyof typeof NAMED) => ({ 'application/json': { schema: ref(name) } });
const errorResponse = (description: string) => ({ description, content: json('Error') });

const param = (name: string, description: string, schema: Record<string, unknown>, where = 'query') => ({
  name,
  in: where,
  required: false,
  description,
  schema,
});

const P = {
  year: param('year', "The year (vigencia), YYYY. Default: the as-of date's year.", {
    type: 'string',
    pattern: '^\\d{4}$',
  }),
  asOf: param('asOf', 'The date the figures are computed at, YYYY-MM-DD (Bogota). Default: today.', {
    type: 'string',
    format: 'date',
  }),
  plan: param('plan', "The plan's id. Default: the plan in force at the as-of date.", { type: 'string' }),
  indicator: param('indicator', 'An indicator code of the plan, e.g. 4263.', { type: 'string', maxLength: 40 }),
  quarter: param('quarter', 'The quarter, 1 to 4 (T1..T4 and Q1..Q4 read too). Default: the last quarter closed.', {
    type: 'string',
    pattern: '^[TtQq]?[1-4]$',
  }),
  lang: param(
    'Accept-Language',
    'Error messages in English with an `en` language first; Spanish (Colombia) otherwise.',
    { type: 'string' },
    'header',
  ),
};

const R = {
  400: errorResponse('An invalid parameter; the message says which and why.'),
  401: errorResponse('Missing or wrong `Authorization: Bearer` token.'),
  404: errorResponse('The read API is disabled on this server (PEI_API_TOKEN is not set).'),
  503: errorResponse('The store cannot be read now (the database is away, locked or read-only); try again later.'),
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const workbook = {
  description: 'The quarterly follow-up workbook (Excel).',
  headers: { 'X-PEI-As-Of': { description: 'The date the figures are as of.', schema: { type: 'string' } } },
  content: { [XLSX]: { schema: { type: 'string', contentMediaType: XLSX } } },
};

export function openApiDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'PEI Bot read API',
      version,
      summary: "Figures of the Institutional Strategic Plan 2024-2027 of Bogota's Secretaria General.",
      description:
        'Read-only figures of the plan, its objectives and indicators, the stored reports and reporting compliance. ' +
        'Percent values are fractions (0.15 is 15 %); figures that do not apply are null. The same figures are ' +
        'served to assistants by the MCP server at POST /mcp (same bearer token).',
    },
    security: [{ bearer: [] }],
    paths: {
      '/api/v1/status': {
        get: {
          operationId: 'getStatus',
          summary: 'The plan, each objective and each indicator: progress, expected, four-year, traffic light.',
          parameters: [P.year, P.asOf, P.plan, P.lang],
          responses: { 200: { description: 'The figures.', content: json('Status') }, ...R },
        },
      },
      '/api/v1/reports': {
        get: {
          operationId: 'getReports',
          summary: 'Every stored report version, oldest first, with its review state.',
          parameters: [P.indicator, P.year, P.lang],
          responses: { 200: { description: 'The versions.', content: json('Reports') }, ...R },
        },
      },
      '/api/v1/compliance': {
        get: {
          operationId: 'getCompliance',
          summary: 'Reporting compliance: each month closed of each indicator, and counts per owner.',
          parameters: [P.year, P.asOf, P.plan, P.lang],
          responses: { 200: { description: 'The compliance.', content: json('Compliance') }, ...R },
        },
      },
      '/api/v1/export.xlsx': {
        get: {
          operationId: 'getFollowUpWorkbook',
          summary: 'The quarterly follow-up workbook, as of the quarter’s last day (or today while it runs).',
          parameters: [P.year, P.quarter, P.plan, P.lang],
          responses: {
            200: workbook,
            ...R,
            409: errorResponse('The quarter has not started yet.'),
          },
        },
      },
      [DOWNLOAD_PATH]: {
        get: {
          operationId: 'downloadFollowUpWorkbook',
          summary: 'The same workbook through a signed link the bot gives (valid 15 minutes); no token.',
          security: [],
          parameters: [
            { ...P.year, required: true },
            { ...param('quarter', 'The quarter, 1 to 4.', { type: 'string', pattern: '^[1-4]$' }), required: true },
            {
              ...param('expires', 'Unix time the link expires.', { type: 'string', pattern: '^\\d{1,12}$' }),
              required: true,
            },
            { ...param('sig', 'The signature.', { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' }), required: true },
          ],
          responses: {
            200: workbook,
            403: errorResponse('The link is not valid.'),
            410: errorResponse('The link expired.'),
          },
        },
      },
      '/api/v1/open-data/indicadores.csv': {
        get: {
          operationId: 'getOpenDataCsv',
          summary: 'Open data (Ley 1712 de 2014): one row per indicator and year, CSV. Public with PEI_OPEN_DATA=true.',
          security: [],
          parameters: [{ ...P.plan, description: "The plan's id. Default: the plan in force today." }],
          responses: {
            200: { description: 'The CSV.', content: { 'text/csv': { schema: { type: 'string' } } } },
            304: { description: 'Not modified (If-None-Match).' },
            400: errorResponse('The plan named is not loaded.'),
            404: errorResponse('Open data is not published on this server.'),
          },
        },
      },
      '/api/v1/open-data/indicadores.json': {
        get: {
          operationId: 'getOpenDataJson',
          summary: 'The same rows as JSON. Public with PEI_OPEN_DATA=true.',
          security: [],
          parameters: [{ ...P.plan, description: "The plan's id. Default: the plan in force today." }],
          responses: {
            200: { description: 'The rows.', content: json('OpenDataRows') },
            304: { description: 'Not modified (If-None-Match).' },
            400: errorResponse('The plan named is not loaded.'),
            404: errorResponse('Open data is not published on this server.'),
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          summary: 'This document.',
          security: [],
          responses: { 200: { description: 'The OpenAPI description.', content: { 'application/json': {} } } },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The PEI_API_TOKEN of the server.' },
      },
      schemas: componentSchemas(),
    },
  };
}

/** The route: the document built once, served as JSON. */
export function openApiRoute(version: string) {
  let body: Buffer | undefined;
  return async (req: Request, res: Response) => {
    body ??= Buffer.from(JSON.stringify(openApiDocument(version)), 'utf8');
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(body.length),
      'Cache-Control': 'public, max-age=3600',
      'Access-Control-Allow-Origin': '*',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
