import { DateTime } from 'luxon';
import { ownersOfPlan, planSentKey } from '../domain/owners';
import type { Plan } from '../domain/plan';
import type { PlanFigures } from '../progress/engine';
import type { ConversationRecord, Person, SentRecord } from '../domain/records';
import type { Store } from '../store/types';
import { bogotaDate, lastClosedPeriod, previousPeriod, ZONE } from '../calendar';
import type { DigestModel, DigestSnapshot } from './compose';
import {
  missedForAdmins,
  missedNoticesDue,
  REMINDER_HOUR,
  remindersDue,
  returnNoticeKey,
  returnOwedKey,
  type MissedForAdmins,
  type MissedNotice,
  type Reminder,
} from './reminders';
import { digestKey, digestsDue, isBusinessHours, parseDigestKey } from './schedule';
import { composeFor, conversationLang, digestContext, type DigestContext } from './build';
import type { Indicator } from '../domain/plan';
import type { ReportRecord } from '../domain/records';

export * from './build';

/**
 * One run of the proactive work at an instant: which digests and reminders are due, composed, handed to a
 * `deliver` function (the Teams layer renders and sends), and recorded in the store once delivered.
 * Free of Bot Framework types: `deliver` is injected, the clock is a parameter.
 *
 * Delivery semantics: once per key, across every process, unless a process stops mid-send. The proactive lock
 * (Store.exclusive) keeps one process composing and sending at a time. Just before delivering an item, the runner
 * claims its key (store.claimSend: one durable write that only one caller of a key wins, INSERT … ON CONFLICT DO
 * NOTHING on PostgreSQL) as pending; a delivered item's claim is confirmed (it is the record of what was sent), a
 * failed, refused (the conversation is gone) or aborted one released (store.releaseSend), so a later run tries
 * again. A process killed mid-send leaves its few claims in flight pending: the next run (another process, once
 * the lock went with the dead one's connection) releases and sends them, so every item arrives, and one that was
 * on its way at the kill may arrive twice.
 *
 * Failures: a conversation that answers 403/404 is marked inactive by the sender and is not due any more. Other
 * failures are retried on later runs with a backoff (5, 15, 60 min; Retry-After when longer), up to 4 times per
 * process; then the item is left alone until the process restarts (logged as an error).
 */

export interface DigestLog {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string, err?: unknown): void;
}

/** Notices of the planning office's cycle (DOMAIN.md, "Review" and "Reporting compliance"). */
export type Notice =
  /** To the owner who reported: their version was returned, with the reason. */
  | { type: 'returned'; record: ReportRecord; indicator: Indicator }
  /** To each admin (personal chat) or subscribed planning channel: what waits for review, once per business day. */
  /** `plans`: every plan loaded (each pending report is shown with its own plan's indicator); absent: the first. */
  | { type: 'review-digest'; pending: ReportRecord[]; plans?: readonly Plan[] }
  /** To an owner: the deadline passed with nothing reported (the last notice). */
  | { type: 'missed-owner'; missed: MissedNotice }
  /** To the admins: the indicators of the month not reported by the deadline. */
  | { type: 'missed-admins'; missed: MissedForAdmins };

export type Outbound =
  | { kind: 'digest'; key: string; conversation: ConversationRecord; model: DigestModel; snapshot: DigestSnapshot }
  /** `planId`: the plan a reminder or a missed-report notice was drawn for (its buttons answer for that plan). */
  | { kind: 'reminder'; key: string; conversation: ConversationRecord; reminder: Reminder; planId?: string }
  | { kind: 'notice'; key: string; conversation: ConversationRecord; notice: Notice; planId?: string };

/** The admins' review digest goes out from this hour (Bogotá), once per business day. */
export const REVIEW_DIGEST_HOUR = 8;
/** Returned versions are told to their owner while they are the month's latest and at most this many days old. */
export const RETURN_NOTICE_DAYS = 14;

export type DeliveryResult =
  | { status: 'sent'; attempts: number }
  /** 403/404: the bot was removed; the sender marked the conversation inactive. */
  | { status: 'gone'; attempts: number; reason: string }
  /** Worth another try on a later run. */
  | { status: 'failed'; attempts: number; reason: string; retryAfterMs?: number }
  /** The sender is stopping. */
  | { status: 'aborted'; attempts: number };

