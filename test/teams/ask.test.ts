import { startConversation, cardsOf, cardText, type Conversation } from '../helpers/conversation';
import { formatPercent } from '../../src/views/format';
import { ANA } from '../helpers/activities';

/**
 * Conversations through botbuilder's TestAdapter and the real teams-ai Application: each question, in Spanish
 * and English, gets the card a person expects, with the figures the engine computes.
 */

let c: Conversation;
const owner = { id: 'aad-ana', name: 'Ana Pérez' };

beforeAll(async () => {
  c = startConversation({ now: '2025-07-03' });
  const s = c.store;
  const at = '2025-07-02T15:00:00.000Z';
  await s.appendReport(
    {
      indicatorId: '4263',
      period: '2025-06',
      value: 0.3,
      logros: 'Portal en pruebas con 3 entidades',
      dificultades: '',
      evidencia: 'https://intranet.example/portal',
    },
    owner,
    { source: 'teams', at },
  );
  await s.appendReport(
    {
      indicatorId: '4234',
      period: '2025-06',
      value: 1,
      logros: 'CSIRT operando 24/7',
      dificultades: '',
      evidencia: 'https://intranet.example/csirt',
    },
    owner,
    { source: 'teams', at },
  );
  await s.appendReport(
    {
      indicatorId: '3980',
      period: '2025-03',
      value: 10,
      logros: 'Diez procesos de memoria',
      dificultades: '',
      evidencia: 'https://intranet.example/memoria',
    },
    owner,
    { source: 'teams', at },
  );
  await s.setOwners('4263', [owner], { id: 'aad-admin', name: 'Planeación' }, at);
});

async function ask(text: string, locale?: string): Promise<string> {
  const sent = await c.say(text, { locale });
  const cards = cardsOf(sent);
  expect(cards.length).toBeGreaterThan(0); // never silence
  return cards.map(cardText).join('\n');
}

const fig = () => c.services.status.figures(2025, '2025-07-03');
// (awaited where used)

describe('objective status', () => {
  test.each([
    ['¿cómo va el objetivo 5?', 5],
    ['como va el objetivo 5', 5],
    ['CÓMO VA EL OBJETIVO 5', 5],
    ['objetivo cinco', 5],
    ['obj. V', 5],
    ['estado del objetivo 5', 5],
    ['avance objetivo 5', 5],
    ['objetvo 5', 5],
    ['el quinto objetivo', 5],
    ['objetivo 1', 1],
    ['objetivo uno', 1],
    ['¿cómo vamos en el objetivo 2?', 2],
    ['objetivo X', 10],
    ['objetivo 9', 9],
  ])('"%s" -> objective %i (es)', async (text, n) => {
    const card = await ask(text);
    const o = (await fig()).objectives[n - 1];
    expect(card).toContain(`Objetivo ${n}`);
    expect(card).toContain(o.objective.shortName);
    expect(card).toContain(formatPercent(o.expected, 'es'));
  });

  test.each([
    ['how is objective 5 doing', 5],
    ["how's objective five doing?", 5],
    ['objective 5 status', 5],
    ['status of objective 5', 5],
    ['objective V', 5],
    ['how is objetive 5', 5],
    ['show me objective 2', 2],
    ['how is objective 1 going', 1],
  ])('"%s" -> objective %i (en)', async (text, n) => {
    const card = await ask(text, 'en-US');
    expect(card).toContain(`Objective ${n}`);
    expect(card).toContain(formatPercent((await fig()).objectives[n - 1].expected, 'en'));
  });

  test('objective 5: 37,5 % against 72,9 % expected, amarillo; 4263 at 75,0 % with its owner; pending ones marked', async () => {
    const card = await ask('¿cómo va el objetivo 5?');
    expect(card).toContain('37,5\u00a0%');
    expect(card).toContain('72,9\u00a0%');
    expect(card).toMatch(/Amarillo/);
    expect(card).toContain('75,0\u00a0%');
    expect(card).toContain('62,5\u00a0%');
    expect(card).toContain('Ana Pérez');
    expect(card).toMatch(/sin reporte|Sin reportes|pendiente/i);
  });

  test('an objective that does not exist gets a polite answer naming the ones that do', async () => {
    const card = await ask('objetivo 11');
    expect(card).toMatch(/1 (a|al) 10|1–10|1-10/);
  });
});

