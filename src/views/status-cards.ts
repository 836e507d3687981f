import type { IndicatorFigures, ObjectiveFigures, PlanFigures } from '../progress/engine';
import {
  formatDate,
  formatPercent,
  formatPercentShort,
  formatPeriod,
  formatValue,
  BAR_SIZES,
  statusColor,
  statusEmoji,
  statusLabel,
  statusText,
  type CardColor,
} from './format';
import { strings, type Strings } from '../i18n';
import { renderCard, type CardJson } from './render';
import { escapeMarkdown } from './escape';
import { indicatorsChart } from './charts';
import {
  refreshOf,
  showIndicator,
  showLagging,
  showObjective,
  showPlan,
  VERB_REFRESH_LAGGING,
  VERB_REFRESH_OBJECTIVE,
  VERB_REFRESH_PLAN,
  type CardActionData,
} from './verbs';
import {
  type ViewContext,
  type ActionView,
  SEP,
  ownerText,
  asOfText,
  yearOfFigures,
  barOf,
  headlineBars,
  reportAction,
  reviewAction,
  explainAction,
  unreviewedText,
  listHeading,
} from './card-parts';
import { ownerName } from './names';

/** The status cards: one objective with its indicators, the whole plan, and what lags. */

// --- Objective status -----------------------------------------------------------------------------

interface IndicatorRowView {
  emoji: string;
  heading: string;
  progressText: string;
  color: CardColor;
  bar: { image: string; alt: string };
  line1: string;
  line2: string;
  pendingText: string | null;
  reviewText: string | null;
  actionTitle: string;
  action: CardActionData;
}

function indicatorRow(f: IndicatorFigures, ctx: ViewContext, s: Strings): IndicatorRowView {
  const ind = f.indicator;
  const lang = ctx.lang;
  const parts = [statusLabel(f, lang), `${s.weight} ${formatPercentShort(ind.weight, lang)}`];
  if (f.hasTarget) {
    const was =
      f.previousTarget === undefined ? '' : ` (${s.reprogrammed(formatValue(f.previousTarget, ind.unit, lang))})`;
    parts.push(`${s.targetOfYear(f.year)}: ${formatValue(f.target, ind.unit, lang)}${was}`);
    parts.push(`${s.executed}: ${formatValue(f.executed, ind.unit, lang)}`);
    parts.push(`${s.expected}: ${formatPercent(f.expected, lang)}`);
  } else {
    parts.push(s.noTargetThisYear(f.year));
    if (f.executed !== null) parts.push(`${s.executed}: ${formatValue(f.executed, ind.unit, lang)}`);
  }
  const last = f.lastReport ? formatPeriod(f.lastReport, lang) : s.noReports;
  return {
    emoji: statusEmoji(f),
    heading: listHeading(ind),
    progressText: formatPercent(f.progress, lang),
    color: statusColor(f),
    bar: barOf(f, lang),
    line1: parts.join(SEP),
    line2: `${s.lastReport}: ${last}${SEP}${s.owner}: ${ownerText(ind, ctx, s)}`,
    pendingText: f.pending ? s.pendingIndicator(f.year) : null,
    reviewText: unreviewedText(f, lang, s),
    actionTitle: s.btnSeeIndicator(ind.id),
    action: showIndicator(ind.id),
  };
}

export function objectiveStatusCard(o: ObjectiveFigures, ctx: ViewContext): CardJson {
  const s = strings(ctx.lang);
  const year = yearOfFigures(o.indicators, ctx);
  const withTarget = o.indicators.filter((f) => f.hasTarget).length;
  const pending = o.pending.length;
  const view = {
    refresh: refreshOf({ verb: VERB_REFRESH_OBJECTIVE, objective: o.objective.number, year }),
    title: s.objective(o.objective.number, o.objective.shortName),
    fullName: o.objective.name,
    period: s.periodLine(year, asOfText(ctx)),
    statusCaption: s.statusCaption,
    statusText: statusText(o, ctx.lang),
    statusColor: statusColor(o),
    bars: headlineBars(o, s, ctx.lang),
    pendingNote: withTarget > 0 ? s.pendingSummary(pending, withTarget, year) : null,
    pendingColor: pending > 0 ? 'attention' : 'default',
    byIndicator: indicatorsChart(o, year, ctx.lang),
    indicatorsHeading: s.indicatorsHeading(o.indicators.length),
    hint: s.tapIndicatorHint,
    indicators: o.indicators.map((f) => indicatorRow(f, ctx, s)),
    actions: [
      ...reportAction(ctx, s),
      explainAction(s, { objective: o.objective.number }, year),
      ...reviewAction(ctx, s),
      { title: s.btnWholePlan, data: showPlan() },
      { title: s.btnLagging, data: showLagging() },
    ],
  };
  return renderCard('objective-status', view);
}

// --- Plan summary ---------------------------------------------------------------------------------

