import type { Plan, Year } from '../domain/plan';
import type { PlanVersion, PlanVersionRecord } from '../domain/plan-versions';
import type { ReportRecord } from '../domain/records';
import { versionAt, versionsOf } from '../plan/versions';
import { computePlan, type PlanFigures } from './engine';
import { DEFAULT_BANDS, type Bands } from './status';

/** What the figures are computed from: the store's change counter, its report versions and its plan versions. */
export interface ReportSource {
  revision(): Promise<number>;
  /** The latest version of each (indicator, month), as it is now (its review state included). */
  latestReports(): Promise<readonly ReportRecord[]>;
  /** The versions of one month. */
  reports(query: { indicatorId: string; period: string }): Promise<readonly ReportRecord[]>;
  /** The stored plan versions (absent: the plan as first loaded is the only version). */
  planVersions?(planId?: string): Promise<readonly PlanVersionRecord[]>;
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
 * (a status turn costs a map lookup, not a recomputation). Any change to the store (a report, a review, a plan
 * version) moves the revision, and the next question computes the figures again from the versions that may count
 * (computePlan over `countable`) with the plan version in force at the as-of date (plan/versions.ts), which is part
 * of the key.
 */
export function createStatusService(plan: Plan, source: ReportSource, bands: Bands = DEFAULT_BANDS) {
  let revision = -1;
  let kept = new Map<string, PlanFigures>();
  let versions: Promise<PlanVersion[]> = Promise.resolve(versionsOf(plan, []));

  const load = async (): Promise<PlanVersion[]> =>
    versionsOf(plan, source.planVersions ? await source.planVersions(plan.id) : []);

  /** The revision now; the versions are read again when it moved. */
  async function sync(): Promise<number> {
    const current = await source.revision();
    if (current !== revision) {
      revision = current;
      kept = new Map();
      versions = load();
      versions.catch(() => (revision = -1)); // a failed read is tried again by the next call
    }
    return current;
  }

  return {
    /** The plan as first loaded (version 1): names and ids; the figures carry the version they used. */
    plan,
    bands,
    /** Every version of the plan, version 1 first (as of the store's revision now). */
    async versions(): Promise<PlanVersion[]> {
      await sync();
      return versions;
    },
    /** The plan in force on a date (YYYY-MM-DD). */
    async planAt(asOf: string): Promise<Plan> {
      await sync();
      return versionAt(await versions, asOf).current.plan;
    },
    /** The figures of a year as of a date, reflecting every change to the store (by any process) before the call. */
    async figures(year: number, asOf: string): Promise<PlanFigures> {
      // The revision is read before the reports: a write in between leaves figures that a later call recomputes.
      const current = await sync();
      const { current: inForce, previous } = versionAt(await versions, asOf);
      const key = `${year}|${asOf}|v${inForce.version}`;
      const hit = kept.get(key);
      if (hit) return hit;
      const version = {
        number: inForce.version,
        effective: inForce.effective,
        reason: inForce.reason,
        previous: previous?.version ?? null,
      };
      const figures = computePlan(inForce.plan, ofPlanYears(plan, await countable(source)), {
        year,
        asOf,
        bands,
        version,
      });
      if (previous) markReprogrammed(figures, previous.plan);
      if (revision === current) {
        if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
        kept.set(key, figures);
      }
      return figures;
    },
  };
}

/**
 * The reports of the plan's years: a report belongs to an indicator id and a month, and so to the plan that holds the
 * id in that month's year (plans that follow each other may reuse an id; plans whose years overlap may not).
 */
function ofPlanYears(plan: Plan, reports: ReportRecord[]): ReportRecord[] {
  const { from, to } = plan.period;
  const inside = (r: ReportRecord) => {
    const y = Number(r.period.slice(0, 4));
    return y >= from && y <= to;
  };
  return reports.every(inside) ? reports : reports.filter(inside);
}

/** Sets `previousTarget` where the version in force changed the year's target of the version before it. */
function markReprogrammed(figures: PlanFigures, previous: Plan): void {
  const before = new Map(previous.objectives.flatMap((o) => o.indicators).map((i) => [i.id, i]));
  const year = figures.year as Year;
  for (const o of figures.objectives)
    for (const f of o.indicators) {
      const old = before.get(f.indicator.id)?.program[year];
      if (old !== undefined && old !== f.target) f.previousTarget = old;
    }
}

export type StatusService = ReturnType<typeof createStatusService>;
