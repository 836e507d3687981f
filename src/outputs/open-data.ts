import { stringify } from 'csv-stringify/sync';
import type { Plan } from '../domain/plan';
import { planYears } from '../domain/plan';
import type { PlanFigures } from '../progress/engine';
import { round4 } from '../progress/status';
import { shownFigure } from '../progress/shown';
import type { IsoDate } from '../calendar';
import { neutralise } from './common';

/**
 * The open-data feeds (Ley 1712 de 2014; CONTRACT.md, «Open data»), pure: the plan and its figures per year in, one
 * row per indicator and year of the plan out, as CSV (UTF-8, comma, decimal point) and JSON (an array of the same
 * rows). Stable snake_case columns, documented in docs/datos-abiertos.md. No personal data: owners, authors and
 * reviewers never enter a row, nor do the texts people type (logros, dificultades, which may name people); the
 * «area» is the organisational unit the plan names.
 */

export type ColumnType = 'texto' | 'numero' | 'entero' | 'fecha' | 'periodo';

export interface OpenDataColumn {
  name: string;
  type: ColumnType;
  meaning: string;
  example: string;
}

export const OPEN_DATA_COLUMNS: readonly OpenDataColumn[] = [
  { name: 'plan_id', type: 'texto', meaning: 'Identificador del plan', example: 'pei-sg-2024-2027' },
  {
    name: 'entidad',
    type: 'texto',
    meaning: 'Entidad que formula y sigue el plan',
    example: 'Secretaría General de la Alcaldía Mayor de Bogotá D.C.',
  },
  {
    name: 'vigencia',
    type: 'entero',
    meaning: 'Año del plan al que corresponden las cifras de la fila',
    example: '2025',
  },
  {
    name: 'fecha_corte',
    type: 'fecha',
    meaning:
      'Fecha de corte de las cifras (AAAA-MM-DD): el 31 de diciembre para vigencias cerradas, la fecha de publicación para la vigencia en curso',
    example: '2025-06-30',
  },
  {
    name: 'meses_cerrados',
    type: 'entero',
    meaning: 'Meses de la vigencia cerrados a la fecha de corte (0 a 12)',
    example: '6',
  },
  { name: 'objetivo_numero', type: 'entero', meaning: 'Número del objetivo estratégico (1 a 10)', example: '5' },
  {
    name: 'objetivo_nombre',
    type: 'texto',
    meaning: 'Nombre del objetivo estratégico',
    example: 'Mejorar el relacionamiento con la ciudadanía…',
  },
  {
    name: 'meta_id',
    type: 'texto',
    meaning: 'Identificador de la meta (número de meta sectorial, PPPP-Mn para metas de proyecto)',
    example: '2339',
  },
  {
    name: 'meta_texto',
    type: 'texto',
    meaning: 'Texto de la meta',
    example: 'Crear el portal web de trámites y servicios…',
  },
  {
    name: 'indicador_id',
    type: 'texto',
    meaning: 'Identificador estable del indicador (código sectorial, PPPP-Mn, O10-n)',
    example: '4263',
  },
  {
    name: 'indicador_nombre',
    type: 'texto',
    meaning: 'Nombre del indicador',
    example: 'Portal web de trámites y servicios del Distrito Capital creado',
  },
  {
    name: 'tendencia',
    type: 'texto',
    meaning: 'Cómo se acumulan los reportes: suma, creciente, constante o decreciente',
    example: 'creciente',
  },
  {
    name: 'unidad',
    type: 'texto',
    meaning: 'numero o porcentaje; los porcentajes se publican como fracción (15 % = 0.15)',
    example: 'numero',
  },
  {
    name: 'ponderacion',
    type: 'numero',
    meaning: 'Peso del indicador dentro de su objetivo, como fracción',
    example: '0.5',
  },
  {
    name: 'area_responsable',
    type: 'texto',
    meaning: 'Dependencia a cargo según el plan (unidad organizacional, no una persona); vacío si el plan no la nombra',
    example: 'Subdirección de Servicios Administrativos',
  },
  {
    name: 'meta_vigencia',
    type: 'numero',
    meaning: 'Meta programada para la vigencia (M); 0 = sin meta ese año',
    example: '0.4',
  },
  { name: 'meta_cuatrienio', type: 'numero', meaning: 'Meta total 2024–2027', example: '1' },
  { name: 'linea_base', type: 'numero', meaning: 'Línea base; vacío si el plan no la da (se usa 0)', example: '' },
  {
    name: 'ejecutado_vigencia',
    type: 'numero',
    meaning:
      'Valor ejecutado de la vigencia a la fecha de corte (suma de los reportes o último nivel, según la tendencia); vacío sin reportes',
    example: '0.3',
  },
  {
    name: 'avance_vigencia',
    type: 'numero',
    meaning: 'Avance anual como fracción, sin tope (1.2 = 120 %); vacío si no aplica',
    example: '0.75',
  },
  {
    name: 'avance_esperado',
    type: 'numero',
    meaning: 'Avance esperado a la fecha de corte, como fracción',
    example: '0.625',
  },
  { name: 'avance_cuatrienio', type: 'numero', meaning: 'Avance acumulado 2024–2027 como fracción', example: '0.3' },
  {
    name: 'semaforo',
    type: 'texto',
    meaning:
      'rojo, amarillo, verde, sobre-ejecucion, sin-meta o sin-datos (avance / esperado: <0.50, <0.75, ≤1.25, más)',
    example: 'verde',
  },
  {
    name: 'ultimo_periodo_reportado',
    type: 'periodo',
    meaning: 'Último mes con reporte hasta la fecha de corte (AAAA-MM); vacío sin reportes',
    example: '2025-06',
  },
];

