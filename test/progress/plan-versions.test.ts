/**
 * Plans change (DOMAIN.md «Plans change»): a figure as of a date uses the plan version in force on that date. The
 * Done-means scenario on the memory store: 4263's 2025 target raised from 0,4 to 0,5 with effect from 2025-09-01.
 */
import { loadPlan } from '../../src/plan/load';
import { versionAt, versionsOf } from '../../src/plan/versions';
import { computePlan } from '../../src/progress/engine';
import { explainIndicator, explainObjective } from '../../src/progress/explain';
import { createStatusService } from '../../src/progress/service';
import { createMemoryStore } from '../../src/store/memory';
import { statusJson } from '../../src/views/status-json';
import { indicatorDetailCard } from '../../src/views/indicator-cards';
import { objectiveStatusCard } from '../../src/views/status-cards';
import { indicatorExplanationCard, objectiveExplanationCard } from '../../src/views/explain-cards';
import { openDataRows } from '../../src/outputs/open-data';
import { reprogrammed, admin } from '../store/contract';
import { ctxOf, textOf } from '../views/helpers';
import { report } from '../helpers/reports';

const base = loadPlan();
const AT = '2025-08-20T10:00:00.000-05:00';

async function scenario() {
  const store = createMemoryStore({ reports: [report('4263', '2025-08', 0.3)] });
  const status = createStatusService(base, store);
  return { store, status };
}

const of4263 = (f: Awaited<ReturnType<ReturnType<typeof createStatusService>['figures']>>) =>
  f.objectives[4].indicators.find((i) => i.indicator.id === '4263')!;

