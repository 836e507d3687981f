import { allIndicators } from '../../src/plan/load';
import type { ViewContext } from '../../src/views/card-parts';
import { greetingCard, helpCard, missionVisionCard, welcomeCard } from '../../src/views/help-cards';
import { indicatorDetailCard } from '../../src/views/indicator-cards';
import {
  chooseIndicatorCard,
  chooseObjectiveCard,
  messageCard,
  notUnderstoodCard,
  outOfScopeCard,
  unknownIndicatorCard,
  unknownObjectiveCard,
} from '../../src/views/message-cards';
import type { CardJson } from '../../src/views/render';
import { laggingCard, objectiveStatusCard, planSummaryCard } from '../../src/views/status-cards';
import type { Lang } from '../../src/views/format';
import { cardProblems, ctxOf, findAll, rep, skeleton, textOf, thePlan } from './helpers';
import { byYear, indicatorOf, longTextsScenario, planOf, SCENARIOS, type Scenario } from './scenario';

/** Every card every function can make, for one scenario and one context. */
function everyCard(s: Scenario, ctx: ViewContext): [string, CardJson][] {
  const p = planOf(s);
  const plan = thePlan();
  const out: [string, CardJson][] = [];
  for (const o of p.objectives) out.push([`objective ${o.objective.number}`, objectiveStatusCard(o, ctx)]);
  for (const ind of allIndicators(plan))
    out.push([`indicator ${ind.id}`, indicatorDetailCard(indicatorOf(p, ind.id), byYear(s, ind.id), ctx)]);
  out.push(['indicator 4263 without years', indicatorDetailCard(indicatorOf(p, '4263'), [], ctx)]);
  out.push(['plan', planSummaryCard(p, ctx)]);
  out.push(['lagging', laggingCard(p, ctx)]);
  out.push(['help', helpCard(ctx)]);
  out.push(['welcome', welcomeCard(ctx)]);
  for (const which of ['mission', 'vision', 'both'] as const)
    out.push([`mission-vision ${which}`, missionVisionCard(plan, which, ctx)]);
  out.push(['choose 5', chooseIndicatorCard(plan.objectives[1].indicators, 'TIC', ctx)]);
  out.push(['choose all', chooseIndicatorCard(allIndicators(plan), 'de', ctx)]);
  out.push(['not understood', notUnderstoodCard('¿y el clima de mañana? ${x} {y} "comillas" <b>', ctx)]);
  out.push(['unknown objective', unknownObjectiveCard(42, ctx)]);
  out.push(['unknown indicator', unknownIndicatorCard('9999', ctx)]);
  out.push(['hello', greetingCard('hello', ctx)]);
  out.push(['thanks', greetingCard('thanks', ctx)]);
  out.push(['out of scope', outOfScopeCard('presupuesto', ctx)]);
  out.push(['choose objective', chooseObjectiveCard(ctx, p)]);
  out.push(['choose objective without figures', chooseObjectiveCard(ctx)]);
  out.push(['message', messageCard({ text: 'Listo.' })]);
  out.push([
    'message full',
    messageCard({
      title: 'Reporte guardado',
      color: 'good',
      text: 'Gracias.',
      facts: [{ title: 'Indicador', value: '4263' }],
      rows: [{ text: 'Objetivo 5', sub: 'ver', action: { verb: 'show-objective', objective: 5 } }],
      actions: [{ title: 'Ver el plan', data: { verb: 'show-plan' } }],
    }),
  ]);
  return out;
}

const langs: Lang[] = ['es', 'en'];

describe.each(SCENARIOS.map((s) => [s.name, s] as const))('every card is valid Adaptive Card 1.5 (%s)', (_name, s) => {
  test.each(langs)('%s', (lang) => {
    for (const canReport of [true, false]) {
      for (const [name, card] of everyCard(s, ctxOf(lang, { canReport, asOf: s.asOf }))) {
        // Template data that looks like a template (the not-understood text) is the user's, not a leftover.
        const problems = cardProblems(card).filter((x) => !(name === 'not understood' && x.startsWith('unexpanded')));
        expect({ name, problems }).toEqual({ name, problems: [] });
        // Readable on white: no text in the host's faint yellow or green; the % never wraps away from its number.
        const faint = findAll(
          card,
          (o) => (o.type === 'TextBlock' || o.type === 'TextRun') && /^(warning|good)$/i.test(String(o.color ?? '')),
        );
        expect({ name, faint: faint.map((o) => o.text) }).toEqual({ name, faint: [] });
        expect({ name, wraps: textOf(card).match(/\d %/g) }).toEqual({ name, wraps: null });
        // Bars are images drawn to scale, never coloured columns with padding.
        expect({
          name,
          columns: findAll(card, (o) => o.type === 'Column' && typeof o.style === 'string' && o.minHeight !== undefined)
            .length,
        }).toEqual({ name, columns: 0 });
      }
    }
  });
});

test('a context without a corte nor a plan still gives valid cards', () => {
  const s = SCENARIOS[1];
  const ctx: ViewContext = { lang: 'es', owners: () => [], canReport: false };
  for (const [name, card] of everyCard(s, ctx)) {
    const problems = cardProblems(card).filter((x) => !(name === 'not understood' && x.startsWith('unexpanded')));
    expect({ name, problems }).toEqual({ name, problems: [] });
  }
});

