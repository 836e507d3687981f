import type { Indicator, Plan } from '../domain/plan';
import type { IndicatorFigures, ObjectiveFigures, PlanFigures } from '../progress/engine';
import type { Status } from '../progress/status';
import type { Person, ReportRecord } from '../domain/records';
import { bogotaDate, type IsoDate } from '../calendar';
import {
  formatDate,
  formatPercent,
  formatPercentShort,
  formatPeriod,
  formatValue,
  progressBar,
  BAR_SIZES,
  statusColor,
  statusEmoji,
  statusLabel,
  statusText,
  truncate,
  type BarView,
  type StatusFacts,
  type CardColor,
  type Lang,
} from './format';
import { catalog, strings, type Example, type Strings } from '../i18n';
import { renderCard, type CardJson } from './render';
import { escapeMarkdown } from './escape';
import { indicatorsChart, monthlyChart } from './charts';
import {
  ask,
  refreshOf,
  reportStart,
  showIndicator,
  showLagging,
  showObjective,
  showPlan,
  VERB_REFRESH_INDICATOR,
  VERB_REFRESH_LAGGING,
  VERB_REFRESH_OBJECTIVE,
  VERB_REFRESH_PLAN,
  type CardActionData,
} from './verbs';

/**
 * The bot's answers as Adaptive Cards. Each function builds a plain view model (every string already in the
 * user's language, every number already formatted) and expands its template in cards/ with it. Pure: no I/O
 * beyond reading the templates once.
 */

export type { Lang } from './format';
export type { CardJson } from './render';

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

const SEP = ' · ';

// --- Helpers --------------------------------------------------------------------------------------

function ownerText(ind: Indicator, ctx: ViewContext, s: Strings): string {
  const names = ctx
    .owners(ind.id)
    .map((p) => p.name)
    .filter((n) => n && n.trim())
    .map(escapeMarkdown);
  if (names.length) return names.join(', ');
  return ind.area ?? s.noOwner;
}

function asOfText(ctx: ViewContext): string | null {
  return ctx.asOf ? formatDate(ctx.asOf, ctx.lang) : null;
}

function yearOfFigures(figs: readonly IndicatorFigures[], ctx: ViewContext): number {
  if (figs.length) return figs[0].year;
  return ctx.asOf ? Number(ctx.asOf.slice(0, 4)) : new Date().getFullYear();
}

function barOf(fig: StatusFacts, lang: Lang, size?: { width: number; height: number }): { image: string; alt: string } {
  const b = progressBar(fig.progress, lang, { status: fig, ...size });
  return { image: b.image, alt: b.alt };
}

/** The three bars of an objective, an indicator or the plan: annual (status colour), expected and four-year. */
function headlineBars(
  fig: { progress: number | null; expected: number | null; cumulative: number | null; status: Status },
  s: Strings,
  lang: Lang,
  annualLabel = s.annualProgress,
): BarView[] {
  return [
    progressBar(fig.progress, lang, { status: fig, label: annualLabel, ...BAR_SIZES.headline }),
    progressBar(fig.expected, lang, { label: s.expectedToDate, style: 'accent', ...BAR_SIZES.headline }),
    progressBar(fig.cumulative, lang, { label: s.fourYearProgress, style: 'accent', ...BAR_SIZES.headline }),
  ];
}

function reportAction(ctx: ViewContext, s: Strings, indicatorId?: string): ActionView[] {
  return ctx.canReport ? [{ title: s.btnReport, data: reportStart(indicatorId) }] : [];
}

/** The admins' «Reportes por revisar (n)» button. */
function reviewAction(ctx: ViewContext, s: Strings): ActionView[] {
  return ctx.reviewCount ? [{ title: s.btnReviewList(ctx.reviewCount), data: { verb: 'review-list' } }] : [];
}

/** «¿Cómo se calcula?»: the explanation of the card's figure (chat/explain.ts). */
function explainAction(s: Strings, what: { objective?: number; indicatorId?: string }, year: number): ActionView {
  return { title: s.btnExplain, data: { verb: 'explain', ...what, year } };
}

/** The months of the counting versions still waiting for review ("jun. 2025, jul. 2025"), or null. */
function unreviewedText(f: IndicatorFigures, lang: Lang, s: Strings): string | null {
  const months = f.reports.filter((r) => r.review === 'pendiente').map((r) => formatPeriod(r.period, lang));
  return months.length ? s.unreviewedLine(months.join(', ')) : null;
}

