import type { Plan } from '../plan/types';
import type { ReportRecord } from '../store/types';
import { computePlan, type PlanFigures } from './engine';
import { DEFAULT_BANDS, type Bands } from './status';

/** What the figures are computed from: anything with a revision counter and the stored reports. */
export interface ReportSource {
  readonly revision: number;
  reports(): readonly ReportRecord[];
}

/**
 * Figures computed once per store change and reused: a status turn costs a map lookup, not a recomputation.
 * The cache is keyed by (revision, year, as-of date) and holds a handful of entries.
 */
export function createStatusService(plan: Plan, source: ReportSource, bands: Bands = DEFAULT_BANDS) {
  let revision = -1;
  const cache = new Map<string, PlanFigures>();
  return {
    plan,
    bands,
    figures(year: number, asOf: string): PlanFigures {
      if (source.revision !== revision) {
        cache.clear();
        revision = source.revision;
      }
      const key = `${year}|${asOf}`;
      let hit = cache.get(key);
      if (!hit) {
        hit = computePlan(plan, source.reports(), { year, asOf, bands });
        if (cache.size > 32) cache.clear();
        cache.set(key, hit);
      }
      return hit;
    },
  };
}

export type StatusService = ReturnType<typeof createStatusService>;
