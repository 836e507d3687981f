import type { Plan } from '../domain/plan';
import type { ReportRecord } from '../domain/records';
import { computePlan, type PlanFigures } from './engine';
import { DEFAULT_BANDS, type Bands } from './status';

/** What the figures are computed from: the store's change counter and its report versions. */
export interface ReportSource {
  revision(): Promise<number>;
  /** Every stored version as it is now (its review state included), in write order. */
  reports(): Promise<readonly ReportRecord[]>;
}

/** At most this many (year, as-of date) figures are kept for one revision (the API may ask for any as-of date): the oldest goes first. */
const MAX_KEPT = 32;

/**
 * The figures of a year as of a date, computed once per store revision and reused: the cache that carries its weight
 * (a status turn costs a map lookup, not a recomputation). Any change to the store moves the revision, and the next
 * question computes the figures again from every stored version (computePlan).
 */
export function createStatusService(plan: Plan, source: ReportSource, bands: Bands = DEFAULT_BANDS) {
  let revision = -1;
  let kept = new Map<string, PlanFigures>();

  return {
    plan,
    bands,
    /** The figures of a year as of a date, reflecting every change to the store (by any process) before the call. */
    async figures(year: number, asOf: string): Promise<PlanFigures> {
      const key = `${year}|${asOf}`;
      // The revision is read before the reports: a write in between leaves figures that a later call recomputes.
      const current = await source.revision();
      if (current !== revision) {
        revision = current;
        kept = new Map();
      }
      const hit = kept.get(key);
      if (hit) return hit;
      const figures = computePlan(plan, await source.reports(), { year, asOf, bands });
      if (revision === current) {
        if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
        kept.set(key, figures);
      }
      return figures;
    },
  };
}

export type StatusService = ReturnType<typeof createStatusService>;
