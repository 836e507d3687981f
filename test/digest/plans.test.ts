/**
 * The digests follow the plans in force (DOMAIN.md, «Plans follow each other»): on a Monday of 2028, after the first
 * PEI (2024–2027) has ended, the weekly digest is the next PEI's, and a Plan de Acción 2028 in force beside it gets
 * a card of its own; each card's buttons carry its plan. In 2027 the digest is still the first plan's. The admins'
 * review digest shows each pending report with its own plan's indicator.
 */
import type { Plan } from '../../src/domain/plan';
import type { ReportRecord } from '../../src/domain/records';
import { createPlanBook } from '../../src/progress/plans';
import { DigestRunner, type Outbound } from '../../src/digest/run';
import { renderOutbound } from '../../src/chat/outbound';
import { cardText } from '../helpers/conversation';
import { ADMIN, ANA, at, conversation, memoryStore, subscription, thePlan } from './fixtures';
import { eachYear, next4263, NEXT_PEI_OBJECTIVES, nextPei, sumIndicator, testPlan } from '../helpers/plans';

const shipped = thePlan();
const { digital, documents } = NEXT_PEI_OBJECTIVES;
const PEI_2028 = nextPei(shipped, [
  { ...digital, indicators: [next4263()] },
  {
    ...documents,
    indicators: [sumIndicator('5001', 2, 1, 'Series documentales digitalizadas', eachYear(2028, 2031, 20))],
  },
]);
/** A Plan de Acción 2028, in force beside the PEI (its own ids: their years overlap); a percent indicator. */
const ACTION_2028 = testPlan(
  shipped,
  'pa-2028',
  'Plan de Acción 2028',
  [2028, 2028],
  [
    {
      name: 'Atender a la ciudadanía en los canales digitales',
      shortName: 'Atención digital',
      indicators: [{ ...sumIndicator('6001', 1, 1, 'Solicitudes atendidas en línea', { 2028: 0.8 }), unit: 'percent' }],
    },
  ],
);

function rec(indicatorId: string, period: string, value: number, review: ReportRecord['review'], reportedAt: string) {
  return {
    id: `${indicatorId}:${period}:v1`,
    indicatorId,
    period,
    version: 1,
    value,
    logros: 'Avance del mes',
    dificultades: '',
    evidencia: 'https://intranet.example.gov.co/e',
    author: ANA,
    reportedAt,
    source: 'teams',
    review,
  } as ReportRecord;
}

async function setUp(plans: Plan[]) {
  const store = memoryStore({
    conversations: [
      conversation('19:direccion@thread.tacv2', 'channel'),
      conversation('a:personal-admin', 'personal', { userId: 'aad-admin' }),
    ],
    subscriptions: [subscription('19:direccion@thread.tacv2')],
    reports: [
      rec('5001', '2028-06', 5, 'aprobado', '2028-07-05T15:00:00.000Z'),
      rec('6001', '2028-06', 0.25, 'pendiente', '2028-07-05T16:00:00.000Z'),
      // a first-plan month imported late: 4263 of 2025 is the first PEI's, not the next one's (which reuses the id)
      rec('4263', '2025-06', 0.3, 'aprobado', '2028-07-06T15:00:00.000Z'),
    ],
  });
  for (const p of plans) {
    const input = { planId: p.id, effective: `${p.period.from}-01-01`, reason: 'Acuerdo 3 de 2027', plan: p };
    await store.appendPlanVersion({ ...input, changes: [], firstVersion: 1 }, ADMIN, '2027-12-01T15:00:00.000Z');
  }
  const book = createPlanBook(shipped, store);
  const delivered: Outbound[] = [];
  const runner = new DigestRunner({
    plan: shipped,
    store,
    figures: (year, asOf) => book.shipped.figures(year, asOf),
    cron: '0 8 * * 1',
    reminderDays: [5, 3, 1],
    admins: ['aad-admin'],
    log: { debug() {}, info() {}, warn() {}, error() {} },
    deliver: async (item) => {
      delivered.push(item);
      return { status: 'sent', attempts: 1 };
    },
    plans: book,
  });
  return { store, runner, delivered };
}

