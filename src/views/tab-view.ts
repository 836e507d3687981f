import type { IndicatorFigures, ObjectiveFigures, PlanFigures } from '../progress/engine';
import type { Person } from '../domain/records';
import { catalog } from '../i18n';
import { formatDate, formatPercent, formatPeriodLong } from '../i18n/format';
import {
  barFill,
  shownStatus,
  statusEmoji,
  statusLabel,
  type Lang,
  type ShownStatus,
  type StatusFacts,
} from './format';
import { indicatorsChart, monthlyChart, type ChartView } from './charts';
import { ownerName } from './names';
import type { IsoDate } from '../calendar';

/**
 * The dashboard tab's view model (GET /tab/ and its data route): the plan's figures as the cards write them, for a
 * page that only draws. Every number is the engine's (the status service's PlanFigures, the very figures of
 * GET /api/v1/status), every text is formatted here by the one formatter: the page computes nothing.
 */

export interface TabStatus {
  code: ShownStatus;
  /** The word («Verde», «Sin reportes (se esperaba 25,0 %)»). */
  label: string;
  /** The icon beside the word (never colour alone). */
  icon: string;
}

export interface TabFigure {
  /** «39,2 %», or «—». */
  text: string;
  /** The bar's filled share, 0..1 (capped, as the cards draw it). */
  fill: number;
}

export interface TabIndicator {
  id: string;
  objective: number;
  name: string;
  /** Who answers for it, by name (never an e-mail or an id); the area when no owner is named. */
  owner: string;
  lastReport: string;
  progress: TabFigure;
  expected: TabFigure;
  cumulative: TabFigure;
  status: TabStatus;
  /** Whether the signed-in person owns it («mis indicadores»). */
  mine: boolean;
}

export interface TabObjective {
  number: number;
  title: string;
  progress: TabFigure;
  expected: TabFigure;
  cumulative: TabFigure;
  status: TabStatus;
  /** The objective's bars: each indicator's annual progress beside the expected (null without a target). */
  chart: ChartView | null;
  indicators: TabIndicator[];
}

export interface TabView {
  lang: Lang;
  year: number;
  asOf: IsoDate;
  subtitle: string;
  /** The years of the plan (the year filter). */
  years: number[];
  plan: { name: string; progress: TabFigure; expected: TabFigure; cumulative: TabFigure; status: TabStatus };
  objectives: TabObjective[];
  /** The owners' names, sorted (the owner filter). */
  owners: string[];
  /** The status codes present, in the semáforo's order, with their words (the status filter). */
  statuses: { code: ShownStatus; label: string; icon: string }[];
  /** The signed-in person, when known (null in a plain browser without a person). */
  me: { indicators: string[] } | null;
}

const STATUS_ORDER: ShownStatus[] = [
  'rojo',
  'sin-reportes',
  'amarillo',
  'verde',
  'adelantado',
  'sobre-ejecucion',
  'sin-datos',
  'sin-meta',
];

function statusOf(f: StatusFacts, lang: Lang): TabStatus {
  return { code: shownStatus(f), label: statusLabel(f, lang), icon: statusEmoji(f) };
}

const figure = (x: number | null, lang: Lang): TabFigure => ({ text: formatPercent(x, lang), fill: barFill(x) });

function ownerText(f: IndicatorFigures, owners: readonly Person[], lang: Lang): string {
  const names = owners.map((p) => ownerName(p, lang));
  if (names.length) return names.join(', ');
  return f.indicator.area ?? catalog(lang).cards.noOwner;
}

export interface TabViewInput {
  figures: PlanFigures;
  owners: Readonly<Record<string, readonly Person[]>>;
  /** The ids of the indicators the signed-in person owns; null when nobody is signed in. */
  mine: ReadonlySet<string> | null;
  lang: Lang;
}

export function tabView({ figures: p, owners, mine, lang }: TabViewInput): TabView {
  const t = catalog(lang);
  const indicator = (o: ObjectiveFigures, f: IndicatorFigures): TabIndicator => ({
    id: f.indicator.id,
    objective: o.objective.number,
    name: f.indicator.name,
    owner: ownerText(f, owners[f.indicator.id] ?? [], lang),
    lastReport: f.lastReport ? formatPeriodLong(f.lastReport, lang) : t.tab.noReport,
    progress: figure(f.progress, lang),
    expected: figure(f.expected, lang),
    cumulative: figure(f.cumulative, lang),
    status: statusOf(f, lang),
    mine: mine?.has(f.indicator.id) ?? false,
  });
  const objectives = p.objectives.map((o) => ({
    number: o.objective.number,
    title: t.cards.objective(o.objective.number, o.objective.name),
    progress: figure(o.progress, lang),
    expected: figure(o.expected, lang),
    cumulative: figure(o.cumulative, lang),
    status: statusOf(o, lang),
    chart: indicatorsChart(o, p.year, lang),
    indicators: o.indicators.map((f) => indicator(o, f)),
  }));
  const all = objectives.flatMap((o) => o.indicators);
  const present = new Set(all.map((i) => i.status.code));
  return {
    lang,
    year: p.year,
    asOf: p.asOf,
    subtitle: t.tab.subtitle(p.year, formatDate(p.asOf, lang)),
    years: Array.from({ length: p.plan.period.to - p.plan.period.from + 1 }, (_, i) => p.plan.period.from + i),
    plan: {
      name: p.plan.name,
      progress: figure(p.progress, lang),
      expected: figure(p.expected, lang),
      cumulative: figure(p.cumulative, lang),
      status: statusOf(p, lang),
    },
    objectives,
    owners: [...new Set(all.map((i) => i.owner))].sort((a, b) => a.localeCompare(b, lang)),
    statuses: STATUS_ORDER.filter((c) => present.has(c)).map((code) => ({
      code,
      label: t.status.label[code],
      icon: statusEmoji(code),
    })),
    me: mine ? { indicators: all.filter((i) => i.mine).map((i) => i.id) } : null,
  };
}

/** An indicator's monthly chart for the tab (the indicator card's chart), or null when there is nothing to draw. */
export function tabMonthly(
  p: PlanFigures,
  indicatorId: string,
  lang: Lang,
): { found: boolean; chart: ChartView | null } {
  for (const o of p.objectives)
    for (const f of o.indicators)
      if (f.indicator.id === indicatorId) return { found: true, chart: monthlyChart(f, p.asOf, lang) };
  return { found: false, chart: null };
}
