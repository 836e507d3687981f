import { composeDigest, snapshotOf, type DigestModel } from '../../src/digest/compose';
import { buildDigest, digestPeriod, manualDigestKey, previousDigestOf, recordDigest } from '../../src/digest/run';
import { computePlan } from '../../src/progress/engine';
import { statusJson } from '../../src/views/status-json';
import { digestCard, reminderCard, subscriptionCard } from '../../src/views/digest-cards';
import { formatPercent } from '../../src/views/format';
import { cardProblems, skeleton, submits, textOf } from '../views/helpers';
import { report } from '../helpers/reports';
import { ANA, LUIS, at, memoryStore, thePlan } from './fixtures';

const NOW = at('2025-07-07T08:00');
const figuresAt = (reports: Parameters<typeof computePlan>[1], now = NOW) => {
  const { year, asOf } = digestPeriod(now);
  return computePlan(thePlan(), reports, { year, asOf });
};

const reports = [
  report('4263', '2025-05', 0.2, { reportedAt: '2025-06-05T15:00:00.000Z' }),
  report('4263', '2025-06', 0.3, {
    reportedAt: '2025-07-03T15:00:00.000Z',
    author: { id: 'aad-ana', name: 'Ana Pérez' },
  }),
  report('4263', '2025-06', 0.32, {
    version: 2,
    reportedAt: '2025-07-04T15:00:00.000Z',
    author: { id: 'aad-ana', name: 'Ana Pérez' },
  }),
  report('3979', '2025-06', 0.05, {
    reportedAt: '2025-07-02T15:00:00.000Z',
    author: { id: 'aad-luis', name: 'Luis Gómez' },
  }),
  report('4075', '2025-03', 1, { reportedAt: '2025-04-02T15:00:00.000Z' }),
];
const owners = (id: string) => (id === '4263' ? [ANA] : id === '3979' ? [LUIS] : []);

function compose(previous: Parameters<typeof composeDigest>[0]['previous'], lang: 'es' | 'en' = 'es'): DigestModel {
  const since = previous?.at ?? new Date(NOW.getTime() - 7 * 86_400_000).toISOString();
  return composeDigest({
    plan: thePlan(),
    figures: figuresAt(reports),
    previous,
    reportsSince: reports.filter((r) => r.reportedAt > since),
    owners,
    lang,
    now: NOW,
  });
}

