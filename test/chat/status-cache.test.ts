import { startConversation, cardsOf, type Conversation } from '../helpers/conversation';
import { ANA, ADMIN } from '../helpers/activities';

/**
 * Status answers are remembered per store revision (chat/ask.ts) and their language-stamped copies per card
 * (teams/deliver.ts): a repeated question gets the card a fresh bot would send, and any change to the store —
 * a report, a correction, an owner — shows at once.
 */

const AT = '2025-07-02T15:00:00.000Z';
const admin = { id: 'aad-admin', name: 'Planeación' };
const input = (indicatorId: string, period: string, value: number) => ({
  indicatorId,
  period,
  value,
  logros: 'Avance del mes según el plan',
  dificultades: '',
  evidencia: 'https://intranet.example/e',
});

/** What a bot that never answered before sends for the same question on the same store. */
async function fresh(c: Conversation, text: string, opts: Parameters<Conversation['say']>[1] = {}) {
  return cardsOf(await startConversation({ now: '2025-07-03', store: c.store }).say(text, opts));
}

describe('remembered status answers', () => {
  test.each([
    ['¿cómo va el objetivo 5?'],
    ['how is objective 5 doing'],
    ['indicador 4263'],
    ['resumen del plan'],
    ['¿qué está en rojo?'],
  ])('"%s": the same card as a fresh bot, before and after each kind of change', async (text) => {
    const c = startConversation({ now: '2025-07-03' });
    await c.store.appendReport(input('4263', '2025-05', 0.2), admin, { source: 'teams', at: AT });
    const first = cardsOf(await c.say(text));
    expect(first.length).toBeGreaterThan(0);
    expect(cardsOf(await c.say(text))).toEqual(first);
    expect(first).toEqual(await fresh(c, text));

    await c.store.appendReport(input('4263', '2025-06', 0.35), admin, { source: 'teams', at: AT }); // a new month
    const second = cardsOf(await c.say(text));
    expect(second).toEqual(await fresh(c, text));

    await c.store.appendReport(input('4263', '2025-06', 0.38), admin, { source: 'teams', at: AT }); // a correction
    expect(cardsOf(await c.say(text))).toEqual(await fresh(c, text));

    await c.store.setOwners('4263', [{ id: 'aad-ana', name: 'Ana Pérez' }], admin, AT); // an owner
    const withOwner = cardsOf(await c.say(text));
    expect(withOwner).toEqual(await fresh(c, text));
    // Ana may now report: her card offers it, the card of someone who may not does not.
    expect(cardsOf(await c.say(text, { from: ANA }))).toEqual(await fresh(c, text, { from: ANA }));
  });

  test('the status card changes with the figures', async () => {
    const c = startConversation({ now: '2025-07-03' });
    const before = JSON.stringify(cardsOf(await c.say('¿cómo va el objetivo 5?')));
    await c.store.appendReport(input('4263', '2025-06', 0.35), admin, { source: 'teams', at: AT });
    const after = JSON.stringify(cardsOf(await c.say('¿cómo va el objetivo 5?')));
    expect(after).not.toEqual(before);
    expect(after).toContain('0,35');
  });

  test('who asks matters where it changes the card: an admin is offered to report, a reader is not', async () => {
    const c = startConversation({ now: '2025-07-03' });
    const asAdmin = cardsOf(await c.say('¿cómo va el objetivo 5?', { from: ADMIN }));
    const asReader = cardsOf(await c.say('¿cómo va el objetivo 5?', { from: ANA }));
    expect(asReader).not.toEqual(asAdmin);
    expect(asAdmin).toEqual(await fresh(c, '¿cómo va el objetivo 5?', { from: ADMIN }));
    expect(asReader).toEqual(await fresh(c, '¿cómo va el objetivo 5?', { from: ANA }));
  });

  test('a new day is a new answer (the as-of date is part of the key)', async () => {
    const c = startConversation({ now: '2025-07-03' });
    const a = JSON.stringify(cardsOf(await c.say('¿cómo va el objetivo 5?')));
    c.setNow('2025-08-04');
    const b = JSON.stringify(cardsOf(await c.say('¿cómo va el objetivo 5?')));
    expect(b).not.toEqual(a);
    expect(b).toEqual(
      JSON.stringify(
        cardsOf(await startConversation({ now: '2025-08-04', store: c.store }).say('¿cómo va el objetivo 5?')),
      ),
    );
  });

  test('each language gets its own stamped buttons, also when the same card is asked for again', async () => {
    const c = startConversation({ now: '2025-07-03' });
    const langsOf = (cards: any[]) => {
      const out = new Set<string>();
      const walk = (n: any) => {
        if (Array.isArray(n)) return n.forEach(walk);
        if (!n || typeof n !== 'object') return;
        if (n.type === 'Action.Submit') out.add(n.data?.lang);
        Object.values(n).forEach(walk);
      };
      walk(cards);
      return [...out];
    };
    for (let i = 0; i < 2; i++) {
      expect(langsOf(cardsOf(await c.say('¿cómo va el objetivo 5?', { from: ADMIN })))).toEqual(['es']);
      expect(langsOf(cardsOf(await c.say('how is objective 5 doing', { from: ADMIN, locale: 'en-US' })))).toEqual([
        'en',
      ]);
    }
  });
});
