import type { Activity } from 'botbuilder';
import { startConversation, cardsOf, cardText, type Conversation } from '../helpers/conversation';
import { ANA, ADMIN } from '../helpers/activities';
import { FORM_ENTRIES_4263, report } from '../helpers/reports';

/**
 * The month of a report and the date of a question, as a person writes them (3 July 2025 in Bogotá): a month that
 * is still to come or could be of two years is asked about before any form opens; a month already reported opens
 * filled with what is stored; «¿cómo iba el plan en marzo?» is answered as of that date. Through the real
 * teams-ai Application on botbuilder's TestAdapter.
 */

const AT = '2025-07-01T12:00:00.000Z';

async function owner(c: Conversation, id: string, who = ANA) {
  await c.store.setOwners(id, [{ id: who.aadObjectId!, name: who.name }], { id: 'aad-admin', name: 'Admin' }, AT);
}

function formOf(sent: Partial<Activity>[]) {
  const activity = sent.find((a) =>
    cardsOf([a]).some((c) => c.actions?.some((x: any) => x.data?.verb === 'report-submit')),
  );
  if (!activity) return undefined;
  const card = cardsOf([activity])[0];
  return { card, id: activity.id!, submit: card.actions.find((x: any) => x.data?.verb === 'report-submit').data };
}

function inputs(card: any): Record<string, any> {
  const out: Record<string, any> = {};
  const walk = (n: any) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    if (typeof n.type === 'string' && n.type.startsWith('Input.')) out[n.id] = n;
    Object.values(n).forEach(walk);
  };
  walk(card.body);
  return out;
}

function redTexts(card: any): string[] {
  const out: string[] = [];
  const walk = (n: any) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    if (n.type === 'TextBlock' && n.color === 'attention') out.push(n.text);
    Object.values(n).forEach(walk);
  };
  walk(card.body);
  return out;
}

const buttons = (card: any) => (card.actions ?? []).map((a: any) => ({ title: a.title, data: a.data }));
const cardOfActivity = (c: Conversation, id: string) => cardsOf(c.transcript().filter((a) => a.id === id))[0];

describe('the month of a report, before the form opens', () => {
  test('«agosto» on 3 July 2025 (an owner): August 2025 has not come and 2024 is closed; the person chooses', async () => {
    const c = startConversation({ now: '2025-07-03' });
    await owner(c, '4263');
    const sent = await c.say('reportar avance 4263 agosto', { from: ANA });
    expect(formOf(sent)).toBeUndefined();
    const card = cardsOf(sent)[0];
    expect(cardText(card)).toContain('¿Qué mes desea reportar?');
    expect(cardText(card)).toContain('Agosto de 2025 todavía no ha llegado. Elija el mes que desea reportar:');
    expect(buttons(card)).toEqual([
      {
        title: 'Junio de 2025',
        data: { verb: 'report-start', indicatorId: '4263', period: '2025-06', lang: 'es', plan: 'pei-sg-2024-2027' },
      },
      {
        title: 'Julio de 2025 (en curso)',
        data: { verb: 'report-start', indicatorId: '4263', period: '2025-07', lang: 'es', plan: 'pei-sg-2024-2027' },
      },
    ]);
    // the choice opens the form on that month
    const form = formOf(await c.click(buttons(card)[0].data, { from: ANA }))!;
    expect(inputs(form.card).period.value).toBe('2025-06');
    expect(inputs(form.card).indicatorId.value).toBe('4263');
  });

  test('«agosto» for the planning office (who may correct 2024): «¿Se refiere a agosto de 2024?»', async () => {
    const c = startConversation({ now: '2025-07-03' });
    const card = cardsOf(await c.say('reportar avance 4263 agosto', { from: ADMIN }))[0];
    expect(cardText(card)).toContain(
      '¿Se refiere a agosto de 2024? Agosto de 2025 todavía no ha llegado. Elija el mes que desea reportar:',
    );
    expect(buttons(card).map((b: any) => b.title)).toEqual([
      'Agosto de 2024',
      'Junio de 2025',
      'Julio de 2025 (en curso)',
    ]);
    const form = formOf(await c.click(buttons(card)[0].data, { from: ADMIN }))!;
    expect(inputs(form.card).period.value).toBe('2024-08');
  });

  test('«agosto 2025» is asked about at once, in English too; «junio» opens the form on June 2025', async () => {
    const c = startConversation({ now: '2025-07-03' });
    await owner(c, '4263');
    const es = await c.say('reportar avance 4263 agosto 2025', { from: ANA });
    expect(formOf(es)).toBeUndefined();
    expect(cardText(cardsOf(es)[0])).toContain('Agosto de 2025 todavía no ha llegado');
    const en = await c.say('report progress 4263 August 2025', { from: ANA, locale: 'en-US' });
    expect(formOf(en)).toBeUndefined();
    expect(cardText(cardsOf(en)[0])).toContain('Which month do you want to report?');
    expect(cardText(cardsOf(en)[0])).toContain('August 2025 has not come yet. Choose the month you want to report:');
    expect(buttons(cardsOf(en)[0]).map((b: any) => b.title)).toEqual(['June 2025', 'July 2025 (in progress)']);
    const june = formOf(await c.say('reportar avance 4263 junio', { from: ANA }))!;
    expect(inputs(june.card).period.value).toBe('2025-06');
    expect(await c.store.reports()).toHaveLength(0);
  });

  test('a closed year named by an owner is explained before the form', async () => {
    const c = startConversation({ now: '2025-07-03' });
    await owner(c, '4263');
    const sent = await c.say('reportar avance 4263 marzo 2024', { from: ANA });
    expect(formOf(sent)).toBeUndefined();
    expect(cardText(cardsOf(sent)[0])).toContain(
      'La vigencia 2024 ya está cerrada: solo la Oficina Asesora de Planeación puede corregir marzo de 2024.',
    );
  });
});

