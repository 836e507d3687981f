import type { Unit } from '../domain/plan';
import { LOCALE, type Lang } from './lang';

/**
 * The one formatter of numbers, percents, dates, months, lists and plurals, built on Intl (Node 20 ships full ICU)
 * with the house style where Intl differs:
 * - numbers are rounded half away from zero first (0.285 → 0,29; Intl would round the binary 0.28499…), grouped
 *   always (es-CO 1.500 · 0,5 · 1.500,25; en 1,500 · 0.5 · 1,500.25);
 * - Spanish percents carry a no-break space (45,5 %; Intl's es-CO writes "45,5%");
 * - Spanish short months are the office's "sep." (Intl: "sept.");
 * - lists join with " y " / " and " without the Oxford comma (Intl's Spanish would write "e" before an "i").
 */

/** What a card shows where a figure does not apply. */
export const DASH = '—';

/** Rounds half away from zero at `decimals`, immune to float noise (0.285 → 0.29), and never returns -0. */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(Math.abs(x) * f * (1 + Number.EPSILON * 4)) / f;
  const s = x < 0 ? -r : r;
  return s === 0 ? 0 : s;
}

function newNumberFormat(lang: Lang, min: number, max: number): Intl.NumberFormat {
  const opts = {
    useGrouping: 'always',
    minimumFractionDigits: min,
    maximumFractionDigits: max,
  } as unknown as Intl.NumberFormatOptions;
  return new Intl.NumberFormat(LOCALE[lang], opts);
}

/** The number formats the code asks for (0 to 4 decimals), made once per language: NUMBER_FORMATS[lang][max][min]. */
const MAX_PRESET_DECIMALS = 4;
function presetNumberFormats(lang: Lang): Intl.NumberFormat[][] {
  const out: Intl.NumberFormat[][] = [];
  for (let max = 0; max <= MAX_PRESET_DECIMALS; max++) {
    out.push([]);
    for (let min = 0; min <= max; min++) out[max].push(newNumberFormat(lang, min, max));
  }
  return out;
}
const NUMBER_FORMATS: Record<Lang, Intl.NumberFormat[][]> = {
  es: presetNumberFormats('es'),
  en: presetNumberFormats('en'),
};

function numberFormat(lang: Lang, min: number, max: number): Intl.NumberFormat {
  return NUMBER_FORMATS[lang][max]?.[min] ?? newNumberFormat(lang, min, max);
}

/**
 * A number with thousands grouped and between `minDecimals` and `maxDecimals` decimals
 * (trailing zeros beyond the minimum are dropped): es 1.500 · 0,5 · 1.500,25; en 1,500 · 0.5 · 1,500.25.
 */
export function formatNumber(x: number, lang: Lang, maxDecimals = 2, minDecimals = 0): string {
  if (!Number.isFinite(x)) return DASH;
  const r = roundTo(x, maxDecimals);
  const body = numberFormat(lang, minDecimals, maxDecimals).format(Math.abs(r));
  return r < 0 ? `-${body}` : body;
}

/** A number as the validation messages write it (at most `max` decimals); a non-finite one as JavaScript does. */
export function numberText(x: number, lang: Lang, max = 4): string {
  return Number.isFinite(x) ? formatNumber(x, lang, max) : String(x);
}

/**
 * The space between a number and its "%" in Spanish: a no-break space (U+00A0), so that a card never wraps the
 * sign away from its number ("45,5" at the end of a line, "%" alone on the next).
 */
export const PERCENT_SPACE = '\u00a0';

/** "45,5" → "45,5 %" (no-break space) in Spanish, "45.5%" in English: the one place the sign is attached. */
export function withPercentSign(n: string, lang: Lang): string {
  return lang === 'es' ? `${n}${PERCENT_SPACE}%` : `${n}%`;
}

/** A fraction as a percent with a fixed number of decimals: es "45,5 %", en "45.5%"; null → "—". */
export function formatPercent(fraction: number | null | undefined, lang: Lang, decimals = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return DASH;
  return withPercentSign(formatNumber(fraction * 100, lang, decimals, decimals), lang);
}

/** A weight or a percent-unit value: up to `maxDecimals` decimals, no trailing zeros ("50 %", "33 %", "95 %"). */
export function formatPercentShort(fraction: number, lang: Lang, maxDecimals = 2): string {
  return withPercentSign(formatNumber(fraction * 100, lang, maxDecimals), lang);
}

/** A value of an indicator in its unit: percent indicators show a percent, number indicators a number (≤ 2 decimals). */
export function formatValue(x: number | null | undefined, unit: Unit, lang: Lang): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  return unit === 'percent' ? formatPercentShort(x, lang) : formatNumber(x, lang, 2);
}

/** A value as the validation messages write it: percent indicators as a percent (0.75 → "75 %"), others ≤ 4 decimals. */
export function valueText(x: number, unit: Unit, lang: Lang): string {
  return unit === 'percent' ? withPercentSign(numberText(x * 100, lang, 2), lang) : numberText(x, lang);
}

