import { loadPlan } from '../../src/plan/load';
import { parseNow } from '../../src/calendar';
import { createMemoryStore } from '../../src/store/memory';
import { importReportsCsv } from '../../src/reports/csv-import';
import { initialReview, pendingReviews, reviewOf, reviewReport, MIN_RETURN_REASON } from '../../src/reports/review';
import { submitReport } from '../../src/reports/submit';
import { computePlan, effectiveReports } from '../../src/progress/engine';
import type { ReportRecord } from '../../src/domain/records';
import { cardText, cardsOf, startConversation } from '../helpers/conversation';
import { ADMIN, ANA, LUIS } from '../helpers/activities';
import { outcomeText } from '../../src/chat/review';

const plan = loadPlan();
const NOW = parseNow('2025-07-03T10:00')!;
const admin = { id: 'aad-admin', name: 'Oficina de Planeación' };
const ana = { id: 'aad-ana', name: 'Ana Pérez' };
const input = {
  indicatorId: '4263',
  period: '2025-06',
  value: '0,3',
  logros: 'Se publicó el portal de trámites',
  dificultades: '',
  evidencia: 'https://intranet.example.gov.co/e',
};

test('a version stored before review existed reads as aprobado; owners enter pendiente, admins and imports aprobado', () => {
  expect(reviewOf({})).toBe('aprobado');
  expect(reviewOf({ review: 'devuelto' })).toBe('devuelto');
  expect(initialReview({ isAdmin: false, source: 'teams' })).toBe('pendiente');
  expect(initialReview({ isAdmin: true, source: 'teams' })).toBe('aprobado');
  expect(initialReview({ isAdmin: false, source: 'csv' })).toBe('aprobado');
});

test("submit: the owner's version waits, the admin's is approved; the CSV import is approved", async () => {
  const store = createMemoryStore({ owners: { '4263': [ana] } });
  const base = { plan, input, now: NOW, source: 'teams' as const, lang: 'es' as const };
  const owner = await submitReport(store, { ...base, actor: ana, isAdmin: false, submissionId: 'form-000001' });
  expect(owner.status === 'stored' && owner.record.review).toBe('pendiente');
  const byAdmin = await submitReport(store, {
    ...base,
    input: { ...input, period: '2025-05' },
    actor: admin,
    isAdmin: true,
    submissionId: 'form-000002',
  });
  expect(byAdmin.status === 'stored' && byAdmin.record.review).toBe('aprobado');
  const csv = `indicator,period,value,logros,dificultades,evidencia,reported_by\n3979,2025-06,"0,2",Avance del mes de junio,,https://intranet.example.gov.co/e,aad-ana\n`;
  const r = await importReportsCsv(store, csv, { plan, now: NOW, actor: admin });
  expect(r).toMatchObject({ ok: true });
  expect((await store.reports()).find((x) => x.indicatorId === '3979')?.review).toBe('aprobado');
  expect((await pendingReviews(store, plan)).map((x) => x.id)).toEqual(['4263:2025-06:v1']);
});

test("what waits for review is each plan's own: a reused id's months belong to the plan whose years hold them", async () => {
  // The next PEI reuses the first's indicators (as 4263) in its own years, 2028–2031.
  const next = { ...plan, id: 'pei-2028-2031', period: { from: 2028, to: 2031 } };
  const store = createMemoryStore();
  for (const period of ['2025-06', '2028-06'])
    await store.appendReport({ ...input, period, value: 0.3 }, ana, {
      source: 'teams',
      at: NOW.toISOString(),
      review: 'pendiente',
    });
  expect((await pendingReviews(store, plan)).map((x) => x.id)).toEqual(['4263:2025-06:v1']);
  expect((await pendingReviews(store, next)).map((x) => x.id)).toEqual(['4263:2028-06:v1']);
  expect((await pendingReviews(store)).map((x) => x.id)).toEqual(['4263:2025-06:v1', '4263:2028-06:v1']);
});

