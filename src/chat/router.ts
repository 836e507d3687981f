import type { Intent, Understanding } from '../language/types';
import { notUnderstoodCard } from '../views/message-cards';
import { ask, indicatorDetail, lagging, objectiveStatus, planSummary, viewContext } from './ask';
import { reply, type ChatResult, type ChatTurn, type IncomingFile, type Services } from './types';
import { guardStore } from './store-failure';
import { StoreError } from '../store/errors';
import { catalog } from '../i18n';
import { cardOfPlan, planOfTurn, withPlan } from './plans';
import {
  VERB_REFRESH_INDICATOR,
  VERB_REFRESH_LAGGING,
  VERB_REFRESH_OBJECTIVE,
  VERB_REFRESH_PLAN,
} from '../views/verbs';
import type {
  ActionHandler,
  ChatModule,
  FileHandler,
  IntentHandler,
  Paging,
  SearchAnswer,
  SearchHandler,
} from './module';

export type { ActionHandler, ChatModule, IntentHandler, SearchHandler } from './module';

/**
 * One entry point for text and one for card actions. Capabilities register their intents and verbs here,
 * so adding one (reports, digest) does not touch the others.
 */

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The year a card's data names (a number, or digits as a client may send them back); undefined otherwise. */
const yearOf = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && /^\d{4}$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
};

/**
 * The status questions' own buttons, and the status cards' refresh (views/verbs.ts): a refresh draws the same
 * card (same objective, indicator and year) from the figures of this moment.
 */
const statusActions: Record<string, ActionHandler> = {
  'show-objective': (s, t, d) => objectiveStatus(s, t, Number(d.objective), yearOf(d.year)),
  'show-indicator': (s, t, d) => indicatorDetail(s, t, str(d.indicatorId) ?? ''),
  'show-plan': (s, t) => planSummary(s, t),
  'show-lagging': (s, t) => lagging(s, t),
  [VERB_REFRESH_OBJECTIVE]: (s, t, d) => objectiveStatus(s, t, Number(d.objective), yearOf(d.year)),
  [VERB_REFRESH_INDICATOR]: (s, t, d) => indicatorDetail(s, t, str(d.indicatorId) ?? '', yearOf(d.year)),
  [VERB_REFRESH_PLAN]: (s, t, d) => planSummary(s, t, yearOf(d.year)),
  [VERB_REFRESH_LAGGING]: (s, t, d) => lagging(s, t, yearOf(d.year)),
};

export class ChatRouter {
  private readonly intents = new Map<Intent, IntentHandler>();
  private readonly actions = new Map<string, ActionHandler>(Object.entries(statusActions));
  private searchHandler?: SearchHandler;
  private fileHandler?: FileHandler;

  constructor(
    private readonly services: Services,
    modules: ChatModule[] = [],
  ) {
    for (const m of modules) {
      for (const [k, h] of Object.entries(m.intents ?? {})) this.intents.set(k as Intent, h!);
      for (const [k, h] of Object.entries(m.actions ?? {})) this.actions.set(k, h);
      if (m.search) this.searchHandler = m.search;
      if (m.file) this.fileHandler = m.file;
    }
  }

  understand(text: string): Understanding {
    return this.services.understanding.understand(text);
  }

  /**
   * A chat message. `u` may be passed when the caller already read the text (to pick the reply language). The turn
   * is about the plan the text names («… del plan pei-2028-2031») or else the plan in force today (chat/plans.ts).
   */
  async text(turn: ChatTurn, text: string, given?: Understanding, cardPlan?: string): Promise<ChatResult> {
    return guardStore(turn, async () => {
      const scope = await planOfTurn(this.services, turn.now, text, cardPlan);
      if (!scope.ok) return reply.text(catalog(turn.lang).replies.unknownPlan(scope.got, scope.plans));
      const services = scope.services;
      const same = services === this.services && scope.text === text;
      const u = same && given ? given : services.understanding.understand(scope.text);
      const handler = this.intents.get(u.intent);
      const result = handler
        ? await handler(services, turn, u)
        : ((await ask(services, turn, u)) ??
          reply.card(notUnderstoodCard(u.original ?? u.text, await viewContext(services, turn))));
      return withPlan(result, services.plan.id);
    });
  }

  /** Files a person sent (the plan workbook); null when no module takes files (the message is read as text). */
  async file(turn: ChatTurn, files: readonly IncomingFile[]): Promise<ChatResult | null> {
    const handler = this.fileHandler;
    if (!handler || !files.length) return null;
    return guardStore(turn, async () => handler(this.services, turn, files));
  }

  /** Whether `verb` names an action of the chat (a card's button, form or refresh). */
  knows(verb: string): boolean {
    return verb === 'ask' || this.actions.has(verb);
  }

  /**
   * A search box's query (the message extension's): no results when no module searches. It searches the plan the
   * query names («4263 del plan pei-2028-2031»), else the plan in force today; the cards found carry that plan.
   */
  async search(turn: ChatTurn, query: string, paging: Paging = { skip: 0, count: 25 }): Promise<SearchAnswer> {
    const none: SearchAnswer = { lang: turn.lang, results: [], total: 0 };
    if (!this.searchHandler) return none;
    try {
      // The plan the query names («… del plan pei-2028-2031»), else the plan in force today: its indicators and owners.
      const scope = await planOfTurn(this.services, turn.now, query);
      if (!scope.ok) return none;
      const answer = await this.searchHandler(scope.services, turn, scope.text, paging);
      const plan = scope.services.plan.id;
      return {
        ...answer,
        results: answer.results.map((r) => ({ ...r, card: cardOfPlan(r.card, plan) })),
      };
    } catch (e) {
      if (e instanceof StoreError) return none; // the store is away: nothing found rather than an error box
      throw e;
    }
  }

  /**
   * A card button, form or refresh: data.verb names the action; 'ask' replays a suggested question. It answers for
   * the plan the card was drawn for (data.plan, which every card's actions carry), else the plan in force today (a
   * card sent before cards carried their plan).
   */
  async action(turn: ChatTurn, data: Record<string, unknown>): Promise<ChatResult> {
    const verb = str(data.verb) ?? '';
    const plan = str(data.plan)?.slice(0, 100);
    if (verb === 'ask' && typeof data.text === 'string') return this.text(turn, data.text, undefined, plan);
    return guardStore(
      turn,
      async () => {
        const scope = await planOfTurn(this.services, turn.now, '', plan);
        if (!scope.ok) return reply.text(catalog(turn.lang).replies.unknownPlan(scope.got, scope.plans));
        const services = scope.services;
        const handler = this.actions.get(verb);
        const result = handler
          ? await handler(services, turn, data)
          : reply.card(notUnderstoodCard('', await viewContext(services, turn)));
        return withPlan(result, services.plan.id);
      },
      verb,
    );
  }
}
