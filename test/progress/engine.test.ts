import { loadPlan, indicatorById } from '../../src/plan/load';
import { computePlan, indicatorFigures, effectiveReports, expectedLevelOf } from '../../src/progress/engine';
import { statusOf, DEFAULT_BANDS } from '../../src/progress/status';
import type { Indicator } from '../../src/domain/plan';
import { report } from '../helpers/reports';

const plan = loadPlan();
const byId = indicatorById(plan);
const ind = (id: string) => byId.get(id)!;
const objective = (figures: ReturnType<typeof computePlan>, n: number) => figures.objectives[n - 1];

describe('Suma: a report is the flow of its month', () => {
  // 3980: 2, 26, 26, 27 -> 81.
  const reports = [
    report('3980', '2024-12', 2),
    report('3980', '2025-01', 3),
    report('3980', '2025-02', 4),
    report('3980', '2025-05', 6),
  ];

  test('executed is the sum of the year, four-year the sum of all', () => {
    const f = indicatorFigures(ind('3980'), reports, { year: 2025, asOf: '2025-06-30' });
    expect(f.executed).toBe(13);
    expect(f.progress).toBeCloseTo(13 / 26, 12); // 0.5
    expect(f.expectedLevel).toBeCloseTo(13, 12); // 26 · 6/12
    expect(f.expected).toBeCloseTo(0.5, 12);
    expect(f.cumulativeValue).toBe(15);
    expect(f.cumulative).toBeCloseTo(15 / 81, 12);
    expect(f.status).toBe('verde');
    expect(f.lastReport).toBe('2025-05');
  });

  test('month boundary: as of the last day of June six months are closed, the day before five', () => {
    const r = [report('3980', '2025-03', 16)];
    const onLastDay = indicatorFigures(ind('3980'), r, { year: 2025, asOf: '2025-06-30' });
    const dayBefore = indicatorFigures(ind('3980'), r, { year: 2025, asOf: '2025-06-29' });
    expect(onLastDay.expected).toBeCloseTo(6 / 12, 12);
    expect(dayBefore.expected).toBeCloseTo(5 / 12, 12);
    // r = (16/26) / 0.5 = 1.2308 -> verde; (16/26) / (5/12) = 1.4769 -> sobre-ejecución
    expect(onLastDay.status).toBe('verde');
    expect(dayBefore.status).toBe('sobre-ejecucion');
  });

  test('over-execution is shown uncapped', () => {
    const f = indicatorFigures(ind('4236'), [report('4236', '2025-03', 3), report('4236', '2025-09', 4)], {
      year: 2025,
      asOf: '2025-12-31',
    });
    expect(f.executed).toBe(7);
    expect(f.progress).toBeCloseTo(1.75, 12);
    expect(f.status).toBe('sobre-ejecucion');
    expect(f.anomalies.map((a) => a.code)).toContain('over-execution-without-justification');
  });

  test('a month reported after the as-of month is not counted', () => {
    const f = indicatorFigures(
      ind('3980'),
      effectiveReports([report('3980', '2025-07', 10)], '2025-06').get('3980') ?? [],
      { year: 2025, asOf: '2025-06-30' },
    );
    expect(f.executed).toBeNull();
    expect(f.pending).toBe(true);
  });
});

describe('Creciente: a report is the level reached so far', () => {
  test("docs/interfaces.md's example: 4263 at 0.3 as of 30 June 2025", () => {
    const f = indicatorFigures(ind('4263'), [report('4263', '2025-06', 0.3)], { year: 2025, asOf: '2025-06-30' });
    expect(f.executed).toBe(0.3);
    expect(f.progress).toBeCloseTo(0.75, 12); // (0.3 − 0) / (0.4 − 0)
    expect(f.expectedLevel).toBeCloseTo(0.25, 12); // 0.1 + (0.4 − 0.1) · 6/12
    expect(f.expected).toBeCloseTo(0.625, 12);
    expect(f.cumulative).toBeCloseTo(0.3, 12);
    expect(f.status).toBe('verde'); // r = 1.2
  });

  test('the latest report of the year is the level, even when it drops (and the drop is flagged)', () => {
    const f = indicatorFigures(ind('4263'), [report('4263', '2025-03', 0.3), report('4263', '2025-05', 0.25)], {
      year: 2025,
      asOf: '2025-06-30',
    });
    expect(f.executed).toBe(0.25);
    expect(f.progress).toBeCloseTo(0.625, 12);
    expect(f.anomalies).toEqual([expect.objectContaining({ code: 'level-drop', period: '2025-05' })]);
  });

  test('with a baseline: (V − LB) / (M − LB), and M_2023 = LB', () => {
    const withLb: Indicator = { ...ind('4263'), baseline: 0.05 };
    const f = indicatorFigures(withLb, [report('4263', '2025-06', 0.3)], { year: 2025, asOf: '2025-06-30' });
    expect(f.progress).toBeCloseTo(0.25 / 0.35, 12);
    expect(f.expected).toBeCloseTo(0.2 / 0.35, 12); // level 0.25
    expect(f.cumulative).toBeCloseTo(0.25 / 0.95, 12);
    expect(expectedLevelOf(withLb, 2024, 6)).toBeCloseTo(0.075, 12); // 0.05 + (0.1 − 0.05) · 6/12
  });

  test('four-year value is the latest report of all years', () => {
    const f = indicatorFigures(ind('4263'), [report('4263', '2024-12', 0.1), report('4263', '2025-02', 0.2)], {
      year: 2024,
      asOf: '2025-03-31',
    });
    expect(f.executed).toBe(0.1);
    expect(f.progress).toBeCloseTo(1, 12);
    expect(f.expected).toBeCloseTo(1, 12); // 2024 fully closed
    expect(f.cumulativeValue).toBe(0.2);
  });
});

