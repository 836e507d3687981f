import { ActivityTypes, MessageFactory, TeamsInfo, type TurnContext } from 'botbuilder';
import { Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import type { ChatRouter } from '../chat/router';
import type { Actor, Services } from '../chat/types';
import { textCard, unavailableCard, welcome } from '../chat/welcome';
import { noticesOwed } from '../chat/review';
import { deliver, cardActivity, cardInvokeResponse, invokeAnswerOf, refreshUsersOf } from './deliver';
import { localeLang, mentionsBot, scopeOf, setTurnLang, textOf, turnOf, welcomeLang } from './activity';
import { filesOf } from './files';
import { languageTold } from '../language';
import {
  conversationKeyOf,
  forgetChannel,
  forgetConversation,
  rememberChannels,
  rememberConversation,
  type TeamChannel,
} from './conversations';
import type { Lang } from '../language/types';
import { registerMessageExtension } from './message-extension';
import { createPeopleDirectory } from './people';

/**
 * The teams-ai Application: routes Teams activities to the chat logic. This folder is the only one that knows
 * the Bot Framework; moving to the Microsoft 365 Agents SDK means rewriting it alone.
 */

export interface TeamsAppOptions {
  services: Services;
  router: ChatRouter;
  adapter?: TeamsAdapter;
  clock: () => Date;
  log: (msg: string, err?: unknown) => void;
  /** Runs the proactive sender now (a result asked for it: e.g. a returned report's notice to its owner). */
  wake?: () => void;
}

export function createTeamsApp(opts: TeamsAppOptions): Application<TurnState> {
  const { services, router, clock, log } = opts;
  const app = new Application<TurnState>({
    adapter: opts.adapter,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  const people = createPeopleDirectory(services, clock, log);

  /**
   * A Teams @mention carries the mentioned user's Teams id ("29:…") and name, not the AAD object id the bot keys
   * people by: ask Teams (TeamsInfo.getMember = GET /v3/conversations/{id}/members/{userId} on the serviceUrl) for
   * the AAD object id, the e-mail and the display name. A person named by e-mail is asked for by it (the member API
   * takes a UPN too), so that others see the name, not the address. Only when a command needs it (assigning an
   * owner or an admin). A person Teams cannot describe (not in this conversation, outside Teams, a timeout) is kept
   * as given.
   */
  async function resolvePeople(context: TurnContext, people: Actor[]): Promise<Actor[]> {
    return Promise.all(
      people.map(async (p) => {
        const teamsId = p.teamsId ?? p.id;
        if (p.aadObjectId && p.email) return p;
        try {
          const member = await Promise.race([
            TeamsInfo.getMember(context, teamsId),
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000).unref()),
          ]);
          const aad = member.aadObjectId ?? p.aadObjectId;
          const email = (member.email ?? member.userPrincipalName ?? p.email)?.toLowerCase();
          // Asked by e-mail, the Teams id is the member's (never the address).
          const memberId = [member.id, teamsId].find((x) => x && !x.includes('@'));
          const resolved: Actor = { id: aad ?? memberId ?? p.id, name: member.name?.trim() || p.name };
          if (memberId) resolved.teamsId = memberId;
          if (aad) resolved.aadObjectId = aad;
          if (email) resolved.email = email;
          return resolved;
        } catch {
          return p; // not in Teams (TestAdapter, the Agents Playground) or Teams did not answer: the mention as given
        }
      }),
    );
  }

  /** Digests, reminders and notices to a personal chat go in the language its person last wrote in. */
  async function rememberLang(key: string, lang: Lang): Promise<void> {
    try {
      const record = await services.store.conversation(key);
      if (!record || record.lang === lang) return;
      await services.store.saveConversation({ ...record, lang, updatedAt: clock().toISOString() });
    } catch (e) {
      log('No se pudo guardar el idioma de la conversación', e);
    }
  }

  /**
   * Keeps the conversation's reference. True when a personal chat was opened (new, or back after the app was
   * removed): the caller then runs the proactive sender (opened()), once the person's e-mail is learnt, so that what
   * was owed to that person (a returned report's notice) reaches them now.
   */
  async function remember(context: TurnContext): Promise<boolean> {
    try {
      const opened = await rememberConversation(services.store, context.activity, clock().toISOString());
      return opened && scopeOf(context.activity) === 'personal' && (await noticesOwed(services));
    } catch (e) {
      log('No se pudo guardar la referencia de la conversación', e);
      return false;
    }
  }

  /**
   * When the bot lands in a team: every channel of the team, so that any of them can subscribe to the digest.
   * TeamsInfo.getTeamChannels fails outside Teams (TestAdapter, the Agents Playground): then only the channel the
   * event came from is kept (remember() above), and the others are added as they talk to the bot or are created.
   */
  async function rememberTeamChannels(context: TurnContext): Promise<void> {
    const teamId = (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
    if (!teamId) return;
    let channels: TeamChannel[] = [];
    try {
      const list = await Promise.race([
        TeamsInfo.getTeamChannels(context, teamId),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000).unref()),
      ]);
      channels = (Array.isArray(list) ? list : []).filter((c) => !!c?.id).map((c) => ({ id: c.id!, name: c.name }));
    } catch {
      return; // not available here: fall back to the channel of the event
    }
    try {
      await rememberChannels(services.store, context.activity, channels, clock().toISOString());
    } catch (e) {
      log('No se pudieron guardar los canales del equipo', e);
    }
  }

  app.activity(ActivityTypes.Message, async (context) => {
    const activity = context.activity;
    // In channels Teams users expect the bot to speak only when @mentioned.
    if (activity.conversation?.conversationType === 'channel' && !mentionsBot(activity) && !activity.value) return;
    const opened = await remember(context);
    const value = activity.value as Record<string, unknown> | undefined;
    const text = textOf(context);
    let lang: Lang;
    let result;
    const turn = turnOf(context, localeLang(activity), clock());
    turn.actor.email = await people.learnEmail(context);
    turn.resolvePeople = (named) => resolvePeople(context, named);
    // A file sent in the chat (a personal chat, with the manifest's supportsFiles): the plan workbook.
    const files = value ? [] : filesOf(activity);
    const fileLang = files.length && text ? router.understand(text).lang : turn.lang;
    const fileResult = files.length ? await router.file({ ...turn, lang: fileLang }, files) : null;
    if (fileResult) {
      lang = fileLang;
      setTurnLang(context, lang);
      result = fileResult;
    } else if (value && typeof value === 'object' && !text) {
      lang = value.lang === 'en' || value.lang === 'es' ? value.lang : turn.lang;
      setTurnLang(context, lang);
      result = await router.action({ ...turn, lang }, value);
    } else {
      const u = router.understand(text);
      // The language of what the user wrote; Spanish when the words do not tell ("4263", "plan").
      lang = u.lang;
      setTurnLang(context, lang);
      // In a personal chat, the language the words tell is kept for what the bot sends later on its own.
      const told = languageTold(text) ?? (u.lang === 'en' ? 'en' : null);
      if (told && turn.scope === 'personal') await rememberLang(turn.conversationKey, told);
      result = await router.text({ ...turn, lang }, text, u);
    }
    await deliver(context, result, lang);
    if (result.wake || opened) opts.wake?.();
  });

  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
    if (!botAdded) return;
    const opened = await remember(context);
    await rememberTeamChannels(context);
    // No words yet: the welcome speaks the client's locale (en-US → English), from this activity or, when it has
    // none (the Playground's conversationUpdate), from the reference kept at install.
    const stored = await services.store.conversation(conversationKeyOf(context.activity)).catch(() => undefined);
    const lang = welcomeLang(context.activity, (stored?.reference as { locale?: string } | undefined)?.locale);
    const turn = turnOf(context, lang, clock());
    const greeting = await welcome(services, turn);
    await context.sendActivity(cardActivity(greeting.card, lang, greeting.summary));
    if (opened) {
      // An owner assigned by e-mail is found by it in this chat; then what is owed to them is sent.
      await people.learnEmail(context);
      opts.wake?.();
    }
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    const botId = context.activity.recipient?.id;
    if ((context.activity.membersRemoved ?? []).some((m) => m.id === botId))
      await forgetConversation(services.store, context.activity);
  });

  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const action = (context.activity.action ?? '').toLowerCase();
    if (action.startsWith('remove')) await forgetConversation(services.store, context.activity);
    else if (action.startsWith('add')) {
      const opened = await remember(context);
      await rememberTeamChannels(context);
      if (opened) {
        await people.learnEmail(context);
        opts.wake?.();
      }
    }
  });

  // Channels created later can subscribe too; deleted channels and deleted teams are forgotten.
  async function rememberEventChannel(context: TurnContext): Promise<void> {
    const channel = (context.activity.channelData as { channel?: TeamChannel } | undefined)?.channel;
    if (!channel?.id) return;
    try {
      await rememberChannels(services.store, context.activity, [channel], clock().toISOString());
    } catch (e) {
      log('No se pudo guardar el canal nuevo', e);
    }
  }
  app.conversationUpdate('channelCreated', rememberEventChannel);
  app.conversationUpdate('channelRestored', rememberEventChannel);
  app.conversationUpdate('channelDeleted', async (context) => {
    const channelId = (context.activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
    await forgetChannel(services.store, channelId);
  });
  app.conversationUpdate('teamDeleted', async (context) => {
    await forgetConversation(services.store, context.activity);
  });
  app.conversationUpdate('teamHardDeleted', async (context) => {
    await forgetConversation(services.store, context.activity);
  });

  // The search message extension (composeExtension/query): indicators and objectives as cards to insert.
  registerMessageExtension(app, { router, clock, people });

  /**
   * Universal Actions (Action.Execute): an `adaptiveCard/action` invoke carries the verb and the data of the tapped
   * action (the report form's submit and cancel, a status card's refresh). The verb goes to the same chat action a
   * card's Action.Submit reaches; the card it answers is the invoke's response, which Teams puts in place of the
   * tapped card for that person: no updateActivity, no separate reply. An automatic refresh (trigger "automatic",
   * which Teams fires for the users of `refresh.userIds`, at most once a minute) answers only that card and sends
   * nothing else, so a refresh never rewrites the message for everyone. An unknown verb gets a card that says so
   * (instead of the SDK's bare 501).
   */
  app.addRoute(
    async (context) =>
      context.activity.type === ActivityTypes.Invoke && context.activity.name === 'adaptiveCard/action',
    async (context) => {
      const value = (context.activity.value ?? {}) as {
        action?: { verb?: unknown; data?: unknown };
        trigger?: unknown;
      };
      const verb = typeof value.action?.verb === 'string' ? value.action.verb.slice(0, 200) : '';
      const raw = value.action?.data;
      const data = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
      const asked = data.lang;
      const lang: Lang = asked === 'en' || asked === 'es' ? asked : localeLang(context.activity);
      setTurnLang(context, lang);
      const automatic = value.trigger === 'automatic';
      const users = refreshUsersOf(context.activity);
      if (!router.knows(verb)) {
        await context.sendActivity(cardInvokeResponse(unavailableCard(verb, lang), lang));
        return;
      }
      const opened = !automatic && (await remember(context));
      const turn = turnOf(context, lang, clock());
      turn.actor.email = await people.learnEmail(context);
      turn.resolvePeople = (named) => resolvePeople(context, named);
      const result = await router.action({ ...turn, lang }, { ...data, verb });
      const answer = invokeAnswerOf(result, textCard) ?? { card: unavailableCard(verb, lang), extras: [] };
      // The store was away: the card says that nothing was stored and what to do, answered 503.
      await context.sendActivity(cardInvokeResponse(answer.card, lang, users, result.unavailable ? 503 : 200));
      if (!automatic) {
        for (const r of answer.extras) {
          await context.sendActivity(
            'card' in r ? cardActivity(r.card, lang, r.summary, users) : MessageFactory.text(r.text),
          );
        }
      }
      if (result.wake || opened) opts.wake?.();
    },
    true,
  );

  return app;
}
