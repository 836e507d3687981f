import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { CARDS_DIR } from '../paths';
import * as ACData from 'adaptivecards-templating';
import { catalog } from '../i18n';

/**
 * Expands the Adaptive Card templates of cards/ with adaptivecards-templating.
 * Templates hold layout only; every string comes from the data, so one template serves Spanish and English.
 */

/** A rendered Adaptive Card: plain JSON, ready to go into an attachment's `content`. */
export type CardJson = Record<string, unknown>;

export type TemplateName =
  | 'objective-status'
  | 'indicator-detail'
  | 'plan-summary'
  | 'lagging'
  | 'help'
  | 'welcome'
  | 'mission-vision'
  | 'choose-indicator'
  | 'message'
  | 'export-link'
  | 'compliance'
  | 'my-indicators';

export const TEMPLATE_NAMES: readonly TemplateName[] = [
  'objective-status',
  'indicator-detail',
  'plan-summary',
  'lagging',
  'help',
  'welcome',
  'mission-vision',
  'choose-indicator',
  'message',
  'export-link',
  'compliance',
  'my-indicators',
];

/** The content type of an Adaptive Card attachment. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';


/** cards/ at the repository root: from src/views (ts-jest) it is ../../cards, from dist/src/views ../../../cards. */
export function cardsDir(): string {
  return CARDS_DIR;
}

const templates = new Map<string, object>();

/** The template's JSON, read once per process. */
export function loadTemplate(name: string): object {
  let t = templates.get(name);
  if (!t) {
    if (!/^[a-z0-9-]+$/.test(name)) throw new Error(catalog('es').operator.templateBadName(name));
    const file = join(cardsDir(), `${name}.json`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new Error(catalog('es').operator.templateUnreadable(file, (e as Error).message));
    }
    try {
      t = JSON.parse(text) as object;
    } catch (e) {
      throw new Error(catalog('es').operator.templateNotJson(file, (e as Error).message));
    }
    templates.set(name, t);
  }
  return t;
}

/**
 * Parsed templates, one per name: `new Template()` parses every `${…}` of the card with the expression parser
 * (ANTLR), which cost more than the rest of a status turn; the library documents an instance as reusable ("can be
 * bound to different data objects in a loop"), and expand() builds a new card each time.
 */
interface Prepared {
  template: ACData.Template;
  /** Every binding of the template reads only the shape of the data (see shapeOf): its expansions can be kept. */
  keepable: boolean;
}
const prepared = new Map<string, Prepared>();

/**
 * Expansions kept by template and shape of the data. Expanding is the dearest part of a card (adaptive-expressions
 * evaluates each binding through a memory scope: a report's confirmation spends three quarters of its time there);
 * the cards of a turn differ from the last ones of their kind mostly in their strings. So a template whose bindings
 * never look inside a string is expanded once per shape with a token in place of every string, by
 * adaptivecards-templating as always, and each card is that expansion with the tokens replaced by the strings.
 */
const expansions = new Map<string, unknown>();
const EXPANSIONS_MAX = 1000;

/** A string's token: private-use characters, which no template holds (checked) and a binding cannot make. */
const TOKEN = /\uE000(\d+)\uE001/g;
const token = (i: number) => `\uE000${i}\uE001`;

/**
 * A binding that depends only on what shapeOf keeps: a path (`${title}`, `${$data}`, `${a.b}`), `!path`, a path
 * compared with null or the empty string, `count(path)` compared with a number, and those joined by && or ||.
 */
const PATH = String.raw`\$?[A-Za-z_][\w]*(?:\.[A-Za-z_$][\w]*)*`;
const SHAPE_ONLY_TERM = new RegExp(String.raw`^\s*(?:!?\s*${PATH}(?:\s*[!=]=\s*(?:null|''))?|count\(\s*${PATH}\s*\)\s*(?:[<>]=?|[!=]=)\s*\d+)\s*$`);

export function keepableTemplate(payload: object): boolean {
  const text = JSON.stringify(payload);
  if (/[\uE000\uE001]/.test(text)) return false;
  for (const m of text.matchAll(/\$\{([^}]*)\}/g)) {
    if (!m[1].split(/&&|\|\|/).every((term) => SHAPE_ONLY_TERM.test(term))) return false;
  }
  return true;
}

/**
 * The shape of a view model: everything but the text of its non-empty strings (null, undefined, the empty string,
 * numbers, booleans, array lengths, keys are kept), which are pushed to `strings` in walk order. Null when the model
 * holds something other than plain JSON (then the card is expanded as is).
 */
