/**
 * Free words -> indicators or objectives: a small synonym table first, then MiniSearch (fuzzy + prefix,
 * accent-folded, stop words removed, plural-folded) over indicator names, meta texts and objective names.
 */

import MiniSearch from 'minisearch';
import { distance } from 'fastest-levenshtein';
import type { Plan } from '../domain/plan';
import { fold } from './normalize';
import { maxTypoDistance, STOP_EN, STOP_ES } from './lexicon';

export type FreeWordMatch =
  | { kind: 'indicator'; id: string }
  | { kind: 'objective'; objective: number; ids: string[] }
  | { kind: 'several'; ids: string[] };

/** One entry of a ranked search. */
export type RankedHit = { kind: 'indicator'; id: string } | { kind: 'objective'; objective: number };

interface Synonym {
  /** Folded phrases, words separated by one space. */
  phrases: string[];
  indicators?: string[];
  objective?: number;
}

/** Words officials use for things whose plan wording differs. Targets missing from the plan are ignored. */
export const SYNONYMS: readonly Synonym[] = [
  {
    phrases: [
      'csirt',
      'ciberseguridad',
      'ciber seguridad',
      'seguridad digital',
      'incidentes',
      'incidente',
      'cybersecurity',
      'incidents',
      'security incidents',
    ],
    indicators: ['4234'],
  },
  { phrases: ['nodos digitales', 'nodo digital', 'nodos', 'digital nodes'], indicators: ['4236'] },
  {
    phrases: [
      'archivo',
      'archivos',
      'archivo de bogota',
      'memoria historica',
      'documentos',
      'patrimonio documental',
      'documental',
      'archive',
      'archives',
      'records',
    ],
    objective: 9,
  },
  {
    phrases: [
      'cade',
      'cades',
      'supercade',
      'red cade',
      'canales de atencion',
      'canal de atencion',
      'atencion a la ciudadania',
      'service channels',
    ],
    indicators: ['4267'],
  },
  { phrases: ['portal', 'tramites', 'portal de tramites', 'portal web', 'procedures'], indicators: ['4263'] },
  { phrases: ['victimas', 'paz', 'reconciliacion', 'conflicto armado', 'victims', 'peace'], objective: 1 },
  {
    phrases: [
      'internacional',
      'cooperacion',
      'cooperacion internacional',
      'internacionalizacion',
      'international',
      'cooperation',
    ],
    objective: 4,
  },
  { phrases: ['innovacion', 'innovacion publica', 'ibo', 'laboratorio de innovacion', 'innovation'], objective: 6 },
  { phrases: ['mipg', 'modelo integrado de planeacion y gestion'], indicators: ['8098-M4'] },
  { phrases: ['gobierno abierto', 'open government'], indicators: ['4200'] },
  { phrases: ['transporte', 'cafeteria', 'transport'], indicators: ['O10-1'] },
  // The English side of a few plan words, for questions asked in English.
  { phrases: ['campaigns', 'campaign', 'communication campaigns'], indicators: ['8116-M3'] },
  { phrases: ['public communication', 'communications'], objective: 3 },
  { phrases: ['digital transformation'], indicators: ['4244', '8110-M3'] },
  { phrases: ['data infrastructure'], indicators: ['4237'] },
  { phrases: ['prototypes', 'prototype'], indicators: ['4248'] },
  { phrases: ['integrity', 'transparency'], objective: 8 },
];

/** Light plural folding shared by the index and the queries: "digitales" -> "digital", "nodos" -> "nodo". */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('es') && /[lnrdzj]$/.test(word.slice(0, -2))) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('is') && !word.endsWith('us'))
    return word.slice(0, -1);
  return word;
}

function processTerm(term: string): string | null {
  const f = fold(term);
  if (f.length < 2 || STOP_ES.has(f) || STOP_EN.has(f) || /^\d+$/.test(f)) return null;
  return stem(f);
}

/** One bit per letter a..z (other characters share bit 26). */
function letterMask(word: string): number {
  let m = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) - 97;
    m |= 1 << (c >= 0 && c < 26 ? c : 26);
  }
  return m;
}

function popcount(n: number): number {
  let c = 0;
  for (let v = n >>> 0; v; v &= v - 1) c++;
  return c;
}

interface Expansion {
  term: string;
  weight: number;
  /** Exact or prefix match (a typo match is not solid). */
  solid: boolean;
}

interface Scored {
  kind: 'indicator' | 'objective';
  ref: string;
  objective: number;
  score: number;
}

