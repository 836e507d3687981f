import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { startTestBot, type TestBot } from '../helpers/bot';
import { message, ADMIN, ANA } from '../helpers/activities';
import { cardText } from '../helpers/conversation';
import { readWorkbook } from '../../src/outputs/workbook';
import { signExportQuery, DOWNLOAD_PATH } from '../../src/outputs/signed-link';
import { checkPlan } from '../../src/plan/check';
import { loadPlan } from '../../src/plan/load';
import { catalog } from '../../src/i18n';
import { cliInProcess } from '../helpers/cli';

/**
 * The quarterly follow-up workbook through the three ways people get it — GET /api/v1/export.xlsx (bearer token),
 * the CLI's `export` and the signed link of «exportar seguimiento» — opened with exceljs and compared with
 * the status JSON at the quarter's last day.
 */

const ROOT = join(__dirname, '..', '..');
const TOKEN = 'token-de-prueba';
const auth = { Authorization: `Bearer ${TOKEN}` };
const ANA_PERSON = { id: 'aad-ana', name: 'Ana Pérez', email: 'ana.perez@secretariageneral.gov.co' };
const bogota = (local: string) => new Date(`${local}-05:00`).toISOString();
let t: TestBot;

async function getBytes(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; bytes: Buffer; text: string }> {
  const res = await fetch(`${t.url}${path}`, { headers });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type') ?? '', bytes, text: bytes.toString('utf8') };
}

/** Every cell of every sheet as plain values (hyperlinks as their text): what a person sees, for comparison. */
function contents(wb: ExcelJS.Workbook): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      const vals: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (c) => {
        const v = c.value as any;
        vals.push(v && typeof v === 'object' && 'hyperlink' in v ? `${v.text} <${v.hyperlink}>` : v);
      });
      rows.push(vals);
    });
    out[ws.name] = rows;
  });
  return out;
}

beforeAll(async () => {
  t = await startTestBot({
    PEI_API_TOKEN: TOKEN,
    PEI_NOW: '2025-07-03',
    PEI_ADMINS: 'aad-admin',
    PEI_OPEN_DATA: 'true',
  });
  const store = t.bot.services.store;
  const admin = { id: 'aad-admin', name: 'Oficina de Planeación' };
  await store.setOwners('4263', [ANA_PERSON], admin, '2025-01-10T15:00:00.000Z');
  await store.setOwners('3980', [ANA_PERSON], admin, '2025-01-10T15:00:00.000Z');
  const put = (
    indicatorId: string,
    period: string,
    value: number,
    at: string,
    text: Partial<{ logros: string; dificultades: string; evidencia: string }> = {},
  ) =>
    store.appendReport(
      {
        indicatorId,
        period,
        value,
        logros: text.logros ?? `Avance de ${period}`,
        dificultades: text.dificultades ?? '',
        evidencia: text.evidencia ?? `https://intranet.example/${indicatorId}/${period}`,
      },
      ANA_PERSON,
      { source: 'teams', at: bogota(at) },
    );
  // 4263 (creciente): 0.2 in April (on time), 0.3 in June (on time); its June text starts with a formula.
  await put('4263', '2025-04', 0.2, '2025-05-06T10:00:00', { logros: 'Portal en pruebas' });
  await put('4263', '2025-06', 0.3, '2025-07-02T10:00:00', {
    logros: '=HYPERLINK("http://malo.example","clic")',
    dificultades: '+57 demoras de contratación',
  });
  // 3980 (suma): 5 in April, 6 in May (late, then corrected): the quarter executed 11.
  await put('3980', '2025-04', 5, '2025-05-07T09:00:00');
  await put('3980', '2025-05', 4, '2025-06-12T09:00:00');
  await put('3980', '2025-05', 6, '2025-06-20T09:00:00', { logros: 'Corrección del reporte de mayo' });
  // A report of the first quarter does not enter the second quarter's texts.
  await put('3980', '2025-03', 2, '2025-04-03T09:00:00', { logros: 'Texto del primer trimestre' });
}, 60_000);
afterAll(() => t.stop());

