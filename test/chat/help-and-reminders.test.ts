import { startConversation, cardsOf, cardText, type Conversation } from '../helpers/conversation';
import { ADMIN, ANA, BOT } from '../helpers/activities';
import type { Outbound, DeliveryResult } from '../../src/digest/run';

/**
 * Issue 24, points 8 and 9, through the real teams-ai app and the chat router (TestAdapter turns shaped as Teams
 * sends them): help by role (official, owner, admin) and by conversation (personal chat, group chat, channel);
 * «recordatorios» previewed and sent now by an admin, with counts of what was really delivered; the welcome in the
 * client's language when the Playground's conversationUpdate carries no locale.
 */

const OFFICE = { id: 'aad-admin', name: 'Oficina de Planeación' };
const AT = '2025-07-01T12:00:00.000Z';
const CHANNEL = { kind: 'channel' as const };

let c: Conversation;
beforeEach(async () => {
  // Thursday 3 July 2025: June is due on Monday 7 July.
  c = startConversation({ now: '2025-07-03T10:00' });
  await c.store.setOwners('4263', [{ id: 'aad-ana', name: 'Ana Pérez' }], OFFICE, AT);
  await c.store.setOwners('3979', [{ id: 'aad-luis', name: 'Luis Gómez' }], OFFICE, AT);
});

async function card(text: string, opts: Parameters<Conversation['say']>[1] = {}): Promise<string> {
  const cards = cardsOf(await c.say(text, opts));
  expect(cards).toHaveLength(1);
  return cardText(cards[0]);
}

describe('help fits the person and the conversation', () => {
  test('an official in a personal chat: questions and the digest «in this personal chat»; no report, no admin', async () => {
    const other = { id: '29:maria', name: 'María Ruiz', aadObjectId: 'aad-maria' };
    const help = await card('ayuda', { from: other });
    expect(help).toContain('¿cómo va el objetivo 5?');
    expect(help).toContain('¿cómo se calcula el objetivo 5?');
    expect(help).toContain('recibir cada lunes el resumen en este chat personal');
    expect(help).not.toContain('este canal');
    expect(help).not.toContain('reportar avance');
    expect(help).not.toContain('reportes por revisar');
    expect(help).toContain('Si usted es responsable de un indicador');
  });

  test('an owner: reporting and their indicators; not the admin commands', async () => {
    const help = await card('ayuda', { from: ANA });
    expect(help).toContain('reportar avance');
    expect(help).toContain('mis indicadores');
    expect(help).not.toContain('reportes por revisar');
    expect(help).not.toContain('auditoría');
  });

  test('an admin: review, assign, audit, reminders, send the digest now, cancel; by e-mail in a personal chat', async () => {
    const help = await card('ayuda', { from: ADMIN });
    for (const cmd of [
      'reportes por revisar',
      'asignar responsable 4263 ana.perez@secretariageneral.gov.co',
      'auditoría',
      'recordatorios',
      'enviar resumen ahora',
      'cancelar resumen',
      '¿cómo se calcula el objetivo 5?',
      'exportar seguimiento',
    ])
      expect(help).toContain(cmd);
    expect(help).toContain('en este chat personal');
    const inChannel = await card('ayuda', { from: ADMIN, where: CHANNEL });
    expect(inChannel).toContain('asignar responsable 4263 @Ana');
    expect(inChannel).toContain('recibir cada lunes el resumen en este canal');
    const inGroup = await card('ayuda', { from: ADMIN, where: { kind: 'groupChat' } });
    expect(inGroup).toContain('en este chat de grupo');
  });

  test('in English too', async () => {
    const help = await card('help', { from: ADMIN, locale: 'en-US' });
    expect(help).toContain('reports to review');
    expect(help).toContain('reminders');
    expect(help).toContain('send digest now');
    expect(help).toContain('get the summary in this personal chat every Monday');
  });
});

