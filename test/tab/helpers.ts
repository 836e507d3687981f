import { loadPlan } from '../../src/plan/load';
import type { Store } from '../../src/store/types';
import type { Person } from '../../src/domain/records';

/** The dashboard tab's tests: report sets written straight into a bot's store. */

export const ADMIN: Person = { id: 'admin-1', name: 'Laura Gómez' };
export const OWNER: Person = {
  id: '00000000-0000-0000-0000-0000000000a1',
  name: 'Andrés Rodríguez',
  email: 'andres.rodriguez@secretariageneral.example',
};

/**
 * A report set: for each objective, the `pick`-th indicator with a 2025 target gets `months` monthly reports, each
 * `share` of its yearly target (times the month for the level trends). Returns the indicator ids written.
 */
export async function seedReports(
  store: Store,
  opts: { pick: number; share: number; months: number; ownerOf?: number },
): Promise<string[]> {
  const plan = loadPlan();
  const written: string[] = [];
  const items = [];
  for (const o of plan.objectives) {
    const withTarget = o.indicators.filter((i) => (i.program[2025] ?? 0) > 0);
    const ind = withTarget[opts.pick % Math.max(1, withTarget.length)];
    if (!ind) continue;
    written.push(ind.id);
    const target = ind.program[2025];
    for (let m = 1; m <= opts.months; m++) {
      const level = ind.trend === 'suma' ? target * opts.share : target * opts.share * m;
      items.push({
        input: {
          indicatorId: ind.id,
          period: `2025-${String(m).padStart(2, '0')}`,
          value: Math.round(level * 10000) / 10000,
          logros: 'Avance del mes',
          dificultades: '',
          evidencia: 'https://intranet.example/evidencia',
        },
        author: ADMIN,
        source: 'csv' as const,
        review: 'aprobado' as const,
      });
    }
  }
  await store.appendReports(items, '2025-06-20T15:00:00.000Z', ADMIN);
  if (opts.ownerOf !== undefined) {
    for (const id of written.slice(0, opts.ownerOf))
      await store.setOwners(id, [OWNER], ADMIN, '2025-01-15T14:00:00.000Z');
  }
  return written;
}
