/**
 * The plan book (progress/plans.ts): every plan loaded, one status service each; without a name, the plan in force at
 * a date is the one whose years contain it, the first loaded where several do (CONTRACT.md, «Plans that change»).
 */
import type { Plan } from '../../src/domain/plan';
import { loadPlan } from '../../src/plan/load';
import { idsTaken, plansOf } from '../../src/plan/versions';
import { createPlanBook } from '../../src/progress/plans';
import { createMemoryStore } from '../../src/store/memory';
import { admin } from '../store/contract';
import { report } from '../helpers/reports';

const shipped = loadPlan();

/** A one-year Plan de Acción 2026 with its own indicator O1-1 (100 % of its only objective). */
function actionPlan(): Plan {
  const ind = shipped.objectives[0].indicators[0];
  return {
    ...shipped,
    id: 'pa-2026',
    name: 'Plan de Acción 2026',
    period: { from: 2026, to: 2026 },
    objectives: [
      {
        ...shipped.objectives[0],
        indicators: [
          {
            ...ind,
            id: 'O1-1',
            weight: 1,
            trend: 'suma',
            unit: 'number',
            baseline: null,
            program: { 2026: 8 },
            total: 8,
            printed: { trend: 'Suma', weight: '100%', program: ['8'], total: '8' },
          },
        ],
      },
    ],
    acknowledgedFindings: [],
  };
}

describe('the plan book', () => {
  test('a Plan de Acción beside the PEI: named it answers; unnamed in 2026 the PEI (first loaded) answers', async () => {
    const store = createMemoryStore({ reports: [report('O1-1', '2026-02', 2), report('4263', '2025-06', 0.3)] });
    const book = createPlanBook(shipped, store);
    const before = await book.shipped.figures(2025, '2025-06-30');

    const pa = actionPlan();
    const stored = await store.appendPlanVersion(
      {
        planId: pa.id,
        effective: '2026-01-01',
        reason: 'Resolución 2 de 2026',
        plan: pa,
        changes: [],
        firstVersion: 1,
      },
      admin,
      '2026-01-20T10:00:00.000Z',
    );
    expect(stored).toMatchObject({ status: 'stored', record: { version: 1 } });

    expect((await book.summaries()).map((p) => [p.id, p.period.from, p.period.to])).toEqual([
      ['pei-sg-2024-2027', 2024, 2027],
      ['pa-2026', 2026, 2026],
    ]);
    // both contain 2026: the first loaded (the PEI) answers without a name
    expect((await book.inForce('2026-03-31')).plan.id).toBe('pei-sg-2024-2027');
    const named = await book.get(' PA-2026 ');
    expect(named?.plan.id).toBe('pa-2026');
    const figures = await named!.figures(2026, '2026-03-31');
    expect(figures.version).toMatchObject({ number: 1, effective: '2026-01-01', reason: 'Resolución 2 de 2026' });
    expect(figures.objectives[0].indicators[0]).toMatchObject({ target: 8, executed: 2, progress: 0.25 });
    expect(await book.get('pei-2032-2035')).toBeUndefined();
    // the same service each time (its figures computed once), and the PEI's figures exactly as before
    expect(await book.get('pa-2026')).toBe(named);
    expect(await book.shipped.figures(2025, '2025-06-30')).toEqual(before);
    // a date no plan covers: the shipped plan
    expect((await book.inForce('2035-01-01')).plan.id).toBe('pei-sg-2024-2027');
  });

  test('ids taken: a plan whose years overlap another may not reuse its ids; one that follows it may', async () => {
    const pa = actionPlan();
    const plans = plansOf(shipped, []);
    expect(idsTaken(pa, plans, []).get('4263')).toBe('pei-sg-2024-2027');
    const next = { ...pa, id: 'pei-2028-2031', period: { from: 2028, to: 2031 } };
    expect(idsTaken(next, plans, []).size).toBe(0);
  });
});
