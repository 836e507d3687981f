import type ExcelJS from 'exceljs';
import { newWorkbook } from './excel';
import { catalog } from '../i18n';
import { planShortName, planYearsText, type Plan } from '../domain/plan';
import type { Finding } from '../plan/check';
import type { ReportRecord } from '../domain/records';
import type { StatusIndicatorJson, StatusJson } from '../views/status-json';
import { formatDate, monthShort, statusLabel } from '../views/format';
import { round4, type Status } from '../progress/status';
import { apportion } from '../progress/shown';
import { reviewOf } from '../reports/review';
import type { ReviewState } from '../domain/records';
import type { Compliance, ComplianceState } from '../reports/compliance';
import { monthOf, yearOf, type IsoDate, type Period } from '../calendar';
import { neutralise, quarterPeriods, type Quarter } from './common';

/**
 * The quarterly follow-up workbook (CONTRACT.md, «The quarterly follow-up workbook»), pure: the status JSON at the
 * quarter's cut, the stored report versions, the compliance of the year and the plan check's findings in; an
 * .xlsx (a Buffer) out. This folder is the only one that imports exceljs.
 *
 * Sheets: «Indicadores» (one row per indicator, the status JSON's figures as numbers), «Resumen» (each objective's
 * weighted roll-up with the weights and contributions of its indicators beside it, and the plan's over its
 * objectives), «Hallazgos del plan» (the plan check). Every sheet names the cut and the source in its first rows and
 * in its printed header and footer; headers are frozen; pages are letter landscape.
 */

export type ReportVersion = ReportRecord & { review?: ReviewState };

