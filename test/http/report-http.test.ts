import * as fs from 'node:fs';
import { startTestBot, type TestBot } from '../helpers/bot';
import { message, submit, ANA, ADMIN } from '../helpers/activities';
import { cardText } from '../helpers/conversation';
import { openLowdbStore, storeFiles } from '../../src/store/lowdb-store';
import { loadPlan } from '../../src/plan/load';
import { FORM_ENTRIES_4263 } from '../helpers/reports';

/** Reports over HTTP: the real restify server and teams-ai app, a durable lowdb store, a stand-in Bot Connector. */

const TOKEN = 'token-de-prueba';
const auth = { Authorization: `Bearer ${TOKEN}` };
const ENTRIES = FORM_ENTRIES_4263;

function inConversation(activity: any, id: string): any {
  activity.conversation = { ...activity.conversation, id };
  return activity;
}

/** The submit data (verb, formId, lang) of the last form the bot sent to a conversation. */
function lastForm(t: TestBot, conversationId: string): Record<string, unknown> {
  const forms = t.connector
    .cards(conversationId)
    .filter((c) => c.actions?.some((a: any) => a.data?.verb === 'report-submit'));
  if (!forms.length) throw new Error(`no form sent to ${conversationId}`);
  return forms[forms.length - 1].actions.find((a: any) => a.data?.verb === 'report-submit').data;
}

describe('an owner reports over HTTP', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ PEI_API_TOKEN: TOKEN, PEI_ADMINS: 'aad-admin', PEI_NOW: '2025-07-03' });
  });
  afterAll(() => t.stop());

  test("the submit changes the read API's figures for the indicator and objective 5, and the audit shows it", async () => {
    const url = t.connector.url;
    const status = async () => (await t.get('/api/v1/status?year=2025&asOf=2025-07-03', auth)).body;
    const before = await status();
    const o5before = before.objectives[4];
    expect(o5before.indicators[0]).toMatchObject({ id: '4263', executed: null, progress: null, status: 'sin-datos' });
    expect(o5before.progress).toBeNull();

    // the admin assigns Ana with a Teams mention
    expect(
      await t.send(
        inConversation(
          message(url, 'asignar responsable 4263 <at>Ana Pérez</at>', { from: ADMIN, mentions: [ANA] }),
          'conv-admin',
        ),
      ),
    ).toBe(200);
    expect(cardText(t.connector.cards('conv-admin').at(-1))).toContain('Se asignó como responsable a Ana Pérez.');

    // Ana asks for the form and submits it
    expect(await t.send(inConversation(message(url, 'reportar avance', { from: ANA }), 'conv-ana'))).toBe(200);
    const form = lastForm(t, 'conv-ana');
    expect(
      await t.send(
        inConversation(submit(url, { ...form, ...ENTRIES }, { from: ANA, replyToId: 'form-activity-1' }), 'conv-ana'),
      ),
    ).toBe(200);
    const update = t.connector.updates().find((u) => u.conversationId === 'conv-ana');
    expect(update?.path).toMatch(/\/v3\/conversations\/conv-ana\/activities\/form-activity-1$/);
    expect(cardText(update!.body.attachments[0].content)).toContain('✅ Reporte registrado');
    expect(cardText(t.connector.cards('conv-ana').at(-1))).toContain('75,0\u00a0%');

    const after = await status();
    const o5 = after.objectives[4];
    expect(o5.indicators[0]).toMatchObject({
      id: '4263',
      executed: 0.3,
      progress: 0.75,
      cumulative: 0.3,
      lastReport: '2025-06',
      status: 'verde',
    });
    expect(o5.indicators[0].owner).toContain('Ana Pérez');
    // objective 5: 0.5·0.75 / (0.5 + 0.25 + 0.25) = 0.375
    expect(o5.progress).toBe(0.375);
    expect(after.plan.progress).not.toEqual(before.plan.progress);

    // the audit, as the admin sees it in chat and as the store holds it
    expect(await t.send(inConversation(message(url, 'auditoría 4263', { from: ADMIN }), 'conv-admin'))).toBe(200);
    const audit = cardText(t.connector.cards('conv-admin').at(-1));
    expect(audit).toContain('Auditoría del indicador 4263');
    expect(audit).toContain('— → 0,3');
    expect(audit).toContain('Ana Pérez');
    const entries = await t.bot.services.store.audit({ target: 'report:4263:' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'report.create',
      actor: { id: 'aad-ana' },
      after: { value: 0.3, submissionId: `aad-ana:${form.formId}` },
    });

    // a replayed POST of the same submit stores nothing new
    expect(
      await t.send(
        inConversation(submit(url, { ...form, ...ENTRIES }, { from: ANA, replyToId: 'form-activity-1' }), 'conv-ana'),
      ),
    ).toBe(200);
    expect(await t.bot.services.store.reports()).toHaveLength(1);
  });
});

