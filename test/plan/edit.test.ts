/** The plan workbook (outputs/plan-workbook.ts) read back and checked whole (plan/edit.ts). */
import ExcelJS from 'exceljs';
import { loadPlan } from '../../src/plan/load';
import { planChanges, planFromSheets } from '../../src/plan/edit';
import { planWorkbook, readPlanWorkbook } from '../../src/outputs/plan-workbook';

const base = loadPlan();

async function exported(
  edit?: (ws: ExcelJS.Worksheet, col: (h: string) => number, row: (id: string) => number) => void,
) {
  const buffer = await planWorkbook(base, () => [], { number: 1, effective: '2024-01-01' });
  if (!edit) return buffer;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Indicadores')!;
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  const rows = new Map<string, number>();
  ws.eachRow((r, n) => rows.set(String(r.getCell(1).value), n));
  edit(
    ws,
    (h) => header.indexOf(h) + 1,
    (id) => rows.get(id)!,
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function read(buffer: Buffer) {
  const r = await readPlanWorkbook(buffer);
  if (!r.ok) throw new Error(r.code);
  return planFromSheets(base, r.sheets);
}

describe('plan workbook', () => {
  test('exported and read back unchanged, it is the plan itself: no change', async () => {
    const r = await read(await exported());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan).toEqual(base);
    expect(r.warnings).toEqual([]);
    expect(planChanges(base, r.plan)).toEqual([]);
  });

  test('a reprogrammed target, a weight moved and an indicator retired are what changes', async () => {
    const r = await read(
      await exported((ws, col, row) => {
        ws.getCell(row('4263'), col('2025')).value = 0.5;
        ws.spliceRows(row('O10-2'), 1);
        ws.getCell(row('O10-1'), col('ponderacion')).value = 1;
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(planChanges(base, r.plan)).toEqual([
      { kind: 'target', indicatorId: '4263', year: 2025, from: 0.4, to: 0.5 },
      { kind: 'weight', indicatorId: 'O10-1', from: 0.5, to: 1 },
      { kind: 'retired', indicatorId: 'O10-2' },
    ]);
  });

  test('a broken workbook: every problem with its sheet and row', async () => {
    let bad = 0;
    const r = await read(
      await exported((ws, col, row) => {
        bad = row('4236');
        ws.getCell(bad, col('tendencia')).value = 'Subiendo';
        ws.getCell(bad, col('2026')).value = 'mucho';
        ws.getCell(bad, col('ponderacion')).value = 0;
        ws.getCell(row('4263'), col('id')).value = '4236';
        ws.getCell(row('4263'), col('objetivo')).value = 11;
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.sheet, p.row, p.code, p.params])).toEqual(
      expect.arrayContaining([
        ['indicators', bad, 'trend-unknown', { got: 'Subiendo' }],
        ['indicators', bad, 'not-number', { column: '2026', got: 'mucho' }],
        ['indicators', bad, 'weight-range', { got: 0 }],
        ['indicators', expect.any(Number), 'id-duplicate', { id: '4236', first: bad }],
        ['indicators', expect.any(Number), 'objective-unknown', { objective: '11' }],
      ]),
    );
  });

  test('weights that do not add to 100 % refuse it; a workbook of another plan is refused', async () => {
    const r = await read(await exported((ws, col, row) => (ws.getCell(row('4263'), col('ponderacion')).value = 0.7)));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems).toEqual([
        expect.objectContaining({ code: 'weights-sum', params: { objective: 5, sum: 120 } }),
      ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exported()) as unknown as ArrayBuffer);
    wb.getWorksheet('Plan')!.getCell(2, 2).value = 'pei-sg-2028-2031';
    const other = await read(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.problems[0]).toMatchObject({ sheet: 'plan', row: 2, code: 'plan-other' });
  });

  test('not a workbook, or one without its sheets: refused before any row is read', async () => {
    expect(await readPlanWorkbook(Buffer.from('id,nombre\n'))).toEqual({ ok: false, code: 'not-xlsx' });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Hoja1');
    expect(await readPlanWorkbook(Buffer.from(await wb.xlsx.writeBuffer()))).toEqual({
      ok: false,
      code: 'sheet-missing',
      sheet: 'Plan',
    });
  });
});
