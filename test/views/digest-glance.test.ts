import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNow } from '../../src/calendar';
import { PROJECT_ROOT as ROOT } from '../../src/paths';
import { computePlan } from '../../src/progress/engine';
import { importReportsCsv } from '../../src/reports/csv-import';
import { createMemoryStore } from '../../src/store/memory';
import { composeDigest, type DigestModel } from '../../src/digest/compose';
import { digestCard } from '../../src/views/digest-cards';
import type { Lang } from '../../src/views/format';
import { cardProblems, findAll, textOf, thePlan } from './helpers';

/**
 * The weekly digest on one screen (it was about 2,700 px tall on a 446 px card in the Playground): the plan's status,
 * its three bars and a four-line glance (objectives by colour, reports received, what lags, who owes the month that
 * closed) on the card; the lists one tap away under «Ver el detalle» (Action.ShowCard), with every figure they held.
 * Demo data (data/demo/reportes-2025.csv), digest of Monday 7 July 2025.
 */

let model: DigestModel;

beforeAll(async () => {
  const store = createMemoryStore();
  await importReportsCsv(store, readFileSync(join(ROOT, 'data', 'demo', 'reportes-2025.csv')), {
    plan: thePlan(),
    now: parseNow('2025-07-03')!,
    actor: { id: 'cli:demo', name: 'Datos de demostración' },
  });
  const reports = await store.reports();
  model = composeDigest({
    plan: thePlan(),
    figures: computePlan(thePlan(), reports, { year: 2025, asOf: '2025-07-07' }),
    previous: null,
    reportsSince: reports.slice(0, 4),
    owners: () => [],
    lang: 'es',
    now: new Date('2025-07-07T13:00:00Z'),
    compliance: { 'a-tiempo': 20, tarde: 3, 'sin-reporte': 7, 'en-plazo': 0 },
  });
});

/**
 * A card's height as a host draws it at 446 px, roughly: a text line 20 px (small text 17 px) at about 52 characters
 * a line (small: 60), a bar row 30 px, a row of buttons 44 px, 8 px between elements. Enough to tell one screen
 * (under 800 px) from three.
 */
function height(elements: unknown[]): number {
  let h = 0;
  for (const e of elements as Record<string, unknown>[]) {
    h += 8;
    if (e.type === 'TextBlock') {
      const small = e.size === 'Small';
      const lines = String(e.text)
        .split('\n')
        .reduce((a, l) => a + Math.max(1, Math.ceil(l.length / (small ? 60 : 52))), 0);
      h += Math.min(lines, Number(e.maxLines ?? lines)) * (small ? 17 : 20) * (e.size === 'Large' ? 1.4 : 1);
    } else if (e.type === 'ColumnSet') {
      const cols = (e.columns as { items: unknown[] }[]).map((c) => height(c.items) - 8 * c.items.length);
      h += Math.max(20, ...cols);
    } else if (e.type === 'Container') h += height(e.items as unknown[]);
    else if (e.type === 'ActionSet') h += 44;
    else if (e.type === 'Image') h += 30;
  }
  return h;
}

describe.each<Lang>(['es', 'en'])('the digest at a glance (%s)', (lang) => {
  test('one screen: status, bars and four lines, then «see the detail» and the two buttons', () => {
    const card = digestCard({ ...model, lang }, { lang }) as unknown as { body: unknown[]; actions: any[] };
    expect(cardProblems(card as never)).toEqual([]);
    const shown = height(card.body) + 44; // the action row
    expect(shown).toBeLessThan(800);
    const glance = textOf({ body: card.body });
    expect(glance).toMatch(
      lang === 'es' ? /Objetivos: 🟢 \d+ · 🟡 \d+ · 🔴 \d+/ : /Objectives: 🟢 \d+ · 🟡 \d+ · 🔴 \d+/,
    );
    expect(glance).toContain(lang === 'es' ? 'Se recibieron 4 reportes' : 'received');
    expect(glance).toMatch(lang === 'es' ? /Indicadores rezagados: \d+ en rojo/ : /Lagging indicators: \d+ red/);
    expect(glance).toMatch(
      lang === 'es'
        ? /sin reporte de junio de 2025 \(plazo: lunes 7 de julio de 2025\)/
        : /June 2025 \(deadline: Monday, July 7, 2025\)/,
    );
    // The lists are not on the face of the card…
    expect(glance).not.toContain('**4237**');
    // …but one tap away, whole: every objective's row and button, the lagging and the pending indicators.
    const [detail, ...buttons] = card.actions;
    expect(detail).toMatchObject({
      type: 'Action.ShowCard',
      title: lang === 'es' ? 'Ver el detalle' : 'See the detail',
    });
    const inside = textOf(detail.card);
    for (const o of model.objectives) expect(inside).toContain(`**${o.number}** · ${o.shortName}`);
    for (const l of model.lagging) expect(inside).toContain(`**${l.indicatorId}**`);
    expect(findAll(detail.card, (o) => (o.data as any)?.verb === 'show-objective').length).toBeGreaterThanOrEqual(10);
    expect(buttons.map((b) => b.data.verb)).toEqual(['show-plan', 'show-lagging']);
    // The detail's height is what the card was before: now behind a tap.
    expect(height(detail.card.body)).toBeGreaterThan(1500);
  });
});
