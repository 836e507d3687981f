import { startConversation, cardsOf, cardText } from '../helpers/conversation';
import { ANA, LUIS, ADMIN } from '../helpers/activities';
import { FORM_ENTRIES_4263 } from '../helpers/reports';

/** The planning office's commands through the TestAdapter: owners, admins, audit. */

const ENTRIES = FORM_ENTRIES_4263;

const text = async (p: Promise<any[]>) =>
  cardsOf(await p)
    .map(cardText)
    .join('\n');

describe('admin commands (TestAdapter)', () => {
  test('an admin assigns an owner with a Teams mention; the owner can then report', async () => {
    // Outside Teams (TestAdapter) nobody answers the member API: a Teams-shaped mention is stored by its Teams id
    // ("29:…") and matched by it when the person reports. test/http/mention-owner.test.ts covers the lookup in Teams.
    const c = startConversation();
    const answer = await text(c.say('asignar responsable 4263 <at>Ana Pérez</at>', { from: ADMIN, mentions: [ANA] }));
    expect(answer).toContain('Responsables del indicador 4263');
    expect(answer).toContain('Se asignó como responsable a Ana Pérez.');
    expect(await c.store.owners('4263')).toEqual([{ id: '29:ana', name: 'Ana Pérez' }]);
    const audit = await c.store.audit({ target: 'owner:4263' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'owners.set',
      actor: { id: 'aad-admin' },
      before: [],
      after: [{ id: '29:ana' }],
    });
    // a second owner is added beside the first
    await c.say('asignar responsable 4263 <at>Luis Gómez</at>', { from: ADMIN, mentions: [LUIS] });
    expect((await c.store.owners('4263')).map((p) => p.id)).toEqual(['29:ana', '29:luis']);
    // the same again changes nothing
    expect(
      await text(c.say('asignar responsable 4263 <at>Luis Gómez</at>', { from: ADMIN, mentions: [LUIS] })),
    ).toContain('No hubo cambios');
    expect(await c.store.audit({ target: 'owner:4263' })).toHaveLength(2);
    // and removed
    const removed = await text(c.say('quitar responsable 4263 <at>Luis Gómez</at>', { from: ADMIN, mentions: [LUIS] }));
    expect(removed).toContain('Se quitó como responsable a Luis Gómez.');
    expect((await c.store.owners('4263')).map((p) => p.id)).toEqual(['29:ana']);
    // Ana's form now offers 4263
    const form = cardsOf(await c.say('reportar avance', { from: ANA }))[0];
    expect(cardText(form)).toContain('4263 · Portal web');
  });

  test('an admin assigns an owner by e-mail', async () => {
    const c = startConversation();
    const answer = await text(c.say('asignar responsable 4075 Ana.Perez@SecretariaGeneral.gov.co', { from: ADMIN }));
    expect(answer).toContain('ana.perez@secretariageneral.gov.co');
    expect(await c.store.owners('4075')).toEqual([
      {
        id: 'ana.perez@secretariageneral.gov.co',
        name: 'ana.perez@secretariageneral.gov.co',
        email: 'ana.perez@secretariageneral.gov.co',
      },
    ]);
  });

  test('assignment needs an indicator that exists and a person; English works too', async () => {
    const c = startConversation();
    // In a 1:1 chat colleagues cannot be mentioned: the e-mail route is explained; in a group chat, the mention.
    const personal = await text(c.say('asignar responsable 4263', { from: ADMIN }));
    expect(personal).toContain('En este chat personal no se puede mencionar a colegas');
    expect(personal).toContain('«asignar responsable 4263 ana.perez@secretariageneral.gov.co»');
    expect(await text(c.say('asignar responsable 4263', { from: ADMIN, where: { kind: 'groupChat' } }))).toContain(
      'menciónelo con @',
    );
    // "@ana" typed by hand is not a Teams mention: no id to store
    expect(await text(c.say('asignar responsable 4263 @ana', { from: ADMIN }))).toMatch(
      /No reconozco a «@?ana» como una mención de Teams/,
    );
    expect(await text(c.say('asignar responsable 9999 <at>Ana Pérez</at>', { from: ADMIN, mentions: [ANA] }))).toMatch(
      /9999/,
    );
    expect(await c.store.allOwners()).toEqual({});
    const en = await text(
      c.say('assign owner 4263 <at>Ana Pérez</at>', { from: ADMIN, mentions: [ANA], locale: 'en-US' }),
    );
    expect(en).toContain('Owners of indicator 4263');
    expect(en).toContain('Ana Pérez assigned as owner.');
  });

  test('non-admins cannot assign owners, add admins or see the audit', async () => {
    const c = startConversation();
    const es = await text(c.say('asignar responsable 4263 <at>Luis Gómez</at>', { from: ANA, mentions: [LUIS] }));
    expect(es).toContain('Solo para administradores');
    const en = await text(
      c.say('assign owner 4263 <at>Luis Gómez</at>', { from: ANA, mentions: [LUIS], locale: 'en-US' }),
    );
    expect(en).toContain('Administrators only');
    expect(await text(c.say('auditoría', { from: ANA }))).toContain('Solo para administradores');
    expect(await text(c.say('agregar administrador <at>Luis Gómez</at>', { from: ANA, mentions: [LUIS] }))).toContain(
      'Solo para administradores',
    );
    expect(await c.store.allOwners()).toEqual({});
    expect(await c.store.admins()).toEqual([]);
    expect(await c.store.audit()).toHaveLength(0);
  });

  test('admins added by an admin have the same rights; PEI_ADMINS cannot be removed in chat', async () => {
    const c = startConversation();
    const added = await text(c.say('agregar administrador <at>Luis Gómez</at>', { from: ADMIN, mentions: [LUIS] }));
    expect(added).toContain('Luis Gómez ahora es administrador');
    expect(await c.store.admins()).toEqual([{ id: '29:luis', name: 'Luis Gómez' }]);
    expect(await text(c.say('asignar responsable 4263 <at>Ana Pérez</at>', { from: LUIS, mentions: [ANA] }))).toContain(
      'Se asignó como responsable a Ana Pérez.',
    );
    const list = await text(c.say('administradores', { from: LUIS }));
    // PEI_ADMINS holds the id; the card shows the name kept when that admin was seen, never the id.
    expect(list).toContain('Oficina de Planeación');
    expect(list).not.toContain('aad-admin');
    expect(list).toContain('Luis Gómez');
    const en = await text(c.say('add admin <at>Ana Pérez</at>', { from: LUIS, mentions: [ANA], locale: 'en-US' }));
    expect(en).toContain('Ana Pérez is now an administrator');
    // (PEI_ADMINS names the AAD object id, which only Teams' member API ties to a mention: test/http/mention-owner.test.ts.)
    expect(await text(c.say('quitar administrador <at>Luis Gómez</at>', { from: ADMIN, mentions: [LUIS] }))).toContain(
      'Luis Gómez ya no es administrador',
    );
    expect((await c.store.admins()).map((a) => a.id)).toEqual(['29:ana']);
    // objective 10 is still objective 10
    expect(await text(c.say('cómo va el objetivo 10', { from: ANA }))).toContain('Objetivo 10');
  });

  test('"responsables" lists every indicator with its owners', async () => {
    const c = startConversation();
    await c.store.setOwners(
      '4263',
      [{ id: 'aad-ana', name: 'Ana Pérez' }],
      { id: 'aad-admin', name: 'Admin' },
      '2025-07-01T12:00:00Z',
    );
    const list = await text(c.say('responsables', { from: LUIS }));
    expect(list).toContain('1 de 29 indicadores tienen responsable asignado.');
    expect(list).toContain('Ana Pérez');
  });

  test('the audit shows who changed what, with before and after values', async () => {
    const c = startConversation();
    await c.say('asignar responsable 4263 <at>Ana Pérez</at>', { from: ADMIN, mentions: [ANA] });
    for (const value of ['0,3', '0,32']) {
      const form = cardsOf(await c.say('reportar avance', { from: ANA }))[0];
      const submit = form.actions.find((a: any) => a.data?.verb === 'report-submit').data;
      await c.click({ ...submit, ...ENTRIES, value }, { from: ANA });
    }
    const all = await text(c.say('auditoría', { from: ADMIN }));
    expect(all).toContain('3 cambios registrados.');
    expect(all).toContain('Corrección de reporte** · 4263 · junio de 2025 · v2');
    expect(all).toContain('0,3 → 0,32');
    expect(all).toContain('— → 0,3');
    expect(all).toContain('Ana Pérez · 3 de julio de 2025');
    expect(all).toContain('ninguno → Ana Pérez');
    const one = await text(c.say('auditoría 4263', { from: ADMIN }));
    expect(one).toContain('Auditoría del indicador 4263');
    expect(one).toContain('3 cambios registrados.');
    expect(await text(c.say('auditoría 4075', { from: ADMIN }))).toContain('No hay cambios registrados.');
    const en = await text(c.say('audit log', { from: ADMIN, locale: 'en-US' }));
    expect(en).toContain('Report correction** · 4263 · June 2025 · v2');
    expect(en).toContain('0.3 → 0.32');
  });
});