export interface DigestDeps {
  plan: Plan;
  store: Store;
  figures(year: number, asOf: string): Promise<PlanFigures>;
  /** DIGEST_CRON, read in America/Bogota. */
  cron: string;
  reminderDays: readonly number[];
  /** PEI_ADMINS (lower-cased ids or e-mails); admins added at run time come from the store. */
  admins?: readonly string[];
  log: DigestLog;
  deliver(item: Outbound): Promise<DeliveryResult>;
  /**
   * Every plan loaded (progress/plans.ts's plan book): each plan in force on a date (YYYY-MM-DD) has its digest (the
   * date: the first day of the month that last closed) and its owners reminded; the review digest shows each report
   * with its plan. Absent: `plan` and `figures` only.
   */
  plans?: {
    allInForce(asOf: string): Promise<readonly DigestPlan[]>;
    all(): Promise<readonly DigestPlan[]>;
  };
}

/** A plan the digests follow, and its figures. */
export interface DigestPlan {
  plan: Plan;
  figures(year: number, asOf: string): Promise<PlanFigures>;
}

/** Items claimed and on their way at once in a run (the sender paces and bounds the requests themselves). */
export const SEND_WORKERS = 16;

/** Backoff between runs for an item that failed (minutes). */
export const RUN_BACKOFF_MINUTES = [5, 15, 60, 60];

/** The record key of a digest sent on demand ("enviar resumen ahora"): it counts as the conversation's last digest. */
export function manualDigestKey(now: Date, conversationKey: string): string {
  const stamp = DateTime.fromJSDate(now, { zone: ZONE }).toFormat("yyyyMMdd'T'HHmmss");
  return digestKey(`manual-${stamp}`, conversationKey);
}

/**
 * The record key of a conversation's digest of a plan other than the first in force (a PEI and a Plan de Acción in
 * force together): `digest:<slot>+<plan id>:<conversation>`. The first plan's keeps `key`, as before there were two.
 */
export function planDigestKey(key: string, planId: string): string {
  const k = parseDigestKey(key);
  return k ? digestKey(`${k.slot}+${planId.replace(/:/g, '_')}`, k.conversationKey) : key;
}

export async function recordDigest(
  store: Store,
  key: string,
  now: Date,
  conversationKey: string,
  snapshot: DigestSnapshot,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await store.markSent({ key, at: now.toISOString(), detail: { kind: 'digest', conversationKey, snapshot, ...extra } });
}

/** The owner's personal chat with the bot, if the bot has one (saved when the app was installed). */
export function personalConversationOf(
  conversations: readonly ConversationRecord[],
  owner: Person,
): ConversationRecord | undefined {
  const ids = [owner.id, owner.email, owner.teamsId].filter(Boolean).map((x) => x!.toLowerCase());
  return conversations.find(
    (c) => c.scope === 'personal' && c.active && [c.userId, c.email].some((k) => !!k && ids.includes(k.toLowerCase())),
  );
}

/** The personal chats of the planning office's admins (PEI_ADMINS and those added at run time), once each. */
export function adminConversations(
  conversations: readonly ConversationRecord[],
  configured: readonly string[],
  added: readonly Person[],
): ConversationRecord[] {
  const people: Person[] = [
    ...configured.map((k) => (k.includes('@') ? { id: k, name: k, email: k } : { id: k, name: k })),
    ...added,
  ];
  const out = new Map<string, ConversationRecord>();
  for (const p of people) {
    const c = personalConversationOf(conversations, p);
    if (c) out.set(c.key, c);
  }
  return [...out.values()];
}

/**
 * Versions returned and not yet corrected (still the month's latest), reviewed in the last RETURN_NOTICE_DAYS or
 * whose notice is owed (`owed`: report ids with a returnOwedKey record, kept until the owner can be told).
 */
export function returnedToTell(
  reports: readonly ReportRecord[],
  now: Date,
  owed: ReadonlySet<string> = new Set(),
): ReportRecord[] {
  const latest = new Map<string, ReportRecord>();
  for (const r of reports) {
    const k = `${r.indicatorId}|${r.period}`;
    const prev = latest.get(k);
    if (!prev || r.version > prev.version) latest.set(k, r);
  }
  const since = now.getTime() - RETURN_NOTICE_DAYS * 86_400_000;
  return [...latest.values()].filter(
    (r) =>
      r.review === 'devuelto' && r.reviewedAt !== undefined && (owed.has(r.id) || Date.parse(r.reviewedAt) >= since),
  );
}

