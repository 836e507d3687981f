import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startTestBot, type TestBot } from '../helpers/bot';
import { message } from '../helpers/activities';
import { cardText } from '../helpers/conversation';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedJune4263 } from '../helpers/reports';
import { formatPercent } from '../../src/i18n';

/**
 * The MCP server at /mcp (CONTRACT.md, «Ask from anywhere»): the SDK's own client over Streamable HTTP against the
 * real server, every tool called and compared with the status API's JSON for the same arguments.
 */

const TOKEN = 'token-de-prueba-mcp';
const auth = { Authorization: `Bearer ${TOKEN}` };
let t: TestBot;

async function connect(headers: Record<string, string> = auth): Promise<Client> {
  const client = new Client({ name: 'pei-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${t.url}/mcp`), { requestInit: { headers } }));
  return client;
}

beforeAll(async () => {
  t = await startTestBot({ PEI_API_TOKEN: TOKEN, PEI_NOW: '2025-07-03', PEI_REQUEST_TIMEOUT_MS: '1500' });
  await seedJune4263(t.bot.services.store);
});
afterAll(() => t.stop());

const text = (r: any): string => r.content.map((c: any) => c.text).join('\n');

describe('the MCP server', () => {
  let client: Client;
  beforeAll(async () => {
    client = await connect();
  });
  afterAll(() => client.close());

  test('lists the contract’s seven read-only tools, each with an input and an output schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((x) => x.name).sort()).toEqual(
      ['compliance', 'explain', 'indicator_status', 'lagging', 'objective_status', 'plan_status', 'search'].sort(),
    );
    for (const tool of tools) {
      expect(tool.outputSchema?.type).toBe('object');
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.annotations?.readOnlyHint).toBe(true);
    }
  });

  test('the Copilot plugin’s inline tool description (teamsapp/pei-plugin.json) is exactly what tools/list answers', async () => {
    // The package gives Copilot the tools statically (plugin v2.4 `mcp_tool_description`): they must not drift.
    // PEI_WRITE_MCP_TOOLS=1 rewrites them from the server after a tool changes (then run npm run format).
    const file = join(__dirname, '..', '..', 'teamsapp', 'pei-plugin.json');
    const listed = JSON.parse(JSON.stringify(await client.listTools()));
    const plugin = JSON.parse(readFileSync(file, 'utf8'));
    if (process.env.PEI_WRITE_MCP_TOOLS) {
      plugin.runtimes[0].spec.mcp_tool_description = { tools: listed.tools };
      writeFileSync(file, `${JSON.stringify(plugin, null, 2)}\n`);
    }
    expect(plugin.runtimes[0].spec.mcp_tool_description).toEqual({ tools: listed.tools });
    expect(plugin.functions.map((f: any) => f.name).sort()).toEqual(listed.tools.map((x: any) => x.name).sort());
    expect(plugin.runtimes[0].run_for_functions.sort()).toEqual(listed.tools.map((x: any) => x.name).sort());
  });

  test('objective_status for objective 5 gives exactly the status API’s objective and the card’s figure', async () => {
    const api = await t.get('/api/v1/status?year=2025&asOf=2025-07-03', auth);
    const r: any = await client.callTool({ name: 'objective_status', arguments: { objective: 5, year: 2025 } });
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent).toEqual({
      asOf: '2025-07-03',
      year: 2025,
      objective: api.body.objectives.find((o: any) => o.number === 5),
    });
    const pct = formatPercent(r.structuredContent.objective.progress, 'es');
    expect(text(r)).toContain(`Objetivo 5`);
    expect(text(r)).toContain(`avance ${pct}`);
    // The chat's card for «¿cómo va el objetivo 5?» shows the same percent.
    // (Waited for at the connector: on a loaded machine the turn may outlast this file's 1.5 s deadline.)
    const replies = (r: { method: string; path: string }) => r.method === 'POST' && /activities/.test(r.path);
    const before = t.connector.received.filter(replies).length;
    await t.send(message(t.connector.url, '¿cómo va el objetivo 5?'));
    await t.connector.waitFor(before + 1, replies);
    expect(cardText(t.connector.cards().at(-1))).toContain(pct);
    // English text on asking; the figures do not change.
    const en: any = await client.callTool({ name: 'objective_status', arguments: { objective: 5, lang: 'en' } });
    expect(en.structuredContent).toEqual(r.structuredContent);
    expect(text(en)).toContain(`Objective 5`);
    expect(text(en)).toContain(formatPercent(r.structuredContent.objective.progress, 'en'));
  });

  test('plan_status, indicator_status, lagging and compliance equal the APIs for the same arguments', async () => {
    const args = { year: 2025, asOf: '2025-06-30' };
    const api = (await t.get('/api/v1/status?year=2025&asOf=2025-06-30', auth)).body;
    const plan: any = await client.callTool({ name: 'plan_status', arguments: args });
    expect(plan.structuredContent.plan).toEqual(api.plan);
    expect(plan.structuredContent.objectives).toEqual(api.objectives.map(({ indicators: _, ...o }: any) => o));
    expect(text(plan)).toContain('vigencia 2025');

    const ind: any = await client.callTool({ name: 'indicator_status', arguments: { indicator: '4263', ...args } });
    const apiInd = api.objectives.flatMap((o: any) => o.indicators).find((i: any) => i.id === '4263');
    expect(ind.structuredContent.indicator).toEqual(apiInd);
    expect(ind.structuredContent.indicator.executed).toBe(0.3);
    expect(ind.structuredContent.months).toHaveLength(12);
    expect(ind.structuredContent.months[5]).toMatchObject({ period: '2025-06', reported: 0.3, value: 0.3 });

    const lag: any = await client.callTool({ name: 'lagging', arguments: args });
    const all = api.objectives.flatMap((o: any) => o.indicators);
    expect(lag.structuredContent.lagging.map((i: any) => i.id)).toEqual(
      all.filter((i: any) => ['rojo', 'amarillo'].includes(i.status)).map((i: any) => i.id),
    );
    expect(lag.structuredContent.missing.map((i: any) => i.id)).toEqual(
      all.filter((i: any) => i.pending).map((i: any) => i.id),
    );

    const comp: any = await client.callTool({ name: 'compliance', arguments: args });
    expect(comp.structuredContent).toEqual((await t.get('/api/v1/compliance?year=2025&asOf=2025-06-30', auth)).body);
  });

  test('explain adds up to the status figure; search finds CSIRT and objective 5', async () => {
    const api = (await t.get('/api/v1/status?year=2025&asOf=2025-07-03', auth)).body;
    const o5 = api.objectives[4];
    const ex: any = await client.callTool({ name: 'explain', arguments: { objective: 5, asOf: '2025-07-03' } });
    const e = ex.structuredContent.explanation;
    expect(e.kind).toBe('objective');
    expect(e.progress).toBe(o5.progress);
    expect(e.rows.reduce((a: number, r: any) => a + r.contribution, 0)).toBeCloseTo(o5.progress, 6);
    const exi: any = await client.callTool({ name: 'explain', arguments: { indicator: '4263', asOf: '2025-07-03' } });
    expect(exi.structuredContent.explanation).toMatchObject({ kind: 'indicator', executed: 0.3, trend: 'creciente' });
    expect(exi.structuredContent.explanation.reports.map((r: any) => r.period)).toEqual(['2025-06']);
    const plan: any = await client.callTool({ name: 'explain', arguments: { asOf: '2025-07-03' } });
    expect(plan.structuredContent.explanation.progress).toBe(api.plan.progress);

    const csirt: any = await client.callTool({ name: 'search', arguments: { query: 'CSIRT' } });
    expect(csirt.structuredContent.results[0]).toMatchObject({ kind: 'indicator', indicator: '4234' });
    const obj: any = await client.callTool({ name: 'search', arguments: { query: 'objetivo 5' } });
    expect(obj.structuredContent.results[0]).toMatchObject({ kind: 'objective', objective: 5 });
  });

  test('bad arguments are tool errors that say what was wrong, in the asked language', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['objective_status', { objective: 42 }, /no tiene el objetivo 42/],
      ['objective_status', { objective: 'cinco' }, /objective/],
      ['objective_status', {}, /objective/],
      ['indicator_status', { indicator: '9999' }, /no tiene el indicador 9999/],
      ['plan_status', { asOf: '2025-02-30' }, /asOf debe ser una fecha/],
      ['plan_status', { year: 20251 }, /year debe ser un año/],
      ['plan_status', { plan: 'otro-plan' }, /no tiene el plan otro-plan/],
      ['plan_status', { asOf: 'ayer', lang: 'en' }, /asOf must be a valid/],
      ['explain', { objective: 1, indicator: '4263' }, /objective o indicator, no ambos/],
      ['search', { query: '  ' }, /query no puede estar vacío/],
    ];
    for (const [name, args, says] of cases) {
      const r: any = await client.callTool({ name, arguments: args });
      expect({ name, args, isError: r.isError, text: text(r) }).toEqual({
        name,
        args,
        isError: true,
        text: expect.stringMatching(says),
      });
    }
  });
});