export const OPEN_DATA_NAMES = OPEN_DATA_COLUMNS.map((c) => c.name);

export type OpenDataRow = Record<string, string | number | null>;

/** The as-of date of each year's row: a closed year at its last day, the running one today, a future one today. */
export function openDataAsOf(year: number, today: IsoDate): IsoDate {
  const end = `${year}-12-31`;
  return today < end ? today : end;
}

const allIds = (p: Plan) => p.objectives.flatMap((o) => o.indicators.map((i) => i.id));

export function openDataRows(
  plan: Plan,
  figures: (year: number, asOf: IsoDate) => PlanFigures,
  today: IsoDate,
): OpenDataRow[] {
  const rows: OpenDataRow[] = [];
  const r = (x: number | null) => (x === null ? null : round4(x));
  const byYear = planYears(plan).map((y) => figures(y, openDataAsOf(y, today)));
  // Each year's row comes from the plan version in force at its as-of date (its target, weight, names): an indicator
  // retired in that version has no row that year; one added appears from then on. Ids in the plan's order.
  const ids = [...new Set([plan, ...byYear.map((f) => f.plan)].flatMap((p) => allIds(p)))];
  for (const id of ids) {
    for (const f of byYear) {
      const o = f.objectives.find((x) => x.indicators.some((i) => i.indicator.id === id));
      const fi = o?.indicators.find((x) => x.indicator.id === id);
      if (!o || !fi) continue;
      const ind = fi.indicator;
      rows.push({
        plan_id: plan.id,
        entidad: plan.entity,
        vigencia: f.year,
        fecha_corte: f.asOf,
        meses_cerrados: f.monthsClosed,
        objetivo_numero: o.objective.number,
        objetivo_nombre: o.objective.name,
        meta_id: ind.meta.id,
        meta_texto: ind.meta.text,
        indicador_id: ind.id,
        indicador_nombre: ind.name,
        tendencia: ind.trend,
        unidad: ind.unit === 'percent' ? 'porcentaje' : 'numero',
        ponderacion: round4(ind.weight),
        area_responsable: ind.area,
        meta_vigencia: round4((ind.program as Record<number, number>)[f.year] ?? 0),
        meta_cuatrienio: round4(ind.total),
        linea_base: ind.baseline,
        ejecutado_vigencia: r(fi.executed),
        avance_vigencia: shownFigure(fi.progress),
        avance_esperado: shownFigure(fi.expected),
        avance_cuatrienio: shownFigure(fi.cumulative),
        semaforo: fi.status,
        ultimo_periodo_reportado: fi.lastReport,
      });
    }
  }
  return rows;
}

/** CSV: header row, comma-separated, decimal point, empty cell for null, LF line ends, UTF-8 without BOM (the first column's name stays plain). */
export function openDataCsv(rows: readonly OpenDataRow[]): string {
  const cells = rows.map((row) =>
    OPEN_DATA_NAMES.map((k) => {
      const v = row[k];
      if (v === null || v === undefined) return '';
      return typeof v === 'number' ? String(v) : neutralise(v);
    }),
  );
  return stringify(cells, { header: true, columns: OPEN_DATA_NAMES, record_delimiter: 'unix' });
}

export function openDataJson(rows: readonly OpenDataRow[]): string {
  return JSON.stringify(rows.map((row) => Object.fromEntries(OPEN_DATA_NAMES.map((k) => [k, row[k] ?? null]))));
}
