import { Cron } from 'croner';
import { DateTime } from 'luxon';
import { bogotaDate, isBusinessDay, ZONE } from '../calendar';
import type { ConversationRecord, Subscription } from '../domain/records';

/**
 * When the weekly digest is due: pure functions of the cron expression (America/Bogota), the clock and what the
 * store says was sent. No timers here: src/digest/scheduler.ts ticks and asks.
 *
 * The rule, for a tick at `now`:
 * - the *slot* is the latest cron occurrence at or before `now` inside now's ISO week (Monday 00:00 to Sunday
 *   24:00, Bogotá). No occurrence yet this week → nothing is due.
 * - a subscribed, active conversation is due when its key `digest:<slot>:<conversationKey>` was not recorded
 *   as sent and the subscription existed before the occurrence (subscribing on a Wednesday does not trigger
 *   Monday's digest at once; "enviar resumen ahora" is there for that).
 * Consequences: a tick at 08:00:30 on Monday sends; later ticks find it recorded; a restarted process finds it
 * recorded too; a process that was down at 08:00 and starts on Tuesday sends the overdue digest once
 * (catch-up within the same week only: a digest missed last week is not sent this week).
 * With the default cron there is one occurrence per week and the slot is the ISO week ("2025-W28"). A cron
 * with several occurrences per week gets slots "2025-W28", "2025-W28.2", … (only the latest is caught up).
 */

export const DEFAULT_DIGEST_CRON = '0 8 * * 1';

/** A week has at most this many minutes: the loop over occurrences never runs longer. */
const MAX_OCCURRENCES_PER_WEEK = 7 * 24 * 60;

/** "2025-W28": the ISO week (Bogotá) of an instant. */
export function isoWeekOf(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: ZONE }).toFormat("kkkk-'W'WW");
}

/** Monday 00:00 Bogotá of the ISO week of an instant. */
export function weekStartOf(instant: Date): Date {
  return DateTime.fromJSDate(instant, { zone: ZONE }).startOf('week').toJSDate();
}

export interface DigestSlot {
  /** The cron occurrence (an instant). */
  occurrence: Date;
  /** ISO week of the occurrence. */
  week: string;
  /** Identifies the occurrence inside the record keys: the week, or "week.n" for the n-th occurrence (n ≥ 2). */
  slot: string;
}

function cronOf(expression: string): Cron {
  return new Cron(expression, { timezone: ZONE, paused: true });
}

/** The latest occurrence at or before `now` in now's ISO week; null when the week has none yet. */
export function currentDigestSlot(expression: string, now: Date): DigestSlot | null {
  const job = cronOf(expression);
  try {
    let prev = new Date(weekStartOf(now).getTime() - 1000); // nextRun is strictly after its argument
    let last: Date | null = null;
    let n = 0;
    while (n < MAX_OCCURRENCES_PER_WEEK) {
      const next = job.nextRun(prev);
      if (!next || next.getTime() > now.getTime()) break;
      last = next;
      n += 1;
      prev = next;
    }
    if (!last) return null;
    const week = isoWeekOf(last);
    return { occurrence: last, week, slot: n === 1 ? week : `${week}.${n}` };
  } finally {
    job.stop();
  }
}

/** The next occurrence strictly after `after` (for "próximo envío" on the subscription card). */
export function nextDigestRun(expression: string, after: Date): Date | null {
  const job = cronOf(expression);
  try {
    return job.nextRun(after);
  } finally {
    job.stop();
  }
}

export function digestKey(slot: string, conversationKey: string): string {
  return `digest:${slot}:${conversationKey}`;
}

/** Reads a digest record key back; null for other keys. Slots never contain ':'; conversation keys may. */
export function parseDigestKey(key: string): { slot: string; conversationKey: string } | null {
  if (!key.startsWith('digest:')) return null;
  const i = key.indexOf(':', 7);
  if (i < 0) return null;
  return { slot: key.slice(7, i), conversationKey: key.slice(i + 1) };
}

export interface DueDigest {
  key: string;
  slot: DigestSlot;
  conversation: ConversationRecord;
  subscription: Subscription;
}

export interface SkippedDigest {
  conversationKey: string;
  reason: 'no-conversation' | 'inactive' | 'subscribed-after-occurrence';
}

export interface DigestsDueInput {
  cron: string;
  now: Date;
  subscriptions: readonly Subscription[];
  conversations: readonly ConversationRecord[];
  wasSent(key: string): boolean;
}

/** What digests are due at `now` (see the rule above), and why the others are not. */
export function digestsDue(input: DigestsDueInput): {
  slot: DigestSlot | null;
  due: DueDigest[];
  skipped: SkippedDigest[];
} {
  const slot = currentDigestSlot(input.cron, input.now);
  const due: DueDigest[] = [];
  const skipped: SkippedDigest[] = [];
  if (!slot) return { slot, due, skipped };
  const byKey = new Map(input.conversations.map((c) => [c.key, c]));
  const seen = new Set<string>();
  for (const sub of input.subscriptions) {
    if (sub.kind !== 'weekly-digest' || seen.has(sub.conversationKey)) continue;
    seen.add(sub.conversationKey);
    const key = digestKey(slot.slot, sub.conversationKey);
    if (input.wasSent(key)) continue;
    const created = Date.parse(sub.createdAt);
    if (Number.isFinite(created) && created > slot.occurrence.getTime()) {
      skipped.push({ conversationKey: sub.conversationKey, reason: 'subscribed-after-occurrence' });
      continue;
    }
    const conversation = byKey.get(sub.conversationKey);
    if (!conversation) skipped.push({ conversationKey: sub.conversationKey, reason: 'no-conversation' });
    else if (!conversation.active) skipped.push({ conversationKey: sub.conversationKey, reason: 'inactive' });
    else due.push({ key, slot, conversation, subscription: sub });
  }
  return { slot, due, skipped };
}

/** Reminders and notices go out on business days (Colombian holidays counted), between these hours, Bogotá time. */
export const BUSINESS_HOURS = { from: 7, to: 19 } as const;

/** Whether `now` is inside business hours in Bogotá: a business day, from 7:00 to before 19:00. */
export function isBusinessHours(now: Date): boolean {
  const hour = DateTime.fromJSDate(now, { zone: ZONE }).hour;
  return hour >= BUSINESS_HOURS.from && hour < BUSINESS_HOURS.to && isBusinessDay(bogotaDate(now));
}
