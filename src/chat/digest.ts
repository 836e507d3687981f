import type { Person } from '../domain/records';
import { buildDigest, manualDigestKey, recordDigest } from '../digest/run';
import { DEFAULT_DIGEST_CRON, nextDigestRun } from '../digest/schedule';
import { digestCard, digestSummary, subscriptionCard, type SubscriptionOutcome } from '../views/digest-cards';
import { isAdmin } from './roles';
import { messageCard } from '../views/message-cards';
import { reportStrings } from '../i18n';
import type { ChatModule, IntentHandler } from './router';
import { reply, type Actor, type ChatResult, type ChatTurn, type Services } from './types';

/**
 * The weekly digest in chat:
 * - "suscribir resumen semanal" / "subscribe weekly digest": this conversation (channel, group chat or personal
 *   chat) gets the digest on DIGEST_CRON. Any member may subscribe or cancel: the digest only shows what anyone may
 *   ask the bot anyway, and the audit log keeps who did it.
 * - "cancelar resumen" / "cancel digest".
 * - "enviar resumen ahora" / "send digest now" (admins): the digest, at once, in this conversation (a reply, in
 *   the user's language), recorded as the conversation's last digest so the next one counts changes from here.
 * Each answer is a card. The conversation key is the Teams layer's (a channel's id for every thread in it), the same
 * key the stored conversation reference has, so the scheduler finds it.
 */

function personOf(actor: Actor): Person {
  const name = actor.name?.trim() ? actor.name.trim() : actor.id;
  return actor.email ? { id: actor.id, name, email: actor.email.toLowerCase() } : { id: actor.id, name };
}

async function confirm(
  services: Services,
  turn: ChatTurn,
  outcome: SubscriptionOutcome,
  by?: string,
): Promise<ChatResult> {
  const cron = services.config.digestCron ?? DEFAULT_DIGEST_CRON;
  const withNext = outcome === 'subscribed' || outcome === 'already-subscribed';
  const card = subscriptionCard({
    outcome,
    lang: turn.lang,
    scope: turn.scope,
    nextRun: withNext ? nextDigestRun(cron, turn.now) : null,
    by,
    isAdmin: await isAdmin(services, turn.actor),
  });
  return reply.card(card);
}

const findSubscription = async (services: Services, key: string) =>
  (await services.store.subscriptions({ conversationKey: key, kind: 'weekly-digest' }))[0];

/** "suscribir resumen de revisión" / "subscribe review digest": the planning office's daily digest (admins). */
const aboutReview = (text: string) => /\b(revis\w*|review\w*)\b/.test(text);

async function subscribeReview(services: Services, turn: ChatTurn): Promise<ChatResult> {
  const s = reportStrings(turn.lang);
  if (!(await isAdmin(services, turn.actor)))
    return reply.card(messageCard({ title: s.adminOnlyTitle, text: s.adminOnlyText, color: 'attention' }));
  const actor = personOf(turn.actor);
  const added = await services.store.subscribe(
    {
      conversationKey: turn.conversationKey,
      kind: 'review-digest',
      createdBy: actor,
      createdAt: turn.now.toISOString(),
    },
    actor,
  );
  return reply.card(
    messageCard(
      added
        ? { title: s.reviewSubscribedTitle, text: s.reviewSubscribedText, color: 'good' }
        : { text: s.reviewAlreadySubscribed },
    ),
  );
}

/** Cancels the review digest only (the weekly digest stays); only an admin may, as only an admin may subscribe it. */
async function unsubscribeReview(services: Services, turn: ChatTurn): Promise<ChatResult> {
  const s = reportStrings(turn.lang);
  if (!(await isAdmin(services, turn.actor)))
    return reply.card(messageCard({ title: s.adminOnlyTitle, text: s.adminOnlyText, color: 'attention' }));
  const actor = personOf(turn.actor);
  const removed = await services.store.unsubscribe(
    turn.conversationKey,
    'review-digest',
    actor,
    turn.now.toISOString(),
  );
  if (!removed) return reply.card(messageCard({ text: s.reviewNotSubscribed }));
  return reply.card(messageCard({ title: s.reviewUnsubscribedTitle, text: s.reviewUnsubscribedText }));
}

export const subscribeDigest: IntentHandler = async (services, turn, u) => {
  if (u && aboutReview(u.text)) return subscribeReview(services, turn);
  const existing = await findSubscription(services, turn.conversationKey);
  if (existing) return confirm(services, turn, 'already-subscribed', existing.createdBy?.name);
  const actor = personOf(turn.actor);
  const added = await services.store.subscribe(
    {
      conversationKey: turn.conversationKey,
      kind: 'weekly-digest',
      createdBy: actor,
      createdAt: turn.now.toISOString(),
    },
    actor,
  );
  return confirm(services, turn, added ? 'subscribed' : 'already-subscribed', actor.name);
};

export const unsubscribeDigest: IntentHandler = async (services, turn, u) => {
  if (u && aboutReview(u.text)) return unsubscribeReview(services, turn);
  if (!(await findSubscription(services, turn.conversationKey))) return confirm(services, turn, 'not-subscribed');
  const at = turn.now.toISOString();
  const removed = await services.store.unsubscribe(turn.conversationKey, 'weekly-digest', personOf(turn.actor), at);
  return confirm(services, turn, removed ? 'unsubscribed' : 'not-subscribed');
};

export const sendDigestNow: IntentHandler = async (services, turn) => {
  if (!(await isAdmin(services, turn.actor))) return confirm(services, turn, 'only-admins');
  const built = await buildDigest(
    { plan: services.plan, store: services.store, figures: (year, asOf) => services.status.figures(year, asOf) },
    turn.conversationKey,
    turn.now,
    turn.lang,
  );
  const actor = personOf(turn.actor);
  const card = digestCard(built.model, { lang: turn.lang, requestedBy: actor.name });
  await recordDigest(
    services.store,
    manualDigestKey(turn.now, turn.conversationKey),
    turn.now,
    turn.conversationKey,
    built.snapshot,
    {
      manual: true,
      by: actor.id,
    },
  );
  return reply.card(card, digestSummary(turn.lang));
};

export const digestModule: ChatModule = {
  intents: {
    'subscribe-digest': subscribeDigest,
    'unsubscribe-digest': unsubscribeDigest,
    'send-digest-now': sendDigestNow,
  },
};
