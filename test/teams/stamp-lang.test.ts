import { stampLang } from '../../src/teams/deliver';
import { helpCard } from '../../src/views/help-cards';
import { indicatorDetailCard } from '../../src/views/indicator-cards';
import { laggingCard, objectiveStatusCard, planSummaryCard } from '../../src/views/status-cards';
import { reportConfirmationCard } from '../../src/views/report-cards';
import { loadPlan } from '../../src/plan/load';
import { SCENARIOS, planOf, byYear, indicatorOf } from '../views/scenario';
import { ctxOf } from '../views/helpers';
import type { Card } from '../../src/chat/types';

/** stampLang: a copy with the language on every button, made once per card and language. */

/** The first implementation: structuredClone, then stamp in place. */
function reference(card: Card, lang: 'es' | 'en'): Card {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (
      (o.type === 'Action.Submit' || o.type === 'Action.Execute') &&
      (o.data === undefined || typeof o.data === 'object')
    ) {
      o.data = { ...(o.data as object | undefined), lang };
    }
    Object.values(o).forEach(walk);
  };
  const copy = structuredClone(card);
  walk(copy);
  return copy;
}

const plan = loadPlan();

describe('stampLang', () => {
  const tricky: Card = {
    type: 'AdaptiveCard',
    body: [
      {
        type: 'TextBlock',
        text: 'x',
        wrap: true,
        nothing: null,
        list: [1, 'a', null, { deep: [{ type: 'Action.Submit' }] }],
      },
    ],
    actions: [
      { type: 'Action.Submit', title: 'a', data: { verb: 'show-plan', lang: 'en' } },
      { type: 'Action.Submit', title: 'b' },
      { type: 'Action.Submit', title: 'c', data: null },
      { type: 'Action.Submit', title: 'd', data: 'text data stays as it is' },
      { type: 'Action.Execute', verb: 'refresh', data: { n: 1, nested: { type: 'Action.Submit', data: {} } } },
      { type: 'Action.OpenUrl', url: 'https://example.gov.co' },
      {
        type: 'Action.ShowCard',
        card: { type: 'AdaptiveCard', actions: [{ type: 'Action.Submit', data: { verb: 'x' } }] },
      },
    ],
  };

  test.each(['es', 'en'] as const)(
    'gives what the first implementation gave (%s), and leaves the card as it was',
    (lang) => {
      const before = structuredClone(tricky);
      expect(stampLang(tricky, lang)).toEqual(reference(tricky, lang));
      expect(tricky).toEqual(before);
    },
  );

  test('on every real card', () => {
    const rendered: Card[] = [];
    for (const s of SCENARIOS) {
      const p = planOf(s);
      for (const lang of ['es', 'en'] as const) {
        const ctx = ctxOf(lang, { plan });
        rendered.push(planSummaryCard(p, ctx), laggingCard(p, ctx), helpCard(ctx));
        for (const o of p.objectives) rendered.push(objectiveStatusCard(o, ctx));
        const f = indicatorOf(p, '4263');
        rendered.push(indicatorDetailCard(f, byYear(s, '4263'), ctx));
        const record = f.reports[f.reports.length - 1];
        if (record) rendered.push(reportConfirmationCard({ lang, indicator: f.indicator, record, notes: [] }));
      }
    }
    expect(rendered.length).toBeGreaterThan(20);
    for (const card of rendered)
      for (const lang of ['es', 'en'] as const) expect(stampLang(card, lang)).toEqual(reference(card, lang));
  });
});
