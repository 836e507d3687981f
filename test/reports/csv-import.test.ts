import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadPlan } from '../../src/plan/load';
import { parseNow } from '../../src/calendar';
import { createMemoryStore } from '../../src/store/memory';
import { importReportsCsv, parseReportsCsv } from '../../src/reports/csv-import';
import { runCli } from '../../src/cli/main';
import { openLowdbStore } from '../../src/store/lowdb-store';

const plan = loadPlan();
const NOW = parseNow('2025-07-03')!;
const ACTOR = { id: 'cli:test', name: 'Importación CSV (test)' };
const HEADER = 'indicator,period,value,logros,dificultades,evidencia,reported_by';
const EVID = 'https://intranet.example.gov.co/evidencia';

const good = [
  HEADER,
  `4263,2025-05,"0,25",Portal en pruebas con usuarios,,${EVID},ana.perez@secretariageneral.gov.co`,
  `4263,2025-06,"0,3",Portal publicado en producción,,${EVID},ana.perez@secretariageneral.gov.co`,
  `8118-M3,2025-06,1.500,"Unidades documentales
puestas al servicio",,${EVID},aad-luis`,
  `O10-1,2025-06,94%,Servicios prestados oportunamente,,${EVID},aad-luis`,
  `8118-M3,2025-05,"1,500.5","Unidades documentales, mayo","Se sumaron unidades ""de otra serie"" por decisión del comité",${EVID},aad-luis`,
].join('\n');

describe('parseReportsCsv', () => {
  test("a ';'-separated file (Excel in Spanish) is refused politely, in Spanish, at the header's line", () => {
    const r = parseReportsCsv('\nindicator;period;value;logros;dificultades;evidencia\n4263;2025-06;0,3;a;b;c\n');
    expect(r).toEqual({
      ok: false,
      errors: [
        { line: 2, message: expect.stringMatching(/^el archivo usa ';' \(punto y coma\) como separador; use comas/) },
      ],
    });
  });

  test('a quote opening in the middle of a field gets a Spanish message with its line, not «Invalid Opening Quote»', () => {
    const r = parseReportsCsv(
      'indicator,period,value,logros,dificultades,evidencia\n4263,2025-06,0.3,a,b,c\n4263,2025-07,0.3, "x"y,b,c\n',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].line).toBe(3);
    expect(r.errors[0].message).toMatch(/comillas/);
    expect(r.errors[0].message).not.toMatch(/Invalid|Quote/);
  });

  test('BOM, CRLF, quoted multi-line fields: rows keep the line where they start', () => {
    const r = parseReportsCsv(`\uFEFF${good.replace(/\n/g, '\r\n')}\r\n`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows.map((x) => x.line)).toEqual([2, 3, 4, 6, 7]);
    expect(r.rows[2].cells.logros).toBe('Unidades documentales\npuestas al servicio');
  });
  test('columns in any order; a missing, unknown or repeated column is an error', () => {
    const reordered = parseReportsCsv(
      `reported_by,value,period,indicator,logros,dificultades,evidencia\naad-luis,1,2025-06,4263,xxxxxxxxxxxx,,${EVID}`,
    );
    expect(reordered.ok && reordered.rows[0].cells.indicator).toBe('4263');
    const missing = parseReportsCsv('indicator,period,value\n4263,2025-06,1');
    expect(missing).toEqual({
      ok: false,
      errors: [
        {
          line: 1,
          message: expect.stringContaining(
            'faltan columnas en el encabezado: logros, dificultades, evidencia, reported_by',
          ),
        },
      ],
    });
    const unknown = parseReportsCsv(`${HEADER},extra\n`);
    expect(!unknown.ok && unknown.errors[0].message).toMatch(/columnas desconocidas en el encabezado: extra/);
    expect(parseReportsCsv(HEADER).ok).toBe(false);
    expect(parseReportsCsv('').ok).toBe(false);
    const quote = parseReportsCsv(`${HEADER}\n4263,2025-06,1,"sin cerrar,,,`);
    expect(!quote.ok && quote.errors[0].message).toMatch(/comillas/);
    const short = parseReportsCsv(`${HEADER}\n4263,2025-06,1`);
    expect(short).toEqual({ ok: false, errors: [{ line: 2, message: 'la fila tiene 3 columnas y el encabezado 7' }] });
  });
  test('invalid UTF-8 is refused', () => {
    const r = parseReportsCsv(Buffer.from([0x69, 0x6e, 0xff, 0xfe, 0x0a]));
    expect(!r.ok && r.errors[0].message).toMatch(/UTF-8/);
  });
});

