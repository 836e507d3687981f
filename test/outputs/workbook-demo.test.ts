import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNow } from '../../src/calendar';
import { PROJECT_ROOT as ROOT } from '../../src/paths';
import { computePlan } from '../../src/progress/engine';
import { importReportsCsv } from '../../src/reports/csv-import';
import { createMemoryStore } from '../../src/store/memory';
import { followUpWorkbook } from '../../src/outputs/followup';
import { readWorkbook } from '../../src/outputs/workbook';
import type { ReportRecord } from '../../src/domain/records';
import { thePlan } from '../views/helpers';

/**
 * The quarterly workbook of the demo (data/demo/reportes-2025.csv, imported on 3 July 2025 as `npm run demo` does),
 * opened with exceljs as a person opens the file: a month's compliance comes from the same reports as its value.
 * The demo's reports were all stored on 3 July, after the T2 cut (30 June): every February–May row read «Sin
 * reporte» beside its value (3980: «Ejecutado abr. 2025 = 2», «abr. 2025: v1 aprobado», «Cumplimiento abr. 2025 =
 * Sin reporte»).
 */

let reports: readonly ReportRecord[];

beforeAll(async () => {
  const store = createMemoryStore();
  const r = await importReportsCsv(store, readFileSync(join(ROOT, 'data', 'demo', 'reportes-2025.csv')), {
    plan: thePlan(),
    now: parseNow('2025-07-03')!,
    actor: { id: 'cli:demo', name: 'Datos de demostración' },
  });
  expect(r.ok).toBe(true);
  reports = await store.reports();
});

async function sheet(quarter: 1 | 2) {
  const out = await followUpWorkbook(
    {
      plan: thePlan(),
      figures: (year, asOf) => computePlan(thePlan(), reports, { year, asOf }),
      reports: () => reports,
      owners: () => [],
    },
    2025,
    quarter,
    '2025-07-03',
    new Date('2025-07-03T15:00:00Z'),
  );
  if (!out.ok) throw new Error(out.code);
  const ws = (await readWorkbook(out.buffer)).getWorksheet('Indicadores')!;
  const headers = (ws.getRow(5).values as unknown[]).map((v) => String(v ?? ''));
  const rows = new Map<string, (name: string) => unknown>();
  ws.eachRow((row, n) => {
    if (n <= 5) return;
    rows.set(String(row.getCell(2).value), (name) => {
      const i = headers.indexOf(name);
      if (i < 0) throw new Error(`no column ${name}`);
      return row.getCell(i).value ?? null;
    });
  });
  return { headers, rows };
}

test('3980, April 2025: its value, its review and its compliance tell one story (reported late, on 3 July)', async () => {
  const { rows } = await sheet(2);
  const r3980 = rows.get('3980')!;
  expect(r3980('Ejecutado abr. 2025')).toBe(2);
  expect(String(r3980('Estado de revisión'))).toContain('abr. 2025: v1 aprobado');
  expect(r3980('Cumplimiento abr. 2025')).toBe('Tarde (3 de julio de 2025)');
  // June's report came on 3 July, before its deadline (8 July): on time.
  expect(r3980('Ejecutado jun. 2025')).toBe(2);
  expect(r3980('Cumplimiento jun. 2025')).toBe('A tiempo');
});

test.each([1, 2] as const)('T%s: no month reads «Sin reporte» or «En plazo» beside a value', async (quarter) => {
  const { headers, rows } = await sheet(quarter);
  const months = headers.filter((h) => h.startsWith('Ejecutado ') && / \d{4}$/.test(h)).map((h) => h.slice(10));
  expect(months).toHaveLength(3);
  const contradictions: string[] = [];
  let values = 0;
  for (const [id, cell] of rows) {
    for (const m of months) {
      const value = cell(`Ejecutado ${m}`);
      const compliance = String(cell(`Cumplimiento ${m}`) ?? '');
      if (value === null) continue;
      values++;
      if (!/^(A tiempo|Tarde \(\d{1,2} de [a-z]+ de \d{4}\))$/.test(compliance))
        contradictions.push(`${id} ${m}: ${String(value)} / ${compliance}`);
    }
  }
  expect(values).toBeGreaterThan(3);
  expect(contradictions).toEqual([]);
});
