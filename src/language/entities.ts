/**
 * Entities named explicitly: objective numbers, indicator ids (codes, sectoral meta numbers, project metas,
 * objective 10's O10-n), months and years. Works on folded tokens and marks the ones it consumes.
 */

import type { Plan } from '../domain/plan';
import { type Canon, hasGroup } from './lexicon';
import {
  formatPeriod,
  monthOf,
  parseCardinal,
  parseObjectiveNumber,
  parseOrdinal,
  parsePeriodToken,
  parseYear,
} from './numbers';

export interface Token {
  /** Folded token. */
  t: string;
  canon: Canon;
  used: boolean;
}

export interface Entities {
  objective?: number;
  /** Explicit indicator ids (plan ids, or codes as written when unknown), in the order named. */
  indicators: string[];
  /** Several indicators meant by one reference ("proyecto 8116", "meta 3"). */
  choices: string[];
  period?: string;
  month?: number;
  year?: number;
  /** A day of the month named with the month ("al 31 de marzo", "as of March 31"). */
  day?: number;
}

export interface PlanIndex {
  /** Lower-cased id -> id as the plan spells it. */
  byId: Map<string, string>;
  /** Sectoral meta number -> indicator id ("2339" -> "4263"). */
  bySectoralMeta: Map<string, string>;
  /** Project number -> its indicator ids ("8116" -> ["8116-M3", "8116-M4"]). */
  byProject: Map<string, string[]>;
  /** Printed number of a project meta or indicator ("3") -> ids, with their objective. */
  byPrintedNumber: Map<string, { id: string; objective: number }[]>;
}

export function indexPlan(plan: Plan): PlanIndex {
  const byId = new Map<string, string>();
  const bySectoralMeta = new Map<string, string>();
  const byProject = new Map<string, string[]>();
  const byPrintedNumber = new Map<string, { id: string; objective: number }[]>();
  for (const o of plan.objectives) {
    for (const i of o.indicators) {
      byId.set(i.id.toLowerCase(), i.id);
      if (i.meta.kind === 'sectorial' && i.meta.number) bySectoralMeta.set(i.meta.number, i.id);
      if (i.meta.project) {
        const list = byProject.get(i.meta.project) ?? [];
        list.push(i.id);
        byProject.set(i.meta.project, list);
      }
      const small = i.meta.kind === 'proyecto' ? i.meta.number : i.printedNumber;
      if (small && /^\d{1,2}$/.test(small)) {
        const list = byPrintedNumber.get(small) ?? [];
        list.push({ id: i.id, objective: o.number });
        byPrintedNumber.set(small, list);
      }
    }
  }
  return { byId, bySectoralMeta, byProject, byPrintedNumber };
}

const SKIP_AFTER_KEYWORD = new Set([
  'no',
  'n',
  'nr',
  'numero',
  'number',
  'nro',
  'num',
  '#',
  'estrategico',
  'strategic',
  'sectorial',
]);
const CONNECTORS = new Set(['de', 'del', 'of', 'el', 'la', 'the', 'for', 'en', 'in', 'a']);

function isObj(tok: Token | undefined): boolean {
  return tok !== undefined && hasGroup(tok.canon, 'obj');
}
function isInd(tok: Token | undefined): boolean {
  return tok !== undefined && (hasGroup(tok.canon, 'ind') || hasGroup(tok.canon, 'meta'));
}
function isProj(tok: Token | undefined): boolean {
  return tok !== undefined && hasGroup(tok.canon, 'proj');
}

/** Index of the first token at or after `from` that is not a number mark ("#", "número", "no."), at most 2 skipped. */
function afterMarks(tokens: Token[], from: number): number {
  let j = from;
  while (j < tokens.length && j < from + 2 && SKIP_AFTER_KEYWORD.has(tokens[j].t)) j++;
  return j;
}

function addUnique(list: string[], id: string): void {
  if (!list.includes(id)) list.push(id);
}

