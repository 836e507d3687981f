import { indicatorDetailCard } from '../../src/views/indicator-cards';
import { objectiveStatusCard } from '../../src/views/status-cards';
import { cardBytes, fitCard } from '../../src/views/fit';
import { myIndicatorsCard, nobodyOwnsCard, type DueState } from '../../src/views/mine-cards';
import { cardProblems, ctxOf, textOf } from './helpers';
import { byYear, indicatorOf, longTextsScenario, planOf, SCENARIOS } from './scenario';

/** Issue 16: the message extension's 28 KB and the «mis indicadores» card (Adaptive Cards 1.5, both languages). */

const LIMIT = 28 * 1024;

test('an indicator card with long report texts is cut under 28 KB: the narratives shorten, the figures stay', () => {
  const s = longTextsScenario();
  const p = planOf(s);
  for (const lang of ['es', 'en'] as const) {
    const card = indicatorDetailCard(
      indicatorOf(p, '8118-M3'),
      byYear(s, '8118-M3'),
      ctxOf(lang, { asOf: s.asOf, canReport: false }),
    );
    expect(cardBytes(card)).toBeGreaterThan(LIMIT);
    const fitted = fitCard(card, LIMIT - 1024);
    expect(cardBytes(fitted)).toBeLessThan(LIMIT - 1024);
    expect(cardProblems(fitted)).toEqual([]);
    const before = textOf(card);
    const after = textOf(fitted);
    expect(after).toContain(lang === 'es' ? 'Indicador 8118-M3' : 'Indicator 8118-M3');
    // Every short text (headings, figures, dates) is kept as it was; only long ones were cut, with «…».
    const short = before.split('\n').filter((t) => t.length <= 60);
    for (const t of short) expect(after).toContain(t);
    expect(after).toContain('…');
    // The card it came from is not changed (status cards are shared).
    expect(cardBytes(card)).toBeGreaterThan(LIMIT);
  }
});

test('a card that fits is returned as it is', () => {
  const s = SCENARIOS[1];
  const card = objectiveStatusCard(planOf(s).objectives[4], ctxOf('es', { asOf: s.asOf }));
  expect(fitCard(card, LIMIT)).toBe(card);
});

describe('the «mis indicadores» card', () => {
  const dues: DueState[] = [
    { kind: 'due', period: '2025-06', deadline: '2025-07-07' },
    { kind: 'overdue', period: '2025-05', deadline: '2025-06-09' },
    { kind: 'reported', period: '2025-06', next: { period: '2025-07', deadline: '2025-08-08' } },
    { kind: 'reported', period: '2025-12' },
    { kind: 'no-target', year: 2025 },
  ];
  test.each(SCENARIOS.map((s) => [s.name, s] as const))(
    'is valid Adaptive Card 1.5 in both languages (%s)',
    (_n, s) => {
      const p = planOf(s);
      const ids = ['4263', '4234', '8118-M3', 'O10-1', '4267'];
      for (const lang of ['es', 'en'] as const) {
        for (const canReport of [true, false]) {
          const card = myIndicatorsCard(
            {
              lang,
              year: 2025,
              asOf: '2025-07-03',
              items: ids.map((id, i) => ({
                indicator: indicatorOf(p, id).indicator,
                figures: indicatorOf(p, id),
                due: dues[i],
                missing: i === 1 ? ['2025-01', '2025-02'] : [],
                canReport,
              })),
            },
            { lang },
          );
          expect(cardProblems(card)).toEqual([]);
          expect(cardBytes(card)).toBeLessThan(80 * 1024);
          const text = textOf(card);
          expect(text).toContain(
            lang === 'es'
              ? 'Vencido: mayo de 2025 sin reporte (el plazo fue el 9 de junio de 2025)'
              : 'Overdue: May 2025 not reported (it was due by June 9, 2025)',
          );
          expect(text).toContain(lang === 'es' ? 'Sin meta programada en 2025' : 'No target in 2025');
          expect(text).toContain(lang === 'es' ? 'diciembre de 2025 reportado' : 'December 2025 reported');
          expect(JSON.stringify(card).includes('"report-start"')).toBe(canReport);
        }
      }
      for (const lang of ['es', 'en'] as const)
        for (const admin of [true, false]) expect(cardProblems(nobodyOwnsCard(lang, admin))).toEqual([]);
    },
  );
});
