import type { Indicator, Plan } from '../domain/plan';
import type { ReportInput, ReportRecord } from '../domain/records';
import { bogotaDate, isPeriod, isYearClosed, makePeriod, periodOf, reportDeadline, yearOf } from '../calendar';
import { progressOf } from '../progress/engine';
import { parseReportValue, MAX_DECIMALS } from './numbers';
import { FIELD_LABELS, messages, valueText, type Lang } from '../i18n';

/**
 * The rules a report must meet before it is stored — one function for the chat form and the CSV import.
 * Pure: the plan, the clock and the indicator's stored reports come in as data.
 *
 * Rules (errors, by field):
 * - indicatorId: required, must exist in the plan.
 * - period: YYYY-MM inside the plan's years (2024..2027); not after the current Bogotá month (the current month,
 *   not yet closed, is accepted with a warning); a closed year (`isYearClosed`: the December report's deadline has
 *   passed) is refused for owners — admins may still correct it, with a warning (the engine flags it as
 *   'closed-period').
 * - value: a number in es-CO or English format (numbers.ts), ≥ 0, and not absurd: a percent above 100 %, more than
 *   10× the year's target (the four-year total where the year has none), or, for Suma, a single month's flow above
 *   the four-year total.
 * - explanations in dificultades ("Dificultades, soluciones o justificación", at least 10 characters) are required
 *   for: a zero value; over-execution (the year's executed value with this report — Suma: the year's other
 *   periods plus this one; the others: this level — above the year's target); a Creciente level below the
 *   previous report's (a Decreciente above it). These are docs/dominio.md's anomalies: accepted once explained.
 * - logros: required, 10..2000 characters; dificultades: at most 2000.
 * - evidencia: required (the planning office needs the support of every figure for the quarterly report), an
 *   https:// URL of at most 500 characters.
 * Warnings (accepted): a correction (a report for that month exists: this one becomes the next version), the
 * current month (not yet closed), an admin's correction of a closed year.
 */

export type ReportField = 'indicatorId' | 'period' | 'value' | 'logros' | 'dificultades' | 'evidencia';
export const REPORT_FIELDS: readonly ReportField[] = [
  'indicatorId',
  'period',
  'value',
  'logros',
  'dificultades',
  'evidencia',
];

/** What a person typed (form inputs, CSV cells): strings, possibly missing. */
export type RawReport = Partial<Record<ReportField, unknown>>;

export interface FieldError {
  field: ReportField;
  code: string;
  message: string;
}

export interface ReportWarning {
  code: 'correction' | 'current-month' | 'closed-year';
  message: string;
}

export type ValidationResult =
  | { ok: true; value: ReportInput; warnings: ReportWarning[]; indicator: Indicator }
  | { ok: false; errors: FieldError[]; warnings: ReportWarning[] };

export interface ValidationContext {
  plan: Plan;
  /** The indicator, when the caller already resolved it; otherwise looked up by input.indicatorId. */
  indicator?: Indicator;
  now: Date;
  /** Stored versions of the indicator's reports (other indicators' reports are ignored). */
  existing: readonly ReportRecord[];
  lang: Lang;
  /** Admins may correct closed years. */
  isAdmin?: boolean;
  /** Default true. */
  requireEvidence?: boolean;
}

export const LIMITS = Object.freeze({
  logrosMin: 10,
  textMax: 2000,
  evidenceMax: 500,
  explanationMin: 10,
  /** A value above this many times the year's target is refused as absurd. */
  absurdFactor: 10,
});

/** Trims, unifies line ends and drops control characters (other than new lines and tabs). */
export function cleanText(v: unknown): string {
  if (typeof v !== 'string') return typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
  return (
    v
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .trim()
  );
}

/** Length in characters as a person counts them (code points, not UTF-16 units). */
export function textLength(s: string): number {
  return [...s].length;
}

export function isHttpsUrl(s: string): boolean {
  if (/\s/.test(s)) return false;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' && /\.[a-z]{2,}$|^localhost$/i.test(u.hostname) && !u.username && !u.password;
  } catch {
    return false;
  }
}

export function findIndicator(plan: Plan, id: string): Indicator | undefined {
  const want = id.trim();
  for (const o of plan.objectives) {
    for (const i of o.indicators) if (i.id === want || i.id.toUpperCase() === want.toUpperCase()) return i;
  }
  return undefined;
}

