import { startTestBot, type TestBot } from '../helpers/bot';
import { message, submit, ANA, ADMIN, LUIS } from '../helpers/activities';
import { cardText } from '../helpers/conversation';
import { FORM_ENTRIES_4263 } from '../helpers/reports';

/**
 * The planning office's cycle through the real server, with Teams-shaped activities and a stand-in connector:
 * an owner reports → pendiente → returned (the figures drop, the owner is told in their personal chat) →
 * corrected from the notice's button → approved (the figures are back), with a non-admin's replayed approve and
 * return refused and nothing changed.
 */

const TOKEN = 'token-de-prueba';
const auth = { Authorization: `Bearer ${TOKEN}` };
const ANA_CHAT = 'a:personal-aad-ana';
const ADMIN_CHAT = 'a:personal-aad-admin';
const LUIS_CHAT = 'a:personal-aad-luis';

/** Every Action.Submit's data in a card, nested ShowCards included. */
function submitsOf(node: any, out: any[] = []): any[] {
  if (Array.isArray(node)) node.forEach((n) => submitsOf(n, out));
  else if (node && typeof node === 'object') {
    if (node.type === 'Action.Submit' && node.data) out.push(node.data);
    for (const v of Object.values(node)) submitsOf(v, out);
  }
  return out;
}

/** Every Input's id → value in a card. */
function inputsOf(node: any, out: Record<string, unknown> = {}): Record<string, unknown> {
  if (Array.isArray(node)) node.forEach((n) => inputsOf(n, out));
  else if (node && typeof node === 'object') {
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && node.id) out[node.id] = node.value;
    for (const v of Object.values(node)) inputsOf(v, out);
  }
  return out;
}