export interface WorkbookInput {
  plan: Plan;
  /** The status JSON at the cut (statusJson(figures at asOf)): the workbook's figures are exactly these. */
  status: StatusJson;
  quarter: Quarter;
  /** Every stored version (any order). */
  reports: readonly ReportVersion[];
  compliance: Compliance;
  findings: readonly Finding[];
  /** When the workbook is generated (document properties and the source line). */
  generatedAt: Date;
  /** Whether the quarter was still running at generation (the cut is then today). */
  running?: boolean;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
/** Weights (ponderación) keep two decimals of a percent; progress figures and contributions one, as the cards show them. */
const PCT = '0.00%';
const FIG = '0.0%';
const NUM = '#,##0.00';
const HEADER_ROW = 5;

const STATUS_FILL: Record<Status | 'rezago', string> = {
  rojo: 'FFF4C7C3',
  amarillo: 'FFFFF2CC',
  verde: 'FFD9EAD3',
  'sobre-ejecucion': 'FFCFE2F3',
  'sin-meta': 'FFEEEEEE',
  'sin-datos': 'FFEEEEEE',
  rezago: 'FFF9CB9C',
};

const COMPLIANCE_LABEL: Record<ComplianceState, string> = {
  'a-tiempo': 'A tiempo',
  tarde: 'Tarde',
  'sin-reporte': 'Sin reporte',
  'en-plazo': 'En plazo',
};

const REVIEW_LABEL: Record<ReviewState, string> = {
  pendiente: 'por revisar',
  aprobado: 'aprobado',
  devuelto: 'devuelto',
};

const TREND_LABEL: Record<string, string> = {
  suma: 'Suma',
  creciente: 'Creciente',
  constante: 'Constante',
  decreciente: 'Decreciente',
};

/**
 * The semáforo as a person reads it (DOMAIN.md, «How status reads to a person»): nothing reported while something is
 * expected is a lag, not «sin datos»; above the top band while the year's target is not reached yet is «adelantado».
 */
export function semaforoLabel(
  ind: Pick<StatusIndicatorJson, 'status' | 'pending' | 'expected'> & { progress?: number | null },
): { text: string; fill: string } {
  if (ind.status === 'sin-datos' && ind.pending && (ind.expected ?? 0) > 0)
    return { text: 'Sin reporte (rezago)', fill: STATUS_FILL.rezago };
  if (ind.status === 'sobre-ejecucion' && ind.progress != null && ind.progress < 1)
    return { text: 'Adelantado', fill: STATUS_FILL['sobre-ejecucion'] };
  return {
    text: statusLabel(ind.status as Status, 'es'),
    fill: STATUS_FILL[ind.status as Status] ?? STATUS_FILL['sin-datos'],
  };
}

/** The version of a month that counts: its latest one that was not returned (DOMAIN.md, «Review»). */
function countingVersions(reports: readonly ReportVersion[], periods: readonly Period[], indicatorId: string) {
  const out = new Map<Period, { counting: ReportVersion | null; latest: ReportVersion }>();
  for (const r of reports) {
    if (r.indicatorId !== indicatorId || !periods.includes(r.period)) continue;
    const cur = out.get(r.period);
    const latest = !cur || r.version > cur.latest.version ? r : cur.latest;
    let counting = cur?.counting ?? null;
    if (reviewOf(r) !== 'devuelto' && (!counting || r.version > counting.version)) counting = r;
    out.set(r.period, { counting, latest });
  }
  return out;
}

const periodLabel = (p: Period) => `${monthShort(monthOf(p), 'es')} ${yearOf(p)}`;

/** What the quarter's months say for one indicator: values, the quarter's executed value, and the texts. */
export function quarterOfIndicator(
  ind: StatusIndicatorJson,
  reports: readonly ReportVersion[],
  periods: readonly Period[],
) {
  const byPeriod = countingVersions(reports, periods, ind.id);
  const values: (number | null)[] = periods.map((p) => byPeriod.get(p)?.counting?.value ?? null);
  const present = values.filter((v): v is number => v !== null);
  let executed: number | null = null;
  if (present.length) {
    executed = ind.trend === 'suma' ? round4(present.reduce((a, b) => a + b, 0)) : present[present.length - 1];
  }
  const lines = (pick: (r: ReportVersion) => string) =>
    periods
      .map((p) => {
        const c = byPeriod.get(p)?.counting;
        const text = c ? pick(c).replace(/\s+/g, ' ').trim() : '';
        return text ? `${periodLabel(p)}: ${neutralise(text)}` : '';
      })
      .filter(Boolean)
      .join('\n');
  const review = periods
    .map((p) => {
      const e = byPeriod.get(p);
      if (!e) return '';
      if (!e.counting) return `${periodLabel(p)}: ${REVIEW_LABEL.devuelto}`;
      const state = REVIEW_LABEL[reviewOf(e.counting)];
      const note = e.latest !== e.counting ? ` (v${e.latest.version} devuelta)` : '';
      return `${periodLabel(p)}: v${e.counting.version} ${state}${note}`;
    })
    .filter(Boolean)
    .join('\n');
  const links = periods.map((p) => byPeriod.get(p)?.counting?.evidencia?.trim() ?? '').filter(Boolean);
  return {
    values,
    executed,
    logros: lines((r) => r.logros ?? ''),
    dificultades: lines((r) => r.dificultades ?? ''),
    evidencia: lines((r) => r.evidencia ?? ''),
    singleLink: links.length === 1 && /^https?:\/\//i.test(links[0]) ? links[0] : null,
    review,
  };
}

interface Column {
  header: string;
  width: number;
  numFmt?: string;
  wrap?: boolean;
  /** Values in the indicator's unit (percent or number format per row). */
  unitFmt?: boolean;
}

/** The sheet's title («Seguimiento del PEI 2024–2027 — `subject`»), its cut and its source. */
function titleRows(ws: ExcelJS.Worksheet, subject: string, input: WorkbookInput, width: number): void {
  const { status, quarter } = input;
  const title = `Seguimiento del ${planShortName(input.plan)} — ${subject}`;
  const cut = `Corte: ${formatDate(status.asOf, 'es')}${input.running ? ' (trimestre en curso)' : ''} · Vigencia ${status.year} · Trimestre ${ROMAN[quarter - 1]} (T${quarter}) · Versión ${status.plan.version} del plan (vigente desde ${formatDate(status.plan.versionEffective, 'es')})`;
  const source =
    `Fuente: PEI Bot, seguimiento del ${status.plan.name} — cifras de GET /api/v1/status?year=${status.year}&asOf=${status.asOf}, ` +
    `reportes almacenados y verificación del plan; generado el ${input.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`;
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = cut;
  ws.getCell(2, 1).font = { bold: true };
  ws.getCell(3, 1).value = source;
  ws.getCell(3, 1).font = { italic: true, size: 9 };
  for (const r of [1, 2, 3]) ws.mergeCells(r, 1, r, Math.max(2, Math.min(width, 12)));
  const esc = (s: string) => s.replace(/&/g, '&&');
  ws.headerFooter = {
    oddHeader: `&L&B${esc(title)}&R${esc(`Corte ${status.asOf} · T${quarter} ${status.year}`)}`,
    oddFooter: `&L&8${esc(`Fuente: PEI Bot (GET /api/v1/status?year=${status.year}&asOf=${status.asOf})`)}&RPágina &P de &N`,
  };
}

function headerRow(ws: ExcelJS.Worksheet, columns: Column[]): void {
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    const cell = ws.getCell(HEADER_ROW, i + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = { bottom: { style: 'thin' } };
  });
  ws.getRow(HEADER_ROW).height = 42;
}

