import { loadPlan } from '../../src/plan/load';
import type { Plan } from '../../src/domain/plan';
import { computePlan, type PlanFigures } from '../../src/progress/engine';
import type { Person, ReportRecord } from '../../src/domain/records';
import type { ViewContext } from '../../src/views/card-parts';
import { BAR_EMPTY_RGB, type Lang } from '../../src/views/format';
import { PNG } from 'pngjs';
import { report } from '../helpers/reports';

// require('adaptivecards') fails in Node (it reaches for the DOM); the bundled build parses and validates fine.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

let plan: Plan | undefined;
export function thePlan(): Plan {
  return (plan ??= loadPlan());
}

/** A stored report, hand-made (test/helpers/reports.ts) with the texts these view tests look for. */
export function rep(
  indicatorId: string,
  period: string,
  value: number,
  extra: Partial<ReportRecord> = {},
): ReportRecord {
  return report(indicatorId, period, value, {
    logros: 'Se avanzó según el plan de acción del mes.',
    evidencia: 'https://intranet.example/evidencia/1',
    author: { id: 'ana', name: 'Ana Pérez' },
    ...extra,
  });
}

export const ANA: Person = { id: 'ana', name: 'Ana Pérez', email: 'ana@example.gov.co' };

export function figures(
  reports: readonly ReportRecord[],
  asOf = '2025-06-30',
  year = Number(asOf.slice(0, 4)),
): PlanFigures {
  return computePlan(thePlan(), reports, { year, asOf });
}

export function ctxOf(lang: Lang, opts: Partial<ViewContext> = {}): ViewContext {
  return {
    lang,
    owners: (id) => (id === '4263' ? [ANA] : []),
    canReport: true,
    asOf: '2025-06-30',
    plan: thePlan(),
    ...opts,
  };
}

const VISIBLE = new Set(['text', 'title', 'value']);

/** What a person can read on a card (texts, fact titles and values, button titles), one per line, in order. */
export function textOf(card: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (VISIBLE.has(key)) out.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) if (k !== 'data') walk(x, k);
    }
  };
  walk(card, '');
  return out.join('\n');
}

/** Finds every object in the card satisfying `pred`. */
export function findAll(card: unknown, pred: (o: Record<string, unknown>) => boolean): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (pred(o)) out.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The `data` of every Action.Submit on the card (buttons and tappable rows). */
export function submits(card: unknown): { title?: string; data: Record<string, unknown> }[] {
  return findAll(card, (o) => o.type === 'Action.Submit').map((o) => ({
    title: o.title as string | undefined,
    data: o.data as Record<string, unknown>,
  }));
}

/** Properties the SDK drops on serialization when they hold their default value. */
const DEFAULTS: Record<string, unknown[]> = {
  items: [[]],
  actions: [[]],
  wrap: [false],
  isSubtle: [false],
  separator: [false],
  spacing: ['default', 'Default'],
  weight: ['default', 'Default'],
  size: ['default', 'Default'],
  color: ['default', 'Default'],
  style: ['default', 'Default', 'compact'], // compact: the ChoiceSet's default
  value: [''], // an empty input's default
};
/** Keys the SDK keeps out of its object model but Teams reads. */
const PASS_THROUGH = new Set(['$schema', 'msteams']);

/**
 * Compares a card with what the Adaptive Cards SDK read of it (its toJSON): a property the SDK dropped or changed
 * is one it does not know or did not accept (a misspelt name, a number where a string goes, a bad enum value).
 */
function roundTripDiffs(input: unknown, output: unknown, path: string, out: string[]): void {
  if (Array.isArray(input)) {
    if (!Array.isArray(output) || output.length !== input.length) {
      out.push(`${path}: array of ${input.length} came back as ${JSON.stringify(output)?.slice(0, 80)}`);
      return;
    }
    input.forEach((v, i) => roundTripDiffs(v, output[i], `${path}[${i}]`, out));
    return;
  }
  if (input && typeof input === 'object') {
    const o = (output ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
      if (PASS_THROUGH.has(k) || (k === 'data' && path.includes('Action'))) continue;
      // The SDK reads an action's fallback only when it cannot use the action, and never writes it back: checked
      // on its own below (executeProblems).
      if (k === 'fallback' && (input as Record<string, unknown>).type === 'Action.Execute') continue;
      if (!(k in o)) {
        if (DEFAULTS[k]?.some((d) => JSON.stringify(d) === JSON.stringify(v))) continue;
        out.push(`${path}.${k}: dropped by the SDK (${JSON.stringify(v)?.slice(0, 60)})`);
        continue;
      }
      if (k === 'data') continue;
      roundTripDiffs(v, o[k], `${path}.${k}`, out);
    }
    return;
  }
  if (typeof input === 'string' && typeof output === 'string') {
    if (input.toLowerCase() !== output.toLowerCase()) out.push(`${path}: "${input}" came back as "${output}"`);
    return;
  }
  if (input !== output) out.push(`${path}: ${JSON.stringify(input)} came back as ${JSON.stringify(output)}`);
}