/** MiniSearch's default weights for prefix and fuzzy matches. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

interface Doc {
  id: string;
  kind: 'indicator' | 'objective';
  ref: string;
  objective: number;
  name: string;
  text: string;
  keywords: string;
}

/** How many query words a free-word phrase must have matched: at least half of them. */
const MIN_COVERAGE = 0.5;
/** A single result wins outright when it scores this many times the runner-up. */
const CLEAR_LEAD = 1.5;
/** Results within this fraction of the best one are offered as choices. */
const NEAR = 0.6;
const MAX_CHOICES = 5;
/** Words every part of the plan is about: they never point anywhere by themselves. */
const GENERIC: ReadonlySet<string> = new Set(
  'bogota distrito distrital capital ciudad ciudadania ciudadano secretaria alcaldia mayor administracion entidad publico publica servicio implementar fortalecer'
    .split(' ')
    .map(stem),
);
/** A word in more than this share of the documents is too common to point anywhere by itself. */
const COMMON_SHARE = 0.2;

export interface FreeWordSearch {
  /** Matches folded content words (stop words and command words already removed). */
  match(words: string[]): FreeWordMatch | undefined;
  /** Every indicator and objective the words point to, best first (the message extension's results). */
  rank(words: string[]): RankedHit[];
  /** The synonym table alone; `used` receives the positions (in `words`) of the words it recognised. */
  synonyms(words: string[], used: Set<number>): FreeWordMatch | undefined;
  /** Every folded word of the plan's texts (protected from being read as a typo of a command word). */
  vocabulary: ReadonlySet<string>;
}