function page(ws: ExcelJS.Worksheet, opts: { fitWidth: boolean; repeatColumns?: string }): void {
  ws.pageSetup = {
    paperSize: 1 as unknown as ExcelJS.PaperSize, // letter (1; exceljs's enum lacks it)
    orientation: 'landscape',
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    ...(opts.repeatColumns ? { printTitlesColumn: opts.repeatColumns } : {}),
    ...(opts.fitWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, scale: 70 }),
  };
}

/**
 * Spreadsheets do not grow a row to fit wrapped text written by a library (LibreOffice keeps the default height and
 * the lines overlap): the height is estimated from the longest wrapped cell (about 1.15 characters per width unit).
 */
function fitHeight(row: ExcelJS.Row, columns: Column[], values: unknown[]): void {
  let lines = 1;
  values.forEach((v, i) => {
    const c = columns[i];
    if (!c?.wrap || typeof v !== 'string' || !v) return;
    const perLine = Math.max(8, Math.floor(c.width * 1.15));
    const n = v.split('\n').reduce((a, part) => a + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, n);
  });
  if (lines > 1) row.height = Math.min(409, 12.5 * lines + 3);
}

function setRow(ws: ExcelJS.Worksheet, rowNumber: number, columns: Column[], values: unknown[]): ExcelJS.Row {
  const row = ws.getRow(rowNumber);
  values.forEach((v, i) => {
    const cell = row.getCell(i + 1);
    cell.value = (v ?? null) as ExcelJS.CellValue;
    const c = columns[i];
    if (c.numFmt) cell.numFmt = c.numFmt;
    cell.alignment = { vertical: 'top', wrapText: !!c.wrap };
  });
  fitHeight(row, columns, values);
  return row;
}

/** The indicator's weight inside its objective among those with a target in the year (the engine's renormalisation). */
function yearWeights(status: StatusJson): Map<string, number> {
  const out = new Map<string, number>();
  for (const o of status.objectives) {
    const withTarget = o.indicators.filter((i) => (i.program[String(status.year)] ?? 0) !== 0);
    const sum = withTarget.reduce((a, i) => a + i.weight, 0);
    for (const i of o.indicators) out.set(i.id, withTarget.includes(i) && sum > 0 ? round4(i.weight / sum) : 0);
  }
  return out;
}

function fourYearWeights(status: StatusJson): Map<string, number> {
  const out = new Map<string, number>();
  for (const o of status.objectives) {
    const counted = o.indicators.filter((i) => i.total !== 0);
    const sum = counted.reduce((a, i) => a + i.weight, 0);
    for (const i of o.indicators) out.set(i.id, counted.includes(i) && sum > 0 ? round4(i.weight / sum) : 0);
  }
  return out;
}