test('reviewReport: only admins, a return needs its reason, clear messages in both languages', async () => {
  const store = createMemoryStore();
  const { record } = await store.appendReport({ ...input, value: 0.3 }, ana, {
    source: 'teams',
    at: NOW.toISOString(),
    review: 'pendiente',
  });
  const req = { plan, reportId: record.id, now: NOW };
  const forbidden = await reviewReport(store, { ...req, actor: ana, isAdmin: false, decision: 'aprobado' });
  expect(forbidden).toEqual({ status: 'forbidden' });
  expect(outcomeText(forbidden, 'es')).toContain('Solo la Oficina Asesora de Planeación');
  const short = await reviewReport(store, {
    ...req,
    actor: admin,
    isAdmin: true,
    decision: 'devuelto',
    note: '  short  ',
  });
  expect(short).toEqual({ status: 'invalid', why: 'reason-short' });
  expect(outcomeText(short, 'en')).toContain(`at least ${MIN_RETURN_REASON} characters`);
  expect(
    await reviewReport(store, { ...req, actor: admin, isAdmin: true, decision: 'aprobado', reportId: 'nope' }),
  ).toMatchObject({ status: 'not-found' });
  expect(await store.audit()).toHaveLength(1);
  const ok = await reviewReport(store, {
    ...req,
    actor: admin,
    isAdmin: true,
    decision: 'devuelto',
    note: 'Falta el acta de publicación',
  });
  expect(ok).toMatchObject({
    status: 'reviewed',
    decision: 'devuelto',
    record: { review: 'devuelto', reviewNote: 'Falta el acta de publicación' },
  });
  expect(outcomeText(ok, 'en')).toMatch(/returned/i);
  const again = await reviewReport(store, { ...req, actor: admin, isAdmin: true, decision: 'aprobado' });
  expect(again).toMatchObject({ status: 'not-pending' });
  expect(outcomeText(again, 'es')).toContain('ya fue revisado (devuelto)');
});

test('the counting rule: a returned version does not count, the month falls back to its latest version not returned', () => {
  const r = (v: number, value: number, review?: ReportRecord['review']): ReportRecord => ({
    id: `4263:2025-06:v${v}`,
    indicatorId: '4263',
    period: '2025-06',
    version: v,
    value,
    logros: 'x',
    dificultades: '',
    evidencia: '',
    author: ana,
    reportedAt: '2025-07-01T00:00:00Z',
    source: 'teams',
    ...(review ? { review } : {}),
  });
  const pick = (list: ReportRecord[]) =>
    effectiveReports(list)
      .get('4263')
      ?.map((x) => x.version) ?? [];
  expect(pick([r(1, 0.2), r(2, 0.3, 'pendiente')])).toEqual([2]);
  expect(pick([r(1, 0.2), r(2, 0.3, 'devuelto')])).toEqual([1]);
  expect(pick([r(1, 0.2, 'devuelto')])).toEqual([]);
  expect(pick([r(1, 0.2, 'devuelto'), r(2, 0.3, 'devuelto'), r(3, 0.35, 'pendiente')])).toEqual([3]);
  const p = computePlan(plan, [r(1, 0.2), r(2, 0.3, 'devuelto')], { year: 2025, asOf: '2025-07-03' });
  expect(p.objectives[4].indicators[0].executed).toBe(0.2);
});

describe('the review digest of a planning channel, in chat', () => {
  test('admins subscribe and cancel it (the weekly digest is kept); others are refused', async () => {
    const c = startConversation({ now: '2025-07-03T10:00' });
    const group = { kind: 'groupChat' as const, id: '19:planeacion@thread.v2' };
    expect(
      cardText(cardsOf(await c.say('suscribir resumen de revisión', { from: LUIS, where: group })).at(-1)),
    ).toContain('Solo');
    expect(await c.store.subscriptions()).toEqual([]);
    await c.say('suscribir resumen semanal', { from: ANA, where: group });
    expect(
      cardText(cardsOf(await c.say('suscribir resumen de revisión', { from: ADMIN, where: group })).at(-1)),
    ).toContain('Resumen de revisión activado');
    expect((await c.store.subscriptions()).map((s) => s.kind).sort()).toEqual(['review-digest', 'weekly-digest']);
    expect(
      cardText(cardsOf(await c.say('cancelar resumen de revisión', { from: ADMIN, where: group })).at(-1)),
    ).toContain('Resumen de revisión cancelado');
    expect((await c.store.subscriptions()).map((s) => s.kind)).toEqual(['weekly-digest']);
  });
});
