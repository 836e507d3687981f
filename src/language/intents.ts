/**
 * From tokens and entities to an intent. Commands first (digest, assign, audit, report), then the things named
 * (indicator, objective), then misión/visión, lagging, greetings, free words, the whole plan; else 'unknown'.
 */

import type { Entities, Token } from './entities';
import { type Group, hasGroup, STOP_EN, STOP_ES } from './lexicon';
import { MONTH_WORDS_EN, MONTH_WORDS_ES, NUMBER_WORDS_EN, NUMBER_WORDS_ES } from './numbers';
import type { FreeWordMatch, FreeWordSearch } from './search';
import type { Intent, Lang } from './types';

export interface Decision {
  intent: Intent;
  objective?: number;
  indicatorId?: string;
  indicatorIds?: string[];
  /** Folded leftover words (for assign-owner's person when no mention or e-mail is given). */
  leftover?: string[];
  adminAction?: 'list' | 'add' | 'remove';
  remindersAction?: 'preview' | 'send';
  greeting?: 'hello' | 'thanks';
  /** The folded word of a subject the bot has no data on (OUT_OF_SCOPE). */
  outOfScope?: string;
  chooseObjective?: boolean;
}

/**
 * Subjects officials ask about that the PEI follow-up does not hold (budget, contracts, payroll…): the bot says it
 * cannot answer them instead of "no entendí". Folded words.
 */
export const OUT_OF_SCOPE = new Set(
  `presupuesto presupuestos presupuestal presupuestales budget budgets rubro rubros cdp cdps rp
  contrato contratos contratacion contratista contratistas contract contracts procurement licitacion licitaciones
  nomina salario salarios sueldo sueldos payroll salary vacaciones incapacidad incapacidades
  clima weather noticias news factura facturas invoice invoices`
    .split(/\s+/)
    .filter(Boolean),
);

/** "objetivo" in the singular: "¿cómo va el objetivo?" asks for one of them (the plural asks for the plan). */
const OBJECTIVE_SINGULAR = new Set(['objetivo', 'objective', 'goal', 'obj']);

export interface Context {
  tokens: Token[];
  entities: Entities;
  /** The message held a question mark and no word ("?", "¿?"): a call for help. */
  onlyQuestion: boolean;
  hasPerson: boolean;
  hasEmail: boolean;
  search: FreeWordSearch;
}

/** Words that may sit around a greeting without making it a question ("hola a todos", "hi there", "buenos días"). */
const GREETING_FILLER = new Set(
  `a todos todas equipo bot pei peibot como estas esta estan tal que mas hay hoy dias dia tardes noches feliz
  you are how there all everyone team good day doing is it going to amigo amiga parcero muchas mil much very so
  senor senora please porfa y and ok listo vale bueno oye`.split(/\s+/),
);

const HELP_PHRASES: string[][] = [
  ['que', 'puedes', 'hacer'],
  ['que', 'sabes', 'hacer'],
  ['que', 'haces'],
  ['como', 'funciona'],
  ['como', 'funcionas'],
  ['como', 'te', 'uso'],
  ['como', 'se', 'usa'],
  ['como', 'te', 'usa'],
  ['what', 'can', 'you', 'do'],
  ['what', 'do', 'you', 'do'],
  ['how', 'does', 'it', 'work'],
  ['how', 'does', 'this', 'work'],
  ['how', 'do', 'i', 'use'],
  ['how', 'to', 'use'],
  ['que', 'comandos'],
  ['what', 'commands'],
];

const REPORT_NOUNS = new Set(['reporte', 'reportes', 'report']);

/** English topic words (the synonym table's English side): they tell the language without being command words. */
const EN_HINTS = new Set(
  `international cooperation innovation peace victims archive archives records digital nodes node security
  cybersecurity incidents incident transport procedures government open channels campaigns communication strategy
  prototypes data infrastructure integrity transparency lab laboratory public service services
  budget budgets contract contracts procurement payroll salary weather news invoice invoices`.split(/\s+/),
);

export function languageFromTokens(tokens: readonly Token[]): Lang {
  return languageToldByTokens(tokens) ?? 'es';
}