function indicatorSheet(wb: ExcelJS.Workbook, input: WorkbookInput): void {
  const { status, plan, quarter } = input;
  const year = status.year;
  const periods = quarterPeriods(year, quarter);
  const closedPeriods = new Set(Object.keys(input.compliance.indicators[0]?.months ?? {}));
  const ws = wb.addWorksheet('Indicadores', {
    views: [{ state: 'frozen', xSplit: 3, ySplit: HEADER_ROW, topLeftCell: 'D6', activeCell: 'D6' }],
  });
  const unitFmt = (i: StatusIndicatorJson) => (i.unit === 'percent' ? PCT : NUM);
  // What a person reads first sits left, next to the frozen id and name: the semáforo and the progress figures.
  const columns: Column[] = [
    { header: 'Obj.', width: 5 },
    { header: 'Indicador (id)', width: 10 },
    { header: 'Nombre del indicador', width: 42, wrap: true },
    { header: 'Semáforo', width: 15 },
    { header: 'Avance anual', width: 10, numFmt: FIG },
    { header: 'Avance esperado', width: 10, numFmt: FIG },
    { header: 'Avance cuatrienio', width: 10, numFmt: FIG },
    { header: 'Tendencia', width: 11 },
    { header: 'Ponderación', width: 12, numFmt: PCT },
    { header: `Ponderación en ${year}`, width: 12, numFmt: PCT },
    { header: `Meta ${year}`, width: 11, unitFmt: true },
    { header: `Meta ${planYearsText(input.plan)}`, width: 11, unitFmt: true },
    ...periods.map((p) => ({ header: `Ejecutado ${periodLabel(p)}`, width: 11, unitFmt: true })),
    { header: `Ejecutado T${quarter}`, width: 11, unitFmt: true },
    { header: `Ejecutado ${year} (V)`, width: 11, unitFmt: true },
    { header: 'Responsable', width: 24, wrap: true },
    { header: `Logros T${quarter}`, width: 48, wrap: true },
    { header: `Dificultades T${quarter}`, width: 40, wrap: true },
    { header: 'Evidencias', width: 40, wrap: true },
    { header: 'Estado de revisión', width: 24, wrap: true },
    ...periods.map((p) => ({ header: `Cumplimiento ${periodLabel(p)}`, width: 16, wrap: true })),
    { header: 'Objetivo', width: 24, wrap: true },
    { header: 'Meta', width: 9 },
    { header: 'Texto de la meta', width: 48, wrap: true },
    { header: 'Unidad', width: 11 },
  ];
  titleRows(ws, `indicadores, T${quarter} ${year}`, input, columns.length);
  headerRow(ws, columns);
  const weights = yearWeights(status);
  const compliance = new Map(input.compliance.indicators.map((c) => [c.id, c]));
  const objectiveName = new Map(plan.objectives.map((o) => [o.number, o.shortName]));
  const metaText = new Map(plan.objectives.flatMap((o) => o.indicators).map((i) => [i.id, i.meta.text]));

  let r = HEADER_ROW + 1;
  for (const o of status.objectives) {
    for (const ind of o.indicators) {
      const q = quarterOfIndicator(ind, input.reports, periods);
      const months = compliance.get(ind.id);
      const sem = semaforoLabel(ind);
      // From the same reports as the values beside them (followup.ts: every stored version is seen); a late
      // month says when it was reported.
      const complianceCells = periods.map((p) => {
        if (!months) return 'Sin meta en el año';
        const s = months.months[p];
        if (s === 'tarde' && months.reportedOn[p]) return `Tarde (${formatDate(months.reportedOn[p], 'es')})`;
        return s ? COMPLIANCE_LABEL[s] : closedPeriods.has(p) ? '' : 'Mes sin cerrar';
      });
      const row = setRow(ws, r, columns, [
        o.number,
        ind.id,
        ind.name,
        sem.text,
        ind.progress,
        ind.expected,
        ind.cumulative,
        TREND_LABEL[ind.trend] ?? ind.trend,
        ind.weight,
        weights.get(ind.id) ?? 0,
        ind.program[String(year)] ?? null,
        ind.total,
        ...q.values,
        q.executed,
        ind.executed,
        neutralise(ind.owner ?? ''),
        q.logros,
        q.dificultades,
        q.evidencia,
        q.review,
        ...complianceCells,
        objectiveName.get(o.number) ?? o.name,
        ind.meta,
        metaText.get(ind.id) ?? '',
        ind.unit === 'percent' ? 'porcentaje' : 'número',
      ]);
      // Values in the indicator's unit.
      columns.forEach((c, i) => c.unitFmt && (row.getCell(i + 1).numFmt = unitFmt(ind)));
      const idCell = row.getCell(2);
      idCell.numFmt = '@';
      const semCell = row.getCell(columns.findIndex((c) => c.header === 'Semáforo') + 1);
      semCell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: sem.fill } };
      if (q.singleLink) {
        const ev = row.getCell(columns.findIndex((c) => c.header === 'Evidencias') + 1);
        ev.value = { text: q.evidencia, hyperlink: q.singleLink };
        ev.font = { color: { argb: 'FF0563C1' }, underline: true };
      }
      r++;
    }
  }
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: r - 1, column: columns.length } };
  page(ws, { fitWidth: false, repeatColumns: 'A:C' });
}