export interface RunItemSummary {
  kind: 'digest' | 'reminder' | 'notice';
  key: string;
  conversationKey: string;
  /** 'already-sent': another process (or run) claimed the key first (Store.claimSend); nothing was delivered here. */
  status: DeliveryResult['status'] | 'error' | 'already-sent';
}

export interface RunSummary {
  at: string;
  items: RunItemSummary[];
  /** Another process held the proactive lock: this run did nothing (the scheduler tries again soon). */
  busy?: true;
}

export class DigestRunner {
  private readonly retry = new Map<string, { failures: number; notBefore: number }>();
  private readonly noted = new Set<string>();

  constructor(private readonly deps: DigestDeps) {}

  /** Logs a line once per process for a given topic (skips repeat every minute otherwise). */
  private once(topic: string, line: () => void): void {
    if (this.noted.has(topic)) return;
    this.noted.add(topic);
    line();
  }

  private mayTry(key: string, now: Date): boolean {
    const r = this.retry.get(key);
    return !r || now.getTime() >= r.notBefore;
  }

  /**
   * The plans whose owners may be owed a reminder or a last notice today: those in force today and those in force in
   * the months reminded (the month that last closed and the one before: December's reports are due in January, when
   * the next plan may already be in force). A plan only expects reports in its own years (pendingIndicators).
   */
  private async plansToRemind(today: string): Promise<readonly Plan[]> {
    const book = this.deps.plans;
    if (!book) return [this.deps.plan];
    const out: Plan[] = [];
    for (const date of [`${previousPeriod(lastClosedPeriod(today))}-01`, today])
      for (const { plan: p } of await book.allInForce(date)) if (!out.some((x) => x.id === p.id)) out.push(p);
    return out;
  }

