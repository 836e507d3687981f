import { startConversation, cardsOf, cardText, type Conversation } from '../helpers/conversation';
import { ADMIN, ANA } from '../helpers/activities';
import { parseReportValue } from '../../src/reports/numbers';
import { reportStrings } from '../../src/i18n';
import { reportFormCard } from '../../src/views/report-cards';
import { findAll, textOf, thePlan } from '../views/helpers';
import type { Indicator } from '../../src/domain/plan';

/**
 * Issue 13, point 5: small things officials notice. Each message goes through botbuilder's TestAdapter and the
 * real teams-ai Application, shaped as Teams sends it; what is asserted is what the person reads.
 */

let c: Conversation;
beforeAll(() => {
  c = startConversation({ now: '2025-07-03' });
});

async function answer(
  text: string,
  opts: Parameters<Conversation['say']>[1] = {},
): Promise<{ text: string; cards: any[] }> {
  const sent = await c.say(text, opts);
  const cards = cardsOf(sent);
  expect(cards.length).toBe(1);
  return { text: cards.map(cardText).join('\n'), cards };
}

const HELP_TITLE = /^Qué puedo hacer$/m;

test('«misión» shows the mission and the vision together (as the help and the manifest promise)', async () => {
  for (const q of ['misión', 'visión', 'mission']) {
    const { text } = await answer(q);
    expect(text).toMatch(/lidera la articulación/); // the mission
    expect(text).toMatch(/En 2038/); // the vision
    expect(text).toMatch(/Misión y visión|Mission and vision/);
  }
});

