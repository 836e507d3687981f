import type { Indicator, Plan } from '../domain/plan';
import type { IndicatorFigures } from '../progress/engine';
import type { Status } from '../progress/status';
import type { Person } from '../domain/records';
import type { IsoDate } from '../calendar';
import {
  formatDate,
  formatPeriod,
  progressBar,
  BAR_SIZES,
  truncate,
  type BarView,
  type StatusFacts,
  type Lang,
} from './format';
import type { Strings } from '../i18n';
import { escapeMarkdown } from './escape';
import { reportStart, type CardActionData } from './verbs';
import { ownerName } from './names';

/**
 * What the bot's cards share: the context every card is built in, the action view model, the limits of lists and
 * texts, and the small helpers that word owners, dates, bars and buttons the same way on every card. The cards are
 * in status-cards (objective, plan, lagging), indicator-cards (the indicator detail), help-cards (welcome, help,
 * greeting, mission and vision) and message-cards (short messages and choices). Each card function builds a plain
 * view model (every string already in the user's language, every number already formatted) and expands its
 * template in cards/ with it. Pure: no I/O beyond reading the templates once.
 */

export interface ViewContext {
  lang: Lang;
  /** The people in charge of an indicator (the store's owners). */
  owners: (indicatorId: string) => readonly Person[];
  /** Shows the "Reportar avance" buttons. */
  canReport: boolean;
  /** The as-of date of the figures (the "corte"); shown on objective and indicator cards when given. */
  asOf?: IsoDate;
  /** The plan, for objective names on indicator cards and the lists of what exists; optional. */
  plan?: Plan;
  /** For admins: how many versions wait for review (a «Reportes por revisar» button when above 0). */
  reviewCount?: number;
}

export interface ActionView {
  title: string;
  data: CardActionData;
}

/** How many reports the indicator card lists before "y N más". */
export const MAX_HISTORY = 12;
/** How many choices the choose-indicator card lists. */
export const MAX_CHOICES = 10;
/** Characters kept of each report text (logros, dificultades) on the indicator card. */
export const MAX_REPORT_TEXT = 400;
/** Characters kept of an indicator's name in lists. */
export const MAX_NAME_IN_LIST = 90;

export const SEP = ' · ';

// --- Helpers shared by the cards --------------------------------------------------------------------------------------

export function ownerText(ind: Indicator, ctx: ViewContext, s: Strings): string {
  const names = ctx
    .owners(ind.id)
    .map((p) => ownerName(p, ctx.lang))
    .map(escapeMarkdown);
  if (names.length) return names.join(', ');
  return ind.area ?? s.noOwner;
}

export function asOfText(ctx: ViewContext): string | null {
  return ctx.asOf ? formatDate(ctx.asOf, ctx.lang) : null;
}

export function yearOfFigures(figs: readonly IndicatorFigures[], ctx: ViewContext): number {
  if (figs.length) return figs[0].year;
  return ctx.asOf ? Number(ctx.asOf.slice(0, 4)) : new Date().getFullYear();
}

export function barOf(
  fig: StatusFacts,
  lang: Lang,
  size?: { width: number; height: number },
): { image: string; alt: string } {
  const b = progressBar(fig.progress, lang, { status: fig, ...size });
  return { image: b.image, alt: b.alt };
}

/** The three bars of an objective, an indicator or the plan: annual (status colour), expected and four-year. */
export function headlineBars(
  fig: { progress: number | null; expected: number | null; cumulative: number | null; status: Status },
  s: Strings,
  lang: Lang,
  annualLabel = s.annualProgress,
): BarView[] {
  return [
    progressBar(fig.progress, lang, { status: fig, label: annualLabel, ...BAR_SIZES.headline }),
    progressBar(fig.expected, lang, { label: s.expectedToDate, style: 'expected', ...BAR_SIZES.headline }),
    progressBar(fig.cumulative, lang, { label: s.fourYearProgress, style: 'accent', ...BAR_SIZES.headline }),
  ];
}

export function reportAction(ctx: ViewContext, s: Strings, indicatorId?: string): ActionView[] {
  return ctx.canReport ? [{ title: s.btnReport, data: reportStart(indicatorId) }] : [];
}

/** The admins' «Reportes por revisar (n)» button. */
export function reviewAction(ctx: ViewContext, s: Strings): ActionView[] {
  return ctx.reviewCount ? [{ title: s.btnReviewList(ctx.reviewCount), data: { verb: 'review-list' } }] : [];
}

/** «¿Cómo se calcula?»: the explanation of the card's figure (chat/explain.ts). */
export function explainAction(
  s: Strings,
  what: { objective?: number; indicatorId?: string },
  year: number,
): ActionView {
  return { title: s.btnExplain, data: { verb: 'explain', ...what, year } };
}

/** The months of the counting versions still waiting for review ("jun. 2025, jul. 2025"), or null. */
export function unreviewedText(f: IndicatorFigures, lang: Lang, s: Strings): string | null {
  const months = f.reports.filter((r) => r.review === 'pendiente').map((r) => formatPeriod(r.period, lang));
  return months.length ? s.unreviewedLine(months.join(', ')) : null;
}

export function objectiveName(n: number, ctx: ViewContext, s: Strings): string {
  const o = ctx.plan?.objectives.find((x) => x.number === n);
  return o ? s.objective(n, o.shortName) : s.objectiveShort(n);
}

export function listHeading(ind: Indicator): string {
  return `**${ind.id}**${SEP}${truncate(ind.name, MAX_NAME_IN_LIST)}`;
}
