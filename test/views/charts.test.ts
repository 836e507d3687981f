import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNow } from '../../src/calendar';
import { PROJECT_ROOT as ROOT } from '../../src/paths';
import type { PlanFigures, IndicatorFigures } from '../../src/progress/engine';
import { computePlan } from '../../src/progress/engine';
import { importReportsCsv } from '../../src/reports/csv-import';
import { createMemoryStore } from '../../src/store/memory';
import { indicatorDetailCard } from '../../src/views/indicator-cards';
import type { CardJson } from '../../src/views/render';
import { objectiveStatusCard } from '../../src/views/status-cards';
import { CHART_COLORS, niceAxisMax } from '../../src/views/charts';
import { barRgb } from '../../src/views/format';
import { PNG } from 'pngjs';
import type { Lang } from '../../src/views/format';
import { cardProblems, ctxOf, findAll, textOf, thePlan, withoutCharts } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/**
 * The cards' charts with the demo data (data/demo/reportes-2025.csv, imported as `npm run demo` imports it, as of
 * 3 July 2025): the chart's points are the card's figures, in both languages, and a client that does not draw charts
 * gets the same figures as a table.
 */

const AS_OF = '2025-07-03';
let figures: PlanFigures;

beforeAll(async () => {
  const store = createMemoryStore();
  const csv = readFileSync(join(ROOT, 'data', 'demo', 'reportes-2025.csv'));
  const r = await importReportsCsv(store, csv, {
    plan: thePlan(),
    now: parseNow(AS_OF)!,
    actor: { id: 'cli:demo', name: 'Datos de demostración' },
  });
  expect(r.ok).toBe(true);
  figures = computePlan(thePlan(), await store.reports(), { year: 2025, asOf: AS_OF });
});

function fig(id: string): IndicatorFigures {
  for (const o of figures.objectives) for (const f of o.indicators) if (f.indicator.id === id) return f;
  throw new Error(id);
}

function card(id: string, lang: Lang): CardJson {
  return indicatorDetailCard(fig(id), [], ctxOf(lang, { asOf: AS_OF }));
}

interface Series {
  legend: string;
  color: string;
  values: { x: string; y: number }[];
}
function chartOf(
  c: CardJson,
  type = 'Chart.Line',
): Record<string, unknown> & { data: Series[]; yMin?: number; yMax?: number } {
  const charts = findAll(c, (o) => o.type === type);
  expect(charts).toHaveLength(1);
  return charts[0] as Record<string, unknown> & { data: Series[] };
}

/** The rows of the fallback table as a client that does not know Chart.* reads them: through the SDK, at 1.5. */
function fallbackRows(c: CardJson, heading: string): string[][] {
  const sdk = new AC.AdaptiveCard();
  sdk.parse(c, new AC.SerializationContext(AC.Versions.v1_5));
  const read = sdk.toJSON() as { body: Record<string, unknown>[] };
  expect(findAll(read, (o) => typeof o.type === 'string' && o.type.startsWith('Chart.'))).toEqual([]);
  // What the SDK kept is exactly the card with each chart replaced by its fallback.
  expect(JSON.stringify(read.body).length).toBeGreaterThan(0);
  const i = read.body.findIndex((b) => b.type === 'TextBlock' && b.text === heading);
  expect(i).toBeGreaterThanOrEqual(0);
  const table = read.body[i + 1] as { type: string; items: { columns: { items: { text: string }[] }[] }[] };
  expect(table.type).toBe('Container');
  return table.items.map((row) => row.columns.map((col) => col.items[0].text));
}

const L = {
  es: {
    heading: 'Mes a mes en 2025',
    expected: 'Esperado',
    ytd: 'Acumulado del año',
    level: 'Nivel reportado',
    month: 'Mes',
    monthAxis: 'Mes (1 = enero)',
    months: ['ene.', 'feb.', 'mar.', 'abr.', 'may.', 'jun.'],
  },
  en: {
    heading: 'Month by month in 2025',
    expected: 'Expected',
    ytd: 'Year to date',
    level: 'Reported level',
    month: 'Month',
    monthAxis: 'Month (1 = January)',
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun'],
  },
} as const;

