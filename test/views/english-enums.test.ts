import { allIndicators } from '../../src/plan/load';
import { computePlan } from '../../src/progress/engine';
import { explainIndicator, explainObjective } from '../../src/progress/explain';
import { indicatorExplanationCard, objectiveExplanationCard } from '../../src/views/explain-cards';
import { indicatorDetailCard } from '../../src/views/indicator-cards';
import { reportFormCard, indicatorHint } from '../../src/views/report-cards';
import { objectiveStatusCard } from '../../src/views/status-cards';
import { catalog } from '../../src/i18n';
import type { Trend } from '../../src/domain/plan';
import { ctxOf, textOf, thePlan } from './helpers';
import { richReports } from './scenario';

/**
 * An English reader never meets the plan's Spanish enum values (tendencia, review state, unit): «for a Suma
 * indicator», «Creciente and Constante» read «sum», «increasing», «constant» (the plan's own names stay as written).
 * Every English card that names a
 * tendencia — the report form (with and without an indicator chosen), its per-indicator hints, the indicator card, the
 * explanations — and the validation's hint are checked for the Spanish words.
 */

const SPANISH_ENUMS = /\b(Suma|Sumatoria|Creciente|Constante|Decreciente|aprobado|pendiente|devuelto)\b/;

const plan = thePlan();
const figures = computePlan(plan, richReports(), { year: 2025, asOf: '2025-06-30' });
const byTrend = new Map<Trend, string>();
for (const ind of allIndicators(plan)) if (!byTrend.has(ind.trend)) byTrend.set(ind.trend, ind.id);

test('every tendencia of the plan is represented', () => {
  expect([...byTrend.keys()].sort()).toEqual(
    ['constante', 'creciente', 'decreciente', 'suma'].filter((t) => byTrend.has(t as Trend)),
  );
  expect(byTrend.size).toBeGreaterThanOrEqual(3);
});

test('English cards and messages word the tendencias in English', () => {
  const ctx = ctxOf('en');
  const texts: [string, string][] = [];
  const form = (indicatorId?: string) =>
    reportFormCard({
      lang: 'en',
      formId: 'form-12345678',
      indicators: indicatorId ? allIndicators(plan).filter((i) => i.id === indicatorId) : allIndicators(plan),
      periods: ['2025-07', '2025-06'],
      currentPeriod: '2025-07',
      values: indicatorId ? { indicatorId, period: '2025-06' } : {},
      lastReport: () => undefined,
    });
  texts.push(['form, no indicator chosen', textOf(form())]);
  for (const [trend, id] of byTrend) {
    const ind = allIndicators(plan).find((i) => i.id === id)!;
    const o = figures.objectives.find((x) => x.objective.number === ind.objective)!;
    const f = o.indicators.find((x) => x.indicator.id === id)!;
    texts.push([`form ${trend}`, textOf(form(id))]);
    texts.push([`hint ${trend}`, indicatorHint(ind, 2025, undefined, 'en')]);
    texts.push([`validation hint ${trend}`, catalog('en').validation.trendHint(trend)]);
    texts.push([`indicator card ${trend}`, textOf(indicatorDetailCard(f, [], ctx))]);
    texts.push([
      `indicator explanation ${trend}`,
      textOf(indicatorExplanationCard(explainIndicator(f, '2025-06-30'), 'en')),
    ]);
    texts.push([`objective card ${trend}`, textOf(objectiveStatusCard(o, ctx))]);
    texts.push([
      `objective explanation ${trend}`,
      textOf(objectiveExplanationCard(explainObjective(o, '2025-06-30'), 'en')),
    ]);
  }
  const leaks = texts.flatMap(([name, text]) =>
    text
      .split('\n')
      .filter((l) => SPANISH_ENUMS.test(l))
      .map((l) => `${name}: ${l}`),
  );
  expect(leaks).toEqual([]);
  // And the form's heading names the four tendencias in English.
  expect(texts[0][1]).toContain('Sum: the progress in the period');
  expect(texts[0][1]).toContain('for a sum indicator');
});
