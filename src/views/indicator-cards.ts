import type { IndicatorFigures } from '../progress/engine';
import type { ReportRecord } from '../domain/records';
import { bogotaDate } from '../calendar';
import {
  formatDate,
  formatPercent,
  formatPercentShort,
  formatPeriod,
  formatValue,
  statusColor,
  statusEmoji,
  statusText,
  truncate,
} from './format';
import { strings, type Strings } from '../i18n';
import { renderCard, type CardJson } from './render';
import { escapeMarkdown } from './escape';
import { monthlyChart } from './charts';
import { refreshOf, showObjective, showPlan, VERB_REFRESH_INDICATOR } from './verbs';
import {
  type ViewContext,
  MAX_HISTORY,
  MAX_REPORT_TEXT,
  SEP,
  asOfText,
  headlineBars,
  reportAction,
  reviewAction,
  explainAction,
  unreviewedText,
  objectiveName,
} from './card-parts';
import { ownerName } from './names';

/** The detail of one indicator: facts, programmed-vs-executed by year, the reports with their texts. */

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
    .map((p) => ownerName(p, lang))
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
  if (current.previousTarget !== undefined)
    facts.unshift({
      title: s.factReprogrammed(current.year),
      value: `${formatValue(current.target, ind.unit, lang)} (${s.reprogrammed(formatValue(current.previousTarget, ind.unit, lang))})`,
    });

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
