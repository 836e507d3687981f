import type { Indicator, Plan } from '../domain/plan';
import type { ReportRecord } from '../domain/records';
import type { ReportChanges } from '../store/types';
import { periodOf, type Period } from '../calendar';
import { byPeriodAscending, countsOver, indicatorFigures, objectiveFigures, planRollUp, type IndicatorFigures, type ObjectiveFigures, type PlanFigures } from './engine';
import { DEFAULT_BANDS, type Bands } from './status';

/** What the figures are computed from: the store's change counter and its feed of changed report versions. */
export interface ReportSource {
  revision(): Promise<number>;
  /** Versions written or reviewed after `since` (0 = all of them, the reader starts afresh), and the revision reached. */
  reportChanges(since: number): Promise<ReportChanges>;
  /** The versions of one (indicator, month), read again when a change is not a new version (a review). */
  reports(query: { indicatorId: string; period: string }): Promise<readonly ReportRecord[]>;
}

interface Entry {
  revision: number;
  figures: PlanFigures;
  /** Per indicator: its figures and the change stamp they were computed at. */
  indicators: Map<string, { stamp: number; figures: IndicatorFigures }>;
  objectives: ObjectiveFigures[];
}

/**
 * Figures computed once per store change and reused: a status turn costs a map lookup, not a recomputation.
 * The cache is keyed by (year, as-of date), holds a handful of entries, and is checked against the store's revision.
 *
 * After a change only what it touched is computed again: the latest version of each (indicator, month) is kept up
 * to date from the reports appended since the last look, and an indicator's figures are recomputed only when one of
 * its reports changed (then its objective's roll-up and the plan's). A submit therefore costs the same with 100
 * reports stored as with 100,000. The results are the ones computePlan gives from the whole list.
 */
export function createStatusService(plan: Plan, source: ReportSource, bands: Bands = DEFAULT_BANDS) {
  const cache = new Map<string, Entry>();

  // ---- the effective reports, maintained incrementally from the store's change feed
  /** The store revision the maintained state reflects (0: nothing read yet). */
  let seenRev = 0;
  let clock = 0;
  const latest = new Map<string, Map<Period, ReportRecord>>();
  /** (indicator, period) -> the highest version number seen (a change at or below it is a review: read the month again). */
  const maxVersion = new Map<string, number>();
  /** indicatorId -> clock of its last change (missing = unchanged since the state was built). */
  const changed = new Map<string, number>();
  /** indicatorId -> its effective reports, periods ascending (dropped when the indicator changes). */
  const sorted = new Map<string, ReportRecord[]>();
  let syncing: Promise<void> | undefined;

  function take(r: ReportRecord): void {
    let byPeriod = latest.get(r.indicatorId);
    if (!byPeriod) latest.set(r.indicatorId, (byPeriod = new Map()));
    const prev = byPeriod.get(r.period);
    const key = `${r.indicatorId}|${r.period}`;
    if (r.version > (maxVersion.get(key) ?? 0)) maxVersion.set(key, r.version);
    if (countsOver(prev, r)) {
      byPeriod.set(r.period, r);
      changed.set(r.indicatorId, ++clock);
      sorted.delete(r.indicatorId);
    }
  }

  /** Reads the month's versions again and keeps its counting version (after a review changed one of them). */
  async function reread(indicatorId: string, period: Period): Promise<void> {
    const versions = await source.reports({ indicatorId, period });
    const byPeriod = latest.get(indicatorId);
    byPeriod?.delete(period);
    maxVersion.delete(`${indicatorId}|${period}`);
    for (const r of versions) take(r);
    changed.set(indicatorId, ++clock);
    sorted.delete(indicatorId);
  }

  async function pull(): Promise<void> {
    const { revision, reports } = await source.reportChanges(seenRev);
    if (seenRev === 0) {
      latest.clear();
      maxVersion.clear();
      changed.clear();
      sorted.clear();
      cache.clear();
      for (const r of reports) take(r);
    } else {
      const again = new Map<string, { indicatorId: string; period: Period }>();
      for (const r of reports) {
        const key = `${r.indicatorId}|${r.period}`;
        if (again.has(key)) continue;
        if (r.version > (maxVersion.get(key) ?? 0)) take(r);
        else again.set(key, { indicatorId: r.indicatorId, period: r.period });
      }
      for (const m of again.values()) await reread(m.indicatorId, m.period);
    }
    seenRev = Math.max(seenRev, revision);
  }

  /** Brings the maintained state up to the store (one pull at a time; concurrent callers share it). */
  async function sync(): Promise<number> {
    while (syncing) await syncing;
    syncing = pull().finally(() => {
      syncing = undefined;
    });
    await syncing;
    return seenRev;
  }

  /** The indicator's effective reports up to `upTo`, oldest first (effectiveReports of the engine, for one indicator). */
  function effective(id: string, upTo: Period): ReportRecord[] {
    let all = sorted.get(id);
    if (!all) {
      const byPeriod = latest.get(id);
      all = byPeriod ? byPeriodAscending([...byPeriod.values()]) : [];
      sorted.set(id, all);
    }
    let n = all.length;
    while (n > 0 && all[n - 1].period > upTo) n--;
    return all.slice(0, n);
  }

  function compute(year: number, asOf: string, previous: Entry | undefined, revision: number): Entry {
    const opts = { year, asOf, bands };
    const upTo = periodOf(asOf);
    const memo = previous?.indicators ?? new Map<string, { stamp: number; figures: IndicatorFigures }>();
    let any = !previous;
    const objectives = plan.objectives.map((o, i) => {
      let touched = !previous;
      const figures = o.indicators.map((ind: Indicator) => {
        const stamp = changed.get(ind.id) ?? 0;
        const hit = memo.get(ind.id);
        if (hit && hit.stamp === stamp) return hit.figures;
        touched = true;
        const f = indicatorFigures(ind, effective(ind.id, upTo), opts);
        memo.set(ind.id, { stamp, figures: f });
        return f;
      });
      if (!touched) return previous!.objectives[i];
      any = true;
      return objectiveFigures(o, figures, bands);
    });
    const figures = any ? planRollUp(plan, objectives, opts) : previous!.figures;
    return { revision, figures, indicators: memo, objectives };
  }

  return {
    plan,
    bands,
    /** The figures of a year as of a date, reflecting every change to the store (by any process) before the call. */
    async figures(year: number, asOf: string): Promise<PlanFigures> {
      const key = `${year}|${asOf}`;
      const current = await source.revision();
      let entry = cache.get(key);
      if (entry && entry.revision === current) return entry.figures;
      const before = seenRev;
      const revision = await sync();
      entry = cache.get(key); // a reset (the first pull) empties the cache
      if (before === 0) entry = undefined;
      if (entry && entry.revision === revision) return entry.figures;
      entry = compute(year, asOf, entry, revision);
      if (!cache.has(key) && cache.size >= 32) cache.clear();
      cache.set(key, entry);
      return entry.figures;
    },
  };
}

export type StatusService = ReturnType<typeof createStatusService>;