/** The effective report (highest version) of each period of one indicator, periods ascending. */
export function effectiveByPeriod(existing: readonly ReportRecord[], indicatorId: string): ReportRecord[] {
  const byPeriod = new Map<string, ReportRecord>();
  for (const r of existing) {
    if (r.indicatorId !== indicatorId) continue;
    const prev = byPeriod.get(r.period);
    if (!prev || r.version > prev.version) byPeriod.set(r.period, r);
  }
  return [...byPeriod.values()].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

function targetOf(ind: Indicator, year: number): number {
  return (ind.program as Record<number, number>)[year] ?? 0;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

export function validateReport(input: RawReport, ctx: ValidationContext): ValidationResult {
  const lang: Lang = ctx.lang === 'en' ? 'en' : 'es';
  const m = messages(lang);
  const labels = FIELD_LABELS[lang];
  const errors: FieldError[] = [];
  const warnings: ReportWarning[] = [];
  const err = (field: ReportField, code: string, message: string) => errors.push({ field, code, message });

  // ---- indicator
  const idText = cleanText(input.indicatorId);
  let ind = ctx.indicator;
  if (!ind) {
    if (!idText) err('indicatorId', 'required', m.indicatorRequired);
    else {
      ind = findIndicator(ctx.plan, idText);
      if (!ind) err('indicatorId', 'unknown', m.indicatorUnknown(idText.slice(0, 40)));
    }
  }

  // ---- period
  const today = bogotaDate(ctx.now);
  const currentPeriod = periodOf(today);
  const periodRaw = cleanText(input.period);
  let period: string | null = null;
  if (!periodRaw) err('period', 'required', m.periodRequired);
  else {
    const p = normalizePeriod(periodRaw);
    if (!p) err('period', 'format', m.periodFormat(periodRaw.slice(0, 20)));
    else {
      const y = yearOf(p);
      if (y < ctx.plan.period.from || y > ctx.plan.period.to)
        err('period', 'outside-plan', m.periodOutsidePlan(ctx.plan.period.from, ctx.plan.period.to));
      else if (p > currentPeriod) err('period', 'future', m.periodFuture(p, currentPeriod));
      else if (isYearClosed(y, today)) {
        if (ctx.isAdmin) {
          period = p;
          warnings.push({ code: 'closed-year', message: m.yearClosedAdminWarning(y) });
        } else err('period', 'closed-year', m.yearClosed(y, reportDeadline(makePeriod(y, 12))));
      } else period = p;
      if (period === currentPeriod) warnings.push({ code: 'current-month', message: m.currentMonthWarning(period) });
    }
  }

  // ---- texts
  const logros = cleanText(input.logros);
  const dificultades = cleanText(input.dificultades);
  const evidencia = cleanText(input.evidencia);
  const logrosLen = textLength(logros);
  if (!logros) err('logros', 'required', m.logrosRequired(LIMITS.logrosMin));
  else if (logrosLen < LIMITS.logrosMin)
    err('logros', 'too-short', m.textTooShort(labels.logros, LIMITS.logrosMin, logrosLen));
  else if (logrosLen > LIMITS.textMax)
    err('logros', 'too-long', m.textTooLong(labels.logros, LIMITS.textMax, logrosLen));
  const difLen = textLength(dificultades);
  if (difLen > LIMITS.textMax)
    err('dificultades', 'too-long', m.textTooLong(labels.dificultades, LIMITS.textMax, difLen));
  if (!evidencia) {
    if (ctx.requireEvidence !== false) err('evidencia', 'required', m.evidenceRequired);
  } else if (textLength(evidencia) > LIMITS.evidenceMax) {
    err('evidencia', 'too-long', m.textTooLong(labels.evidencia, LIMITS.evidenceMax, textLength(evidencia)));
  } else if (!isHttpsUrl(evidencia)) err('evidencia', 'not-https', m.evidenceNotHttps);
  const explained = difLen >= LIMITS.explanationMin;

  // ---- value
  const valueRaw = cleanText(input.value);
  let value: number | null = null;
  if (ind) {
    const parsed = parseReportValue(valueRaw, ind.unit);
    const shown = valueRaw.slice(0, 30);
    if (!parsed.ok) {
      switch (parsed.problem) {
        case 'empty':
          err('value', 'required', m.valueEmpty);
          break;
        case 'ambiguous':
          err('value', 'ambiguous', m.valueAmbiguous(shown));
          break;
        case 'bad-grouping':
          err('value', 'bad-grouping', m.valueBadGrouping(shown));
          break;
        case 'too-many-decimals':
          err('value', 'too-many-decimals', m.valueTooManyDecimals(MAX_DECIMALS));
          break;
        default:
          err('value', 'not-a-number', m.valueNotNumber(shown));
      }
    } else if (parsed.value < 0) {
      err('value', 'negative', m.valueNegative);
    } else {
      value = parsed.value;
    }
  } else if (!valueRaw) {
    err('value', 'required', m.valueEmpty);
  }

  if (ind && value !== null) {
    const fmt = (x: number) => valueText(x, ind!.unit, lang);
    const year = period ? yearOf(period) : null;
    const target = year !== null ? targetOf(ind, year) : 0;
    const reference = target > 0 ? target : ind.total > 0 ? ind.total : Math.abs(ind.baseline ?? 0);
    let absurd = false;
    if (ind.unit === 'percent' && value > 1 + 1e-9) {
      err('value', 'over-100', m.valueOverHundred(fmt(value)));
      absurd = true;
    } else if (ind.trend === 'suma' && ind.total > 0 && value > ind.total) {
      err('value', 'absurd-total', m.valueAbsurdTotal(fmt(value), fmt(ind.total)));
      absurd = true;
    } else if (year !== null && reference > 0 && value > LIMITS.absurdFactor * reference) {
      err('value', 'absurd-target', m.valueAbsurdTarget(fmt(value), year, fmt(target > 0 ? target : reference)));
      absurd = true;
    }

    if (!absurd && period !== null && year !== null) {
      const effective = effectiveByPeriod(ctx.existing, ind.id);
      const same = effective.find((r) => r.period === period);
      if (same)
        warnings.push({
          code: 'correction',
          message: m.correctionWarning(period, same.version, fmt(same.value), same.version + 1),
        });

      if (value === 0 && !explained)
        err('dificultades', 'zero-unexplained', m.zeroNeedsExplanation(LIMITS.explanationMin));

      const lb = ind.baseline ?? 0;
      const level =
        ind.trend === 'suma'
          ? effective.filter((r) => yearOf(r.period) === year && r.period !== period).reduce((s, r) => s + r.value, 0) +
            value
          : value;
      const progress = target !== 0 ? progressOf(ind.trend, level, target, lb) : null;
      if (progress !== null && round4(progress) > 1 && !explained) {
        err(
          'dificultades',
          'over-execution-unjustified',
          m.overExecutionNeedsJustification(year, fmt(level), fmt(target), LIMITS.explanationMin),
        );
      }

      const previous = [...effective].reverse().find((r) => r.period < period);
      if (previous && !explained) {
        if (ind.trend === 'creciente' && round4(value) < round4(previous.value)) {
          err(
            'dificultades',
            'level-drop',
            m.levelDropNeedsExplanation(previous.period, fmt(previous.value), fmt(value), LIMITS.explanationMin),
          );
        } else if (ind.trend === 'decreciente' && round4(value) > round4(previous.value)) {
          err(
            'dificultades',
            'level-rise',
            m.levelRiseNeedsExplanation(previous.period, fmt(previous.value), fmt(value), LIMITS.explanationMin),
          );
        }
      }
    }
  }

  if (errors.length || !ind || value === null || period === null) {
    const order = (f: ReportField) => REPORT_FIELDS.indexOf(f);
    return {
      ok: false,
      errors: errors
        .map((e, i) => ({ e, i }))
        .sort((a, b) => order(a.e.field) - order(b.e.field) || a.i - b.i)
        .map((x) => x.e),
      warnings,
    };
  }
  return {
    ok: true,
    indicator: ind,
    value: { indicatorId: ind.id, period, value, logros, dificultades, evidencia },
    warnings,
  };
}

/** "2025-06", "2025-6", "2025/06", "06/2025", "6-2025" → "2025-06"; null otherwise. */
export function normalizePeriod(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})[-/.](\d{1,2})$/.exec(t);
  if (m) return check(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) return check(Number(m[2]), Number(m[1]));
  return null;
  function check(y: number, mo: number): string | null {
    if (mo < 1 || mo > 12) return null;
    const p = makePeriod(y, mo);
    return isPeriod(p) ? p : null;
  }
}