describe('GET /api/v1/export.xlsx', () => {
  test('401 without the token; 400 for a bad quarter; 409 for a quarter that has not started', async () => {
    expect((await getBytes('/api/v1/export.xlsx?year=2025&quarter=2')).status).toBe(401);
    const bad = await t.get('/api/v1/export.xlsx?year=2025&quarter=5', auth);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/quarter debe ser 1, 2, 3 o 4/);
    const future = await t.get('/api/v1/export.xlsx?year=2025&quarter=4', { ...auth, 'Accept-Language': 'en' });
    expect(future.status).toBe(409);
    expect(future.body.error.message).toMatch(/has not started yet/);
    expect((await t.get('/api/v1/export.xlsx?year=2031&quarter=1', auth)).status).toBe(400);
  });

  test("every indicator row holds the figures of the status JSON at the quarter's last day", async () => {
    const res = await getBytes('/api/v1/export.xlsx?year=2025&quarter=2', auth);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = await readWorkbook(res.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Indicadores', 'Resumen', 'Hallazgos del plan']);
    const status = (await t.get('/api/v1/status?year=2025&asOf=2025-06-30', auth)).body;
    const ws = wb.getWorksheet('Indicadores')!;
    const headers = (ws.getRow(5).values as unknown[]).slice(1) as string[];
    const col = (name: string) => {
      const i = headers.indexOf(name);
      if (i < 0) throw new Error(`no column ${name}: ${headers.join(' | ')}`);
      return i + 1;
    };
    const indicators = status.objectives.flatMap((o: any) =>
      o.indicators.map((i: any) => ({ ...i, objective: o.number })),
    );
    expect(indicators).toHaveLength(29);
    const labels: Record<string, string> = {
      rojo: 'Rojo',
      amarillo: 'Amarillo',
      verde: 'Verde',
      'sobre-ejecucion': 'Sobre-ejecución',
      'sin-meta': 'Sin meta',
      'sin-datos': 'Sin datos',
    };
    indicators.forEach((ind: any, k: number) => {
      const row = ws.getRow(6 + k);
      const v = (name: string) => row.getCell(col(name)).value;
      expect(v('Indicador (id)')).toBe(ind.id);
      expect(typeof v('Indicador (id)')).toBe('string');
      expect(v('Obj.')).toBe(ind.objective);
      expect(v('Nombre del indicador')).toBe(ind.name);
      expect(v('Meta')).toBe(ind.meta);
      expect(v('Ponderación')).toBe(ind.weight);
      expect(v('Meta 2025')).toBe(ind.program['2025']);
      expect(v('Meta 2024–2027')).toBe(ind.total);
      expect(v('Ejecutado 2025 (V)')).toBe(ind.executed);
      expect(v('Avance anual')).toBe(ind.progress);
      expect(v('Avance esperado')).toBe(ind.expected);
      expect(v('Avance cuatrienio')).toBe(ind.cumulative);
      const sem = v('Semáforo') as string;
      if (ind.status === 'sin-datos' && ind.pending && ind.expected > 0) expect(sem).toBe('Sin reporte (rezago)');
      else if (ind.status === 'sobre-ejecucion' && ind.progress < 1) expect(sem).toBe('Adelantado');
      else expect(sem).toBe(labels[ind.status]);
      expect(v('Responsable')).toBe(ind.owner ?? '');
      // The progress figures as the cards show them (one decimal of a percent), the weights with two.
      for (const name of ['Avance anual', 'Avance esperado', 'Avance cuatrienio'])
        expect(row.getCell(col(name)).numFmt).toBe('0.0%');
      expect(row.getCell(col('Ponderación')).numFmt).toBe('0.00%');
    });

    const row = (id: string) => ws.getRow(6 + indicators.findIndex((i: any) => i.id === id));
    const cell = (id: string, name: string) => row(id).getCell(col(name)).value;
    // Hand-computed: 4263 (creciente, 2025 target 0.4 over 0.1 in 2024) reached 0.3: (0.3 − 0)/(0.4 − 0) = 75 %,
    // expected 0.1 + 0.3·6/12 = 0.25 → 62.5 %; 3980 (suma, target 26) has 2 + 5 + 6 = 13 → 50 %, expected 13 → 50 %.
    expect([
      cell('4263', 'Avance anual'),
      cell('4263', 'Avance esperado'),
      cell('4263', 'Avance cuatrienio'),
      cell('4263', 'Semáforo'),
    ]).toEqual([0.75, 0.625, 0.3, 'Verde']);
    expect([cell('3980', 'Ejecutado 2025 (V)'), cell('3980', 'Avance anual'), cell('3980', 'Avance esperado')]).toEqual(
      [13, 0.5, 0.5],
    );
    // The quarter's months and texts, with the formula prefixes neutralised.
    expect([
      cell('4263', 'Ejecutado abr. 2025'),
      cell('4263', 'Ejecutado may. 2025'),
      cell('4263', 'Ejecutado jun. 2025'),
      cell('4263', 'Ejecutado T2'),
    ]).toEqual([0.2, null, 0.3, 0.3]);
    expect([
      cell('3980', 'Ejecutado abr. 2025'),
      cell('3980', 'Ejecutado may. 2025'),
      cell('3980', 'Ejecutado T2'),
    ]).toEqual([5, 6, 11]);
    expect(cell('4263', 'Logros T2')).toBe(
      'abr. 2025: Portal en pruebas\njun. 2025: \'=HYPERLINK("http://malo.example","clic")',
    );
    expect(cell('4263', 'Dificultades T2')).toBe("jun. 2025: '+57 demoras de contratación");
    expect(cell('3980', 'Logros T2')).toBe('abr. 2025: Avance de 2025-04\nmay. 2025: Corrección del reporte de mayo');
    expect(cell('3980', 'Estado de revisión')).toBe('abr. 2025: v1 aprobado\nmay. 2025: v2 aprobado');
    expect(String(cell('4263', 'Evidencias'))).toContain('jun. 2025: https://intranet.example/4263/2025-06');
    // Compliance of each month: 4263 April on time (deadline 8 May), May missing, June reported on time… and 3980 May late.
    expect([
      cell('4263', 'Cumplimiento abr. 2025'),
      cell('4263', 'Cumplimiento may. 2025'),
      cell('4263', 'Cumplimiento jun. 2025'),
    ]).toEqual(['A tiempo', 'Sin reporte', 'A tiempo']);
    // June's report (0.3, in the sheet) was stored after the cut but before its deadline: «A tiempo», from the same
    // reports as the value beside it (it read «En plazo» beside 0.3); a late month says when it came.
    expect(cell('3980', 'Cumplimiento may. 2025')).toMatch(/^Tarde \(\d{1,2} de [a-z]+ de 2025\)$/);

    // What makes it a document: the cut and the source on the sheet, frozen headers, letter landscape.
    expect(String(ws.getCell('B2').value ?? ws.getCell('A2').value)).toContain('30 de junio de 2025');
    expect(String(ws.getCell('A3').value)).toContain('Fuente: PEI Bot');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5, xSplit: 3 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 1, printTitlesRow: '5:5' });
  });

  test("the summary sheet holds each objective's roll-up with the weights and contributions beside it, and the plan's", async () => {
    const wb = await readWorkbook((await getBytes('/api/v1/export.xlsx?year=2025&quarter=2', auth)).bytes);
    const status = (await t.get('/api/v1/status?year=2025&asOf=2025-06-30', auth)).body;
    const ws = wb.getWorksheet('Resumen')!;
    const rows: any[][] = [];
    // An empty cell (a null figure) reads back as undefined: compare it as null.
    ws.eachRow((r) => rows.push(Array.from({ length: 14 }, (_x, i) => r.getCell(i + 1).value ?? null)));
    const plan = rows.find((r) => r[0] === 'Plan')!;
    expect([plan[6], plan[8], plan[11]]).toEqual([status.plan.progress, status.plan.expected, status.plan.cumulative]);
    for (const o of status.objectives) {
      const at = rows.findIndex((r) => r[0] === 'Objetivo' && r[1] === o.number);
      const orow = rows[at];
      expect([orow[6], orow[8], orow[11]]).toEqual([o.progress, o.expected, o.cumulative]);
      const inds = rows.slice(at + 1, at + 1 + o.indicators.length);
      expect(inds.map((r) => r[2])).toEqual(o.indicators.map((i: any) => i.id));
      // Weights in the year add to 100 % over the indicators with a target; contributions add to the objective's figure.
      const yearWeights = inds.map((r) => r[5] as number);
      expect(yearWeights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
      // …exactly, at the tenth of a percent the sheet shows (largest remainder: progress/shown.ts).
      const sum = inds.reduce((a, r) => a + (r[7] as number), 0);
      expect(sum).toBeCloseTo(o.progress ?? 0, 9);
      const expSum = inds.reduce((a, r) => a + (r[9] as number), 0);
      expect(expSum).toBeCloseTo(o.expected ?? 0, 9);
    }
    // Objective 2: 8110-M3 has no target in 2024 — in 2025 it has one, so its weight stays; the sheet names the rule.
    expect(rows.some((r) => String(r[3] ?? '').includes('renormalizada'))).toBe(true);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1 });

    const findings = wb.getWorksheet('Hallazgos del plan')!;
    const found: any[][] = [];
    findings.eachRow((r, n) => n > 5 && found.push((r.values as unknown[]).slice(1)));
    const check = checkPlan(loadPlan());
    // Each finding's kind in the workbook's language («Formatos mezclados», not «mixed-format»).
    expect(found.map((r) => [r[0], r[1]])).toEqual(
      check.findings.map((f) => [catalog('es').operator.findingKind[f.code], f.ref]),
    );
    expect(found.map((r) => String(r[0])).filter((k) => /^[a-z]+(-[a-z]+)+$/.test(k))).toEqual([]);
    for (const sheet of wb.worksheets) {
      expect(String(sheet.getCell('A2').value)).toContain('Corte: 30 de junio de 2025');
      expect(String(sheet.getCell('A3').value)).toContain('GET /api/v1/status?year=2025&asOf=2025-06-30');
      expect(sheet.headerFooter.oddFooter).toContain('Fuente: PEI Bot');
    }
  });

  test("the CLI's export writes the same workbook", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pei-export-'));
    const file = join(dir, 'seguimiento.xlsx');
    const r = await cliInProcess(['export', '--year', '2025', '--quarter', '2', '--out', file], {
      PEI_DB_FILE: t.dbFile,
      PEI_NOW: '2025-07-03',
      LOG_LEVEL: 'silent',
    });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Seguimiento T2 2025 (corte 2025-06-30) escrito en');
    const fromCli = contents(await readWorkbook(readFileSync(file)));
    const fromHttp = contents(
      await readWorkbook((await getBytes('/api/v1/export.xlsx?year=2025&quarter=2', auth)).bytes),
    );
    expect(fromCli).toEqual(fromHttp);

    const bad = await cliInProcess(['export', '--year', '2025', '--quarter', '7', '--out', file], {
      PEI_DB_FILE: t.dbFile,
    });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--quarter debe ser 1, 2, 3 o 4');
  }, 180_000);
});

