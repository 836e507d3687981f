import { composeDigest } from '../../src/digest/compose';
import { indicatorDetailCard } from '../../src/views/indicator-cards';
import type { CardJson } from '../../src/views/render';
import { laggingCard, objectiveStatusCard, planSummaryCard } from '../../src/views/status-cards';
import { digestCard } from '../../src/views/digest-cards';
import { statusJson } from '../../src/views/status-json';
import { ctxOf, figures, findAll, rep, textOf, thePlan } from './helpers';

/**
 * Issue 13, point 3: lag looks like lag. With nothing reported while much is expected, a card reads «Sin reportes»
 * in the attention colour (never a grey «Sin datos»); r above the top band before the year's target reads
 * «Adelantado»; the digest never celebrates while the plan is behind. The JSON keeps the contract's values.
 */

/** The TextBlock that shows a card's semáforo (the one after «Estado:»). */
function statusBlock(card: CardJson): Record<string, unknown> {
  const blocks = findAll(
    card,
    (o) => o.type === 'TextBlock' && typeof o.text === 'string' && /^(⚠️|🔴|🟡|🟢|🔵|⚪) /.test(o.text as string),
  );
  expect(blocks.length).toBeGreaterThan(0);
  return blocks[0];
}

function rowFor(card: CardJson, indicatorId: string): Record<string, unknown> {
  const rows = findAll(card, (o) => {
    const sa = o.selectAction as { data?: { indicatorId?: string } } | undefined;
    return sa?.data?.indicatorId === indicatorId;
  });
  expect(rows).toHaveLength(1);
  return rows[0];
}

describe('nothing reported while much is expected reads as missing reports', () => {
  // Objective 3 on 2025-06-30: 87,5 % expected of it, its 3 indicators have reported nothing.
  const p = figures([], '2025-06-30');
  const o3 = p.objectives[2];

  test('the engine says sin-datos (the JSON keeps it), the card says «Sin reportes (se esperaba 87,5 %)» in red', () => {
    expect([o3.status, o3.pending.length, Math.round(o3.expected! * 1000)]).toEqual(['sin-datos', 3, 875]);
    expect(statusJson(p, () => []).objectives[2].status).toBe('sin-datos');
    const card = objectiveStatusCard(o3, ctxOf('es'));
    const block = statusBlock(card);
    expect(block.text).toBe('⚠️ Sin reportes (se esperaba 87,5\u00a0%)');
    expect(block.color).toBe('attention');
    expect(textOf(card)).not.toMatch(/Sin datos/);
    // The annual bar of a lag is drawn in red, and its rows too.
    const row = rowFor(card, o3.indicators[0].indicator.id);
    expect(textOf(row)).toMatch(/^Sin reportes \(se esperaba \d+,\d\u00a0%\)/m);
    expect(findAll(row, (x) => x.type === 'TextBlock' && x.color === 'attention').length).toBeGreaterThan(0);
  });

  test('in English: «No reports (87.5% expected)»', () => {
    expect(statusBlock(objectiveStatusCard(o3, ctxOf('en'))).text).toBe('⚠️ No reports (87.5% expected)');
  });

  test('the plan and the indicator cards read the same way', () => {
    const plan = planSummaryCard(p, ctxOf('es'));
    expect(statusBlock(plan).text).toMatch(/^⚠️ Sin reportes \(se esperaba \d+,\d\u00a0%\)$/);
    expect(textOf(plan)).not.toMatch(/Sin datos/);
    const f = o3.indicators[0];
    const detail = indicatorDetailCard(f, [], ctxOf('es'));
    expect(statusBlock(detail).color).toBe('attention');
    expect(statusBlock(detail).text).toMatch(/^⚠️ Sin reportes/);
  });

  test('before anything is expected (a year without a target) it stays calm', () => {
    const q = figures([], '2024-12-31');
    const o2 = q.objectives[1];
    const f = o2.indicators.find((x) => x.indicator.id === '8110-M3')!;
    expect(f.status).toBe('sin-meta');
    expect(textOf(rowFor(objectiveStatusCard(o2, ctxOf('es', { asOf: '2024-12-31' })), '8110-M3'))).toMatch(
      /^Sin meta/m,
    );
  });
});

