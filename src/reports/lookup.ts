import type { ReportRecord } from '../domain/records';

/**
 * O(1) look-ups over a list of report versions (submissionId, one indicator's versions), indexed once per list
 * (keyed by the list object itself, so several lists never mix).
 */

interface Index {
  seen: number;
  bySubmission: Map<string, ReportRecord>;
  byIndicator: Map<string, ReportRecord[]>;
  /** indicatorId -> period -> its latest version (the first of the highest, as effectiveByPeriod picks it). */
  latest: Map<string, Map<string, ReportRecord>>;
}

const indexes = new WeakMap<readonly ReportRecord[], Index>();

function indexOf(list: readonly ReportRecord[]): Index {
  let ix = indexes.get(list);
  if (!ix || ix.seen > list.length) {
    ix = { seen: 0, bySubmission: new Map(), byIndicator: new Map(), latest: new Map() };
    indexes.set(list, ix);
  }
  for (; ix.seen < list.length; ix.seen++) {
    const r = list[ix.seen];
    if (r.submissionId !== undefined && !ix.bySubmission.has(r.submissionId)) ix.bySubmission.set(r.submissionId, r);
    let l = ix.byIndicator.get(r.indicatorId);
    if (!l) ix.byIndicator.set(r.indicatorId, (l = []));
    l.push(r);
    let byPeriod = ix.latest.get(r.indicatorId);
    if (!byPeriod) ix.latest.set(r.indicatorId, (byPeriod = new Map()));
    const prev = byPeriod.get(r.period);
    if (!prev || r.version > prev.version) byPeriod.set(r.period, r);
  }
  return ix;
}

export interface ReportLookup {
  bySubmission(submissionId: string): ReportRecord | undefined;
  /** Every stored version of one indicator, in write order. */
  ofIndicator(indicatorId: string): readonly ReportRecord[];
  /**
   * The latest version of each month of one indicator (unordered): what effectiveByPeriod keeps of ofIndicator(),
   * at a cost that does not grow with the corrections stored.
   */
  latestOfIndicator(indicatorId: string): readonly ReportRecord[];
}

/** Look-ups over a list of report versions read from the store (in write order). */
export function reportLookup(list: readonly ReportRecord[]): ReportLookup {
  return {
    bySubmission: (sid) => indexOf(list).bySubmission.get(sid),
    ofIndicator: (id) => indexOf(list).byIndicator.get(id) ?? [],
    latestOfIndicator: (id) => {
      const byPeriod = indexOf(list).latest.get(id);
      return byPeriod ? [...byPeriod.values()] : [];
    },
  };
}