describe('the plan version in force', () => {
  test('version 1 is the shipped plan from its first 1 January; the latest effective date on or before d wins', () => {
    const v2 = { ...reprogrammed(0.5, '2025-09-01'), version: 2, by: admin, at: AT };
    const v3 = { ...reprogrammed(0.6, '2025-03-01'), version: 3, by: admin, at: AT };
    const versions = versionsOf(base, [v2, v3]);
    expect(versions.map((v) => [v.version, v.effective])).toEqual([
      [1, '2024-01-01'],
      [2, '2025-09-01'],
      [3, '2025-03-01'],
    ]);
    expect(versionAt(versions, '2023-12-31').current.version).toBe(1);
    expect(versionAt(versions, '2025-02-28').current.version).toBe(1);
    expect(versionAt(versions, '2025-03-01')).toMatchObject({ current: { version: 3 }, previous: { version: 1 } });
    expect(versionAt(versions, '2025-09-01')).toMatchObject({ current: { version: 2 }, previous: { version: 3 } });
  });

  test('figures as of 31 August are unchanged; as of 31 December they use 0,5; the JSON says which version', async () => {
    const { store, status } = await scenario();
    const before = statusJson(await status.figures(2025, '2025-08-31'), () => []);
    expect(before.plan).toMatchObject({ version: 1, versionEffective: '2024-01-01' });
    // version 1 is exactly the pure engine's figures over the shipped plan
    expect(await status.figures(2025, '2025-08-31')).toEqual(
      computePlan(base, await store.reports(), { year: 2025, asOf: '2025-08-31' }),
    );

    const stored = await store.appendPlanVersion(reprogrammed(0.5, '2025-09-01'), admin, AT);
    expect(stored.status).toBe('stored');

    const august = await status.figures(2025, '2025-08-31');
    expect(statusJson(august, () => [])).toEqual(before);
    expect(of4263(august).target).toBe(0.4);
    expect(of4263(august).progress).toBeCloseTo(0.75, 10);
    expect(of4263(august).previousTarget).toBeUndefined();

    const december = await status.figures(2025, '2025-12-31');
    expect(december.version).toEqual({
      number: 2,
      effective: '2025-09-01',
      reason: 'Resolución 45 de 2025',
      previous: 1,
    });
    expect(of4263(december)).toMatchObject({ target: 0.5, previousTarget: 0.4 });
    expect(of4263(december).progress).toBeCloseTo(0.6, 10);
    const json = statusJson(december, () => []);
    expect(json.plan).toMatchObject({ version: 2, versionEffective: '2025-09-01' });
    const ind = json.objectives[4].indicators.find((i) => i.id === '4263')!;
    expect(ind).toMatchObject({ program: { '2025': 0.5 }, previousTarget: 0.4, progress: 0.6 });
    // only 4263 changed: no other indicator reads as reprogrammed
    expect(json.objectives.flatMap((o) => o.indicators).filter((i) => i.previousTarget !== undefined)).toHaveLength(1);
    // 2026 figures as of the same date: the same version, 2026's target unchanged, so nothing reprogrammed
    expect(of4263(await status.figures(2026, '2025-12-31')).previousTarget).toBeUndefined();
  });

  test('the indicator and objective cards show «meta reprogramada» with the previous target, in both languages', async () => {
    const { store, status } = await scenario();
    await store.appendPlanVersion(reprogrammed(0.5, '2025-09-01'), admin, AT);
    const december = await status.figures(2025, '2025-12-31');
    const f = of4263(december);
    const es = textOf(indicatorDetailCard(f, [], ctxOf('es', { asOf: '2025-12-31' })));
    expect(es).toContain('Meta 2025 reprogramada');
    expect(es).toContain('0,5 (meta reprogramada, antes 0,4)');
    const en = textOf(indicatorDetailCard(f, [], ctxOf('en', { asOf: '2025-12-31' })));
    expect(en).toContain('2025 target reprogrammed');
    expect(en).toContain('0.5 (target reprogrammed, was 0.4)');
    const objective = textOf(objectiveStatusCard(december.objectives[4], ctxOf('es', { asOf: '2025-12-31' })));
    expect(objective).toContain('Meta 2025: 0,5 (meta reprogramada, antes 0,4)');
    // as of 31 August: the card reads as before, no «reprogramada»
    const august = of4263(await status.figures(2025, '2025-08-31'));
    expect(textOf(indicatorDetailCard(august, [], ctxOf('es', { asOf: '2025-08-31' })))).not.toContain('reprogramada');
  });

  test('the explanation names the version and its act, and the reprogrammed target', async () => {
    const { store, status } = await scenario();
    await store.appendPlanVersion(reprogrammed(0.5, '2025-09-01'), admin, AT);
    const december = await status.figures(2025, '2025-12-31');
    const text = textOf(
      indicatorExplanationCard(explainIndicator(of4263(december), '2025-12-31', december.version), 'es'),
    );
    expect(text).toContain('Meta 2025 reprogramada: antes 0,4, ahora 0,5.');
    expect(text).toContain(
      'Se usa la versión 2 del plan, vigente desde el 1 de septiembre de 2025 (Resolución 45 de 2025).',
    );
    const objective = textOf(
      objectiveExplanationCard(explainObjective(december.objectives[4], '2025-12-31', december.version), 'es'),
    );
    expect(objective).toContain('Se usa la versión 2 del plan');
    const august = await status.figures(2025, '2025-08-31');
    expect(
      textOf(indicatorExplanationCard(explainIndicator(of4263(august), '2025-08-31', august.version), 'es')),
    ).not.toContain('del plan');
  });

  test('open data: each year’s row holds the target of the version in force at its date', async () => {
    const { store, status } = await scenario();
    await store.appendPlanVersion(reprogrammed(0.5, '2025-09-01'), admin, AT);
    const byYear = new Map<string, Awaited<ReturnType<typeof status.figures>>>();
    for (const y of [2024, 2025, 2026, 2027]) {
      const asOf = `${y}-12-31` < '2026-01-15' ? `${y}-12-31` : '2026-01-15';
      byYear.set(`${y}|${asOf}`, await status.figures(y, asOf));
    }
    const rows = openDataRows(base, (y, asOf) => byYear.get(`${y}|${asOf}`)!, '2026-01-15');
    expect(rows).toHaveLength(29 * 4);
    const row = rows.find((r) => r.indicador_id === '4263' && r.vigencia === 2025)!;
    expect(row).toMatchObject({ meta_vigencia: 0.5, avance_vigencia: 0.6 });
  });
});
