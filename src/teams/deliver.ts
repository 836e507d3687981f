import { CardFactory, MessageFactory, type TurnContext, type Activity } from 'botbuilder';
import type { Card, ChatResult } from '../chat/types';
import type { Lang } from '../language/types';

/** Sends a ChatResult: new messages in order, and the source card replaced in place when asked. */

/** Every button carries the reply language, so a card action answers in the language the card was written in. */
export function stampLang(card: Card, lang: Lang): Card {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if ((o.type === 'Action.Submit' || o.type === 'Action.Execute') && (o.data === undefined || typeof o.data === 'object')) {
      o.data = { ...(o.data as object | undefined), lang };
    }
    Object.values(o).forEach(walk);
  };
  const copy = structuredClone(card);
  walk(copy);
  return copy;
}

export function cardActivity(card: Card, lang: Lang, summary?: string): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(stampLang(card, lang)));
  if (summary) activity.summary = summary;
  return activity;
}

export async function deliver(context: TurnContext, result: ChatResult, lang: Lang): Promise<void> {
  const source = context.activity.replyToId;
  if (result.replaceSource) {
    const replacement = { ...cardActivity(result.replaceSource, lang), id: source };
    if (source) {
      try {
        await context.updateActivity(replacement);
      } catch {
        await context.sendActivity(cardActivity(result.replaceSource, lang)); // where updates are not supported
      }
    } else {
      await context.sendActivity(cardActivity(result.replaceSource, lang));
    }
  }
  for (const r of result.replies) {
    await context.sendActivity('card' in r ? cardActivity(r.card, lang, r.summary) : MessageFactory.text(r.text));
  }
}
