import type { ReportRecord } from '../domain/records';

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
  const bySubmission = new Map<string, ReportRecord>();
  const byIndicator = new Map<string, ReportRecord[]>();
  /** indicatorId -> period -> its latest version (the first of the highest, as effectiveByPeriod picks it). */
  const latest = new Map<string, Map<string, ReportRecord>>();
  for (const r of list) {
    if (r.submissionId !== undefined && !bySubmission.has(r.submissionId)) bySubmission.set(r.submissionId, r);
    const versions = byIndicator.get(r.indicatorId) ?? [];
    byIndicator.set(r.indicatorId, versions);
    versions.push(r);
    const byPeriod = latest.get(r.indicatorId) ?? new Map<string, ReportRecord>();
    latest.set(r.indicatorId, byPeriod);
    const prev = byPeriod.get(r.period);
    if (!prev || r.version > prev.version) byPeriod.set(r.period, r);
  }
  return {
    bySubmission: (sid) => bySubmission.get(sid),
    ofIndicator: (id) => byIndicator.get(id) ?? [],
    latestOfIndicator: (id) => [...(latest.get(id)?.values() ?? [])],
  };
}
