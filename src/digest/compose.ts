import type { Plan } from '../domain/plan';
import type { PlanFigures } from '../progress/engine';
import type { Status } from '../progress/status';
import { shownFigure } from '../progress/shown';
import type { Person, ReportRecord } from '../domain/records';
import { lastClosedPeriod, reportDeadline, type IsoDate, type Period } from '../calendar';
import { expectsReport } from './reminders';

/**
 * The weekly digest as plain data: the plan at a glance, what changed since the conversation's last digest,
 * what lags, and who owes the report of the month that closed. Pure: figures, reports and owners in, a model out;
 * views/digest-cards.ts turns it into a card. Figures are the shown ones (progress/shown.ts), exactly as the read
 * API, the cards and the workbook give them, so a digest and GET /api/v1/status show the same figures.
 */

/** What a digest remembers of the figures (kept in the SentRecord's detail) to tell status changes next time. */
export interface DigestSnapshot {
  v: 1;
  /** The plan the digest followed (absent in digests sent before there was more than one plan: the first plan's). */
  planId?: string;
  asOf: IsoDate;
  year: number;
  plan: Status;
  objectives: Record<string, Status>;
  indicators: Record<string, Status>;
}

export function snapshotOf(figures: PlanFigures, planId?: string): DigestSnapshot {
  const objectives: Record<string, Status> = {};
  const indicators: Record<string, Status> = {};
  for (const o of figures.objectives) {
    objectives[String(o.objective.number)] = o.status;
    for (const f of o.indicators) indicators[f.indicator.id] = f.status;
  }
  return {
    v: 1,
    ...(planId === undefined ? {} : { planId }),
    asOf: figures.asOf,
    year: figures.year,
    plan: figures.status,
    objectives,
    indicators,
  };
}

/** Reads a snapshot back from a SentRecord detail (anything else → null). */
export function readSnapshot(detail: unknown): DigestSnapshot | null {
  const s = (detail as { snapshot?: unknown } | undefined)?.snapshot as Partial<DigestSnapshot> | undefined;
  if (!s || s.v !== 1 || typeof s.plan !== 'string' || !s.objectives || !s.indicators) return null;
  return s as DigestSnapshot;
}

export interface PreviousDigest {
  /** ISO instant the previous digest was sent. */
  at: string;
  snapshot: DigestSnapshot | null;
}

export interface DigestInput {
  plan: Plan;
  /** Figures now. */
  figures: PlanFigures;
  /** The conversation's last digest, or null for its first one. */
  previous: PreviousDigest | null;
  /** Reports stored since the last digest (every version), oldest first. */
  reportsSince: readonly ReportRecord[];
  owners: (indicatorId: string) => readonly Person[];
  lang: 'es' | 'en';
  /** The instant the digest is composed. */
  now: Date;
  /** When there is no previous digest, "changes" cover this many days back. */
  firstWindowDays?: number;
  /** Reporting compliance of the year so far (reports/compliance.ts's totals), for the digest's compliance line. */
  compliance?: Record<'a-tiempo' | 'tarde' | 'sin-reporte' | 'en-plazo', number>;
}

const r = shownFigure;

export interface RollUpView {
  progress: number | null;
  expected: number | null;
  cumulative: number | null;
  status: Status;
}

export interface ObjectiveGlance extends RollUpView {
  number: number;
  name: string;
  shortName: string;
  /** Indicators with a target this year and no report yet. */
  pending: number;
}

export interface ReceivedReport {
  period: Period;
  value: number;
  version: number;
  author: string;
  reportedAt: string;
}

export interface ReportsByIndicator {
  indicatorId: string;
  name: string;
  objective: number;
  unit: 'number' | 'percent';
  reports: ReceivedReport[];
}

export interface StatusChange {
  kind: 'plan' | 'objective' | 'indicator';
  /** Objective number or indicator id; the plan's id for the plan. */
  ref: string;
  name: string;
  objective?: number;
  from: Status;
  to: Status;
}

export interface LaggingIndicator {
  indicatorId: string;
  name: string;
  objective: number;
  status: 'rojo' | 'amarillo';
  progress: number | null;
  expected: number | null;
  owners: string[];
  area: string | null;
}

export interface PendingOwnerItem {
  indicatorId: string;
  name: string;
  objective: number;
  /** Owners' names; empty = sin responsable. */
  owners: string[];
}

export interface DigestModel {
  lang: 'es' | 'en';
  generatedAt: string;
  year: number;
  asOf: IsoDate;
  monthsClosed: number;
  plan: RollUpView & { id: string; name: string };
  objectives: ObjectiveGlance[];
  changes: {
    /** Since when changes are counted (the previous digest, or the first window). */
    since: string;
    firstDigest: boolean;
    reportCount: number;
    byIndicator: ReportsByIndicator[];
    /** Status changes since the previous digest; empty on the first digest. */
    statusChanges: StatusChange[];
  };
  lagging: LaggingIndicator[];
  /**
   * Indicators with a target this year that have reported nothing in it while something is expected of them
   * (a lag the red/amber list does not show), out of those with a target.
   */
  unreported: { count: number; withTarget: number };
  pending: { period: Period; deadline: IsoDate; items: PendingOwnerItem[] };
  /** The year's reporting compliance so far (months of indicators with a target), or null when not given. */
  compliance: { year: number; onTime: number; late: number; missing: number; open: number } | null;
}