describe('importReportsCsv', () => {
  test('all rows stored in one write; reported_by is the author; the same file again stores nothing', async () => {
    const store = createMemoryStore({ owners: { '8118-M3': [{ id: 'aad-luis', name: 'Luis Gómez' }] } });
    const r = await importReportsCsv(store, good, {
      plan,
      now: NOW,
      actor: ACTOR,
      knownPeople: [{ id: 'aad-luis', name: 'Luis Gómez' }],
    });
    expect(r).toMatchObject({ ok: true, imported: 5, duplicates: 0, corrections: 0 });
    const reports = await store.reports();
    expect(reports.map((x) => [x.indicatorId, x.period, x.value, x.author.name, x.source])).toEqual([
      ['4263', '2025-05', 0.25, 'ana.perez@secretariageneral.gov.co', 'csv'],
      ['4263', '2025-06', 0.3, 'ana.perez@secretariageneral.gov.co', 'csv'],
      ['8118-M3', '2025-06', 1500, 'Luis Gómez', 'csv'],
      ['O10-1', '2025-06', 0.94, 'Luis Gómez', 'csv'],
      ['8118-M3', '2025-05', 1500.5, 'Luis Gómez', 'csv'],
    ]);
    expect(reports[4].dificultades).toBe('Se sumaron unidades "de otra serie" por decisión del comité');
    expect((await store.audit()).filter((e) => e.action === 'report.create').map((e) => e.actor.id)).toEqual(
      Array(5).fill('cli:test'),
    );
    const again = await importReportsCsv(store, good, { plan, now: NOW, actor: ACTOR });
    expect(again).toMatchObject({ ok: true, imported: 0, duplicates: 5 });
    expect(await store.reports()).toHaveLength(5);
  });

  test('any invalid row: every error with its line, nothing stored', async () => {
    const store = createMemoryStore();
    const csv = [
      HEADER,
      `4263,2025-06,"0,3",Portal publicado en producción,,${EVID},aad-ana`,
      `9999,2025-06,1,Indicador que no existe en el plan,,${EVID},aad-ana`,
      `4263,2025-13,abc,corto,,http://x.gov.co,`,
      `4263,2025-06,"0,35",Repetido en el mismo archivo,,${EVID},aad-ana`,
      `4075,2025-06,0,Sin avance este mes,,${EVID},aad-ana`,
    ].join('\n');
    const r = await importReportsCsv(store, csv, { plan, now: NOW, actor: ACTOR });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { line: 3, message: 'indicator: El indicador «9999» no existe en el plan.' },
      { line: 4, message: 'reported_by: falta quién reporta (correo o id de Teams)' },
      { line: 4, message: 'period: «2025-13» no es un mes válido: use la forma AAAA-MM (por ejemplo 2025-06).' },
      { line: 4, message: 'value: «abc» no es un número. Escriba, por ejemplo, 1.500,5 · 0,25 · 75\u00a0%.' },
      { line: 4, message: 'logros: «Logros y avances del periodo» es muy corto (5 caracteres): escriba al menos 10.' },
      {
        line: 4,
        message: 'evidencia: La evidencia debe ser un enlace https:// válido (por ejemplo https://intranet…/carpeta).',
      },
      { line: 5, message: 'el indicador 4263 ya tiene un reporte de junio de 2025 en la línea 2 de este archivo' },
      {
        line: 6,
        message:
          'dificultades: Un avance de 0 requiere explicar las dificultades en «Dificultades, soluciones o justificación» (mínimo 10 caracteres).',
      },
    ]);
    expect(await store.reports()).toHaveLength(0);
  });

  test('rows are validated in file order: a Suma year adds the earlier rows', async () => {
    const store = createMemoryStore();
    const csv = [
      HEADER,
      `4075,2025-05,10,Convenios firmados en mayo,,${EVID},aad-ana`,
      `4075,2025-06,8,Convenios firmados en junio,,${EVID},aad-ana`,
    ].join('\n');
    const r = await importReportsCsv(store, csv, { plan, now: NOW, actor: ACTOR });
    expect(!r.ok && r.errors.map((e) => [e.line, e.message.slice(0, 60)])).toEqual([
      [3, 'dificultades: Con este reporte el ejecutado de 2025 (18) sup'],
    ]);
  });
});

describe('npm run cli -- import-reports', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pei-import-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function cli(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, {
      out: (s) => out.push(s),
      err: (s) => err.push(s),
      env: { PEI_DB_FILE: path.join(dir, 'db.json'), PEI_NOW: '2025-07-03' },
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  test('imports into the store durably, then re-importing the same file stores nothing new', async () => {
    const file = path.join(dir, 'reportes.csv');
    fs.writeFileSync(file, `\uFEFF${good}\n`);
    const first = await cli(['import-reports', file]);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toMatch(/^5 reportes importados, 0 ya existían/);
    const second = await cli(['import-reports', file]);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/^0 reportes importados, 5 ya existían/);
    expect(second.out).toMatch(/no se guardó nada nuevo/);
    const store = await openLowdbStore(path.join(dir, 'db.json'), { readOnly: true });
    expect(await store.reports()).toHaveLength(5);
    expect((await store.audit()).filter((e) => e.action.startsWith('report.'))).toHaveLength(5);
    await store.close();
  });

  test('an invalid file: exit 1, line-numbered reasons, nothing stored', async () => {
    const file = path.join(dir, 'malo.csv');
    fs.writeFileSync(
      file,
      `${HEADER}\n4263,2025-06,"0,3",Portal publicado en producción,,${EVID},aad-ana\n4263,2025-06,-1,Valor negativo en la fila,,${EVID},aad-ana\n`,
    );
    const r = await cli(['import-reports', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('No se importó nada');
    expect(r.err).toContain('línea 3: value: El valor no puede ser negativo.');
    expect(
      fs.existsSync(path.join(dir, 'db.journal.jsonl'))
        ? fs.readFileSync(path.join(dir, 'db.journal.jsonl'), 'utf8')
        : '',
    ).toBe('');
  });

  test('while the bot holds the store: a clear message to stop it first', async () => {
    const held = await openLowdbStore(path.join(dir, 'db.json'));
    try {
      const file = path.join(dir, 'reportes.csv');
      fs.writeFileSync(file, good);
      const r = await cli(['import-reports', file]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/está en uso por otro proceso .*Detenga el bot antes de importar/);
      expect(await held.reports()).toHaveLength(0);
    } finally {
      await held.close();
    }
  });

  test('usage errors', async () => {
    expect((await cli(['import-reports'])).code).toBe(2);
    const missing = await cli(['import-reports', path.join(dir, 'no.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/No existe el archivo/);
  });
});