export function planSummaryCard(p: PlanFigures, ctx: ViewContext): CardJson {
  const s = strings(ctx.lang);
  const lang = ctx.lang;
  const all = p.objectives.flatMap((o) => o.indicators);
  const withTarget = all.filter((f) => f.hasTarget);
  const reported = withTarget.filter((f) => f.executed !== null).length;
  const view = {
    refresh: refreshOf({ verb: VERB_REFRESH_PLAN, year: p.year }),
    title: p.plan.name,
    entity: p.plan.entity,
    period: s.periodLine(p.year, formatDate(p.asOf, lang)),
    statusCaption: s.statusCaption,
    statusText: statusText(p, lang),
    statusColor: statusColor(p),
    bars: headlineBars(p, s, lang, s.planProgress),
    reportedNote: s.reportedSummary(reported, withTarget.length, p.year),
    objectivesHeading: s.objectivesHeading,
    hint: s.tapObjectiveHint,
    objectives: p.objectives.map((o) => ({
      emoji: statusEmoji(o),
      heading: `**${o.objective.number}**${SEP}${o.objective.shortName}`,
      progressText: formatPercent(o.progress, lang),
      color: statusColor(o),
      // A 90 px column: a squarer image keeps the bar about 8 px high.
      bar: barOf(o, lang, BAR_SIZES.narrow),
      detail: [
        statusLabel(o, lang),
        `${s.expected}: ${formatPercent(o.expected, lang)}`,
        ...(o.pending.length ? [s.pendingShort(o.pending.length)] : []),
        ...(o.indicators.some((f) => f.reports.some((r) => r.review === 'pendiente')) ? [s.reviewTag] : []),
      ].join(SEP),
      actionTitle: s.btnSeeObjective(o.objective.number),
      action: showObjective(o.objective.number),
    })),
    actions: [
      { title: s.btnLagging, data: showLagging() },
      ...reportAction(ctx, s),
      explainAction(s, {}, p.year),
      ...reviewAction(ctx, s),
    ],
  };
  return renderCard('plan-summary', view);
}

// --- Lagging --------------------------------------------------------------------------------------

interface LaggingItemView {
  heading: string;
  detail: string;
  actionTitle: string;
  action: CardActionData;
}

/** How many objective buttons share one row at the foot of the lagging card. */
const OBJECTIVE_BUTTONS_PER_ROW = 4;

/**
 * What lags: indicators in rojo and amarillo (one row each, tap to open the indicator), and the indicators with a
 * target this year and no report, one row per objective (tap to open the objective); then a button per objective.
 */
export function laggingCard(p: PlanFigures, ctx: ViewContext): CardJson {
  const s = strings(ctx.lang);
  const lang = ctx.lang;
  const red: LaggingItemView[] = [];
  const amber: LaggingItemView[] = [];
  const pending: LaggingItemView[] = [];
  let pendingCount = 0;
  const objectives = new Set<number>();
  for (const o of p.objectives) {
    const n = o.objective.number;
    const pendingHere: string[] = [];
    for (const f of o.indicators) {
      const ind = f.indicator;
      if (f.status === 'rojo' || f.status === 'amarillo') {
        const item: LaggingItemView = {
          heading: listHeading(ind),
          detail: [
            s.objectiveShort(n),
            s.laggingDetail(formatPercent(f.progress, lang), formatPercent(f.expected, lang)),
            `${s.owner}: ${ownerText(ind, ctx, s)}`,
            ...(f.reports.some((r) => r.review === 'pendiente') ? [s.reviewTag] : []),
          ].join(SEP),
          actionTitle: s.btnSeeIndicator(ind.id),
          action: showIndicator(ind.id),
        };
        (f.status === 'rojo' ? red : amber).push(item);
        objectives.add(n);
      } else if (f.pending) {
        const names = ctx
          .owners(ind.id)
          .map((x) => ownerName(x, ctx.lang))
          .map(escapeMarkdown);
        pendingHere.push(names.length ? `${ind.id} (${names.join(', ')})` : ind.id);
      }
    }
    if (pendingHere.length) {
      pendingCount += pendingHere.length;
      objectives.add(n);
      pending.push({
        heading: `**${s.objectiveShort(n)}**${SEP}${o.objective.shortName} (${pendingHere.length})`,
        detail: pendingHere.join(', '),
        actionTitle: s.btnSeeObjective(n),
        action: showObjective(n),
      });
    }
  }
  const groups = [
    { title: s.groupRed(red.length), color: 'attention', items: red },
    { title: s.groupAmber(amber.length), color: 'default', items: amber },
    { title: s.groupPending(pendingCount, p.year), color: 'default', items: pending },
  ].filter((g) => g.items.length > 0);
  const buttons = [...objectives]
    .sort((a, b) => a - b)
    .map((n) => ({ title: s.objectiveShort(n), data: showObjective(n) }));
  const buttonRows: { buttons: ActionView[] }[] = [];
  for (let i = 0; i < buttons.length; i += OBJECTIVE_BUTTONS_PER_ROW)
    buttonRows.push({ buttons: buttons.slice(i, i + OBJECTIVE_BUTTONS_PER_ROW) });
  const nothing = groups.length === 0;
  const view = {
    refresh: refreshOf({ verb: VERB_REFRESH_LAGGING, year: p.year }),
    title: s.laggingTitle,
    period: s.periodLine(p.year, formatDate(p.asOf, lang)),
    intro: nothing ? null : s.laggingIntro(red.length, amber.length, pendingCount),
    nothing: nothing ? s.nothingLagging(p.year) : null,
    groups,
    openHeading: buttonRows.length ? s.openObjectiveHeading : null,
    buttonRows,
    actions: [{ title: s.btnWholePlan, data: showPlan() }, ...reportAction(ctx, s)],
  };
  return renderCard('lagging', view);
}
