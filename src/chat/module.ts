import type { Intent, Lang, Understanding } from '../language/types';
import type { Card, ChatResult, ChatTurn, IncomingFile, Services } from './types';

/**
 * What a capability of the chat registers with the router (chat/router.ts): its intents, its card actions, the
 * search of the message extension. Apart from the router so that a module and the router never import each other.
 */

export type IntentHandler = (services: Services, turn: ChatTurn, u: Understanding) => Promise<ChatResult> | ChatResult;
export type ActionHandler = (
  services: Services,
  turn: ChatTurn,
  data: Record<string, unknown>,
) => Promise<ChatResult> | ChatResult;

/** A search box's query (the message extension) -> results as view data (chat/search.ts). */
export type SearchHandler = (
  services: Services,
  turn: ChatTurn,
  query: string,
  paging: Paging,
) => Promise<SearchAnswer> | SearchAnswer;

/** Files a person sent (in a message, with or without words). */
export type FileHandler = (
  services: Services,
  turn: ChatTurn,
  files: readonly IncomingFile[],
) => Promise<ChatResult> | ChatResult;

export interface ChatModule {
  intents?: Partial<Record<Intent, IntentHandler>>;
  actions?: Record<string, ActionHandler>;
  search?: SearchHandler;
  file?: FileHandler;
}

export interface SearchResult {
  kind: 'indicator' | 'objective';
  /** The indicator's id, or the objective's number. */
  ref: string;
  title: string;
  subtitle: string;
  card: Card;
}

export interface SearchAnswer {
  lang: Lang;
  /** The results of the page asked for. */
  results: SearchResult[];
  /** How many results the query has in all. */
  total: number;
}

export interface Paging {
  skip: number;
  count: number;
}