function summarySheet(wb: ExcelJS.Workbook, input: WorkbookInput): void {
  const { status } = input;
  const ws = wb.addWorksheet('Resumen', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: 'A6', activeCell: 'A6' }],
  });
  const columns: Column[] = [
    { header: 'Nivel', width: 10 },
    { header: 'Obj.', width: 5 },
    { header: 'Indicador (id)', width: 10 },
    { header: 'Nombre', width: 46, wrap: true },
    { header: 'Ponderación', width: 12, numFmt: PCT },
    { header: `Ponderación en ${status.year}`, width: 12, numFmt: PCT },
    { header: 'Avance anual', width: 10, numFmt: FIG },
    { header: 'Contribución al avance anual', width: 12, numFmt: FIG },
    { header: 'Avance esperado', width: 10, numFmt: FIG },
    { header: 'Contribución al esperado', width: 12, numFmt: FIG },
    { header: 'Ponderación cuatrienio', width: 12, numFmt: PCT },
    { header: 'Avance cuatrienio', width: 10, numFmt: FIG },
    { header: 'Contribución al cuatrienio', width: 12, numFmt: FIG },
    { header: 'Semáforo', width: 16 },
  ];
  titleRows(ws, `resumen ponderado, T${input.quarter} ${status.year}`, input, columns.length);
  headerRow(ws, columns);
  const yw = yearWeights(status);
  const fw = fourYearWeights(status);
  const cap = (x: number | null) => (x === null ? 0 : Math.min(x, 1));
  /**
   * The contributions of parts to a whole, at the tenth of a percent the sheet shows, adding up to the whole's shown
   * figure exactly (progress/shown.ts, largest remainder); a whole without a figure gets none.
   */
  const contributions = (parts: { w: number; x: number | null }[], whole: number | null): (number | null)[] =>
    whole === null
      ? parts.map(() => null)
      : apportion(
          parts.map((p) => p.w * cap(p.x)),
          whole,
        );

  // The plan: the plain mean of its objectives (each weighs the same), capped at 100 % (docs/decisions.md).
  const withTarget = status.objectives.filter((o) => o.expected !== null);
  const planW = (o: { expected: number | null }) =>
    o.expected !== null && withTarget.length ? round4(1 / withTarget.length) : 0;
  const planFw = status.objectives.length ? round4(1 / status.objectives.length) : 0;
  let r = HEADER_ROW + 1;
  const planSem = semaforoLabel({
    status: status.plan.status,
    pending: false,
    expected: status.plan.expected,
    progress: status.plan.progress,
  });
  const planRow = setRow(ws, r++, columns, [
    'Plan',
    null,
    status.plan.id,
    status.plan.name,
    1,
    1,
    status.plan.progress,
    null,
    status.plan.expected,
    null,
    1,
    status.plan.cumulative,
    null,
    planSem.text,
  ]);
  planRow.font = { bold: true };
  planRow.getCell(14).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: planSem.fill } };
  ws.getCell(r++, 4).value =
    'Cada objetivo pesa lo mismo en el plan; su avance entra con tope de 100 %. Contribución = ponderación × min(avance, 100 %).';
  ws.getCell(r - 1, 4).font = { italic: true, size: 9 };

  const objectiveParts = (pick: (o: StatusJson['objectives'][number]) => number | null, w: typeof planW) =>
    status.objectives.map((o) => ({ w: w(o), x: pick(o) }));
  const planProgress = contributions(
    objectiveParts((o) => o.progress, planW),
    status.plan.progress,
  );
  const planExpected = contributions(
    objectiveParts((o) => o.expected, planW),
    status.plan.expected,
  );
  const planCumulative = contributions(
    objectiveParts(
      (o) => o.cumulative,
      () => planFw,
    ),
    status.plan.cumulative,
  );
  for (const [k, o] of status.objectives.entries()) {
    const sem = semaforoLabel({ status: o.status, pending: false, expected: o.expected, progress: o.progress });
    const orow = setRow(ws, r++, columns, [
      'Objetivo',
      o.number,
      null,
      o.name,
      planFw,
      planW(o),
      o.progress,
      planProgress[k],
      o.expected,
      planExpected[k],
      planFw,
      o.cumulative,
      planCumulative[k],
      sem.text,
    ]);
    orow.font = { bold: true };
    orow.eachCell((c) => (c.fill = c.fill ?? { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } }));
    orow.getCell(14).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: sem.fill } };
    const parts = (pick: (i: StatusIndicatorJson) => number | null, weights: Map<string, number>) =>
      o.indicators.map((i) => ({ w: weights.get(i.id) ?? 0, x: pick(i) }));
    const progressParts = contributions(
      parts((i) => i.progress, yw),
      o.progress,
    );
    const expectedParts = contributions(
      parts((i) => i.expected, yw),
      o.expected,
    );
    const cumulativeParts = contributions(
      parts((i) => i.cumulative, fw),
      o.cumulative,
    );
    for (const [j, ind] of o.indicators.entries()) {
      const isem = semaforoLabel(ind);
      const w = yw.get(ind.id) ?? 0;
      const f = fw.get(ind.id) ?? 0;
      const row = setRow(ws, r++, columns, [
        'Indicador',
        o.number,
        ind.id,
        ind.name,
        ind.weight,
        w,
        ind.progress,
        progressParts[j],
        ind.expected,
        expectedParts[j],
        f,
        ind.cumulative,
        cumulativeParts[j],
        isem.text,
      ]);
      row.getCell(3).numFmt = '@';
      row.getCell(14).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: isem.fill } };
    }
  }
  r++;
  const notes = [
    `Ponderación en ${status.year}: la del plan, renormalizada entre los indicadores del objetivo con meta en el año (un año con meta 0 no pondera).`,
    'Avance del objetivo = Σ ponderación en el año × min(avance, 100 %); un indicador sin reporte cuenta 0. Lo mismo para el esperado y, con la ponderación cuatrienio, para el cuatrienio.',
    'Avances y contribuciones a la décima de porcentaje, como en las tarjetas del bot; las contribuciones se redondean de modo que sumen exactamente el avance mostrado (método del mayor residuo).',
  ];
  for (const n of notes) {
    ws.getCell(r, 4).value = n;
    ws.getCell(r, 4).alignment = { wrapText: true };
    ws.getCell(r++, 4).font = { italic: true, size: 9 };
  }
  page(ws, { fitWidth: true });
}