describe('the review cycle over HTTP', () => {
  let t: TestBot;
  beforeAll(async () => {
    // Thursday 3 July 2025, 10:00 Bogotá: a business day, inside business hours.
    t = await startTestBot({ PEI_API_TOKEN: TOKEN, PEI_ADMINS: 'aad-admin', PEI_NOW: '2025-07-03T10:00' });
    // What Teams' member API answers for the people of this test (the bot learns e-mails from it).
    t.connector.emails['29:ana'] = 'ana.perez@secretariageneral.gov.co';
    t.connector.emails['29:admin'] = 'planeacion@secretariageneral.gov.co';
  });
  afterAll(() => t.stop());

  const status = async () => (await t.get('/api/v1/status?year=2025&asOf=2025-07-03', auth)).body;
  const ind4263 = async () => (await status()).objectives[4].indicators[0];
  const reportsApi = async () => (await t.get('/api/v1/reports?indicator=4263&year=2025', auth)).body.reports;
  const lastCard = (conv: string) => t.connector.cards(conv).at(-1);
  const lastUpdate = (conv: string) =>
    t.connector
      .updates()
      .filter((u) => u.conversationId === conv)
      .at(-1)?.body.attachments[0].content;
  const say = (text: string, from: typeof ANA) => t.send(message(t.connector.url, text, { from }));
  const click = (value: Record<string, unknown>, from: typeof ANA, replyToId = 'card-1') =>
    t.send(submit(t.connector.url, value, { from, replyToId }));

  test('report → pendiente → returned → corrected → approved; a non-admin cannot review', async () => {
    const store = t.bot.services.store;
    expect(await say('asignar responsable 4263 <at>Ana Pérez</at>', ADMIN)).toBe(200);
    // (mentions need the entity: send it as Teams does)
    await t.send(
      message(t.connector.url, 'asignar responsable 4263 <at>Ana Pérez</at>', { from: ADMIN, mentions: [ANA] }),
    );
    expect((await store.owners('4263')).map((p) => p.id)).toEqual(['aad-ana']);

    // 1. Ana reports: the version enters «por revisar» and counts.
    expect(await say('reportar avance', ANA)).toBe(200);
    const form = submitsOf(lastCard(ANA_CHAT)).find((d) => d.verb === 'report-submit');
    expect(await click({ ...form, ...FORM_ENTRIES_4263 }, ANA, 'form-1')).toBe(200);
    expect(cardText(lastUpdate(ANA_CHAT))).toContain('⏳ por revisar');
    expect(cardText(lastUpdate(ANA_CHAT))).toContain('75,0\u00a0%'); // the confirmation carries the new figure
    expect(await ind4263()).toMatchObject({ executed: 0.3, progress: 0.75, unreviewed: ['2025-06'] });
    expect(await reportsApi()).toEqual([
      expect.objectContaining({
        indicator: '4263',
        period: '2025-06',
        version: 1,
        value: 0.3,
        source: 'teams',
        review: 'pendiente',
        reviewedBy: null,
        reviewedAt: null,
        reviewNote: null,
        reportedBy: { id: 'aad-ana', name: 'Ana Pérez', email: 'ana.perez@secretariageneral.gov.co' },
      }),
    ]);
    // The objective card shows it too.
    expect(await say('¿cómo va el objetivo 5?', ANA)).toBe(200);
    expect(cardText(lastCard(ANA_CHAT))).toContain('🔎 Por revisar: jun. 2025');

    // 2. The admin opens «reportes por revisar»: the figure, the texts, the evidence link, Aprobar and Devolver.
    expect(await say('reportes por revisar', ADMIN)).toBe(200);
    const list = lastCard(ADMIN_CHAT);
    const listText = cardText(list);
    expect(listText).toContain('Reportes por revisar');
    expect(listText).toContain('4263');
    expect(listText).toContain('0,3');
    expect(listText).toContain(FORM_ENTRIES_4263.logros);
    expect(listText).toContain(FORM_ENTRIES_4263.evidencia);
    const approve1 = submitsOf(list).find((d) => d.verb === 'review-approve');
    const return1 = submitsOf(list).find((d) => d.verb === 'review-return');
    expect(approve1).toMatchObject({ reportId: '4263:2025-06:v1' });

    // A non-admin replaying the admin's payloads (even claiming to be admin) is refused; nothing changes.
    const auditBefore = (await store.audit()).length;
    expect(await click({ ...approve1, isAdmin: true, admin: true }, LUIS)).toBe(200);
    expect(cardText(lastCard(LUIS_CHAT))).toContain('Solo la Oficina Asesora de Planeación');
    expect(await click({ ...return1, [return1.reasonField]: 'No me gusta este reporte para nada' }, ANA)).toBe(200);
    expect(cardText(lastCard(ANA_CHAT))).toContain('Solo la Oficina Asesora de Planeación');
    expect(await store.audit()).toHaveLength(auditBefore);
    expect((await reportsApi())[0].review).toBe('pendiente');

    // A return needs a reason of at least 10 characters.
    expect(await click({ ...return1, [return1.reasonField]: 'mal' }, ADMIN)).toBe(200);
    expect(cardText(lastCard(ADMIN_CHAT))).toContain('al menos 10 caracteres');
    expect((await reportsApi())[0].review).toBe('pendiente');

    // 3. The admin returns it: it stops counting, the list is drawn again, the owner is told.
    const reason = 'La evidencia no muestra el portal publicado; adjunta el acta de publicación.';
    expect(await click({ ...return1, [return1.reasonField]: reason }, ADMIN, 'list-1')).toBe(200);
    expect(cardText(lastUpdate(ADMIN_CHAT))).toContain('Devolvió el reporte del indicador 4263 de junio de 2025 (v1)');
    // Ana has a personal chat with the bot: the notice went out within the admin's turn, and the admin is told so.
    expect(cardText(lastUpdate(ADMIN_CHAT))).toContain('Se avisó a Ana Pérez en su chat personal con el bot.');
    expect(cardText(lastUpdate(ADMIN_CHAT))).toContain('No hay reportes por revisar');
    expect(await ind4263()).toMatchObject({ executed: null, progress: null, status: 'sin-datos', unreviewed: [] });
    expect((await status()).objectives[4].progress).toBeNull();
    expect(await reportsApi()).toEqual([
      expect.objectContaining({
        version: 1,
        review: 'devuelto',
        reviewedBy: { id: 'aad-admin', name: 'Oficina de Planeación', email: 'planeacion@secretariageneral.gov.co' },
        reviewNote: reason,
        reviewedAt: expect.any(String),
      }),
    ]);
    await t.bot.scheduler.tick(); // waits for the run the return woke
    const notice = t.connector.cards(ANA_CHAT).find((c) => cardText(c).includes('fue devuelto'));
    expect(notice).toBeDefined();
    expect(cardText(notice)).toContain('Su reporte del indicador 4263 de junio de 2025 fue devuelto');
    expect(cardText(notice)).toContain(reason);
    expect(t.connector.cards(ANA_CHAT).filter((c) => cardText(c).includes('fue devuelto'))).toHaveLength(1);
    await t.bot.scheduler.tick();
    expect(t.connector.cards(ANA_CHAT).filter((c) => cardText(c).includes('fue devuelto'))).toHaveLength(1); // once

    // 4. Ana's button opens the form for that month, filled with what was returned; she corrects it.
    const fix = submitsOf(notice).find((d) => d.verb === 'report-fix');
    expect(await click(fix, ANA)).toBe(200);
    const fixForm = lastCard(ANA_CHAT);
    expect(cardText(fixForm)).toContain(reason);
    expect(inputsOf(fixForm)).toMatchObject({
      indicatorId: '4263',
      period: '2025-06',
      value: '0,3',
      logros: FORM_ENTRIES_4263.logros,
      evidencia: FORM_ENTRIES_4263.evidencia,
    });
    const fixSubmit = submitsOf(fixForm).find((d) => d.verb === 'report-submit');
    expect(
      await click(
        {
          ...fixSubmit,
          ...FORM_ENTRIES_4263,
          value: '0,35',
          evidencia: 'https://intranet.secretariageneral.gov.co/pei/4263/acta-publicacion',
        },
        ANA,
        'form-2',
      ),
    ).toBe(200);
    expect(cardText(lastUpdate(ANA_CHAT))).toContain('Corrección registrada (v2)');
    expect(await ind4263()).toMatchObject({ executed: 0.35, unreviewed: ['2025-06'] });

    // The old buttons are stale: v1 cannot be approved any more.
    expect(await click(approve1, ADMIN)).toBe(200);
    expect(cardText(lastUpdate(ADMIN_CHAT))).toContain('versión más reciente (v2)');

    // 5. The admin approves v2 from a fresh list; a non-admin's replay of that approve changes nothing.
    expect(await say('reportes por revisar', ADMIN)).toBe(200);
    const approve2 = submitsOf(lastCard(ADMIN_CHAT)).find((d) => d.verb === 'review-approve');
    expect(approve2).toMatchObject({ reportId: '4263:2025-06:v2' });
    expect(await click(approve2, LUIS)).toBe(200);
    expect((await reportsApi())[1].review).toBe('pendiente');
    expect(await click(approve2, ADMIN, 'list-2')).toBe(200);
    expect(cardText(lastUpdate(ADMIN_CHAT))).toContain('Aprobó el reporte del indicador 4263 de junio de 2025 (v2)');
    const after = await ind4263();
    expect(after).toMatchObject({ executed: 0.35, unreviewed: [] });
    expect(after.progress).toBeCloseTo(0.875, 4);
    const auditCount = (await store.audit()).length;
    expect(await click(approve2, LUIS)).toBe(200);
    expect(
      await click(
        { verb: 'review-return', reportId: '4263:2025-06:v2', reason: 'Un intento de devolver sin ser admin' },
        LUIS,
      ),
    ).toBe(200);
    expect(cardText(lastCard(LUIS_CHAT))).toContain('Solo la Oficina Asesora de Planeación');
    expect(await store.audit()).toHaveLength(auditCount);

    expect((await reportsApi()).map((r: any) => [r.version, r.value, r.review, r.reviewedBy?.id ?? null])).toEqual([
      [1, 0.3, 'devuelto', 'aad-admin'],
      [2, 0.35, 'aprobado', 'aad-admin'],
    ]);
    expect((await store.audit({ target: 'report:4263:2025-06' })).map((e) => [e.action, e.actor.id])).toEqual([
      ['report.create', 'aad-ana'],
      ['report.return', 'aad-admin'],
      ['report.correct', 'aad-ana'],
      ['report.approve', 'aad-admin'],
    ]);
    // The card shows the approved figure without the «por revisar» mark.
    expect(await say('indicador 4263', ADMIN)).toBe(200);
    const card = cardText(lastCard(ADMIN_CHAT));
    expect(card).toContain('0,35');
    expect(card).not.toContain('por revisar');
  }, 60_000);

  test('the reports API: bearer token, filters, clear errors', async () => {
    expect((await t.get('/api/v1/reports')).status).toBe(401);
    const bad = await t.get('/api/v1/reports?indicator=9999', auth);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('9999');
    const en = await t.get('/api/v1/reports?year=20x5', { ...auth, 'Accept-Language': 'en' });
    expect(en.status).toBe(400);
    expect(en.body.error.message).toContain('year must be');
    expect((await t.get('/api/v1/reports?year=2024', auth)).body).toEqual({ reports: [] });
    const all = (await t.get('/api/v1/reports', auth)).body.reports;
    expect(all.map((r: any) => r.reportedAt)).toEqual([...all.map((r: any) => r.reportedAt)].sort());
  });
});
