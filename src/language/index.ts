/**
 * language/: what an official wrote in chat -> an intent, its entities and its language. Pure and offline:
 * it reads the plan (for ids and the free-word index) and nothing else.
 *
 *   const nlu = createUnderstanding(plan);          // builds the search index once
 *   nlu.understand('<at>PEI Bot</at> ¿cómo va el objetivo 5?')
 *   // { lang: 'es', intent: 'objective-status', objective: 5, text: 'como va el objetivo 5' }
 */

import type { Plan } from '../domain/plan';
import { extractEntities, indexPlan, type Token } from './entities';
import { decide, languageFromTokens, languageToldByTokens } from './intents';
import { type Canon, hasGroup, makeCanonicalizer } from './lexicon';
import { cleanMessage, fold, normalizeText, tokenize } from './normalize';
import { MONTH_WORDS_EN, MONTH_WORDS_ES, NUMBER_WORDS_EN, NUMBER_WORDS_ES, parsePeriodToken } from './numbers';
import { createFreeWordSearch } from './search';
import type { Lang, SearchHit, Understander, Understanding } from './types';

export type { Intent, Lang, SearchHit, Understander, Understanding } from './types';
export { INTENTS } from './types';
export { cleanMessage, fold, normalizeText } from './normalize';

const COMPOSITE = /^(?:\d{4}-?m\d{1,2}|o\d{1,2}-\d{1,2})$/;
/** Longer messages are cut: nobody asks the bot a question in more than this. */
const MAX_INPUT = 2000;

/** Folded tokens with their keyword reading; composite ids and periods kept whole, "objetivo5" split. */
function readTokens(body: string, canonical: (t: string) => Canon): Token[] {
  const out: string[] = [];
  for (const t of tokenize(body)) {
    if (t.includes('-') || t.includes('/')) {
      if (COMPOSITE.test(t) || parsePeriodToken(t)) out.push(t);
      else out.push(...t.split(/[-/]+/).filter(Boolean));
      continue;
    }
    const m = /^([a-z]{3,})(\d{1,4})$/.exec(t);
    if (m) {
      const c = canonical(m[1]);
      if (hasGroup(c, 'obj') || hasGroup(c, 'ind') || hasGroup(c, 'meta') || hasGroup(c, 'proj')) {
        out.push(m[1], m[2]);
        continue;
      }
    }
    out.push(t);
  }
  return out.map((t) => ({ t, canon: canonical(t), used: false }));
}