// --- Dates ----------------------------------------------------------------------------------------

function utcDay(year: number, month: number, day = 1): Date {
  return new Date(Date.UTC(year, month - 1, day));
}
const monthLong = {
  es: new Intl.DateTimeFormat(LOCALE.es, { month: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { month: 'long', timeZone: 'UTC' }),
} as const;
const monthYear = {
  es: new Intl.DateTimeFormat(LOCALE.es, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
} as const;
const longDate = {
  es: new Intl.DateTimeFormat(LOCALE.es, { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { dateStyle: 'long', timeZone: 'UTC' }),
} as const;
const monthShortIntl = {
  es: new Intl.DateTimeFormat(LOCALE.es, { month: 'short', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { month: 'short', timeZone: 'UTC' }),
} as const;
/** The house's short months where Intl differs (es-CO "sept."). */
const MONTH_SHORT_HOUSE: Partial<Record<Lang, Record<number, string>>> = { es: { 9: 'sep.' } };

const validMonth = (m: number): boolean => Number.isInteger(m) && m >= 1 && m <= 12;

/** Month 1..12 → "junio" / "June". */
export function monthName(month: number, lang: Lang): string {
  return validMonth(month) ? monthLong[lang].format(utcDay(2000, month)) : String(month);
}

/** Month 1..12 → "jun." / "Jun". */
export function monthShort(month: number, lang: Lang): string {
  if (!validMonth(month)) return String(month);
  return MONTH_SHORT_HOUSE[lang]?.[month] ?? monthShortIntl[lang].format(utcDay(2000, month));
}

/** "2025-06" → "jun. 2025" / "Jun 2025". */
export function formatPeriod(period: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})/.exec(period);
  if (!m) return period;
  return `${monthShort(Number(m[2]), lang)} ${m[1]}`;
}

/** "2025-06" → "junio de 2025" / "June 2025". */
export function formatPeriodLong(period: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})/.exec(period);
  if (!m) return period;
  const month = Number(m[2]);
  if (!validMonth(month)) return lang === 'es' ? `${month} de ${m[1]}` : `${month} ${m[1]}`;
  return monthYear[lang].format(utcDay(Number(m[1]), month));
}

/** A report's period "2025-06" exactly (nothing after it) → "junio de 2025"; anything else as written. */
export function periodText(period: string, lang: Lang): string {
  return /^\d{4}-\d{2}$/.test(period) ? formatPeriodLong(period, lang) : period;
}

/** "2025-06-30" (or an ISO instant, read by its calendar date) → "30 de junio de 2025" / "June 30, 2025". */
export function formatDate(isoDate: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (!validMonth(month) || day < 1 || day > 31) return isoDate;
  return longDate[lang].format(utcDay(Number(m[1]), month, day));
}

const bogotaClock: Record<Lang, Intl.DateTimeFormat> = {
  es: new Intl.DateTimeFormat(LOCALE.es, {
    timeZone: 'America/Bogota',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),
  en: new Intl.DateTimeFormat(LOCALE.en, {
    timeZone: 'America/Bogota',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),
};
const bogotaDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Bogota',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * An instant as the cards write it, in Bogotá: the one long date and the 24-hour time ("3 de julio de 2025, 07:15" /
 * "July 3, 2025, 07:15"); what is not an ISO 8601 instant as written.
 */
export function formatInstant(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(d.getTime())) return iso;
  return `${formatDate(bogotaDay.format(d), lang)}, ${bogotaClock[lang].format(d)}`;
}

/** "14:35" Bogotá time of an instant, and its date ("3 jul, 14:35" as Intl writes it for the language). */
export function formatBogotaDateTime(d: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    timeZone: 'America/Bogota',
    hour: '2-digit',
    minute: '2-digit',
    day: 'numeric',
    month: 'short',
    hour12: false,
  }).format(d);
}

// --- Text -----------------------------------------------------------------------------------------

/** Cuts a text at a word boundary near `max` characters and adds "…"; whitespace is collapsed. */
export function truncate(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  // Cut at the last whole word (the character after the cut may itself be the space that ends one).
  const space = t[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  const base = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s,;:.·-]+$/, '')}…`;
}

/** Joins the names of a list: "A", "A y B", "A, B y C" / "A and B" (house style, see above). */
export function joinList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  const and = lang === 'es' ? ' y ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

/** The first letter in capitals ("junio de 2025" → "Junio de 2025"). */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// --- Plurals --------------------------------------------------------------------------------------

const pluralRules = { es: new Intl.PluralRules(LOCALE.es), en: new Intl.PluralRules(LOCALE.en) } as const;

/** The form of a count by the language's plural rules (Intl.PluralRules): es/en have "one" and "other". */
export function plural(n: number, lang: Lang, forms: { one: string; other: string }): string {
  return pluralRules[lang].select(n) === 'one' ? forms.one : forms.other;
}