/** The language the words tell ('en' when English words outnumber Spanish ones), or null when no word tells. */
export function languageToldByTokens(tokens: readonly Token[]): Lang | null {
  let es = 0;
  let en = 0;
  for (const tok of tokens) {
    let lang = tok.canon.lang;
    if (lang === undefined && !tok.canon.keyword && EN_HINTS.has(tok.t)) lang = 'en';
    if (lang === undefined) {
      if (NUMBER_WORDS_ES.has(tok.t) || MONTH_WORDS_ES.has(tok.t)) lang = 'es';
      else if (NUMBER_WORDS_EN.has(tok.t) || MONTH_WORDS_EN.has(tok.t)) lang = 'en';
      else if (/^\d{1,2}(st|nd|rd|th)$/.test(tok.t)) lang = 'en';
    }
    if (lang === 'es') es++;
    else if (lang === 'en') en++;
  }
  if (es === 0 && en === 0) return null;
  return en > es ? 'en' : 'es';
}

const POSSESSIVE = new Set(['mi', 'mis', 'my', 'mine', 'nuestros', 'our']);

/** A possessive right before the indicator word ("mis indicadores", "my own indicators"), or «a mi cargo». */
function isMine(words: string[], tokens: readonly Token[]): boolean {
  const at = tokens.findIndex((t) => hasGroup(t.canon, 'ind'));
  const before = words.slice(Math.max(0, at - 2), at);
  if (before.some((w) => POSSESSIVE.has(w))) return true;
  return (
    containsPhrase(words, ['a', 'mi', 'cargo']) ||
    containsPhrase(words, ['i', 'own']) ||
    containsPhrase(words, ['tengo', 'a', 'cargo']) ||
    words.includes('mine')
  );
}

function containsPhrase(words: string[], phrase: string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (words[i + k] !== phrase[k]) continue outer;
    return true;
  }
  return false;
}

function fromMatch(m: FreeWordMatch): Decision {
  switch (m.kind) {
    case 'indicator':
      return { intent: 'indicator-detail', indicatorId: m.id };
    case 'objective':
      return { intent: 'objective-status', objective: m.objective };
    case 'several':
      return { intent: 'indicator-detail', indicatorIds: m.ids };
  }
}

/** Puts what was named (or found by free words) into a command's decision. */
function withTarget(intent: Intent, e: Entities, found?: FreeWordMatch): Decision {
  const d: Decision = { intent };
  if (e.indicators.length > 0) {
    d.indicatorId = e.indicators[0];
    if (e.indicators.length + e.choices.length > 1) d.indicatorIds = [...e.indicators, ...e.choices];
  } else if (e.choices.length > 0) {
    d.indicatorIds = [...e.choices];
  }
  if (e.objective !== undefined) d.objective = e.objective;
  if (found && d.indicatorId === undefined && d.indicatorIds === undefined && d.objective === undefined) {
    const f = fromMatch(found);
    d.indicatorId = f.indicatorId;
    d.indicatorIds = f.indicatorIds;
    d.objective = f.objective;
  }
  return d;
}

