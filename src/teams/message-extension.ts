import {
  ActivityTypes,
  CardFactory,
  type MessagingExtensionAttachment,
  type MessagingExtensionResult,
  type TurnContext,
} from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { ChatRouter } from '../chat/router';
import { localeLang, setTurnLang, turnOf } from './activity';
import { stampLang } from './deliver';
import type { PeopleDirectory } from './people';

/**
 * The search message extension (the manifest's composeExtensions, teamsapp/manifest.json): Teams sends
 * `composeExtension/query` as the user types in the compose box or the command box; the answer is a list of
 * results, each the indicator's or objective's Adaptive Card with a thumbnail preview (title; status and progress).
 * Picking a result inserts its card in the chat, channel or meeting chat being written in: Teams inserts the
 * attachment itself, so no `selectItem` round trip is needed. The chat logic (chat/search.ts) finds the results;
 * this file only wraps them as Teams wants them.
 */

/** The manifest's command id and its one parameter. */
export const SEARCH_COMMAND_ID = 'searchPlan';
export const SEARCH_PARAMETER = 'query';
/** Teams' own parameter when the command opens (`initialRun: true` in the manifest): the empty query. */
const INITIAL_RUN = 'initialRun';

/** A result card inserted by the message extension may be at most 28 KB (Teams' limit). */
export const MAX_RESULT_CARD_BYTES = 28 * 1024;

/**
 * Selects our command's query invokes, and first puts the invoke's value in the shape teams-ai reads (it flattens
 * `parameters` and `queryOptions` before our handler runs, and a `null` among the parameters would fail the turn
 * and post an apology in the chat): parameters that are not `{name: string}` objects are dropped, paging that is
 * not an object is forgotten (teams-ai then asks for the first 25).
 */
async function isSearchQuery(context: TurnContext): Promise<boolean> {
  const a = context.activity;
  if (a.type !== ActivityTypes.Invoke || a.name !== 'composeExtension/query') return false;
  const value = (a.value && typeof a.value === 'object' ? a.value : {}) as Record<string, unknown>;
  const parameters = Array.isArray(value.parameters) ? value.parameters : [];
  a.value = {
    ...value,
    parameters: parameters.filter(
      (p): p is { name: string } => !!p && typeof p === 'object' && typeof (p as { name?: unknown }).name === 'string',
    ),
    queryOptions: value.queryOptions && typeof value.queryOptions === 'object' ? value.queryOptions : {},
  };
  return value.commandId === SEARCH_COMMAND_ID;
}

function bytesOf(card: object): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

export function registerMessageExtension(
  app: Application<TurnState>,
  opts: { router: ChatRouter; clock: () => Date; people?: PeopleDirectory },
): void {
  app.messageExtensions.query(isSearchQuery, async (context, _state, query): Promise<MessagingExtensionResult> => {
    const params = query.parameters as Record<string, unknown>;
    const typed = params[SEARCH_PARAMETER];
    const text = typeof typed === 'string' && params[INITIAL_RUN] === undefined ? typed : '';
    const turn = turnOf(context, localeLang(context.activity), opts.clock());
    // The opening list is the person's own indicators: an owner assigned by e-mail is known by it.
    turn.actor.email = await opts.people?.learnEmail(context);
    const answer = await opts.router.search(turn, text, { skip: query.skip, count: query.count });
    setTurnLang(context, answer.lang);
    const attachments: MessagingExtensionAttachment[] = [];
    for (const r of answer.results) {
      const card = stampLang(r.card, answer.lang);
      // Never offer a card Teams would refuse to insert.
      if (bytesOf(card) > MAX_RESULT_CARD_BYTES) continue;
      attachments.push({
        ...CardFactory.adaptiveCard(card),
        preview: CardFactory.thumbnailCard(r.title, [], [], { subtitle: r.subtitle }),
      });
    }
    return { type: 'result', attachmentLayout: 'list', attachments };
  });
}
