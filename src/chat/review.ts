import { MIN_RETURN_REASON, pendingReviews, reviewOf, reviewReport, type ReviewResult } from '../reports/review';
import { catalog, numberText, periodText, type Lang } from '../i18n';
import { findIndicator } from '../reports/validate';
import { messageCard } from '../views/message-cards';
import { formatPeriodLong } from '../views/format';
import { reportStrings } from '../i18n';
import {
  reviewListCard,
  VERB_REPORT_FIX,
  VERB_REVIEW_APPROVE,
  VERB_REVIEW_LIST,
  VERB_REVIEW_RETURN,
} from '../views/review-cards';
import { startReport } from './report';
import { isAdmin, reportableIndicators } from './roles';
import type { ActionHandler, ChatModule } from './router';
import { reply, type ChatResult, type ChatTurn, type Services } from './types';

/**
 * The planning office's review in chat: «reportes por revisar» (or the button on admins' cards) lists what waits,
 * oldest first, with «Aprobar» and «Devolver» (a reason). Only admins review, whatever a card payload says: the
 * actor is checked on every action (reports/review.ts refuses others), and the store audits every review.
 * A return wakes the proactive sender, which tells the owner in their personal chat (digest/run.ts).
 */

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

export async function reviewList(services: Services, turn: ChatTurn): Promise<ChatResult> {
  const s = reportStrings(turn.lang);
  if (!(await isAdmin(services, turn.actor)))
    return reply.card(
      messageCard({ title: s.adminOnlyTitle, text: s.adminOnlyText, color: 'attention' }),
      s.adminOnlyTitle,
    );
  const card = reviewListCard({
    lang: turn.lang,
    plan: services.plan,
    pending: await pendingReviews(services.store, services.plan),
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
    // Reviewed, or already reviewed by someone else: the list is drawn again as it is now, the outcome on top.
    const card = reviewListCard({
      lang: turn.lang,
      plan: services.plan,
      pending: await pendingReviews(services.store, services.plan),
      note: outcomeText(result, turn.lang),
      noteColor: result.status === 'reviewed' ? 'good' : 'attention',
    });
    return { replaceSource: card, replies: [], wake: result.status === 'reviewed' && decision === 'devuelto' };
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
    notice: s.fixNotice(formatPeriodLong(record.period, turn.lang), record.reviewNote ?? ''),
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