function shapeOf(v: unknown, strings: string[]): string | null {
  switch (typeof v) {
    case 'string':
      if (v === '') return '"';
      strings.push(v);
      return 's';
    case 'number':
      return Object.is(v, -0) ? '#-0;' : `#${v};`;
    case 'boolean':
      return v ? 't' : 'f';
    case 'undefined':
      return 'u';
    case 'object': {
      if (v === null) return 'n';
      let key: string;
      if (Array.isArray(v)) {
        key = '[';
        for (const x of v) {
          const k = shapeOf(x, strings);
          if (k === null) return null;
          key += k;
        }
        return `${key}]`;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return null;
      key = '{';
      for (const name in v) {
        const k = shapeOf((v as Record<string, unknown>)[name], strings);
        if (k === null) return null;
        key += `${name.length}:${name}${k}`;
      }
      return `${key}}`;
    }
    default:
      return null;
  }
}

/** The model with its i-th non-empty string (in shapeOf's order) replaced by token(i). */
function tokenized(v: unknown, next: { i: number }): unknown {
  if (typeof v === 'string') return v === '' ? v : token(next.i++);
  if (Array.isArray(v)) return v.map((x) => tokenized(x, next));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, x] of Object.entries(v)) out[name] = tokenized(x, next);
    return out;
  }
  return v;
}

/** A fresh copy of a kept expansion with the model's strings in place of their tokens. */
function filled(node: unknown, strings: readonly string[]): unknown {
  if (typeof node === 'string') {
    // Most bindings are a whole string ("${title}"): its token alone.
    if (node.charCodeAt(0) === 0xe000 && node.charCodeAt(node.length - 1) === 0xe001 && node.indexOf('\uE000', 1) < 0) return strings[Number(node.slice(1, -1))];
    return node.indexOf('\uE000') >= 0 ? node.replace(TOKEN, (_, i: string) => strings[Number(i)]) : node;
  }
  if (Array.isArray(node)) {
    const out = new Array<unknown>(node.length);
    for (let i = 0; i < node.length; i++) out[i] = filled(node[i], strings);
    return out;
  }
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const name in node) out[name] = filled((node as Record<string, unknown>)[name], strings);
    return out;
  }
  return node;
}

function preparedTemplate(name: string): Prepared {
  let p = prepared.get(name);
  if (!p) {
    const payload = loadTemplate(name);
    p = { template: new ACData.Template(payload), keepable: keepableTemplate(payload) };
    prepared.set(name, p);
  }
  return p;
}

/** Expands cards/<templateName>.json with `data` as `$root` by adaptivecards-templating alone (no kept expansion). */
export function expandTemplate(templateName: TemplateName | string, data: object): CardJson {
  return readableColors(preparedTemplate(templateName).template.expand({ $root: data }) as CardJson);
}

/** Whether cards of this template are drawn from kept expansions (every binding reads only the shape of the data). */
export function keepsExpansions(templateName: TemplateName | string): boolean {
  return preparedTemplate(templateName).keepable;
}

let checking = false;
/**
 * Test suites turn this on (test/setup-render-check.ts): every card drawn from a kept expansion is then compared with
 * the card adaptivecards-templating expands from the same data, and a difference throws.
 */
export function checkKeptExpansions(on: boolean): void {
  checking = on;
}

/** Expands cards/<templateName>.json with `data` as `$root`; returns the card object (a new one on every call). */
export function renderCard(templateName: TemplateName | string, data: object): CardJson {
  const p = preparedTemplate(templateName);
  const strings: string[] = [];
  const shape = p.keepable ? shapeOf(data, strings) : null;
  if (shape === null) return expandTemplate(templateName, data);
  const key = `${templateName}\n${shape}`;
  let expansion = expansions.get(key);
  if (expansion === undefined) {
    expansion = p.template.expand({ $root: tokenized(data, { i: 0 }) });
    if (expansions.size >= EXPANSIONS_MAX) expansions.delete(expansions.keys().next().value!);
    expansions.set(key, expansion);
  }
  const card = readableColors(filled(expansion, strings) as CardJson);
  if (checking && !isDeepStrictEqual(card, expandTemplate(templateName, data))) {
    throw new Error(`The kept expansion of ${templateName} differs from its expansion: ${JSON.stringify(card).slice(0, 400)}`);
  }
  return card;
}

/**
 * Text colours a person can read on a white card. Hosts draw `warning` (yellow) and `good` (light green) text
 * faintly on white (the Playground draws them #E69500 and #028A02; the orange-yellow is below 3:1 contrast on white), so text in
 * those colours is drawn `attention` (a notice) and `default` (a confirmation, whose emoji carries the colour).
 * Container `style`s (backgrounds) keep theirs. Applied to every card, whatever colour a view model asked for.
 */
export const UNREADABLE_TEXT_COLORS: Readonly<Record<string, string>> = { warning: 'attention', good: 'default' };

export function readableColors<T>(node: T): T {
  if (Array.isArray(node)) {
    for (const x of node) readableColors(x);
  } else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if ((o.type === 'TextBlock' || o.type === 'TextRun') && typeof o.color === 'string') {
      const to = UNREADABLE_TEXT_COLORS[o.color.toLowerCase()];
      if (to) o.color = to;
    }
    for (const k in o) {
      const v = o[k];
      if (v && typeof v === 'object') readableColors(v);
    }
  }
  return node;
}

/** The card wrapped as a Bot Framework attachment (plain JSON; no botbuilder import needed). */
export function cardAttachment(card: CardJson): { contentType: string; content: CardJson } {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}
