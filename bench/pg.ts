/**
 * npm run bench:pg: the PostgreSQL store (PEI_DATABASE_URL), on a throwaway server of its own (test/pg-server.js:
 * initdb in a temporary folder; or PEI_TEST_DATABASE_URL).
 *
 *   1 vs 2 processes   the status question turn and the report-submit turn, one bot process, then two on one
 *                      database with the same total connections split across them (throughput summed)
 *   100,000 reports    a database filled by migrate-store's copy: cold start (spawn to listening) and submit p99
 *
 * Prints a table and writes bench/output/pg.json. Knobs: BENCH_DURATION (s, 8), BENCH_CONNECTIONS (8), BENCH_SIZE
 * (100000). BENCH_SMOKE=1 (or `npm run bench:pg -- --smoke`): the short run of CI, 2 s a row and 2,000 reports
 * (a knob set wins), written to bench/output/pg-smoke.json. Exits 1 when a row is broken (no answers, errors or
 * non-2xx answers).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadPlan } from '../src/plan/load';
import { PROJECT_ROOT } from '../src/paths';
import { createMemoryStore } from '../src/store/memory';
import { copyToPostgres, snapshotOf } from '../src/cli/migrate-store';
import { startChild, type Child } from './lib/child';
import { load, type LoadResult } from './lib/load';
import { message, submit } from './lib/activities';
import { periodsUpTo, plausibleValue, REPORTER, submitData } from './lib/fill';
import { machine } from './lib/machine';
import { runFanout, seedChannels, type FanoutResult } from './lib/fanout';
import { openLoop, type OpenLoopResult } from './lib/openloop';

process.noDeprecation = true;
const SMOKE = process.env.BENCH_SMOKE === '1' || process.argv.includes('--smoke');
/** A knob: its variable when set, else the full run's default, or the smoke run's. */
const num = (name: string, dflt: number, smoke = dflt) =>
  process.env[name] ? Number(process.env[name]) : SMOKE ? smoke : dflt;
const DURATION = num('BENCH_DURATION', 8, 2);
const CONNECTIONS = num('BENCH_CONNECTIONS', 8);
const SIZE = num('BENCH_SIZE', 100_000, 2_000);
const CHANNELS = num('BENCH_FANOUT_CHANNELS', 2_000, 100);
const RATE_DURATION = num('BENCH_RATE_DURATION', 60, 3);
const RATE_WARMUP = num('BENCH_RATE_WARMUP', 10, 2);
/** The smoke checks that the scenario works at a rate a busy CI machine serves (its bound is the full run's). */
const RATE = num('BENCH_RATE', 50, 10);
/** BENCH_ONLY: some of turns (1 vs 2 processes), big (100,000 reports), fanout, rate (50 req/s open loop). */
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const want = (k: string) => !ONLY || ONLY.has(k);
const plan = loadPlan();
const indicators = plan.objectives.flatMap((o) => o.indicators);
const PERIODS = periodsUpTo('2025-07');

const log = (m: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);

function submitBody(serviceUrl: string, tag: string) {
  return (n: number) => {
    const ind = indicators[n % indicators.length];
    const period = PERIODS[Math.floor(n / indicators.length) % PERIODS.length];
    return JSON.stringify(
      submit(serviceUrl, submitData(`pgbench-${tag}-${process.pid}`, n, ind, period), undefined, `m-${n}`),
    );
  };
}

async function createDb(adminUrl: string, name: string): Promise<string> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The same load split over the processes, at once; throughput summed, latencies of the slowest reported. */
async function split(
  bots: Child[],
  body: (i: number) => string | ((n: number) => string),
): Promise<LoadResult & { perProcess: number[] }> {
  const per = Math.max(1, Math.round(CONNECTIONS / bots.length));
  const rs = await Promise.all(
    bots.map((b, i) =>
      load({ url: `http://127.0.0.1:${b.port}`, connections: per, durationS: DURATION, body: body(i) }),
    ),
  );
  return {
    ...rs[0],
    connections: per * bots.length,
    requests: rs.reduce((a, r) => a + r.requests, 0),
    reqPerSec: Math.round(rs.reduce((a, r) => a + r.reqPerSec, 0)),
    p50: Math.max(...rs.map((r) => r.p50)),
    p99: Math.max(...rs.map((r) => r.p99)),
    max: Math.max(...rs.map((r) => r.max)),
    non2xx: rs.reduce((a, r) => a + r.non2xx, 0),
    errors: rs.reduce((a, r) => a + r.errors, 0),
    perProcess: rs.map((r) => Math.round(r.reqPerSec)),
  };
}