export function extractEntities(tokens: Token[], plan: PlanIndex): Entities {
  const e: Entities = { indicators: [], choices: [] };
  const use = (...idx: number[]) => idx.forEach((i) => (tokens[i].used = true));
  const setPeriod = (year: number, month: number) => {
    if (e.period === undefined) {
      e.period = formatPeriod(year, month);
      e.year = year;
    }
  };

  // Periods written in one token, then "junio 2025" / "junio de 2025" / "june, 2025".
  tokens.forEach((tok, i) => {
    const p = parsePeriodToken(tok.t);
    if (p) {
      setPeriod(p.year, p.month);
      use(i);
    }
  });
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].used) continue;
    if (monthOf(tokens[i].t, true) === undefined) continue;
    // A day written after the month ("March 31", "march 31st, 2025") is skipped over to find the year.
    const dayAfter = i + 1 < tokens.length && !tokens[i + 1].used ? dayOf(tokens[i + 1].t) : undefined;
    let j = dayAfter !== undefined ? i + 2 : i + 1;
    while (j < tokens.length && j <= i + 3 && (tokens[j].t === 'de' || tokens[j].t === 'del' || tokens[j].t === 'of'))
      j++;
    const year = j < tokens.length && !tokens[j].used ? parseYear(tokens[j].t) : undefined;
    const month = monthOf(tokens[i].t, year !== undefined);
    if (month === undefined) continue;
    const before = dayBefore(tokens, i);
    if (before) {
      e.day ??= before.day;
      use(before.index);
    } else if (dayAfter !== undefined) {
      e.day ??= dayAfter;
      use(i + 1);
    }
    if (year !== undefined) {
      setPeriod(year, month);
      for (let k = i; k <= j; k++) use(k);
    } else {
      e.month ??= month;
      use(i);
    }
  }

  // Composite indicator ids: 8116-M3, 8116m3, "8116 m3", O10-1.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].t;
    let m = /^(\d{4})-?m(\d{1,2})$/.exec(t);
    if (m) {
      addUnique(e.indicators, resolveProjectMeta(plan, m[1], m[2]));
      use(i);
      continue;
    }
    m = /^(\d{4})$/.exec(t);
    const next = tokens[i + 1]?.t ?? '';
    const mm = /^m(\d{1,2})$/.exec(next);
    if (m && mm) {
      addUnique(e.indicators, resolveProjectMeta(plan, m[1], mm[1]));
      use(i, i + 1);
      continue;
    }
    m = /^o(\d{1,2})-(\d{1,2})$/.exec(t);
    if (m) {
      const id = `O${Number(m[1])}-${Number(m[2])}`;
      addUnique(e.indicators, plan.byId.get(id.toLowerCase()) ?? id);
      use(i);
    }
  }

  // "meta 3 (del) proyecto 8116", "proyecto 8116 meta 3", "goal 3 of project 8116".
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].used) continue;
    if (isInd(tokens[i])) {
      const n = afterMarks(tokens, i + 1);
      const small = tokens[n] && !tokens[n].used ? parseCardinal(tokens[n].t) : undefined;
      if (small === undefined) continue;
      let p = n + 1;
      while (p < tokens.length && p <= n + 2 && CONNECTORS.has(tokens[p].t)) p++;
      if (isProj(tokens[p]) && /^\d{4}$/.test(tokens[p + 1]?.t ?? '')) {
        addUnique(e.indicators, resolveProjectMeta(plan, tokens[p + 1].t, String(small)));
        for (let k = i; k <= p + 1; k++) use(k);
      }
    } else if (isProj(tokens[i]) && /^\d{4}$/.test(tokens[i + 1]?.t ?? '')) {
      let k = i + 2;
      while (k < tokens.length && k <= i + 3 && CONNECTORS.has(tokens[k].t)) k++;
      if (isInd(tokens[k])) {
        const n = afterMarks(tokens, k + 1);
        const small = tokens[n] ? parseCardinal(tokens[n].t) : undefined;
        if (small !== undefined) {
          addUnique(e.indicators, resolveProjectMeta(plan, tokens[i + 1].t, String(small)));
          for (let q = i; q <= n; q++) use(q);
          continue;
        }
      }
      const ids = plan.byProject.get(tokens[i + 1].t);
      if (ids && ids.length === 1) addUnique(e.indicators, ids[0]);
      else if (ids) ids.forEach((id) => addUnique(e.choices, id));
      else addUnique(e.indicators, tokens[i + 1].t);
      use(i, i + 1);
    }
  }

  // Objectives: "objetivo 5", "objetivo cinco", "obj. V", "objective #5", "el quinto objetivo", "O5".
  for (let i = 0; i < tokens.length && e.objective === undefined; i++) {
    const tok = tokens[i];
    if (tok.used) continue;
    const o = /^o(\d{1,2})$/.exec(tok.t);
    if (o) {
      e.objective = Number(o[1]);
      use(i);
      break;
    }
    if (!isObj(tok)) continue;
    const n = afterMarks(tokens, i + 1);
    const after = tokens[n] && !tokens[n].used ? parseObjectiveNumber(tokens[n].t) : undefined;
    if (after !== undefined) {
      e.objective = after;
      use(i, n);
      break;
    }
    let b = i - 1;
    if (b >= 0 && (tokens[b].t === 'estrategico' || tokens[b].t === 'strategic')) b--;
    const before = b >= 0 && !tokens[b].used ? parseOrdinal(tokens[b].t) : undefined;
    if (before !== undefined) {
      e.objective = before;
      use(b, i);
    }
  }

  // "indicador 4263", "meta 2339", "indicador 3", then bare 4-digit codes.
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].used || !isInd(tokens[i])) continue;
    const n = afterMarks(tokens, i + 1);
    const t = tokens[n]?.t;
    if (t === undefined || tokens[n].used || !/^\d{1,6}$/.test(t)) continue;
    use(i, n);
    if (t.length === 4) {
      resolveCode(plan, t, e, true);
      continue;
    }
    const candidates = (plan.byPrintedNumber.get(String(Number(t))) ?? []).filter(
      (c) => e.objective === undefined || c.objective === e.objective,
    );
    if (candidates.length === 1) addUnique(e.indicators, candidates[0].id);
    else if (candidates.length > 1) candidates.forEach((c) => addUnique(e.choices, c.id));
    else addUnique(e.indicators, t);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].used || !/^\d{4}$/.test(tokens[i].t)) continue;
    use(i);
    resolveCode(plan, tokens[i].t, e, false);
  }
  return e;
}