describe('«exportar seguimiento» in chat: a signed link valid 15 minutes', () => {
  async function ask(text: string, from = ADMIN) {
    t.connector.clear();
    expect(await t.send(message(t.connector.url, text, { from }))).toBe(200);
    await t.connector.waitFor(1);
    return t.connector.cards()[0];
  }

  test('an admin gets a card whose link downloads the same workbook without the token', async () => {
    const card = await ask('exportar seguimiento T2 2025');
    expect(cardText(card)).toContain('Seguimiento del PEI: T2 2025');
    expect(cardText(card)).toContain('2025-06-30');
    const action = (card.actions as any[]).find((a) => a.type === 'Action.OpenUrl');
    const url = new URL(action.url);
    expect(url.origin).toBe(t.bot.services.config.exportLink!.publicUrl);
    expect(url.pathname).toBe(DOWNLOAD_PATH);
    const viaLink = await getBytes(`${url.pathname}${url.search}`);
    expect(viaLink.status).toBe(200);
    const viaApi = await getBytes('/api/v1/export.xlsx?year=2025&quarter=2', auth);
    expect(contents(await readWorkbook(viaLink.bytes))).toEqual(contents(await readWorkbook(viaApi.bytes)));

    // Tampered: another quarter, another signature, a later expiry — refused with 403 and a polite message.
    for (const [k, v] of [
      ['quarter', '1'],
      ['expires', String(Number(url.searchParams.get('expires')) + 3600)],
      ['sig', 'A'.repeat(43)],
    ]) {
      const u = new URL(url);
      u.searchParams.set(k, v);
      const r = await t.get(`${u.pathname}${u.search}`);
      expect(r.status).toBe(403);
      expect(r.body.error.message).toMatch(/no es válido/);
    }
    const bare = await getBytes(DOWNLOAD_PATH, { Accept: 'text/html', 'Accept-Language': 'en' });
    expect(bare.status).toBe(403);
    expect(bare.text).toContain('This download link is not valid');
  });

  test('a link past its 15 minutes is refused with 410', async () => {
    const secret = t.bot.services.config.exportLink!.secret;
    const sixteenMinutesAgo = new Date(Date.parse('2025-07-03T17:00:00.000Z') - 16 * 60_000); // PEI_NOW is noon Bogotá
    const { query } = signExportQuery(secret, 2025, 2, sixteenMinutesAgo);
    const r = await t.get(`${DOWNLOAD_PATH}?${query}`);
    expect(r.status).toBe(410);
    expect(r.body.error.message).toMatch(/venció/);
    const fourteen = signExportQuery(secret, 2025, 2, new Date(Date.parse('2025-07-03T17:00:00.000Z') - 14 * 60_000));
    expect((await getBytes(`${DOWNLOAD_PATH}?${fourteen.query}`)).status).toBe(200);
  });

  test('others get a polite refusal; English gets English', async () => {
    expect(cardText(await ask('exportar seguimiento', ANA))).toMatch(/Solo la Oficina Asesora de Planeación/);
    const en = await ask('export follow-up Q1 2025');
    expect(cardText(en)).toContain('PEI follow-up: Q1 2025');
    expect(cardText(en)).toContain('2025-03-31');
    // No quarter named: the last one that closed (as of 3 July 2025, T2).
    expect(cardText(await ask('exportar seguimiento'))).toContain('T2 2025');
    expect(cardText(await ask('exportar seguimiento T4 2025'))).toMatch(/aún no ha empezado/);
  });
});

