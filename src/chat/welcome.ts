import { welcomeCard } from '../views/help-cards';
import { actionUnavailableCard, messageCard } from '../views/message-cards';
import { catalog, type Lang } from '../i18n';
import { viewContext } from './ask';
import type { Card, ChatTurn, Services } from './types';

/** The chat's few answers that are not an intent or an action: the welcome, an unknown button, a text as a card. */

/** The card the bot greets a conversation with when it is added there, and its summary (the notification's text). */
export async function welcome(services: Services, turn: ChatTurn): Promise<{ card: Card; summary: string }> {
  return {
    card: welcomeCard(await viewContext(services, turn), turn.scope),
    summary: catalog(turn.lang).replies.summaryWelcome,
  };
}

/** The answer to a card button the chat does not know (a card from an older version, an action removed). */
export function unavailableCard(verb: string, lang: Lang): Card {
  return actionUnavailableCard(verb, lang);
}

/** A plain text as a card (an invoke's answer must be a card). */
export function textCard(text: string): Card {
  return messageCard({ text });
}