describe('Constante: V / M against the level expected', () => {
  test('O10-1 at 90 % against 95 %', () => {
    const f = indicatorFigures(ind('O10-1'), [report('O10-1', '2025-04', 0.9)], { year: 2025, asOf: '2025-04-30' });
    expect(f.progress).toBeCloseTo(0.9 / 0.95, 12);
    expect(f.expected).toBeCloseTo(1, 12); // M_2024 = M_2025 = 0.95
    expect(f.cumulative).toBeCloseTo(0.9 / 0.95, 12);
    expect(f.status).toBe('verde');
  });

  test('first year ramps from the baseline: 4234 as of March 2024 expects 25 %', () => {
    const f = indicatorFigures(ind('4234'), [report('4234', '2024-03', 1)], { year: 2024, asOf: '2024-03-31' });
    expect(f.expected).toBeCloseTo(0.25, 12);
    expect(f.progress).toBe(1);
    expect(f.status).toBe('sobre-ejecucion'); // r = 4
  });
});

describe("Decreciente (used by other entities' plans)", () => {
  const dec: Indicator = {
    ...ind('4263'),
    id: 'D-1',
    trend: 'decreciente',
    baseline: 100,
    unit: 'number',
    program: { 2024: 80, 2025: 60, 2026: 40, 2027: 20 },
    total: 20,
  };

  test('(LB − V) / (LB − M)', () => {
    const f = indicatorFigures(dec, [report('D-1', '2025-06', 70)], { year: 2025, asOf: '2025-06-30' });
    expect(f.progress).toBeCloseTo(0.75, 12);
    expect(f.expectedLevel).toBeCloseTo(70, 12); // 80 + (60 − 80) · 6/12
    expect(f.expected).toBeCloseTo(0.75, 12);
    expect(f.cumulative).toBeCloseTo(0.375, 12); // (100 − 70) / (100 − 20)
    expect(f.status).toBe('verde');
  });

  test('a level that rises is flagged', () => {
    const f = indicatorFigures(dec, [report('D-1', '2025-04', 70), report('D-1', '2025-05', 75)], {
      year: 2025,
      asOf: '2025-06-30',
    });
    expect(f.progress).toBeCloseTo(0.625, 12);
    expect(f.anomalies.map((a) => a.code)).toEqual(['level-rise']);
  });
});

