import type { Plan } from '../domain/plan';
import type { ReportRecord } from '../domain/records';
import { computePlan, type PlanFigures } from './engine';
import { DEFAULT_BANDS, type Bands } from './status';

/** What the figures are computed from: the store's change counter and its report versions. */
export interface ReportSource {
  revision(): Promise<number>;
  /** The latest version of each (indicator, month), as it is now (its review state included). */
  latestReports(): Promise<readonly ReportRecord[]>;
  /** The versions of one month. */
  reports(query: { indicatorId: string; period: string }): Promise<readonly ReportRecord[]>;
}

/**
 * The versions the figures may count: each month's latest, and, for a month whose latest was returned, its earlier
 * versions (countsOver picks the one that counts). Not every stored version: at the district's scale (100,000
 * versions on PostgreSQL) reading them all after each write took seconds and stalled every status question.
 */
export async function countable(source: ReportSource): Promise<ReportRecord[]> {
  const latest = await source.latestReports();
  const out = [...latest];
  for (const r of latest)
    if (r.review === 'devuelto') out.push(...(await source.reports({ indicatorId: r.indicatorId, period: r.period })));
  return out;
}

/** At most this many (year, as-of date) figures are kept for one revision (the API may ask for any as-of date): the oldest goes first. */
const MAX_KEPT = 32;

/**
 * The figures of a year as of a date, computed once per store revision and reused: the cache that carries its weight
 * (a status turn costs a map lookup, not a recomputation). Any change to the store moves the revision, and the next
 * question computes the figures again from the versions that may count (computePlan over `countable`).
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
      const figures = computePlan(plan, await countable(source), { year, asOf, bands });
      if (revision === current) {
        if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
        kept.set(key, figures);
      }
      return figures;
    },
  };
}

export type StatusService = ReturnType<typeof createStatusService>;
