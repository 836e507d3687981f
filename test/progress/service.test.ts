import { loadPlan } from '../../src/plan/load';
import { computePlan } from '../../src/progress/engine';
import { createStatusService } from '../../src/progress/service';
import { createMemoryStore } from '../../src/store/memory';
import type { ReportRecord } from '../../src/domain/records';
import { report } from '../helpers/reports';

/** The status service keeps the figures of each store revision; they must be the ones computePlan gives. */

const plan = loadPlan();
const ids = plan.objectives.flatMap((o) => o.indicators.map((i) => i.id));
const PERIODS = ['2024-03', '2024-11', '2024-12', '2025-01', '2025-05', '2025-06', '2025-07', '2025-08', '2026-02'];

/** A deterministic pseudo-random sequence in [0, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** A source with a revision and a change feed, like a Store (Store.reportChanges). */
function source() {
  const list: ReportRecord[] = [];
  const log: { rev: number; record: ReportRecord }[] = [];
  const versions = new Map<string, number>();
  let rev = 0;
  return {
    list,
    async revision() {
      return rev;
    },
    async reportChanges(since: number) {
      return {
        revision: rev,
        reports: since <= 0 ? list.slice() : log.filter((c) => c.rev > since).map((c) => c.record),
      };
    },
    /** The latest (highest) version of each month, as Store.latestReports. */
    async latestReports() {
      const latest = new Map<string, ReportRecord>();
      for (const r of list) {
        const k = `${r.indicatorId}|${r.period}`;
        if ((latest.get(k)?.version ?? 0) < r.version) latest.set(k, r);
      }
      return [...latest.values()];
    },
    async reports(q?: { indicatorId: string; period: string }) {
      return q ? list.filter((r) => r.indicatorId === q.indicatorId && r.period === q.period) : list.slice();
    },
    /** A change that is not a report (owners, conversations). */
    bump() {
      rev += 1;
    },
    push(record: ReportRecord) {
      list.push(record);
      rev += 1;
      log.push({ rev, record });
    },
    add(id: string, period: string, value: number, extra: Partial<ReportRecord> = {}) {
      const key = `${id}|${period}`;
      const version = (versions.get(key) ?? 0) + 1;
      versions.set(key, version);
      this.push(report(id, period, value, { version, ...extra }));
    },
  };
}

const KEYS: [number, string][] = [
  [2025, '2025-07-03'],
  [2024, '2025-07-03'],
  [2025, '2025-06-29'],
  [2026, '2026-03-01'],
];