describe('the MCP endpoint’s access and failures', () => {
  test('no token or a wrong one: 401, and the SDK client cannot connect', async () => {
    const init = { jsonrpc: '2.0', id: 1, method: 'initialize', params: {} };
    for (const headers of [{}, { Authorization: 'Bearer wrong' }]) {
      const res = await fetch(`${t.url}/mcp`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers },
        body: JSON.stringify(init),
      });
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('unauthorized');
    }
    await expect(connect({ Authorization: 'Bearer wrong' })).rejects.toThrow(/unauthorized/);
  });

  test('without PEI_API_TOKEN the endpoint is 404', async () => {
    const other = await startTestBot({});
    try {
      const res = await fetch(`${other.url}/mcp`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(404);
    } finally {
      await other.stop();
    }
  });

  test('a failing store and a store that does not answer (until the request deadline) are tool errors', async () => {
    const client = await connect();
    const store = t.bot.services.store as any;
    const saved = { revision: store.revision, allOwners: store.allOwners, reports: store.reports };
    // The store that does not answer comes back when the test ends: whatever else of the bot was waiting on it (the
    // digest's scheduler, the figures) then finishes, as it would when a database returns.
    let back: () => void = () => undefined;
    const returned = new Promise<void>((r) => (back = r));
    try {
      store.revision = () => Promise.reject(Object.assign(new Error('connection refused'), { name: 'StoreError' }));
      let r: any = await client.callTool({ name: 'objective_status', arguments: { objective: 5 } });
      expect(r.isError).toBe(true);
      expect(text(r)).toMatch(/No fue posible leer el seguimiento/);
      expect(text(r)).not.toMatch(/connection refused/);

      store.revision = () => returned.then(() => saved.revision.call(store));
      r = await client.callTool({ name: 'plan_status', arguments: { lang: 'en' } });
      expect(r.isError).toBe(true);
      expect(text(r)).toMatch(/could not be read right now/);
    } finally {
      Object.assign(store, saved);
      back();
      await client.close();
    }
    const again = await connect();
    const ok: any = await again.callTool({ name: 'objective_status', arguments: { objective: 5 } });
    await again.close();
    expect(ok.isError).toBeFalsy();
  });

  test('a malformed body or a request that is not JSON-RPC gets a 4xx, never a 500 or a crash', async () => {
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${t.url}/mcp`, {
        method: 'POST',
        headers: {
          ...auth,
          'Content-Type': 'application/json',
          Accept: 'application/json, text/event-stream',
          ...headers,
        },
        body,
      });
    const bad = await post('{"jsonrpc":');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('invalid-json');
    for (const body of ['{}', '[]', '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"nope"}}']) {
      const res = await post(body);
      expect(res.status).toBeLessThan(500);
      await res.text();
    }
    const big = await post(JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }));
    expect(big.status).toBe(413);
    const text = await post('{}', { 'Content-Type': 'text/plain' });
    expect(text.status).toBe(415);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  test('GET /mcp answers 405 (a stateless server has no event stream)', async () => {
    const res = await fetch(`${t.url}/mcp`, { headers: { ...auth, Accept: 'text/event-stream' } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});
