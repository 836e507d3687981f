import { startTestBot, type TestBot } from '../helpers/bot';
import { message, searchQuery, ADMIN, ANA, LUIS } from '../helpers/activities';
import { cardText } from '../helpers/conversation';

/**
 * Issue 24, point 4: an owner assigned by e-mail is recognised on every path, the message extension's opening list
 * included (it learns the e-mail from Teams like the chat does), and a failed e-mail look-up is tried again on the
 * next activity (only successes are kept).
 */

let t: TestBot;
beforeEach(async () => {
  t = await startTestBot({ PEI_ADMINS: 'aad-admin', PEI_NOW: '2025-07-03' });
  t.connector.emails[ANA.id] = 'ana.perez@secretariageneral.gov.co';
  t.connector.emails[LUIS.id] = 'luis.gomez@secretariageneral.gov.co';
});
afterEach(() => t.stop());

/** Opening the message extension (Teams' initialRun) from a group chat, as Teams posts it. */
const openSearch = (from: typeof ANA) => searchQuery(t.connector.url, null, { from, where: 'groupChat' });
const titles = (body: any): string[] =>
  body.composeExtension.attachments.map((a: any) => a.preview.content.title.split(' · ')[0]);

async function assignByEmail(id: string, email: string): Promise<void> {
  await t.send(message(t.connector.url, `asignar responsable ${id} ${email}`, { from: ADMIN }));
  expect((await t.bot.services.store.owners(id)).map((p) => p.email)).toEqual([email]);
}

test("the message extension's opening list shows the indicators of an owner assigned by e-mail", async () => {
  await assignByEmail('4263', 'ana.perez@secretariageneral.gov.co');
  // Ana never wrote to the bot: the message extension is the first thing she uses.
  const { status, body } = await t.invoke(openSearch(ANA));
  expect(status).toBe(200);
  expect(titles(body)).toEqual(['4263']);
  expect(body.composeExtension.attachments[0].preview.content.subtitle).toMatch(/Por reportar: junio de 2025/);
  // Someone who owns nothing gets the plan's objectives.
  expect(titles((await t.invoke(openSearch(LUIS))).body)[0]).toBe('Objetivo 1');
});

test('a failed e-mail look-up is not remembered: the next message asks Teams again and the owner is recognised', async () => {
  await assignByEmail('4263', 'luis.gomez@secretariageneral.gov.co');
  const LUIS_CHAT = 'a:personal-aad-luis';
  // Teams does not answer for Luis (a 404 from the member API): he is not recognised as the owner, this time.
  t.connector.unknownMembers.add(LUIS.id);
  await t.send(message(t.connector.url, 'reportar avance', { from: LUIS }));
  expect(cardText(t.connector.cards(LUIS_CHAT).at(-1))).not.toContain('4263');
  // Teams answers again: the very next message is recognised, without a restart.
  t.connector.unknownMembers.delete(LUIS.id);
  await t.send(message(t.connector.url, 'reportar avance', { from: LUIS }));
  expect(cardText(t.connector.cards(LUIS_CHAT).at(-1))).toContain('4263');
  expect((await t.bot.services.store.conversation(LUIS_CHAT))?.email).toBe('luis.gomez@secretariageneral.gov.co');
});

test('Teams is asked for a person once: the e-mail is stored beside their chat and read from there, after a restart too', async () => {
  await assignByEmail('4263', 'luis.gomez@secretariageneral.gov.co');
  const LUIS_CHAT = 'a:personal-aad-luis';
  const lookups = () =>
    t.connector.received.filter((r) => r.method === 'GET' && decodeURIComponent(r.path).endsWith(`/members/${LUIS.id}`))
      .length;
  for (let i = 0; i < 2; i++) {
    await t.send(message(t.connector.url, 'reportar avance', { from: LUIS }));
    expect(cardText(t.connector.cards(LUIS_CHAT).at(-1))).toContain('4263');
  }
  expect(lookups()).toBe(1);
  // Another process on the same store (here: the bot started again) knows him without asking Teams. Its connector
  // is at another address, so his chat's record is saved again with the new service URL: the e-mail stays in it.
  const { dbFile } = t;
  await t.stop();
  t = await startTestBot({ PEI_ADMINS: 'aad-admin', PEI_NOW: '2025-07-03' }, { dbFile });
  await t.send(message(t.connector.url, 'reportar avance', { from: LUIS }));
  expect(cardText(t.connector.cards(LUIS_CHAT).at(-1))).toContain('4263');
  expect(lookups()).toBe(0);
});
