import { startTestBot, type TestBot } from '../helpers/bot';
import { message, ADMIN, LUIS } from '../helpers/activities';
import { cardText } from '../helpers/conversation';

/** Owners assigned by email are recognised through Teams (the member's email), not the activity. */

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ PEI_ADMINS: 'aad-admin', PEI_NOW: '2025-07-03' });
  t.connector.emails[LUIS.id] = 'luis.gomez@secretariageneral.gov.co';
});
afterAll(() => t.stop());

test('an admin assigns 4263 to an email; that person then sees 4263 in the report form', async () => {
  await t.send(
    message(t.connector.url, 'asignar responsable 4263 luis.gomez@secretariageneral.gov.co', { from: ADMIN }),
  );
  await t.connector.waitFor(1, (r) => r.method === 'POST');
  expect(await t.bot.services.store.owners('4263')).toEqual([
    expect.objectContaining({ email: 'luis.gomez@secretariageneral.gov.co' }),
  ]);

  t.connector.clear();
  await t.send(message(t.connector.url, 'reportar avance', { from: LUIS }));
  await t.connector.waitFor(1, (r) => r.method === 'POST' && /activities/.test(r.path));
  const form = cardText(t.connector.cards()[0]);
  expect(form).toContain('4263');
  expect(form).not.toContain('4267');
});

test('an owner assigned by email gets the reminder in the personal chat they opened with the bot', async () => {
  // Luis has talked to the bot in his personal chat (previous test): Teams told us his email there.
  const chat = (await t.bot.services.store.conversations()).find(
    (c) => c.scope === 'personal' && c.userId === LUIS.aadObjectId,
  );
  expect(chat?.email).toBe('luis.gomez@secretariageneral.gov.co');
  t.connector.clear();
  // June 2025 is due on 7 July; 4 July 08:30 Bogotá is 3 days before.
  await t.bot.scheduler.tick(new Date('2025-07-04T13:30:00Z'));
  const posted = t.connector.cards(chat!.key);
  expect(posted).toHaveLength(1);
  expect(cardText(posted[0])).toContain('4263');
});
