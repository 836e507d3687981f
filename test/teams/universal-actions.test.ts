import { startConversation, cardsOf, cardText } from '../helpers/conversation';
import { ANA, LUIS, ADMIN } from '../helpers/activities';
import { FORM_ENTRIES_4263 } from '../helpers/reports';

/**
 * Universal Actions in conversation (TestAdapter, the real teams-ai app): the status cards' refresh and the report
 * form's Action.Execute, each answered in the invoke's response.
 */

const CARD = 'application/vnd.microsoft.card.adaptive';

async function assignAna(c: ReturnType<typeof startConversation>) {
  await c.say('asignar responsable 4263 <at>Ana Pérez</at>', { from: ADMIN, mentions: [ANA] });
}

/** The form's submit data (verb, formId, lang) as the card's Action.Execute carries it. */
function submitOf(card: any): { verb: string; data: Record<string, unknown> } {
  const a = card.actions.find((x: any) => x.type === 'Action.Execute' && x.verb === 'report-submit');
  if (!a) throw new Error('no Action.Execute report-submit on the card');
  return { verb: a.verb, data: a.data };
}

test('an objective card asked for before a report shows the new figure when refreshed after it (automatic: no message sent)', async () => {
  const c = startConversation();
  await assignAna(c);
  const [objective] = cardsOf(await c.say('¿cómo va el objetivo 5?', { from: LUIS }));
  expect(objective.refresh).toEqual({
    action: {
      type: 'Action.Execute',
      verb: 'refresh-objective',
      data: { verb: 'refresh-objective', objective: 5, year: 2025, lang: 'es', plan: 'pei-sg-2024-2027' },
    },
    userIds: [LUIS.id],
  });
  expect(cardText(objective)).not.toContain('75,0\u00a0%');

  const [form] = cardsOf(await c.say('reportar avance', { from: ANA }));
  const { verb, data } = submitOf(form);
  const stored = await c.execute(verb, { ...data, ...FORM_ENTRIES_4263 }, { from: ANA });
  expect(stored.sent).toEqual([]); // one round trip: no other message, no update
  expect(stored.answer).toMatchObject({ statusCode: 200, type: CARD });
  expect(cardText(stored.answer.value)).toMatch(
    /✅ Reporte registrado[\s\S]*0,3[\s\S]*Avance 2025 del indicador\n🟢 75,0\u00a0%/,
  );
  expect(await c.store.reports()).toHaveLength(1);

  const r = objective.refresh.action;
  const refreshed = await c.execute(r.verb, r.data, { from: LUIS, trigger: 'automatic' });
  expect(refreshed.sent).toEqual([]);
  expect(refreshed.answer).toMatchObject({ statusCode: 200, type: CARD });
  const card = refreshed.answer.value;
  expect(card.body[0].text).toBe(objective.body[0].text); // the same card (objective 5)
  expect(cardText(card)).toContain('75,0\u00a0%');
  expect(card.refresh).toEqual({ ...objective.refresh, userIds: [LUIS.id] });
  // Nothing in the transcript was rewritten (no updateActivity).
  expect(c.transcript().filter((a) => a.type === 'messageUpdate')).toEqual([]);
});

test.each([
  ['es', '¿cómo va el indicador 4263?', 'Indicador 4263'],
  ['en', 'how is indicator 4263 doing?', 'Indicator 4263'],
] as const)(
  'the indicator card refreshes by hand in %s, with the figures of that moment',
  async (lang, question, title) => {
    const c = startConversation();
    await assignAna(c);
    const [detail] = cardsOf(await c.say(question, { from: ANA }));
    expect(detail.refresh.action.data).toEqual({
      verb: 'refresh-indicator',
      indicatorId: '4263',
      year: 2025,
      lang,
      plan: 'pei-sg-2024-2027',
    });
    const [form] = cardsOf(await c.say(lang === 'en' ? 'report progress' : 'reportar avance', { from: ANA }));
    const { verb, data } = submitOf(form);
    const stored = await c.execute(
      verb,
      { ...data, ...FORM_ENTRIES_4263, ...(lang === 'en' ? { value: '0.3' } : {}) },
      { from: ANA },
    );
    expect(cardText(stored.answer.value)).toContain(lang === 'en' ? '✅ Report saved' : '✅ Reporte registrado');
    const refreshed = await c.execute(detail.refresh.action.verb, detail.refresh.action.data, {
      from: ANA,
      trigger: 'manual',
    });
    const text = cardText(refreshed.answer.value);
    expect(text).toContain(title);
    expect(text).toMatch(lang === 'en' ? /^2025\n0.4\n0.3\n/m : /^2025\n0,4\n0,3\n/m);
    expect(refreshed.sent).toEqual([]);
  },
);

test('plan and lagging cards refresh to themselves; an unknown verb gets the «not available» card', async () => {
  const c = startConversation();
  for (const [question, verb] of [
    ['plan', 'refresh-plan'],
    ['¿qué está rezagado?', 'refresh-lagging'],
  ] as const) {
    const [card] = cardsOf(await c.say(question, { from: ANA }));
    expect(card.refresh.action.verb).toBe(verb);
    const { answer } = await c.execute(verb, card.refresh.action.data, { from: ANA, trigger: 'automatic' });
    expect(answer.value.body[0].text).toBe(card.body[0].text);
  }
  const { answer } = await c.execute('borrar-todo', { lang: 'en' }, { from: ANA });
  expect(cardText(answer.value)).toMatch(/This action is not available/);
});

test('an invalid submit comes back as the form with its errors; cancel replaces the form; nothing stored', async () => {
  const c = startConversation();
  await assignAna(c);
  const [form] = cardsOf(await c.say('reportar avance', { from: ANA }));
  const { verb, data } = submitOf(form);
  const bad = await c.execute(verb, { ...data, ...FORM_ENTRIES_4263, value: 'mucho' }, { from: ANA });
  expect(bad.sent).toEqual([]);
  const again = bad.answer.value;
  expect(submitOf(again).data.formId).toBe(data.formId); // the same form (idempotency key kept)
  expect(cardText(again)).toMatch(/número/i);
  expect(await c.store.reports()).toHaveLength(0);
  const cancel = again.actions.find((a: any) => a.verb === 'report-cancel');
  const cancelled = await c.execute(cancel.verb, cancel.data, { from: ANA });
  expect(cardText(cancelled.answer.value)).toMatch(/cancel/i);
  expect(await c.store.reports()).toHaveLength(0);
});
