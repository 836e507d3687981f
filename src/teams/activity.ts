import { TurnContext, type Activity, type ChannelAccount, type Mention } from 'botbuilder';
import type { Actor, ChatTurn, Scope } from '../chat/types';
import type { Lang } from '../language/types';
import { langFromLocale } from '../i18n/lang';
import { conversationKeyOf } from './conversations';

/** Translation from a Teams activity to the plain ChatTurn the chat logic works with. */

export function scopeOf(activity: Partial<Activity>): Scope {
  const t = activity.conversation?.conversationType;
  return t === 'channel' ? 'channel' : t === 'groupChat' ? 'groupChat' : 'personal';
}

export function actorOf(from: ChannelAccount | undefined): Actor {
  const aad = from?.aadObjectId;
  // Untrusted and stored with every report and audit entry: bounded.
  const cut = (v: unknown, max: number) => (typeof v === 'string' && v ? v.slice(0, max) : undefined);
  const aadCut = cut(aad, 256);
  const actor: Actor = {
    id: aadCut ?? cut(from?.id, 1024) ?? 'desconocido',
    aadObjectId: aadCut,
    name: typeof from?.name === 'string' ? from.name.slice(0, 256) : 'Usuario',
  };
  const teamsId = cut(from?.id, 1024);
  if (teamsId) actor.teamsId = teamsId;
  return actor;
}

/** People @mentioned in the message, other than the bot. */
export function mentionsOf(activity: Partial<Activity>): Actor[] {
  const bot = activity.recipient?.id;
  return (activity.entities ?? [])
    .filter((e) => e.type === 'mention')
    .map((e) => (e as unknown as Mention).mentioned)
    .filter((m) => m && m.id !== bot)
    .map((m) => actorOf(m));
}

/** Whether a message mentions the bot (channel messages without one are not for us). */
export function mentionsBot(activity: Partial<Activity>): boolean {
  const bot = activity.recipient?.id;
  return (activity.entities ?? []).some((e) => e.type === 'mention' && (e as unknown as Mention).mentioned?.id === bot);
}

/** The language of the client's locale ("en-US" → en); Spanish when Teams sends none or another. */
export function localeLang(activity: Partial<Activity>): Lang {
  return langFromLocale(clientLocale(activity));
}

/**
 * The client's locale as the activity tells it: `locale`, else the `clientInfo` entity's (Teams and the Agents
 * Playground send both on messages and invokes; the Playground's conversationUpdate carries neither).
 */
export function clientLocale(activity: Partial<Activity>): string | undefined {
  if (typeof activity.locale === 'string' && activity.locale) return activity.locale;
  const info = (activity.entities ?? []).find((e) => e?.type === 'clientInfo') as { locale?: unknown } | undefined;
  return typeof info?.locale === 'string' && info.locale ? info.locale : undefined;
}

/**
 * The language of the welcome (no words yet): the client's locale on the activity, else the one kept with the
 * conversation's reference (the installationUpdate the Playground sends just before carries en-US), else Spanish.
 */
export function welcomeLang(activity: Partial<Activity>, storedLocale: string | undefined): Lang {
  return langFromLocale(clientLocale(activity) ?? storedLocale);
}

/** Where a turn keeps the language it answers in, so that the adapter's apology speaks it too. */
const TURN_LANG = Symbol('pei.turnLang');

export function setTurnLang(context: TurnContext, lang: Lang): void {
  context.turnState.set(TURN_LANG, lang);
}

/** The language the turn answers in: the one app.ts read from the message, else the client's locale. */
export function turnLang(context: TurnContext): Lang {
  const kept = context.turnState.get(TURN_LANG) as unknown;
  return kept === 'en' || kept === 'es' ? kept : localeLang(context.activity);
}

/** Where processInbound leaves the HTTP deadline in the turn state (read back by turnOf). */
export const DEADLINE_KEY = 'pei.deadline';

export function turnOf(context: TurnContext, lang: Lang, now: Date): ChatTurn {
  const a = context.activity;
  const deadline = context.turnState.get(DEADLINE_KEY) as number | undefined;
  return {
    ...(deadline ? { deadline } : {}),
    actor: actorOf(a.from),
    lang,
    scope: scopeOf(a),
    // A channel's key is the channel's id (every thread of it), as the stored conversation reference has it.
    conversationKey: conversationKeyOf(a),
    conversationName: a.conversation.name,
    mentions: mentionsOf(a),
    now,
  };
}

/** Message text without the bot's mention markup (teams-ai removes it; this covers other callers too). */
export function textOf(context: TurnContext): string {
  return (TurnContext.removeRecipientMention(context.activity as Activity) ?? context.activity.text ?? '').trim();
}
