import type { Intent, Understanding } from '../language/types';
import * as cards from '../views/cards';
import { ask, indicatorDetail, lagging, objectiveStatus, planSummary, viewContext } from './ask';
import { reply, type ChatResult, type ChatTurn, type Services } from './types';

/**
 * One entry point for text and one for card actions. Capabilities register their intents and verbs here,
 * so adding one (reports, digest) does not touch the others.
 */

export type IntentHandler = (services: Services, turn: ChatTurn, u: Understanding) => Promise<ChatResult> | ChatResult;
export type ActionHandler = (services: Services, turn: ChatTurn, data: Record<string, unknown>) => Promise<ChatResult> | ChatResult;

export interface ChatModule {
  intents?: Partial<Record<Intent, IntentHandler>>;
  actions?: Record<string, ActionHandler>;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The status questions' own buttons. */
const statusActions: Record<string, ActionHandler> = {
  'show-objective': (s, t, d) => objectiveStatus(s, t, Number(d.objective), typeof d.year === 'number' ? d.year : undefined),
  'show-indicator': (s, t, d) => indicatorDetail(s, t, str(d.indicatorId) ?? ''),
  'show-plan': (s, t) => planSummary(s, t),
  'show-lagging': (s, t) => lagging(s, t),
};

export class ChatRouter {
  private readonly intents = new Map<Intent, IntentHandler>();
  private readonly actions = new Map<string, ActionHandler>(Object.entries(statusActions));

  constructor(private readonly services: Services, modules: ChatModule[] = []) {
    for (const m of modules) {
      for (const [k, h] of Object.entries(m.intents ?? {})) this.intents.set(k as Intent, h!);
      for (const [k, h] of Object.entries(m.actions ?? {})) this.actions.set(k, h);
    }
  }

  understand(text: string): Understanding {
    return this.services.understanding.understand(text);
  }

  /** A chat message. `u` may be passed when the caller already read the text (to pick the reply language). */
  async text(turn: ChatTurn, text: string, u = this.understand(text)): Promise<ChatResult> {
    const handler = this.intents.get(u.intent);
    if (handler) return handler(this.services, turn, u);
    return (await ask(this.services, turn, u)) ?? reply.card(cards.notUnderstoodCard(u.original ?? u.text, await viewContext(this.services, turn)));
  }

  /** A card button or form: data.verb names the action; 'ask' replays a suggested question. */
  async action(turn: ChatTurn, data: Record<string, unknown>): Promise<ChatResult> {
    const verb = str(data.verb) ?? '';
    if (verb === 'ask' && typeof data.text === 'string') return this.text(turn, data.text);
    const handler = this.actions.get(verb);
    if (!handler) return reply.card(cards.notUnderstoodCard('', await viewContext(this.services, turn)));
    return handler(this.services, turn, data);
  }
}
