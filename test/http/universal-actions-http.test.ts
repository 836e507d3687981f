import { startTestBot, type TestBot } from '../helpers/bot';
import { execute, message, ANA, ADMIN, LUIS, type UserLike } from '../helpers/activities';
import { cardText } from '../helpers/conversation';
import { FORM_ENTRIES_4263 } from '../helpers/reports';

/**
 * Universal Actions over HTTP, shaped as Teams sends them, through the real restify server and teams-ai app with a
 * stand-in Bot Connector that counts the bot's calls: the report form's Action.Execute is answered in the invoke's
 * body (zero connector calls), and a status card's refresh redraws the card from the figures of that moment.
 */

const TOKEN = 'token-de-prueba';
const CARD = 'application/vnd.microsoft.card.adaptive';
const personal = (u: UserLike) => `a:personal-${u.aadObjectId ?? u.id}`;

let t: TestBot;
/**
 * The connector calls a turn of `who` made: anything to their conversation, and any in-place update anywhere. (The
 * bot's proactive sender runs on its own clock, e.g. the admins' «reportes por revisar» notice: not part of a turn.)
 */
const turnCalls = (who: UserLike) =>
  t.connector.received.filter((r) => r.conversationId === personal(who) || r.method === 'PUT');
beforeAll(async () => {
  t = await startTestBot({ PEI_API_TOKEN: TOKEN, PEI_ADMINS: 'aad-admin', PEI_NOW: '2025-07-03' });
  expect(
    await t.send(
      message(t.connector.url, 'asignar responsable 4263 <at>Ana Pérez</at>', { from: ADMIN, mentions: [ANA] }),
    ),
  ).toBe(200);
});
afterAll(() => t.stop());

/** The Action.Execute of the last report form the bot sent to `who`. */
function formSubmit(who: UserLike): { verb: string; data: Record<string, unknown> } {
  const forms = t.connector.cards(personal(who)).filter((c) => c.actions?.some((a: any) => a.verb === 'report-submit'));
  const a = forms.at(-1)?.actions.find((x: any) => x.verb === 'report-submit');
  if (!a) throw new Error('no form');
  expect(a).toMatchObject({ type: 'Action.Execute', fallback: { type: 'Action.Submit', data: a.data } });
  return { verb: a.verb, data: a.data };
}

async function openForm(who: UserLike, text = 'reportar avance', locale = 'es-CO') {
  expect(await t.send(message(t.connector.url, text, { from: who, locale }))).toBe(200);
  return formSubmit(who);
}

describe('the report form in one round trip', () => {
  test.each([
    [
      'es',
      'reportar avance',
      'es-CO',
      '2025-05',
      '0,2',
      /✅ Reporte registrado[\s\S]*mayo de 2025[\s\S]*Valor\n0,2[\s\S]*Avance 2025 del indicador\n🟢 50,0\u00a0%/,
    ],
    [
      'en',
      'report progress',
      'en-US',
      '2025-04',
      '0.1',
      /✅ Report saved[\s\S]*April 2025[\s\S]*Value\n0.1[\s\S]*Indicator progress 2025\n🟢 50.0%/,
    ],
  ] as const)(
    '%s: the submit makes no connector call; the invoke body holds the confirmation with the stored figures',
    async (lang, text, locale, period, value, shown) => {
      const { verb, data } = await openForm(ANA, text, locale);
      expect(data.lang).toBe(lang);
      const before = (await t.bot.services.store.reports()).length;
      t.connector.clear();
      const answer = await t.invoke(
        execute(t.connector.url, verb, { ...data, ...FORM_ENTRIES_4263, period, value }, { from: ANA, locale }),
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ statusCode: 200, type: CARD });
      expect(cardText(answer.body.value)).toMatch(shown);
      expect(turnCalls(ANA)).toEqual([]); // no reply, no update, nothing
      const stored = await t.bot.services.store.reports();
      expect(stored).toHaveLength(before + 1);
      expect(stored.at(-1)).toMatchObject({
        indicatorId: '4263',
        period,
        value: Number(value.replace(',', '.')),
        author: { id: 'aad-ana' },
        submissionId: `aad-ana:${data.formId}`,
      });

      // the same form again (a retried invoke): nothing new, the confirmation says it was already stored
      const again = await t.invoke(
        execute(t.connector.url, verb, { ...data, ...FORM_ENTRIES_4263, period, value: '0,9' }, { from: ANA, locale }),
      );
      expect(cardText(again.body.value)).toMatch(lang === 'en' ? /already/i : /ya estaba registrado/);
      expect(await t.bot.services.store.reports()).toHaveLength(before + 1);
      expect(turnCalls(ANA)).toEqual([]);
    },
  );

  test.each([
    [
      'es',
      'reportar avance',
      'es-CO',
      'Revise el campo «Valor», marcado en rojo debajo de él; no se guardó nada.',
      'El valor no puede ser negativo.',
    ],
    [
      'en',
      'report progress',
      'en-US',
      'Check the field “Value”, marked in red below it; nothing was saved.',
      'The value cannot be negative.',
    ],
  ] as const)(
    '%s: validation errors come back in the body, the entries kept, nothing stored',
    async (_lang, text, locale, summary, error) => {
      const { verb, data } = await openForm(ANA, text, locale);
      const before = (await t.bot.services.store.reports()).length;
      const revision = t.bot.services.store.revision;
      t.connector.clear();
      const answer = await t.invoke(
        execute(t.connector.url, verb, { ...data, ...FORM_ENTRIES_4263, value: '-3' }, { from: ANA, locale }),
      );
      expect(answer.status).toBe(200);
      const form = answer.body.value;
      const shown = cardText(form);
      expect(shown).toContain(summary);
      expect(shown).toContain(error);
      // the same form (same idempotency key), the user's entries kept
      expect(form.actions.find((a: any) => a.verb === 'report-submit').data.formId).toBe(data.formId);
      expect(JSON.stringify(form)).toContain(FORM_ENTRIES_4263.logros);
      expect(await t.bot.services.store.reports()).toHaveLength(before);
      expect(t.bot.services.store.revision).toBe(revision);
      expect(turnCalls(ANA)).toEqual([]);
    },
  );

  test('someone who may not report 4263 is refused in the body; nothing stored', async () => {
    const { verb, data } = await openForm(ADMIN); // the admin's form, posted by Luis (not an owner)
    const before = (await t.bot.services.store.reports()).length;
    const answer = await t.invoke(execute(t.connector.url, verb, { ...data, ...FORM_ENTRIES_4263 }, { from: LUIS }));
    expect(answer.status).toBe(200);
    expect(cardText(answer.body.value)).toMatch(/4263/);
    expect(await t.bot.services.store.reports()).toHaveLength(before);
  });
});