  /** What is due at `now`, without sending (for logs and tests). */
  async due(now: Date): Promise<Outbound[]> {
    const { plan, store, log } = this.deps;
    const items: Outbound[] = [];
    // One read of each: what was sent, the conversations, the subscriptions, the latest version of each month.
    const sentKeys = new Set((await store.sent()).map((r) => r.key));
    const wasSent = (k: string) => sentKeys.has(k);
    const conversations = await store.conversations();
    const subscriptions = await store.subscriptions();
    // The weekly digest follows the plans in force in the year of the month that last closed (in early January, the
    // December report is still due: the year that ended), one card each; the first keeps the plain key.
    const followed: readonly DigestPlan[] = this.deps.plans
      ? await this.deps.plans.allInForce(`${lastClosedPeriod(bogotaDate(now))}-01`)
      : [{ plan, figures: this.deps.figures }];
    const keyOf = (key: string, i: number) => (i === 0 ? key : planDigestKey(key, followed[i].plan.id));
    const { due, skipped } = digestsDue({
      cron: this.deps.cron,
      now,
      subscriptions,
      conversations,
      wasSent: (k) => followed.every((_, i) => wasSent(keyOf(k, i))),
    });
    for (const s of skipped) {
      if (s.reason !== 'subscribed-after-occurrence') {
        this.once(`skip:${s.reason}:${s.conversationKey}`, () =>
          log.info(
            `resumen: la conversación ${s.conversationKey} está suscrita pero ${s.reason === 'inactive' ? 'está inactiva (el bot fue retirado)' : 'no tiene referencia guardada'}; se omite`,
          ),
        );
      }
    }
    const contexts: (DigestContext | undefined)[] = [];
    for (const d of due) {
      for (const [i, p] of followed.entries()) {
        const key = keyOf(d.key, i);
        if (wasSent(key) || !this.mayTry(key, now)) continue;
        const context = (contexts[i] ??= await digestContext({ ...p, store }, now));
        const { model, snapshot } = composeFor(context, d.conversation.key, conversationLang(d.conversation));
        items.push({ kind: 'digest', key, conversation: d.conversation, model, snapshot });
      }
    }

    // Reminders, notices and the review digest look at each month's latest version only (reported or not, its state).
    const latest = await store.latestReports();
    // A returned version's notice follows an admin's action or the owner's first chat with the bot: sent at once,
    // at any hour; it is owed (returnOwedKey) until the owner can be reached.
    const owed = new Set(
      [...sentKeys].filter((k) => k.startsWith(returnOwedKey(''))).map((k) => k.slice(returnOwedKey('').length)),
    );
    for (const record of returnedToTell(latest, now, owed)) {
      const key = returnNoticeKey(record.id);
      if (wasSent(key) || !this.mayTry(key, now)) continue;
      const indicator = plan.objectives.flatMap((o) => o.indicators).find((i) => i.id === record.indicatorId);
      const conversation = personalConversationOf(conversations, record.author);
      if (!indicator || !conversation) {
        this.once(`unreachable:${key}`, () =>
          log.info(
            `${key}: ${record.author.name} no tiene chat personal con el bot; el aviso de la devolución se enviará cuando lo abra`,
          ),
        );
        continue;
      }
      items.push({ kind: 'notice', key, conversation, notice: { type: 'returned', record, indicator } });
    }

    // Reminders and the other notices: business days, 7:00 to 19:00 Bogotá (DOMAIN.md).
    if (!isBusinessHours(now)) return items;
    const allOwners = await store.allOwners();
    const hour = DateTime.fromJSDate(now, { zone: ZONE }).hour;
    const today = bogotaDate(now);

    const admins = adminConversations(conversations, this.deps.admins ?? [], await store.admins());
    const reviewChannels = subscriptions
      .filter((s) => s.kind === 'review-digest')
      .map((s) => conversations.find((c) => c.key === s.conversationKey && c.active))
      .filter((c): c is ConversationRecord => !!c);
    if (hour >= REVIEW_DIGEST_HOUR) {
      const pending = pendingOf(latest); // from the latest versions already read for the reminders
      if (pending.length) {
        let reviewPlans: Plan[] | undefined;
        const seen = new Set<string>();
        for (const conversation of [...admins, ...reviewChannels]) {
          if (seen.has(conversation.key)) continue;
          seen.add(conversation.key);
          const key = `review-digest:${today}:${conversation.key}`;
          if (wasSent(key) || !this.mayTry(key, now)) continue;
          reviewPlans ??= this.deps.plans ? (await this.deps.plans.all()).map((p) => p.plan) : [plan];
          items.push({
            kind: 'notice',
            key,
            conversation,
            notice: { type: 'review-digest', pending, plans: reviewPlans },
          });
        }
      }
    }

    // Reminders and last notices go out per plan in force, each to its own owners; their keys name a plan other than
    // the first (domain/owners.ts, planSentKey), so two plans (or a reused id) never share one.
    const reminded =
      hour >= REMINDER_HOUR
        ? (await this.plansToRemind(today)).map((p) => ({ p, owners: ownersOfPlan(allOwners, p.id) }))
        : [];
    for (const { p, owners } of reminded) {
      for (const due of missedNoticesDue(today, p, latest, owners)) {
        const missed = { ...due, key: planSentKey(due.key, p.id) };
        if (wasSent(missed.key) || !this.mayTry(missed.key, now)) continue;
        const conversation = personalConversationOf(conversations, missed.owner);
        if (!conversation) {
          this.once(`unreachable:${missed.key}`, () =>
            log.info(`aviso ${missed.key}: ${missed.owner.name} no tiene chat personal con el bot; no se puede enviar`),
          );
          continue;
        }
        items.push({
          kind: 'notice',
          key: missed.key,
          conversation,
          notice: { type: 'missed-owner', missed },
          planId: p.id,
        });
      }
      const forAdmins = missedForAdmins(today, p, latest, owners);
      if (forAdmins) {
        for (const conversation of admins) {
          const key = planSentKey(`missed-admins:${forAdmins.period}:${conversation.key}`, p.id);
          if (wasSent(key) || !this.mayTry(key, now)) continue;
          items.push({
            kind: 'notice',
            key,
            conversation,
            notice: { type: 'missed-admins', missed: forAdmins },
            planId: p.id,
          });
        }
      }
    }

    for (const { p, owners } of reminded) {
      for (const due of remindersDue(today, p, latest, owners, this.deps.reminderDays)) {
        const rem = { ...due, key: planSentKey(due.key, p.id) };
        if (wasSent(rem.key) || !this.mayTry(rem.key, now)) continue;
        const conversation = personalConversationOf(conversations, rem.owner);
        if (!conversation) {
          this.once(`unreachable:${rem.key}`, () =>
            log.info(
              `recordatorio ${rem.key}: ${rem.owner.name} no tiene chat personal con el bot (debe instalar la app); no se puede enviar`,
            ),
          );
          continue;
        }
        items.push({ kind: 'reminder', key: rem.key, conversation, reminder: rem, planId: p.id });
      }
    }
    return items;
  }

