import type { IndicatorExplanation, ObjectiveExplanation, PlanExplanation, ReportUsed } from '../progress/explain';
import type { Unit } from '../domain/plan';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatPercentShort,
  formatPeriod,
  formatValue,
  statusLabel,
  truncate,
  type Lang,
} from './format';
import { explainStrings } from '../i18n';
import { renderCard, type CardJson } from './render';
import { showIndicator, showObjective, showPlan } from './verbs';

/**
 * «¿Cómo se calcula?»: the explanation of a figure (progress/explain.ts) as a card (cards/explanation.json): the
 * formula with its values, the weights and contributions, the sum (the card's figure), the expected level, and the
 * report versions used with their review state.
 */

interface Block {
  heading: string | null;
  lines: { text: string }[];
}

const block = (heading: string | null, lines: (string | null | undefined)[]): Block => ({
  heading,
  lines: lines.filter((l): l is string => !!l).map((text) => ({ text })),
});

const pct = (x: number | null, lang: Lang, d = 1) => formatPercent(x, lang, d);
/** Numbers inside formulas: up to 4 decimals, in the reader's format. */
const num = (x: number, lang: Lang) => formatNumber(x, lang, 4);
const val = (x: number, unit: Unit, lang: Lang) => (unit === 'percent' ? formatPercentShort(x, lang, 2) : num(x, lang));

function reportLines(reports: readonly ReportUsed[], unit: Unit, lang: Lang): string[] {
  const s = explainStrings(lang);
  return reports.map((r) =>
    s.reportLine(formatPeriod(r.period, lang), r.version, formatValue(r.value, unit, lang), s.reviewStates[r.review]),
  );
}

function filled(trend: IndicatorExplanation['trend'], v: string, m: string, lb: string): string {
  switch (trend) {
    case 'suma':
    case 'constante':
      return `${v} ÷ ${m}`;
    case 'creciente':
      return `(${v} − ${lb}) ÷ (${m} − ${lb})`;
    case 'decreciente':
      return `(${lb} − ${v}) ÷ (${lb} − ${m})`;
  }
}

/** «Se usa la versión 2 del plan, vigente desde el 1 de septiembre de 2025 (Resolución 45 de 2025).» */
function versionText(v: NonNullable<IndicatorExplanation['version']>, lang: Lang): string {
  return explainStrings(lang).versionLine(v.number, formatDate(v.effective, lang), v.reason);
}

export function indicatorExplanationCard(
  e: IndicatorExplanation,
  lang: Lang,
  inObjective?: { number: number; weightUsed: number; capped: number; contribution: number },
): CardJson {
  const s = explainStrings(lang);
  const unit = e.indicator.unit;
  const y = e.year;
  const v = (x: number) => val(x, unit, lang);
  const lines: (string | null)[] = [s.trendRule[e.trend](y)];
  if (e.executed === null) lines.push(s.executedNone(y));
  else if (e.trend === 'suma')
    lines.push(s.executedSum(y, e.executedFrom.map((r) => v(r.value)).join(' + ') || v(0), v(e.executed)));
  else lines.push(s.executedLast(y, v(e.executed), formatPeriod(e.executedFrom[0]?.period ?? '', lang)));
  lines.push(s.targetLine(y, v(e.target), v(e.baseline)));
  if (e.reprogrammedFrom !== null) lines.push(s.reprogrammedLine(y, v(e.reprogrammedFrom), v(e.target)));
  if (e.version) lines.push(versionText(e.version, lang));
  if (!e.hasTarget) lines.push(s.noTargetIndicator(y));
  else if (e.executed !== null)
    lines.push(
      s.annualLine(
        s.annualFormula[e.trend],
        filled(e.trend, v(e.executed), v(e.target), v(e.baseline)),
        pct(e.progress, lang),
      ),
    );
  if (inObjective && e.hasTarget) {
    lines.push(
      s.inObjective(
        inObjective.number,
        pct(inObjective.weightUsed, lang, 2),
        pct(inObjective.capped, lang),
        pct(inObjective.contribution, lang),
      ),
    );
  }

  const expected: (string | null)[] = [];
  if (e.hasTarget && e.expectedLevel !== null) {
    expected.push(
      e.trend === 'suma'
        ? s.expectedLevelSuma(v(e.target), e.monthsClosed, v(e.expectedLevel))
        : s.expectedLevelOther(v(e.previousTarget), v(e.target), e.monthsClosed, v(e.expectedLevel), y),
    );
    expected.push(
      s.expectedProgress(filled(e.trend, v(e.expectedLevel), v(e.target), v(e.baseline)), pct(e.expected, lang)),
    );
  }
  const four =
    e.cumulativeValue !== null && e.cumulative !== null
      ? s.fourYear(
          s.fourYearFormula[e.trend],
          filled(e.trend, v(e.cumulativeValue), v(e.fourYearTarget), v(e.baseline)),
          pct(e.cumulative, lang),
        )
      : null;

  return renderCard('explanation', {
    title: s.titleIndicator(e.indicator.id),
    subtitle: `${truncate(e.indicator.name, 160)} · ${s.subtitle(y, formatDate(e.asOf, lang), e.monthsClosed)}`,
    summary: s.summaryIndicator(e.indicator.id, e.progress === null ? null : pct(e.progress, lang)),
    before: [block(null, lines), ...(expected.length || four ? [block(s.expectedHeading, [...expected, four])] : [])],
    table: null,
    after: [block(s.reportsHeading, e.reports.length ? reportLines(e.reports, unit, lang) : [s.noReportsUsed])],
    actions: [
      { title: s.btnSeeIndicator(e.indicator.id), data: showIndicator(e.indicator.id) },
      { title: s.btnSeeObjective(e.indicator.objective), data: showObjective(e.indicator.objective) },
    ],
  });
}