describe('r above the top band: «Adelantado» before the year target, «Sobre-ejecución» past it', () => {
  // 4263 (creciente, 0 → 0,4 in 2025): 62,5 % expected at June; 0,35 is 87,5 % of the year (r = 1,4).
  test('87,5 % of the year at r = 1,4 is «Adelantado», the JSON stays sobre-ejecucion', () => {
    const p = figures([rep('4263', '2025-06', 0.35)], '2025-06-30');
    const f = p.objectives[4].indicators.find((x) => x.indicator.id === '4263')!;
    expect(f.status).toBe('sobre-ejecucion');
    const row = textOf(rowFor(objectiveStatusCard(p.objectives[4], ctxOf('es')), '4263'));
    expect(row).toMatch(/^Adelantado · /m);
    expect(row).not.toMatch(/Sobre-ejecución/);
    expect(statusBlock(indicatorDetailCard(f, [], ctxOf('en'))).text).toBe('🔵 Ahead of schedule');
  });
  test('past the year target (0,45 of 0,4) it is «Sobre-ejecución»', () => {
    const p = figures([rep('4263', '2025-06', 0.45)], '2025-06-30');
    const row = textOf(rowFor(objectiveStatusCard(p.objectives[4], ctxOf('es')), '4263'));
    expect(row).toMatch(/^Sobre-ejecución · /m);
  });
});

describe('the digest never celebrates while the plan is behind', () => {
  const now = new Date('2025-07-07T13:00:00.000Z');
  function digestText(reports: Parameters<typeof figures>[0]): { text: string; count: number; withTarget: number } {
    const f = figures(reports, '2025-07-07', 2025);
    const m = composeDigest({
      plan: thePlan(),
      figures: f,
      previous: null,
      reportsSince: [],
      owners: () => [],
      lang: 'es',
      now,
    });
    return {
      text: textOf(digestCard(m, { lang: 'es' })),
      count: m.unreported.count,
      withTarget: m.unreported.withTarget,
    };
  }

  test('28 of 29 indicators without a report, none red or amber among the one that reported: no 🎉', () => {
    const d = digestText([rep('4267', '2025-06', 1)]);
    expect([d.count, d.withTarget]).toEqual([28, 29]);
    expect(d.text).not.toContain('🎉');
    expect(d.text).toContain(
      'Ningún indicador en rojo ni en amarillo entre los que reportaron, pero 28 de 29 indicadores no han reportado nada en 2025.',
    );
    expect(d.text).toMatch(/^⚠️ Sin reportes|^🔴 Rojo/m);
  });

  test('nothing reported at all: no 🎉 either', () => {
    const d = digestText([]);
    expect(d.count).toBe(29);
    expect(d.text).not.toContain('🎉');
  });

  test('when nothing lags at all (every indicator reported, none red or amber, plan green) it does celebrate', () => {
    const f = figures([], '2025-07-07', 2025);
    const m = composeDigest({
      plan: thePlan(),
      figures: f,
      previous: null,
      reportsSince: [],
      owners: () => [],
      lang: 'es',
      now,
    });
    const calm = {
      ...m,
      plan: { ...m.plan, status: 'verde' as const, progress: 0.6, expected: 0.6 },
      objectives: m.objectives.map((o) => ({
        ...o,
        status: 'verde' as const,
        progress: 0.6,
        expected: 0.6,
        pending: 0,
      })),
      lagging: [],
      unreported: { count: 0, withTarget: 29 },
    };
    expect(textOf(digestCard(calm, { lang: 'es' }))).toContain('Ningún indicador en rojo ni en amarillo. 🎉');
  });

  test('the lagging card, with nothing red or amber but reports missing, lists the missing ones', () => {
    const card = laggingCard(figures([rep('4267', '2025-06', 1)], '2025-07-07'), ctxOf('es'));
    expect(textOf(card)).not.toContain('🎉');
    expect(textOf(card)).toMatch(/sin reporte|pendientes/i);
  });
});