// --- Teams' chart elements (Microsoft Learn, «Charts in Adaptive Cards») --------------------------------------------

/** The chart elements Teams draws (FACTS.md: schema 1.5 cards). */
export const CHART_TYPES = new Set([
  'Chart.Line',
  'Chart.VerticalBar',
  'Chart.VerticalBar.Grouped',
  'Chart.HorizontalBar',
  'Chart.HorizontalBar.Stacked',
  'Chart.Pie',
  'Chart.Donut',
  'Chart.Gauge',
]);
/** The colour names a chart's `color` takes (Learn's list; the hosts match them exactly). */
export const CHART_COLOR_NAMES = new Set([
  'good',
  'warning',
  'attention',
  'neutral',
  'categoricalRed',
  'categoricalPurple',
  'categoricalLavender',
  'categoricalBlue',
  'categoricalLightBlue',
  'categoricalTeal',
  'categoricalGreen',
  'categoricalLime',
  'categoricalMarigold',
  'sequential1',
  'sequential2',
  'sequential3',
  'sequential4',
  'sequential5',
  'sequential6',
  'sequential7',
  'sequential8',
  'divergingBlue',
  'divergingLightBlue',
  'divergingCyan',
  'divergingTeal',
  'divergingYellow',
  'divergingPeach',
  'divergingLightRed',
  'divergingRed',
  'divergingMaroon',
  'divergingGray',
]);
/** Properties every element has (the ones these cards may use). */
const ELEMENT_KEYS = [
  'type',
  'id',
  'fallback',
  'height',
  'separator',
  'spacing',
  'isVisible',
  'requires',
  'horizontalAlignment',
  'targetWidth',
  'lang',
];
/** The properties of each chart element the cards use, as documented. */
const CHART_KEYS: Record<string, string[]> = {
  // yMin and yMax: the Line chart's axis range (schema 1.5; the Playground's renderer reads both).
  'Chart.Line': ['title', 'colorSet', 'color', 'xAxisTitle', 'yAxisTitle', 'yMin', 'yMax', 'data'],
  'Chart.VerticalBar': ['title', 'colorSet', 'color', 'xAxisTitle', 'yAxisTitle', 'showBarValues', 'data'],
  'Chart.VerticalBar.Grouped': [
    'title',
    'colorSet',
    'color',
    'xAxisTitle',
    'yAxisTitle',
    'stacked',
    'showBarValues',
    'data',
  ],
};

const isText = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/** A chart element against its documented shape: its properties, its series and points, its colours, a fallback. */
export function chartProblems(c: Record<string, unknown>): string[] {
  const type = String(c.type);
  const out: string[] = [];
  const keys = CHART_KEYS[type];
  if (!keys) return [`${type}: not a chart these cards use`];
  for (const k of Object.keys(c))
    if (!ELEMENT_KEYS.includes(k) && !keys.includes(k)) out.push(`${type}.${k}: not a property of ${type}`);
  const fb = c.fallback as Record<string, unknown> | undefined;
  if (!fb || typeof fb !== 'object' || typeof fb.type !== 'string' || fb.type.startsWith('Chart.'))
    out.push(`${type}: no fallback element for clients that do not draw charts`);
  for (const k of ['title', 'xAxisTitle', 'yAxisTitle']) if (k in c && !isText(c[k])) out.push(`${type}.${k}: empty`);
  const color = (v: unknown, where: string) => {
    if (v !== undefined && !CHART_COLOR_NAMES.has(String(v)))
      out.push(`${where}.color: unknown chart colour ${JSON.stringify(v)}`);
  };
  color(c.color, type);
  const data = c.data;
  if (!Array.isArray(data) || data.length === 0) return [...out, `${type}.data: no data`];
  if (type === 'Chart.VerticalBar') {
    data.forEach((d: Record<string, unknown>, i) => {
      if (!isText(d.x) && !isNum(d.x)) out.push(`${type}.data[${i}].x: missing`);
      if (!isNum(d.y)) out.push(`${type}.data[${i}].y: not a number`);
      color(d.color, `${type}.data[${i}]`);
    });
    return out;
  }
  if (type === 'Chart.VerticalBar.Grouped' && data.length > 4)
    out.push(`${type}.data: ${data.length} series (4 at most)`);
  data.forEach((d: Record<string, unknown>, i) => {
    const where = `${type}.data[${i}]`;
    for (const k of Object.keys(d))
      if (!['legend', 'values', 'color'].includes(k)) out.push(`${where}.${k}: not a property of a series`);
    if (!isText(d.legend)) out.push(`${where}.legend: empty`);
    color(d.color, where);
    if (!Array.isArray(d.values) || d.values.length === 0) {
      out.push(`${where}.values: no points`);
      return;
    }
    (d.values as Record<string, unknown>[]).forEach((v, j) => {
      for (const k of Object.keys(v))
        if (k !== 'x' && k !== 'y') out.push(`${where}.values[${j}].${k}: not a property of a point`);
      if (type === 'Chart.VerticalBar.Grouped' ? !isText(v.x) : !isText(v.x) && !isNum(v.x))
        out.push(`${where}.values[${j}].x: missing`);
      if (!isNum(v.y)) out.push(`${where}.values[${j}].y: not a number`);
    });
  });
  return out;
}