describe.each(SCENARIOS.map((s) => [s.name, s] as const))(
  'Spanish and English cards have the same structure (%s)',
  (_name, s) => {
    test('only the words differ', () => {
      const es = everyCard(s, ctxOf('es', { asOf: s.asOf }));
      const en = everyCard(s, ctxOf('en', { asOf: s.asOf }));
      expect(en.map(([n]) => n)).toEqual(es.map(([n]) => n));
      es.forEach(([name, card], i) => {
        expect({ name, shape: skeleton(en[i][1]) }).toEqual({ name, shape: skeleton(card) });
        // And the words do differ where there are words to translate.
        if (!name.startsWith('message'))
          expect({ name, same: JSON.stringify(en[i][1]) === JSON.stringify(card) }).toEqual({ name, same: false });
      });
    });
  },
);

test('cards stay far under the 80 KB limit with long report texts', () => {
  const s = longTextsScenario();
  const p = planOf(s);
  const ctx = ctxOf('es', {
    asOf: s.asOf,
    owners: () => [{ id: 'x', name: 'Nombre Muy Largo De Una Persona Responsable '.repeat(5) }],
  });
  for (const card of [
    indicatorDetailCard(indicatorOf(p, '8118-M3'), byYear(s, '8118-M3'), ctx),
    laggingCard(p, ctx),
    planSummaryCard(p, ctx),
    objectiveStatusCard(p.objectives[8], ctx),
  ]) {
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card).length).toBeLessThan(40_000);
  }
});

describe('the report form and its confirmation are valid Adaptive Card 1.5, with Action.Execute and its fallback', () => {
  const { reportFormCard, reportConfirmationCard } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../../src/views/report-cards') as typeof import('../../src/views/report-cards');
  const plan = thePlan();
  const ind = allIndicators(plan).find((i) => i.id === '4263')!;
  test.each(langs)('%s', (lang) => {
    const form = (errors?: { field: 'value'; message: string }[]) =>
      reportFormCard({
        lang,
        formId: 'form-12345678',
        indicators: allIndicators(plan),
        periods: ['2025-07', '2025-06'],
        currentPeriod: '2025-07',
        values: { indicatorId: '4263', period: '2025-06', value: 'x' },
        errors,
        lastReport: () => undefined,
      });
    const record = rep('4263', '2025-06', 0.3, { version: 1, reportedAt: '2025-07-03T12:00:00.000Z' });
    const cards: [string, CardJson][] = [
      ['form', form()],
      ['form with errors', form([{ field: 'value', message: 'El valor debe ser un número.' }])],
      [
        'confirmation',
        reportConfirmationCard({
          lang,
          indicator: ind,
          record,
          figures: { year: 2025, status: 'verde', progress: 0.75, expected: 0.5 },
        }),
      ],
      ['duplicate', reportConfirmationCard({ lang, indicator: ind, record, duplicate: true })],
    ];
    for (const [name, card] of cards) expect({ name, problems: cardProblems(card) }).toEqual({ name, problems: [] });
    // The submit and the cancel are Action.Execute (one round trip), with Action.Submit for older clients.
    const executes = findAll(cards[0][1], (o) => o.type === 'Action.Execute');
    expect(executes.map((a) => a.verb)).toEqual(['report-submit', 'report-cancel']);
    expect(executes.map((a) => (a.fallback as { type: string }).type)).toEqual(['Action.Submit', 'Action.Submit']);
  });

  test('the checker notices an Action.Execute without fallback', () => {
    const card = {
      ...messageCard({ text: 'Listo.' }),
      actions: [{ type: 'Action.Execute', title: 'Enviar', verb: 'report-submit', data: { verb: 'report-submit' } }],
    };
    expect(cardProblems(card)).toEqual([expect.stringContaining('without an Action.Submit fallback')]);
  });
});

test('status cards carry a refresh whose Action.Execute names the same card and year', () => {
  const s = SCENARIOS[1];
  const p = planOf(s);
  const ctx = ctxOf('es', { asOf: s.asOf });
  const refreshOf = (card: CardJson) => (card.refresh as { action: Record<string, unknown> }).action;
  expect(refreshOf(objectiveStatusCard(p.objectives[4], ctx))).toEqual({
    type: 'Action.Execute',
    verb: 'refresh-objective',
    data: { verb: 'refresh-objective', objective: 5, year: p.year },
  });
  expect(refreshOf(indicatorDetailCard(indicatorOf(p, '4263'), byYear(s, '4263'), ctx))).toEqual({
    type: 'Action.Execute',
    verb: 'refresh-indicator',
    data: { verb: 'refresh-indicator', indicatorId: '4263', year: p.year },
  });
  expect(refreshOf(planSummaryCard(p, ctx))).toEqual({
    type: 'Action.Execute',
    verb: 'refresh-plan',
    data: { verb: 'refresh-plan', year: p.year },
  });
  expect(refreshOf(laggingCard(p, ctx))).toEqual({
    type: 'Action.Execute',
    verb: 'refresh-lagging',
    data: { verb: 'refresh-lagging', year: p.year },
  });
});