describe('createStatusService', () => {
  test('after any sequence of appends, the figures equal computePlan over the whole list', async () => {
    const rand = rng(3);
    const src = source();
    const status = createStatusService(plan, src);
    for (let step = 0; step < 120; step++) {
      const n = 1 + Math.floor(rand() * 4);
      for (let k = 0; k < n; k++) {
        const late = rand() < 0.1;
        src.add(
          ids[Math.floor(rand() * ids.length)],
          PERIODS[Math.floor(rand() * PERIODS.length)],
          Math.round(rand() * 300) / 100,
          {
            dificultades: rand() < 0.3 ? 'Retraso en la contratación' : '',
            ...(late ? { reportedAt: '2026-02-10T15:00:00.000Z' } : {}),
          },
        );
      }
      for (const [year, asOf] of KEYS) {
        if (rand() < 0.5) continue; // some keys skip revisions: they catch up over several changes at once
        expect(await status.figures(year, asOf)).toEqual(computePlan(plan, src.list, { year, asOf }));
      }
    }
    for (const [year, asOf] of KEYS)
      expect(await status.figures(year, asOf)).toEqual(computePlan(plan, src.list, { year, asOf }));
  });

  test('reuses the figures while nothing changed; after a report they are computed again', async () => {
    const src = source();
    src.add('4263', '2025-05', 0.2);
    src.add('3980', '2025-05', 3);
    const status = createStatusService(plan, src);
    const a = await status.figures(2025, '2025-07-03');
    expect(await status.figures(2025, '2025-07-03')).toBe(a);

    src.bump(); // a change that is not a report (owners, conversations): the same figures
    expect(await status.figures(2025, '2025-07-03')).toEqual(a);

    src.add('4263', '2025-06', 0.3); // objective 5
    const b = await status.figures(2025, '2025-07-03');
    expect(b).not.toBe(a);
    expect(b).toEqual(computePlan(plan, src.list, { year: 2025, asOf: '2025-07-03' }));
    // the figures handed out before are left as they were
    expect(a.objectives[4].indicators[0].executed).toBe(0.2);
  });

  test('a correction replaces its month; a lower version arriving later does not', async () => {
    const src = source();
    const status = createStatusService(plan, src);
    src.add('4236', '2025-03', 1);
    expect((await status.figures(2025, '2025-07-03')).objectives[1].indicators[1].executed).toBe(1);
    src.add('4236', '2025-03', 2); // version 2
    expect((await status.figures(2025, '2025-07-03')).objectives[1].indicators[1].executed).toBe(2);
    src.push(report('4236', '2025-03', 9, { version: 1 }));
    expect((await status.figures(2025, '2025-07-03')).objectives[1].indicators[1].executed).toBe(2);
    expect(await status.figures(2025, '2025-07-03')).toEqual(
      computePlan(plan, src.list, { year: 2025, asOf: '2025-07-03' }),
    );
  });

  test('a version returned in review stops counting: the month is read again and its earlier version counts', async () => {
    const store = createMemoryStore();
    // The figures read each month's latest version, and only a returned month's other versions: never every version.
    const wholeReads: unknown[] = [];
    const status = createStatusService(plan, {
      revision: () => store.revision(),
      reportChanges: (since) => store.reportChanges(since),
      latestReports: () => {
        wholeReads.push('latest');
        return store.latestReports();
      },
      reports: (q) => {
        if (!q?.indicatorId || !q.period) wholeReads.push(q);
        return store.reports(q);
      },
    });
    const who = { id: 'aad-admin', name: 'Admin' };
    const at = '2025-07-01T12:00:00.000Z';
    const input = (value: number) => ({
      indicatorId: '4236',
      period: '2025-03',
      value,
      logros: 'Avance',
      dificultades: '',
      evidencia: 'https://x.example/e',
    });
    await store.appendReport(input(1), who, { source: 'teams', at, review: 'aprobado' });
    const v2 = await store.appendReport(input(3), who, { source: 'teams', at, review: 'pendiente' });
    expect((await status.figures(2025, '2025-07-03')).objectives[1].indicators[1].executed).toBe(3);
    await store.reviewReport({ reportId: v2.record.id, decision: 'devuelto', note: 'Falta la evidencia' }, who, at);
    const f = await status.figures(2025, '2025-07-03');
    expect(f.objectives[1].indicators[1].executed).toBe(1);
    expect(f).toEqual(computePlan(plan, await store.reports(), { year: 2025, asOf: '2025-07-03' }));
    // Every month's latest once, on the first question; after each write only what changed (Store.reportChanges).
    expect(wholeReads).toEqual(['latest']);
  });

  test('questions asked at once at one revision share one computation; a write in between is in the later answer', async () => {
    const store = createMemoryStore();
    const status = createStatusService(plan, store);
    const who = { id: 'aad-admin', name: 'Admin' };
    const at = '2025-07-01T12:00:00.000Z';
    const input = (value: number) => ({
      indicatorId: '4263',
      period: '2025-05',
      value,
      logros: 'Avance del mes',
      dificultades: '',
      evidencia: 'https://x.example/e',
    });
    await store.appendReport(input(0.2), who, { source: 'teams', at });
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => status.figures(2025, '2025-07-03')));
    expect(b).toBe(a);
    expect(c).toBe(a);
    const before = status.figures(2025, '2025-07-03');
    await store.appendReport(input(0.35), who, { source: 'teams', at });
    const after = status.figures(2025, '2025-07-03'); // asked after the write was acknowledged
    expect((await before).objectives[4].indicators[0].executed).toBeGreaterThanOrEqual(0.2);
    expect((await after).objectives[4].indicators[0].executed).toBe(0.35);
    expect(await after).toEqual(computePlan(plan, await store.reports(), { year: 2025, asOf: '2025-07-03' }));
  });

  test('on a real store: reports, corrections and other writes', async () => {
    const store = createMemoryStore();
    const status = createStatusService(plan, store);
    const who = { id: 'aad-admin', name: 'Admin' };
    const at = '2025-07-01T12:00:00.000Z';
    const input = (indicatorId: string, period: string, value: number) => ({
      indicatorId,
      period,
      value,
      logros: 'Avance del mes',
      dificultades: '',
      evidencia: 'https://x.example/e',
    });
    await store.appendReport(input('4263', '2025-05', 0.2), who, { source: 'teams', at });
    const before = await status.figures(2025, '2025-07-03');
    await store.setOwners('4263', [who], who, at);
    expect(await status.figures(2025, '2025-07-03')).toEqual(before);
    await store.appendReport(input('4263', '2025-05', 0.35), who, { source: 'teams', at });
    await store.appendReports([{ input: input('4075', '2025-06', 2), author: who, source: 'csv' }], at, who);
    expect(await status.figures(2025, '2025-07-03')).toEqual(
      computePlan(plan, await store.reports(), { year: 2025, asOf: '2025-07-03' }),
    );
    expect((await status.figures(2025, '2025-07-03')).objectives[4].indicators[0].executed).toBe(0.35);
  });
});

describe('effective reports out of order', () => {
  test('months first reported out of order are sorted; in order they are left as they are', async () => {
    const src = source();
    for (const p of ['2025-03', '2025-01', '2025-02', '2024-12']) src.add('4236', p, 1);
    src.add('4236', '2025-01', 2); // a correction keeps the month's place
    const status = createStatusService(plan, src);
    const f = await status.figures(2025, '2025-07-03');
    expect(f.objectives[1].indicators[1].reports.map((r) => r.period)).toEqual([
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
    ]);
    expect(f).toEqual(computePlan(plan, src.list, { year: 2025, asOf: '2025-07-03' }));
  });
});
