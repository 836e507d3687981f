import { PNG } from 'pngjs';
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

// --- The semáforo ---------------------------------------------------------------------------------

/**
 * What a card says of a figure's status. The JSON keeps `Status` (CONTRACT.md); a person reads two more:
 * - `sin-reportes`: nothing reported while something is expected (the engine's `sin-datos` with expected > 0) —
 *   a lag, shown in the attention colour, never as a calm grey «Sin datos»;
 * - `adelantado`: `sobre-ejecucion` (r above the top band) while the year's target is not reached yet
 *   (annual progress below 100 %); «Sobre-ejecución» is kept for progress past the year's target.
 */
export type ShownStatus = Status | 'sin-reportes' | 'adelantado';

export interface StatusFacts {
  status: Status;
  /** Annual progress (uncapped for an indicator, capped roll-up for an objective or the plan); null without reports. */
  progress: number | null;
  /** Expected progress at the as-of date; null or 0 when nothing is expected yet. */
  expected: number | null;
}

/** The one derivation of the status a person reads from the engine's figures (pure). */
export function shownStatus(f: StatusFacts): ShownStatus {
  if (f.status === 'sin-datos' && f.expected !== null && f.expected > 0) return 'sin-reportes';
  if (f.status === 'sobre-ejecucion' && f.progress !== null && f.progress < 1) return 'adelantado';
  return f.status;
}

const STATUS_LABELS: Record<Lang, Record<ShownStatus, string>> = {
  es: {
    rojo: 'Rojo',
    amarillo: 'Amarillo',
    verde: 'Verde',
    'sobre-ejecucion': 'Sobre-ejecución',
    adelantado: 'Adelantado',
    'sin-meta': 'Sin meta',
    'sin-datos': 'Sin datos',
    'sin-reportes': 'Sin reportes',
  },
  en: {
    rojo: 'Red',
    amarillo: 'Amber',
    verde: 'Green',
    'sobre-ejecucion': 'Over-achieving',
    adelantado: 'Ahead of schedule',
    'sin-meta': 'No target',
    'sin-datos': 'No data',
    'sin-reportes': 'No reports',
  },
};

/** The label of a status; for a figure (StatusFacts) the shown status, with what was expected when it lags unreported. */
export function statusLabel(status: ShownStatus | StatusFacts, lang: Lang): string {
  if (typeof status === 'string') return STATUS_LABELS[lang][status];
  const shown = shownStatus(status);
  if (shown === 'sin-reportes') {
    const e = formatPercent(status.expected, lang);
    return lang === 'es' ? `Sin reportes (se esperaba ${e})` : `No reports (${e} expected)`;
  }
  return STATUS_LABELS[lang][shown];
}

const STATUS_EMOJI: Record<ShownStatus, string> = {
  rojo: '🔴',
  amarillo: '🟡',
  verde: '🟢',
  'sobre-ejecucion': '🔵',
  adelantado: '🔵',
  'sin-meta': '⚪',
  'sin-datos': '⚪',
  'sin-reportes': '⚠️',
};

function shownOf(status: ShownStatus | StatusFacts): ShownStatus {
  return typeof status === 'string' ? status : shownStatus(status);
}

export function statusEmoji(status: ShownStatus | StatusFacts): string {
  return STATUS_EMOJI[shownOf(status)];
}

/** "🟢 Verde"; for a figure, "⚠️ Sin reportes (se esperaba 87,5 %)". */
export function statusText(status: ShownStatus | StatusFacts, lang: Lang): string {
  return `${statusEmoji(status)} ${statusLabel(status, lang)}`;
}

/** Adaptive Card colours: TextBlock `color` and Container `style` share these names. */
export type CardColor = 'attention' | 'warning' | 'good' | 'accent' | 'default';

/**
 * TextBlock colours of a status. Hosts draw `warning` (yellow) and `good` (light green) text faintly on a white
 * card, so amber and green text stays in the default colour (the emoji carries the colour); red and a lag without
 * reports take `attention`, over-execution `accent`.
 */
const STATUS_COLOR: Record<ShownStatus, CardColor> = {
  rojo: 'attention',
  amarillo: 'default',
  verde: 'default',
  'sobre-ejecucion': 'accent',
  adelantado: 'accent',
  'sin-meta': 'default',
  'sin-datos': 'default',
  'sin-reportes': 'attention',
};

export function statusColor(status: ShownStatus | StatusFacts): CardColor {
  return STATUS_COLOR[shownOf(status)];
}

// --- The progress bar -----------------------------------------------------------------------------

/** Colours a bar's filled part may take. */
export type BarStyle = 'attention' | 'warning' | 'good' | 'accent' | 'emphasis';

