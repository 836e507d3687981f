import type { Indicator, Plan } from '../plan/types';
import type { Person, ReportRecord } from '../store/types';
import { daysBetween, lastClosedPeriod, previousPeriod, reportDeadline, yearOf, type IsoDate, type Period } from '../calendar';

/**
 * Reminders to owners before the monthly deadline (docs/dominio.md: the report of a month is due by the 5th business
 * day after it closes, Colombian holidays skipped — calendar/reportDeadline). Pure: today's date, the plan, the
 * reports and the owners in; the reminders that are due today out.
 *
 * "n days before" counts CALENDAR days (daysBetween(today, deadline) = n), not business days: with the June 2025
 * deadline on Monday 7 July, the reminders fall on Wednesday 2 (d-5), Friday 4 (d-3) and Sunday 6 July (d-1).
 * Each owner gets at most one reminder per (period, n), listing every indicator of theirs that still lacks a
 * report for the period; the key `reminder:<period>:d-<n>:<ownerId>` is what the store records as sent.
 * A day missed (the process was down all day) is not caught up the next day: the next reminder covers it.
 */

/** Reminders go out from this hour (Bogotá) on their day, not at midnight. */
export const REMINDER_HOUR = 8;

export interface PendingIndicator {
  id: string;
  name: string;
  objective: number;
}

export interface Reminder {
  key: string;
  period: Period;
  deadline: IsoDate;
  /** Calendar days from today to the deadline (one of the configured reminder days). */
  daysLeft: number;
  owner: Person;
  indicators: PendingIndicator[];
}

export function reminderKey(period: Period, daysLeft: number, ownerId: string): string {
  return `reminder:${period}:d-${daysLeft}:${ownerId}`;
}

/** Whether the plan programs a target for the indicator in the period's year (no target, no report expected). */
export function expectsReport(ind: Indicator, period: Period): boolean {
  return ((ind.program as Record<number, number>)[yearOf(period)] ?? 0) !== 0;
}

/** Indicators that expect a report for the period and have none (any version), in plan order. */
export function pendingIndicators(plan: Plan, reports: readonly ReportRecord[], period: Period): Indicator[] {
  const reported = new Set<string>();
  for (const r of reports) if (r.period === period) reported.add(r.indicatorId);
  return plan.objectives.flatMap((o) => o.indicators).filter((ind) => expectsReport(ind, period) && !reported.has(ind.id));
}

/**
 * The closed periods whose deadline is `n` calendar days after today for some n in reminderDays: the month that
 * last closed, or the one before it (its deadline may still be ahead early in the month).
 */
export function reminderPeriods(today: IsoDate, reminderDays: readonly number[]): { period: Period; deadline: IsoDate; daysLeft: number }[] {
  const last = lastClosedPeriod(today);
  const out: { period: Period; deadline: IsoDate; daysLeft: number }[] = [];
  for (const period of [previousPeriod(last), last]) {
    const deadline = reportDeadline(period);
    const daysLeft = daysBetween(today, deadline);
    if (daysLeft >= 0 && reminderDays.includes(daysLeft)) out.push({ period, deadline, daysLeft });
  }
  return out;
}

const ownerKey = (p: Person) => p.id.toLowerCase();

/** The reminders due on `today`: one per owner and period, with the owner's pending indicators. */
export function remindersDue(
  today: IsoDate,
  plan: Plan,
  reports: readonly ReportRecord[],
  owners: Readonly<Record<string, readonly Person[]>>,
  reminderDays: readonly number[],
): Reminder[] {
  const out: Reminder[] = [];
  for (const { period, deadline, daysLeft } of reminderPeriods(today, reminderDays)) {
    const byOwner = new Map<string, { owner: Person; indicators: PendingIndicator[] }>();
    for (const ind of pendingIndicators(plan, reports, period)) {
      for (const owner of owners[ind.id] ?? []) {
        const k = ownerKey(owner);
        let entry = byOwner.get(k);
        if (!entry) byOwner.set(k, (entry = { owner, indicators: [] }));
        entry.indicators.push({ id: ind.id, name: ind.name, objective: ind.objective });
      }
    }
    for (const [k, { owner, indicators }] of byOwner) {
      out.push({ key: reminderKey(period, daysLeft, k), period, deadline, daysLeft, owner, indicators });
    }
  }
  return out;
}
