import { loadPlan } from '../../src/plan/load';
import type { Indicator } from '../../src/domain/plan';
import { computePlan, progressOf } from '../../src/progress/engine';
import { explainIndicator, explainObjective, explainPlan } from '../../src/progress/explain';
import type { ReportRecord } from '../../src/domain/records';
import { objectiveStatusCard, planSummaryCard } from '../../src/views/status-cards';
import { indicatorExplanationCard, objectiveExplanationCard, planExplanationCard } from '../../src/views/explain-cards';
import { formatPercent } from '../../src/views/format';
import { cardProblems, ctxOf } from '../views/helpers';
import { cardText } from '../helpers/conversation';
import { startConversation } from '../helpers/conversation';
import { ADMIN } from '../helpers/activities';
import { cardsOf } from '../helpers/conversation';

/**
 * «¿Cómo se calcula?»: over every objective of the seed, with a realistic report set (monthly reports of every
 * kind of tendencia, over-execution, missing months, corrections, a returned and a pending version), the
 * explanation's parts add up to the figure the status card shows.
 */

const plan = loadPlan();
const target = (ind: Indicator, y: number) => (ind.program as Record<number, number>)[y] ?? 0;

function rep(ind: Indicator, period: string, value: number, extra: Partial<ReportRecord> = {}): ReportRecord {
  const version = extra.version ?? 1;
  return {
    id: `${ind.id}:${period}:v${version}`,
    indicatorId: ind.id,
    period,
    version,
    value,
    logros: 'Avance del periodo según el plan de acción',
    dificultades: 'Sin novedades; se justifica lo que supera la meta',
    evidencia: `https://intranet.example.gov.co/pei/${ind.id}/${period}`,
    author: { id: 'aad-ana', name: 'Ana Pérez' },
    reportedAt: `${period}-28T15:00:00.000Z`,
    source: 'teams',
    review: 'aprobado',
    ...extra,
  };
}

/** 2024 complete, 2025 January–June, with a different pace per indicator; some indicators never report. */
function realisticReports(): ReportRecord[] {
  const out: ReportRecord[] = [];
  plan.objectives.forEach((o) =>
    o.indicators.forEach((ind, i) => {
      if ((o.number + i) % 7 === 4) return; // never reported: counts 0, pending
      const pace = [0.4, 0.8, 1.0, 1.3, 2.2][(o.number * 3 + i) % 5]; // from lagging to over-executing
      for (const year of [2024, 2025]) {
        const months = year === 2024 ? 12 : 6;
        const M = target(ind, year);
        const prev = year === 2024 ? (ind.baseline ?? 0) : target(ind, 2024);
        for (let m = 1; m <= months; m++) {
          const period = `${year}-${String(m).padStart(2, '0')}`;
          const value =
            ind.trend === 'suma'
              ? (M / 12) * pace
              : ind.trend === 'decreciente'
                ? prev - (prev - M) * (m / 12) * pace
                : prev + (M - prev) * (m / 12) * pace;
          out.push(rep(ind, period, Math.max(0, Math.round(value * 1e4) / 1e4)));
        }
      }
    }),
  );
  // A correction, a returned version (does not count: v1 stays) and a pending one (counts, «por revisar»).
  const i4263 = plan.objectives[4].indicators[0];
  out.push(rep(i4263, '2025-06', 0.31, { version: 2, review: 'aprobado' }));
  out.push(rep(i4263, '2025-06', 0.9, { version: 3, review: 'devuelto', reviewNote: 'valor sin soporte' }));
  const i2 = plan.objectives[1].indicators[0];
  out.push(rep(i2, '2025-06', (target(i2, 2025) / 12) * 1.1, { version: 2, review: 'pendiente' }));
  return out;
}

const REPORTS = realisticReports();