function findingsSheet(wb: ExcelJS.Workbook, input: WorkbookInput): void {
  const ws = wb.addWorksheet('Hallazgos del plan', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: 'A6', activeCell: 'A6' }],
  });
  const columns: Column[] = [
    { header: 'Tipo', width: 26, wrap: true },
    { header: 'Referencia', width: 14 },
    { header: 'Obj.', width: 5 },
    { header: 'Hallazgo', width: 80, wrap: true },
    { header: 'Revisado por la OAP', width: 12 },
    { header: 'Nota de la revisión', width: 50, wrap: true },
  ];
  titleRows(ws, 'verificación de los datos del plan', input, columns.length);
  headerRow(ws, columns);
  const notes = new Map(input.plan.acknowledgedFindings.map((a) => [`${a.code}|${a.ref}`, a.note]));
  let r = HEADER_ROW + 1;
  for (const f of input.findings) {
    const row = setRow(ws, r++, columns, [
      catalog('es').operator.findingKind[f.code],
      f.ref,
      f.objective,
      catalog('es').operator.finding(f),
      f.acknowledged ? 'Sí' : 'No',
      notes.get(`${f.code}|${f.ref}`) ?? '',
    ]);
    row.getCell(2).numFmt = '@';
  }
  if (!input.findings.length) ws.getCell(r, 4).value = catalog('es').operator.noFindings;
  page(ws, { fitWidth: true });
}

/** Builds the workbook (exceljs) from the figures; `workbookBuffer` writes it. */
export function buildWorkbook(input: WorkbookInput): ExcelJS.Workbook {
  const wb = newWorkbook();
  wb.creator = 'PEI Bot';
  wb.lastModifiedBy = 'PEI Bot';
  wb.title = `Seguimiento ${planShortName(input.plan)} T${input.quarter} ${input.status.year}`;
  wb.subject = `${input.plan.entity}: seguimiento trimestral, corte ${input.status.asOf}`;
  wb.company = input.plan.entity;
  wb.created = input.generatedAt;
  wb.modified = input.generatedAt;
  indicatorSheet(wb, input);
  summarySheet(wb, input);
  findingsSheet(wb, input);
  return wb;
}

/** The .xlsx file's bytes. */
export async function workbookBuffer(input: WorkbookInput): Promise<Buffer> {
  const data = await buildWorkbook(input).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

/** The file name people get: seguimiento-pei-2025-T2.xlsx. */
export function workbookFileName(year: number, quarter: Quarter): string {
  return `seguimiento-pei-${year}-T${quarter}.xlsx`;
}

/** For tests and the CLI: reads an .xlsx back (the same library). */
export async function readWorkbook(data: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = newWorkbook();
  await wb.xlsx.load(data as ArrayBuffer);
  return wb;
}

export type { IsoDate };
