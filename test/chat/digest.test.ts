import { startConversation, cardsOf, cardText } from '../helpers/conversation';
import { ANA, ADMIN } from '../helpers/activities';
import { parseDigestKey } from '../../src/digest/schedule';

/** "suscribir resumen semanal", "cancelar resumen", "enviar resumen ahora" through the TestAdapter. */

const CHANNEL = { kind: 'channel' as const, channel: '19:seguimiento@thread.tacv2', team: '19:team@thread.tacv2' };
const GROUP = { kind: 'groupChat' as const, id: '19:grupo@thread.v2' };
const text = async (p: Promise<any[]>) =>
  cardsOf(await p)
    .map(cardText)
    .join('\n');

describe('subscribing to the weekly digest', () => {
  test('in a channel: the channel (not the thread) is subscribed, confirmed with a card; twice is harmless', async () => {
    const c = startConversation({ now: '2025-07-03T10:00' });
    const answer = await text(c.say('suscribir resumen semanal', { where: CHANNEL, from: ANA }));
    expect(answer).toContain('✅ Resumen semanal activado');
    expect(answer).toContain('Este canal recibirá el resumen semanal del PEI');
    expect(answer).toContain('lunes 7 de julio de 2025, 8:00 a. m. (hora de Bogotá)');
    expect(await c.store.subscriptions()).toEqual([
      {
        conversationKey: '19:seguimiento@thread.tacv2',
        kind: 'weekly-digest',
        createdBy: { id: 'aad-ana', name: 'Ana Pérez' },
        createdAt: '2025-07-03T15:00:00.000Z',
      },
    ]);
    // The conversation reference is there for the scheduler, under the same key.
    expect((await c.store.conversations()).map((x) => [x.key, x.scope])).toEqual([
      ['19:seguimiento@thread.tacv2', 'channel'],
    ]);
    expect(await c.store.audit({ target: 'subscription:19:seguimiento@thread.tacv2' })).toHaveLength(1);
    const again = await text(c.say('suscribir resumen semanal', { where: CHANNEL, from: ADMIN }));
    expect(again).toContain('El resumen semanal ya estaba activado');
    expect(again).toContain('Ana Pérez');
    expect(await c.store.subscriptions()).toHaveLength(1);
  });

  test('cancel, and cancel again', async () => {
    const c = startConversation();
    await c.say('suscribir resumen semanal', { where: GROUP });
    const cancelled = await text(c.say('cancelar resumen', { where: GROUP }));
    expect(cancelled).toContain('Resumen semanal cancelado');
    expect(cancelled).toContain('Este chat de grupo ya no recibirá el resumen semanal');
    expect(await c.store.subscriptions()).toEqual([]);
    expect(await text(c.say('cancelar resumen', { where: GROUP }))).toContain('No había suscripción');
  });

  test('in English when the user writes English; a personal chat may subscribe too', async () => {
    const c = startConversation();
    const answer = await text(c.say('subscribe weekly digest', { locale: 'en-US' }));
    expect(answer).toContain('Weekly digest on');
    expect(answer).toContain('Monday, July 7, 2025, 8:00 AM (Bogotá time)');
    expect((await c.store.subscriptions()).map((s) => s.conversationKey)).toEqual(['a:personal-aad-ana']);
    expect(await text(c.say('cancel digest', { locale: 'en-US' }))).toContain('Weekly digest cancelled');
  });

  test("the card's buttons replay the commands", async () => {
    const c = startConversation();
    const [card] = cardsOf(await c.say('suscribir resumen semanal', { where: GROUP, from: ADMIN }));
    const data = (card.actions as any[]).map((a) => a.data);
    expect(data).toEqual([
      { verb: 'ask', text: 'enviar resumen ahora', lang: 'es', plan: 'pei-sg-2024-2027' },
      { verb: 'ask', text: 'cancelar resumen', lang: 'es', plan: 'pei-sg-2024-2027' },
    ]);
    expect(await text(c.click(data[1], { where: GROUP }))).toContain('Resumen semanal cancelado');
  });
});

describe('sending the digest now', () => {
  test('admins only', async () => {
    const c = startConversation();
    const answer = await text(c.say('enviar resumen ahora', { where: GROUP, from: ANA }));
    expect(answer).toContain('Solo para administradores');
    expect(await c.store.sent()).toEqual([]);
  });

  test("an admin gets the digest here, recorded as this conversation's last digest", async () => {
    const c = startConversation({ now: '2025-07-07T09:30' });
    const [card] = cardsOf(await c.say('enviar resumen ahora', { where: CHANNEL, from: ADMIN }));
    const t = cardText(card);
    expect(t).toContain('Resumen semanal del PEI');
    expect(t).toContain('Enviado a pedido de Oficina de Planeación.');
    expect(t).toContain('Vigencia 2025 · corte al 7 de julio de 2025');
    const objectives = JSON.stringify(card).match(/"verb":"show-objective","objective":\d+/g) ?? [];
    expect(new Set(objectives).size).toBe(10);
    const [rec] = await c.store.sent();
    expect(parseDigestKey(rec.key)).toEqual({
      slot: 'manual-20250707T093000',
      conversationKey: '19:seguimiento@thread.tacv2',
    });
    expect(rec.detail).toMatchObject({
      kind: 'digest',
      manual: true,
      by: 'aad-admin',
      snapshot: { v: 1, year: 2025, asOf: '2025-07-07' },
    });
    // A button opens an objective.
    expect(
      await text(c.click({ verb: 'show-objective', objective: 5, lang: 'es' }, { where: CHANNEL, from: ADMIN })),
    ).toContain('Objetivo 5');
  });

  test('in English on request', async () => {
    const c = startConversation({ now: '2025-07-07T09:30' });
    const t = await text(c.say('send digest now', { from: ADMIN, locale: 'en-US' }));
    expect(t).toContain('Weekly PEI digest');
    expect(t).toContain('Reports pending for June 2025 (deadline: Monday, July 7, 2025)');
  });
});
