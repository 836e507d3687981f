import { formatPercent, mineStrings, truncate } from '../i18n';
import { languageTold } from '../language';
import type { Lang, SearchHit } from '../language/types';
import { statusText } from '../views/format';
import { dueText, statusLine } from '../views/mine-cards';
import { fitCard } from '../views/fit';
import { chatPeriod, indicatorDetail, objectiveStatus } from './ask';
import { ownedList } from './mine';
import type { ChatModule, Paging, SearchAnswer, SearchResult } from './module';
import type { ChatTurn, Services } from './types';

/**
 * The search behind the message extension (Teams' compose box): a query -> indicators and objectives, each with
 * the card the chat shows for it and the title and subtitle of its preview. Plain view data: the Teams layer
 * (teams/message-extension.ts) wraps it as Teams wants it.
 *
 * - The query is read as the chat reads a message (language/: ids, «objetivo cinco», synonyms such as «CSIRT»,
 *   free words with typos), so «CSIRT» puts 4234 first and «objetivo 5» objective 5 (then its indicators).
 * - An empty query lists the indicators the person owns (with the month due, as «mis indicadores» does), or,
 *   for someone who owns none, the plan's objectives.
 * - The cards are drawn for whoever will read them in the chat they are inserted into, not for the person who
 *   searched: no «Reportar avance» or review buttons (those depend on the reader's rights).
 * - A card over 28 KB (an indicator with long report texts) has its longest texts shortened (views/fit.ts).
 * - Results come in the language the query's words tell, else the client's (turn.lang, from its locale).
 */

/** The most results one answer holds (Teams asks for 25 at a time; a larger count is cut to this). */
export const MAX_RESULTS = 25;
/** A message extension's result card may be at most 28 KB (Teams' limit); a little room is kept for the language stamps. */
export const MAX_RESULT_CARD_BYTES = 27 * 1024;
/** Characters of a name kept in a preview's title. */
const MAX_TITLE_NAME = 80;

/** A reader without rights: the cards it gets have no buttons that depend on who taps them. */
const READER = { id: 'message-extension-reader', name: '' };

export async function search(
  services: Services,
  turn: ChatTurn,
  query: string,
  paging: Paging = { skip: 0, count: MAX_RESULTS },
): Promise<SearchAnswer> {
  const text = (typeof query === 'string' ? query : '').slice(0, 200).trim();
  const lang: Lang = (text && languageTold(text)) || turn.lang;
  const t: ChatTurn = { ...turn, lang };
  const m = mineStrings(lang);
  const { year, asOf } = chatPeriod(turn.now, undefined, {}, services.plan.period);
  const figures = await services.status.figures(year, asOf);
  const reader: ChatTurn = { ...t, actor: READER };

  const indicatorResult = async (id: string, subtitle?: string): Promise<SearchResult | null> => {
    const o = services.plan.objectives.find((x) => x.indicators.some((i) => i.id === id));
    const fig = o && figures.objectives[o.number - 1].indicators.find((f) => f.indicator.id === id);
    if (!fig) return null;
    const card = (await indicatorDetail(services, reader, id)).replies[0];
    if (!card || !('card' in card)) return null;
    return {
      kind: 'indicator',
      ref: id,
      title: m.previewIndicatorTitle(id, truncate(fig.indicator.name, MAX_TITLE_NAME)),
      subtitle: subtitle ?? m.previewSubtitle(statusText(fig, lang), formatPercent(fig.progress, lang), year),
      card: fitCard(card.card, MAX_RESULT_CARD_BYTES),
    };
  };
  const objectiveResult = async (n: number): Promise<SearchResult | null> => {
    const o = services.plan.objectives.find((x) => x.number === n);
    const fig = figures.objectives[n - 1];
    if (!o || !fig) return null;
    const card = (await objectiveStatus(services, reader, n)).replies[0];
    if (!card || !('card' in card)) return null;
    return {
      kind: 'objective',
      ref: String(n),
      title: m.previewObjectiveTitle(n, o.shortName),
      subtitle: m.previewSubtitle(statusText(fig, lang), formatPercent(fig.progress, lang), year),
      card: fitCard(card.card, MAX_RESULT_CARD_BYTES),
    };
  };

  // What the results are, before any card is drawn: only the page asked for is drawn.
  let hits: { hit: SearchHit; subtitle?: string }[];
  if (!text) {
    const own = await ownedList(services, t);
    hits = own.items.length
      ? own.items.map((it) => ({
          hit: { kind: 'indicator', id: it.indicator.id },
          subtitle: m.previewOwnSubtitle(statusLine(it.figures, lang), dueText(it.due, lang)),
        }))
      : services.plan.objectives.map((o) => ({ hit: { kind: 'objective', objective: o.number } }));
  } else {
    hits = services.understanding.search(text).map((hit) => ({ hit }));
  }
  const skip = Number.isInteger(paging.skip) && paging.skip > 0 ? paging.skip : 0;
  const count = Number.isInteger(paging.count) && paging.count > 0 ? Math.min(paging.count, MAX_RESULTS) : MAX_RESULTS;
  const results: SearchResult[] = [];
  for (const { hit, subtitle } of hits.slice(skip, skip + count)) {
    const r = hit.kind === 'indicator' ? await indicatorResult(hit.id, subtitle) : await objectiveResult(hit.objective);
    if (r) results.push(r);
  }
  return { lang, results, total: hits.length };
}

export const searchModule: ChatModule = { search };
