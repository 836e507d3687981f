/**
 * How report versions are stored, the same in every store: a submission with an idempotency key already stored is a
 * duplicate and writes nothing; each new version of a month is numbered after that month's latest; only a month's
 * latest version, while 'pendiente', may be reviewed.
 */
import { buildReportRecord, reportChange, type Change } from './audit';
import type { Person, ReportInput, ReportRecord, ReportSource, ReviewState } from './records';

/** A report as it comes in: what it says, who sent it, from where, its idempotency key and review state if any. */
export interface ReportSubmission {
  input: ReportInput;
  author: Person;
  source: ReportSource;
  submissionId?: string;
  review?: ReviewState;
}

export interface StoredReport {
  record: ReportRecord;
  /** True when the submissionId had already been stored: nothing new was written. */
  duplicate: boolean;
}

export type ReviewRefusal =
  | { status: 'not-found' }
  /** A newer version of the month exists: only the latest version is reviewed. */
  | { status: 'superseded'; record: ReportRecord; latest: ReportRecord }
  /** Already approved or returned (e.g. a second click, or another admin was first). */
  | { status: 'not-pending'; record: ReportRecord };

export const monthKey = (r: { indicatorId: string; period: string }) => `${r.indicatorId}|${r.period}`;

/**
 * What a batch of submissions writes: a submissionId already stored (or given earlier in the batch) is a duplicate;
 * each new version is numbered after its month's latest, the batch's own versions included. `stored` looks up what
 * is already stored.
 */
export async function planReports(
  batch: ReportSubmission[],
  at: string,
  actor: Person,
  stored: {
    bySubmission: (submissionId: string) => Promise<ReportRecord | undefined>;
    latest: (month: ReportInput) => Promise<ReportRecord | undefined> | ReportRecord | undefined;
  },
): Promise<{ results: StoredReport[]; changes: Change[] }> {
  const results: StoredReport[] = [];
  const changes: Change[] = [];
  const latest = new Map<string, ReportRecord>();
  const fresh = new Map<string, ReportRecord>();
  for (const item of batch) {
    const sid = item.submissionId;
    const dup = sid === undefined ? undefined : (fresh.get(sid) ?? (await stored.bySubmission(sid)));
    if (dup) {
      results.push({ record: dup, duplicate: true });
      continue;
    }
    const prev = latest.get(monthKey(item.input)) ?? (await stored.latest(item.input));
    const after = buildReportRecord(item.input, (prev?.version ?? 0) + 1, item, at);
    changes.push(reportChange(prev, after, actor, at));
    latest.set(monthKey(after), after);
    if (sid !== undefined) fresh.set(sid, after);
    results.push({ record: after, duplicate: false });
  }
  return { results, changes };
}

/** Why a version may not be reviewed (`latest`: its month's latest version), or null when it may. */
export function reviewRefusal(
  record: ReportRecord | undefined,
  latest: ReportRecord | undefined,
): ReviewRefusal | null {
  if (!record) return { status: 'not-found' };
  if (latest && latest.id !== record.id) return { status: 'superseded', record, latest };
  if (record.review !== 'pendiente') return { status: 'not-pending', record };
  return null;
}
