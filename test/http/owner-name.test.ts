import { startTestBot, type TestBot } from '../helpers/bot';
import { message, searchQuery, ADMIN, ANA, LUIS, type UserLike } from '../helpers/activities';
import { cardText } from '../helpers/conversation';

/**
 * Issue 28: an owner assigned by e-mail is shown to other people by name, never by the address. The bot asks Teams
 * for the person behind the e-mail when it is assigned (the member API takes a UPN); where Teams cannot tell (not a
 * member of the conversation the admin wrote in), other people read «responsable por confirmar» («owner to be
 * confirmed») in «responsables», on the indicator card and in search results, and only admins see the address,
 * until that person writes to the bot (Teams then tells the bot their e-mail, and their name replaces it).
 */

const LUIS_EMAIL = 'luis.gomez@secretariageneral.gov.co';
const ANA_EMAIL = 'ana.perez@secretariageneral.gov.co';
const TEAM = '19:pei-team@thread.tacv2';
const IN_TEAM = { kind: 'channel' as const, team: TEAM };

let t: TestBot;
beforeEach(async () => {
  t = await startTestBot({ PEI_ADMINS: 'aad-admin', PEI_NOW: '2025-07-03', PEI_API_TOKEN: 'owner-name-token' });
});
afterEach(() => t.stop());

/** Sends a message and returns the text of the card the bot answered with. */
async function ask(text: string, from: UserLike, opts: { where?: any; locale?: string } = {}): Promise<string> {
  const before = t.connector.cards().length;
  expect(await t.send(message(t.connector.url, text, { from, ...opts }))).toBe(200);
  await t.connector.waitFor(before + 1, (r) => r.method === 'POST' && /activities/.test(r.path));
  return cardText(t.connector.cards().at(-1));
}

/** The card of the message extension's first result for `query`, as Teams would insert it. */
async function searchCard(query: string, from: UserLike, locale = 'es-CO'): Promise<string> {
  const { status, body } = await t.invoke(searchQuery(t.connector.url, query, { from, where: 'groupChat', locale }));
  expect(status).toBe(200);
  return cardText(body.composeExtension.attachments[0].content);
}

test('assigned by e-mail in a team where the person is a member: Teams gives the name, which everyone reads', async () => {
  t.connector.members[LUIS_EMAIL] = { aadObjectId: 'aad-luis', name: 'Luis Gómez', email: LUIS_EMAIL };
  const answer = await ask(`asignar responsable 4263 ${LUIS_EMAIL}`, ADMIN, { where: IN_TEAM });
  expect(answer).toContain('Se asignó como responsable a Luis Gómez.');
  // Teams was asked for the address in the team the message came from.
  const lookups = t.connector.received.filter((r) => r.method === 'GET' && /\/members\//.test(r.path));
  expect(lookups.map((r) => decodeURIComponent(r.path))).toEqual([`/v3/conversations/${TEAM}/members/${LUIS_EMAIL}`]);
  expect(await t.bot.services.store.owners('4263')).toEqual([
    { id: 'aad-luis', name: 'Luis Gómez', email: LUIS_EMAIL, teamsId: '29:aad-luis' },
  ]);

  const owners = await ask('responsables', ANA);
  expect(owners).toMatch(/\*\*4263\*\*[^\n]*\nLuis Gómez\n/);
  expect(owners).not.toContain('@');
  const detail = await ask('indicador 4263', ANA);
  expect(detail).toMatch(/Responsable\nLuis Gómez/);
  expect(detail).not.toContain(LUIS_EMAIL);
  const found = await searchCard('4263', ANA);
  expect(found).toContain('Luis Gómez');
  expect(found).not.toContain(LUIS_EMAIL);
  // He is recognised as the owner when he reports (by his AAD object id now).
  expect(await ask('reportar avance', LUIS)).toContain('4263');
});

test('assigned by an e-mail Teams cannot tell: others read «responsable por confirmar», admins the address', async () => {
  // In the admin's personal chat Ana is not a member: Teams answers 404 for her address.
  const answer = await ask(`asignar responsable 4263 ${ANA_EMAIL}`, ADMIN);
  expect(answer).toMatch(/Responsables del indicador 4263[\s\S]*\*\*responsable por confirmar\*\*\nana\.perez@/);
  expect(await t.bot.services.store.owners('4263')).toEqual([{ id: ANA_EMAIL, name: ANA_EMAIL, email: ANA_EMAIL }]);

  const owners = await ask('responsables', LUIS);
  expect(owners).toMatch(/\*\*4263\*\*[^\n]*\nresponsable por confirmar\n/);
  expect(owners).not.toContain('@');
  expect(await ask('responsables 4263', LUIS)).not.toContain('@');
  const detail = await ask('indicador 4263', LUIS);
  expect(detail).toMatch(/Responsable\nresponsable por confirmar/);
  expect(detail).not.toContain('@');
  expect(await ask('owners', LUIS, { locale: 'en-US' })).toMatch(/\*\*4263\*\*[^\n]*\nowner to be confirmed\n/);
  expect(await ask('indicator 4263', LUIS, { locale: 'en-US' })).toMatch(/owner to be confirmed/);
  const found = await searchCard('4263', LUIS);
  expect(found).toContain('responsable por confirmar');
  expect(found).not.toContain('@');
  expect(await searchCard('indicator 4263', LUIS, 'en-US')).toContain('owner to be confirmed');

  // The read API (dashboards, the Copilot agent) says the same.
  const status = await t.get('/api/v1/status', { Authorization: 'Bearer owner-name-token' });
  const row = status.body.objectives.flatMap((o: any) => o.indicators).find((i: any) => i.id === '4263');
  expect(row.owner).toBe('responsable por confirmar');

  // An admin sees whom it is still to confirm.
  expect(await ask('responsables', ADMIN)).toContain(`responsable por confirmar (${ANA_EMAIL})`);

  // Ana writes to the bot: Teams tells her e-mail, and her name replaces the address; she is still the owner.
  t.connector.emails[ANA.id] = ANA_EMAIL;
  expect(await ask('reportar avance', ANA)).toContain('4263');
  expect(await t.bot.services.store.owners('4263')).toEqual([
    { id: ANA.aadObjectId, name: 'Ana Pérez', email: ANA_EMAIL, teamsId: ANA.id },
  ]);
  expect(await ask('responsables', LUIS)).toMatch(/\*\*4263\*\*[^\n]*\nAna Pérez\n/);
  expect(await searchCard('4263', LUIS)).toContain('Ana Pérez');
});
