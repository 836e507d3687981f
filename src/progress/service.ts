import type { Plan, Year } from '../domain/plan';
import type { PlanVersion, PlanVersionRecord } from '../domain/plan-versions';
import type { ReportRecord } from '../domain/records';
import { versionAt, versionsOf } from '../plan/versions';
import { computePlan, type PlanFigures } from './engine';
import { DEFAULT_BANDS, type Bands } from './status';

/** What the figures are computed from: the store's report versions (and what changed since a revision), its plan versions. */
export interface ReportSource {
  /** The store's change counter (Store.revision). */
  revision(): Promise<number>;
  /** The latest version of each (indicator, month), as it is now (its review state included). */
  latestReports(): Promise<readonly ReportRecord[]>;
  /** The revision now and the versions stored or reviewed after `since` (Store.reportChanges). */
  reportChanges(since: number): Promise<{ revision: number; reports: readonly ReportRecord[] }>;
  /** The versions of one month. */
  reports(query: { indicatorId: string; period: string }): Promise<readonly ReportRecord[]>;
  /** The stored plan versions (absent: the plan as first loaded is the only version). */
  planVersions?(planId?: string): Promise<readonly PlanVersionRecord[]>;
}

const monthKey = (r: ReportRecord) => `${r.indicatorId}|${r.period}`;

/**
 * Each month's latest version as of a store revision, brought up to date by reading only what changed since
 * (Store.reportChanges): at the district's scale (100,000 versions on PostgreSQL) reading every month's latest again
 * after each write took tens of milliseconds of the database per question, and at Teams' rate (a submit every 0.1 s,
 * two processes) the questions queued behind each other for seconds.
 */
export function createLatestMonths(source: ReportSource) {
  let revision = -1;
  let latest = new Map<string, ReportRecord>();
  let first: Promise<void> | undefined;

  const apply = (rev: number, reports: readonly ReportRecord[]) => {
    // A read answered after a later one brings nothing newer: only a higher revision is applied.
    if (rev <= revision) return;
    revision = rev;
    for (const r of reports) if ((latest.get(monthKey(r))?.version ?? 0) <= r.version) latest.set(monthKey(r), r);
  };

  return {
    /**
     * The revision now, with the months brought up to it (one read of what changed; every change that was
     * acknowledged before the call is in). The first call reads every month's latest.
     */
    async sync(): Promise<number> {
      if (revision < 0) {
        first ??= (async () => {
          // The revision is read before the months: what changes in between is read again by the next sync.
          const rev = await source.revision();
          const all = await source.latestReports();
          if (revision < 0) {
            latest = new Map(all.map((r) => [monthKey(r), r]));
            revision = rev;
          }
        })().finally(() => (first = undefined));
        await first;
      }
      const changes = await source.reportChanges(revision);
      apply(changes.revision, changes.reports);
      return revision;
    },
    /** Each month's latest version, as of the last sync (a copy: later syncs do not change it). */
    latest(): ReportRecord[] {
      return [...latest.values()];
    },
  };
}

/**
 * The versions the figures may count: each month's latest, and, for a month whose latest was returned, its earlier
 * versions (countsOver picks the one that counts). Not every stored version.
 */
export async function countable(source: ReportSource, latest: readonly ReportRecord[]): Promise<ReportRecord[]> {
  const out = [...latest];
  for (const r of latest)
    if (r.review === 'devuelto') out.push(...(await source.reports({ indicatorId: r.indicatorId, period: r.period })));
  return out;
}

/** At most this many (year, as-of date) figures are kept for one revision (the API may ask for any as-of date): the oldest goes first. */
const MAX_KEPT = 32;

/**
 * The figures of a year as of a date, computed once per store revision and shared: the cache that carries its
 * weight (a status turn costs a map lookup, not a recomputation). Any change to the store (a report, a review, a
 * plan version) moves the revision, and the next question computes the figures again (computePlan over
 * `countable`) with the plan version in force at the as-of date (plan/versions.ts), which is part of the key.
 * Questions that arrive while the figures of their revision are being computed wait for that computation rather
 * than start their own (at Teams' rate each process would otherwise compute the plan once per question).
 */
export function createStatusService(
  plan: Plan,
  source: ReportSource,
  bands: Bands = DEFAULT_BANDS,
  /** The store's months (one per store: the plan book's services share it). */
  months: LatestMonths = createLatestMonths(source),
) {
  let revision = -1;
  let kept = new Map<string, Promise<PlanFigures>>();
  let versions: Promise<PlanVersion[]> = Promise.resolve(versionsOf(plan, []));

  const load = async (): Promise<PlanVersion[]> =>
    versionsOf(plan, source.planVersions ? await source.planVersions(plan.id) : []);

  /** The revision now (the months brought up to it); the plan versions are read again when it moved. */
  async function sync(): Promise<number> {
    const current = await months.sync();
    if (current > revision) {
      revision = current;
      kept = new Map();
      versions = load();
      versions.catch(() => (revision = -1)); // a failed read is tried again by the next call
    }
    return current;
  }

  async function compute(year: number, asOf: string, all: PlanVersion[], latest: ReportRecord[]) {
    const { current: inForce, previous } = versionAt(all, asOf);
    const version = {
      number: inForce.version,
      effective: inForce.effective,
      reason: inForce.reason,
      previous: previous?.version ?? null,
    };
    const figures = computePlan(inForce.plan, ofPlanYears(plan, await countable(source, latest)), {
      year,
      asOf,
      bands,
      version,
    });
    if (previous) markReprogrammed(figures, previous.plan);
    return figures;
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
      const current = await sync();
      const forRevision = kept;
      const all = await versions;
      const key = `${year}|${asOf}|v${versionAt(all, asOf).current.version}`;
      const hit = forRevision.get(key);
      if (hit) return hit;
      // The months as of `current` or later (a newer change read by another call in between counts too).
      const figures = compute(year, asOf, all, months.latest());
      if (revision === current && forRevision === kept) {
        if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
        kept.set(key, figures);
        figures.catch(() => kept.get(key) === figures && kept.delete(key));
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
export type LatestMonths = ReturnType<typeof createLatestMonths>;
