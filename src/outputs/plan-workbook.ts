/**
 * The plan as an Excel workbook the planning office edits (`plan export` writes it, `plan import` reads it back;
 * CONTRACT.md, «Plans that change»). Sheets: «Plan» (id, name, years, misión, visión), «Objetivos», «Indicadores»
 * (one row per indicator: every field, the target of each year under a header cell per year, the weight as a
 * percent, the owner's e-mail) and «Léame» (what each column means). Excel's data validation guards the tendencia
 * and the unit (lists) and the weight (a percent between 0 and 100). Sheet and column names are Spanish and fixed:
 * the import finds its columns by them. Reading gives plain rows (plan/edit.ts checks them).
 */
import type ExcelJS from 'exceljs';
import { newWorkbook } from './excel';
import type { Plan } from '../domain/plan';
import { planYears } from '../domain/plan';
import type { Person } from '../domain/records';
import {
  FIXED_INDICATOR_COLUMNS,
  indicatorColumns,
  OBJECTIVE_COLUMNS,
  type Cell,
  type PlanSheets,
  type SheetRow,
} from '../plan/edit';

export const SHEETS = { plan: 'Plan', objectives: 'Objetivos', indicators: 'Indicadores', readme: 'Léame' } as const;

/** The header of each column key (the import reads these). */
const HEADERS: Record<string, string> = {
  id: 'id',
  objective: 'objetivo',
  metaId: 'meta_id',
  metaLabel: 'meta_etiqueta',
  metaText: 'meta_texto',
  name: 'indicador',
  trend: 'tendencia',
  unit: 'unidad',
  weight: 'ponderacion',
  baseline: 'linea_base',
  total: 'total_cuatrienio',
  area: 'area_responsable',
  ownerEmail: 'correo_responsable',
};
/** A column's header: its name, or the year itself for a target column. */
const header = (k: string) => HEADERS[k] ?? k;
const OBJECTIVE_HEADERS: Record<string, string> = { number: 'numero', name: 'nombre', shortName: 'nombre_corto' };
const PLAN_LABELS: Record<string, string> = {
  id: 'id',
  name: 'nombre',
  years: 'vigencias',
  mission: 'mision',
  vision: 'vision',
};

const TREND_WORDS = { suma: 'Suma', creciente: 'Creciente', constante: 'Constante', decreciente: 'Decreciente' };
const UNIT_WORDS = { number: 'numero', percent: 'porcentaje' };

const readme = (years: number[]): [string, string][] => [
  [
    'Hoja Plan',
    'El plan: id (no se cambia: identifica el plan; un id nuevo carga un plan nuevo al lado del vigente), nombre, vigencias (2028-2031, o un año), misión y visión.',
  ],
  ['Hoja Objetivos', 'Un objetivo por fila: número, nombre y nombre corto (para listas y botones).'],
  ['id', 'Código estable del indicador (4263, 8116-M3, O10-1). No lo cambie: los reportes van por este código.'],
  ['objetivo', 'Número del objetivo estratégico al que pertenece.'],
  ['meta_id, meta_etiqueta, meta_texto', 'La meta que mide el indicador.'],
  ['tendencia', 'Suma, Creciente, Constante o Decreciente (lista).'],
  ['unidad', 'numero o porcentaje. En porcentaje, las metas se escriben como porcentaje (40 %).'],
  ['ponderacion', 'Peso dentro del objetivo, en porcentaje. Los pesos de un objetivo suman 100 %.'],
  ['linea_base', 'Línea base; vacía donde el plan no la da (se usa 0).'],
  [years.join(', '), 'Meta programada de cada vigencia (0 = sin meta ese año).'],
  ['total_cuatrienio', 'Meta del periodo del plan (el cuatrienio, o el año de un plan de acción).'],
  [
    'area_responsable, correo_responsable',
    'Área a cargo y correo de quien reporta (informativo: los responsables se asignan en el chat).',
  ],
  ['Importar', 'npm run cli -- plan import ARCHIVO.xlsx --reason "Resolución …" --effective AAAA-MM-DD'],
  [
    'Filas',
    'Agregar una fila agrega un indicador; borrarla lo retira desde la fecha de vigencia (sus reportes se conservan).',
  ],
];