const digests = (items: Outbound[]) =>
  items.filter((i): i is Extract<Outbound, { kind: 'digest' }> => i.kind === 'digest');

describe('the digests follow the plans in force', () => {
  test('Monday 10 July 2028: the next PEI and the Plan de Acción 2028, one card each, with their figures and plans', async () => {
    const { runner, delivered } = await setUp([PEI_2028, ACTION_2028]);
    const now = at('2028-07-10T08:00');
    const due = digests(await runner.due(now));
    expect(due.map((d) => [d.key, d.model.plan.id])).toEqual([
      ['digest:2028-W28:19:direccion@thread.tacv2', 'pei-2028-2031'],
      ['digest:2028-W28+pa-2028:19:direccion@thread.tacv2', 'pa-2028'],
    ]);
    const [pei, pa] = due;
    expect(pei.model).toMatchObject({ year: 2028, plan: { name: 'Plan Estratégico Institucional 2028-2031' } });
    // 5001: 5 of 20 in 2028; 4263 (the next PEI's) has nothing of its own yet
    expect(pei.model.objectives.map((o) => [o.number, o.shortName, o.progress])).toEqual([
      [1, 'Trámites digitales', null],
      [2, 'Gestión documental', 0.25],
    ]);
    // received this week: 5001 only (the 2025 month of 4263 belongs to the first PEI)
    expect(pei.model.changes.byIndicator.map((g) => g.indicatorId)).toEqual(['5001']);
    expect(pei.model.changes.reportCount).toBe(1);
    expect(pa.model.objectives.map((o) => [o.number, o.shortName])).toEqual([[1, 'Atención digital']]);
    expect(pa.model.changes.byIndicator.map((g) => g.indicatorId)).toEqual(['6001']);

    // each card names its plan and its buttons carry it
    const peiCard = renderOutbound(pei).card;
    const paCard = renderOutbound(pa).card;
    expect(cardText(peiCard)).toContain('Plan Estratégico Institucional 2028-2031');
    expect(cardText(paCard)).toContain('Plan de Acción 2028');
    expect(JSON.stringify(peiCard)).toContain('"verb":"show-objective","objective":2,"plan":"pei-2028-2031"');
    expect(JSON.stringify(peiCard)).not.toContain('"plan":"pa-2028"');
    expect(JSON.stringify(paCard)).toContain('"verb":"show-objective","objective":1,"plan":"pa-2028"');

    // sent: both recorded, nothing due again; a week later each compares with its own previous digest
    await runner.run(now);
    expect(digests(delivered).map((d) => d.key)).toEqual(due.map((d) => d.key));
    expect(digests(await runner.due(at('2028-07-10T09:00')))).toEqual([]);
    const next = digests(await runner.due(at('2028-07-17T08:00')));
    expect(next.map((d) => [d.model.plan.id, d.model.changes.firstDigest])).toEqual([
      ['pei-2028-2031', false],
      ['pa-2028', false],
    ]);
  });

  test('the review digest: the pending report of the Plan de Acción shown in its own unit (25 %, not 0,25)', async () => {
    const { runner } = await setUp([PEI_2028, ACTION_2028]);
    const items = await runner.due(at('2028-07-10T09:00'));
    const review = items.find((i) => i.key.startsWith('review-digest:'))!;
    expect(review).toBeDefined();
    const text = cardText(renderOutbound(review, shipped).card);
    expect(text).toMatch(/\*\*6001\*\* · junio de 2028 · 25\s%/);
  });

  test('Monday 22 November 2027: the first PEI is in force, its digest alone', async () => {
    const { runner } = await setUp([PEI_2028, ACTION_2028]);
    const due = digests(await runner.due(at('2027-11-22T08:00')));
    expect(due.map((d) => [d.key, d.model.plan.id, d.model.year])).toEqual([
      ['digest:2027-W47:19:direccion@thread.tacv2', 'pei-sg-2024-2027', 2027],
    ]);
    expect(due[0].model.objectives).toHaveLength(shipped.objectives.length);
  });
});
