import { conversationLang, type Notice, type Outbound } from '../digest/run';
import type { Plan } from '../domain/plan';
import { reportStrings, type Lang } from '../i18n';
import { formatPeriodLong } from '../views/format';
import {
  missedAdminsCard,
  missedOwnerCard,
  returnNoticeCard,
  returnNoticeSummary,
  reviewDigestCard,
} from '../views/review-cards';
import { digestCard, digestSummary, reminderCard, reminderSummary } from '../views/digest-cards';
import { cardOfPlan } from './plans';
import type { Card } from './types';

/**
 * What the bot sends on its own (digests, reminders, the planning office's notices), rendered: the card, its
 * summary (the notification's text) and the language it is written in. The Teams layer only delivers it.
 */

export interface OutboundMessage {
  card: Card;
  lang: Lang;
  summary: string;
}

/** A due item, in its conversation's language (conversationLang: the person's last, Spanish in channels). */
export function renderOutbound(item: Outbound, plan?: Plan): OutboundMessage {
  const lang = conversationLang(item.conversation);
  switch (item.kind) {
    case 'digest':
      // Its buttons answer for the plan it follows (chat/plans.ts).
      return {
        card: cardOfPlan(digestCard(item.model, { lang }), item.model.plan.id),
        lang,
        summary: digestSummary(lang),
      };
    case 'reminder':
      return ofPlan(
        { card: reminderCard(item.reminder, lang), lang, summary: reminderSummary(item.reminder, lang) },
        item.planId,
      );
    case 'notice':
      return ofPlan({ ...noticeMessage(item.notice, lang, plan), lang }, item.planId);
  }
}

/** A reminder's or notice's buttons answer for the plan it was drawn for (chat/plans.ts), when it names one. */
const ofPlan = (m: OutboundMessage, planId: string | undefined): OutboundMessage =>
  planId === undefined ? m : { ...m, card: cardOfPlan(m.card, planId) };

/** The planning office's notices, in the conversation's language like the digests and reminders. */
function noticeMessage(n: Notice, lang: Lang, plan: Plan | undefined): { card: Card; summary: string } {
  const s = reportStrings(lang);
  switch (n.type) {
    case 'returned':
      return { card: returnNoticeCard(n.record, n.indicator, lang), summary: returnNoticeSummary(n.record, lang) };
    case 'review-digest':
      return {
        card: reviewDigestCard(n.pending, n.plans ?? (plan ? [plan] : []), lang),
        summary: s.reviewDigestTitle(n.pending.length),
      };
    case 'missed-owner':
      return {
        card: missedOwnerCard(n.missed, lang),
        summary: s.missedNoticeTitle(formatPeriodLong(n.missed.period, lang)),
      };
    case 'missed-admins':
      return {
        card: missedAdminsCard(n.missed, lang),
        summary: s.missedAdminsTitle(formatPeriodLong(n.missed.period, lang)),
      };
  }
}
