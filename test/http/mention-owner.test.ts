import { startTestBot, type TestBot } from '../helpers/bot';
import { message, submit, type UserLike } from '../helpers/activities';
import { cardText } from '../helpers/conversation';
import { FORM_ENTRIES_4263 } from '../helpers/reports';

/**
 * Owners assigned by @mention, over HTTP, with mentions shaped as Teams sends them: `mentioned` holds the Teams user
 * id ("29:…") and the name only. The bot looks the person up in Teams (GET /v3/conversations/{id}/members/{userId}
 * on the serviceUrl, answered here by the stand-in connector as Teams does) and stores the AAD object id, the e-mail
 * and the Teams id, so the owner is recognised when they then report from their personal chat.
 */

const TEAM = '19:pei-team@thread.tacv2';
const ANA: UserLike = {
  id: '29:1mXq8vN3-ana-teams-id',
  name: 'Ana Pérez',
  aadObjectId: '5f0c9a7e-2b1d-4c3e-9f8a-7d6b5c4a3e21',
};
const ADMIN: UserLike = {
  id: '29:1pQr7-admin-teams-id',
  name: 'Oficina Asesora de Planeación',
  aadObjectId: 'b2d4f6a8-1c3e-4a5b-8d7f-9e0a1b2c3d4e',
};
const ANA_EMAIL = 'ana.perez@secretariageneral.gov.co';

/** The submit data of the last report form the bot sent to a conversation. */
function lastForm(t: TestBot, conversationId: string): Record<string, unknown> {
  const forms = t.connector
    .cards(conversationId)
    .filter((c) => c.actions?.some((a: any) => a.data?.verb === 'report-submit'));
  if (!forms.length) throw new Error(`no form sent to ${conversationId}`);
  return forms[forms.length - 1].actions.find((a: any) => a.data?.verb === 'report-submit').data;
}

describe('an owner assigned by a Teams @mention reports (HTTP)', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ PEI_ADMINS: ADMIN.aadObjectId!, PEI_NOW: '2025-07-03' });
    t.connector.members[ANA.id] = { aadObjectId: ANA.aadObjectId!, name: ANA.name, email: ANA_EMAIL };
    t.connector.members[ADMIN.id] = {
      aadObjectId: ADMIN.aadObjectId!,
      name: ADMIN.name,
      email: 'planeacion@secretariageneral.gov.co',
    };
  });
  afterAll(() => t.stop());

  test('the mention is resolved through the member API; the stored owner carries every id; she then reports', async () => {
    const url = t.connector.url;
    const where = { kind: 'channel' as const, team: TEAM };
    const assign = message(url, 'asignar responsable 4263 <at>Ana Pérez</at>', { from: ADMIN, where, mentions: [ANA] });
    // exactly what Teams puts in the activity: no aadObjectId in the mention
    expect(assign.entities.find((e: any) => e.mentioned.id === ANA.id)).toEqual({
      type: 'mention',
      text: '<at>Ana Pérez</at>',
      mentioned: { id: ANA.id, name: ANA.name },
    });
    expect(await t.send(assign)).toBe(200);
    await t.connector.waitFor(1, (r) => r.method === 'POST' && /activities/.test(r.path));

    // the bot asked Teams who "29:…" is, in the team the message came from
    const lookups = t.connector.received.filter((r) => r.method === 'GET' && r.path.endsWith(`/members/${ANA.id}`));
    expect(lookups).toHaveLength(1);
    expect(lookups[0].path).toBe(`/v3/conversations/${TEAM}/members/${ANA.id}`);
    const reply = cardText(t.connector.cards().at(-1));
    expect(reply).toContain('Responsables del indicador 4263');
    expect(reply).toContain('Se asignó como responsable a Ana Pérez.');
    expect(await t.bot.services.store.owners('4263')).toEqual([
      { id: ANA.aadObjectId, name: 'Ana Pérez', email: ANA_EMAIL, teamsId: ANA.id },
    ]);

    // Ana, in her personal chat (Teams sends her AAD object id in `from`), gets 4263 in the form and reports
    t.connector.clear();
    expect(await t.send(message(url, 'reportar avance', { from: ANA }))).toBe(200);
    const personal = `a:personal-${ANA.aadObjectId}`;
    const form = lastForm(t, personal);
    const formText = cardText(t.connector.cards(personal).at(-1));
    expect(formText).toContain('4263');
    expect(formText).not.toContain('Solo para');
    expect(await t.send(submit(url, { ...form, ...FORM_ENTRIES_4263 }, { from: ANA, replyToId: 'form-1' }))).toBe(200);
    expect(cardText(t.connector.updates().at(-1)!.body.attachments[0].content)).toContain('✅ Reporte registrado');
    const stored = (await t.bot.services.store.reports()).filter((r) => r.indicatorId === '4263');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      period: '2025-06',
      value: 0.3,
      author: { id: ANA.aadObjectId, name: 'Ana Pérez' },
    });
  });

  test('a person known only by the Teams id (the directory did not answer) is still recognised by it', async () => {
    const url = t.connector.url;
    const LUIS: UserLike = {
      id: '29:1zz-luis-teams-id',
      name: 'Luis Gómez',
      aadObjectId: 'c3e5a7b9-0d2f-4b6c-8e1a-2f3a4b5c6d7e',
    };
    t.connector.unknownMembers.add(LUIS.id);
    expect(
      await t.send(
        message(url, 'asignar responsable 4236 <at>Luis Gómez</at>', {
          from: ADMIN,
          where: { kind: 'channel', team: TEAM },
          mentions: [LUIS],
        }),
      ),
    ).toBe(200);
    expect(await t.bot.services.store.owners('4236')).toEqual([{ id: LUIS.id, name: 'Luis Gómez' }]);
    t.connector.clear();
    expect(await t.send(message(url, 'reportar avance', { from: LUIS }))).toBe(200);
    expect(cardText(t.connector.cards(`a:personal-${LUIS.aadObjectId}`).at(-1))).toContain('4236');
  });

  test('a configured admin (PEI_ADMINS = AAD object id) named by mention is recognised as configured', async () => {
    const url = t.connector.url;
    const answer = async (text: string, who: UserLike, mentions: UserLike[]) => {
      t.connector.clear();
      expect(await t.send(message(url, text, { from: who, where: { kind: 'channel', team: TEAM }, mentions }))).toBe(
        200,
      );
      await t.connector.waitFor(1, (r) => r.method === 'POST' && /activities/.test(r.path));
      return cardText(t.connector.cards().at(-1));
    };
    expect(await answer('agregar administrador <at>Ana Pérez</at>', ADMIN, [ANA])).toContain(
      'Ana Pérez ahora es administrador',
    );
    expect(await t.bot.services.store.admins()).toEqual([
      { id: ANA.aadObjectId, name: 'Ana Pérez', email: ANA_EMAIL, teamsId: ANA.id },
    ]);
    expect(await answer('quitar administrador <at>Oficina Asesora de Planeación</at>', ANA, [ADMIN])).toContain(
      'por configuración (PEI_ADMINS)',
    );
  });
});