describe('«recordatorios»', () => {
  test('only admins', async () => {
    expect(await card('recordatorios', { from: ANA })).toContain('Solo para administradores');
  });

  test('an admin previews who gets the reminder of June and whether they can be reached', async () => {
    await c.say('hola', { from: ANA }); // Ana has a personal chat with the bot; Luis does not
    const preview = await card('recordatorios', { from: ADMIN });
    expect(preview).toContain('Recordatorios del reporte de junio de 2025');
    expect(preview).toContain('Plazo: 7 de julio de 2025');
    expect(preview).toContain('4 de julio de 2025');
    expect(preview).toContain('Ana Pérez');
    expect(preview).toContain('4263 · con chat con el bot');
    expect(preview).toContain('Luis Gómez');
    expect(preview).toContain('3979 · sin chat con el bot: no se le puede enviar');
    expect(preview).toContain('Enviar recordatorios ahora');
    expect(await card('reminders', { from: ADMIN })).toContain('Reminders for the June 2025 report');
  });

  test('«enviar recordatorios ahora» sends to those with a chat and counts what was really delivered', async () => {
    await c.say('hola', { from: ANA });
    const delivered: Outbound[] = [];
    let answer: DeliveryResult = { status: 'sent', attempts: 1 };
    c.services.deliver = async (item) => {
      delivered.push(item);
      return answer;
    };
    const sent = await card('enviar recordatorios ahora', { from: ADMIN });
    expect(sent).toContain('Recordatorios de junio de 2025 enviados');
    expect(sent).toContain('Se envió 1 recordatorio. 1 responsable no ha abierto un chat con el bot y no lo recibió.');
    expect(sent).toContain('Sin chat con el bot: Luis Gómez.');
    expect(delivered).toHaveLength(1);
    const [item] = delivered;
    expect(item.kind === 'reminder' && item.conversation.key).toBe('a:personal-aad-ana');
    expect(item.kind === 'reminder' && item.reminder.indicators.map((i) => i.id)).toEqual(['4263']);
    expect(await c.store.wasSent(item.key)).toBe(true);

    // A failed delivery is said, and its claim released.
    answer = { status: 'failed', attempts: 3, reason: 'HTTP 502' };
    c.setNow('2025-07-03T11:00');
    const failed = await card('send reminders now', { from: ADMIN, locale: 'en-US' });
    expect(failed).toContain('0 reminders were sent.');
    expect(failed).toContain('1 send failed.');
    expect(await c.store.wasSent(delivered[1].key)).toBe(false);
  });
});

test("the welcome speaks the Playground client's locale when its conversationUpdate carries none", async () => {
  const conversation = { id: 'a:personal-playground', conversationType: 'personal', tenantId: 'tenant' };
  const from = { id: '29:user', name: 'Alex Wilber', aadObjectId: 'aad-alex' };
  // What the Playground sends on page load: installationUpdate (with en-US), then conversationUpdate (no locale).
  await c.adapter.processActivity({
    type: 'installationUpdate',
    action: 'add',
    serviceUrl: 'https://test.local/',
    channelId: 'msteams',
    from,
    recipient: BOT,
    conversation,
    channelData: { tenant: { id: 'tenant' }, source: { name: 'message' } },
    entities: [{ locale: 'en-US', type: 'clientInfo' }],
    locale: 'en-US',
  } as any);
  const before = c.transcript().length;
  await c.adapter.processActivity({
    type: 'conversationUpdate',
    serviceUrl: 'https://test.local/',
    channelId: 'msteams',
    from,
    recipient: BOT,
    conversation,
    membersAdded: [BOT],
    channelData: { tenant: { id: 'tenant' } },
  } as any);
  const welcome = cardsOf(c.transcript().slice(before));
  expect(welcome).toHaveLength(1);
  expect(cardText(welcome[0])).toContain("Hi! I'm the PEI bot");
  expect(cardText(welcome[0])).toContain('get the summary in this personal chat every Monday');
});