async function main() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startTestPostgres, HOW } = require(join(PROJECT_ROOT, 'test', 'pg-server.js'));
  const server = await startTestPostgres();
  if (server.skipped) {
    process.stderr.write(`bench:pg: sin PostgreSQL (${server.skipped}). ${HOW}\n`);
    process.exit(process.env.CI === 'true' ? 1 : 0);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'pei-pgbench-'));
  const host = machine(tmp);
  const connector = await startChild('connector');
  const connectorUrl = `http://127.0.0.1:${connector.port}`;
  const rows: Record<string, unknown>[] = [];
  const fanouts: FanoutResult[] = [];
  const rates: OpenLoopResult[] = [];
  try {
    for (const n of want('turns') ? [1, 2] : []) {
      const url = await createDb(server.url, `bench_p${n}_${process.pid}`);
      const bots = await Promise.all(Array.from({ length: n }, () => startChild('bot', [], { PEI_DATABASE_URL: url })));
      try {
        const status = await split(bots, () => JSON.stringify(message(connectorUrl, '¿cómo va el objetivo 5?')));
        rows.push({ scenario: `status turn, ${n} process${n > 1 ? 'es' : ''}`, ...status });
        log(`status ${n}p: ${status.reqPerSec} req/s (${status.perProcess.join(' + ')}), p99 ${status.p99} ms`);
        const sub = await split(bots, (i) => submitBody(connectorUrl, `p${n}-${i}`));
        rows.push({ scenario: `submit turn, ${n} process${n > 1 ? 'es' : ''}`, ...sub });
        log(`submit ${n}p: ${sub.reqPerSec} req/s (${sub.perProcess.join(' + ')}), p99 ${sub.p99} ms`);
      } finally {
        await Promise.all(bots.map((b) => b.stop()));
      }
    }

    if (want('fanout')) {
      for (const mode of ['clean', 'faults'] as const) {
        const url = await createDb(server.url, `bench_fanout_${mode}_${process.pid}`);
        const limited = await startChild(
          'connector',
          ['limits'],
          mode === 'faults' ? { BENCH_FAULT_RATE: '0.03' } : {},
        );
        try {
          const t0 = performance.now();
          await seedChannels(url, CHANNELS, `http://127.0.0.1:${limited.port}/`);
          log(`fan-out ${mode}: ${CHANNELS} channels subscribed in ${Math.round(performance.now() - t0)} ms`);
          const f = await runFanout(mode, url, limited, CHANNELS, log);
          fanouts.push(f);
          log(
            `fan-out ${mode}: ${f.reached}/${f.channels} channels, ${f.twice} twice, first to last ${f.spanS.toFixed(1)} s (bound ${f.boundS.toFixed(1)} s), ${f.refused429} × 429, ${f.faults503} × 503 ${f.met ? 'MET' : 'NOT MET'}`,
          );
        } finally {
          await limited.stop();
        }
      }
    }

    if (want('big') || want('rate')) await big(server.url, connectorUrl, rows, rates);
  } finally {
    await connector.stop();
    server.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
  finish(host, rows, fanouts, rates);
}

