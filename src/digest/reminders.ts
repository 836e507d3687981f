import type { Indicator, Plan } from '../domain/plan';
import type { Person, ReportRecord } from '../domain/records';
import {
  addDays,
  daysBetween,
  isBusinessDay,
  lastClosedPeriod,
  nextPeriod,
  previousPeriod,
  reportDeadline,
  yearOf,
  type IsoDate,
  type Period,
} from '../calendar';

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
 *
 * Reminders go out on business days only (DOMAIN.md): a reminder whose day is a weekend or a holiday moves to the
 * next business day up to the deadline (the d-1 of the June 2025 deadline, Sunday 6 July, goes out on Monday 7 July,
 * the deadline itself), else to the previous one; when it lands on the day of another reminder of the same
 * deadline, only that one is sent. Its key keeps the configured n (`d-1`); `daysLeft` says the real distance.
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
  /** The configured reminder day this one stands for (its key's d-n). */
  offset: number;
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
  return plan.objectives
    .flatMap((o) => o.indicators)
    .filter((ind) => expectsReport(ind, period) && !reported.has(ind.id));
}

/**
 * The closed periods whose deadline is `n` calendar days after today for some n in reminderDays: the month that
 * last closed, or the one before it (its deadline may still be ahead early in the month).
 */
export function reminderPeriods(
  today: IsoDate,
  reminderDays: readonly number[],
): { period: Period; deadline: IsoDate; daysLeft: number; offset: number }[] {
  const last = lastClosedPeriod(today);
  const out: { period: Period; deadline: IsoDate; daysLeft: number; offset: number }[] = [];
  for (const period of [previousPeriod(last), last]) {
    const deadline = reportDeadline(period);
    for (const { day, offset } of reminderDaysOf(deadline, reminderDays)) {
      if (day === today) out.push({ period, deadline, daysLeft: daysBetween(today, deadline), offset });
    }
  }
  return out;
}

/** The business day a reminder `n` calendar days before `deadline` goes out on (see above), per configured n. */
export function reminderDaysOf(deadline: IsoDate, reminderDays: readonly number[]): { day: IsoDate; offset: number }[] {
  const used = new Set<IsoDate>();
  const out: { day: IsoDate; offset: number }[] = [];
  // Closest first: when two reminders land on one day, the one nearer the deadline is kept.
  for (const n of [...new Set(reminderDays)].filter((d) => d >= 0).sort((a, b) => a - b)) {
    let day = addDays(deadline, -n);
    if (!isBusinessDay(day)) {
      let fwd = day;
      while (!isBusinessDay(fwd) && fwd < deadline) fwd = addDays(fwd, 1);
      if (isBusinessDay(fwd) && fwd <= deadline) day = fwd;
      else {
        let back = day;
        for (let i = 0; i < 15 && !isBusinessDay(back); i++) back = addDays(back, -1);
        day = back;
      }
    }
    if (used.has(day)) continue;
    used.add(day);
    out.push({ day, offset: n });
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : 1));
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
  for (const { period, deadline, daysLeft, offset } of reminderPeriods(today, reminderDays)) {
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
      out.push({ key: reminderKey(period, offset, k), period, deadline, daysLeft, offset, owner, indicators });
    }
  }
  return out;
}

/** The month whose deadline passed most recently before `today`, if it passed at most `withinDays` days ago. */
export function missedPeriod(today: IsoDate, withinDays = 10): { period: Period; deadline: IsoDate } | null {
  const last = lastClosedPeriod(today);
  for (const period of [last, previousPeriod(last)]) {
    const deadline = reportDeadline(period);
    const since = daysBetween(deadline, today);
    if (since > 0) return since <= withinDays ? { period, deadline } : null;
  }
  return null;
}

export interface MissedNotice {
  /** `last-notice:<period>:<ownerId>`: one per owner and month (listing each of their indicators once). */
  key: string;
  period: Period;
  deadline: IsoDate;
  owner: Person;
  indicators: PendingIndicator[];
}

/**
 * After a deadline passes with nothing reported (no version at all): one last notice per owner and month, listing
 * their indicators still without a report, and (missedForAdmins) the list the admins are told, once per month.
 */
