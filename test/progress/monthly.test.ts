import { loadPlan, indicatorById } from '../../src/plan/load';
import { computePlan, indicatorFigures } from '../../src/progress/engine';
import { monthlySeries } from '../../src/progress/monthly';
import { report } from '../helpers/reports';

const plan = loadPlan();
const byId = indicatorById(plan);
const ind = (id: string) => byId.get(id)!;

describe('monthlySeries: the year month by month, as the card counts it', () => {
  test('Suma (3980, 26 in 2025): the year’s sum through each month; expected 26·m/12; nothing before the first report', () => {
    const reports = [
      report('3980', '2024-12', 2),
      report('3980', '2025-02', 3),
      report('3980', '2025-04', 2),
      report('3980', '2025-06', 2),
    ];
    const f = indicatorFigures(ind('3980'), reports, { year: 2025, asOf: '2025-07-03' });
    const s = monthlySeries(f, '2025-07-03');
    expect(s.map((p) => p.period)).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2025-${m}`),
    );
    // 2024's report is not 2025's: January has no figure, then 3, 3, 5, 5, 7; nothing after the last report.
    expect(s.map((p) => p.value)).toEqual([null, 3, 3, 5, 5, 7, null, null, null, null, null, null]);
    expect(s.map((p) => p.reported)).toEqual([null, 3, null, 2, null, 2, null, null, null, null, null, null]);
    s.forEach((p, i) => expect(p.expected).toBeCloseTo((26 * (i + 1)) / 12, 12));
    // The last month with figures is the card's «Ejecutado»; June's expected level is the card's.
    expect(s[5].value).toBe(f.executed);
    expect(s[5].expected).toBeCloseTo(f.expectedLevel!, 12);
    expect(s.filter((p) => p.closed).map((p) => p.month)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('Creciente (4263, from 0.1 to 0.4 in 2025): the latest level carries over a month without a report; expected from last year’s target', () => {
    const reports = [report('4263', '2025-03', 0.15), report('4263', '2025-06', 0.3)];
    const f = indicatorFigures(ind('4263'), reports, { year: 2025, asOf: '2025-06-30' });
    const s = monthlySeries(f, '2025-06-30');
    expect(s.map((p) => p.value)).toEqual([null, null, 0.15, 0.15, 0.15, 0.3, null, null, null, null, null, null]);
    expect(s[0].expected).toBeCloseTo(0.1 + 0.3 / 12, 12);
    expect(s[11].expected).toBeCloseTo(0.4, 12);
    expect(s[5].value).toBe(f.executed);
  });

  test('a returned version does not count (the figures’ own reports); a year without a target has no expected line', () => {
    const reports = [report('4263', '2025-05', 0.2), report('4263', '2025-06', 0.9, { review: 'devuelto' })];
    const p = computePlan(plan, reports, { year: 2025, asOf: '2025-07-03' });
    const f = p.objectives[4].indicators.find((x) => x.indicator.id === '4263')!;
    expect(
      monthlySeries(f, '2025-07-03')
        .map((x) => x.value)
        .slice(4, 7),
    ).toEqual([0.2, null, null]);
    // 8110-M3 has no target in 2024.
    const g = indicatorFigures(ind('8110-M3'), [report('8110-M3', '2024-05', 1)], { year: 2024, asOf: '2024-12-31' });
    expect(g.hasTarget).toBe(false);
    expect(monthlySeries(g, '2024-12-31').every((x) => x.expected === null)).toBe(true);
  });
});
