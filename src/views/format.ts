import { PNG } from 'pngjs';
import { catalog } from '../i18n';
import { formatPercent } from '../i18n/format';
import type { Lang } from '../i18n/lang';
import type { ShownStatus } from '../i18n/types/status';
import type { Status } from '../progress/status';

/**
 * The semáforo and the bars as a person sees them on a card. Numbers, percents and dates are the one formatter's
 * (src/i18n/format.ts), re-exported here for the views; the words come from the catalog (src/i18n/).
 */

export {
  DASH,
  roundTo,
  formatNumber,
  PERCENT_SPACE,
  withPercentSign,
  formatPercent,
  formatPercentShort,
  formatValue,
  monthName,
  monthShort,
  formatPeriod,
  formatPeriodLong,
  formatDate,
  truncate,
  joinList,
} from '../i18n/format';
export type { Lang } from '../i18n/lang';
export type { ShownStatus } from '../i18n/types/status';

// --- The semáforo ---------------------------------------------------------------------------------

/** The figures a shown status is derived from (ShownStatus is defined beside its words, src/i18n/types/status.ts). */
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

/** The label of a status; for a figure (StatusFacts) the shown status, with what was expected when it lags unreported. */
export function statusLabel(status: ShownStatus | StatusFacts, lang: Lang): string {
  const t = catalog(lang).status;
  if (typeof status === 'string') return t.label[status];
  const shown = shownStatus(status);
  if (shown === 'sin-reportes') {
    const e = formatPercent(status.expected, lang);
    return t.noReportsExpected(e);
  }
  return t.label[shown];
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
export type BarStyle = 'attention' | 'warning' | 'good' | 'accent' | 'emphasis' | 'expected';

/** The filled part's RGB per style, and the empty part's (Teams' light-theme palette). */
const BAR_RGB: Record<BarStyle, readonly [number, number, number]> = {
  attention: [0xc4, 0x31, 0x4b],
  warning: [0xf2, 0xa9, 0x00],
  good: [0x23, 0x7b, 0x4b],
  accent: [0x5b, 0x5f, 0xc7],
  emphasis: [0x8a, 0x88, 0x86],
  // «Esperado» in one colour everywhere: the charts' 'divergingGray' (#4B5356, views/charts.ts CHART_COLORS.expected).
  expected: [0x4b, 0x53, 0x56],
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

/**
 * The bar images made so far, by style, filled pixels and size: at most 1001 per style and size (a few thousand
 * small strings in all). Kept because drawing one is dear — a 1000 × 16 PNG costs milliseconds (pngjs: pixels and
 * deflate), and a status card shows one bar per indicator plus its headline bars — while there are few distinct ones.
 */
const barImages = new Map<string, string>();

/**
 * The PNG of a bar filled to `fill` (0..1) in `style`, as a data URI.
 * `width` × `height` set the resolution and the aspect ratio (the card stretches the width): 1000 × 16 for a bar
 * across a card; a narrow column takes a smaller, squarer image (250 × 22 for 90 px: 0,4 % a pixel).
 */
export function barImage(fill: number, style: BarStyle, height = BAR_IMAGE_HEIGHT, width = BAR_IMAGE_WIDTH): string {
  const px = Math.round(barFill(fill) * width);
  const key = `${style}:${px}:${width}x${height}`;
  const hit = barImages.get(key);
  if (hit) return hit;
  // Every row of a bar is the same: one row is filled (in RGB, the file's own colour type, so pngjs packs the pixels
  // as they are) and repeated, and the rows are filtered with «Up», which makes every row after the first zeros, for
  // deflate's default strategy to fold. pngjs's own choice (it tries its five filters on every row, from RGBA pixels
  // it converts first) made the same picture in a slightly larger file at about twice the work.
  const [r, g, b] = BAR_RGB[style];
  const [er, eg, eb] = BAR_EMPTY_RGB;
  const row = Buffer.alloc(width * 3);
  row.fill(Buffer.from([r, g, b]), 0, px * 3);
  row.fill(Buffer.from([er, eg, eb]), px * 3);
  const png = new PNG({ width, height });
  png.data = Buffer.alloc(width * height * 3, row);
  const file = PNG.sync.write(png, {
    colorType: 2,
    inputColorType: 2,
    inputHasAlpha: false,
    filterType: 2,
    deflateStrategy: 0,
  });
  const uri = `data:image/png;base64,${file.toString('base64')}`;
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
  opts: {
    status?: ShownStatus | StatusFacts;
    label?: string | null;
    style?: BarStyle;
    text?: string;
    height?: number;
    width?: number;
  } = {},
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