describe('reporting compliance: GET /api/v1/compliance and «cumplimiento»', () => {
  test("the JSON of CONTRACT.md, with each owner's months", async () => {
    expect((await t.get('/api/v1/compliance')).status).toBe(401);
    const { status, body } = await t.get('/api/v1/compliance?year=2025&asOf=2025-07-15', auth);
    expect(status).toBe(200);
    expect(body).toMatchObject({ asOf: '2025-07-15', year: 2025 });
    const of = (id: string) => body.indicators.find((i: any) => i.id === id).months;
    // June's deadline is Monday 7 July (5th business day): as of 15 July June is due; 4263's came on 2 July.
    expect(of('4263')).toMatchObject({
      '2025-01': 'sin-reporte',
      '2025-04': 'a-tiempo',
      '2025-05': 'sin-reporte',
      '2025-06': 'a-tiempo',
    });
    expect(of('3980')).toMatchObject({
      '2025-03': 'a-tiempo',
      '2025-04': 'a-tiempo',
      '2025-05': 'tarde',
      '2025-06': 'sin-reporte',
    });
    const ana = body.owners.find((o: any) => o.owner.id === 'aad-ana');
    // 4263: Apr, Jun on time, 4 missing; 3980: Mar, Apr on time, May late, 3 missing.
    expect(ana).toMatchObject({ owner: ANA_PERSON, 'a-tiempo': 4, tarde: 1, 'sin-reporte': 7, 'en-plazo': 0 });
    const bad = await t.get('/api/v1/compliance?asOf=2025-13-01', auth);
    expect(bad.status).toBe(400);
  });

  test("«cumplimiento» shows each owner's on-time, late, missing and not-yet-due months", async () => {
    t.connector.clear();
    await t.send(message(t.connector.url, 'cumplimiento', { from: ANA }));
    await t.connector.waitFor(1);
    const text = cardText(t.connector.cards()[0]);
    expect(text).toContain('Cumplimiento de reportes 2025');
    // As of 3 July June is closed but not due (deadline 7 July). 4263: Apr and Jun on time, Jan–Mar and May missing;
    // 3980: Mar and Apr on time, May late, Jan–Feb missing, Jun not due. Ana owns both: 4, 1, 6, 1.
    const lines = text.split('\n');
    const at = lines.indexOf('Ana Pérez');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 6)).toEqual(['Indicadores: 3980 y 4263', '4', '1', '6', '1']);
    expect(text).toContain('Sin responsable asignado');
  });
});

