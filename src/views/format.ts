import type { Unit } from '../plan/types';
import type { Status } from '../progress/status';

/**
 * Numbers, percents, dates and the semáforo as a person reads them on a card.
 * 'es' is Colombian Spanish (1.500 · 0,5 · 45,5 %); 'en' is English (1,500 · 0.5 · 45.5%).
 * Written by hand rather than through Intl so that the output never depends on the ICU data of the machine.
 */

export type Lang = 'es' | 'en';

/** What a card shows where a figure does not apply. */
export const DASH = '—';

/** Rounds half away from zero at `decimals`, immune to float noise (0.285 → 0.29), and never returns -0. */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(Math.abs(x) * f * (1 + Number.EPSILON * 4)) / f;
  const s = x < 0 ? -r : r;
  return s === 0 ? 0 : s;
}

function groupThousands(digits: string, sep: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function separators(lang: Lang): { group: string; decimal: string } {
  return lang === 'es' ? { group: '.', decimal: ',' } : { group: ',', decimal: '.' };
}

/**
 * A number with thousands grouped and between `minDecimals` and `maxDecimals` decimals
 * (trailing zeros beyond the minimum are dropped): es 1.500 · 0,5 · 1.500,25; en 1,500 · 0.5 · 1,500.25.
 */
export function formatNumber(x: number, lang: Lang, maxDecimals = 2, minDecimals = 0): string {
  if (!Number.isFinite(x)) return DASH;
  const r = roundTo(x, maxDecimals);
  const [intPart, frac = ''] = Math.abs(r).toFixed(maxDecimals).split('.');
  let decimals = frac;
  while (decimals.length > minDecimals && decimals.endsWith('0')) decimals = decimals.slice(0, -1);
  const { group, decimal } = separators(lang);
  const body = groupThousands(intPart, group) + (decimals ? decimal + decimals : '');
  return r < 0 ? `-${body}` : body;
}

/** A fraction as a percent with a fixed number of decimals: es "45,5 %", en "45.5%"; null → "—". */
export function formatPercent(fraction: number | null | undefined, lang: Lang, decimals = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return DASH;
  const n = formatNumber(fraction * 100, lang, decimals, decimals);
  return lang === 'es' ? `${n} %` : `${n}%`;
}

/** A weight or a percent-unit value: up to `maxDecimals` decimals, no trailing zeros ("50 %", "33 %", "95 %"). */
export function formatPercentShort(fraction: number, lang: Lang, maxDecimals = 2): string {
  const n = formatNumber(fraction * 100, lang, maxDecimals);
  return lang === 'es' ? `${n} %` : `${n}%`;
}

/** A value of an indicator in its unit: percent indicators show a percent, number indicators a number (≤ 2 decimals). */
export function formatValue(x: number | null | undefined, unit: Unit, lang: Lang): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  return unit === 'percent' ? formatPercentShort(x, lang) : formatNumber(x, lang, 2);
}

// --- The semáforo ---------------------------------------------------------------------------------

const STATUS_LABELS: Record<Lang, Record<Status, string>> = {
  es: {
    rojo: 'Rojo',
    amarillo: 'Amarillo',
    verde: 'Verde',
    'sobre-ejecucion': 'Sobre-ejecución',
    'sin-meta': 'Sin meta',
    'sin-datos': 'Sin datos',
  },
  en: {
    rojo: 'Red',
    amarillo: 'Amber',
    verde: 'Green',
    'sobre-ejecucion': 'Over-achieving',
    'sin-meta': 'No target',
    'sin-datos': 'No data',
  },
};

export function statusLabel(status: Status, lang: Lang): string {
  return STATUS_LABELS[lang][status];
}

const STATUS_EMOJI: Record<Status, string> = {
  rojo: '🔴',
  amarillo: '🟡',
  verde: '🟢',
  'sobre-ejecucion': '🔵',
  'sin-meta': '⚪',
  'sin-datos': '⚪',
};

export function statusEmoji(status: Status): string {
  return STATUS_EMOJI[status];
}

