import { startTestBot, type TestBot } from '../helpers/bot';
import { installed, message, submit, ADMIN, ANA, LUIS, type UserLike } from '../helpers/activities';
import { seedJune4263 } from '../helpers/reports';
import { cardText } from '../helpers/conversation';

/**
 * Issue 24, point 3, through the real server with Teams-shaped activities: the admin who returns a report is told
 * «se avisó» only when the owner's notice was really delivered; an owner who never opened a chat with the bot is
 * owed the notice (kept in the store), and it reaches them when they first open one.
 */

const ADMIN_CHAT = 'a:personal-aad-admin';
const ANA_CHAT = 'a:personal-aad-ana';
const LUIS_CHAT = 'a:personal-aad-luis';
const OFFICE = { id: 'aad-admin', name: 'Oficina de Planeación' };

function submitsOf(node: any, out: any[] = []): any[] {
  if (Array.isArray(node)) node.forEach((n) => submitsOf(n, out));
  else if (node && typeof node === 'object') {
    if (node.type === 'Action.Submit' && node.data) out.push(node.data);
    for (const v of Object.values(node)) submitsOf(v, out);
  }
  return out;
}

let t: TestBot;
beforeEach(async () => {
  // Thursday 3 July 2025, 10:00 Bogotá.
  t = await startTestBot({ PEI_ADMINS: 'aad-admin', PEI_NOW: '2025-07-03T10:00' });
});
afterEach(() => t.stop());

/** A June 2025 report of 4263 by `who`, waiting for review (stored as the form stores it). */
async function pendingReportBy(who: UserLike): Promise<string> {
  const store = t.bot.services.store;
  const person = { id: who.aadObjectId!, name: who.name };
  await store.setOwners('4263', [person], OFFICE, '2025-07-01T12:00:00.000Z');
  const { record } = await seedJune4263(store, person, { submissionId: `seed-${who.id}`, review: 'pendiente' });
  return record.id;
}

/** The admin opens the list and returns the report with a reason; the admin's card as it is then. */
async function returnIt(reason: string): Promise<string> {
  await t.send(message(t.connector.url, 'reportes por revisar', { from: ADMIN }));
  const list = t.connector.cards(ADMIN_CHAT).at(-1);
  const ret = submitsOf(list).find((d) => d.verb === 'review-return');
  expect(await t.send(submit(t.connector.url, { ...ret, [ret.reasonField]: reason }, { from: ADMIN }))).toBe(200);
  const update = t.connector
    .updates()
    .filter((u) => u.conversationId === ADMIN_CHAT)
    .at(-1);
  return cardText(update?.body.attachments[0].content);
}

const notices = (conv: string) => t.connector.cards(conv).filter((c) => cardText(c).includes('fue devuelto'));

test('an owner with a personal chat is notified, and the admin is told so', async () => {
  await t.send(message(t.connector.url, 'hola', { from: ANA })); // Ana's personal chat with the bot
  await pendingReportBy(ANA);
  const told = await returnIt('La evidencia no muestra el portal publicado en producción.');
  expect(told).toContain('Devolvió el reporte del indicador 4263 de junio de 2025 (v1)');
  expect(told).toContain('Se avisó a Ana Pérez en su chat personal con el bot.');
  // It is true: the notice is in Ana's chat already, with the reason.
  expect(notices(ANA_CHAT)).toHaveLength(1);
  expect(cardText(notices(ANA_CHAT)[0])).toContain('La evidencia no muestra el portal publicado en producción.');
});

test('an owner who never opened a chat: the admin is told it could not be sent; it arrives when they open one', async () => {
  await pendingReportBy(LUIS);
  const told = await returnIt('Falta el acta de publicación del portal en la evidencia.');
  expect(told).toContain('Devolvió el reporte del indicador 4263 de junio de 2025 (v1)');
  expect(told).not.toContain('Se avisó');
  expect(told).toContain(
    'Aún no se pudo avisar a Luis Gómez: no ha abierto un chat con el bot. El aviso le llegará cuando lo abra por primera vez.',
  );
  expect(notices(LUIS_CHAT)).toHaveLength(0);
  // The notice is owed durably (a record in the store), not in the process's memory.
  expect((await t.bot.services.store.sent({ prefix: 'return-owed:' })).map((r) => r.key)).toEqual([
    'return-owed:4263:2025-06:v1',
  ]);

  // Weeks later (past the 14 days returned versions are told for), at night, Luis installs the app: the welcome,
  // then the notice, once.
  const later = new Date('2025-08-20T02:00:00Z'); // 19 August, 21:00 Bogotá
  await t.bot.scheduler.tick(later);
  expect(notices(LUIS_CHAT)).toHaveLength(0);
  t.bot.config.now = later;
  expect(await t.send(installed(t.connector.url, { kind: 'personal' }, LUIS))).toBe(200);
  await t.bot.scheduler.tick(); // waits for the run the new chat woke
  const cards = t.connector.cards(LUIS_CHAT);
  expect(cardText(cards[0])).toContain('Soy el bot del PEI');
  expect(notices(LUIS_CHAT)).toHaveLength(1);
  expect(cardText(notices(LUIS_CHAT)[0])).toContain('Falta el acta de publicación del portal en la evidencia.');
  await t.bot.scheduler.tick();
  expect(notices(LUIS_CHAT)).toHaveLength(1);
});

test('the first message of a person who never installed the app opens the chat and delivers what is owed', async () => {
  await pendingReportBy(LUIS);
  expect(await returnIt('Falta el acta de publicación del portal en la evidencia.')).toContain('Aún no se pudo avisar');
  await t.send(message(t.connector.url, 'hola', { from: LUIS }));
  await t.bot.scheduler.tick();
  expect(notices(LUIS_CHAT)).toHaveLength(1);
});