/** Reports stored after `since` (exclusive) and not after `until`, in write order. */
export function reportsBetween(reports: readonly ReportRecord[], since: string, until: Date): ReportRecord[] {
  const a = Date.parse(since);
  const b = until.getTime();
  return reports.filter((x) => {
    const t = Date.parse(x.reportedAt);
    return t > a && t <= b;
  });
}

export function composeDigest(input: DigestInput): DigestModel {
  const { plan, figures, previous, owners } = input;
  const names = (id: string) =>
    owners(id)
      .map((p) => p.name)
      .filter((n) => n && n.trim());
  const indicators = figures.objectives.flatMap((o) => o.indicators);

  const since = previous?.at ?? new Date(input.now.getTime() - (input.firstWindowDays ?? 7) * 86_400_000).toISOString();

  // Reports received, grouped by indicator in plan order.
  const grouped = new Map<string, ReceivedReport[]>();
  for (const rep of input.reportsSince) {
    let list = grouped.get(rep.indicatorId);
    if (!list) grouped.set(rep.indicatorId, (list = []));
    list.push({
      period: rep.period,
      value: rep.value,
      version: rep.version,
      author: rep.author?.name ?? '',
      reportedAt: rep.reportedAt,
    });
  }
  const byIndicator: ReportsByIndicator[] = indicators
    .filter((f) => grouped.has(f.indicator.id))
    .map((f) => ({
      indicatorId: f.indicator.id,
      name: f.indicator.name,
      objective: f.indicator.objective,
      unit: f.indicator.unit,
      reports: grouped.get(f.indicator.id)!,
    }));

  // Status changes against the previous snapshot (only when it is of the same plan and year: a new vigencia, or
  // another plan, starts afresh).
  const statusChanges: StatusChange[] = [];
  const prev = previous?.snapshot;
  if (prev && prev.year === figures.year && (prev.planId === undefined || prev.planId === plan.id)) {
    if (prev.plan !== figures.status)
      statusChanges.push({ kind: 'plan', ref: plan.id, name: plan.name, from: prev.plan, to: figures.status });
    for (const o of figures.objectives) {
      const was = prev.objectives[String(o.objective.number)];
      if (was && was !== o.status) {
        statusChanges.push({
          kind: 'objective',
          ref: String(o.objective.number),
          name: o.objective.shortName,
          objective: o.objective.number,
          from: was,
          to: o.status,
        });
      }
    }
    for (const f of indicators) {
      const was = prev.indicators[f.indicator.id];
      if (was && was !== f.status) {
        statusChanges.push({
          kind: 'indicator',
          ref: f.indicator.id,
          name: f.indicator.name,
          objective: f.indicator.objective,
          from: was,
          to: f.status,
        });
      }
    }
  }

  const lagging: LaggingIndicator[] = [];
  for (const status of ['rojo', 'amarillo'] as const) {
    for (const f of indicators) {
      if (f.status !== status) continue;
      lagging.push({
        indicatorId: f.indicator.id,
        name: f.indicator.name,
        objective: f.indicator.objective,
        status,
        progress: r(f.progress),
        expected: r(f.expected),
        owners: names(f.indicator.id),
        area: f.indicator.area,
      });
    }
  }

  // The month that closed and who still owes its report.
  const period = lastClosedPeriod(figures.asOf);
  const pendingItems: PendingOwnerItem[] = [];
  for (const f of indicators) {
    if (!expectsReport(f.indicator, period)) continue;
    if (f.reports.some((x) => x.period === period)) continue;
    pendingItems.push({
      indicatorId: f.indicator.id,
      name: f.indicator.name,
      objective: f.indicator.objective,
      owners: names(f.indicator.id),
    });
  }

  return {
    lang: input.lang,
    generatedAt: input.now.toISOString(),
    year: figures.year,
    asOf: figures.asOf,
    monthsClosed: figures.monthsClosed,
    plan: {
      id: plan.id,
      name: plan.name,
      progress: r(figures.progress),
      expected: r(figures.expected),
      cumulative: r(figures.cumulative),
      status: figures.status,
    },
    objectives: figures.objectives.map((o) => ({
      number: o.objective.number,
      name: o.objective.name,
      shortName: o.objective.shortName,
      progress: r(o.progress),
      expected: r(o.expected),
      cumulative: r(o.cumulative),
      status: o.status,
      pending: o.pending.length,
    })),
    changes: {
      since,
      firstDigest: previous === null,
      reportCount: input.reportsSince.length,
      byIndicator,
      statusChanges,
    },
    lagging,
    unreported: {
      count: indicators.filter((f) => f.pending && f.expected !== null && f.expected > 0).length,
      withTarget: indicators.filter((f) => f.hasTarget).length,
    },
    pending: { period, deadline: reportDeadline(period), items: pendingItems },
    compliance: input.compliance
      ? {
          year: figures.year,
          onTime: input.compliance['a-tiempo'],
          late: input.compliance.tarde,
          missing: input.compliance['sin-reporte'],
          open: input.compliance['en-plazo'],
        }
      : null,
  };
}