describe('status cards that stay current', () => {
  test('an objective card asked for before a report shows the new figure when refreshed after it; automatic refresh sends nothing', async () => {
    expect(await t.send(message(t.connector.url, '¿cómo va el objetivo 5?', { from: LUIS }))).toBe(200);
    const card = t.connector.cards(personal(LUIS)).at(-1);
    expect(card.refresh).toEqual({
      action: {
        type: 'Action.Execute',
        verb: 'refresh-objective',
        data: { verb: 'refresh-objective', objective: 5, year: 2025, lang: 'es', plan: 'pei-sg-2024-2027' },
      },
      userIds: [LUIS.id],
    });
    const row = (c: any) =>
      cardText(c)
        .split('\n')
        .slice(
          cardText(c)
            .split('\n')
            .findIndex((l) => l.startsWith('**4263**')),
          undefined,
        )
        .slice(0, 2)
        .join(' ');
    const before = row(card);

    // Ana reports June: 0,4 of 0,4
    const { verb, data } = await openForm(ANA);
    await t.invoke(
      execute(t.connector.url, verb, { ...data, ...FORM_ENTRIES_4263, period: '2025-06', value: '0,4' }, { from: ANA }),
    );

    t.connector.clear();
    const r = card.refresh.action;
    const answer = await t.invoke(
      execute(t.connector.url, r.verb, r.data, { from: LUIS, trigger: 'automatic', replyToId: 'objective-card-1' }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: 200, type: CARD });
    const now = answer.body.value;
    expect(now.body[0].text).toBe(card.body[0].text);
    expect(row(now)).not.toBe(before);
    expect(row(now)).toContain('100,0\u00a0%');
    expect(now.refresh.userIds).toEqual([LUIS.id]);
    expect(turnCalls(LUIS)).toEqual([]); // no updateActivity: the message is not rewritten for everyone

    // a manual refresh (someone outside userIds, from the card's menu) answers the same way
    const manual = await t.invoke(
      execute(t.connector.url, r.verb, r.data, { from: ANA, trigger: 'manual', replyToId: 'objective-card-1' }),
    );
    expect(row(manual.body.value)).toContain('100,0\u00a0%');
    expect(turnCalls(ANA).filter((x) => x.method !== 'GET')).toEqual([]);
    expect(turnCalls(LUIS)).toEqual([]);
  });

  test('in a group chat the refresh goes to the asker and the people mentioned, at most 60', async () => {
    const crowd: UserLike[] = Array.from({ length: 70 }, (_, i) => ({ id: `29:person-${i}`, name: `Persona ${i}` }));
    const where = { kind: 'groupChat' as const, id: '19:crowd@thread.v2' };
    expect(await t.send(message(t.connector.url, 'plan', { from: ANA, where, mentions: crowd }))).toBe(200);
    const card = t.connector.cards('19:crowd@thread.v2').at(-1);
    expect(card.refresh.action.verb).toBe('refresh-plan');
    expect(card.refresh.userIds).toHaveLength(60);
    expect(card.refresh.userIds.slice(0, 3)).toEqual([ANA.id, '29:person-0', '29:person-1']);
    expect(card.refresh.userIds).not.toContain('28:pei-bot');
  });

  test('an indicator card refreshes in English; an unknown verb gets the «not available» card', async () => {
    expect(
      await t.send(message(t.connector.url, 'how is indicator 4263 doing?', { from: LUIS, locale: 'en-US' })),
    ).toBe(200);
    const card = t.connector.cards(personal(LUIS)).at(-1);
    expect(card.refresh.action.data).toEqual({
      verb: 'refresh-indicator',
      indicatorId: '4263',
      year: 2025,
      lang: 'en',
      plan: 'pei-sg-2024-2027',
    });
    const answer = await t.invoke(
      execute(t.connector.url, card.refresh.action.verb, card.refresh.action.data, {
        from: LUIS,
        trigger: 'automatic',
        locale: 'en-US',
      }),
    );
    expect(cardText(answer.body.value)).toMatch(/Indicator 4263[\s\S]*Programmed/);
    const unknown = await t.invoke(execute(t.connector.url, 'refresh-everything', { lang: 'en' }, { from: LUIS }));
    expect(unknown.status).toBe(200);
    expect(cardText(unknown.body.value)).toMatch(/This action is not available/);
  });
});