test('«hola» and «gracias» get a short friendly answer, not the whole help card', async () => {
  const help = await answer('ayuda');
  expect(help.text).toMatch(HELP_TITLE);
  const hola = await answer('hola');
  expect(hola.text).toMatch(/^¡Hola! 👋 Soy PEI Bot/m);
  expect(hola.text.length).toBeLessThan(help.text.length / 2);
  const gracias = await answer('muchas gracias');
  expect(gracias.text).toMatch(/^¡Con gusto!/m);
  expect(gracias.text).not.toMatch(/Pregúnteme/);
  expect(gracias.text.length).toBeLessThan(help.text.length / 2);
  const thanks = await answer('thanks', { locale: 'en-US' });
  expect(thanks.text).toMatch(/^You're welcome!/m);
  for (const t of [hola.text, gracias.text]) expect(t).not.toMatch(HELP_TITLE);
});

test('a question the bot cannot answer («presupuesto») says so, even when it names an objective', async () => {
  for (const q of ['¿cuál es el presupuesto?', '¿cuánto presupuesto tiene el objetivo 3?']) {
    const { text } = await answer(q);
    expect(text).toContain('Eso no lo sé responder');
    expect(text).toContain('No tengo información sobre «presupuesto»');
    expect(text).not.toMatch(/No le entendí/);
  }
  const en = await answer('what is the budget?', { locale: 'en-US' });
  expect(en.text).toContain('I have no information about “budget”');
});

test('«cómo va el objetivo» without a number offers the ten to pick', async () => {
  const { text, cards } = await answer('¿cómo va el objetivo?');
  expect(text).toContain('¿Cuál objetivo?');
  const picks = findAll(
    cards[0],
    (o) => o.type === 'Action.Submit' && (o.data as { verb?: string })?.verb === 'show-objective',
  );
  expect(picks.map((a) => (a.data as { objective: number }).objective)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  for (const o of thePlan().objectives) expect(text).toContain(o.shortName);
  // Each row carries its semáforo: nothing is reported, so each reads as missing reports.
  expect(text).toMatch(/Sin reportes \(se esperaba/);
  const en = await answer('how is the objective doing?', { locale: 'en-US' });
  expect(en.text).toContain('Which objective?');
});

test('the % never wraps away from its number: a no-break space on every Spanish card', async () => {
  const { text } = await answer('¿cómo va el objetivo 5?');
  expect(text).toMatch(/\d\u00a0%/);
  expect(text).not.toMatch(/\d %/);
});

test('amber and green text stays readable on white: no TextBlock in warning or good, on any answer', async () => {
  const answers = await Promise.all(
    ['¿cómo va el objetivo 5?', 'plan', '¿qué está en rojo?', 'indicador 4263', 'reportar avance'].map((q) =>
      c.say(q, { from: ADMIN }),
    ),
  );
  for (const card of answers.flatMap(cardsOf)) {
    const faint = findAll(
      card,
      (o) => (o.type === 'TextBlock' || o.type === 'TextRun') && /^(warning|good)$/i.test(String(o.color ?? '')),
    );
    expect(faint.map((o) => o.text)).toEqual([]);
  }
});

test('accents survive in echoed text', async () => {
  const { text } = await answer('Ñandú rápido en Bogotá');
  expect(text).toContain('«Ñandú rápido en Bogotá»');
});

test('in a 1:1 chat, «asignar responsable» explains the e-mail route', async () => {
  const { text } = await answer('asignar responsable 4263', { from: ADMIN });
  expect(text).toContain('En este chat personal no se puede mencionar a colegas');
  expect(text).toContain('«asignar responsable 4263 ana.perez@secretariageneral.gov.co»');
  // The route works: the e-mail assigns.
  const done = await answer('asignar responsable 4263 ana.perez@secretariageneral.gov.co', { from: ADMIN });
  expect(done.text).toContain('ana.perez@secretariageneral.gov.co');
  const en = await answer('assign owner 4263', { from: ADMIN, locale: 'en-US' });
  expect(en.text).toContain('In this personal chat colleagues can’t be @mentioned');
});

test('people and channels show by name, never a GUID or a channel id (audit of a channel subscription)', async () => {
  const where = { kind: 'channel' as const, channel: '19:5f1b2c3d4e@thread.tacv2', team: '19:team-id@thread.tacv2' };
  await c.say('suscribir resumen semanal', { from: ANA, where, mention: true });
  const { text } = await answer('auditoría', { from: ADMIN });
  expect(text).toContain('canal «General» de Planeación');
  expect(text).toContain('Ana Pérez');
  expect(text).not.toMatch(/19:|@thread|team-id|aad-/);
});

describe('the report form', () => {
  const ind = (id: string): Indicator =>
    thePlan()
      .objectives.flatMap((o) => o.indicators)
      .find((i) => i.id === id)!;
  const form = (indicators: Indicator[], lang: 'es' | 'en' = 'es') =>
    textOf(
      reportFormCard({
        lang,
        formId: 'f',
        indicators,
        periods: ['2025-06'],
        values: { indicatorId: indicators.length === 1 ? indicators[0].id : undefined },
        lastReport: () => undefined,
      }),
    );

  test('its intro matches the tendencia: the month for Suma, the level reached for the others', () => {
    const suma = thePlan()
      .objectives.flatMap((o) => o.indicators)
      .find((i) => i.trend === 'suma')!;
    expect(form([suma])).toContain('Reporte lo logrado en el mes: este indicador suma los valores de los meses.');
    expect(form([ind('4263')])).toContain(
      'Reporte el nivel alcanzado a la fecha (el valor acumulado), no lo logrado solo en el mes.',
    );
    expect(form([ind('4263')])).not.toContain('lo que el indicador logró en el mes');
    expect(form([ind('4263')], 'en')).toContain('Report the level reached to date');
    expect(form([suma, ind('4263')])).toMatch(
      /en un indicador de Suma, lo logrado en el mes; en los demás .* el nivel alcanzado a la fecha/,
    );
  });

  test.each(['es', 'en'] as const)('the value examples (%s) are values the parser accepts', (lang) => {
    const examples = reportStrings(lang)
      .placeholderValue.replace(/^(Por ejemplo|For example) /, '')
      .split(' · ');
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const e of examples)
      expect({ e, r: parseReportValue(e, e.includes('%') ? 'percent' : 'number') }).toMatchObject({
        e,
        r: { ok: true },
      });
    // The one the English form used to show is ambiguous in Bogotá and refused: it must not be suggested.
    expect(examples).not.toContain('1,500');
  });
});