/**
 * The card as a client that does not know Teams' chart elements reads it: each `Chart.*` replaced by its fallback
 * (removed where the fallback is "drop"). What the Adaptive Cards SDK parses, and what mobile Teams draws.
 */
export function withoutCharts<T>(node: T): T {
  if (Array.isArray(node)) {
    const out: unknown[] = [];
    for (const x of node) {
      const o = x as Record<string, unknown> | null;
      if (o && typeof o === 'object' && typeof o.type === 'string' && CHART_TYPES.has(o.type)) {
        if (o.fallback && typeof o.fallback === 'object') out.push(withoutCharts(o.fallback));
        continue;
      }
      out.push(withoutCharts(x));
    }
    return out as T;
  }
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, withoutCharts(v)]),
    ) as T;
  }
  return node;
}

/**
 * Problems of a card as Teams would meet them: the SDK's parse events and validation failures at schema 1.5,
 * properties the SDK did not accept, leftovers of templating, the size limit, and texts that are not strings.
 */
export function cardProblems(card: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (card.type !== 'AdaptiveCard') problems.push(`type is ${String(card.type)}`);
  if (card.version !== '1.5') problems.push(`version is ${String(card.version)}`);
  if (card.$schema !== 'http://adaptivecards.io/schemas/adaptive-card.json') problems.push('missing $schema');
  const json = JSON.stringify(card);
  if (json.length >= 80_000) problems.push(`card is ${json.length} characters`);
  if (json.includes('${'))
    problems.push(`unexpanded template: ${json.slice(json.indexOf('${') - 40, json.indexOf('${') + 40)}`);
  if (json.includes('"$data"') || json.includes('"$when"')) problems.push('templating keywords left in the card');
  if (!Array.isArray(card.body) || card.body.length === 0) problems.push('empty body');

  // Teams' chart elements: checked against their documented shape here; the SDK (which does not know them) reads
  // their fallback instead, as a client that does not draw charts does, and that fallback must be valid 1.5.
  const charts = findAll(card, (x) => typeof x.type === 'string' && x.type.startsWith('Chart.'));
  for (const c of charts) problems.push(...chartProblems(c));
  const sdkCard = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  sdkCard.parse(card, ctx);
  for (let i = 0; i < ctx.eventCount; i++) {
    const e = ctx.getEventAt(i);
    const chart = /^Unknown element type "(Chart\.[A-Za-z.]+)"/.exec(e.message);
    if (e.event === AC.ValidationEvent.UnknownElementType && chart && CHART_TYPES.has(chart[1])) continue;
    problems.push(`parse: ${AC.ValidationEvent[e.event]} ${e.message}`);
  }
  for (const e of sdkCard.validateProperties().validationEvents) {
    problems.push(`validate: ${AC.ValidationEvent[e.event]} ${e.message}`);
  }
  roundTripDiffs(withoutCharts(card), sdkCard.toJSON(), '$', problems);
  problems.push(...executeProblems(card));

  for (const o of findAll(card, (x) => 'text' in x && x.type === 'TextBlock')) {
    if (typeof o.text !== 'string' || !o.text.trim())
      problems.push(`TextBlock without text: ${JSON.stringify(o).slice(0, 80)}`);
  }
  for (const a of findAll(card, (x) => typeof x.type === 'string' && (x.type as string).startsWith('Action.'))) {
    if (a.type === 'Action.Submit' && (typeof a.data !== 'object' || a.data === null))
      problems.push(`Action.Submit without data object: ${JSON.stringify(a)}`);
  }
  const top = (card.actions as unknown[] | undefined) ?? [];
  if (top.length > 6) problems.push(`${top.length} top-level actions`);
  return problems;
}

