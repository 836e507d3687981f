import { ChatRouter } from '../../src/chat/router';
import { chatModules } from '../../src/chat/modules';
import type { ChatTurn } from '../../src/chat/types';
import { startConversation, cardsOf, cardText, type Conversation } from '../helpers/conversation';
import { ANA, LUIS, ADMIN } from '../helpers/activities';
import { parseNow } from '../../src/calendar';

/**
 * Issue 16, items 1 and 5 at the chat level: the message extension's search (plain turns, the router's `search`
 * entry point) and «mis indicadores» (through the real teams-ai app on botbuilder's TestAdapter).
 */

const AT = '2025-07-02T15:00:00.000Z';
const person = (u: typeof ANA) => ({ id: u.aadObjectId!, aadObjectId: u.aadObjectId, name: u.name, teamsId: u.id });

function turnOf(u: typeof ANA, lang: 'es' | 'en' = 'es', now = '2025-07-03'): ChatTurn {
  return { actor: person(u), lang, scope: 'personal', conversationKey: `a:${u.id}`, mentions: [], now: parseNow(now)! };
}

async function withOwners(c: Conversation): Promise<void> {
  const admin = person(ADMIN);
  await c.store.setOwners('4263', [person(ANA)], admin, AT);
  await c.store.setOwners('4234', [person(ANA)], admin, AT);
  // 4263: June reported (on 2 July, before its deadline); 4234: June not yet, May never.
  await c.store.appendReport(
    {
      indicatorId: '4263',
      period: '2025-06',
      value: 0.3,
      logros: 'Portal v1',
      dificultades: '',
      evidencia: 'https://intranet.example/e',
    },
    person(ANA),
    { source: 'teams', at: AT },
  );
}

