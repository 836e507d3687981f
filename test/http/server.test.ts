import { startTestBot, type TestBot } from '../helpers/bot';
import { message, installed, ANA } from '../helpers/activities';
import { runCli } from '../../src/cli/main';
import { cardText } from '../helpers/conversation';
import { formatPercent } from '../../src/views/format';

/** The real restify server on a free port; replies are caught by a stand-in Bot Connector. */

const TOKEN = 'secreto-de-prueba';
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ PEI_API_TOKEN: TOKEN, PEI_NOW: '2025-07-03', PEI_ADMINS: 'aad-admin' });
  // One stored report: 4263 reached 0.3 in June 2025.
  await t.bot.services.store.appendReport(
    {
      indicatorId: '4263',
      period: '2025-06',
      value: 0.3,
      logros: 'Portal en pruebas con 3 entidades',
      dificultades: '',
      evidencia: 'https://intranet.example/portal',
    },
    { id: 'aad-ana', name: 'Ana Pérez' },
    { source: 'teams', submissionId: 'seed-1', at: '2025-07-02T15:00:00.000Z' },
  );
});
afterAll(() => t.stop());

const auth = { Authorization: `Bearer ${TOKEN}` };

describe('GET /healthz', () => {
  test('200 {"status":"ok"} once the store is open', async () => {
    expect(await t.get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
  });
});

describe('GET /api/v1/status', () => {
  test('401 without the token or with a wrong one', async () => {
    expect((await t.get('/api/v1/status')).status).toBe(401);
    const wrong = await t.get('/api/v1/status', { Authorization: 'Bearer otro' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toMatch(/token/);
  });

  test("docs/interfaces.md's JSON: 10 objectives, 29 indicators, the example's figures for 4263", async () => {
    const { status, body } = await t.get('/api/v1/status?year=2025&asOf=2025-06-30', auth);
    expect(status).toBe(200);
    expect(body.asOf).toBe('2025-06-30');
    expect(body.year).toBe(2025);
    expect(body.plan.id).toBe('pei-sg-2024-2027');
    expect(body.objectives).toHaveLength(10);
    expect(body.objectives.flatMap((o: any) => o.indicators)).toHaveLength(29);
    const o5 = body.objectives[4];
    expect(o5.number).toBe(5);
    expect(o5.indicators[0]).toMatchObject({
      id: '4263',
      meta: '2339',
      name: 'Portal web de trámites y servicios del Distrito Capital creado',
      trend: 'creciente',
      weight: 0.5,
      unit: 'number',
      program: { 2024: 0.1, 2025: 0.4, 2026: 0.75, 2027: 1 },
      total: 1,
      executed: 0.3,
      progress: 0.75,
      expected: 0.625,
      cumulative: 0.3,
      status: 'verde',
      lastReport: '2025-06',
    });
    // Objective 5: 0.5·0.75 / 1 = 0.375 against 0.5·0.625 + 0.25·(1/1.5) + 0.25·1 = 0.72917 -> r = 0.5143, amarillo.
    // Progress figures leave at the tenth of a percent the cards show (72,9 %: progress/shown.ts).
    expect(o5).toMatchObject({ progress: 0.375, expected: 0.729, status: 'amarillo' });
    expect(o5.indicators[1]).toMatchObject({ id: '4267', executed: null, progress: null, status: 'sin-datos' });
  });

  test('defaults: asOf = now (PEI_NOW), year = its year', async () => {
    const { body } = await t.get('/api/v1/status', auth);
    expect(body.asOf).toBe('2025-07-03');
    expect(body.year).toBe(2025);
  });

  test('400 with a clear message for a bad date or year, in English when asked', async () => {
    const bad = await t.get('/api/v1/status?asOf=2025-02-30', auth);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/asOf debe ser una fecha/);
    const en = await t.get('/api/v1/status?year=twenty', { ...auth, 'Accept-Language': 'en-US' });
    expect(en.status).toBe(400);
    expect(en.body.error.message).toMatch(/year must be/);
  });

  test('the same JSON as `cli status --json`', async () => {
    let out = '';
    const code = await runCli(['status', '--year', '2025', '--as-of', '2025-06-30', '--json'], {
      out: (s) => (out += s),
      err: () => undefined,
      env: { PEI_DB_FILE: t.dbFile, PEI_NOW: '2025-07-03' },
    });
    expect(code).toBe(0);
    const { body } = await t.get('/api/v1/status?year=2025&asOf=2025-06-30', auth);
    expect(JSON.parse(out)).toEqual(body);
  });
});

describe('the read API is disabled without PEI_API_TOKEN', () => {
  test('404', async () => {
    const other = await startTestBot({});
    try {
      expect((await other.get('/api/v1/status', auth)).status).toBe(404);
    } finally {
      await other.stop();
    }
  });
});

describe('POST /api/messages', () => {
  test('"¿cómo va el objetivo 5?" gets a card whose numbers equal the read API\'s for objective 5', async () => {
    t.connector.clear();
    expect(await t.send(message(t.connector.url, '¿cómo va el objetivo 5?'))).toBe(200);
    await t.connector.waitFor(1);
    const [card] = t.connector.cards();
    const text = cardText(card);
    const { body } = await t.get('/api/v1/status?year=2025&asOf=2025-07-03', auth);
    const o5 = body.objectives[4];
    expect(text).toContain(formatPercent(o5.progress, 'es'));
    expect(text).toContain(formatPercent(o5.expected, 'es'));
    expect(text).toContain(formatPercent(o5.indicators[0].progress, 'es'));
    expect(text).toContain('75,0\u00a0%');
    expect(text).toMatch(/Amarillo/i);
    // The reply goes back to the conversation it came from, through the connector.
    expect(t.connector.received[0].conversationId).toBe(`a:personal-${ANA.aadObjectId}`);
  });

  test('English question, English card', async () => {
    t.connector.clear();
    await t.send(message(t.connector.url, 'how is objective 5 doing?', { locale: 'en-US' }));
    await t.connector.waitFor(1);
    const text = cardText(t.connector.cards()[0]);
    expect(text).toContain('75.0%');
    expect(text).toMatch(/Objective 5/);
  });

  test('a channel message without an @mention is ignored; with one it is answered', async () => {
    t.connector.clear();
    expect(await t.send(message(t.connector.url, 'plan', { where: { kind: 'channel' }, mention: false }))).toBe(200);
    expect(await t.send(message(t.connector.url, 'plan', { where: { kind: 'channel' }, mention: true }))).toBe(200);
    await t.connector.waitFor(1);
    expect(t.connector.cards()).toHaveLength(1);
    expect(cardText(t.connector.cards()[0])).toMatch(/Gestión administrativa/);
  });

  test('installing the app sends the welcome card in Spanish and stores the conversation', async () => {
    t.connector.clear();
    await t.send(installed(t.connector.url, { kind: 'groupChat', id: '19:bienvenida@thread.v2' }));
    await t.connector.waitFor(1);
    expect(cardText(t.connector.cards()[0])).toMatch(/cómo va el objetivo 5/i);
    expect((await t.bot.services.store.conversations()).map((c) => c.key)).toContain('19:bienvenida@thread.v2');
  });
});

describe('with BOT_ID set', () => {
  test('an unsigned request gets 401 and changes nothing', async () => {
    const secured = await startTestBot({
      BOT_ID: '00000000-0000-0000-0000-000000000001',
      BOT_PASSWORD: 'x',
      BOT_TENANT_ID: 'tenant',
    });
    try {
      const before = await secured.bot.services.store.revision();
      expect(await secured.send(installed(secured.connector.url))).toBe(401);
      expect(await secured.send(message(secured.connector.url, 'plan'), { Authorization: 'Bearer not-a-jwt' })).toBe(
        401,
      );
      expect(await secured.bot.services.store.revision()).toBe(before);
      expect(secured.connector.received).toHaveLength(0);
    } finally {
      await secured.stop();
    }
  });
});