function objectiveName(n: number, ctx: ViewContext, s: Strings): string {
  const o = ctx.plan?.objectives.find((x) => x.number === n);
  return o ? s.objective(n, o.shortName) : s.objectiveShort(n);
}

function listHeading(ind: Indicator): string {
  return `**${ind.id}**${SEP}${truncate(ind.name, MAX_NAME_IN_LIST)}`;
}

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
    parts.push(`${s.targetOfYear(f.year)}: ${formatValue(f.target, ind.unit, lang)}`);
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

// --- Indicator detail -----------------------------------------------------------------------------

const URL_IN_TEXT = /https?:\/\/[^\s<>"\][]+[^\s<>"\][.,;:!?)]/gi;

/** A URL made safe inside a markdown link target. */
function linkTarget(url: string): string {
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** The evidence with its web addresses as markdown links ("Ver evidencia"); other text is kept, cut. */
function evidenceText(evidencia: string, s: Strings): string | null {
  const e = truncate(evidencia, MAX_REPORT_TEXT);
  if (!e) return null;
  const full = evidencia.trim();
  if (/^https?:\/\/\S+$/i.test(full)) return `[${s.evidenceLink}](${linkTarget(full)})`;
  // The text around the addresses is the user's: escaped, so only the bot's own links are live.
  let out = '';
  let last = 0;
  for (const m of e.matchAll(URL_IN_TEXT)) {
    out += escapeMarkdown(e.slice(last, m.index)) + `[${s.evidenceLink}](${linkTarget(m[0])})`;
    last = m.index! + m[0].length;
  }
  return out + escapeMarkdown(e.slice(last));
}

interface YearRowView {
  year: string;
  programmed: string;
  executed: string;
  progress: string;
  weight: 'Bolder' | 'Default';
}

interface ReportView {
  heading: string;
  byline: string;
  flags: string | null;
  texts: { text: string }[];
}

function reportView(r: ReportRecord, f: IndicatorFigures, ctx: ViewContext, s: Strings): ReportView {
  const lang = ctx.lang;
  const byline = [
    escapeMarkdown(r.author?.name) || s.noOwner,
    s.reportedOn(formatDate(bogotaDate(new Date(r.reportedAt)), lang)),
  ];
  if (r.version > 1) byline.push(s.reportVersion(r.version));
  const codes = [...new Set(f.anomalies.filter((a) => a.period === r.period).map((a) => a.code))];
  const texts: { text: string }[] = [];
  if (r.logros.trim()) texts.push({ text: `**${s.logros}:** ${escapeMarkdown(truncate(r.logros, MAX_REPORT_TEXT))}` });
  if (r.dificultades.trim())
    texts.push({ text: `**${s.dificultades}:** ${escapeMarkdown(truncate(r.dificultades, MAX_REPORT_TEXT))}` });
  const ev = evidenceText(r.evidencia, s);
  if (ev) texts.push({ text: `**${s.evidencia}:** ${ev}` });
  return {
    heading: `**${formatPeriod(r.period, lang)}**${SEP}${s.reportValue(formatValue(r.value, f.indicator.unit, lang))}${r.review === 'pendiente' ? `${SEP}${s.reviewTag}` : ''}`,
    byline: byline.join(SEP),
    flags: codes.length ? `⚠️ ${codes.map((c) => s.anomaly[c]).join(SEP)}` : null,
    texts,
  };
}

/**
 * The detail of one indicator: `current` is the year asked about; `byYear` the same indicator computed for each
 * year of the plan at the same as-of date (for the programmed-vs-executed table; may be empty).
 */
export function indicatorDetailCard(
  current: IndicatorFigures,
  byYear: readonly IndicatorFigures[],
  ctx: ViewContext,
): CardJson {
  const s = strings(ctx.lang);
  const lang = ctx.lang;
  const ind = current.indicator;
  const owners = ctx
    .owners(ind.id)
    .map((p) => p.name)
    .filter(Boolean)
    .map(escapeMarkdown);

  const facts = [
    { title: s.factMeta, value: `${ind.meta.label}: ${truncate(ind.meta.text, 300)}` },
    { title: s.factTrend, value: s.trend[ind.trend] },
    { title: s.factUnit, value: s.unit[ind.unit] },
    { title: s.factWeight(ind.objective), value: formatPercentShort(ind.weight, lang) },
    {
      title: s.factBaseline,
      value: ind.baseline === null ? s.baselineMissing : formatValue(ind.baseline, ind.unit, lang),
    },
    { title: s.factFourYearTarget, value: formatValue(ind.total, ind.unit, lang) },
    { title: s.factOwner, value: owners.length ? owners.join(', ') : (ind.area ?? s.noOwner) },
  ];
  if (ind.area && owners.length) facts.push({ title: s.factArea, value: ind.area });

  const byYearMap = new Map<number, IndicatorFigures>(byYear.map((f) => [f.year, f]));
  if (!byYearMap.has(current.year)) byYearMap.set(current.year, current);
  const years = Object.keys(ind.program)
    .map(Number)
    .sort((a, b) => a - b);
  const yearRows: YearRowView[] = years.map((y) => {
    const f = byYearMap.get(y);
    const programmed = (ind.program as Record<number, number>)[y] ?? 0;
    const hasFigures = f !== undefined && f.year <= current.year;
    return {
      year: String(y),
      programmed: formatValue(programmed, ind.unit, lang),
      executed: hasFigures ? formatValue(f.executed, ind.unit, lang) : formatValue(null, ind.unit, lang),
      progress:
        hasFigures && f.progress !== null
          ? `${statusEmoji(f)} ${formatPercent(f.progress, lang)}`
          : formatPercent(null, lang),
      weight: y === current.year ? 'Bolder' : 'Default',
    };
  });
  yearRows.push({
    year: s.fourYearRow,
    programmed: formatValue(ind.total, ind.unit, lang),
    executed: formatValue(current.cumulativeValue, ind.unit, lang),
    progress: formatPercent(current.cumulative, lang),
    weight: 'Default',
  });

  const latestFirst = [...current.reports].reverse();
  const shown = latestFirst.slice(0, MAX_HISTORY);
  const anomalyCount = current.anomalies.length;

  const view = {
    refresh: refreshOf({ verb: VERB_REFRESH_INDICATOR, indicatorId: ind.id, year: current.year }),
    title: s.indicator(ind.id),
    name: ind.name,
    objectiveLine: objectiveName(ind.objective, ctx, s),
    period: s.periodLine(current.year, asOfText(ctx)),
    statusCaption: s.statusCaption,
    statusText: statusText(current, lang),
    statusColor: statusColor(current),
    bars: headlineBars(current, s, lang),
    pendingNote:
      [current.pending ? s.pendingIndicator(current.year) : null, unreviewedText(current, lang, s)]
        .filter(Boolean)
        .join('\n\n') || null,
    anomaliesNote: anomalyCount ? s.anomaliesSummary(anomalyCount) : null,
    monthly: monthlyChart(current, ctx.asOf ?? `${current.year}-12-31`, lang),
    facts,
    programHeading: s.programHeading,
    columns: { year: s.colYear, programmed: s.colProgrammed, executed: s.colExecuted, progress: s.colProgress },
    years: yearRows,
    historyHeading: s.historyHeading(current.reports.length),
    noHistory: current.reports.length ? null : s.noHistory,
    reports: shown.map((r) => reportView(r, current, ctx, s)),
    more: latestFirst.length > shown.length ? s.andMore(latestFirst.length - shown.length) : null,
    actions: [
      ...reportAction(ctx, s, ind.id),
      explainAction(s, { indicatorId: ind.id }, current.year),
      ...reviewAction(ctx, s),
      { title: s.btnSeeObjective(ind.objective), data: showObjective(ind.objective) },
      { title: s.btnWholePlan, data: showPlan() },
    ],
  };
  return renderCard('indicator-detail', view);
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
          .map((x) => x.name)
          .filter(Boolean)
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

// --- Help and welcome -----------------------------------------------------------------------------

interface ExampleView {
  text: string;
  action: CardActionData;
}

function exampleView(e: Example): ExampleView {
  return { text: `**${e.text}**${SEP}${e.hint}`, action: ask(e.text) };
}

function mainButtons(ctx: ViewContext, s: Strings): ActionView[] {
  return [
    { title: s.btnSeePlan, data: showPlan() },
    { title: s.btnLagging, data: showLagging() },
    ...reportAction(ctx, s),
  ];
}

/** The welcome when the app is installed in a chat or a team (Spanish unless ctx says English). */
export function welcomeCard(ctx: ViewContext): CardJson {
  const s = strings(ctx.lang);
  const ex = s.examples;
  const indicators = ctx.plan ? ctx.plan.objectives.reduce((n, o) => n + o.indicators.length, 0) : null;
  const view = {
    title: s.welcomeTitle,
    intro: s.welcomeIntro(ctx.plan ? ctx.plan.objectives.length : null, indicators),
    examplesHeading: s.examplesHeading,
    hint: s.tapExampleHint,
    examples: [ex.objective, ex.indicator, ex.lagging, ex.plan, ex.report, ex.subscribe].map(exampleView),
    notes: [{ text: s.ownersNote }, { text: s.adminsNote }, { text: s.languageNote }],
    actions: mainButtons(ctx, s),
  };
  return renderCard('welcome', view);
}

export function helpCard(ctx: ViewContext): CardJson {
  const s = strings(ctx.lang);
  const ex = s.examples;
  const view = {
    title: s.helpTitle,
    intro: s.helpIntro,
    sections: [
      {
        title: s.helpSectionAsk,
        examples: [ex.objective, ex.indicator, ex.search, ex.lagging, ex.plan, ex.mission].map(exampleView),
      },
      { title: s.helpSectionReport, examples: [ex.report, ex.mine, ex.compliance].map(exampleView) },
      { title: s.helpSectionAdmin, examples: [ex.subscribe, ex.exportFollowUp].map(exampleView) },
    ],
    notes: [{ text: s.ownersNote }, { text: s.adminsNote }, { text: s.languageNote }],
    actions: mainButtons(ctx, s),
  };
  return renderCard('help', view);
}

// --- Mission and vision ---------------------------------------------------------------------------

export function missionVisionCard(plan: Plan, which: 'mission' | 'vision' | 'both', ctx: ViewContext): CardJson {
  const s = strings(ctx.lang);
  const sections: { heading: string; text: string }[] = [];
  if (which !== 'vision') sections.push({ heading: s.mission, text: plan.mission });
  if (which !== 'mission') sections.push({ heading: s.vision, text: plan.vision });
  const norms = plan.legalBasis.map((b) => (b.article ? `${b.norm}, ${s.article(b.article)}` : b.norm)).join('; ');
  const view = {
    title: which === 'both' ? s.missionAndVision : which === 'mission' ? s.mission : s.vision,
    entity: plan.entity,
    sections,
    note: s.officialTextNote,
    legal: norms ? s.legalBasis(norms) : null,
    actions: [
      { title: s.btnSeePlan, data: showPlan() },
      { title: s.btnHelp, data: ask(s.btnHelp.toLowerCase()) },
    ],
  };
  return renderCard('mission-vision', view);
}

// --- Choosing among indicators --------------------------------------------------------------------

/** When free words match several indicators: one button per indicator. */
export function chooseIndicatorCard(indicators: readonly Indicator[], query: string, ctx: ViewContext): CardJson {
  const s = strings(ctx.lang);
  const shown = indicators.slice(0, MAX_CHOICES);
  const view = {
    title: s.chooseTitle(indicators.length, truncate(query, 60)),
    question: s.chooseQuestion,
    options: shown.map((ind) => ({
      heading: listHeading(ind),
      sub: objectiveName(ind.objective, ctx, s),
      buttonTitle: s.btnView,
      actionTitle: s.btnSeeIndicator(ind.id),
      action: showIndicator(ind.id),
    })),
    more: indicators.length > shown.length ? s.chooseMore(indicators.length - shown.length) : null,
    actions: [{ title: s.btnSeePlan, data: showPlan() }],
  };
  return renderCard('choose-indicator', view);
}

// --- Simple messages ------------------------------------------------------------------------------

export interface MessageRowView {
  text: string;
  sub?: string | null;
  action: CardActionData;
  actionTitle?: string;
}

export interface MessageView {
  title?: string | null;
  text: string;
  /** Colour of the title: 'attention' for errors, 'good' for confirmations. */
  color?: CardColor;
  facts?: { title: string; value: string }[];
  /** Tappable rows (e.g. the objectives that exist). */
  rows?: MessageRowView[];
  actions?: ActionView[];
}

/** A short message with optional facts, tappable rows and buttons (cards/message.json). */
export function messageCard(m: MessageView): CardJson {
  const view = {
    title: m.title ?? null,
    color: m.color ?? 'default',
    text: m.text,
    facts: m.facts && m.facts.length ? m.facts : null,
    rows: (m.rows ?? []).map((r) => ({
      text: r.text,
      sub: r.sub ?? null,
      action: r.action,
      actionTitle: r.actionTitle ?? r.text,
    })),
    actions: (m.actions ?? []).slice(0, 6),
  };
  return renderCard('message', view);
}

export function notUnderstoodCard(text: string, ctx: ViewContext): CardJson {
  const s = strings(ctx.lang);
  return messageCard({
    title: s.notUnderstoodTitle,
    text: s.notUnderstoodText(escapeMarkdown(truncate(text, 80))),
    actions: s.notUnderstoodExamples.map((e) => ({ title: e, data: ask(e) })),
  });
}

export function unknownObjectiveCard(n: number | string, ctx: ViewContext): CardJson {
  const s = strings(ctx.lang);
  const objectives = ctx.plan?.objectives ?? [];
  const count = objectives.length || 10;
  return messageCard({
    title: s.unknownObjectiveTitle(escapeMarkdown(truncate(String(n), 20))),
    text: s.unknownObjectiveText(count),
    rows: objectives.map((o) => ({
      text: `**${o.number}**${SEP}${o.shortName}`,
      action: showObjective(o.number),
      actionTitle: s.btnSeeObjective(o.number),
    })),
    actions: objectives.length
      ? [{ title: s.btnWholePlan, data: showPlan() }]
      : [
          { title: s.btnSeeObjective(1), data: showObjective(1) },
          { title: s.btnSeeObjective(count), data: showObjective(count) },
          { title: s.btnWholePlan, data: showPlan() },
        ],
  });
}

/** «hola» / «gracias»: a short friendly answer with the main buttons (not the whole help card). */
export function greetingCard(kind: 'hello' | 'thanks', ctx: ViewContext): CardJson {
  const s = strings(ctx.lang);
  return messageCard({
    text: kind === 'thanks' ? s.thanksText : s.helloText,
    actions: [...mainButtons(ctx, s), { title: s.btnHelp, data: ask(s.btnHelp.toLowerCase()) }],
  });
}

/** A subject the bot has no data on («presupuesto»): it says so, and what it can answer instead. */
export function outOfScopeCard(topic: string, ctx: ViewContext): CardJson {
  const s = strings(ctx.lang);
  return messageCard({
    title: s.outOfScopeTitle,
    text: s.outOfScopeText(truncate(topic, 40)),
    actions: s.notUnderstoodExamples.map((e) => ({ title: e, data: ask(e) })),
  });
}

/**
 * «¿cómo va el objetivo?» without a number: the objectives to pick from, each with its semáforo and progress when
 * the figures are given.
 */
export function chooseObjectiveCard(ctx: ViewContext, figures?: PlanFigures): CardJson {
  const s = strings(ctx.lang);
  const objectives = ctx.plan?.objectives ?? [];
  return messageCard({
    title: s.chooseObjectiveTitle,
    text: s.chooseObjectiveText(objectives.length),
    rows: objectives.map((o) => {
      const f = figures?.objectives.find((x) => x.objective.number === o.number);
      return {
        text: `${f ? `${statusEmoji(f)} ` : ''}**${o.number}**${SEP}${o.shortName}`,
        sub: f ? `${statusLabel(f, ctx.lang)}${SEP}${s.annualProgress} ${formatPercent(f.progress, ctx.lang)}` : null,
        action: showObjective(o.number),
        actionTitle: s.btnSeeObjective(o.number),
      };
    }),
    actions: [{ title: s.btnWholePlan, data: showPlan() }],
  });
}

export function unknownIndicatorCard(id: string, ctx: ViewContext): CardJson {
  const s = strings(ctx.lang);
  return messageCard({
    title: s.unknownIndicatorTitle(escapeMarkdown(truncate(id, 40))),
    text: s.unknownIndicatorText,
    actions: [
      { title: s.examples.search.text, data: ask(s.examples.search.text) },
      { title: s.btnWholePlan, data: showPlan() },
      { title: s.btnHelp, data: ask(s.btnHelp.toLowerCase()) },
    ],
  });
}

/** An Action.Execute (Universal Action) whose verb the bot does not know: the card that replaces the tapped one. */
export function actionUnavailableCard(verb: string, lang: Lang): CardJson {
  const s = strings(lang);
  const shown = truncate(verb, 40);
  return messageCard({
    title: catalog(lang).replies.actionUnavailableTitle,
    color: 'attention',
    text: catalog(lang).replies.actionUnavailableText(shown ? escapeMarkdown(shown) : null),
    actions: [
      { title: s.btnWholePlan, data: showPlan() },
      { title: s.btnHelp, data: ask(s.btnHelp.toLowerCase()) },
    ],
  });
}