async function big(
  serverUrl: string,
  connectorUrl: string,
  rows: Record<string, unknown>[],
  rates: OpenLoopResult[],
): Promise<void> {
  {
    log(`filling a database with ${SIZE} reports (migrate-store's copy)…`);
    // SIZE versions through the store's own code (an in-memory store), spread over indicators and months with
    // corrections, as a long-lived store has them; then copied as migrate-store copies.
    const src = createMemoryStore();
    const months = periodsUpTo('2025-06');
    const slots = months.length * indicators.length;
    const batch = Array.from({ length: SIZE }, (_, i) => {
      const ind = indicators[i % indicators.length];
      const period = months[Math.floor((i % slots) / indicators.length)];
      return {
        input: {
          indicatorId: ind.id,
          period,
          value: plausibleValue(ind, period, (i % 10) / 10),
          logros: 'Actividades del mes ejecutadas.',
          dificultades: '',
          evidencia: `https://intranet.example/${ind.id}/${period}`,
        },
        author: REPORTER,
        source: 'csv' as const,
        submissionId: `fill-${i}`,
      };
    });
    await src.appendReports(batch, '2025-07-01T15:00:00.000Z', REPORTER);
    const url = await createDb(serverUrl, `bench_big_${process.pid}`);
    const t0 = performance.now();
    await copyToPostgres(await snapshotOf(src), url);
    const copyMs = Math.round(performance.now() - t0);
    if (want('big')) {
      const t1 = performance.now();
      const bot = await startChild('bot', [], { PEI_DATABASE_URL: url });
      const coldMs = Math.round(performance.now() - t1);
      try {
        const sub = await load({
          url: `http://127.0.0.1:${bot.port}`,
          connections: 4,
          durationS: DURATION,
          body: submitBody(connectorUrl, 'big'),
        });
        rows.push({
          scenario: `submit turn, ${SIZE} reports stored`,
          ...sub,
          coldStartMs: coldMs,
          openMs: Math.round(Number(bot.info.openMs)),
          copyMs,
        });
        log(
          `${SIZE} reports: copy ${copyMs} ms, cold start ${coldMs} ms (store open + plan + server ${Math.round(Number(bot.info.openMs))} ms), submit ${Math.round(sub.reqPerSec)} req/s p99 ${sub.p99} ms`,
        );
      } finally {
        await bot.stop();
      }
    }
    if (want('rate')) {
      // Teams' cap (50 requests/s per app) as an open-loop load on two processes over the same big database.
      const bots = await Promise.all([0, 1].map(() => startChild('bot', [], { PEI_DATABASE_URL: url })));
      try {
        const spec = {
          ports: bots.map((b) => b.port),
          serviceUrl: connectorUrl,
          rate: RATE,
          indicators,
          periods: PERIODS,
        };
        await openLoop({ ...spec, durationS: RATE_WARMUP }); // the first figures, JIT: not measured
        type Cpu = { user: number; system: number; loopBusyMs: number };
        const cpu = () => Promise.all(bots.map((b) => b.ask<Cpu>('cpu')));
        const before = await cpu();
        const t0 = performance.now();
        const r = await openLoop({ ...spec, durationS: RATE_DURATION });
        const wallMs = performance.now() - t0;
        // What each process spent: CPU ms per request it answered, and the share of the time its event loop was busy
        // (busy near 100 %: the process, not the database, is what requests wait for).
        const perProcess = (await cpu()).map((c, i) => ({
          cpuMsPerRequest: (c.user + c.system - before[i].user - before[i].system) / 1000 / (r.sent / bots.length),
          loopBusy: (c.loopBusyMs - before[i].loopBusyMs) / wallMs,
        }));
        rates.push({ ...r, perProcess });
        log(
          `${RATE} req/s open loop, 2 processes, ${SIZE} reports: ${r.answered}/${r.sent} answered, ${r.errors} errors, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(0)} ms (${Object.entries(
            r.byKind,
          )
            .map(([k, v]) => `${k} p99 ${v.p99.toFixed(1)}`)
            .join(
              ', ',
            )}); per process ${perProcess.map((p) => `${p.cpuMsPerRequest.toFixed(1)} ms CPU a request, event loop busy ${Math.round(p.loopBusy * 100)} %`).join('; ')}`,
        );
      } finally {
        await Promise.all(bots.map((b) => b.stop()));
      }
    }
  }
}

function finish(
  host: ReturnType<typeof machine>,
  rows: Record<string, unknown>[],
  fanouts: FanoutResult[],
  rates: OpenLoopResult[],
): void {
  const out = join(PROJECT_ROOT, 'bench', 'output');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, SMOKE ? 'pg-smoke.json' : 'pg.json'),
    JSON.stringify({ at: new Date().toISOString(), machine: host, durationS: DURATION, rows, fanouts, rates }, null, 2),
  );
  process.stdout.write('\n| scenario | connections | req/s | p50 ms | p99 ms | non-2xx |\n|---|---|---|---|---|---|\n');
  for (const r of rows as any[])
    process.stdout.write(
      `| ${r.scenario} | ${r.connections} | ${Math.round(r.reqPerSec)} | ${r.p50} | ${r.p99} | ${r.non2xx} |\n`,
    );
  const broken = (rows as any[]).filter((r) => !r.requests || r.non2xx || r.errors || r.timeouts);
  // A fan-out is broken when a channel never got its digest (its time bound is a target, judged in the doc).
  for (const f of fanouts)
    if (f.reached < f.channels)
      broken.push({ scenario: `fan-out ${f.mode}`, requests: f.reached, non2xx: f.channels - f.reached, errors: 0 });
  for (const r of rates)
    if (!r.answered || r.errors)
      broken.push({ scenario: '50 req/s', requests: r.answered, non2xx: r.errors, errors: 0 });
  if (broken.length) {
    process.stderr.write(
      `BROKEN rows:\n${broken.map((r) => `  ${r.scenario}: ${r.requests} answered, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts\n`).join('')}`,
    );
    process.exit(1);
  }
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
