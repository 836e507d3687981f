/**
 * In-process measurements, in a process of their own (started with --expose-gc):
 * - the whole-plan status computation (computePlan, cold: no cache) for the synthetic district-sized plan;
 * - the figures after one more report through the status service (what a submit turn pays at that size);
 * - language understanding per message on the real plan;
 * - a status bar's image drawn, against one already drawn (views/format.ts keeps each image it draws).
 */
import { computePlan } from '../../src/progress/engine';
import { createStatusService } from '../../src/progress/service';
import { createUnderstanding } from '../../src/language';
import { loadPlan } from '../../src/plan/load';
import { barImage } from '../../src/views/format';
import type { ReportRecord } from '../../src/domain/records';
import { reportId } from '../../src/store/rules';
import { districtPlan, districtReports } from '../lib/district';
import { memorySample, ready, serveIpc, fail } from '../lib/ipc';
import { percentile, sortNumbers } from '../lib/stats';

const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function timed(
  runs: number,
  f: () => unknown,
): Promise<{ runs: number; first: number; median: number; p95: number; min: number; max: number }> {
  const xs: number[] = [];
  let first = NaN;
  for (let i = 0; i < runs + 1; i++) {
    gc();
    const t = performance.now();
    await f();
    const ms = performance.now() - t;
    if (i === 0)
      first = ms; // the very first run also pays the JIT warm-up: shown apart
    else xs.push(ms);
  }
  const s = sortNumbers(xs);
  return { runs, first, median: percentile(s, 50), p95: percentile(s, 95), min: s[0], max: s[s.length - 1] };
}

async function district(runs: number) {
  gc();
  const before = memorySample();
  const plan = districtPlan();
  const reports = districtReports(plan);
  gc();
  const withData = memorySample();
  const indicators = plan.objectives.reduce((n, o) => n + o.indicators.length, 0);
  // End of the plan: all 48 months count. Mid-plan (the bot's PEI_NOW): 19 months of 48 count.
  const end = await timed(runs, () => computePlan(plan, reports, { year: 2027, asOf: '2027-12-31' }));
  const mid = await timed(runs, () => computePlan(plan, reports, { year: 2025, asOf: '2025-07-03' }));
  const kept = computePlan(plan, reports, { year: 2027, asOf: '2027-12-31' }); // held while the heap is measured
  gc();
  const withFigures = memorySample();

  // The status service after one more report (a submit): the figures of the year at that revision.
  // A store's change feed (Store.reportChanges): each write bumps the revision and logs the version it wrote.
  const log: { rev: number; r: ReportRecord }[] = [];
  const source = {
    rev: 1,
    list: reports.slice() as ReportRecord[],
    async revision() {
      return this.rev;
    },
    async reportChanges(since: number) {
      return {
        revision: this.rev,
        reports: since <= 0 ? this.list.slice() : log.filter((x) => x.rev > since).map((x) => x.r),
      };
    },
    async latestReports() {
      const latest = new Map<string, ReportRecord>();
      for (const r of this.list) {
        const k = `${r.indicatorId}|${r.period}`;
        if ((latest.get(k)?.version ?? 0) < r.version) latest.set(k, r);
      }
      return [...latest.values()];
    },
    async reports(q?: { indicatorId: string; period: string }) {
      return q ? this.list.filter((r) => r.indicatorId === q.indicatorId && r.period === q.period) : this.list.slice();
    },
  };
  const service = createStatusService(plan, source);
  await service.figures(2027, '2027-12-31');
  const ind = plan.objectives[41].indicators[7];
  let v = 1;
  const afterWrite = await timed(runs, () => {
    v += 1;
    const r: ReportRecord = {
      ...reports[0],
      id: reportId(ind.id, '2027-11', v),
      indicatorId: ind.id,
      period: '2027-11',
      version: v,
      value: 1 + (v % 3),
    };
    source.list.push(r);
    source.rev += 1;
    log.push({ rev: source.rev, r });
    return service.figures(2027, '2027-12-31');
  });
  const hit = await timed(runs, () => service.figures(2027, '2027-12-31'));
  void kept;
  return {
    objectives: plan.objectives.length,
    indicators,
    reports: reports.length,
    endOfPlan: end,
    midPlan: mid,
    afterOneWrite: afterWrite,
    cacheHit: hit,
    memory: {
      baseHeapMB: before.heapUsedMB,
      heapWithPlanAndReportsMB: withData.heapUsedMB,
      heapWithFiguresMB: withFigures.heapUsedMB,
      figuresMB: withFigures.heapUsedMB - withData.heapUsedMB,
      rssMB: withFigures.rssMB,
      peakRssMB: withFigures.peakRssMB,
    },
  };
}

const MESSAGES = [
  '¿cómo va el objetivo 5?',
  'how is objective five doing',
  'indicador 4263 junio 2025',
  'meta 3 proyecto 8116',
  '¿qué está en rojo?',
  'cómo van los nodos digitales',
  'reportar avance 4236',
  'asignar responsable 4263 ana.perez@secretariageneral.gov.co',
  'resumen del plan 2025',
  'hola',
];

function understanding(iterations: number) {
  const plan = loadPlan();
  const t = performance.now();
  const nlu = createUnderstanding(plan);
  const buildMs = performance.now() - t;
  const xs: number[] = [];
  for (let i = 0; i < iterations; i++) {
    for (const m of MESSAGES) {
      const t0 = performance.now();
      nlu.understand(m);
      xs.push((performance.now() - t0) * 1000);
    }
  }
  const s = sortNumbers(xs);
  const objective5 = sortNumbers(xs.filter((_, i) => i % MESSAGES.length === 0));
  return {
    messages: MESSAGES.length,
    calls: xs.length,
    buildMs,
    p50us: percentile(s, 50),
    p99us: percentile(s, 99),
    meanUs: xs.reduce((a, b) => a + b, 0) / xs.length,
    objective5P50us: percentile(objective5, 50),
  };
}

/** Milliseconds a bar image takes: each of the 1,001 fills of a 1000-px bar drawn, then the same taken again. */
function bars() {
  for (let i = 0; i < 100; i++) barImage(i / 100, 'attention'); // the code warmed up on another colour
  const each = (f: (px: number) => unknown) => {
    const t = performance.now();
    for (let px = 0; px <= 1000; px++) f(px);
    return (performance.now() - t) / 1001;
  };
  return { drawMs: each((px) => barImage(px / 1000, 'good')), keptMs: each((px) => barImage(px / 1000, 'good')) };
}

try {
  serveIpc(
    {
      district: () => district(Number(process.env.BENCH_DISTRICT_RUNS ?? 30)),
      understanding: () => understanding(Number(process.env.BENCH_NLU_ITERATIONS ?? 300)),
      bars: () => bars(),
    },
    async () => undefined,
  );
  ready(0);
} catch (e) {
  fail(e);
}