describe('the form of a month already reported', () => {
  test('opens filled with what is stored and says it will be version 2; sent as it is, it is stored as v2', async () => {
    const c = startConversation({ now: '2025-07-03' });
    await owner(c, '4263');
    const first = formOf(await c.say('reportar avance 4263 junio', { from: ANA }))!;
    await c.click({ ...first.submit, ...FORM_ENTRIES_4263 }, { from: ANA, replyToId: first.id });
    expect(await c.store.reports()).toHaveLength(1);

    const again = formOf(await c.say('reportar avance 4263 junio', { from: ANA }))!;
    const f = inputs(again.card);
    expect(f.period.value).toBe('2025-06');
    expect(f.value.value).toBe('0,3');
    expect(f.logros.value).toBe(FORM_ENTRIES_4263.logros);
    expect(f.evidencia.value).toBe(FORM_ENTRIES_4263.evidencia);
    expect(cardText(again.card)).toContain(
      'Junio de 2025 ya tiene un reporte (versión 1): el formulario muestra lo guardado. Si lo envía, quedará como versión 2.',
    );
    // what the person sends back is exactly what the form holds
    const posted = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.value]));
    await c.click({ ...again.submit, ...posted }, { from: ANA, replyToId: again.id });
    expect(cardText(cardOfActivity(c, again.id))).toContain('Corrección registrada (v2)');
    expect((await c.store.reports()).map((r) => [r.version, r.value, r.logros])).toEqual([
      [1, 0.3, FORM_ENTRIES_4263.logros],
      [2, 0.3, FORM_ENTRIES_4263.logros],
    ]);
  });

  test('in English, a percent indicator: the stored 22 % reads back as typed, and the form says version 2', async () => {
    const c = startConversation({ now: '2025-07-03' });
    await c.store.appendReport(
      {
        indicatorId: '3979',
        period: '2025-06',
        value: 0.225,
        logros: 'Se integraron servicios.',
        dificultades: '',
        evidencia: 'https://intranet.example/e',
      },
      { id: 'aad-admin', name: 'Admin' },
      { source: 'teams', at: AT },
    );
    const form = formOf(await c.say('report progress 3979 June 2025', { from: ADMIN, locale: 'en-US' }))!;
    expect(inputs(form.card).value.value).toBe('22.5\u00a0%');
    expect(cardText(form.card)).toContain('June 2025 already has a report (version 1)');
    expect(cardText(form.card)).toContain('it will be saved as version 2');
  });
});