describe.each([
  ['2025-06-30', 2025],
  ['2025-07-03', 2025],
  ['2024-12-31', 2024],
  ['2024-05-15', 2024],
])('every objective explains itself (as of %s, year %s)', (asOf, year) => {
  const p = computePlan(plan, REPORTS, { year, asOf });

  test.each(plan.objectives.map((o) => [o.number]))(
    "objective %s: the contributions add up to the card's figure",
    (number) => {
      const o = p.objectives[number - 1];
      const e = explainObjective(o, asOf);
      const sum = e.rows.reduce((a, r) => a + r.contribution, 0);
      if (o.progress === null) expect(e.progress).toBeNull();
      else {
        expect(sum).toBeCloseTo(o.progress, 12);
        expect(e.progress).toBeCloseTo(o.progress, 12);
      }
      expect(e.expected ?? NaN).toBeCloseTo(o.expected ?? NaN, 12);
      // The weights used add to 100 % over the indicators with a target; the others weigh nothing.
      const withTarget = e.rows.filter((r) => r.hasTarget);
      if (withTarget.length) expect(withTarget.reduce((a, r) => a + r.weightUsed, 0)).toBeCloseTo(1, 12);
      for (const r of e.rows.filter((x) => !x.hasTarget)) expect(r.contribution).toBe(0);
      // Each contribution is weight used × min(progress, 1), with a missing report as 0.
      for (const r of withTarget) expect(r.contribution).toBeCloseTo(r.weightUsed * Math.min(r.progress ?? 0, 1), 12);

      // What a person sees: the status card's percent is the explanation card's sum.
      for (const lang of ['es', 'en'] as const) {
        const shown = formatPercent(o.progress, lang);
        expect(cardText(objectiveStatusCard(o, ctxOf(lang, { asOf })))).toContain(shown);
        const card = objectiveExplanationCard(e, lang, (id) => ({
          unit: o.indicators.find((f) => f.indicator.id === id)!.indicator.unit,
          reports: explainIndicator(
            o.indicators.find((f) => f.indicator.id === id)!,
            asOf,
          ).reports,
        }));
        expect(cardProblems(card)).toEqual([]);
        const text = cardText(card);
        if (o.progress !== null) expect(text).toContain(lang === 'es' ? `va en ${shown}` : `is at ${shown}`);
      }
    },
  );

  test('every indicator: the filled formula gives its progress; the expected level follows the tendencia', () => {
    for (const o of p.objectives) {
      for (const f of o.indicators) {
        const e = explainIndicator(f, asOf);
        if (e.hasTarget && e.executed !== null)
          expect(progressOf(e.trend, e.executed, e.target, e.baseline)).toBeCloseTo(f.progress!, 12);
        if (e.executed !== null && e.trend === 'suma')
          expect(e.executedFrom.reduce((a, r) => a + r.value, 0)).toBeCloseTo(e.executed, 9);
        if (e.executed !== null && e.trend !== 'suma') expect(e.executedFrom.map((r) => r.value)).toEqual([e.executed]);
        if (e.hasTarget) {
          const m = e.monthsClosed;
          const level =
            e.trend === 'suma' ? (e.target * m) / 12 : e.previousTarget + ((e.target - e.previousTarget) * m) / 12;
          expect(e.expectedLevel).toBeCloseTo(level, 12);
        }
        // A returned version is never among the versions used.
        expect(e.reports.every((r) => r.review !== 'devuelto')).toBe(true);
        const card = indicatorExplanationCard(e, 'es');
        expect(cardProblems(card)).toEqual([]);
      }
    }
  });

  test("the plan: the mean of the objectives is the plan card's figure", () => {
    const e = explainPlan(p);
    expect(e.progress ?? NaN).toBeCloseTo(p.progress ?? NaN, 12);
    const shown = formatPercent(p.progress, 'es');
    expect(cardText(planSummaryCard(p, ctxOf('es', { asOf })))).toContain(shown);
    const card = planExplanationCard(e, 'es');
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(`El plan va en ${shown}`);
  });
});