export function createFreeWordSearch(plan: Plan): FreeWordSearch {
  const indicatorIds = new Set<string>();
  const byObjective = new Map<number, string[]>();
  for (const o of plan.objectives) {
    byObjective.set(
      o.number,
      o.indicators.map((i) => i.id),
    );
    o.indicators.forEach((i) => indicatorIds.add(i.id));
  }

  const synonyms = SYNONYMS.map((s) => ({
    words: s.phrases.map((p) => p.split(' ').map(stem)),
    indicators: (s.indicators ?? []).filter((id) => indicatorIds.has(id)),
    objective: s.objective !== undefined && byObjective.has(s.objective) ? s.objective : undefined,
  })).filter((s) => s.indicators.length > 0 || s.objective !== undefined);

  const keywordsFor = (kind: 'indicator' | 'objective', ref: string): string =>
    SYNONYMS.filter((s) => (kind === 'indicator' ? s.indicators?.includes(ref) : String(s.objective) === ref))
      .flatMap((s) => s.phrases)
      .join(' ');

  const docs: Doc[] = [];
  for (const o of plan.objectives) {
    docs.push({
      id: `o:${o.number}`,
      kind: 'objective',
      ref: String(o.number),
      objective: o.number,
      name: o.shortName,
      text: o.name,
      keywords: keywordsFor('objective', String(o.number)),
    });
    for (const i of o.indicators) {
      docs.push({
        id: `i:${i.id}`,
        kind: 'indicator',
        ref: i.id,
        objective: o.number,
        name: i.name,
        text: [i.meta.text, i.area ?? ''].join(' '),
        keywords: keywordsFor('indicator', i.id),
      });
    }
  }

  const index = new MiniSearch<Doc>({
    fields: ['name', 'text', 'keywords'],
    storeFields: ['kind', 'ref', 'objective'],
    processTerm,
    searchOptions: { boost: { name: 2, text: 1, keywords: 2 }, combineWith: 'OR' },
  });
  index.addAll(docs);

  // Words found in many documents ("bogota", "distrital", "publica") do not, alone, point anywhere.
  const docFrequency = new Map<string, number>();
  for (const d of docs) {
    const terms = new Set<string>();
    for (const field of [d.name, d.text, d.keywords]) {
      for (const w of field.split(/[\n\r\p{Z}\p{P}]+/u)) {
        const t = processTerm(w);
        if (t) terms.add(t);
      }
    }
    terms.forEach((t) => docFrequency.set(t, (docFrequency.get(t) ?? 0) + 1));
  }
  const commonLimit = Math.max(4, Math.ceil(docs.length * COMMON_SHARE));
  const isCommon = (term: string): boolean => GENERIC.has(term) || (docFrequency.get(term) ?? 0) > commonLimit;

  const terms = [...docFrequency.keys()].map((t) => ({ t, mask: letterMask(t) }));
  const termSet = new Set(docFrequency.keys());
  /** Index terms a query word may stand for, weighted like MiniSearch's prefix and fuzzy matches. */
  const expand = (q: string): Expansion[] => {
    const out: Expansion[] = [];
    if (termSet.has(q)) out.push({ term: q, weight: 1, solid: true });
    if (q.length < 4) return out;
    const limit = q.length <= 5 ? 1 : 2;
    const qMask = letterMask(q);
    for (const { t, mask } of terms) {
      if (t === q) continue;
      if (t.startsWith(q)) {
        const gap = t.length - q.length;
        out.push({ term: t, weight: (PREFIX_WEIGHT * t.length) / (t.length + 0.3 * gap), solid: true });
        continue;
      }
      if (Math.abs(t.length - q.length) > limit || t.length < 4) continue;
      // Each edit brings in at most one letter the other word lacks: a cheap test before the real distance.
      if (popcount(mask & ~qMask) > limit || popcount(qMask & ~mask) > limit) continue;
      const d = distance(q, t);
      if (d <= Math.min(limit, maxTypoDistance(q, t))) {
        out.push({ term: t, weight: (FUZZY_WEIGHT * t.length) / (t.length + d), solid: false });
      }
    }
    return out;
  };

  const vocabulary = new Set<string>();
  const addWords = (s: string) => {
    for (const w of fold(s).match(/[\p{L}]+/gu) ?? []) if (w.length >= 3) vocabulary.add(w);
  };
  for (const d of docs) {
    addWords(d.name);
    addWords(d.text);
    addWords(d.keywords);
  }

  // A typed word matches a synonym word when it is that word, or a typo of it (words of 5+ letters).
  const wordMatches = (typed: string, wanted: string): boolean =>
    typed === wanted ||
    (typed.length >= 5 &&
      wanted.length >= 5 &&
      Math.abs(wanted.length - typed.length) <= 2 &&
      distance(typed, wanted) <= maxTypoDistance(typed, wanted));

  function matchSynonyms(stems: string[], used = new Set<number>()): FreeWordMatch | undefined {
    const hitIndicators: string[] = [];
    const hitObjectives: number[] = [];
    for (let i = 0; i < stems.length; i++) {
      if (used.has(i)) continue;
      let bestLen = 0;
      let best: (typeof synonyms)[number] | undefined;
      for (const s of synonyms) {
        for (const phrase of s.words) {
          if (phrase.length <= bestLen || i + phrase.length > stems.length) continue;
          if (phrase.every((w, k) => wordMatches(stems[i + k], w))) {
            bestLen = phrase.length;
            best = s;
          }
        }
      }
      if (best) {
        for (let k = 0; k < bestLen; k++) used.add(i + k);
        best.indicators.forEach((id) => hitIndicators.includes(id) || hitIndicators.push(id));
        if (best.objective !== undefined && !hitObjectives.includes(best.objective)) hitObjectives.push(best.objective);
      }
    }
    if (hitIndicators.length === 0 && hitObjectives.length === 0) return undefined;
    // An indicator named inside an objective that is also named: the indicator is the more precise answer.
    const objectives = hitObjectives.filter((n) => !hitIndicators.some((id) => byObjective.get(n)!.includes(id)));
    if (objectives.length === 0 && hitIndicators.length === 1) return { kind: 'indicator', id: hitIndicators[0] };
    if (objectives.length === 1 && hitIndicators.length === 0) {
      return { kind: 'objective', objective: objectives[0], ids: byObjective.get(objectives[0])! };
    }
    const ids = [...hitIndicators, ...objectives.flatMap((n) => byObjective.get(n)!)];
    return ids.length === 1 ? { kind: 'indicator', id: ids[0] } : { kind: 'several', ids };
  }

  /** The documents the stems point to, best first (MiniSearch's scores, the coverage rules below). */
  function scored(stems: string[]): Scored[] {
    const needed = Math.max(1, Math.ceil(stems.length * MIN_COVERAGE));
    const single = stems.length === 1;
    // Expand each query word to the index terms it may stand for (itself, words it begins, typos of it), then let
    // MiniSearch score those terms (BM25 with field boosts), each weighted as MiniSearch weighs prefix/fuzzy hits.
    const origin = new Map<string, { q: string; solid: boolean }[]>();
    const queries: { queries: string[]; boostTerm: () => number }[] = [];
    for (const q of new Set(stems)) {
      for (const x of expand(q)) {
        const list = origin.get(x.term) ?? [];
        list.push({ q, solid: x.solid });
        origin.set(x.term, list);
        queries.push({ queries: [x.term], boostTerm: () => x.weight });
      }
    }
    if (queries.length === 0) return [];
    const raw = index.search(
      { combineWith: 'OR', queries },
      { fuzzy: false, prefix: false, processTerm: (t: string) => t },
    );
    const results: Scored[] = [];
    for (const r of raw) {
      // Each query word counts 1 when a document has it (or a word it begins), 1/2 when only a typo-distance away;
      // words common to much of the plan never count alone.
      const solidity = new Map<string, boolean>();
      for (const term of r.queryTerms) {
        for (const o of origin.get(term) ?? []) solidity.set(o.q, (solidity.get(o.q) ?? false) || o.solid);
      }
      let credit = 0;
      let specific = false;
      for (const [q, solid] of solidity) {
        credit += solid || single ? 1 : 0.5;
        if (!isCommon(q)) specific = true;
      }
      if (!specific || credit < needed) continue;
      const score = (r.score / Math.max(1, r.queryTerms.length)) * solidity.size;
      results.push({ kind: r.kind as Doc['kind'], ref: r.ref as string, objective: r.objective as number, score });
    }
    results.sort((a, b) => b.score - a.score);
    return results;
  }

  const stemsOf = (words: string[]) =>
    words
      .map(fold)
      .filter((w) => w.length >= 2 && !STOP_ES.has(w) && !STOP_EN.has(w))
      .map(stem);

  function match(words: string[]): FreeWordMatch | undefined {
    const stems = stemsOf(words);
    if (stems.length === 0) return undefined;
    const syn = matchSynonyms(stems);
    if (syn) return syn;
    const results = scored(stems);
    if (results.length === 0) return undefined;
    const top = results[0];
    const second = results[1];
    const asMatch = (r: Scored): FreeWordMatch =>
      r.kind === 'indicator'
        ? { kind: 'indicator', id: r.ref }
        : { kind: 'objective', objective: r.objective, ids: byObjective.get(r.objective)! };
    if (!second || top.score >= CLEAR_LEAD * second.score) return asMatch(top);

    const near = results.filter((r) => r.score >= NEAR * top.score);
    const objectivesNear = new Set(near.map((r) => r.objective));
    if (objectivesNear.size === 1) {
      const n = [...objectivesNear][0];
      const inds = near.filter((r) => r.kind === 'indicator');
      // Most of an objective's indicators, or the objective itself among the best: the objective is meant.
      if (near.some((r) => r.kind === 'objective') || inds.length >= Math.ceil(byObjective.get(n)!.length / 2)) {
        return { kind: 'objective', objective: n, ids: byObjective.get(n)! };
      }
    }
    const ids: string[] = [];
    for (const r of near) {
      if (r.kind === 'indicator' && !ids.includes(r.ref)) ids.push(r.ref);
    }
    if (ids.length === 0) return asMatch(top);
    if (ids.length === 1) return { kind: 'indicator', id: ids[0] };
    return { kind: 'several', ids: ids.slice(0, MAX_CHOICES) };
  }

  function synonymsOnly(words: string[], used: Set<number>): FreeWordMatch | undefined {
    return matchSynonyms(
      words.map((w) => stem(fold(w))),
      used,
    );
  }

  /** Every document the words point to, best first: what a synonym names, then MiniSearch's ranking. */
  function rank(words: string[]): RankedHit[] {
    const stems = stemsOf(words);
    if (stems.length === 0) return [];
    const out: RankedHit[] = [];
    const seen = new Set<string>();
    const add = (h: RankedHit) => {
      const key = h.kind === 'indicator' ? `i:${h.id}` : `o:${h.objective}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(h);
      }
    };
    const syn = matchSynonyms(stems);
    if (syn?.kind === 'indicator') add({ kind: 'indicator', id: syn.id });
    else if (syn?.kind === 'objective') add({ kind: 'objective', objective: syn.objective });
    else if (syn?.kind === 'several') syn.ids.forEach((id) => add({ kind: 'indicator', id }));
    for (const r of scored(stems))
      add(r.kind === 'indicator' ? { kind: 'indicator', id: r.ref } : { kind: 'objective', objective: r.objective });
    return out;
  }

  return { match, rank, synonyms: synonymsOnly, vocabulary };
}