/** The filled part's RGB per style, and the empty part's (Teams' light-theme palette). */
const BAR_RGB: Record<BarStyle, readonly [number, number, number]> = {
  attention: [0xc4, 0x31, 0x4b],
  warning: [0xf2, 0xa9, 0x00],
  good: [0x23, 0x7b, 0x4b],
  accent: [0x5b, 0x5f, 0xc7],
  emphasis: [0x8a, 0x88, 0x86],
};
export const BAR_EMPTY_RGB: readonly [number, number, number] = [0xe1, 0xdf, 0xdd];

/** Pixels of a bar image: its width is the resolution (0,1 %); a card stretches it to its column. */
export const BAR_IMAGE_WIDTH = 1000;
export const BAR_IMAGE_HEIGHT = 16;

/**
 * Image sizes by where a bar sits (the card keeps the aspect ratio, so a narrower column takes a squarer image):
 * across a card row (≈ 400–1000 px: 6–16 px high), the headline bars' middle column (≈ 180–450 px: 8–20 px) and the
 * plan card's 90 px column (≈ 8 px).
 */
export const BAR_SIZES = {
  row: { width: BAR_IMAGE_WIDTH, height: BAR_IMAGE_HEIGHT },
  headline: { width: 500, height: 24 },
  narrow: { width: 250, height: 22 },
} as const;

export function barRgb(style: BarStyle): readonly [number, number, number] {
  return BAR_RGB[style];
}

/**
 * A progress bar as the templates draw it: one Image (a PNG data URI, stretched to its column) whose filled part is
 * exactly `fill` of its width, with `text` beside it. A ColumnSet of coloured columns cannot be drawn to scale: a
 * styled column carries the host's padding on both sides (20 px in the Playground), so 1,7 % and 30 % looked alike.
 * The bar is capped at 100 % visually; `text` shows the uncapped figure.
 */
export interface BarView {
  /** A caption in front of the bar ("Avance anual"); null for none. */
  label: string | null;
  /** data:image/png;base64,… */
  image: string;
  /** The image's alternative text (the figure, for screen readers). */
  alt: string;
  /** The filled share, 0..1, as drawn. */
  fill: number;
  text: string;
  /** TextBlock colour of `text`. */
  color: CardColor;
}

/** The filled share of a bar: the figure capped at 0..1, without any minimum or maximum in between. */
export function barFill(fraction: number | null | undefined): number {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction) || fraction <= 0) return 0;
  return Math.min(1, fraction);
}

const barImages = new Map<string, string>();

/**
 * The PNG of a bar filled to `fill` (0..1) in `style`, as a data URI (memoised: at most 1001 per style and height).
 * `width` × `height` set the resolution and the aspect ratio (the card stretches the width): 1000 × 16 for a bar
 * across a card; a narrow column takes a smaller, squarer image (250 × 22 for 90 px: 0,4 % a pixel).
 */
export function barImage(fill: number, style: BarStyle, height = BAR_IMAGE_HEIGHT, width = BAR_IMAGE_WIDTH): string {
  const px = Math.round(barFill(fill) * width);
  const key = `${style}:${px}:${width}x${height}`;
  const hit = barImages.get(key);
  if (hit) return hit;
  const png = new PNG({ width, height, colorType: 2, inputHasAlpha: true });
  const [r, g, b] = BAR_RGB[style];
  const [er, eg, eb] = BAR_EMPTY_RGB;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const filled = x < px;
      png.data[i] = filled ? r : er;
      png.data[i + 1] = filled ? g : eg;
      png.data[i + 2] = filled ? b : eb;
      png.data[i + 3] = 255;
    }
  }
  const uri = `data:image/png;base64,${PNG.sync.write(png, { colorType: 2 }).toString('base64')}`;
  barImages.set(key, uri);
  return uri;
}

/** The bar colour of a status (lags without reports in red, no target or nothing expected in grey). */
function barStyleOf(status: ShownStatus): BarStyle {
  switch (status) {
    case 'rojo':
    case 'sin-reportes':
      return 'attention';
    case 'amarillo':
      return 'warning';
    case 'verde':
      return 'good';
    case 'sin-meta':
    case 'sin-datos':
      return 'emphasis';
    default:
      return 'accent';
  }
}

export function progressBar(
  fraction: number | null | undefined,
  lang: Lang,
  opts: { status?: ShownStatus | StatusFacts; label?: string | null; style?: BarStyle; text?: string; height?: number; width?: number } = {},
): BarView {
  const fill = barFill(fraction);
  const style: BarStyle = opts.style ?? (opts.status ? barStyleOf(shownOf(opts.status)) : 'accent');
  const text = opts.text ?? formatPercent(fraction ?? null, lang);
  return {
    label: opts.label ?? null,
    image: barImage(fill, style, opts.height, opts.width),
    alt: opts.label ? `${opts.label}: ${text}` : text,
    fill,
    text,
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