describe('objective roll-up', () => {
  test('zero-target year: 8110-M3 in 2024 is sin meta and the weights renormalise over 80 %', () => {
    const reports = [
      report('4234', '2024-12', 1),
      report('4236', '2024-06', 1),
      report('4236', '2024-11', 1),
      report('4237', '2024-12', 0.1),
      report('4244', '2024-12', 0.05),
      report('8110-M3', '2024-12', 0, { dificultades: 'Sin programación en 2024' }),
    ];
    const fig = computePlan(plan, reports, { year: 2024, asOf: '2024-12-31' });
    const o2 = objective(fig, 2);
    const m3 = o2.indicators.find((i) => i.indicator.id === '8110-M3')!;
    expect(m3.status).toBe('sin-meta');
    expect(m3.progress).toBeNull();
    expect(m3.expected).toBeNull();
    // (0.2·1 + 0.1·0.5 + 0.25·1 + 0.25·0.5) / 0.8 = 0.78125
    expect(o2.progress).toBeCloseTo(0.78125, 12);
    expect(o2.expected).toBeCloseTo(1, 12);
    expect(o2.status).toBe('verde');
  });

  test('missing reports count 0 and are listed as pending; over-execution capped in the roll-up', () => {
    const fig = computePlan(plan, [report('4263', '2025-06', 0.3)], { year: 2025, asOf: '2025-06-30' });
    const o5 = objective(fig, 5);
    expect(o5.progress).toBeCloseTo(0.5 * 0.75, 12);
    // expected: 0.5·0.625 + 0.25·(1.0/1.5) + 0.25·1
    expect(o5.expected).toBeCloseTo(0.3125 + 0.25 * (1 / 1.5) + 0.25, 12);
    expect(o5.pending).toEqual(['4267', '8129-M4']);
    expect(o5.status).toBe('amarillo'); // r = 0.5143

    const over = computePlan(plan, [report('4263', '2025-06', 0.8)], { year: 2025, asOf: '2025-06-30' });
    const f = objective(over, 5).indicators[0];
    expect(f.progress).toBeCloseTo(2, 12);
    expect(objective(over, 5).progress).toBeCloseTo(0.5 * 1, 12); // capped at 100 % in the roll-up
  });

  test('a correction (version 2) replaces the first report of the month', () => {
    const fig = computePlan(plan, [report('4263', '2025-06', 0.3), report('4263', '2025-06', 0.2, { version: 2 })], {
      year: 2025,
      asOf: '2025-06-30',
    });
    expect(objective(fig, 5).indicators[0].executed).toBe(0.2);
  });

  test('the plan is the mean of its objectives', () => {
    const fig = computePlan(plan, [report('4263', '2025-06', 0.3), report('3980', '2025-03', 13)], {
      year: 2025,
      asOf: '2025-06-30',
    });
    const progress = fig.objectives.map((o) => o.progress ?? 0).reduce((a, b) => a + Math.min(b, 1), 0) / 10;
    expect(fig.progress).toBeCloseTo(progress, 12);
    expect(objective(fig, 1).progress).toBeCloseTo(0.5 * 0.5, 12);
  });
});

describe('an empty store', () => {
  const fig = computePlan(plan, [], { year: 2025, asOf: '2025-06-30' });
  test('everything is sin datos, progress null, all pending', () => {
    expect(fig.status).toBe('sin-datos');
    expect(fig.progress).toBeNull();
    expect(fig.objectives.every((o) => o.status === 'sin-datos' && o.progress === null && o.cumulative === null)).toBe(
      true,
    );
    expect(
      fig.objectives.flatMap((o) => o.indicators).every((i) => i.status === 'sin-datos' && i.executed === null),
    ).toBe(true);
    expect(fig.objectives.flatMap((o) => o.pending)).toHaveLength(29);
    expect(fig.expected).not.toBeNull();
  });
});

describe('semáforo', () => {
  test.each([
    [0.4999, 1, 'rojo'],
    [0.49994, 1, 'rojo'],
    [0.49996, 1, 'amarillo'],
    [0.5, 1, 'amarillo'],
    [0.7499, 1, 'amarillo'],
    [0.74999999999, 1, 'verde'],
    [0.75, 1, 'verde'],
    [1.25, 1, 'verde'],
    [1.25004, 1, 'verde'],
    [1.2501, 1, 'sobre-ejecucion'],
    [0.3 * 3, 0.9 * 2, 'amarillo'],
  ])('progress %p / expected %p -> %s', (p, e, s) => expect(statusOf(p, e, true)).toBe(s));

  test('no target: sin meta; nothing expected yet or no data: sin datos', () => {
    expect(statusOf(null, null, false)).toBe('sin-meta');
    expect(statusOf(0.2, 0, true)).toBe('sin-datos');
    expect(statusOf(null, 0.5, true)).toBe('sin-datos');
  });

  test('Suma in January: nothing expected yet', () => {
    const f = indicatorFigures(ind('3980'), [report('3980', '2025-01', 1)], { year: 2025, asOf: '2025-01-15' });
    expect(f.expected).toBe(0);
    expect(f.status).toBe('sin-datos');
  });

  test('bands are configuration', () => {
    expect(statusOf(0.55, 1, true, DEFAULT_BANDS)).toBe('amarillo');
    expect(statusOf(0.55, 1, true, { red: 0.6, yellow: 0.8, green: 1.1 })).toBe('rojo');
    expect(statusOf(1.15, 1, true, { red: 0.6, yellow: 0.8, green: 1.1 })).toBe('sobre-ejecucion');
  });
});

describe('as-of outside the year', () => {
  test('a past year is fully closed, a future year expects nothing', () => {
    expect(computePlan(plan, [], { year: 2024, asOf: '2025-06-30' }).monthsClosed).toBe(12);
    const future = computePlan(plan, [], { year: 2026, asOf: '2025-06-30' });
    expect(future.monthsClosed).toBe(0);
    expect(objective(future, 1).indicators[1].expected).toBe(0);
  });
});