export function objectiveExplanationCard(
  e: ObjectiveExplanation,
  lang: Lang,
  reports?: (indicatorId: string) => { unit: Unit; reports: readonly ReportUsed[] },
): CardJson {
  const s = explainStrings(lang);
  const rows = e.rows.map((r) => ({
    c1: `**${r.indicatorId}** · ${truncate(r.name, 60)}`,
    c2: r.hasTarget
      ? `${formatPercentShort(r.weight, lang)} (${pct(r.weightUsed, lang, 2)})`
      : `${formatPercentShort(r.weight, lang)} (${s.noTarget(e.year)})`,
    c3: !r.hasTarget
      ? '—'
      : r.progress === null
        ? s.pendingCountsZero
        : r.progress > 1
          ? `${pct(r.progress, lang)} → ${pct(1, lang)}`
          : pct(r.progress, lang),
    // The parts as shown (progress/shown.ts): they add up to the sum row, to the tenth.
    c4: r.hasTarget ? pct(r.shownContribution, lang) : s.doesNotWeigh,
    weight: 'Default',
  }));
  rows.push({
    c1: s.sumRow,
    c2: pct(e.weightTotal > 0 ? 1 : 0, lang, 0),
    c3: '',
    c4: e.shownProgress === null ? s.noData : pct(e.shownProgress, lang),
    weight: 'Bolder',
  });
  const after: Block[] = [];
  const status =
    e.ratio !== null
      ? s.statusLine(pct(e.progress, lang), pct(e.expected, lang), num(e.ratio, lang), statusLabel(e.status, lang))
      : null;
  after.push(
    block(s.expectedHeading, [
      e.weightTotal > 0 && Math.abs(e.weightTotal - 1) > 1e-9
        ? s.renormalised(formatPercentShort(e.weightTotal, lang), e.year)
        : null,
      e.expected !== null ? s.expectedObjective(pct(e.expected, lang)) : null,
      status,
      status ? s.bands : null,
    ]),
  );
  if (reports) {
    const lines = e.rows.flatMap((r) => {
      const x = reports(r.indicatorId);
      return reportLines(x.reports, x.unit, lang).map((l) => `**${r.indicatorId}** · ${l}`);
    });
    after.push(block(s.reportsHeading, lines.length ? lines : [s.noReportsUsed]));
  }
  return renderCard('explanation', {
    title: s.titleObjective(e.number),
    subtitle: `${e.name} · ${s.subtitle(e.year, formatDate(e.asOf, lang), e.monthsClosed)}`,
    summary: s.summaryObjective(e.number, e.progress === null ? null : pct(e.progress, lang)),
    before: [block(null, [s.ruleObjective(e.year), e.version ? versionText(e.version, lang) : null])],
    table: { head: { c1: s.colIndicator, c2: s.colWeight, c3: s.colProgress, c4: s.colContribution }, rows },
    after,
    actions: [
      { title: s.btnSeeObjective(e.number), data: showObjective(e.number) },
      ...e.rows
        .filter((r) => r.hasTarget)
        .slice(0, 3)
        .map((r) => ({
          title: s.btnExplainIndicator(r.indicatorId),
          data: { verb: 'explain', indicatorId: r.indicatorId, year: e.year },
        })),
    ],
  });
}

export function planExplanationCard(e: PlanExplanation, lang: Lang): CardJson {
  const s = explainStrings(lang);
  const rows = e.objectives.map((o) => ({
    c1: `**${o.number}** · ${truncate(o.name, 60)}`,
    c2: o.counted ? pct(o.expected, lang) : s.noTarget(e.year),
    c3: !o.counted ? '—' : o.progress === null ? s.pendingCountsZero : pct(Math.min(o.progress, 1), lang),
    c4: '',
    weight: 'Default',
  }));
  rows.push({
    c1: s.sumRow,
    c2: pct(e.expected, lang),
    c3: e.progress === null ? s.noData : pct(e.progress, lang),
    c4: '',
    weight: 'Bolder',
  });
  return renderCard('explanation', {
    title: s.titlePlan,
    subtitle: s.subtitle(e.year, formatDate(e.asOf, lang), e.monthsClosed),
    summary: s.summaryPlan(e.progress === null ? null : pct(e.progress, lang)),
    before: [block(null, [s.rulePlan(e.year), e.version ? versionText(e.version, lang) : null])],
    table: { head: { c1: s.colObjective, c2: s.colExpected, c3: s.colProgress, c4: '' }, rows },
    after: [],
    actions: [
      { title: s.btnPlan, data: showPlan() },
      ...e.objectives
        .filter((o) => o.counted)
        .slice(0, 4)
        .map((o) => ({
          title: s.btnExplainObjective(o.number),
          data: { verb: 'explain', objective: o.number, year: e.year },
        })),
    ],
  });
}
