import type { Activity } from 'botbuilder';
import { startConversation, cardsOf, cardText, type Conversation } from '../helpers/conversation';
import { ANA, LUIS, ADMIN } from '../helpers/activities';
import { FORM_ENTRIES_4263 } from '../helpers/reports';

/** The report form through the real teams-ai Application on botbuilder's TestAdapter (in-memory store). */

const AT = '2025-07-01T12:00:00.000Z';
const ENTRIES = FORM_ENTRIES_4263;

async function withOwners(c: Conversation, owners: Record<string, (typeof ANA)[]>) {
  for (const [id, people] of Object.entries(owners)) {
    await c.store.setOwners(
      id,
      people.map((p) => ({ id: p.aadObjectId!, name: p.name })),
      { id: 'aad-admin', name: 'Admin' },
      AT,
    );
  }
}

/** The form in what the bot sent: the card, its activity id and its submit data (verb, formId, lang). */
function formIn(sent: Partial<Activity>[]) {
  const activity = sent.find((a) =>
    cardsOf([a]).some((c) => c.actions?.some((x: any) => x.data?.verb === 'report-submit')),
  );
  if (!activity)
    throw new Error(`no form in: ${sent.map((a) => cardText(cardsOf([a])[0] ?? {}) || a.text).join('\n---\n')}`);
  const card = cardsOf([activity])[0];
  const submit = card.actions.find((x: any) => x.data?.verb === 'report-submit').data;
  return { activity, card, submit, id: activity.id! };
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

const cardOfActivity = (c: Conversation, id: string) => cardsOf(c.transcript().filter((a) => a.id === id))[0];

describe('report form (TestAdapter)', () => {
  test('an owner reports: the form lists only their indicators, the submit replaces it by a confirmation and shows the new figures', async () => {
    const c = startConversation({ now: '2025-07-03' });
    await withOwners(c, { '4263': [ANA], '4075': [LUIS] });
    const sent = await c.say('reportar avance', { from: ANA });
    const form = formIn(sent);
    const fields = inputs(form.card);
    expect(fields.indicatorId.choices.map((x: any) => x.value)).toEqual(['4263']);
    expect(fields.indicatorId.value).toBe('4263'); // the only one: preselected
    expect(fields.period.value).toBe('2025-06'); // the month that just closed
    expect(fields.period.choices[0]).toEqual({ title: 'julio de 2025 (en curso)', value: '2025-07' });
    // closed 2024 is not offered to an owner
    expect(fields.period.choices.map((x: any) => x.value)).not.toContain('2024-12');
    const text = cardText(form.card);
    expect(text).toContain('valor acumulado a la fecha');
    expect(text).toContain('meta 2025: 0,4');
    expect(text).toContain('Dificultades, soluciones o justificación');
    expect(form.submit).toMatchObject({ verb: 'report-submit', lang: 'es' });
    expect(form.submit.formId).toMatch(/^[0-9a-f-]{36}$/);

    const replies = await c.click({ ...form.submit, ...ENTRIES }, { from: ANA, replyToId: form.id });
    // the form is replaced in place by the confirmation, without inputs or a submit button
    const confirmation = cardOfActivity(c, form.id);
    expect(cardText(confirmation)).toContain('✅ Reporte registrado');
    expect(cardText(confirmation)).toContain('junio de 2025');
    expect(cardText(confirmation)).toContain('Ana Pérez');
    expect(Object.keys(inputs(confirmation))).toEqual([]);
    expect(JSON.stringify(confirmation)).not.toContain('report-submit');
    // the confirmation carries the new figure (0,3 of 0,4 = 75,0 %): one card answers the submit, no second message
    expect(cardText(confirmation)).toMatch(/Avance 2025 del indicador\n🟢 75,0\u00a0%/);
    expect(cardsOf(replies)).toEqual([]);
    expect(confirmation.actions.map((a: any) => a.data)).toEqual([
      { verb: 'show-indicator', indicatorId: '4263', lang: 'es', plan: 'pei-sg-2024-2027' },
    ]);
    expect(await c.store.reports()).toHaveLength(1);
    expect((await c.store.reports())[0]).toMatchObject({
      indicatorId: '4263',
      period: '2025-06',
      value: 0.3,
      version: 1,
      author: { id: 'aad-ana' },
      submissionId: `aad-ana:${form.submit.formId}`,
    });

    // the same card sent again stores nothing new
    const again = await c.click({ ...form.submit, ...ENTRIES, value: '0,35' }, { from: ANA, replyToId: form.id });
    expect(cardText(cardOfActivity(c, form.id))).toContain('ya estaba registrado');
    expect(cardsOf(again)).toEqual([]);
    expect(await c.store.reports()).toHaveLength(1);
    expect(await c.store.audit({ target: 'report:4263:' })).toHaveLength(1);
  });

  test('invalid input: the form comes back with the entries kept and each error in red, in Spanish', async () => {
    const c = startConversation();
    await withOwners(c, { '4263': [ANA] });
    const form = formIn(await c.say('reportar avance', { from: ANA }));
    await c.click(
      { ...form.submit, ...ENTRIES, value: 'treinta', evidencia: 'http://intranet/evidencia' },
      { from: ANA, replyToId: form.id },
    );
    const again = cardOfActivity(c, form.id);
    const fields = inputs(again);
    expect(fields.value.value).toBe('treinta');
    expect(fields.logros.value).toBe(ENTRIES.logros);
    expect(fields.evidencia.value).toBe('http://intranet/evidencia');
    expect(fields.indicatorId.value).toBe('4263');
    expect(fields.period.value).toBe('2025-06');
    expect(redTexts(again)).toEqual([
      'Revise los campos «Valor» y «Enlace a la evidencia (https://…)», marcados en rojo debajo de cada uno; no se guardó nada.',
      '«treinta» no es un número. Escriba, por ejemplo, 1.500,5 · 0,25 · 75\u00a0%.',
      'La evidencia debe ser un enlace https:// válido (por ejemplo https://intranet…/carpeta).',
    ]);
    expect(await c.store.reports()).toHaveLength(0);
    // the same form, fixed, is then stored once
    const same = again.actions.find((x: any) => x.data?.verb === 'report-submit').data;
    expect(same.formId).toBe(form.submit.formId);
    await c.click({ ...same, ...ENTRIES }, { from: ANA, replyToId: form.id });
    expect(cardText(cardOfActivity(c, form.id))).toContain('✅ Reporte registrado');
    expect(await c.store.reports()).toHaveLength(1);
  });

  test('each explanation rule through the form: zero advance, over-execution, level drop', async () => {
    const c = startConversation();
    await withOwners(c, { '4263': [ANA] });
    const form = formIn(await c.say('reportar avance', { from: ANA }));
    await c.click({ ...form.submit, ...ENTRIES, value: '0' }, { from: ANA, replyToId: form.id });
    expect(redTexts(cardOfActivity(c, form.id)).join('\n')).toContain(
      'Un avance de 0 requiere explicar las dificultades',
    );
    await c.click({ ...form.submit, ...ENTRIES, value: '0,5' }, { from: ANA, replyToId: form.id });
    expect(redTexts(cardOfActivity(c, form.id)).join('\n')).toContain(
      'supera la meta (0,4): justifique la sobre-ejecución',
    );
    await c.click(
      { ...form.submit, ...ENTRIES, value: '0,5', dificultades: 'Se adelantó la fase de interoperabilidad' },
      { from: ANA, replyToId: form.id },
    );
    expect(await c.store.reports()).toHaveLength(1);
    const next = formIn(await c.say('reportar avance julio', { from: ANA }));
    expect(inputs(next.card).period.value).toBe('2025-07');
    await c.click({ ...next.submit, ...ENTRIES, period: '2025-07', value: '0,45' }, { from: ANA, replyToId: next.id });
    expect(redTexts(cardOfActivity(c, next.id)).join('\n')).toContain(
      'El nivel baja respecto al reporte de junio de 2025 (0,5 → 0,45)',
    );
    expect(await c.store.reports()).toHaveLength(1);
  });

  test('English: "report progress" gives the form and the messages in English', async () => {
    const c = startConversation();
    await withOwners(c, { '4263': [ANA] });
    const form = formIn(await c.say('report progress', { from: ANA, locale: 'en-US' }));
    expect(form.submit.lang).toBe('en');
    const text = cardText(form.card);
    expect(text).toContain('Report progress');
    expect(text).toContain('cumulative value to date');
    expect(text).toContain('2025 target: 0.4');
    await c.click({ ...form.submit, ...ENTRIES, value: '-3' }, { from: ANA, replyToId: form.id });
    expect(redTexts(cardOfActivity(c, form.id))).toEqual([
      'Check the field “Value”, marked in red below it; nothing was saved.',
      'The value cannot be negative.',
    ]);
    const replies = await c.click({ ...form.submit, ...ENTRIES, value: '0.3' }, { from: ANA, replyToId: form.id });
    expect(cardText(cardOfActivity(c, form.id))).toContain('✅ Report saved');
    expect(cardText(cardOfActivity(c, form.id))).toMatch(/Indicator progress 2025\n🟢 75.0%/);
    expect(cardsOf(replies)).toEqual([]);
  });

  test('a status card\'s "Reportar avance" button opens the form with its indicator chosen', async () => {
    const c = startConversation();
    await withOwners(c, { '4263': [ANA], '4267': [ANA] });
    const detail = cardsOf(await c.say('indicador 4263', { from: ANA }))[0];
    const button = detail.actions.find((a: any) => a.data?.verb === 'report-start');
    expect(button.data).toMatchObject({ verb: 'report-start', indicatorId: '4263' });
    const form = formIn(await c.click(button.data, { from: ANA }));
    const fields = inputs(form.card);
    expect(fields.indicatorId.choices.map((x: any) => x.value)).toEqual(['4263', '4267']);
    expect(fields.indicatorId.value).toBe('4263');
    expect(cardText(form.card)).toContain('Indicador 4263: valor acumulado a la fecha');
  });

  test('without indicators: a polite refusal; a non-owned indicator asked by name is not offered', async () => {
    const c = startConversation();
    await withOwners(c, { '4263': [ANA], '4075': [LUIS] });
    const none = cardsOf(
      await c.say('reportar avance', { from: { id: '29:x', name: 'Pedro', aadObjectId: 'aad-pedro' } }),
    )[0];
    expect(cardText(none)).toContain('No tiene indicadores asignados');
    const form = formIn(await c.say('reportar avance 4263', { from: LUIS }));
    expect(cardText(form.card)).toContain('Usted no es responsable del indicador 4263');
    expect(inputs(form.card).indicatorId.choices.map((x: any) => x.value)).toEqual(['4075']);
  });

  test('tampered payloads (an indicator not owned, an unknown one, no formId) are refused and nothing is stored', async () => {
    const c = startConversation();
    await withOwners(c, { '4263': [ANA], '4075': [LUIS] });
    const form = formIn(await c.say('reportar avance', { from: LUIS }));
    const notOwned = await c.click(
      { ...form.submit, ...ENTRIES, indicatorId: '4263' },
      { from: LUIS, replyToId: form.id },
    );
    expect(cardText(cardsOf(notOwned)[0])).toContain('Usted no es responsable del indicador 4263');
    const unknown = await c.click(
      { ...form.submit, ...ENTRIES, indicatorId: '9999' },
      { from: LUIS, replyToId: form.id },
    );
    expect(cardText(cardsOf(unknown)[0])).toContain('El indicador «9999» no existe en el plan');
    const noForm = await c.click(
      { verb: 'report-submit', ...ENTRIES, indicatorId: '4075', value: '1' },
      { from: LUIS },
    );
    expect(cardText(cardsOf(noForm)[0])).toContain('Este formulario no es válido');
    // Ana's form submitted by Luis: the clicker is who counts
    const anas = formIn(await c.say('reportar avance', { from: ANA }));
    const stolen = await c.click({ ...anas.submit, ...ENTRIES }, { from: LUIS, replyToId: anas.id });
    expect(cardText(cardsOf(stolen)[0])).toContain('Usted no es responsable del indicador 4263');
    expect(await c.store.reports()).toHaveLength(0);
    expect(await c.store.audit({ target: 'report:' })).toHaveLength(0);
    // the form was left in place
    expect(inputs(cardOfActivity(c, form.id)).value).toBeDefined();
  });

  test('a second report for the same month is a correction: version 2, audited with before and after', async () => {
    const c = startConversation();
    await withOwners(c, { '4263': [ANA] });
    const first = formIn(await c.say('reportar avance', { from: ANA }));
    await c.click({ ...first.submit, ...ENTRIES }, { from: ANA, replyToId: first.id });
    const second = formIn(await c.say('reportar avance', { from: ANA }));
    expect(cardText(second.card)).toContain('último reporte: 0,3 (jun. 2025)');
    const replies = await c.click({ ...second.submit, ...ENTRIES, value: '0,32' }, { from: ANA, replyToId: second.id });
    const confirmation = cardText(cardOfActivity(c, second.id));
    expect(confirmation).toContain('Corrección registrada (v2)');
    expect(confirmation).toContain('corrección v2');
    expect(confirmation).toContain(
      'Ya había un reporte de junio de 2025 (v1, valor 0,3): este queda como corrección v2.',
    );
    expect(confirmation).toContain('80,0\u00a0%');
    expect(cardsOf(replies)).toEqual([]);
    expect((await c.store.reports()).map((r) => [r.version, r.value])).toEqual([
      [1, 0.3],
      [2, 0.32],
    ]);
    const audit = await c.store.audit({ target: 'report:4263:2025-06' });
    expect(audit.map((e) => e.action)).toEqual(['report.create', 'report.correct']);
    expect(audit[1]).toMatchObject({
      actor: { id: 'aad-ana' },
      before: { value: 0.3, version: 1 },
      after: { value: 0.32, version: 2 },
    });
  });

  test('admins report any indicator and may correct a closed year', async () => {
    const c = startConversation();
    const form = formIn(await c.say('reportar avance', { from: ADMIN }));
    const fields = inputs(form.card);
    expect(fields.indicatorId.choices).toHaveLength(29);
    expect(fields.period.choices.map((x: any) => x.value)).toContain('2024-12');
    await c.click({ ...form.submit, ...ENTRIES, period: '2024-12', value: '0,1' }, { from: ADMIN, replyToId: form.id });
    const confirmation = cardText(cardOfActivity(c, form.id));
    expect(confirmation).toContain('Corrección de la vigencia 2024, que ya está cerrada');
    expect((await c.store.reports())[0]).toMatchObject({ period: '2024-12', author: { id: 'aad-admin' } });
  });

  test('cancel replaces the form and stores nothing', async () => {
    const c = startConversation();
    await withOwners(c, { '4263': [ANA] });
    const form = formIn(await c.say('reportar avance', { from: ANA }));
    const cancel = form.card.actions.find((a: any) => a.data?.verb === 'report-cancel');
    expect(cancel.associatedInputs).toBe('none');
    await c.click(cancel.data, { from: ANA, replyToId: form.id });
    expect(cardText(cardOfActivity(c, form.id))).toContain('Reporte cancelado');
    expect(await c.store.reports()).toHaveLength(0);
  });
});