  /**
   * Sends what is due at `now` and records what was delivered. Never throws. Runs under the store's lock
   * 'proactive' (Store.exclusive): with several processes on one PostgreSQL store, one of them sends at a time and
   * sees, when it takes the lock, what the others already sent; the others skip this run (nothing is lost: what
   * is still due is due at the next run, whoever holds the lock then).
   */
  async run(now: Date): Promise<RunSummary> {
    let held: Awaited<ReturnType<Store['exclusive']>>;
    try {
      held = await this.deps.store.exclusive('proactive', () => this.runHeld(now));
    } catch (e) {
      this.deps.log.error('resumen/recordatorios: no se pudo tomar el turno de envío en el almacén', e);
      return { at: now.toISOString(), items: [] };
    }
    if (!held.ran) {
      this.deps.log.debug('envíos proactivos: otro proceso los está haciendo; se omite esta pasada');
      return { at: now.toISOString(), items: [], busy: true };
    }
    return held.value as RunSummary;
  }

  private async runHeld(now: Date): Promise<RunSummary> {
    const { log } = this.deps;
    let items: Outbound[];
    try {
      await this.releaseAbandoned();
      items = await this.due(now);
    } catch (e) {
      log.error('resumen/recordatorios: no se pudo calcular lo pendiente', e);
      return { at: now.toISOString(), items: [] };
    }
    if (items.length)
      log.info(
        `envíos proactivos a las ${now.toISOString()}: ${items.length} (${items.filter((i) => i.kind === 'digest').length} resúmenes, ${items.filter((i) => i.kind === 'reminder').length} recordatorios)`,
      );

    // At most SEND_WORKERS items are claimed and on their way at a time, in order (the sender paces them): a
    // process that stops mid-run leaves that many claims pending, not the whole run's.
    const results: RunItemSummary[] = [];
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < items.length; i = next++) results[i] = await this.sendOne(items[i], now);
    };
    await Promise.all(Array.from({ length: Math.min(SEND_WORKERS, items.length) }, worker));
    return { at: now.toISOString(), items: results };
  }

  /**
   * Claims left pending by a run that did not finish are released, so that their items are due again now. Pending
   * claims are made only under the proactive lock, and a run confirms or releases each before it ends: one found
   * here was left by a process stopped mid-send (killed; its lock went with its database connection). A message
   * that was on its way at that moment may so arrive twice; without this it would never arrive.
   */
  private async releaseAbandoned(): Promise<void> {
    for (const r of await this.deps.store.sent()) {
      if (!r.pending) continue;
      this.deps.log.warn(`${r.key}: reservado por un envío que no terminó (proceso detenido); se envía de nuevo`);
      await this.deps.store.releaseSend(r.key);
    }
  }

  /** Claims, delivers and confirms (or releases) one item. Never throws. */
  private async sendOne(item: Outbound, now: Date): Promise<RunItemSummary> {
    const { store, log } = this.deps;
    const base = { kind: item.kind, key: item.key, conversationKey: item.conversation.key };
    // Claimed just before delivery (docs/decisions.md, «Store interface»): one claimer per key across every
    // process; the claim is pending until the delivery is confirmed, and a failed or refused one releases it.
    const record = sentRecordOf(item, now);
    try {
      if (!(await store.claimSend({ ...record, pending: true }))) {
        log.info(`${item.key}: ya enviado (o en envío) por otro proceso; se omite`);
        return { ...base, status: 'already-sent' };
      }
    } catch (e) {
      log.error(`${item.key}: no se pudo reservar el envío en el almacén; se reintenta en la próxima pasada`, e);
      return { ...base, status: 'error' };
    }
    let result: DeliveryResult;
    try {
      result = await this.deps.deliver(item);
    } catch (e) {
      log.error(`${item.key}: error inesperado al enviar`, e);
      result = { status: 'failed', attempts: 0, reason: (e as Error)?.message ?? String(e) };
    }
    if (result.status === 'sent') {
      try {
        await store.confirmSend(record);
      } catch (e) {
        log.error(`${item.key}: entregado, pero no se pudo confirmar en el almacén (podría enviarse de nuevo)`, e);
      }
    } else {
      try {
        await store.releaseSend(item.key);
      } catch (e) {
        log.error(`${item.key}: no entregado y la reserva NO se liberó (no se reintentará)`, e);
      }
    }
    if (result.status === 'sent') {
      this.retry.delete(item.key);
      log.info(`${item.key}: entregado y registrado`);
    } else if (result.status === 'failed') {
      const prev = this.retry.get(item.key)?.failures ?? 0;
      const failures = prev + 1;
      if (failures > RUN_BACKOFF_MINUTES.length) {
        this.retry.set(item.key, { failures, notBefore: Number.POSITIVE_INFINITY });
        log.error(`${item.key}: falló ${failures} veces (${result.reason}); no se reintenta hasta reiniciar`);
      } else {
        const wait = Math.max(RUN_BACKOFF_MINUTES[failures - 1] * 60_000, result.retryAfterMs ?? 0);
        this.retry.set(item.key, { failures, notBefore: now.getTime() + wait });
        log.warn(`${item.key}: no entregado (${result.reason}); se reintenta en ${Math.round(wait / 60_000)} min`);
      }
    } else if (result.status === 'gone') {
      log.warn(
        `${item.key}: la conversación ${item.conversation.key} ya no acepta mensajes (${result.reason}); marcada inactiva`,
      );
    }
    return { ...base, status: result.status };
  }
}