/** "31", "31st", "1ro" -> 31, 1: a day of a month; undefined otherwise. */
function dayOf(t: string): number | undefined {
  const m = /^(\d{1,2})(?:st|nd|rd|th|ro|o)?$/.exec(t);
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 31 ? n : undefined;
}

/** A day written before the month ("31 de marzo", "31 march"), unless the number belongs to an id ("indicador 3 de marzo"). */
function dayBefore(tokens: Token[], month: number): { day: number; index: number } | undefined {
  let k = month - 1;
  if (k >= 0 && (tokens[k].t === 'de' || tokens[k].t === 'of')) k--;
  if (k < 0 || tokens[k].used) return undefined;
  const day = dayOf(tokens[k].t);
  if (day === undefined) return undefined;
  const prev = tokens[k - 1];
  if (prev && (isObj(prev) || isInd(prev) || isProj(prev) || SKIP_AFTER_KEYWORD.has(prev.t))) return undefined;
  return { day, index: k };
}

function resolveProjectMeta(plan: PlanIndex, project: string, n: string): string {
  const id = `${project}-M${Number(n)}`;
  return plan.byId.get(id.toLowerCase()) ?? id;
}

/** A 4-digit number: indicator code, sectoral meta number, project number, year, or an unknown code as written. */
function resolveCode(plan: PlanIndex, code: string, e: Entities, afterKeyword: boolean): void {
  const id = plan.byId.get(code) ?? plan.bySectoralMeta.get(code);
  if (id) return addUnique(e.indicators, id);
  const project = plan.byProject.get(code);
  if (project) {
    if (project.length === 1) addUnique(e.indicators, project[0]);
    else project.forEach((p) => addUnique(e.choices, p));
    return;
  }
  const year = afterKeyword ? undefined : parseYear(code);
  if (year !== undefined) {
    e.year ??= year;
    return;
  }
  addUnique(e.indicators, code);
}
