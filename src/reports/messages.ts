import type { Trend, Unit } from '../plan/types';

/**
 * What the report validation says, in Spanish (Colombia) and English. Kept beside the rules (not in views/) so
 * that the CSV import, the chat form and any other caller say the same thing. Numbers are written the way the
 * reader writes them (es 1.500,5 · 75 %; en 1,500.5 · 75%).
 */

export type Lang = 'es' | 'en';

/** The label of the free-text field that carries explanations (the form and the messages use the same words). */
export const FIELD_LABELS: Record<Lang, Record<'indicatorId' | 'period' | 'value' | 'logros' | 'dificultades' | 'evidencia', string>> = {
  es: {
    indicatorId: 'Indicador',
    period: 'Mes del reporte',
    value: 'Valor',
    logros: 'Logros y avances del periodo',
    dificultades: 'Dificultades, soluciones o justificación',
    evidencia: 'Enlace a la evidencia',
  },
  en: {
    indicatorId: 'Indicator',
    period: 'Reporting month',
    value: 'Value',
    logros: 'Achievements in the period',
    dificultades: 'Difficulties, solutions or justification',
    evidencia: 'Evidence link',
  },
};

const MONTHS: Record<Lang, readonly string[]> = {
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "2025-06" → "junio de 2025" / "June 2025". */
export function periodText(period: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  const name = MONTHS[lang][Number(m[2]) - 1] ?? m[2];
  return lang === 'es' ? `${name} de ${m[1]}` : `${name} ${m[1]}`;
}

/** "2025-07-03" → "3 de julio de 2025" / "July 3, 2025". */
export function dateText(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const name = MONTHS[lang][Number(m[2]) - 1];
  return lang === 'es' ? `${Number(m[3])} de ${name} de ${m[1]}` : `${name} ${Number(m[3])}, ${m[1]}`;
}

/** A number with grouping, at most `max` decimals, no trailing zeros: es 1.500,25 · en 1,500.25. */
export function numberText(x: number, lang: Lang, max = 4): string {
  if (!Number.isFinite(x)) return String(x);
  const f = 10 ** max;
  const r = Math.round(Math.abs(x) * f * (1 + Number.EPSILON * 4)) / f;
  let [int, frac = ''] = r.toFixed(max).split('.');
  frac = frac.replace(/0+$/, '');
  const group = lang === 'es' ? '.' : ',';
  const dec = lang === 'es' ? ',' : '.';
  int = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const body = frac ? `${int}${dec}${frac}` : int;
  return x < 0 && r !== 0 ? `-${body}` : body;
}

/** A value in its indicator's unit: percent indicators as a percent (0.75 → "75 %"), others as a number. */
export function valueText(x: number, unit: Unit, lang: Lang): string {
  if (unit === 'percent') {
    const n = numberText(x * 100, lang, 2);
    return lang === 'es' ? `${n}\u00a0%` : `${n}%`;
  }
  return numberText(x, lang);
}

/** What the owner enters, by tendencia (docs/dominio.md: Suma = the period's flow; the others = the level reached). */
export function trendHint(trend: Trend, lang: Lang): string {
  if (lang === 'es') return trend === 'suma' ? 'avance del periodo (Suma: lo logrado en el mes)' : 'valor acumulado a la fecha (nivel alcanzado)';
  return trend === 'suma' ? 'progress in the period (Suma: what was achieved in the month)' : 'cumulative value to date (level reached)';
}

export function unitHint(unit: Unit, lang: Lang): string {
  if (lang === 'es') return unit === 'percent' ? 'en %: escribe 75 o 75\u00a0% (o la fracción 0,75)' : 'número';
  return unit === 'percent' ? 'in %: type 75 or 75% (or the fraction 0.75)' : 'number';
}

export interface Messages {
  indicatorRequired: string;
  indicatorUnknown(id: string): string;
  periodRequired: string;
  periodFormat(text: string): string;
  periodOutsidePlan(from: number, to: number): string;
  periodFuture(period: string, current: string): string;
  yearClosed(year: number, deadline: string): string;
  yearClosedAdminWarning(year: number): string;
  currentMonthWarning(period: string): string;
  correctionWarning(period: string, version: number, value: string, next: number): string;
  valueEmpty: string;
  valueNotNumber(text: string): string;
  valueAmbiguous(text: string): string;
  valueBadGrouping(text: string): string;
  valueTooManyDecimals(max: number): string;
  valueNegative: string;
  valueOverHundred(value: string): string;
  valueAbsurdTarget(value: string, year: number, target: string): string;
  valueAbsurdTotal(value: string, total: string): string;
  zeroNeedsExplanation(min: number): string;
  overExecutionNeedsJustification(year: number, executed: string, target: string, min: number): string;
  levelDropNeedsExplanation(prevPeriod: string, from: string, to: string, min: number): string;
  levelRiseNeedsExplanation(prevPeriod: string, from: string, to: string, min: number): string;
  logrosRequired(min: number): string;
  textTooShort(field: string, min: number, length: number): string;
  textTooLong(field: string, max: number, length: number): string;
  evidenceRequired: string;
  evidenceNotHttps: string;
  notOwner(id: string): string;
}

const DIF_ES = `«${FIELD_LABELS.es.dificultades}»`;
const DIF_EN = `“${FIELD_LABELS.en.dificultades}”`;

export const MESSAGES: Record<Lang, Messages> = {
  es: {
    indicatorRequired: 'Elige el indicador que vas a reportar.',
    indicatorUnknown: (id) => `El indicador «${id}» no existe en el plan.`,
    periodRequired: 'Elige el mes del reporte.',
    periodFormat: (t) => `«${t}» no es un mes válido: usa la forma AAAA-MM (por ejemplo 2025-06).`,
    periodOutsidePlan: (from, to) => `El mes debe estar dentro del plan: de enero de ${from} a diciembre de ${to}.`,
    periodFuture: (p, c) => `${cap(periodText(p, 'es'))} todavía no ha llegado: el último mes que se puede reportar es ${periodText(c, 'es')}.`,
    yearClosed: (y, d) =>
      `La vigencia ${y} ya está cerrada (el plazo del reporte de diciembre venció el ${dateText(d, 'es')}): solo la Oficina Asesora de Planeación puede corregirla.`,
    yearClosedAdminWarning: (y) => `Corrección de la vigencia ${y}, que ya está cerrada: quedará señalada como reporte de un periodo cerrado.`,
    currentMonthWarning: (p) => `${cap(periodText(p, 'es'))} aún no ha cerrado: el reporte se tomará como avance parcial del mes.`,
    correctionWarning: (p, v, val, next) => `Ya había un reporte de ${periodText(p, 'es')} (v${v}, valor ${val}): este queda como corrección v${next}.`,
    valueEmpty: 'Escribe el valor alcanzado.',
    valueNotNumber: (t) => `«${t}» no es un número. Escribe, por ejemplo, 1.500,5 · 0,25 · 75\u00a0%.`,
    valueAmbiguous: (t) => {
      const [thousands, decimal] = readingsOf(t, ',');
      return `«${t}» es ambiguo: escribe ${thousands} si son miles, o ${decimal} si lleva decimales.`;
    },
    valueBadGrouping: (t) => `«${t}» no tiene un formato de número válido: los miles van en grupos de tres (1.500.000) y los decimales después de una sola coma (0,25).`,
    valueTooManyDecimals: (m) => `Usa como máximo ${m} decimales.`,
    valueNegative: 'El valor no puede ser negativo.',
    valueOverHundred: (v) => `El valor (${v}) supera el 100\u00a0%: revisa el porcentaje.`,
    valueAbsurdTarget: (v, y, t) => `El valor (${v}) es más de 10 veces la meta ${y} (${t}): revisa el número y su unidad.`,
    valueAbsurdTotal: (v, t) => `Un avance de ${v} en un solo mes supera la meta de todo el cuatrienio (${t}): revisa el número.`,
    zeroNeedsExplanation: (min) => `Un avance de 0 requiere explicar las dificultades en ${DIF_ES} (mínimo ${min} caracteres).`,
    overExecutionNeedsJustification: (y, e, t, min) =>
      `Con este reporte el ejecutado de ${y} (${e}) supera la meta (${t}): justifica la sobre-ejecución en ${DIF_ES} (mínimo ${min} caracteres).`,
    levelDropNeedsExplanation: (p, from, to, min) =>
      `El nivel baja respecto al reporte de ${periodText(p, 'es')} (${from} → ${to}): explica la razón en ${DIF_ES} (mínimo ${min} caracteres).`,
    levelRiseNeedsExplanation: (p, from, to, min) =>
      `El valor sube respecto al reporte de ${periodText(p, 'es')} (${from} → ${to}) en un indicador decreciente: explica la razón en ${DIF_ES} (mínimo ${min} caracteres).`,
    logrosRequired: (min) => `Describe los logros y avances del periodo (mínimo ${min} caracteres).`,
    textTooShort: (f, min, n) => `«${f}» es muy corto (${n} caracteres): escribe al menos ${min}.`,
    textTooLong: (f, max, n) => `«${f}» tiene ${numberText(n, 'es')} caracteres: el máximo es ${numberText(max, 'es')}.`,
    evidenceRequired: 'Pega el enlace a la evidencia (https://…), por ejemplo la carpeta compartida del reporte.',
    evidenceNotHttps: 'La evidencia debe ser un enlace https:// válido (por ejemplo https://intranet…/carpeta).',
    notOwner: (id) => `No eres responsable del indicador ${id}: solo sus responsables y la Oficina Asesora de Planeación pueden reportarlo.`,
  },
  en: {
    indicatorRequired: 'Choose the indicator you are reporting.',
    indicatorUnknown: (id) => `Indicator “${id}” does not exist in the plan.`,
    periodRequired: 'Choose the reporting month.',
    periodFormat: (t) => `“${t}” is not a valid month: use YYYY-MM (for example 2025-06).`,
    periodOutsidePlan: (from, to) => `The month must be within the plan: January ${from} to December ${to}.`,
    periodFuture: (p, c) => `${periodText(p, 'en')} has not come yet: the latest month you can report is ${periodText(c, 'en')}.`,
    yearClosed: (y, d) =>
      `Year ${y} is closed (the deadline for its December report was ${dateText(d, 'en')}): only the planning office can correct it.`,
    yearClosedAdminWarning: (y) => `Correction of ${y}, a closed year: it will be flagged as a report for a closed period.`,
    currentMonthWarning: (p) => `${periodText(p, 'en')} has not closed yet: the report counts as partial progress for the month.`,
    correctionWarning: (p, v, val, next) => `There was already a report for ${periodText(p, 'en')} (v${v}, value ${val}): this one is stored as correction v${next}.`,
    valueEmpty: 'Type the value reached.',
    valueNotNumber: (t) => `“${t}” is not a number. Type, for example, 1,500.5 · 0.25 · 75%.`,
    valueAmbiguous: (t) => {
      const [thousands, decimal] = readingsOf(t, '.');
      return `“${t}” is ambiguous (in Colombia the comma is the decimal mark): type ${thousands} for the whole number, or ${decimal} for a decimal value.`;
    },
    valueBadGrouping: (t) => `“${t}” is not a valid number: thousands go in groups of three (1,500,000) and decimals after a single decimal mark (0.25).`,
    valueTooManyDecimals: (m) => `Use at most ${m} decimals.`,
    valueNegative: 'The value cannot be negative.',
    valueOverHundred: (v) => `The value (${v}) is above 100%: check the percentage.`,
    valueAbsurdTarget: (v, y, t) => `The value (${v}) is more than 10 times the ${y} target (${t}): check the number and its unit.`,
    valueAbsurdTotal: (v, t) => `Progress of ${v} in a single month is more than the whole four-year target (${t}): check the number.`,
    zeroNeedsExplanation: (min) => `A progress of 0 needs the difficulties explained in ${DIF_EN} (at least ${min} characters).`,
    overExecutionNeedsJustification: (y, e, t, min) =>
      `With this report the ${y} executed value (${e}) exceeds the target (${t}): justify the over-achievement in ${DIF_EN} (at least ${min} characters).`,
    levelDropNeedsExplanation: (p, from, to, min) =>
      `The level drops from the ${periodText(p, 'en')} report (${from} → ${to}): explain why in ${DIF_EN} (at least ${min} characters).`,
    levelRiseNeedsExplanation: (p, from, to, min) =>
      `The value rises from the ${periodText(p, 'en')} report (${from} → ${to}) on a decreasing indicator: explain why in ${DIF_EN} (at least ${min} characters).`,
    logrosRequired: (min) => `Describe the achievements in the period (at least ${min} characters).`,
    textTooShort: (f, min, n) => `“${f}” is too short (${n} characters): write at least ${min}.`,
    textTooLong: (f, max, n) => `“${f}” has ${numberText(n, 'en')} characters: the maximum is ${numberText(max, 'en')}.`,
    evidenceRequired: 'Paste the link to the evidence (https://…), for example the report’s shared folder.',
    evidenceNotHttps: 'The evidence must be a valid https:// link (for example https://intranet…/folder).',
    notOwner: (id) => `You are not an owner of indicator ${id}: only its owners and the planning office can report it.`,
  },
};

/** The two readings of "1,500": the whole number "1500" and the decimal one ("1,5" / "1.5"). */
function readingsOf(text: string, decimalMark: string): [string, string] {
  const t = text.replace(/[%\s]/g, '');
  const [head, tail = ''] = t.split(',');
  const frac = tail.replace(/0+$/, '');
  return [head + tail, frac ? `${head}${decimalMark}${frac}` : head];
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function messages(lang: Lang): Messages {
  return MESSAGES[lang] ?? MESSAGES.es;
}