export function decide(ctx: Context): Decision {
  const { tokens, entities: e } = ctx;
  const words = tokens.map((t) => t.t);
  const has = (g: Group): boolean => tokens.some((t) => hasGroup(t.canon, g));
  const hasWord = (...ws: string[]): boolean => ws.some((w) => words.includes(w));
  const named = e.indicators.length > 0 || e.choices.length > 0 || e.objective !== undefined;

  // Free words: tokens that are neither command words, stop words, numbers nor consumed entities.
  const content = tokens.filter(
    (t) =>
      !t.used &&
      !t.canon.keyword &&
      !STOP_ES.has(t.t) &&
      !STOP_EN.has(t.t) &&
      !/^\d/.test(t.t) &&
      t.t !== '#' &&
      !NUMBER_WORDS_ES.has(t.t) &&
      !NUMBER_WORDS_EN.has(t.t),
  );
  const contentWords = content.map((t) => t.t);
  let searched: FreeWordMatch | undefined | null = null;
  const freeWords = (): FreeWordMatch | undefined => {
    if (searched === null) searched = contentWords.length > 0 ? ctx.search.match(contentWords) : undefined;
    return searched;
  };

  if (tokens.length === 0) return { intent: ctx.onlyQuestion ? 'help' : 'unknown' };

  // The owners' reminders (admins): «recordatorios» previews what is due, «enviar recordatorios (ahora)» sends it.
  if (has('reminder') && !named) return { intent: 'reminders', remindersAction: has('send') ? 'send' : 'preview' };

  // Digest commands.
  const negated = hasWord('no') && (has('activate') || hasWord('quiero', 'want', 'deseo'));
  if (has('unsub') || (has('cancel') && (has('digest') || has('sub'))) || (negated && has('digest'))) {
    return { intent: 'unsubscribe-digest' };
  }
  if ((has('send') && has('digest')) || (has('digest') && has('now') && !has('sub') && !named)) {
    return { intent: 'send-digest-now' };
  }
  if (has('sub') || (has('activate') && has('digest'))) return { intent: 'subscribe-digest' };

  // The quarterly follow-up workbook: "exportar seguimiento T2 2025", "export follow-up Q2 2025".
  if (has('export')) return { intent: 'export-followup' };

  // Reporting compliance: "cumplimiento", "cumplimiento de reportes 2025", "reporting compliance"; but
  // "cumplimiento del objetivo 5" asks for figures and "cumplimiento servicios administrativos" names an indicator.
  const COMPLIANCE_FILLER = new Set([
    'reportes',
    'reporte',
    'reporting',
    'reports',
    'report',
    'mensual',
    'mensuales',
    'monthly',
  ]);
  if (has('compliance') && !named && contentWords.every((w) => COMPLIANCE_FILLER.has(w)))
    return { intent: 'compliance' };

  // The plan's versions (admins): "versiones del plan", "plan versions", "reprogramaciones".
  if (hasWord('versiones', 'versions', 'reprogramaciones') && !named) return { intent: 'plan-versions' };

  // Admins: "administradores", "agregar administrador @Ana", "remove admin ana@…".
  if (has('admin')) {
    const adminAction = has('cancel')
      ? 'remove'
      : has('add') || has('assign') || ctx.hasPerson || ctx.hasEmail
        ? 'add'
        : 'list';
    return { intent: 'admins', adminAction };
  }

  // The planning office's review: "reportes por revisar", "revisar reportes", "reports to review", "pending reviews".
  if (
    hasWord('revisar', 'revision', 'revisiones', 'review', 'reviews', 'aprobar', 'approve') &&
    !named &&
    !has('digest')
  ) {
    return { intent: 'review-list' };
  }

  // Explaining a figure: "¿por qué el objetivo 2 va en 67,5 %?", "¿cómo se calcula el indicador 4236?",
  // "why is objective 2 at 67.5 %", "explain the plan's progress".
  const calcWord = hasWord(
    'calcula',
    'calcular',
    'calculado',
    'calcule',
    'calculo',
    'calculate',
    'calculated',
    'computed',
    'compute',
    'explica',
    'explicame',
    'explicar',
    'explicacion',
    'explain',
    'explanation',
  );
  const why = hasWord('why', 'porque') || containsPhrase(words, ['por', 'que']);
  if (calcWord || (why && (named || has('plan')))) return withTarget('explain', e);

  // Owner assignment: "asignar responsable 4263 @Ana", "assign owner 4263 ana@…", "cambiar responsable del 4263".
  const assignVerb = hasWord('asignar', 'asigna', 'asignale', 'asignarle', 'asignacion', 'designar', 'assign');
  if (
    (has('assign') && (has('role') || ((assignVerb || ctx.hasPerson || ctx.hasEmail) && named))) ||
    (assignVerb && !has('report')) ||
    (has('role') && (ctx.hasPerson || ctx.hasEmail) && !hasWord('quien', 'who'))
  ) {
    const used = new Set<number>();
    const found = named ? undefined : ctx.search.synonyms(contentWords, used);
    const d = withTarget('assign-owner', e, found);
    d.leftover = contentWords.filter((_w, i) => !used.has(i));
    return d;
  }

  // "quitar responsable 4263 @Ana" is handled with assignments (the chat reads the verb); listing owners:
  // "responsables", "¿quién es el responsable del 4263?", "owners".
  if (has('role') && !has('report')) return withTarget('owners', e, undefined);

  // "audit log", "historial del 4263"; but "log progress" is a report.
  const audit = tokens.some(
    (t, i) => hasGroup(t.canon, 'audit') && !(t.t === 'log' && hasGroup(tokens[i + 1]?.canon, 'status')),
  );
  if (audit) return withTarget('audit', e, named ? undefined : freeWords());

  // The owner's own list: "mis indicadores", "¿cuáles son mis indicadores?", "indicadores a mi cargo", "my indicators",
  // "my kpis" (typos of «indicadores» are read by the lexicon). Not when an id is named ("mi indicador 4263").
  if (!named && has('ind') && isMine(words, tokens)) return { intent: 'my-indicators' };

  // "¿quién no ha reportado?", "reportes pendientes", "who hasn't reported": what is missing is what lags.
  const pending =
    hasWord('pendiente', 'pendientes', 'pending', 'faltan', 'missing') ||
    (hasWord('quien', 'quienes', 'who') && has('report'));
  if (pending && !named) return { intent: 'lagging' };

  // Progress reports: "reportar avance 4263", "quiero reportar", "report progress for 4263".
  const reportTokens = tokens.filter((t) => hasGroup(t.canon, 'report'));
  const logProgress = tokens.some((t, i) => t.t === 'log' && hasGroup(tokens[i + 1]?.canon, 'status'));
  const isReport =
    logProgress ||
    reportTokens.some((t) => {
      const word = t.canon.word!;
      if (!REPORT_NOUNS.has(word)) return true;
      const at = tokens.indexOf(t);
      const prev = tokens[at - 1]?.t;
      if (prev === 'progress' || prev === 'status' || prev === 'estado') return false;
      // "el reporte del objetivo 5" / "report of the plan" ask for figures, not for a report form.
      if ((e.objective !== undefined || has('plan')) && !has('status') && e.indicators.length === 0) return false;
      return true;
    });
  if (isReport) return withTarget('report-start', e, named ? undefined : freeWords());

  // Help: "ayuda", "help", "qué puedes hacer", "what can you do".
  const helpPhrase = HELP_PHRASES.some((p) => containsPhrase(words, p));
  if ((has('help') || helpPhrase) && !named) return { intent: 'help' };

  // A subject the follow-up does not hold ("¿cuánto presupuesto tiene el objetivo 3?"): say so, even with a target.
  const outOfScopeWord = words.find((w) => OUT_OF_SCOPE.has(w));
  if (outOfScopeWord) return { intent: 'unknown', outOfScope: outOfScopeWord };

  // Things named explicitly.
  if (e.indicators.length > 0 || e.choices.length > 0) return withTarget('indicator-detail', e);
  if (e.objective !== undefined) return { intent: 'objective-status', objective: e.objective };

  const missionAt = tokens.findIndex((t) => hasGroup(t.canon, 'mission'));
  const visionAt = tokens.findIndex((t) => hasGroup(t.canon, 'vision'));
  if (missionAt >= 0 && (visionAt < 0 || missionAt < visionAt)) return { intent: 'mission' };
  if (visionAt >= 0) return { intent: 'vision' };

  // Lagging: "¿qué está en rojo?", "what's behind", "red indicators" (not "la red CADE").
  const lagging = tokens.some((t, i) => {
    if (!hasGroup(t.canon, 'lag')) return false;
    if (t.t !== 'red') return true;
    const prev = tokens[i - 1]?.t;
    const next = tokens[i + 1]?.t;
    return next !== 'cade' && prev !== 'la' && prev !== 'una' && prev !== 'de' && prev !== 'nuestra';
  });
  if (lagging) {
    const found = freeWords();
    return found ? fromMatch(found) : { intent: 'lagging' };
  }

  // Greetings and thanks, alone.
  if (
    (has('greet') || has('thanks')) &&
    tokens.every((t) => hasGroup(t.canon, 'greet') || hasGroup(t.canon, 'thanks') || GREETING_FILLER.has(t.t))
  ) {
    return { intent: 'greeting', greeting: has('thanks') ? 'thanks' : 'hello' };
  }

  const found = freeWords();
  if (found) return fromMatch(found);

  if (has('plan')) return { intent: 'plan-summary' };
  // "¿cómo va el objetivo?" without a number: which one? (the chat offers the ten).
  const namesTime0 = e.year !== undefined || e.period !== undefined;
  if (!namesTime0 && contentWords.length === 0 && words.some((w) => OBJECTIVE_SINGULAR.has(w)) && !has('ind')) {
    return { intent: 'objective-status', chooseObjective: true };
  }
  const asksForStatus = has('status') || has('obj') || has('ind') || has('detail') || has('meta') || has('digest');
  // "avance", "status", or just a year or month ("2024", "junio 2025"): the whole plan, for that time.
  const namesTime = e.year !== undefined || e.period !== undefined;
  if ((asksForStatus || namesTime) && contentWords.length === 0) return { intent: 'plan-summary' };
  return { intent: 'unknown' };
}
