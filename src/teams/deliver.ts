import { CardFactory, MessageFactory, type TurnContext, type Activity } from 'botbuilder';
import type { Card, ChatResult } from '../chat/types';
import type { Lang } from '../language/types';

/** Sends a ChatResult: new messages in order, and the source card replaced in place when asked. */

/** Stamped copies of the cards the chat logic remembers (the same status card, turn after turn). */
const stamped = new WeakMap<Card, Partial<Record<Lang, Card>>>();

/**
 * Every button carries the reply language, so a card action answers in the language the card was written in.
 * The copy is made once per card object and language: cards are not changed once built, and what is sent is only read.
 */
export function stampLang(card: Card, lang: Lang): Card {
  let byLang = stamped.get(card);
  if (!byLang) stamped.set(card, (byLang = {}));
  return (byLang[lang] ??= stampCopy(card, lang));
}

/** A deep copy of the card (plain JSON) with `lang` added to every Action.Submit / Action.Execute's data. */
function stampCopy(card: Card, lang: Lang): Card {
  const copy = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(copy);
    if (!node || typeof node !== 'object') return node;
    const o = node as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o)) out[k] = copy(o[k]);
    if ((o.type === 'Action.Submit' || o.type === 'Action.Execute') && (out.data === undefined || typeof out.data === 'object')) {
      out.data = { ...(out.data as object | undefined), lang };
    }
    return out;
  };
  return copy(card) as Card;
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
