import type { Indicator, Plan, Year } from './types';
import { PLAN_YEARS } from './types';

/**
 * The plan check: data-quality findings derived from the plan data itself (nothing here names an indicator).
 * Findings the planning office has reviewed are listed in the plan's `acknowledgedFindings`; any other is new.
 */

export type FindingCode =
  | 'weights-sum'
  | 'weights-year'
  | 'zero-target'
  | 'total-mismatch'
  | 'meta-quantity'
  | 'mixed-format'
  | 'code-out-of-series'
  | 'no-code';

export interface Finding {
  code: FindingCode;
  /** What it is about: an indicator id, "O2", "O2:2024", "8110-M3:2024". */
  ref: string;
  objective: number;
  message: string;
  acknowledged: boolean;
}

export interface PlanCheck {
  findings: Finding[];
  /** Acknowledged findings that the data no longer shows. */
  stale: { code: string; ref: string }[];
  /** True when every finding is acknowledged (the only findings are those known in the seed). */
  ok: boolean;
}

const EPS = 1e-9;
const pct = (x: number) => `${Number((x * 100).toFixed(2)).toLocaleString('es-CO')} %`;

/** The first quantity a meta states ("Participar en 50 …" -> 50; "Acompañar al 100% …" -> 1; "100.000 unidades" -> 100000). */
export function statedQuantity(text: string): number | null {
  const m = /(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(\s*%)?/.exec(text);
  if (!m) return null;
  const n = Number(m[1].replace(/\./g, '').replace(',', '.'));
  return m[2] ? n / 100 : n;
}

type CellFormat = 'percent' | 'thousands' | 'decimal-comma' | 'decimal-point' | 'integer' | 'other';

/** How a printed cell writes its number. */
export function cellFormat(cell: string): CellFormat {
  const c = cell.trim();
  if (/^\d+(?:[.,]\d+)?\s*%$/.test(c)) return 'percent';
  if (/^\d{1,3}(?:\.\d{3})+$/.test(c)) return 'thousands';
  if (/^\d+,\d+$/.test(c)) return 'decimal-comma';
  if (/^\d+\.\d+$/.test(c)) return 'decimal-point';
  if (/^\d+$/.test(c)) return 'integer';
  return 'other';
}

function mixedFormat(ind: Indicator): string | null {
  const cells = [...ind.printed.program, ind.printed.total];
  const formats = cells.map(cellFormat);
  const hasPercent = formats.includes('percent');
  const plainInPercentRow = hasPercent && formats.some((f) => f !== 'percent');
  const bothSeparators = formats.includes('decimal-comma') && formats.includes('decimal-point');
  const percentWithComma = cells.some((c) => /,\d+\s*%$/.test(c)) && formats.some((f) => f === 'decimal-comma' || f === 'decimal-point');
  if (!(plainInPercentRow || bothSeparators || percentWithComma || formats.includes('other'))) return null;
  return `la fila mezcla formatos (${cells.join(' | ')}); se lee como ${[...PLAN_YEARS.map((y) => fmt(ind, ind.program[y])), fmt(ind, ind.total)].join(' | ')}`;
}

function fmt(ind: Indicator, v: number): string {
  return ind.unit === 'percent' ? pct(v) : v.toLocaleString('es-CO');
}

export function checkPlan(plan: Plan): PlanCheck {
  const found: Omit<Finding, 'acknowledged'>[] = [];
  const add = (code: FindingCode, ref: string, objective: number, message: string) => found.push({ code, ref, objective, message });

  const sectoralMetaNumbers = plan.objectives
    .flatMap((o) => o.indicators)
    .filter((i) => i.meta.kind === 'sectorial' && i.meta.number)
    .map((i) => Number(i.meta.number));
  const metaMin = Math.min(...sectoralMetaNumbers);
  const metaMax = Math.max(...sectoralMetaNumbers);

  for (const o of plan.objectives) {
    const sum = o.indicators.reduce((s, i) => s + i.weight, 0);
    if (Math.abs(sum - 1) > EPS) add('weights-sum', `O${o.number}`, o.number, `las ponderaciones del objetivo ${o.number} suman ${pct(sum)}, no 100 %`);

    for (const y of PLAN_YEARS) {
      const zero = o.indicators.filter((i) => i.program[y] === 0);
      if (!zero.length) continue;
      const programmed = o.indicators.filter((i) => i.program[y] !== 0).reduce((s, i) => s + i.weight, 0);
      add('weights-year', `O${o.number}:${y}`, o.number,
        `en ${y} solo ${pct(programmed)} de la ponderación del objetivo ${o.number} tiene meta programada (${zero.map((i) => i.id).join(', ')} sin meta); las ponderaciones se renormalizan sobre los indicadores programados`);
      for (const i of zero) add('zero-target', `${i.id}:${y}`, o.number, `el indicador ${i.id} no tiene meta en ${y}: no tiene avance anual ese año ni pondera`);
    }

    for (const ind of o.indicators) {
      const years = PLAN_YEARS.map((y: Year) => ind.program[y]);
      const expectedTotal = ind.trend === 'suma' ? years.reduce((a, b) => a + b, 0) : years[years.length - 1];
      if (Math.abs(expectedTotal - ind.total) > 1e-6) {
        add('total-mismatch', ind.id, o.number,
          `el total 2024-2027 (${fmt(ind, ind.total)}) no coincide con la programación anual (${ind.trend === 'suma' ? 'suma' : 'último año'}: ${fmt(ind, expectedTotal)})`);
      }
      const q = statedQuantity(ind.meta.text);
      if (q !== null && Math.abs(q - ind.total) > 1e-6 && !(q === 1 && ind.unit === 'percent' && ind.total === 1)) {
        add('meta-quantity', ind.id, o.number,
          `la meta ${ind.meta.label} dice ${q.toLocaleString('es-CO')} pero la programación 2024-2027 suma ${fmt(ind, ind.total)}`);
      }
      const mixed = mixedFormat(ind);
      if (mixed) add('mixed-format', ind.id, o.number, `indicador ${ind.id}: ${mixed}`);
      if (ind.meta.kind === 'sectorial' && /^\d{4}$/.test(ind.id)) {
        const code = Number(ind.id);
        if (code >= metaMin && code <= metaMax) {
          add('code-out-of-series', ind.id, o.number,
            `el indicador ${ind.id} (meta ${ind.meta.number}) tiene un código en el rango de los números de meta (${metaMin}-${metaMax}), fuera de la serie de códigos de indicador`);
        }
      }
      if (ind.printedNumber === null) {
        add('no-code', ind.id, o.number, `el indicador "${ind.name.slice(0, 60)}…" no tiene código ni número de meta en la fuente; se le asigna el id ${ind.id}`);
      }
    }
  }

  const ack = new Set(plan.acknowledgedFindings.map((a) => `${a.code}|${a.ref}`));
  const findings = found.map((f) => ({ ...f, acknowledged: ack.has(`${f.code}|${f.ref}`) }));
  const present = new Set(findings.map((f) => `${f.code}|${f.ref}`));
  const stale = plan.acknowledgedFindings.filter((a) => !present.has(`${a.code}|${a.ref}`)).map(({ code, ref }) => ({ code, ref }));
  return { findings, stale, ok: findings.every((f) => f.acknowledged) };
}