describe('open data (PEI_OPEN_DATA=true)', () => {
  test('CSV and JSON: one row per indicator and year, the columns of the data dictionary, no personal data', async () => {
    const csv = await getBytes('/api/v1/open-data/indicadores.csv');
    expect(csv.status).toBe(200);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    const json = await t.get('/api/v1/open-data/indicadores.json');
    expect(json.status).toBe(200);
    expect(json.body).toHaveLength(29 * 4);
    const dictionary = readFileSync(join(ROOT, 'docs', 'datos-abiertos.md'), 'utf8');
    const header = csv.text.split('\n')[0].split(',');
    expect(Object.keys(json.body[0])).toEqual(header);
    for (const c of header) {
      expect(c).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(dictionary).toContain(`| \`${c}\` |`);
    }
    expect(csv.text.trim().split('\n')).toHaveLength(29 * 4 + 1);
    const row = json.body.find((r: any) => r.indicador_id === '4263' && r.vigencia === 2025);
    const status = (await t.get('/api/v1/status?year=2025&asOf=2025-07-03', auth)).body;
    const ind = status.objectives[4].indicators[0];
    expect(row).toMatchObject({
      fecha_corte: '2025-07-03',
      ejecutado_vigencia: ind.executed,
      avance_vigencia: ind.progress,
      avance_esperado: ind.expected,
      avance_cuatrienio: ind.cumulative,
      semaforo: ind.status,
      ponderacion: 0.5,
      meta_vigencia: 0.4,
    });
    expect(json.body.find((r: any) => r.indicador_id === '4263' && r.vigencia === 2024).fecha_corte).toBe('2024-12-31');
    expect(csv.text).toContain(',0.75,'); // decimal point
    for (const personal of [
      'Ana Pérez',
      'ana.perez',
      'aad-ana',
      'Oficina de Planeación',
      'aad-admin',
      'HYPERLINK',
      'contratación',
    ]) {
      expect(csv.text).not.toContain(personal);
      expect(JSON.stringify(json.body)).not.toContain(personal);
    }
  });

  test('cache headers: an ETag, and 304 when the portal already has this version', async () => {
    const first = await fetch(`${t.url}/api/v1/open-data/indicadores.csv`);
    await first.text();
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get('cache-control')).toContain('public');
    const again = await fetch(`${t.url}/api/v1/open-data/indicadores.csv`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  test('without PEI_OPEN_DATA the feeds answer 404', async () => {
    const other = await startTestBot({});
    try {
      expect((await other.get('/api/v1/open-data/indicadores.csv')).status).toBe(404);
      expect((await other.get('/api/v1/open-data/indicadores.json')).status).toBe(404);
    } finally {
      await other.stop();
    }
  });
});