describe('the report form says its limits', () => {
  test('a 20,000-character text is refused naming the field, the limit and its length; the inputs carry maxLength', async () => {
    const c = startConversation({ now: '2025-07-03' });
    await owner(c, '4263');
    const form = formOf(await c.say('reportar avance', { from: ANA }))!;
    const f = inputs(form.card);
    expect(f.logros.maxLength).toBe(2000);
    expect(f.dificultades.maxLength).toBe(2000);
    expect(f.evidencia.maxLength).toBe(500);
    expect(f.logros.label).toContain('(máximo 2.000 caracteres)');
    expect(f.dificultades.label).toContain('(máximo 2.000 caracteres)');
    await c.click(
      { ...form.submit, ...FORM_ENTRIES_4263, logros: 'a'.repeat(20000) },
      { from: ANA, replyToId: form.id },
    );
    const back = cardOfActivity(c, form.id);
    expect(redTexts(back)).toEqual([
      'Revise el campo «Logros y avances del periodo», marcado en rojo debajo de él; no se guardó nada.',
      '«Logros y avances del periodo» tiene 20.000 caracteres: el máximo es 2.000.',
    ]);
    expect(await c.store.reports()).toHaveLength(0);
  });
});

describe('a question about a past date is answered as of that date', () => {
  async function withReports() {
    const c = startConversation({ now: '2025-07-03' });
    // March and June of 4263 (Creciente, 2025 target 0,4): 0,1 at the end of March, 0,3 at the end of June.
    for (const [period, value] of [
      ['2025-03', 0.1],
      ['2025-06', 0.3],
    ] as const) {
      const r = report('4263', period, value);
      await c.store.appendReport(
        {
          indicatorId: r.indicatorId,
          period: r.period,
          value: r.value,
          logros: r.logros,
          dificultades: '',
          evidencia: r.evidencia,
        },
        { id: 'aad-admin', name: 'Admin' },
        { source: 'teams', at: `${period}-28T15:00:00.000Z` },
      );
    }
    return c;
  }

  test('«¿cómo iba el indicador 4263 en marzo?» shows March 31 and March’s figure, not today’s', async () => {
    const c = await withReports();
    const today = cardsOf(await c.say('indicador 4263', { from: ANA }))[0];
    expect(cardText(today)).toContain('3 de julio de 2025');
    expect(cardText(today)).toContain('0,3');
    const march = cardsOf(await c.say('¿cómo iba el indicador 4263 en marzo?', { from: ANA }))[0];
    const text = cardText(march);
    expect(text).toContain('31 de marzo de 2025');
    expect(text).not.toContain('3 de julio de 2025');
    expect(text).toContain('0,1');
    expect(text).not.toContain('0,3 ');
    // a past date's card is not refreshed into today's
    expect((march as any).refresh).toBeUndefined();
    expect((today as any).refresh).toBeDefined();
  });

  test('«al 31 de marzo», «¿cómo iba el plan en marzo?», and in English «as of March 15» / «in March»', async () => {
    const c = await withReports();
    expect(cardText(cardsOf(await c.say('¿cómo iba el plan al 31 de marzo?', { from: ANA }))[0])).toContain(
      '31 de marzo de 2025',
    );
    expect(cardText(cardsOf(await c.say('¿cómo iba el plan en marzo?', { from: ANA }))[0])).toContain(
      '31 de marzo de 2025',
    );
    expect(
      cardText(cardsOf(await c.say('how was objective 5 as of March 15?', { from: ANA, locale: 'en-US' }))[0]),
    ).toContain('March 15, 2025');
    expect(cardText(cardsOf(await c.say('how was the plan in March?', { from: ANA, locale: 'en-US' }))[0])).toContain(
      'March 31, 2025',
    );
  });
});