describe('composeDigest', () => {
  test('the digest reports the vigencia of the month that closed, as of today (Bogotá)', async () => {
    expect(digestPeriod(NOW)).toEqual({ year: 2025, asOf: '2025-07-07' });
    expect(digestPeriod(at('2026-01-05T08:00'))).toEqual({ year: 2025, asOf: '2026-01-05' });
  });

  test("plan and objective figures equal the read API's (same rounding)", () => {
    const m = compose(null);
    const api = statusJson(figuresAt(reports), owners);
    expect(m.plan).toEqual({
      id: api.plan.id,
      name: api.plan.name,
      progress: api.plan.progress,
      expected: api.plan.expected,
      cumulative: api.plan.cumulative,
      status: api.plan.status,
    });
    expect(m.objectives.map((o) => [o.number, o.progress, o.expected, o.cumulative, o.status, o.pending])).toEqual(
      api.objectives.map((o) => [o.number, o.progress, o.expected, o.cumulative, o.status, o.pending.length]),
    );
    expect(m.year).toBe(api.year);
    expect(m.asOf).toBe(api.asOf);
  });

  test('reports received since the last digest, grouped by indicator in plan order, corrections included', async () => {
    const m = compose({ at: '2025-06-30T13:00:00.000Z', snapshot: null });
    expect(m.changes.reportCount).toBe(3);
    expect(
      m.changes.byIndicator.map((g) => [g.indicatorId, g.reports.map((r) => [r.period, r.value, r.version, r.author])]),
    ).toEqual([
      ['3979', [['2025-06', 0.05, 1, 'Luis Gómez']]],
      [
        '4263',
        [
          ['2025-06', 0.3, 1, 'Ana Pérez'],
          ['2025-06', 0.32, 2, 'Ana Pérez'],
        ],
      ],
    ]);
    expect(m.changes.firstDigest).toBe(false);
    expect(m.changes.since).toBe('2025-06-30T13:00:00.000Z');
  });

  test('status changes old → new against the previous snapshot', async () => {
    const before = figuresAt(reports.slice(0, 1), at('2025-06-30T08:00'));
    const snap = snapshotOf(before);
    const m = compose({ at: '2025-06-30T13:00:00.000Z', snapshot: snap });
    const now = figuresAt(reports);
    const expected = now.objectives
      .flatMap((o) => o.indicators)
      .filter((f) => snap.indicators[f.indicator.id] !== f.status)
      .map((f) => f.indicator.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(m.changes.statusChanges.filter((c) => c.kind === 'indicator').map((c) => c.ref)).toEqual(expected);
    for (const c of m.changes.statusChanges) expect(c.from).not.toBe(c.to);
    // A snapshot of another year (a new vigencia) shows no changes.
    expect(
      compose({ at: '2025-06-30T13:00:00.000Z', snapshot: { ...snap, year: 2024 } }).changes.statusChanges,
    ).toEqual([]);
  });

  test('lagging: every red then every amber indicator, with owners', async () => {
    const m = compose(null);
    const all = figuresAt(reports).objectives.flatMap((o) => o.indicators);
    expect(m.lagging.map((l) => l.indicatorId)).toEqual([
      ...all.filter((f) => f.status === 'rojo').map((f) => f.indicator.id),
      ...all.filter((f) => f.status === 'amarillo').map((f) => f.indicator.id),
    ]);
    expect(m.lagging.length).toBeGreaterThan(0);
  });

  test('pending owners for the month that closed, "sin responsable" where nobody is assigned', async () => {
    const m = compose(null);
    expect(m.pending.period).toBe('2025-06');
    expect(m.pending.deadline).toBe('2025-07-07');
    const ids = m.pending.items.map((i) => i.indicatorId);
    expect(ids).not.toContain('4263');
    expect(ids).not.toContain('3979');
    expect(ids).toHaveLength(27);
    const card = digestCard(m, { lang: 'es' });
    expect(textOf(card)).toContain('sin responsable');
    expect(textOf(card)).toContain('27 indicadores no han reportado (27 sin responsable asignado).');
    // On the card, indicators with a named owner come first: those are the people to call.
    const withOwner = composeDigest({
      plan: thePlan(),
      figures: figuresAt(reports),
      previous: null,
      reportsSince: [],
      owners: (id) => (id === '4202' ? [LUIS] : []),
      lang: 'es',
      now: NOW,
    });
    const text = textOf(digestCard(withOwner, { lang: 'es' }));
    const pendingPart = text.slice(text.indexOf('Reportes pendientes'));
    expect(pendingPart).toContain('26 sin responsable asignado');
    expect(pendingPart.indexOf('**4202**')).toBeLessThan(pendingPart.indexOf('**3980**'));
    expect(pendingPart).toContain('Objetivo 8 · Responsable: Luis Gómez');
  });
});

describe('the digest card', () => {
  test("is a valid Adaptive Card with a button to open each objective and the API's figures on it", () => {
    const m = compose({
      at: '2025-06-30T13:00:00.000Z',
      snapshot: snapshotOf(figuresAt(reports.slice(0, 1), at('2025-06-30T08:00'))),
    });
    for (const lang of ['es', 'en'] as const) {
      const card = digestCard({ ...m, lang }, { lang });
      expect(cardProblems(card)).toEqual([]);
      const objectiveButtons = submits(card).filter((s) => s.data.verb === 'show-objective');
      expect([...new Set(objectiveButtons.map((s) => s.data.objective))]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      for (const b of objectiveButtons) expect(b.data).toEqual({ verb: 'show-objective', objective: b.data.objective });
      const text = textOf(card);
      expect(text).toContain(formatPercent(m.plan.progress, lang));
      for (const o of m.objectives) expect(text).toContain(formatPercent(o.progress, lang));
    }
    expect(skeleton(digestCard(m, { lang: 'en' }))).toEqual(skeleton(digestCard(m, { lang: 'es' })));
    expect(JSON.stringify(digestCard(m, { lang: 'es' })).length).toBeLessThan(80_000);
  });

  test('Spanish words on the digest, the reminder and the subscription cards', async () => {
    const es = textOf(digestCard(compose(null), { lang: 'es' }));
    expect(es).toContain('Resumen semanal del PEI');
    expect(es).toContain('Reportes pendientes de junio de 2025 (plazo: lunes 7 de julio de 2025)');
    const rem = reminderCard(
      {
        key: 'k',
        period: '2025-06',
        deadline: '2025-07-07',
        daysLeft: 3,
        owner: ANA,
        indicators: [{ id: '4263', name: 'Portal', objective: 5 }],
      },
      'es',
    );
    expect(cardProblems(rem)).toEqual([]);
    expect(textOf(rem)).toContain('Faltan 3 días para el plazo del reporte de junio de 2025: lunes 7 de julio de 2025');
    expect(submits(rem).map((s) => s.data)).toContainEqual({ verb: 'report-start', indicatorId: '4263' });
    for (const outcome of [
      'subscribed',
      'already-subscribed',
      'unsubscribed',
      'not-subscribed',
      'only-admins',
    ] as const) {
      for (const lang of ['es', 'en'] as const) {
        const card = subscriptionCard({
          outcome,
          lang,
          scope: 'channel',
          nextRun: at('2025-07-14T08:00'),
          by: 'Ana Pérez',
          isAdmin: true,
        });
        expect({ outcome, lang, problems: cardProblems(card) }).toEqual({ outcome, lang, problems: [] });
      }
    }
    expect(
      textOf(
        subscriptionCard({ outcome: 'subscribed', lang: 'es', scope: 'channel', nextRun: at('2025-07-14T08:00') }),
      ),
    ).toContain('lunes 14 de julio de 2025, 8:00 a. m. (hora de Bogotá)');
  });
});

describe('the digest from the store', () => {
  test('the next digest counts changes from the last one, scheduled or sent on demand', async () => {
    const store = memoryStore({ reports, owners: { '4263': [ANA] } });
    const deps = {
      plan: thePlan(),
      store,
      figures: async (y: number, a: string) => computePlan(thePlan(), await store.reports(), { year: y, asOf: a }),
    };
    const first = await buildDigest(deps, 'c1', at('2025-06-30T08:00'));
    expect(first.model.changes.firstDigest).toBe(true);
    await recordDigest(store, 'digest:2025-W27:c1', at('2025-06-30T08:00'), 'c1', first.snapshot);
    const manual = at('2025-07-03T16:00');
    const second = await buildDigest(deps, 'c1', manual);
    await recordDigest(store, manualDigestKey(manual, 'c1'), manual, 'c1', second.snapshot);
    expect((await previousDigestOf(store, 'c1'))?.at).toBe(manual.toISOString());
    expect(await previousDigestOf(store, 'c2')).toBeNull();
    const third = await buildDigest(deps, 'c1', NOW);
    expect(third.model.changes.since).toBe(manual.toISOString());
    expect(third.model.changes.byIndicator.map((g) => g.indicatorId)).toEqual(['4263']); // only the correction of 4 July
    expect(manualDigestKey(manual, 'c1')).toBe('digest:manual-20250703T160000:c1');
  });
});
