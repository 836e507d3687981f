import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNow } from '../../src/calendar';
import { PROJECT_ROOT as ROOT } from '../../src/paths';
import { computePlan, type PlanFigures } from '../../src/progress/engine';
import { explainObjective } from '../../src/progress/explain';
import { apportion, shownFraction } from '../../src/progress/shown';
import { importReportsCsv } from '../../src/reports/csv-import';
import { computeCompliance } from '../../src/reports/compliance';
import { createMemoryStore } from '../../src/store/memory';
import type { ReportRecord } from '../../src/domain/records';
import { planSummaryCard, objectiveStatusCard } from '../../src/views/status-cards';
import { objectiveExplanationCard } from '../../src/views/explain-cards';
import { digestCard } from '../../src/views/digest-cards';
import { composeDigest } from '../../src/digest/compose';
import { statusJson, type StatusJson } from '../../src/views/status-json';
import { buildWorkbook, readWorkbook } from '../../src/outputs/workbook';
import { checkPlan } from '../../src/plan/check';
import type { Lang } from '../../src/views/format';
import { ctxOf, findAll, textOf, thePlan } from '../views/helpers';

/**
 * One figure, one rounding (progress/shown.ts), with the demo's data (data/demo/reportes-2025.csv as `npm run demo`
 * imports it, as of 3 July 2025), where objective 10 read 98,9 % on the plan card and its explanation but 99,0 % in
 * the digest (98,947 % rounded to 4 decimals, then to one decimal of a percent), and the explanation's parts
 * (50,00 % + 48,95 %) added to 98,95 %. Every place a person or a program reads an objective's figure gives the same
 * number, and the explanation's parts add up to the whole it shows.
 */

const AS_OF = '2025-07-03';
let figures: PlanFigures;
let reports: readonly ReportRecord[];
let api: StatusJson;

beforeAll(async () => {
  const store = createMemoryStore();
  const r = await importReportsCsv(store, readFileSync(join(ROOT, 'data', 'demo', 'reportes-2025.csv')), {
    plan: thePlan(),
    now: parseNow(AS_OF)!,
    actor: { id: 'cli:demo', name: 'Datos de demostración' },
  });
  expect(r.ok).toBe(true);
  reports = await store.reports();
  figures = computePlan(thePlan(), reports, { year: 2025, asOf: AS_OF });
  api = statusJson(figures, () => []);
});

/** "98,9 %" / "98.9%" → 98.9. */
const percentOf = (text: string): number => Number(text.replace(/[^\d,.-]/g, '').replace(',', '.'));

/** The text right after the line that matches (a row's heading, then its figure). */
function after(lines: string[], pred: (l: string) => boolean): string {
  const i = lines.findIndex(pred);
  if (i < 0) throw new Error('line not found');
  return lines[i + 1];
}

const objectiveLine = (n: number) => (l: string) => new RegExp(`\\*\\*${n}\\*\\* · `).test(l);

/** The explanation table's rows: the text of each ColumnSet's fourth column («Aporte»), as shown. */
function contributionColumn(card: unknown): string[] {
  return findAll(card, (o) => o.type === 'ColumnSet' && Array.isArray(o.columns) && o.columns.length === 4).map(
    (cs) => {
      const col = (cs.columns as Record<string, unknown>[])[3];
      const block = ((col.items as Record<string, unknown>[]) ?? [])[0];
      return String(block?.text ?? '');
    },
  );
}