describe('the search behind the message extension', () => {
  let c: Conversation;
  let router: ChatRouter;
  beforeAll(async () => {
    c = startConversation();
    await withOwners(c);
    router = new ChatRouter(c.services, chatModules);
  });

  test('«CSIRT» puts indicator 4234 first, with its card and a preview of its status', async () => {
    const a = await router.search(turnOf(LUIS), 'CSIRT');
    expect(a.lang).toBe('es');
    expect(a.results[0]).toMatchObject({ kind: 'indicator', ref: '4234' });
    expect(a.results[0].title).toMatch(/^4234 · Equipo de Respuesta a Incidentes/);
    expect(a.results[0].subtitle).toMatch(/ · (\d+(,\d+)?\u00a0%|—|n\/d|sin dato).* en 2025$/i);
    expect(cardText(a.results[0].card)).toContain('Indicador 4234');
  });

  test('«objetivo 5» gives objective 5 first, then its indicators; «objetivo cinco» the same', async () => {
    for (const q of ['objetivo 5', 'objetivo cinco']) {
      const a = await router.search(turnOf(LUIS), q);
      expect(a.results[0]).toMatchObject({ kind: 'objective', ref: '5' });
      expect(a.results[0].title).toMatch(/^Objetivo 5 · /);
      expect(a.results.slice(1).map((r) => r.ref)).toEqual(['4263', '4267', '8129-M4']);
      expect(cardText(a.results[0].card)).toMatch(/Objetivo 5/);
    }
  });

  test('free words, with their synonyms and typos: «archivo» is objective 9, «nodos digitales» 4236, «ciberseguridd» 4234', async () => {
    expect((await router.search(turnOf(LUIS), 'archivo')).results[0]).toMatchObject({ kind: 'objective', ref: '9' });
    expect((await router.search(turnOf(LUIS), 'nodos digitales')).results[0]).toMatchObject({
      kind: 'indicator',
      ref: '4236',
    });
    expect((await router.search(turnOf(LUIS), 'ciberseguridd')).results[0]).toMatchObject({
      kind: 'indicator',
      ref: '4234',
    });
    // An id being typed: every indicator whose code begins so.
    const typed = (await router.search(turnOf(LUIS), '42')).results.map((r) => r.ref);
    expect(typed).toEqual(expect.arrayContaining(['4234', '4236', '4263', '4267']));
    expect(typed.every((id) => id.startsWith('42'))).toBe(true);
  });

  test('words that point nowhere give no results (not an error)', async () => {
    expect(await router.search(turnOf(LUIS), 'xyzzy qwerty')).toMatchObject({ results: [], total: 0 });
    expect(await router.search(turnOf(LUIS), '9999')).toMatchObject({ results: [], total: 0 });
  });

  test('an English query, or an English client, gets English previews and cards', async () => {
    const a = await router.search(turnOf(LUIS), 'cybersecurity');
    expect(a.lang).toBe('en');
    expect(a.results[0]).toMatchObject({ kind: 'indicator', ref: '4234' });
    expect(a.results[0].subtitle).toMatch(/ in 2025$/);
    expect(cardText(a.results[0].card)).toContain('Indicator 4234');
    const b = await router.search(turnOf(LUIS, 'en'), 'objective 5');
    expect(b.results[0].title).toMatch(/^Objective 5 · /);
    // Words that tell no language ("4263") keep the client's.
    expect((await router.search(turnOf(LUIS, 'en'), '4263')).lang).toBe('en');
    expect((await router.search(turnOf(LUIS, 'es'), '4263')).lang).toBe('es');
  });

  test("the empty query lists what the user owns (with the month due), else the plan's ten objectives", async () => {
    const own = await router.search(turnOf(ANA), '');
    expect(own.results.map((r) => r.ref)).toEqual(['4234', '4263']);
    expect(own.results[0].subtitle).toMatch(/Por reportar: junio de 2025, plazo hasta el 7 de julio de 2025/);
    expect(own.results[1].subtitle).toMatch(
      /junio de 2025 reportado · siguiente: julio de 2025, plazo hasta el \d+ de agosto de 2025/,
    );
    const none = await router.search(turnOf(LUIS), '   ');
    expect(none.results.map((r) => r.ref)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(none.results.every((r) => r.kind === 'objective')).toBe(true);
  });

  test('skip and count page through the results', async () => {
    const all = await router.search(turnOf(LUIS), '', { skip: 0, count: 25 });
    const page = await router.search(turnOf(LUIS), '', { skip: 3, count: 4 });
    expect(page.total).toBe(10);
    expect(page.results.map((r) => r.ref)).toEqual(all.results.slice(3, 7).map((r) => r.ref));
    expect((await router.search(turnOf(LUIS), '', { skip: 50, count: 5 })).results).toEqual([]);
  });

  test('inserted cards carry no button that depends on who searched (no «Reportar avance», even for the owner)', async () => {
    const card = (await router.search(turnOf(ANA), '4263')).results[0].card;
    expect(cardText(card)).not.toMatch(/Reportar avance/);
    expect(JSON.stringify(card)).not.toContain('"report-start"');
  });

  test("every result card is under Teams' 28 KB, in both languages, for every indicator and objective", async () => {
    const sizes: number[] = [];
    for (const lang of ['es', 'en'] as const) {
      for (const q of [
        '',
        'objetivo 1',
        'objetivo 2',
        'objetivo 3',
        'objetivo 4',
        'objetivo 5',
        'objetivo 6',
        'objetivo 7',
        'objetivo 8',
        'objetivo 9',
        'objetivo 10',
      ]) {
        for (const r of (await router.search(turnOf(LUIS, lang), q)).results) {
          const bytes = Buffer.byteLength(JSON.stringify(r.card), 'utf8');
          sizes.push(bytes);
          expect({ ref: r.ref, lang, small: bytes < 28 * 1024 }).toEqual({ ref: r.ref, lang, small: true });
        }
      }
    }
    expect(sizes.length).toBeGreaterThan(29 * 2);
  });
});

describe('«mis indicadores»', () => {
  test('an owner sees each indicator with its status, the month due and its deadline, and a button to report it', async () => {
    const c = startConversation();
    await withOwners(c);
    const [card] = cardsOf(await c.say('mis indicadores'));
    const text = cardText(card);
    expect(text).toContain('Mis indicadores');
    expect(text).toMatch(/Tiene 2 indicadores a su cargo\. Avance de 2025 con corte al 3 de julio de 2025/);
    expect(text).toMatch(/\*\*4234\*\* · Equipo de Respuesta/);
    expect(text).toMatch(/Por reportar: junio de 2025, plazo hasta el 7 de julio de 2025/);
    expect(text).toMatch(/\*\*4263\*\* · Portal web/);
    expect(text).toMatch(/junio de 2025 reportado · siguiente: julio de 2025/);
    // The status of the year, as the indicator card shows it.
    expect(text).toMatch(/(🟢|🟡|🔴|⚪|🔵)/u);
    // One tap to report: the existing report form's verb, for that indicator.
    const buttons = JSON.stringify(card).match(/"verb":"report-start","indicatorId":"[^"]+"/g);
    expect(buttons).toEqual([
      '"verb":"report-start","indicatorId":"4234"',
      '"verb":"report-start","indicatorId":"4263"',
    ]);
    const [form] = cardsOf(await c.click({ verb: 'report-start', indicatorId: '4234' }));
    expect(JSON.stringify(form)).toContain('"value":"4234"');
    expect(cardText(form)).toMatch(/junio/);
  });

  test('after the deadline an unreported month reads overdue, and earlier misses of the year are named', async () => {
    const c = startConversation({ now: '2025-07-09' });
    await withOwners(c);
    const text = cardText(cardsOf(await c.say('¿cuáles son mis indicadores?'))[0]);
    expect(text).toMatch(/Vencido: junio de 2025 sin reporte \(el plazo fue el 7 de julio de 2025\)/);
    // 4234 has no report in 2025 at all: January to May passed their deadlines too.
    expect(text).toMatch(
      /Otros 5 meses de este año sin reporte: enero de 2025, febrero de 2025, marzo de 2025, abril de 2025 y mayo de 2025/,
    );
  });

  test('English, and typos, as the other intents', async () => {
    const c = startConversation();
    await withOwners(c);
    const text = cardText(cardsOf(await c.say('my indicators'))[0]);
    expect(text).toMatch(/You own 2 indicators\. Progress of 2025 as of July 3, 2025/);
    expect(text).toMatch(/To report: June 2025, due by July 7, 2025/);
    expect(cardText(cardsOf(await c.say('mis indicadres'))[0])).toContain('Mis indicadores');
  });

  test('someone who owns nothing is told politely who assigns indicators; an admin what they may do', async () => {
    const c = startConversation();
    await withOwners(c);
    const text = cardText(cardsOf(await c.say('mis indicadores', { from: LUIS }))[0]);
    expect(text).toMatch(/No tiene indicadores a su cargo/);
    expect(text).toMatch(/Oficina Asesora de Planeación/);
    const admin = cardText(cardsOf(await c.say('mis indicadores', { from: ADMIN }))[0]);
    expect(admin).toMatch(/Como administrador puede reportar cualquiera/);
    const en = cardText(cardsOf(await c.say('my indicators', { from: LUIS }))[0]);
    expect(en).toMatch(/You own no indicators[\s\S]*Planning Office/);
  });

  test("an owner's help card lists «mis indicadores»", async () => {
    const c = startConversation();
    await c.store.setOwners(
      '4263',
      [{ id: 'aad-ana', name: 'Ana Pérez' }],
      { id: 'aad-admin', name: 'OAP' },
      '2025-07-01T12:00:00.000Z',
    );
    expect(cardText(cardsOf(await c.say('ayuda'))[0])).toContain('mis indicadores');
    expect(cardText(cardsOf(await c.say('help'))[0])).toContain('my indicators');
  });
});