describe('200 concurrent submits over HTTP', () => {
  test('all stored exactly once, in memory and on disk', async () => {
    const t = await startTestBot({ PEI_API_TOKEN: TOKEN, PEI_ADMINS: 'aad-admin', PEI_NOW: '2025-07-03' });
    const indicators = loadPlan().objectives.flatMap((o) => o.indicators);
    const periods = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07'];
    const submits = Array.from({ length: 200 }, (_, i) => {
      const ind = indicators[i % indicators.length];
      const period = periods[Math.floor(i / indicators.length)];
      const target = ind.program[2025] || ind.total;
      return {
        verb: 'report-submit',
        formId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        lang: 'es',
        indicatorId: ind.id,
        period,
        value: String(Math.round((target / 10) * 1e4) / 1e4).replace('.', ','),
        logros: `Avance del mes ${period} del indicador ${ind.id}`,
        dificultades: 'Justificación: carga de prueba concurrente del bot',
        evidencia: `https://intranet.example.gov.co/pei/${ind.id}/${period}`,
      };
    });
    try {
      const url = t.connector.url;
      // 200 distinct submits, plus 40 replays of some of them, all at once
      const all = [...submits, ...submits.slice(0, 40)];
      const codes = await Promise.all(
        all.map((v, i) =>
          t.send(inConversation(submit(url, v, { from: ADMIN, replyToId: `form-${i % 200}` }), `conv-load-${i % 200}`)),
        ),
      );
      expect(codes.every((c) => c === 200)).toBe(true);
      const store = t.bot.services.store;
      const reports = await store.reports();
      expect(reports).toHaveLength(200);
      expect(new Set(reports.map((r) => r.submissionId)).size).toBe(200);
      expect(new Set(reports.map((r) => `${r.indicatorId}|${r.period}`)).size).toBe(200);
      expect(reports.every((r) => r.version === 1)).toBe(true);
      expect(await store.audit({ target: 'report:' })).toHaveLength(200);
      // every submit got its confirmation (the replays: "ya estaba registrado")
      const confirmations = t.connector.updates().map((u) => cardText(u.body.attachments[0].content));
      expect(confirmations.filter((x) => x.includes('✅ Reporte registrado'))).toHaveLength(200);
      expect(confirmations.filter((x) => x.includes('ya estaba registrado'))).toHaveLength(40);
    } finally {
      await t.stop();
    }
    // on disk: reopened, the same 200 reports, once each
    const files = storeFiles(t.dbFile);
    const lines = fs.readFileSync(files.journal, 'utf8').trim().split('\n'); // one line per report's write
    expect(lines).toHaveLength(200);
    const reopened = await openLowdbStore(t.dbFile, { readOnly: true });
    try {
      expect(await reopened.reports()).toHaveLength(200);
      // stored keys are `<person id>:<form id>`
      expect(
        new Set((await reopened.reports()).map((r) => r.submissionId!.slice(r.submissionId!.lastIndexOf(':') + 1))),
      ).toEqual(new Set(submits.map((s) => s.formId)));
      expect(await reopened.audit({ target: 'report:' })).toHaveLength(200);
    } finally {
      await reopened.close();
    }
  }, 60_000);
});
