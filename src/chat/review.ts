import { MIN_RETURN_REASON, pendingReviews, reviewOf, reviewReport, type ReviewResult } from '../reports/review';
import { catalog, numberText, periodText, type Lang } from '../i18n';
import { findIndicator } from '../reports/validate';
import { messageCard } from '../views/message-cards';
import { formatPeriodLong } from '../views/format';
import { reportStrings } from '../i18n';
import {
  MAX_REVIEW_ITEMS,
  reviewListCard,
  VERB_REPORT_FIX,
  VERB_REVIEW_APPROVE,
  VERB_REVIEW_LIST,
  VERB_REVIEW_RETURN,
} from '../views/review-cards';
import { personalConversationOf } from '../digest/run';
import { returnNoticeKey, returnOwedKey } from '../digest/reminders';
import type { ReportRecord } from '../domain/records';
import { startReport } from './report';
import { isAdmin, reportableIndicators } from './roles';
import type { ActionHandler, ChatModule } from './router';
import { reply, type ChatResult, type ChatTurn, type Services } from './types';

/**
 * The planning office's review in chat: «reportes por revisar» (or the button on admins' cards) lists what waits,
 * oldest first, with «Aprobar» and «Devolver» (a reason). Only admins review, whatever a card payload says: the
 * actor is checked on every action (reports/review.ts refuses others), and the store audits every review.
 * A return keeps the notice owed to its owner (digest/reminders.ts, returnOwedKey) and runs the proactive sender at
 * once (Services.sendNow), which tells the owner in their personal chat (digest/run.ts); the admin is told
 * «se avisó» only when that notice was delivered, and otherwise why not yet (no chat with the bot: it will reach
 * the owner when they first open one, teams/app.ts).
 */

/** How long a return waits for its notice to be delivered before answering the admin (the turn has 15 s). */
export const NOTICE_WAIT_MS = 5000;

type NoticeFate = 'sent' | 'no-chat' | 'pending';

/** Keeps the returned version's notice owed, sends it now where possible, and says what became of it. */
async function tellOwner(services: Services, record: ReportRecord, now: Date): Promise<NoticeFate> {
  const { store } = services;
  await store.markSent({
    key: returnOwedKey(record.id),
    at: now.toISOString(),
    detail: { kind: 'return-owed', reportId: record.id, ownerId: record.author.id },
  });
  const key = returnNoticeKey(record.id);
  let ran: readonly { key: string; status: string }[] | undefined;
  if (services.sendNow) {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), NOTICE_WAIT_MS);
      timer.unref();
    });
    ran = await Promise.race([services.sendNow().catch(() => undefined), late]);
    clearTimeout(timer);
  }
  if (ran?.some((i) => i.key === key && i.status === 'sent')) return 'sent';
  // Sent by a run that was already under way (or by another process) and finished: its record stays.
  if (ran && !ran.some((i) => i.key === key) && (await store.wasSent(key))) return 'sent';
  const chat = personalConversationOf(await store.conversations({ scope: 'personal' }), record.author);
  return chat ? 'pending' : 'no-chat';
}

/**
 * Whether some returned report's notice is still owed to its owner (kept until sent): a personal chat just opened
 * then runs the sender at once, so it arrives with the welcome. Without one, a new chat costs no run.
 */
export async function noticesOwed(services: Services): Promise<boolean> {
  const records = await services.store.sent({ prefix: 'return-' });
  const sent = new Set(records.map((r) => r.key));
  return records.some(
    (r) => r.key.startsWith(returnOwedKey('')) && !sent.has(returnNoticeKey(r.key.slice(returnOwedKey('').length))),
  );
}