/** "🟢 Verde" */
export function statusText(status: Status, lang: Lang): string {
  return `${statusEmoji(status)} ${statusLabel(status, lang)}`;
}

/** Adaptive Card colours: TextBlock `color` and Container `style` share these names. */
export type CardColor = 'attention' | 'warning' | 'good' | 'accent' | 'default';

const STATUS_COLOR: Record<Status, CardColor> = {
  rojo: 'attention',
  amarillo: 'warning',
  verde: 'good',
  'sobre-ejecucion': 'accent',
  'sin-meta': 'default',
  'sin-datos': 'default',
};

export function statusColor(status: Status): CardColor {
  return STATUS_COLOR[status];
}

// --- The progress bar -----------------------------------------------------------------------------

/** Container styles a bar segment may take (Adaptive Cards 1.5). */
export type BarStyle = 'attention' | 'warning' | 'good' | 'accent' | 'emphasis';

export interface BarSegment {
  /** Weighted column width: the filled and the empty segment add to 100. */
  width: number;
  style: BarStyle;
}

/**
 * A progress bar as the templates draw it: a ColumnSet whose columns are `segments` (weighted widths, coloured
 * containers), with `text` beside it. The bar is capped at 100 % visually; `text` shows the uncapped figure.
 */
export interface BarView {
  /** A caption in front of the bar ("Avance anual"); null for none. */
  label: string | null;
  segments: BarSegment[];
  text: string;
  /** TextBlock colour of `text`. */
  color: CardColor;
}

/** The filled share of a bar, in whole percent: capped at 0..100, never 0 for a positive figure nor 100 below 1. */
export function barFill(fraction: number | null | undefined): number {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction) || fraction <= 0) return 0;
  if (fraction >= 1) return 100;
  const pct = Math.round(fraction * 100);
  return Math.min(99, Math.max(1, pct));
}

export function progressBar(
  fraction: number | null | undefined,
  lang: Lang,
  opts: { status?: Status; label?: string | null; style?: BarStyle; text?: string } = {},
): BarView {
  const fill = barFill(fraction);
  const statusStyle = opts.status ? statusColor(opts.status) : 'accent';
  const style: BarStyle = opts.style ?? (statusStyle === 'default' ? 'accent' : statusStyle);
  const segments: BarSegment[] = [];
  if (fill > 0) segments.push({ width: fill, style });
  if (fill < 100) segments.push({ width: 100 - fill, style: 'emphasis' });
  return {
    label: opts.label ?? null,
    segments,
    text: opts.text ?? formatPercent(fraction ?? null, lang),
    color: opts.status ? statusColor(opts.status) : 'default',
  };
}

// --- Dates ----------------------------------------------------------------------------------------

const MONTHS: Record<Lang, readonly string[]> = {
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const MONTHS_SHORT: Record<Lang, readonly string[]> = {
  es: ['ene.', 'feb.', 'mar.', 'abr.', 'may.', 'jun.', 'jul.', 'ago.', 'sep.', 'oct.', 'nov.', 'dic.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** Month 1..12 → "junio" / "June". */
export function monthName(month: number, lang: Lang): string {
  return MONTHS[lang][month - 1] ?? String(month);
}

/** Month 1..12 → "jun." / "Jun". */
export function monthShort(month: number, lang: Lang): string {
  return MONTHS_SHORT[lang][month - 1] ?? String(month);
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
  const name = monthName(Number(m[2]), lang);
  return lang === 'es' ? `${name} de ${m[1]}` : `${name} ${m[1]}`;
}

/** "2025-06-30" (or an ISO instant, read by its calendar date) → "30 de junio de 2025" / "June 30, 2025". */
export function formatDate(isoDate: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  const day = Number(m[3]);
  const name = monthName(Number(m[2]), lang);
  return lang === 'es' ? `${day} de ${name} de ${m[1]}` : `${name} ${day}, ${m[1]}`;
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

/** Joins the names of a list: "A", "A y B", "A, B y C" / "A and B". */
export function joinList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  const and = lang === 'es' ? ' y ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}
