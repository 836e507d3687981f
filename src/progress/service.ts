import type { Indicator, Plan } from '../plan/types';
import type { ReportRecord } from '../store/types';
import { periodOf, type Period } from '../calendar';
import { byPeriodAscending, countsOver, indicatorFigures, objectiveFigures, planRollUp, type IndicatorFigures, type ObjectiveFigures, type PlanFigures } from './engine';
import { DEFAULT_BANDS, type Bands } from './status';

/** What the figures are computed from: anything with a revision counter and the stored reports. */
export interface ReportSource {
  readonly revision: number;
  /**
   * Append-only (the Store's contract): a list that shrinks or is replaced is read again from the start. A review
   * replaces the list (store/base.ts), so a returned version stops counting on the next look.
   */
  reports(): readonly ReportRecord[];
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

  // ---- the effective reports, maintained incrementally from the append-only list
  let list: readonly ReportRecord[] | null = null;
  let seen = 0;
  /** Bumped when the list is read again from the start: every cached figure is stale then. */
  let epoch = 0;
  let clock = 0;
  const latest = new Map<string, Map<Period, ReportRecord>>();
  /** indicatorId -> clock of its last change (missing = unchanged since the epoch began). */
  const changed = new Map<string, number>();
  /** indicatorId -> its effective reports, periods ascending (dropped when the indicator changes). */
  const sorted = new Map<string, ReportRecord[]>();

  function sync(): void {
    const reports = source.reports();
    if (reports !== list || reports.length < seen) {
      list = reports;
      seen = 0;
      epoch += 1;
      latest.clear();
      changed.clear();
      sorted.clear();
      cache.clear();
    }
    for (; seen < reports.length; seen++) {
      const r = reports[seen];
      let byPeriod = latest.get(r.indicatorId);
      if (!byPeriod) latest.set(r.indicatorId, (byPeriod = new Map()));
      const prev = byPeriod.get(r.period);
      if (countsOver(prev, r)) {
        byPeriod.set(r.period, r);
        changed.set(r.indicatorId, ++clock);
        sorted.delete(r.indicatorId);
      }
    }
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

  function compute(year: number, asOf: string, previous: Entry | undefined): Entry {
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
    return { revision: source.revision, figures, indicators: memo, objectives };
  }

  return {
    plan,
    bands,
    figures(year: number, asOf: string): PlanFigures {
      const key = `${year}|${asOf}`;
      let entry = cache.get(key);
      if (entry && entry.revision === source.revision) return entry.figures;
      const epochBefore = epoch;
      sync();
      if (epoch !== epochBefore) entry = undefined;
      entry = compute(year, asOf, entry);
      if (!cache.has(key) && cache.size >= 32) cache.clear();
      cache.set(key, entry);
      return entry.figures;
    },
  };
}

export type StatusService = ReturnType<typeof createStatusService>;