/** Writes the plan (the version in force) with each indicator's owners' e-mails. */
export async function planWorkbook(
  plan: Plan,
  owners: (indicatorId: string) => readonly Person[],
  version: { number: number; effective: string },
): Promise<Buffer> {
  const wb = newWorkbook();
  wb.creator = 'PEI Bot';
  wb.title = `${plan.name} (versión ${version.number}, vigente desde ${version.effective})`;

  const ps = wb.addWorksheet(SHEETS.plan);
  ps.columns = [
    { header: 'campo', width: 14 },
    { header: 'valor', width: 100 },
  ];
  const planValues: Record<string, string> = {
    id: plan.id,
    name: plan.name,
    years: `${plan.period.from}-${plan.period.to}`,
    mission: plan.mission,
    vision: plan.vision,
  };
  for (const [k, label] of Object.entries(PLAN_LABELS)) ps.addRow([label, planValues[k]]);

  const os = wb.addWorksheet(SHEETS.objectives);
  os.columns = OBJECTIVE_COLUMNS.map((k) => ({ header: OBJECTIVE_HEADERS[k], width: k === 'number' ? 8 : 60 }));
  for (const o of plan.objectives) os.addRow([o.number, o.name, o.shortName]);

  const years = planYears(plan);
  const columns = indicatorColumns(years);
  const is = wb.addWorksheet(SHEETS.indicators, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  is.columns = columns.map((k) => ({
    header: header(k),
    width: k === 'metaText' || k === 'name' ? 50 : 14,
  }));
  is.getRow(1).font = { bold: true };
  const col = (k: string) => columns.indexOf(k) + 1;
  for (const o of plan.objectives)
    for (const i of o.indicators) {
      const emails = owners(i.id)
        .map((p) => p.email)
        .filter((e): e is string => !!e);
      const row = is.addRow([
        i.id,
        i.objective,
        i.meta.id,
        i.meta.label,
        i.meta.text,
        i.name,
        TREND_WORDS[i.trend],
        UNIT_WORDS[i.unit],
        i.weight,
        i.baseline,
        ...years.map((y) => i.program[y]),
        i.total,
        i.area,
        emails.join(', ') || null,
      ]);
      row.getCell(col('id')).numFmt = '@';
      row.getCell(col('weight')).numFmt = '0.##%';
      if (i.unit === 'percent')
        for (const k of ['baseline', ...years.map(String), 'total']) row.getCell(col(k)).numFmt = '0.##%';
    }
  const last = Math.max(2, is.rowCount + 200); // room for indicators added by the office
  for (let r = 2; r <= last; r++) {
    is.getCell(r, col('trend')).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: [`"${Object.values(TREND_WORDS).join(',')}"`],
      showErrorMessage: true,
      errorTitle: 'Tendencia',
      error: 'Elija Suma, Creciente, Constante o Decreciente.',
    };
    is.getCell(r, col('unit')).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: [`"${Object.values(UNIT_WORDS).join(',')}"`],
      showErrorMessage: true,
    };
    is.getCell(r, col('weight')).dataValidation = {
      type: 'decimal',
      operator: 'between',
      allowBlank: false,
      formulae: [0, 1],
      showErrorMessage: true,
      errorTitle: 'Ponderación',
      error: 'Un porcentaje entre 0 % y 100 %.',
    };
  }

  const rs = wb.addWorksheet(SHEETS.readme);
  rs.columns = [
    { header: 'columna', width: 36 },
    { header: 'significado', width: 110 },
  ];
  for (const line of readme(years)) rs.addRow(line);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A workbook that cannot be read as one (not xlsx, a sheet or a column missing): what and where. */
export type ReadRefusal =
  | { code: 'not-xlsx' }
  | { code: 'sheet-missing'; sheet: string }
  | { code: 'column-missing'; sheet: string; column: string };

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'result' in v) return cellValue(v.result as ExcelJS.CellValue); // a formula: its value
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return null;
}

/** The header cells of a sheet's first row: text → column number. */
function headersOf(ws: ExcelJS.Worksheet): Map<string, number> {
  const where = new Map<string, number>();
  ws.getRow(1).eachCell((cell, n) => where.set(String(cellValue(cell.value) ?? '').trim(), n));
  return where;
}

/** Rows of a sheet by column key (headers matched by name, in any order); empty rows skipped. */
function rowsOf(
  ws: ExcelJS.Worksheet,
  headers: Record<string, string>,
  keys: readonly string[],
): SheetRow[] | ReadRefusal {
  const where = headersOf(ws);
  headers = { ...Object.fromEntries(keys.map((k) => [k, k])), ...headers };
  for (const k of keys)
    if (!where.has(headers[k])) return { code: 'column-missing', sheet: ws.name, column: headers[k] };
  const rows: SheetRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: Record<string, Cell> = {};
    for (const k of keys) cells[k] = cellValue(row.getCell(where.get(headers[k])!).value);
    if (Object.values(cells).some((c) => c !== null && String(c).trim() !== '')) rows.push({ row: r, cells });
  }
  return rows;
}

/** Reads the workbook's sheets into rows (plan/edit.ts planFromSheets checks them), or why it cannot. */
export async function readPlanWorkbook(
  data: Buffer,
): Promise<{ ok: true; sheets: PlanSheets } | ({ ok: false } & ReadRefusal)> {
  const wb = newWorkbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { ok: false, code: 'not-xlsx' };
  }
  const sheet = (name: string) => wb.getWorksheet(name);
  for (const name of [SHEETS.plan, SHEETS.objectives, SHEETS.indicators])
    if (!sheet(name)) return { ok: false, code: 'sheet-missing', sheet: name };
  const planLabels = Object.fromEntries(Object.entries(PLAN_LABELS).map(([k, v]) => [v, k]));
  const planRows: SheetRow[] = [];
  sheet(SHEETS.plan)!.eachRow((row, r) => {
    if (r === 1) return;
    const label = String(cellValue(row.getCell(1).value) ?? '').trim();
    if (planLabels[label])
      planRows.push({ row: r, cells: { key: planLabels[label], value: cellValue(row.getCell(2).value) } });
  });
  const objectives = rowsOf(sheet(SHEETS.objectives)!, OBJECTIVE_HEADERS, OBJECTIVE_COLUMNS);
  if (!Array.isArray(objectives)) return { ok: false, ...objectives };
  // A target column per year: every header that is a year (the plan's years are checked against them).
  const years = [...headersOf(sheet(SHEETS.indicators)!).keys()]
    .filter((h) => /^\d{4}$/.test(h))
    .map(Number)
    .sort((a, b) => a - b);
  const keys = [...FIXED_INDICATOR_COLUMNS, ...years.map(String)];
  const indicators = rowsOf(sheet(SHEETS.indicators)!, HEADERS, keys);
  if (!Array.isArray(indicators)) return { ok: false, ...indicators };
  return { ok: true, sheets: { plan: planRows, objectives, indicators, years } };
}
