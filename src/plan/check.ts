import type { Finding, FindingFacts } from '../domain/codes';

export type { Finding, FindingCode, FindingFacts } from '../domain/codes';
import type { Indicator, Plan, Year } from '../domain/plan';
import { planYears } from '../domain/plan';

/**
 * The plan check: data-quality findings derived from the plan data itself (nothing here names an indicator).
 * Findings the planning office has reviewed are listed in the plan's `acknowledgedFindings`; any other is new.
 */

export interface PlanCheck {
  findings: Finding[];
  /** Acknowledged findings that the data no longer shows. */
  stale: { code: string; ref: string }[];
  /** True when every finding is acknowledged (the only findings are those known in the seed). */
  ok: boolean;
}

const EPS = 1e-9;

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

function mixedFormat(ind: Indicator, years: readonly number[]): FindingFacts | null {
  const cells = [...ind.printed.program, ind.printed.total];
  const formats = cells.map(cellFormat);
  const hasPercent = formats.includes('percent');
  const plainInPercentRow = hasPercent && formats.some((f) => f !== 'percent');
  const bothSeparators = formats.includes('decimal-comma') && formats.includes('decimal-point');
  const percentWithComma =
    cells.some((c) => /,\d+\s*%$/.test(c)) && formats.some((f) => f === 'decimal-comma' || f === 'decimal-point');
  if (!(plainInPercentRow || bothSeparators || percentWithComma || formats.includes('other'))) return null;
  return {
    code: 'mixed-format',
    unit: ind.unit,
    indicatorId: ind.id,
    cells,
    read: [...years.map((y) => ind.program[y]), ind.total],
  };
}

export function checkPlan(plan: Plan): PlanCheck {
  const found: Omit<Finding, 'acknowledged'>[] = [];
  const add = (ref: string, objective: number, facts: FindingFacts) =>
    found.push({ code: facts.code, ref, objective, facts });

  const sectoralMetaNumbers = plan.objectives
    .flatMap((o) => o.indicators)
    .filter((i) => i.meta.kind === 'sectorial' && i.meta.number)
    .map((i) => Number(i.meta.number));
  const metaMin = Math.min(...sectoralMetaNumbers);
  const metaMax = Math.max(...sectoralMetaNumbers);

  for (const o of plan.objectives) {
    const sum = o.indicators.reduce((s, i) => s + i.weight, 0);
    if (Math.abs(sum - 1) > EPS) add(`O${o.number}`, o.number, { code: 'weights-sum', objective: o.number, sum });

    for (const y of planYears(plan)) {
      const zero = o.indicators.filter((i) => i.program[y] === 0);
      if (!zero.length) continue;
      const programmed = o.indicators.filter((i) => i.program[y] !== 0).reduce((s, i) => s + i.weight, 0);
      add(`O${o.number}:${y}`, o.number, {
        code: 'weights-year',
        objective: o.number,
        year: y,
        programmed,
        unprogrammed: zero.map((i) => i.id),
      });
      for (const i of zero) add(`${i.id}:${y}`, o.number, { code: 'zero-target', indicatorId: i.id, year: y });
    }

    for (const ind of o.indicators) {
      const years = planYears(plan).map((y: Year) => ind.program[y]);
      const expectedTotal = ind.trend === 'suma' ? years.reduce((a, b) => a + b, 0) : years[years.length - 1];
      if (Math.abs(expectedTotal - ind.total) > 1e-6) {
        add(ind.id, o.number, {
          code: 'total-mismatch',
          unit: ind.unit,
          total: ind.total,
          expected: expectedTotal,
          rule: ind.trend === 'suma' ? 'sum' : 'last-year',
        });
      }
      const q = statedQuantity(ind.meta.text);
      if (q !== null && Math.abs(q - ind.total) > 1e-6 && !(q === 1 && ind.unit === 'percent' && ind.total === 1)) {
        add(ind.id, o.number, {
          code: 'meta-quantity',
          unit: ind.unit,
          metaLabel: ind.meta.label,
          stated: q,
          total: ind.total,
        });
      }
      const mixed = mixedFormat(ind, planYears(plan));
      if (mixed) add(ind.id, o.number, mixed);
      if (ind.meta.kind === 'sectorial' && /^\d{4}$/.test(ind.id)) {
        const code = Number(ind.id);
        if (code >= metaMin && code <= metaMax) {
          add(ind.id, o.number, {
            code: 'code-out-of-series',
            indicatorId: ind.id,
            metaNumber: ind.meta.number,
            min: metaMin,
            max: metaMax,
          });
        }
      }
      if (ind.printedNumber === null) {
        add(ind.id, o.number, { code: 'no-code', name: ind.name, indicatorId: ind.id });
      }
    }
  }

  const ack = new Set(plan.acknowledgedFindings.map((a) => `${a.code}|${a.ref}`));
  const findings = found.map((f) => ({ ...f, acknowledged: ack.has(`${f.code}|${f.ref}`) }));
  const present = new Set(findings.map((f) => `${f.code}|${f.ref}`));
  const stale = plan.acknowledgedFindings
    .filter((a) => !present.has(`${a.code}|${a.ref}`))
    .map(({ code, ref }) => ({ code, ref }));
  return { findings, stale, ok: findings.every((f) => f.acknowledged) };
}