/** The record a delivery is claimed (and then kept) under: the same one markSent used to store after delivery. */
function sentRecordOf(item: Outbound, now: Date): SentRecord {
  const at = now.toISOString();
  if (item.kind === 'digest') {
    return {
      key: item.key,
      at,
      detail: {
        kind: 'digest',
        conversationKey: item.conversation.key,
        snapshot: item.snapshot,
        slot: parseDigestKey(item.key)?.slot,
      },
    };
  }
  if (item.kind === 'notice') return { key: item.key, at, detail: noticeDetail(item) };
  const rem = item.reminder;
  return {
    key: item.key,
    at,
    detail: {
      kind: 'reminder',
      conversationKey: item.conversation.key,
      ownerId: rem.owner.id,
      period: rem.period,
      deadline: rem.deadline,
      daysLeft: rem.daysLeft,
      indicators: rem.indicators.map((i) => i.id),
    },
  };
}

/** What waits for review: the latest version of each month while 'pendiente', oldest first. */
function pendingOf(reports: readonly ReportRecord[]): ReportRecord[] {
  const latest = new Map<string, ReportRecord>();
  for (const r of reports) {
    const k = `${r.indicatorId}|${r.period}`;
    const prev = latest.get(k);
    if (!prev || r.version > prev.version) latest.set(k, r);
  }
  return [...latest.values()]
    .filter((r) => r.review === 'pendiente')
    .sort((a, b) => (a.reportedAt < b.reportedAt ? -1 : a.reportedAt > b.reportedAt ? 1 : 0));
}

function noticeDetail(item: Extract<Outbound, { kind: 'notice' }>): Record<string, unknown> {
  const n = item.notice;
  const base = { kind: n.type, conversationKey: item.conversation.key };
  switch (n.type) {
    case 'returned':
      return { ...base, reportId: n.record.id, ownerId: n.record.author.id };
    case 'review-digest':
      return { ...base, reports: n.pending.map((r) => r.id) };
    case 'missed-owner':
      return {
        ...base,
        ownerId: n.missed.owner.id,
        period: n.missed.period,
        deadline: n.missed.deadline,
        indicators: n.missed.indicators.map((i) => i.id),
      };
    case 'missed-admins':
      return {
        ...base,
        period: n.missed.period,
        deadline: n.missed.deadline,
        indicators: n.missed.items.map((i) => i.indicator.id),
      };
  }
}