describe('indicator detail', () => {
  test.each([
    ['indicador 4263', '4263'],
    ['detalle del 4263', '4263'],
    ['4263', '4263'],
    ['8116-M3', '8116-M3'],
    ['8116 m3', '8116-M3'],
    ['meta 3 proyecto 8116', '8116-M3'],
    ['meta 2339', '4263'],
    ['O10-1', 'O10-1'],
    ['CSIRT', '4234'],
    ['nodos digitales', '4236'],
    ['ciberseguridad', '4234'],
    ['CADE', '4267'],
    ['indicador 4075', '4075'],
    ['indicadr 4263', '4263'],
  ])('"%s" -> %s (es)', async (text, id) => {
    const card = await ask(text);
    expect(card).toContain(id);
    expect(card).toMatch(/Programación|Programado|Meta/);
  });

  test.each([
    ['indicator 4263 details', '4263'],
    ['show indicator 4234', '4234'],
    ['indicator 8116-M3', '8116-M3'],
  ])('"%s" -> %s (en)', async (text, id) => {
    const card = await ask(text, 'en-US');
    expect(card).toContain(id);
  });

  test('4263: program vs executed and the report with its texts', async () => {
    const card = await ask('indicador 4263');
    expect(card).toContain('0,3');
    expect(card).toContain('0,4');
    expect(card).toContain('75,0\u00a0%');
    expect(card).toContain('Portal en pruebas con 3 entidades');
    expect(card).toContain('https://intranet.example/portal');
  });

  test('an unknown code is answered politely', async () => {
    expect(await ask('indicador 9999')).toContain('9999');
  });

  test('words that match several indicators offer a choice', async () => {
    const sent = await c.say('archivo');
    expect(cardText(cardsOf(sent)[0])).toMatch(/8118|4205|Patrimonio documental/);
  });
});

describe('plan, lagging, misión/visión, help', () => {
  test.each(['¿cómo va el plan?', 'resumen del plan', 'todos los objetivos', 'plan', 'como va el plan'])(
    '"%s" -> the 10 objectives (es)',
    async (text) => {
      const card = await ask(text);
      for (const o of (await fig()).objectives) expect(card).toContain(o.objective.shortName);
      expect(card).toContain(formatPercent((await fig()).progress, 'es'));
    },
  );

  test.each(['how is the plan doing', 'overview', 'plan summary'])('"%s" -> the 10 objectives (en)', async (text) => {
    const card = await ask(text, 'en-US');
    expect(card).toContain(formatPercent((await fig()).progress, 'en'));
  });

  test.each(['¿qué está en rojo?', 'que va atrasado', 'indicadores rezagados', 'alertas'])(
    '"%s" -> lagging (es)',
    async (text) => {
      const card = await ask(text);
      expect(card).toMatch(/4267|Canales de atención/); // pending in objective 5
      expect(card).toMatch(/Rojo|Amarillo|Sin reporte|pendiente/i);
    },
  );

  test.each(["what's behind", 'what is lagging', 'red indicators'])('"%s" -> lagging (en)', async (text) => {
    const card = await ask(text, 'en-US');
    expect(card).toMatch(/4267/);
  });

  test.each([
    ['cuál es la misión', /lidera la articulación y coordinación/],
    ['misión', /lidera la articulación/],
    ['visión', /En 2038/],
    ['mission', /lidera la articulación/],
    ['what is the vision', /En 2038/],
  ])('"%s" -> text of the plan', async (text, re) => {
    expect(await ask(text)).toMatch(re);
  });

  test.each([
    ['ayuda', 'es'],
    ['qué puedes hacer', 'es'],
    ['hola', 'es'],
    ['help', 'en'],
    ['what can you do', 'en'],
    ['hi', 'en'],
  ])('"%s" -> help, or a greeting with an example (%s)', async (text, lang) => {
    const card = await ask(text, lang === 'en' ? 'en-US' : undefined);
    expect(card).toMatch(lang === 'es' ? /cómo va el objetivo 5/i : /objective 5/i);
  });

  test.each(['asdfgh qwerty', 'me gusta el fútbol', 'el clima en Bogotá'])(
    '"%s" is not understood, gets examples',
    async (text) => {
      const card = await ask(text);
      expect(card).toMatch(/cómo va el objetivo 5|Prueba|ejemplo/i);
    },
  );
});

describe('buttons', () => {
  test('"Ver objetivo 5" on the plan card opens objective 5, in the card\'s language', async () => {
    const sent = await c.click({ verb: 'show-objective', objective: 5, lang: 'en' });
    expect(cardText(cardsOf(sent)[0])).toContain('Objective 5');
  });
  test('every button on the plan card carries the reply language', async () => {
    const sent = await c.say('plan');
    const actions = JSON.stringify(cardsOf(sent)[0]).match(/"lang":"es"/g) ?? [];
    expect(actions.length).toBeGreaterThan(5);
  });
});

describe('where the bot speaks', () => {
  test('a channel message without an @mention is ignored', async () => {
    expect(await c.say('plan', { where: { kind: 'channel' }, mention: false })).toHaveLength(0);
  });
  test('with an @mention it answers', async () => {
    const sent = await c.say('objetivo 5', { where: { kind: 'channel' }, mention: true });
    expect(cardText(cardsOf(sent)[0])).toContain('Objetivo 5');
  });
  test('a group chat with an @mention', async () => {
    const sent = await c.say('¿qué está en rojo?', { where: { kind: 'groupChat' }, mention: true, from: ANA });
    expect(cardsOf(sent)).toHaveLength(1);
  });
  test('installation: a welcome card in Spanish', async () => {
    const sent = await c.install({ kind: 'channel' });
    const text = cardText(cardsOf(sent)[0]);
    expect(text).toMatch(/Soy el bot del PEI/);
    expect(text).toMatch(/cómo va el objetivo 5/i);
  });
});