/** The SDK's actions without Action.Execute: a client older than Universal Actions (schema < 1.4). */
function actionsWithoutExecute() {
  const registry = new AC.CardObjectRegistry<InstanceType<typeof AC.Action>>();
  AC.GlobalRegistry.populateWithDefaultActions(registry);
  registry.unregister('Action.Execute');
  return registry;
}

/**
 * Teams wants every Action.Execute with an Action.Submit fallback: a verb, and a fallback that posts the same data
 * (the verb included, which Action.Submit has nowhere else) under the same title. A client that does not know
 * Action.Execute must read the card with the fallback in its place, without parse errors. The refresh's action is
 * never drawn, so it takes no fallback.
 */
function executeProblems(card: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const refreshAction = (card.refresh as { action?: unknown } | undefined)?.action;
  const executes = findAll(card, (o) => o.type === 'Action.Execute' && o !== refreshAction);
  for (const a of executes) {
    const what = JSON.stringify(a).slice(0, 100);
    if (typeof a.verb !== 'string' || !a.verb) problems.push(`Action.Execute without verb: ${what}`);
    const data = a.data as Record<string, unknown> | undefined;
    if (!data || typeof data !== 'object' || data.verb !== a.verb)
      problems.push(`Action.Execute whose data does not repeat the verb: ${what}`);
    const fb = a.fallback as Record<string, unknown> | undefined;
    if (!fb || fb.type !== 'Action.Submit') problems.push(`Action.Execute without an Action.Submit fallback: ${what}`);
    else {
      if (JSON.stringify(fb.data) !== JSON.stringify(a.data)) problems.push(`fallback posts other data: ${what}`);
      if (fb.title !== a.title) problems.push(`fallback has another title: ${what}`);
    }
  }
  if (refreshAction !== undefined) {
    const r = refreshAction as Record<string, unknown>;
    if (r.type !== 'Action.Execute' || typeof r.verb !== 'string' || !r.verb)
      problems.push(`refresh without an Action.Execute verb: ${JSON.stringify(r)}`);
    const userIds = (card.refresh as { userIds?: unknown }).userIds;
    if (userIds !== undefined && (!Array.isArray(userIds) || userIds.length > 60))
      problems.push(`refresh.userIds is not a list of at most 60: ${JSON.stringify(userIds)}`);
  }
  if (executes.length) {
    const old = new AC.AdaptiveCard();
    const ctx = new AC.SerializationContext(AC.Versions.v1_5);
    ctx.setActionRegistry(actionsWithoutExecute());
    // The refresh is the newer clients' business: an old client ignores it.
    const { refresh: _refresh, ...rest } = card;
    old.parse(rest, ctx);
    const types = findAll(
      old.toJSON(),
      (o) => typeof o.type === 'string' && (o.type as string).startsWith('Action.'),
    ).map((o) => o.type);
    if (types.includes('Action.Execute')) problems.push('a client without Action.Execute still reads one');
    const submitsBack = findAll(old.toJSON(), (o) => o.type === 'Action.Submit').length;
    const submitsIn = findAll(rest, (o) => o.type === 'Action.Submit').length; // fallbacks included
    if (submitsBack !== submitsIn)
      problems.push(`a client without Action.Execute reads ${submitsBack} Action.Submit of ${submitsIn}`);
  }
  return problems;
}

/** The card's shape with the words taken out: what must be equal between Spanish and English. */
const TEXT_KEYS = new Set([
  'text',
  'title',
  'value',
  'label',
  'placeholder',
  'altText',
  'fallbackText',
  'speak',
  'errorMessage',
  'legend',
  'x',
  'xAxisTitle',
  'yAxisTitle',
]);
export function skeleton(v: unknown, key = ''): unknown {
  if (Array.isArray(v)) return v.map((x) => skeleton(x));
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, skeleton(x, k)]));
  }
  if (typeof v === 'string' && TEXT_KEYS.has(key)) return '<text>';
  return v;
}

/** The share of a bar image (a PNG data URI from views/format.ts) drawn filled, read from its pixels' first row. */
export function barFilled(uri: unknown): number {
  if (typeof uri !== 'string' || !uri.startsWith('data:image/png;base64,'))
    throw new Error(`not a bar image: ${String(uri).slice(0, 40)}`);
  const png = PNG.sync.read(Buffer.from(uri.slice('data:image/png;base64,'.length), 'base64'));
  let filled = 0;
  for (let x = 0; x < png.width; x++) {
    const i = x * 4;
    if (
      png.data[i] !== BAR_EMPTY_RGB[0] ||
      png.data[i + 1] !== BAR_EMPTY_RGB[1] ||
      png.data[i + 2] !== BAR_EMPTY_RGB[2]
    )
      filled++;
  }
  return filled / png.width;
}
