import { startConversation, cardsOf, cardText } from '../helpers/conversation';
import { ANA, ADMIN } from '../helpers/activities';
import { reprogrammed, admin } from '../store/contract';

/** «versiones del plan» (admins): each version with its act, who and what it changed; the one in force marked. */

const text = async (p: Promise<any[]>) =>
  cardsOf(await p)
    .map(cardText)
    .join('\n');

describe('«versiones del plan» (TestAdapter)', () => {
  test('an admin sees the versions, in Spanish or English; anyone else is told it is for admins', async () => {
    const c = startConversation();
    await c.store.appendPlanVersion(reprogrammed(0.5, '2025-09-01'), admin, '2025-08-20T10:00:00.000-05:00');
    const es = await text(c.say('versiones del plan', { from: ADMIN }));
    expect(es).toContain('Versiones de Plan Estratégico Institucional 2024-2027');
    expect(es).toContain('Versión 1 · desde el 1 de enero de 2024');
    expect(es).toContain('el plan como se cargó de la fuente');
    expect(es).toContain('Versión 2 · desde el 1 de septiembre de 2025');
    expect(es).toContain('Resolución 45 de 2025 · Oficina de Planeación — 4263: meta 2025 reprogramada 0,4 → 0,5');
    const en = await text(c.say('show me the plan versions please', { from: ADMIN }));
    expect(en).toContain('Version 2 · since');
    expect(en).toContain('4263: 2025 target reprogrammed 0.4 → 0.5');
    const denied = await text(c.say('versiones del plan', { from: ANA }));
    expect(denied).not.toContain('Resolución 45');
  });
});