test('objective 2 in 2024: 8110-M3 has no 2024 target, so it takes no weight and the others are renormalised', () => {
  const p = computePlan(plan, REPORTS, { year: 2024, asOf: '2024-12-31' });
  const e = explainObjective(p.objectives[1], '2024-12-31');
  const row = e.rows.find((r) => r.indicatorId === '8110-M3')!;
  expect(row).toMatchObject({ hasTarget: false, weightUsed: 0, contribution: 0 });
  expect(e.weightTotal).toBeLessThan(1);
  const others = e.rows.filter((r) => r.hasTarget);
  for (const r of others) expect(r.weightUsed).toBeCloseTo(r.weight / e.weightTotal, 12);
  const text = cardText(objectiveExplanationCard(e, 'es'));
  expect(text).toContain('Pesos renormalizados');
  expect(text).toContain('sin meta en 2024');
});

test('indicator 4263: the returned v3 does not count, v2 does; the card names the versions and their review', () => {
  const p = computePlan(plan, REPORTS, { year: 2025, asOf: '2025-07-03' });
  const f = p.objectives[4].indicators[0];
  const e = explainIndicator(f, '2025-07-03');
  expect(e.executed).toBe(0.31);
  const text = cardText(indicatorExplanationCard(e, 'es'));
  expect(text).toContain('(V − LB) ÷ (M − LB) = (0,31 − 0) ÷ (0,4 − 0) = 77,5\u00a0%');
  expect(text).toContain('jun. 2025 · v2 · 0,31 · ✅ aprobado');
  expect(text).not.toContain('0,9');
  expect(text).toContain('Nivel esperado = M_2024 + (M_2025 − M_2024) × m ÷ 12 = 0,1 + (0,4 − 0,1) × 6 ÷ 12 = 0,25');
});

describe('asking in chat', () => {
  test('«¿por qué el objetivo 2 va en …?», «¿cómo se calcula el indicador 4236?», "why is objective 2 at …" and the button', async () => {
    const c = startConversation({ now: '2025-07-03' });
    const r0 = REPORTS[0];
    const batch = REPORTS.filter((x) => x.version === 1).map((r) => ({
      input: {
        indicatorId: r.indicatorId,
        period: r.period,
        value: r.value,
        logros: r.logros,
        dificultades: r.dificultades,
        evidencia: r.evidencia,
      },
      author: r.author,
      source: 'csv' as const,
      review: 'aprobado' as const,
    }));
    await c.store.appendReports(batch, '2025-07-01T15:00:00.000Z', r0.author);
    const o2 = (await c.services.status.figures(2025, '2025-07-03')).objectives[1];
    const shown = formatPercent(o2.progress, 'es');
    const es = cardText(cardsOf(await c.say(`¿por qué el objetivo 2 va en ${shown}?`, { from: ADMIN })).at(-1));
    expect(es).toContain('¿Cómo se calcula? · Objetivo 2');
    expect(es).toContain(`El objetivo 2 va en ${shown}`);
    const en = cardText(cardsOf(await c.say('why is objective 2 at 67.5 %', { from: ADMIN, locale: 'en-US' })).at(-1));
    expect(en).toContain('How is it calculated? · Objective 2');
    expect(en).toContain(`Objective 2 is at ${formatPercent(o2.progress, 'en')}`);
    const ind = cardText(cardsOf(await c.say('¿cómo se calcula el indicador 4236?', { from: ADMIN })).at(-1));
    expect(ind).toContain('¿Cómo se calcula? · Indicador 4236');
    expect(ind).toContain('Avance anual');
    // The button on the objective card.
    const card = cardsOf(await c.say('¿cómo va el objetivo 2?', { from: ADMIN })).at(-1);
    const button = card.actions.find((a: any) => a.data?.verb === 'explain');
    expect(button.title).toBe('¿Cómo se calcula?');
    const viaButton = cardText(cardsOf(await c.click(button.data, { from: ADMIN })).at(-1));
    expect(viaButton).toContain(`El objetivo 2 va en ${shown}`);
  });
});
