import { startTestBot, type TestBot } from '../helpers/bot';
import { LUIS, searchQuery, type SearchOptions } from '../helpers/activities';
import { seedJune4263 } from '../helpers/reports';
import { cardText } from '../helpers/conversation';

/**
 * Issue 16, item 1 through the real server: `composeExtension/query` invokes shaped as Teams sends them from the
 * compose box (personal chat, group chat, channel, meeting chat) and the command box; the answer is the invoke's
 * HTTP body, `{composeExtension: {type: 'result', attachmentLayout: 'list', attachments: [...]}}` (CONTRACT.md).
 */

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ PEI_NOW: '2025-07-03', PEI_ADMINS: 'aad-admin' });
  const store = t.bot.services.store;
  const admin = { id: 'aad-admin', name: 'Oficina de Planeación' };
  await store.setOwners('4263', [{ id: 'aad-ana', name: 'Ana Pérez' }], admin, '2025-07-01T12:00:00.000Z');
  await store.setOwners('4236', [{ id: 'aad-ana', name: 'Ana Pérez' }], admin, '2025-07-01T12:00:00.000Z');
  await seedJune4263(store);
});
afterAll(() => t.stop());

/** A composeExtension/query as Teams posts it to the bot's endpoint (helpers/activities.ts). */
const query = (text: string | null, opts: SearchOptions = {}) => searchQuery(t.connector.url, text, opts);

async function post(activity: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${t.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const refsOf = (body: any): string[] =>
  body.composeExtension.attachments.map((a: any) => a.preview.content.title.split(' · ')[0]);

describe('composeExtension/query through the real server', () => {
  test('«CSIRT» answers a result list with 4234 first: its Adaptive Card, a thumbnail preview, under 28 KB', async () => {
    const before = t.connector.received.length;
    const { status, body } = await post(query('CSIRT'));
    expect(status).toBe(200);
    expect(body.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const [first] = body.composeExtension.attachments;
    expect(first.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(first.content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(cardText(first.content)).toContain('Indicador 4234');
    expect(cardText(first.content)).toContain('Equipo de Respuesta a Incidentes de Seguridad Digital (CSIRT)');
    expect(first.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    expect(first.preview.content.title).toMatch(/^4234 · Equipo de Respuesta/);
    expect(first.preview.content.subtitle).toMatch(/ en 2025$/);
    for (const a of body.composeExtension.attachments)
      expect(Buffer.byteLength(JSON.stringify(a.content), 'utf8')).toBeLessThan(28 * 1024);
    // A search posts nothing in any conversation: the answer is the invoke's body.
    expect(t.connector.received.length).toBe(before);
  });

  test('«objetivo 5» gives objective 5, then its indicators, from every place Teams has a compose box', async () => {
    for (const where of ['personal', 'groupChat', 'channel', 'meeting'] as const) {
      const { status, body } = await post(query('objetivo 5', { where, from: LUIS }));
      expect(status).toBe(200);
      expect(refsOf(body)).toEqual(['Objetivo 5', '4263', '4267', '8129-M4']);
      const card = body.composeExtension.attachments[0].content;
      expect(cardText(card)).toMatch(/Objetivo 5/);
      // The objective's figures as of today (4263: 0,3 of 0,4 in June → 75 % of its year).
      expect(cardText(body.composeExtension.attachments[1].content)).toMatch(/Avance anual: 75,0\u00a0%/);
    }
  });

  test('«archivo» (a synonym) gives objective 9; free words with a typo find their indicator', async () => {
    expect(refsOf((await post(query('archivo'))).body)[0]).toBe('Objetivo 9');
    expect(refsOf((await post(query('nodos digitles'))).body)[0]).toBe('4236');
  });

  test("the empty query (opening the command) lists the owner's indicators with the month due; others get the objectives", async () => {
    const own = (await post(query(null))).body;
    expect(refsOf(own)).toEqual(['4236', '4263']);
    expect(own.composeExtension.attachments[0].preview.content.subtitle).toMatch(
      /Por reportar: junio de 2025, plazo hasta el 7 de julio de 2025/,
    );
    expect(own.composeExtension.attachments[1].preview.content.subtitle).toMatch(/junio de 2025 reportado/);
    const typedEmpty = (await post(query('', { from: LUIS }))).body;
    expect(refsOf(typedEmpty)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].map((n) => `Objetivo ${n}`));
  });

  test('English for an English query or an English client', async () => {
    const byWords = (await post(query('cybersecurity incidents', { from: LUIS }))).body;
    expect(refsOf(byWords)[0]).toBe('4234');
    expect(cardText(byWords.composeExtension.attachments[0].content)).toContain('Indicator 4234');
    const byLocale = (await post(query('objetivo 5', { from: LUIS, locale: 'en-US' }))).body;
    // Spanish words tell Spanish even from an English client; an id alone keeps the client's language.
    expect(refsOf(byLocale)[0]).toBe('Objetivo 5');
    const idOnly = (await post(query('4263', { from: LUIS, locale: 'en-US' }))).body;
    expect(cardText(idOnly.composeExtension.attachments[0].content)).toContain('Indicator 4263');
    expect(idOnly.composeExtension.attachments[0].preview.content.subtitle).toMatch(/ in 2025$/);
  });

  test('paging: skip and count as Teams sends them', async () => {
    const page = (await post(query(null, { from: LUIS, skip: 8, count: 5 }))).body;
    expect(refsOf(page)).toEqual(['Objetivo 9', 'Objetivo 10']);
  });

  test('nothing found is an empty result list; an unknown command is refused with a 4xx, never a 5xx', async () => {
    const none = await post(query('xyzzy qwerty'));
    expect(none.status).toBe(200);
    expect(none.body.composeExtension).toEqual({ type: 'result', attachmentLayout: 'list', attachments: [] });
    const other = await post(query('CSIRT', { commandId: 'otroComando' }));
    expect(other.status).toBe(400);
    // Odd values (a number for the text, paging that is no number): read as the empty query, first page.
    const odd = query('CSIRT', { from: LUIS });
    odd.value = {
      commandId: 'searchPlan',
      parameters: [{ name: 'query', value: 42 }],
      queryOptions: { skip: 'x', count: -3 },
    };
    const r = await post(odd);
    expect(r.status).toBe(200);
    expect(refsOf(r.body)).toHaveLength(10);
    // A parameter list Teams would never send: the empty query, and nothing (no apology) is posted in the chat.
    const before = t.connector.received.length;
    for (const value of [
      { commandId: 'searchPlan', parameters: [null, 'x', { value: 'CSIRT' }], queryOptions: null },
      { commandId: 'searchPlan', parameters: 'CSIRT' },
      { commandId: 'searchPlan' },
    ]) {
      const broken = query('CSIRT', { from: LUIS });
      broken.value = value;
      const b = await post(broken);
      expect(b.status).toBe(200);
      expect(refsOf(b.body)).toHaveLength(10);
    }
    expect(t.connector.received.length).toBe(before);
  });
});
