import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
  | 'my-indicators'
  | 'plan-import';

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
  'plan-import',
];

/** The content type of an Adaptive Card attachment. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** cards/ at the repository root: from src/views (jest) it is ../../cards, from dist/src/views ../../../cards. */
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
      throw new Error(catalog('es').operator.templateUnreadable(file, (e as Error).message), { cause: e });
    }
    try {
      t = JSON.parse(text) as object;
    } catch (e) {
      throw new Error(catalog('es').operator.templateNotJson(file, (e as Error).message), { cause: e });
    }
    templates.set(name, t);
  }
  return t;
}

/**
 * The templates as adaptivecards-templating prepares them, one per file of cards/: `new Template()` parses every
 * `${…}` of the card, and the library documents an instance as reusable ("can be bound to different data objects in
 * a loop"); expand() builds a new card each time. A fixed set (one per template file), not a cache.
 */
const prepared = new Map<string, ACData.Template>();

function template(name: string): ACData.Template {
  let t = prepared.get(name);
  if (!t) prepared.set(name, (t = new ACData.Template(loadTemplate(name))));
  return t;
}

/** Expands cards/<templateName>.json with `data` as `$root`; returns the card object (a new one on every call). */
export function renderCard(templateName: TemplateName | string, data: object): CardJson {
  return readableColors(template(templateName).expand({ $root: data }) as CardJson);
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