/** The leftover words in the message's own spelling ("ana perez" -> "Ana Pérez"). */
function originalSpelling(body: string, folded: string[]): string {
  const wanted = new Set(folded);
  const words = body.match(/[\p{L}\p{N}][\p{L}\p{N}.'-]*/gu) ?? [];
  return words.filter((w) => wanted.has(fold(w))).join(' ');
}

export function createUnderstanding(plan: Plan): Understander {
  const search = createFreeWordSearch(plan);
  const planIndex = indexPlan(plan);
  const protectedWords = new Set<string>([
    ...search.vocabulary,
    ...NUMBER_WORDS_ES,
    ...NUMBER_WORDS_EN,
    ...MONTH_WORDS_ES,
    ...MONTH_WORDS_EN,
  ]);
  const canonical = makeCanonicalizer(protectedWords);

  function understand(input: string): Understanding {
    return read(input).u;
  }

  function read(input: string): { u: Understanding; tokens: Token[] } {
    const raw = (typeof input === 'string' ? input : String(input ?? '')).slice(0, MAX_INPUT);
    const clean = cleanMessage(raw);
    const tokens = readTokens(clean.body, canonical);
    const lang = languageFromTokens(tokens);
    const entities = extractEntities(tokens, planIndex);
    const decision = decide({
      tokens,
      entities,
      onlyQuestion: /\?/.test(clean.body) && tokens.length === 0,
      hasPerson: clean.people.length > 0,
      hasEmail: clean.email !== undefined,
      search,
    });

    const u: Understanding = { lang, intent: decision.intent, text: normalizeText(clean.display) };
    if (clean.display) u.original = clean.display;
    if (decision.greeting !== undefined) u.greeting = decision.greeting;
    if (decision.chooseObjective) u.chooseObjective = true;
    if (decision.outOfScope !== undefined)
      u.outOfScope = originalSpelling(clean.body, [decision.outOfScope]) || decision.outOfScope;
    if (decision.objective !== undefined) u.objective = decision.objective;
    if (decision.adminAction !== undefined) u.adminAction = decision.adminAction;
    if (decision.remindersAction !== undefined) u.remindersAction = decision.remindersAction;
    if (decision.indicatorId !== undefined) u.indicatorId = decision.indicatorId;
    if (decision.indicatorIds !== undefined && decision.indicatorIds.length > 0) u.indicatorIds = decision.indicatorIds;
    if (entities.period !== undefined) u.period = entities.period;
    if (entities.month !== undefined && entities.period === undefined) u.month = entities.month;
    if (entities.year !== undefined) u.year = entities.year;
    if (entities.day !== undefined && (u.month !== undefined || u.period !== undefined)) u.day = entities.day;
    if (clean.email !== undefined) u.email = clean.email;
    if (clean.people.length > 0) u.mentionsText = clean.people.join(', ');
    else if (decision.intent === 'assign-owner' && decision.leftover && decision.leftover.length > 0 && !clean.email) {
      const person = originalSpelling(clean.body, decision.leftover);
      if (person) u.mentionsText = person;
    }
    return { u, tokens };
  }

  const indicatorIds = plan.objectives.flatMap((o) => o.indicators.map((i) => i.id));
  const objectiveOf = new Map(plan.objectives.flatMap((o) => o.indicators.map((i) => [i.id, o.number] as const)));
  const objectiveIds = (n: number) => plan.objectives.find((o) => o.number === n)?.indicators.map((i) => i.id) ?? [];

  function searchText(input: string): SearchHit[] {
    const { u, tokens } = read(input);
    const out: SearchHit[] = [];
    const seen = new Set<string>();
    const add = (h: SearchHit) => {
      const key = h.kind === 'indicator' ? `i:${h.id}` : `o:${h.objective}`;
      if (seen.has(key)) return;
      if (h.kind === 'indicator' && !objectiveOf.has(h.id)) return; // a code the plan does not have
      if (h.kind === 'objective' && objectiveIds(h.objective).length === 0) return;
      seen.add(key);
      out.push(h);
    };
    // What the chat would answer comes first: the indicator or objective named, or found by its words.
    if (u.indicatorId) add({ kind: 'indicator', id: u.indicatorId });
    u.indicatorIds?.forEach((id) => add({ kind: 'indicator', id }));
    if (u.objective !== undefined) {
      add({ kind: 'objective', objective: u.objective });
      objectiveIds(u.objective).forEach((id) => add({ kind: 'indicator', id }));
    }
    // Then every other document the free words point to, and ids that begin with what was typed ("42" -> 4200…).
    const content = tokens
      .filter(
        (t) =>
          !t.used && !t.canon.keyword && !/^\d/.test(t.t) && !NUMBER_WORDS_ES.has(t.t) && !NUMBER_WORDS_EN.has(t.t),
      )
      .map((t) => t.t);
    for (const h of search.rank(content)) {
      add(h);
      if (h.kind === 'objective') objectiveIds(h.objective).forEach((id) => add({ kind: 'indicator', id }));
    }
    const typed = tokens.map((t) => t.t).filter((t) => /^(?:\d{2,}|o\d{1,2})/.test(t));
    for (const t of typed)
      indicatorIds.filter((id) => id.toLowerCase().startsWith(t)).forEach((id) => add({ kind: 'indicator', id }));
    return out;
  }

  return {
    understand(text: string): Understanding {
      try {
        return understand(text);
      } catch {
        // Never throw on a chat turn: an unreadable message is simply not understood.
        return { lang: 'es', intent: 'unknown', text: typeof text === 'string' ? normalizeText(text) : '' };
      }
    },
    search(text: string): SearchHit[] {
      try {
        return searchText(typeof text === 'string' ? text.slice(0, MAX_INPUT) : '');
      } catch {
        return [];
      }
    },
  };
}

/** The language of a message: 'en' when English words outnumber Spanish ones, else 'es'. No plan needed. */
export function languageOf(text: string): Lang {
  const canonical = defaultCanonicalizer ?? (defaultCanonicalizer = makeCanonicalizer(new Set()));
  const tokens = readTokens(cleanMessage(text ?? '').body, canonical);
  return languageFromTokens(tokens);
}
/** The language the words of a message tell, or null when none does ("4263", "plan"): then the bot keeps the
 * language the person last used. */
export function languageTold(text: string): Lang | null {
  const canonical = defaultCanonicalizer ?? (defaultCanonicalizer = makeCanonicalizer(new Set()));
  return languageToldByTokens(readTokens(cleanMessage(text ?? '').body, canonical));
}
let defaultCanonicalizer: ((t: string) => Canon) | undefined;