export function missedNoticesDue(
  today: IsoDate,
  plan: Plan,
  reports: readonly ReportRecord[],
  owners: Readonly<Record<string, readonly Person[]>>,
): MissedNotice[] {
  const missed = missedPeriod(today);
  if (!missed) return [];
  const byOwner = new Map<string, MissedNotice>();
  for (const ind of pendingIndicators(plan, reports, missed.period)) {
    for (const owner of owners[ind.id] ?? []) {
      const k = ownerKey(owner);
      let n = byOwner.get(k);
      if (!n) byOwner.set(k, (n = { key: `last-notice:${missed.period}:${k}`, ...missed, owner, indicators: [] }));
      n.indicators.push({ id: ind.id, name: ind.name, objective: ind.objective });
    }
  }
  return [...byOwner.values()];
}

export interface MissedForAdmins {
  period: Period;
  deadline: IsoDate;
  items: { indicator: PendingIndicator; owners: Person[] }[];
}

export function missedForAdmins(
  today: IsoDate,
  plan: Plan,
  reports: readonly ReportRecord[],
  owners: Readonly<Record<string, readonly Person[]>>,
): MissedForAdmins | null {
  const missed = missedPeriod(today);
  if (!missed) return null;
  const items = pendingIndicators(plan, reports, missed.period).map((ind) => ({
    indicator: { id: ind.id, name: ind.name, objective: ind.objective },
    owners: [...(owners[ind.id] ?? [])],
  }));
  return items.length ? { ...missed, items } : null;
}

/** The record key of a returned version's notice to its owner: claimed when it is sent (at most once). */
export const returnNoticeKey = (reportId: string): string => `return-notice:${reportId}`;

/**
 * The record kept (Store.markSent) when an admin returns a version: its notice is owed to the owner until it is sent,
 * however long they take to open a chat with the bot (returned versions without it are told for RETURN_NOTICE_DAYS).
 */
export const returnOwedKey = (reportId: string): string => `return-owed:${reportId}`;

/** What the admins see of the reminders of the month being collected («recordatorios»). */
export interface RemindersPreview {
  /** The month that last closed and its deadline. */
  period: Period;
  deadline: IsoDate;
  /** Whether its deadline is still ahead (today included): reminders are only for an open month. */
  open: boolean;
  /** The days reminders are still scheduled on (business days from today up to the deadline). */
  days: IsoDate[];
  /** Each owner with indicators of the month still without a report, in plan order. */
  owners: { owner: Person; indicators: PendingIndicator[] }[];
  /** Indicators still without a report and without an owner (nobody is reminded). */
  unassigned: PendingIndicator[];
  /** The first day of the month after `period` closes (the next month that can be reported). */
  nextFrom: IsoDate;
}

export function remindersPreview(
  today: IsoDate,
  plan: Plan,
  reports: readonly ReportRecord[],
  owners: Readonly<Record<string, readonly Person[]>>,
  reminderDays: readonly number[],
): RemindersPreview {
  const period = lastClosedPeriod(today);
  const deadline = reportDeadline(period);
  const open = today <= deadline;
  const byOwner = new Map<string, { owner: Person; indicators: PendingIndicator[] }>();
  const unassigned: PendingIndicator[] = [];
  for (const ind of pendingIndicators(plan, reports, period)) {
    const item = { id: ind.id, name: ind.name, objective: ind.objective };
    const list = owners[ind.id] ?? [];
    if (!list.length) unassigned.push(item);
    for (const owner of list) {
      const k = ownerKey(owner);
      let entry = byOwner.get(k);
      if (!entry) byOwner.set(k, (entry = { owner, indicators: [] }));
      entry.indicators.push(item);
    }
  }
  return {
    period,
    deadline,
    open,
    days: open
      ? reminderDaysOf(deadline, reminderDays)
          .map((d) => d.day)
          .filter((d) => d >= today)
      : [],
    owners: [...byOwner.values()],
    unassigned,
    nextFrom: `${nextPeriod(nextPeriod(period))}-01` as IsoDate,
  };
}

/** The key of a reminder an admin sends now («enviar recordatorios ahora»): one per owner, period and request. */
export function manualReminderKey(period: Period, stamp: string, owner: Person): string {
  return `reminder:${period}:now-${stamp}:${ownerKey(owner)}`;
}