describe.each(['es', 'en'] as const)('the indicator card’s chart (%s)', (lang) => {
  const l = L[lang];

  test('3980 (Suma; demo: 3 in February, 2 in April, 2 in June): the year’s sum month by month against 26·m/12', () => {
    const c = card('3980', lang);
    expect(cardProblems(c)).toEqual([]);
    const chart = chartOf(c);
    // The x axis numbers the months (twelve names do not fit a card: the hosts cut them to «e… f…»); the y axis
    // runs from 0 to a round top, so its four steps are whole numbers (0 · 8 · 16 · 24 · 32 for a year's 26).
    expect(chart).toMatchObject({
      xAxisTitle: l.monthAxis,
      yAxisTitle: lang === 'es' ? 'Número' : 'Number',
      yMin: 0,
      yMax: 32,
    });
    const [expected, actual] = chart.data;
    expect(expected.legend).toBe(l.expected);
    expect(expected.values.map((v) => v.x)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(expected.values.map((v) => v.y)).toEqual([
      2.17, 4.33, 6.5, 8.67, 10.83, 13, 15.17, 17.33, 19.5, 21.67, 23.83, 26,
    ]);
    expect(actual.legend).toBe(l.ytd);
    expect(actual.values).toEqual([3, 3, 5, 5, 7].map((y, i) => ({ x: String(i + 2), y })));
    // The last point is the card's «Ejecutado» for 2025, and June's expected the card's expected level (50 % of 26).
    const f = fig('3980');
    expect(actual.values.at(-1)!.y).toBe(f.executed);
    expect(expected.values[5].y / 26).toBeCloseTo(f.expected!, 12);
    expect(textOf(c)).toMatch(new RegExp(`^2025\\n26\\n7\\n`, 'm'));
  });

  test('3980: a client without charts reads the same figures as a table, in the card’s number style', () => {
    const rows = fallbackRows(card('3980', lang), l.heading);
    expect(rows[0]).toEqual([l.month, l.ytd, l.expected]);
    // The months closed by 3 July: January (nothing yet) to June.
    const dec = lang === 'es' ? ',' : '.';
    expect(rows.slice(1)).toEqual([
      [l.months[0], '—', `2${dec}17`],
      [l.months[1], '3', `4${dec}33`],
      [l.months[2], '3', `6${dec}5`],
      [l.months[3], '5', `8${dec}67`],
      [l.months[4], '5', `10${dec}83`],
      [l.months[5], '7', '13'],
    ]);
  });

  test('3979 (Creciente, percent; demo: 22 % in March, 31 % in June): the level reported, in percent, against 15 % → 45 %', () => {
    const c = card('3979', lang);
    expect(cardProblems(c)).toEqual([]);
    const chart = chartOf(c);
    expect(chart.yAxisTitle).toBe(lang === 'es' ? 'Porcentaje' : 'Percent');
    const [expected, actual] = chart.data;
    expect(actual.legend).toBe(l.level);
    expect(actual.values).toEqual([22, 22, 22, 31].map((y, i) => ({ x: String(i + 3), y })));
    expect([chart.yMin, chart.yMax]).toEqual([0, 60]); // 45 % at the year's end: 0 · 15 · 30 · 45 · 60
    expect(expected.values[0].y).toBe(17.5);
    expect(expected.values[11].y).toBe(45);
    expect(actual.values.at(-1)!.y / 100).toBeCloseTo(fig('3979').executed!, 12);
    const rows = fallbackRows(c, l.heading);
    const pct = (n: string) => (lang === 'es' ? `${n}\u00a0%` : `${n}%`);
    expect(rows[3]).toEqual([l.months[2], pct('22'), pct('22,5'.replace(',', lang === 'es' ? ',' : '.'))]);
    expect(rows[6]).toEqual([l.months[5], pct('31'), pct('30')]);
  });

  test('8118-M3 (Suma, thousands): grouped as the card groups them', () => {
    const c = card('8118-M3', lang);
    const [, actual] = chartOf(c).data;
    expect(actual.values.map((v) => v.y)).toEqual([2500, 2500, 5600, 5600, 8400]);
    const rows = fallbackRows(c, l.heading);
    expect(rows[6]).toEqual([l.months[5], lang === 'es' ? '8.400' : '8,400', lang === 'es' ? '15.000' : '15,000']);
  });

  test('no figures and no target: no chart and no heading', () => {
    const f = computePlan(thePlan(), [], { year: 2024, asOf: '2024-12-31' }).objectives[1].indicators.find(
      (x) => x.indicator.id === '8110-M3',
    )!;
    expect(f.hasTarget).toBe(false);
    const c = indicatorDetailCard(f, [], ctxOf(lang, { asOf: '2024-12-31' }));
    expect(findAll(c, (o) => typeof o.type === 'string' && o.type.startsWith('Chart.'))).toEqual([]);
    expect(textOf(c)).not.toContain(l.heading.replace('2025', '2024'));
    expect(cardProblems(c)).toEqual([]);
  });
});

describe.each(['es', 'en'] as const)('the objective card’s chart (%s)', (lang) => {
  test('objective 1: each indicator’s annual progress beside its expected, the numbers its rows show', () => {
    const o = figures.objectives[0];
    const c = objectiveStatusCard(o, ctxOf(lang, { asOf: AS_OF }));
    expect(cardProblems(c)).toEqual([]);
    const chart = chartOf(c, 'Chart.VerticalBar.Grouped');
    const [progress, expected] = chart.data;
    expect(progress.legend).toBe(lang === 'es' ? 'Avance anual' : 'Annual progress');
    expect(expected.legend).toBe(lang === 'es' ? 'Esperado a la fecha' : 'Expected to date');
    expect(progress.values.map((v) => v.x)).toEqual(['3979', '3980']);
    // 3979 (Creciente, no baseline: 0): 31 / 45 = 68,9 %, expected (15 + 30·6/12) / 45 = 66,7 %; 3980: 7 / 26 = 26,9 %, 50 %.
    expect(progress.values.map((v) => v.y)).toEqual([68.9, 26.9]);
    expect(expected.values.map((v) => v.y)).toEqual([66.7, 50]);
    const heading = lang === 'es' ? 'Avance de sus indicadores en 2025' : "Its indicators' progress in 2025";
    const rows = fallbackRows(c, heading);
    const pct = (n: string) => (lang === 'es' ? `${n.replace('.', ',')}\u00a0%` : `${n}%`);
    expect(rows.slice(1)).toEqual([
      ['3979', pct('68.9'), pct('66.7')],
      ['3980', pct('26.9'), pct('50.0')],
    ]);
    // The same figures as the indicators' rows of the card.
    for (const r of rows.slice(1)) expect(textOf(c)).toContain(r[1]);
  });
});

test('withoutCharts is what the SDK keeps of a card with charts', () => {
  const c = card('3980', 'es');
  const sdk = new AC.AdaptiveCard();
  sdk.parse(c, new AC.SerializationContext(AC.Versions.v1_5));
  const read = sdk.toJSON() as { body: unknown[] };
  const mine = withoutCharts(c) as { body: unknown[] };
  expect(read.body.length).toBe(mine.body.length);
  expect(findAll(mine, (o) => typeof o.type === 'string' && o.type.startsWith('Chart.'))).toEqual([]);
});

describe('axes and colours', () => {
  test('the y axis tops at a round number: the four steps the hosts draw are round, whole from 4 up', () => {
    const steps = (max: number) => {
      const top = niceAxisMax(max);
      return [0, 1, 2, 3, 4].map((k) => Math.round(((top * k) / 4) * 1e6) / 1e6);
    };
    expect(steps(26)).toEqual([0, 8, 16, 24, 32]);
    expect(steps(45)).toEqual([0, 15, 30, 45, 60]);
    expect(steps(100)).toEqual([0, 25, 50, 75, 100]);
    expect(steps(15000)).toEqual([0, 4000, 8000, 12000, 16000]);
    expect(steps(1.5)).toEqual([0, 0.4, 0.8, 1.2, 1.6]); // not 0.38 / 0.75 / 1.13
    for (const max of [4, 5, 7, 9.5, 13, 26, 31, 45, 99, 101.1, 250, 8400])
      expect({ max, whole: steps(max).every(Number.isInteger), covers: niceAxisMax(max) >= max }).toEqual({
        max,
        whole: true,
        covers: true,
      });
  });

  test('«Esperado» has one colour: the cards’ expected bars are drawn in the charts’ expected grey', () => {
    expect(CHART_COLORS.expected).toBe('divergingGray'); // #4B5356 in the hosts' palette
    expect([...barRgb('expected')]).toEqual([0x4b, 0x53, 0x56]);
    const c = objectiveStatusCard(figures.objectives[0], ctxOf('es', { asOf: AS_OF }));
    const expectedBar = findAll(c, (o) => o.type === 'Image' && String(o.altText ?? '').startsWith('Esperado'))[0];
    const png = PNG.sync.read(Buffer.from(String(expectedBar.url).split(',')[1], 'base64'));
    expect([png.data[0], png.data[1], png.data[2]]).toEqual([0x4b, 0x53, 0x56]);
    const chart = chartOf(c, 'Chart.VerticalBar.Grouped');
    expect(chart.data.find((d) => /Esperado/.test(d.legend))!.color).toBe('divergingGray');
  });
});