function noticeText(fate: NoticeFate, owner: string, lang: Lang): string {
  const t = catalog(lang).reviewOutcome;
  return fate === 'sent' ? t.noticeSent(owner) : fate === 'no-chat' ? t.noticeNoChat(owner) : t.noticePending(owner);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A review's outcome in the reader's words. */
export function outcomeText(result: ReviewResult, lang: Lang): string {
  const t = catalog(lang).reviewOutcome;
  switch (result.status) {
    case 'forbidden':
      return t.forbidden;
    case 'invalid':
      return result.why === 'reason-short' ? t.reasonShort(MIN_RETURN_REASON) : t.notFound;
    case 'not-found':
      return t.notFound;
    case 'superseded':
      return t.superseded(result.record.indicatorId, periodText(result.record.period, lang), result.record.version);
    case 'not-pending':
      return t.notPending(
        result.record.indicatorId,
        periodText(result.record.period, lang),
        t.states[reviewOf(result.record)],
      );
    case 'reviewed': {
      const r = result.record;
      const p = periodText(r.period, lang);
      return result.decision === 'aprobado'
        ? t.approved(r.indicatorId, p, r.version)
        : t.returned(r.indicatorId, p, r.version);
    }
  }
}

function refused(turn: ChatTurn, text: string): ChatResult {
  const s = reportStrings(turn.lang);
  return reply.card(messageCard({ title: s.reviewRefusedTitle, text, color: 'attention' }), s.reviewRefusedTitle);
}

/** For corrections (v2 and later): the version each replaces, so the list shows the value beside the new one. */
async function previousVersions(
  services: Services,
  pending: readonly ReportRecord[],
): Promise<(r: ReportRecord) => ReportRecord | undefined> {
  const prev = new Map<string, ReportRecord>();
  for (const r of pending.slice(0, MAX_REVIEW_ITEMS)) {
    if (r.version < 2) continue;
    const versions = await services.store.reports({ indicatorId: r.indicatorId, period: r.period });
    const before = versions.filter((v) => v.version < r.version).sort((a, b) => b.version - a.version)[0];
    if (before) prev.set(r.id, before);
  }
  return (r) => prev.get(r.id);
}

export async function reviewList(services: Services, turn: ChatTurn): Promise<ChatResult> {
  const s = reportStrings(turn.lang);
  if (!(await isAdmin(services, turn.actor)))
    return reply.card(
      messageCard({ title: s.adminOnlyTitle, text: s.adminOnlyText, color: 'attention' }),
      s.adminOnlyTitle,
    );
  const pending = await pendingReviews(services.store, services.plan);
  const card = reviewListCard({
    lang: turn.lang,
    plan: services.plan,
    pending,
    previous: await previousVersions(services, pending),
  });
  return reply.card(card, s.reviewListTitle);
}

function decide(decision: 'aprobado' | 'devuelto'): ActionHandler {
  return async (services, turn, data) => {
    const reportId = str(data.reportId) ?? '';
    const field = str(data.reasonField);
    const note =
      decision === 'devuelto'
        ? (str(field && /^reason_\d{1,3}$/.test(field) ? data[field] : data.reason) ?? '')
        : undefined;
    let result;
    try {
      result = await reviewReport(services.store, {
        plan: services.plan,
        actor: turn.actor,
        isAdmin: await isAdmin(services, turn.actor),
        reportId,
        decision,
        note,
        now: turn.now,
      });
    } catch {
      const s = reportStrings(turn.lang);
      return refused(turn, s.saveFailedText);
    }
    if (result.status === 'forbidden' || result.status === 'invalid' || result.status === 'not-found')
      return refused(turn, outcomeText(result, turn.lang));
    let told = outcomeText(result, turn.lang);
    let fate: NoticeFate | undefined;
    if (result.status === 'reviewed' && decision === 'devuelto') {
      try {
        fate = await tellOwner(services, result.record, turn.now);
      } catch {
        fate = 'pending';
      }
      told = `${told} ${noticeText(fate, result.record.author.name, turn.lang)}`;
    }
    // Reviewed, or already reviewed by someone else: the list is drawn again as it is now, the outcome on top.
    const pending = await pendingReviews(services.store, services.plan);
    const card = reviewListCard({
      lang: turn.lang,
      plan: services.plan,
      pending,
      previous: await previousVersions(services, pending),
      note: told,
      noteColor: result.status !== 'reviewed' ? 'attention' : fate && fate !== 'sent' ? 'warning' : 'good',
    });
    return { replaceSource: card, replies: [], wake: fate === 'pending' };
  };
}

/** The value as the form reads it back ("0,35", "75 %"). */
function valueInput(value: number, unit: string, lang: 'es' | 'en'): string {
  return unit === 'percent' ? `${numberText(value * 100, lang)} %` : numberText(value, lang);
}

/** The owner's notice button: the form for that month, filled with what was returned. */
const fixAction: ActionHandler = async (services, turn, data) => {
  const s = reportStrings(turn.lang);
  const id = str(data.reportId) ?? '';
  const record = id ? await services.store.report(id) : undefined;
  const latest =
    record && (await services.store.latestReports({ indicatorId: record.indicatorId, period: record.period }))[0];
  if (!record || latest?.id !== record.id || reviewOf(record) !== 'devuelto')
    return reply.card(messageCard({ title: s.formTitle, text: s.fixUnavailable }), s.formTitle);
  const ind = findIndicator(services.plan, record.indicatorId);
  if (!ind || !(await reportableIndicators(services, turn.actor)).includes(ind.id))
    return refused(turn, s.notOwnerOf(record.indicatorId));
  return startReport(services, turn, {
    indicatorId: ind.id,
    period: record.period,
    values: {
      value: valueInput(record.value, ind.unit, turn.lang),
      logros: record.logros,
      dificultades: record.dificultades,
      evidencia: record.evidencia,
    },
    notice: s.fixNotice(formatPeriodLong(record.period, turn.lang), record.reviewNote ?? '', record.version + 1),
  });
};

export const reviewModule: ChatModule = {
  intents: {
    'review-list': (services, turn) => reviewList(services, turn),
  },
  actions: {
    [VERB_REVIEW_LIST]: (services, turn) => reviewList(services, turn),
    [VERB_REVIEW_APPROVE]: decide('aprobado'),
    [VERB_REVIEW_RETURN]: decide('devuelto'),
    [VERB_REPORT_FIX]: fixAction,
  },
};