describe.each<Lang>(['es', 'en'])('the same figure everywhere, demo data (%s)', (lang) => {
  test('objective 10: 98,9 % on the plan card, its own card, the explanation, the digest, the workbook and the API', async () => {
    const o10 = figures.objectives[9];
    expect(o10.progress).toBeCloseTo(0.98947, 5); // the exact figure: 98,947 %

    const ctx = ctxOf(lang, { asOf: AS_OF });
    const plan = textOf(planSummaryCard(figures, ctx)).split('\n');
    const own = textOf(objectiveStatusCard(o10, ctx)).split('\n');
    const explanation = objectiveExplanationCard(explainObjective(o10, AS_OF), lang);
    const digest = textOf(
      digestCard(
        composeDigest({
          plan: thePlan(),
          figures,
          previous: null,
          reportsSince: [],
          owners: () => [],
          lang,
          now: new Date('2025-07-07T13:00:00Z'),
        }),
        { lang },
      ),
    ).split('\n');
    const wb = await readWorkbook(
      await buildWorkbook({
        plan: thePlan(),
        status: api,
        quarter: 3,
        reports,
        compliance: computeCompliance({ plan: thePlan(), reports, owners: () => [], year: 2025, asOf: AS_OF }),
        findings: checkPlan(thePlan()).findings,
        generatedAt: new Date('2025-07-03T15:00:00Z'),
        running: true,
      }).xlsx.writeBuffer(),
    );
    const summary = wb.getWorksheet('Resumen')!;
    let wbCell: { value: unknown; numFmt: string } | undefined;
    summary.eachRow((row) => {
      if (row.getCell(1).value === 'Objetivo' && row.getCell(2).value === 10) wbCell = row.getCell(7);
    });

    const shown = {
      planCard: percentOf(after(plan, objectiveLine(10))),
      objectiveCard: percentOf(after(own, (l) => /^(Avance anual|Annual progress)$/.test(l))),
      explanation: percentOf(contributionColumn(explanation).at(-1)!),
      digest: percentOf(after(digest, objectiveLine(10))),
      workbook: Number(((wbCell!.value as number) * 100).toFixed(1)),
      api: Number((api.objectives[9].progress! * 100).toFixed(1)),
    };
    expect(shown).toEqual({
      planCard: 98.9,
      objectiveCard: 98.9,
      explanation: 98.9,
      digest: 98.9,
      workbook: 98.9,
      api: 98.9,
    });
    expect(api.objectives[9].progress).toBe(0.989);
    expect(wbCell!.value).toBe(0.989);
    expect(wbCell!.numFmt).toBe('0.0%');
  });

  test('every objective and the plan: the plan card, the digest and the API agree; the explanation adds up', () => {
    const ctx = ctxOf(lang, { asOf: AS_OF });
    const plan = textOf(planSummaryCard(figures, ctx)).split('\n');
    const model = composeDigest({
      plan: thePlan(),
      figures,
      previous: null,
      reportsSince: [],
      owners: () => [],
      lang,
      now: new Date('2025-07-07T13:00:00Z'),
    });
    const digest = textOf(digestCard(model, { lang })).split('\n');
    for (const [i, o] of figures.objectives.entries()) {
      const n = o.objective.number;
      const fromApi =
        api.objectives[i].progress === null ? null : Number((api.objectives[i].progress! * 100).toFixed(1));
      expect({ n, card: percentOf(after(plan, objectiveLine(n))) }).toEqual({ n, card: fromApi });
      expect({ n, digest: percentOf(after(digest, objectiveLine(n))) }).toEqual({ n, digest: fromApi });

      // The explanation: its rows' contributions (as shown) add up to its sum row, which is the card's figure.
      const column = contributionColumn(objectiveExplanationCard(explainObjective(o, AS_OF), lang));
      const parts = column
        .slice(1, -1)
        .filter((t) => /\d/.test(t))
        .map(percentOf);
      const whole = percentOf(column.at(-1)!);
      expect({ n, whole }).toEqual({ n, whole: fromApi });
      expect({ n, sum: Math.round(parts.reduce((a, b) => a + b, 0) * 10) / 10 }).toEqual({ n, sum: whole });
    }
  });
});

describe('the rounding and the parts', () => {
  test('shownFraction rounds once, half away from zero, at a tenth of a percent', () => {
    expect(shownFraction(0.9894736842105263)).toBe(0.989);
    expect(shownFraction(0.98950000001)).toBe(0.99);
    expect(shownFraction(0.0005)).toBe(0.001);
    expect(shownFraction(1.2345)).toBe(1.235);
  });

  test('apportion: parts cut to the tenth, the missing tenths to the largest remainders, adding to the whole', () => {
    expect(apportion([0.5, 0.4894736842105263], 0.9894736842105263)).toEqual([0.5, 0.489]);
    // Three thirds of 100 %: 33,3 + 33,3 + 33,4.
    const thirds = apportion([1 / 3, 1 / 3, 1 / 3], 1);
    expect(thirds.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(thirds).toEqual([0.334, 0.333, 0.333]);
    expect(apportion([0, 0], 0)).toEqual([0, 0]);
  });
});
