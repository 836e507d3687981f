import http from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { startTestBot, type TestBot } from '../helpers/bot';
import { ADMIN, ANA, execute, fileMessage, type UserLike } from '../helpers/activities';
import { cardText } from '../helpers/conversation';
import { loadPlan } from '../../src/plan/load';
import { planWorkbook } from '../../src/outputs/plan-workbook';

/**
 * The plan workbook sent to the bot in a personal chat (issue 25): activities as Teams posts them through the real
 * server, a stand-in for Teams' file storage behind the attachment's downloadUrl, the stand-in connector for the
 * replies, and the Action.Execute invokes of the confirmation card.
 */

const TOKEN = 'token-de-prueba';
const auth = { Authorization: `Bearer ${TOKEN}` };
const ADMIN_CHAT = 'a:personal-aad-admin';
const ANA_CHAT = 'a:personal-aad-ana';
const CARD = 'application/vnd.microsoft.card.adaptive';

/** Where Teams keeps the files: GET /<name> answers its bytes; `gone` names answer 404 (an expired link). */
class FileStandIn {
  readonly files = new Map<string, Buffer>();
  readonly gone = new Set<string>();
  readonly requests: string[] = [];
  /** Runs before a name's bytes are answered (something else happening while the bot waits for the file). */
  readonly before = new Map<string, () => Promise<void>>();
  private server?: http.Server;
  url = '';
  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const name = decodeURIComponent((req.url ?? '/').slice(1).split('?')[0]);
      this.requests.push(name);
      void this.answer(name, res);
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }
  private async answer(name: string, res: http.ServerResponse): Promise<void> {
    const hook = this.before.get(name);
    if (hook) {
      this.before.delete(name);
      await hook();
    }
    const body = this.files.get(name);
    if (!body || this.gone.has(name)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Length', body.length);
    res.end(body);
  }
  put(name: string, body: Buffer): string {
    this.files.set(name, body);
    return `${this.url}/${encodeURIComponent(name)}?tempauth=abc`;
  }
  stop(): Promise<void> {
    return new Promise((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

const base = loadPlan();

/** The workbook `plan export` writes, edited as the planning office would. */
async function workbook(edit: (cell: (id: string, column: string) => ExcelJS.Cell) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await planWorkbook(base, () => [], { number: 1, effective: '2024-01-01' })) as any);
  const ws = wb.getWorksheet('Indicadores')!;
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  const rows = new Map<string, number>();
  ws.eachRow((r, n) => rows.set(String(r.getCell(1).value), n));
  edit((id, column) => ws.getCell(rows.get(id)!, header.indexOf(column) + 1));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The Action.Execute data of a card's button with this verb. */
function executeData(card: any, verb: string): any {
  let found: any;
  const walk = (n: any) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    if (n.type === 'Action.Execute' && n.verb === verb) found ??= n.data;
    Object.values(n).forEach(walk);
  };
  walk(card);
  return found;
}

describe('the plan workbook sent to the bot in a personal chat', () => {
  let t: TestBot;
  let files: FileStandIn;
  beforeAll(async () => {
    files = await new FileStandIn().start();
    t = await startTestBot({
      PEI_API_TOKEN: TOKEN,
      PEI_ADMINS: 'aad-admin',
      PEI_NOW: '2025-07-03T10:00',
      PEI_FILE_HOSTS: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await t.stop();
    await files.stop();
  });

  const versions = () => t.bot.services.store.planVersions(base.id);
  const lastCard = (conv: string) => t.connector.cards(conv).at(-1);
  const sendFile = async (name: string, body: Buffer, from: UserLike = ADMIN, locale = 'es-CO') => {
    const downloadUrl = files.put(name, body);
    expect(await t.send(fileMessage(t.connector.url, { name, downloadUrl }, { from, locale }))).toBe(200);
    return lastCard(from === ADMIN ? ADMIN_CHAT : ANA_CHAT);
  };
  const confirm = (card: any, inputs: Record<string, unknown>, from: UserLike = ADMIN, locale = 'es-CO') =>
    t.invoke(
      execute(
        t.connector.url,
        'plan-upload-confirm',
        { ...executeData(card, 'plan-upload-confirm'), ...inputs },
        {
          from,
          locale,
          replyToId: 'preview-card',
        },
      ),
    );
  const status = async (asOf: string) => (await t.get(`/api/v1/status?year=2025&asOf=${asOf}`, auth)).body;
  const of4263 = (s: any) => s.objectives[4].indicators.find((i: any) => i.id === '4263');

  test('a non-admin is refused politely, the file is not even fetched, nothing is stored', async () => {
    const before = files.requests.length;
    const card = await sendFile('plan-ana.xlsx', await workbook((c) => (c('4263', '2025').value = 0.5)), ANA);
    expect(cardText(card)).toContain('Solo la Oficina Asesora de Planeación');
    expect(files.requests.length).toBe(before);
    expect(await versions()).toEqual([]);
    const en = await sendFile('plan-ana.xlsx', await workbook(() => {}), ANA, 'en-US');
    expect(cardText(en)).toContain("Only the planning office (the bot's admins) can load a new version of the plan");
  });

  test('a broken workbook: every error with its sheet and row, no confirmation offered, nothing stored', async () => {
    let row = 0;
    const card = await sendFile(
      'roto.xlsx',
      await workbook((c) => {
        row = Number(c('4236', 'tendencia').row);
        c('4236', 'tendencia').value = 'Subiendo';
        c('4236', '2026').value = null;
      }),
    );
    const shown = cardText(card);
    expect(shown).toContain('El libro tiene errores: no se guardó nada');
    expect(shown).toContain('2 problemas en roto.xlsx');
    expect(shown).toContain(
      `✗ Hoja «Indicadores», fila ${row}: tendencia desconocida «Subiendo»: use Suma, Creciente, Constante o Decreciente`,
    );
    expect(shown).toContain(`✗ Hoja «Indicadores», fila ${row}: falta la meta de 2026`);
    expect(executeData(card, 'plan-upload-confirm')).toBeUndefined();
    expect(await versions()).toEqual([]);
    // Not a workbook at all: said so.
    const pdf = await sendFile('acta.pdf', Buffer.from('%PDF-1.4'));
    expect(cardText(pdf)).toContain('«acta.pdf» no es un libro de Excel (.xlsx)');
  });

  test('an admin: the card shows 4263 2025 0,4 → 0,5; «Confirmar» stores version 2 with who, why and when; twice stores once', async () => {
    const card = await sendFile('plan-2025.xlsx', await workbook((c) => (c('4263', '2025').value = 0.5)));
    const shown = cardText(card);
    expect(shown).toContain('Nueva versión del plan: confirme');
    expect(shown).toContain('frente a la versión 1 del plan');
    expect(shown).toContain('1 cambio:');
    expect(shown).toContain('· 4263: meta 2025 reprogramada 0,4 → 0,5');
    expect(shown).toContain('Acto administrativo que aprueba el cambio');
    expect(await versions()).toEqual([]); // a preview stores nothing

    const august = await status('2025-08-31');
    const answer = await confirm(card, { planReason: 'Resolución 45 de 2025', planEffective: '2025-09-01' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: 200, type: CARD });
    expect(cardText(answer.body.value)).toContain(
      'Versión 2 del plan guardada, vigente desde el 1 de septiembre de 2025 (Resolución 45 de 2025), cargada por Oficina de Planeación.',
    );
    const stored = await versions();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      version: 2,
      effective: '2025-09-01',
      reason: 'Resolución 45 de 2025',
      by: { id: 'aad-admin', name: 'Oficina de Planeación' },
      changes: [{ kind: 'target', indicatorId: '4263', year: 2025, from: 0.4, to: 0.5 }],
    });
    const audit = await t.bot.services.store.audit();
    expect(audit.filter((a) => a.action === 'plan.version')).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ id: 'aad-admin' }) }),
    ]);

    // Figures as of 31 August read as before; as of 31 December they use 0,5.
    expect(await status('2025-08-31')).toEqual(august);
    const december = await status('2025-12-31');
    expect(december.plan).toMatchObject({ version: 2, versionEffective: '2025-09-01' });
    expect(of4263(december)).toMatchObject({ program: { '2025': 0.5 }, previousTarget: 0.4 });

    // The same «Confirmar» again (a second click): said truthfully, stored once.
    const again = await confirm(card, { planReason: 'Resolución 45 de 2025', planEffective: '2025-09-01' });
    expect(cardText(again.body.value)).toContain('Este libro ya es la versión 2 del plan: no se guardó de nuevo.');
    expect(await versions()).toHaveLength(1);
  });

  test('«Cancelar» stores nothing; a card made before another version was stored is stale and refused', async () => {
    const a = await sendFile('plan-2026.xlsx', await workbook((c) => (c('4263', '2026').value = 0.7)));
    const b = await sendFile('plan-2027.xlsx', await workbook((c) => (c('4263', '2027').value = 0.9)));
    expect(cardText(a)).toContain('· 4263: meta 2026 reprogramada');
    const cancel = await t.invoke(
      execute(t.connector.url, 'plan-upload-cancel', executeData(a, 'plan-upload-cancel'), { from: ADMIN }),
    );
    expect(cardText(cancel.body.value)).toContain('No se guardó ninguna versión del plan.');
    expect(await versions()).toHaveLength(1);

    // A third workbook, confirmed in force from 1 October: version 2 (from 1 September) is in force then, so the
    // workbook (read from version 1) changes other things there: the card is drawn again for that date, nothing stored.
    const c = await sendFile('plan-o10.xlsx', await workbook((cell) => (cell('4263', '2026').value = 0.8)));
    expect(cardText(c)).not.toContain('meta 2025');
    const redrawn = await confirm(c, { planReason: 'Resolución 50 de 2025', planEffective: '2025-10-01' });
    const again = cardText(redrawn.body.value);
    expect(again).toContain('Con vigencia desde el 1 de octubre de 2025 el libro cambia otras cosas');
    expect(again).toContain('frente a la versión 2 del plan');
    expect(again).toContain('· 4263: meta 2025 reprogramada 0,5 → 0,4');
    expect(await versions()).toHaveLength(1);
    // Confirmed on the card drawn again: stored as version 3.
    const ok = await confirm(redrawn.body.value, { planReason: 'Resolución 50 de 2025', planEffective: '2025-10-01' });
    expect(cardText(ok.body.value)).toContain('Versión 3 del plan guardada');
    // b was previewed before version 3: stale.
    const stale = await confirm(b, { planReason: 'Resolución 51 de 2025', planEffective: '2025-10-01' });
    expect(cardText(stale.body.value)).toContain('El plan cambió desde esta vista previa');
    expect(cardText(stale.body.value)).toContain('ahora la última es la 3');
    expect((await versions()).map((v) => v.version)).toEqual([2, 3]);
  });

  test('an expired download link or an edited file at «Confirmar»: nothing stored, said so', async () => {
    const card = await sendFile('plan-vence.xlsx', await workbook((c) => (c('4263', '2026').value = 0.85)));
    files.gone.add('plan-vence.xlsx');
    const expired = await confirm(card, { planReason: 'Resolución 60 de 2025', planEffective: '2025-11-01' });
    expect(cardText(expired.body.value)).toContain('El enlace de Teams para descargar el libro ya venció');
    files.gone.delete('plan-vence.xlsx');
    files.files.set('plan-vence.xlsx', await workbook((c) => (c('4263', '2026').value = 0.86)));
    const edited = await confirm(card, { planReason: 'Resolución 60 de 2025', planEffective: '2025-11-01' });
    expect(cardText(edited.body.value)).toContain('ya no es el mismo que se revisó');
    expect((await versions()).map((v) => v.version)).toEqual([2, 3]);
  });

  test('a download address outside Teams storage is never fetched', async () => {
    const msg = fileMessage(
      t.connector.url,
      { name: 'plan.xlsx', downloadUrl: 'http://169.254.169.254/latest' },
      {
        from: ADMIN,
      },
    );
    expect(await t.send(msg)).toBe(200);
    expect(cardText(lastCard(ADMIN_CHAT))).toContain('Teams no dio una dirección de descarga confiable');
  });

  test('in English: the card, the confirmation and the result', async () => {
    const card = await sendFile(
      'plan-en.xlsx',
      await workbook((c) => (c('4263', '2027').value = 0.95)),
      ADMIN,
      'en-US',
    );
    const shown = cardText(card);
    expect(shown).toContain('New plan version: please confirm');
    expect(shown).toMatch(/· 4263: 2027 target reprogrammed 1 → 0\.95/);
    expect(shown).toContain('Administrative act that approves the change');
    const done = await confirm(
      card,
      { planReason: 'Resolution 70 of 2025', planEffective: '2025-07-15' },
      ADMIN,
      'en-US',
    );
    expect(cardText(done.body.value)).toContain('Plan version 4 stored, in force from');
    expect(cardText(done.body.value)).toContain('(Resolution 70 of 2025), loaded by Oficina de Planeación.');
    expect((await versions()).map((v) => v.version)).toEqual([2, 3, 4]);
  });

  test('a command line import stored while «Confirmar» fetched the file: nothing overwritten, the card says which version is the latest', async () => {
    const card = await sendFile('plan-carrera.xlsx', await workbook((c) => (c('4263', '2026').value = 0.65)));
    expect(cardText(card)).toContain('· 4263: meta 2026 reprogramada');
    // After the confirmation checked that version 4 is the latest and while it fetches the workbook again, an
    // operator's `plan import` stores version 5 (another change, in force from 2026: on the date confirmed the
    // workbook still changes what the card showed, so only the store can tell).
    files.before.set('plan-carrera.xlsx', async () => {
      const plan = structuredClone((await versions()).at(-1)!.plan);
      plan.objectives.flatMap((o) => o.indicators).find((i) => i.id === '4263')!.program[2027] = 0.99;
      const cli = { id: 'cli:operador', name: 'Operador de la línea de comandos' };
      const got = await t.bot.services.store.appendPlanVersion(
        {
          planId: base.id,
          effective: '2026-01-01',
          reason: 'Resolución 80 de 2025',
          plan,
          changes: [],
          firstVersion: 2,
        },
        cli,
        new Date().toISOString(),
      );
      expect(got.status === 'stored' && got.record.version).toBe(5);
    });
    const raced = await confirm(card, { planReason: 'Resolución 81 de 2025', planEffective: '2025-07-03' });
    expect(files.before.size).toBe(0);
    const text = cardText(raced.body.value);
    expect(text).toContain('El plan cambió desde esta vista previa');
    expect(text).toContain('ahora la última es la 5');
    const stored = await versions();
    expect(stored.map((v) => [v.version, v.reason])).toEqual([
      [2, 'Resolución 45 de 2025'],
      [3, 'Resolución 50 de 2025'],
      [4, 'Resolution 70 of 2025'],
      [5, 'Resolución 80 de 2025'],
    ]);
  });
});
