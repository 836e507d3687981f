import { CardFactory, MessageFactory, type TurnContext, type Activity } from 'botbuilder';
import type { Card, ChatResult } from '../chat/types';
import type { Lang } from '../language/types';
import { stampActions } from '../views/stamp';

/** Sends a ChatResult: new messages in order, and the source card replaced in place when asked. */

/**
 * Every button carries the reply language, so a card action answers in the language the card was written in:
 * the card (plain JSON) with `lang` added to every Action.Submit / Action.Execute's data. The objects on the way to an
 * action are copied, the rest is shared with the card (neither is changed afterwards).
 */
export function stampLang(card: Card, lang: Lang): Card {
  return stampActions(card, { lang });
}

/** Teams takes at most 60 ids in a card's `refresh.userIds`. */
export const MAX_REFRESH_USERS = 60;

/**
 * Who gets a status card's automatic refresh (Universal Actions): the person who asked for the card and the people
 * the asking message @mentioned (Teams user ids, "29:…"), without the bot, at most 60. Anyone else in the chat
 * (a large group chat, a channel) refreshes the card by hand from its menu: the bot does not list a conversation's
 * members (a connector call per card) to fill the list.
 */
export function refreshUsersOf(activity: Partial<Activity>): string[] {
  const bot = activity.recipient?.id;
  const ids: string[] = [];
  const add = (id: unknown) => {
    if (
      typeof id === 'string' &&
      id &&
      id !== bot &&
      id.length <= 1024 &&
      !ids.includes(id) &&
      ids.length < MAX_REFRESH_USERS
    )
      ids.push(id);
  };
  add(activity.from?.id);
  for (const e of activity.entities ?? [])
    if (e.type === 'mention') add((e as { mentioned?: { id?: unknown } }).mentioned?.id);
  return ids;
}

/**
 * The card with `refresh.userIds` set, when it has a `refresh` (the status cards): a shallow copy, since stamped
 * cards are shared between turns. Without ids the card goes as it is (a manual refresh for everyone).
 */
export function withRefreshUsers(card: Card, userIds: readonly string[] | undefined): Card {
  const refresh = card.refresh;
  if (!refresh || typeof refresh !== 'object' || !userIds?.length) return card;
  return {
    ...card,
    refresh: { ...(refresh as Record<string, unknown>), userIds: userIds.slice(0, MAX_REFRESH_USERS) },
  };
}

export function cardActivity(
  card: Card,
  lang: Lang,
  summary?: string,
  refreshUsers?: readonly string[],
): Partial<Activity> {
  const activity = MessageFactory.attachment(
    CardFactory.adaptiveCard(withRefreshUsers(stampLang(card, lang), refreshUsers)),
  );
  if (summary) activity.summary = summary;
  return activity;
}

export async function deliver(context: TurnContext, result: ChatResult, lang: Lang): Promise<void> {
  const source = context.activity.replyToId;
  const users = refreshUsersOf(context.activity);
  if (result.replaceSource) {
    const replacement = { ...cardActivity(result.replaceSource, lang, undefined, users), id: source };
    if (source) {
      try {
        await context.updateActivity(replacement);
      } catch {
        await context.sendActivity(cardActivity(result.replaceSource, lang, undefined, users)); // where updates are not supported
      }
    } else {
      await context.sendActivity(cardActivity(result.replaceSource, lang, undefined, users));
    }
  }
  for (const r of result.replies) {
    await context.sendActivity(
      'card' in r ? cardActivity(r.card, lang, r.summary, users) : MessageFactory.text(r.text),
    );
  }
}

/** What an Action.Execute invoke answers: the card that replaces the tapped one, and any further messages. */
export interface InvokeAnswer {
  card: Card;
  extras: ChatResult['replies'];
}

/**
 * A ChatResult as the answer of an `adaptiveCard/action` invoke: the replacing card (replaceSource, else the first
 * card or text) goes in the invoke's response, for the person who tapped; the other replies are sent as messages
 * (e.g. a notice that must reach the chat). `textCard` makes a card of a plain-text first reply.
 */
export function invokeAnswerOf(result: ChatResult, textCard: (text: string) => Card): InvokeAnswer | null {
  if (result.replaceSource) return { card: result.replaceSource, extras: result.replies };
  const [first, ...rest] = result.replies;
  if (!first) return null;
  return { card: 'card' in first ? first.card : textCard(first.text), extras: rest };
}

/** The invoke response Teams expects for Action.Execute: an Adaptive Card that replaces the tapped card. */
export function cardInvokeResponse(
  card: Card,
  lang: Lang,
  refreshUsers?: readonly string[],
  status = 200,
): Partial<Activity> {
  return {
    type: 'invokeResponse',
    value: {
      status,
      body: {
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: withRefreshUsers(stampLang(card, lang), refreshUsers),
      },
    },
  };
}
