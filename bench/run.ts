/**
 * npm run bench: the turn cost against the Bot Framework's own floor, and the cost curve as reports grow.
 *
 *   a   bare restify: parse the activity, answer 200 (the floor)
 *   a+  the same, posting a minimal reply to the connector first (the floor with its reply round trip)
 *   b   echo bot on the same TeamsAdapter + teams-ai Application + restify server as ours (the framework's cost)
 *   c   our "¿cómo va el objetivo 5?" turn (personal chat)
 *   d   our report-submit turn (an admin's form submit as Action.Execute: validation, durable append, the confirmation
 *       in the invoke's answer; no connector call)
 *   e   our message extension's search (composeExtension/query «CSIRT» from the compose box: results in the body)
 *
 * Every server runs in a process of its own on loopback; the replies go to a stand-in connector (another process);
 * autocannon runs here. Then the growth curve (0 / 10,000 / 100,000 stored reports), the district-sized plan and
 * the language micro-benchmark. Writes bench/output/latest.json and the figures section of docs/benchmarks.md.
 *
 * Knobs (environment): BENCH_DURATION (s, default 10), BENCH_WARMUP (s, 2), BENCH_CONNECTIONS (8), BENCH_ROUNDS (5;
 * the floors a, a+ run in the first only), BENCH_GROWTH_DURATION (8; submits BENCH_GROWTH_SUBMIT_DURATION, 12),
 * BENCH_GROWTH_CONNECTIONS (4), BENCH_DISTRICT_RUNS (30), BENCH_SIZES
 * (0,10000,100000), BENCH_ONLY (a,b,c,... or growth, district, nlu, bars), BENCH_NO_DOC=1 (do not touch docs/benchmarks.md),
 * BENCH_PROFILE=<dir> (V8 CPU profiles of the processes under test).
 *
 * BENCH_SMOKE=1 (or `npm run bench -- --smoke`): the short run of CI. Every scenario and section once, about a second
 * each, growth at 0 and 10,000 reports, a few district and language runs (each knob above still wins when set);
 * writes bench/output/smoke.json, never docs/benchmarks.md. Any run exits 1 when a scenario is broken: no answers,
 * errors or non-2xx answers, or connector calls other than the scenario's.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, cpSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { loadPlan } from '../src/plan/load';
import { startChild, type Child } from './lib/child';
import { load } from './lib/load';
import { execute, message, searchQuery } from './lib/activities';
import { fillStore, periodsUpTo, submitData } from './lib/fill';
import { machine } from './lib/machine';
import { round } from './lib/stats';
import type { MemorySample } from './lib/ipc';
import {
  writeDoc,
  type BenchOutput,
  type ScenarioResult,
  type GrowthRow,
  type DistrictResult,
  type BarsResult,
  type UnderstandingResult,
} from './lib/report';

// autocannon's HTTP parser (http-parser-js) touches process.binding: one deprecation line per run otherwise.
process.noDeprecation = true;

const SMOKE = process.env.BENCH_SMOKE === '1' || process.argv.includes('--smoke');
/** A knob: its variable when set, else the full run's default, or the smoke run's. */
const num = (name: string, dflt: number, smoke = dflt) =>
  process.env[name] ? Number(process.env[name]) : SMOKE ? smoke : dflt;
const DURATION = num('BENCH_DURATION', 10, 1);
const WARMUP = num('BENCH_WARMUP', 2, 1);
const CONNECTIONS = num('BENCH_CONNECTIONS', 8);
const ROUNDS = num('BENCH_ROUNDS', 5, 1);
const GROWTH_DURATION = num('BENCH_GROWTH_DURATION', 8, 1);
/** Submits run longer: their p99 is a target, and a p99 needs samples. */
const GROWTH_SUBMIT_DURATION = num('BENCH_GROWTH_SUBMIT_DURATION', 12, 1);
const GROWTH_CONNECTIONS = num('BENCH_GROWTH_CONNECTIONS', 4);
const SIZES = (process.env.BENCH_SIZES ?? (SMOKE ? '0,10000' : '0,10000,100000')).split(',').map(Number);
if (SMOKE) {
  // Read by the compute process (bench/procs/compute.ts), which inherits this environment.
  process.env.BENCH_DISTRICT_RUNS ??= '3';
  process.env.BENCH_NLU_ITERATIONS ??= '30';
}
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const want = (k: string) => !ONLY || ONLY.has(k);

const ROOT = resolve(__dirname, '..', '..');
const OUT_DIR = join(ROOT, 'bench', 'output');
const DOC = join(ROOT, 'docs', 'benchmarks.md');

const STATUS_TEXT = '¿cómo va el objetivo 5?';
const plan = loadPlan();
const indicators = plan.objectives.flatMap((o) => o.indicators);
/** Months an admin may report on 2025-07-03: 2024-01 .. 2025-07 (2024 is closed: accepted with a warning). */
const SUBMIT_PERIODS = periodsUpTo('2025-07');

function log(msg: string): void {
  process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);
}

/**
 * A valid report-submit as the form's Action.Execute posts it (an adaptiveCard/action invoke, answered in its body):
 * distinct form ids, spread over indicators and months (corrections included).
 */
function submitBody(serviceUrl: string, tag: string) {
  return (n: number) => {
    const ind = indicators[n % indicators.length];
    const period = SUBMIT_PERIODS[Math.floor(n / indicators.length) % SUBMIT_PERIODS.length];
    return JSON.stringify(
      execute(
        serviceUrl,
        'report-submit',
        submitData(`bench-${tag}-${process.pid}`, n, ind, period),
        undefined,
        `m-${n}`,
      ),
    );
  };
}

interface ScenarioDef {
  key: string;
  label: string;
  proc: 'floor' | 'echo' | 'bot';
  args?: string[];
  /** Connector calls expected per turn (replies + in-place updates). */
  calls: number;
  body: (connector: string) => string | ((n: number) => string);
  store?: boolean;
  /** The echo answers with the card c sends (captured before the rounds). */
  card?: boolean;
  /** Measured in the first round only (the floors: steady, and not part of any target). */
  once?: boolean;
}

const SCENARIOS: ScenarioDef[] = [
  {
    key: 'a',
    label: 'a. bare restify: parse + 200 (floor)',
    proc: 'floor',
    calls: 0,
    once: true,
    body: (c) => JSON.stringify(message(c, 'hola')),
  },
  {
    key: 'a+',
    label: 'a+. bare restify + one reply POST to the connector',
    proc: 'floor',
    args: ['reply'],
    calls: 1,
    once: true,
    body: (c) => JSON.stringify(message(c, 'hola')),
  },
  {
    key: 'b',
    label: 'b. echo bot, same TeamsAdapter + teams-ai + restify',
    proc: 'echo',
    calls: 1,
    body: (c) => JSON.stringify(message(c, STATUS_TEXT)),
  },
  {
    key: 'b+',
    label: "b+. echo bot answering with c's card (same bytes, none of our logic)",
    proc: 'echo',
    calls: 1,
    card: true,
    body: (c) => JSON.stringify(message(c, STATUS_TEXT)),
  },
  {
    key: 'c',
    label: `c. PEI Bot: "${STATUS_TEXT}"`,
    proc: 'bot',
    calls: 1,
    store: true,
    body: (c) => JSON.stringify(message(c, STATUS_TEXT)),
  },
  {
    key: 'd',
    label: 'd. PEI Bot: report-submit as Action.Execute (durable write, confirmation in the invoke answer)',
    proc: 'bot',
    calls: 0,
    store: true,
    body: (c) => submitBody(c, 'd'),
  },
  {
    key: 'e',
    label: 'e. PEI Bot: message extension search «CSIRT» (composeExtension/query)',
    proc: 'bot',
    calls: 0,
    store: true,
    body: (c) => JSON.stringify(searchQuery(c, 'CSIRT')),
  },
];

/** What makes a measured load run broken (an empty list: it is not). */
function brokenLoad(r: { requests: number; non2xx: number; errors: number; timeouts: number }): string[] {
  const out: string[] = [];
  if (!r.requests) out.push('no 2xx answers');
  if (r.non2xx) out.push(`${r.non2xx} non-2xx answers`);
  if (r.errors || r.timeouts) out.push(`${r.errors} errors, ${r.timeouts} timeouts`);
  return out;
}

/**
 * Connector calls other than the scenario's: none where it expects none; else about `expected` a turn, give or take
 * the turns in flight when a run starts or stops (twice the connections) and a tenth.
 */
function wrongCalls(row: ScenarioResult, connections: number): string | null {
  const calls = Math.round(row.callsPerTurn * row.requests);
  const want = row.expectedCalls * row.requests;
  const ok = row.expectedCalls === 0 ? calls === 0 : Math.abs(calls - want) <= 2 * connections + 0.1 * want;
  return ok ? null : `${calls} connector calls for ${row.requests} turns (expected ${row.expectedCalls} a turn)`;
}

/**
 * Every process under test runs with --expose-gc, so that its memory is read the same way (at rest after its load:
 * bench/lib/ipc.ts restingMemory), the echo bot's as the real bot's.
 */
async function withChild<T>(
  name: string,
  args: string[],
  env: Record<string, string>,
  f: (c: Child) => Promise<T>,
): Promise<T> {
  const child = await startChild(name, args, env, { gc: true });
  try {
    return await f(child);
  } finally {
    await child.stop();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const tmp = mkdtempSync(join(tmpdir(), 'pei-bench-'));
  mkdirSync(OUT_DIR, { recursive: true });
  const m = machine(tmp);
  log(`PEI Bot benchmark — ${m.cpu}, ${m.cores} cores, ${m.ramGB} GB, Node ${m.node}; load ${m.loadStart.join(' ')}`);

  const connector = await startChild('connector');
  const connectorUrl = `http://127.0.0.1:${connector.port}`;
  const output: BenchOutput = {
    machine: m,
    settings: {
      durationS: DURATION,
      warmupS: WARMUP,
      connections: CONNECTIONS,
      rounds: ROUNDS,
      growthDurationS: GROWTH_DURATION,
      growthSubmitDurationS: GROWTH_SUBMIT_DURATION,
      growthConnections: GROWTH_CONNECTIONS,
    },
    scenarios: [],
    growth: [],
  };

  try {
    // ---------------------------------------------------------------- 1. side by side
    // The store of c and d: one report per indicator and closed month of 2024-01..2025-06 (522 reports), as the
    // bot's store would hold by mid-2025.
    const baseStore = join(tmp, 'base', 'db.json');
    fillStore(baseStore, plan, indicators.length * periodsUpTo('2025-06').length, periodsUpTo('2025-06'));
    const defs = SCENARIOS.filter((s) => want(s.key));
    const cardFile = join(tmp, 'card.json');
    let barsOnStatusCard: number | undefined;
    if (defs.some((d) => d.card)) {
      // The card c answers with, as the connector receives it, for b+.
      cpSync(join(tmp, 'base'), join(tmp, 'capture'), { recursive: true });
      await withChild('bot', [], { PEI_DB_FILE: join(tmp, 'capture', 'db.json') }, async (child) => {
        await connector.ask('capture');
        const res = await fetch(`http://127.0.0.1:${child.port}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(message(connectorUrl, STATUS_TEXT)),
        });
        await res.text();
        const sent = JSON.parse((await connector.ask<string>('captured')) ?? 'null');
        const content = sent?.attachments?.[0]?.content;
        if (!content) throw new Error(`no card in the status reply: ${JSON.stringify(sent).slice(0, 300)}`);
        writeFileSync(cardFile, JSON.stringify({ content, summary: sent.summary }));
        output.replyBytes = { b: 0, c: Buffer.byteLength(JSON.stringify(sent)) };
        barsOnStatusCard = JSON.stringify(content).match(/data:image\/png/g)?.length;
      });
    }
    const rounds: Record<string, ScenarioResult[]> = {};
    for (let r = 1; r <= ROUNDS && defs.length; r++) {
      for (const def of defs) {
        if (def.once && r > 1) continue;
        const env: Record<string, string> = {};
        if (def.card) env.BENCH_CARD_FILE = cardFile;
        if (def.store) {
          const dir = join(tmp, `${def.key}-${r}`);
          cpSync(join(tmp, 'base'), dir, { recursive: true });
          env.PEI_DB_FILE = join(dir, 'db.json');
        }
        const res = await withChild(def.proc, def.args ?? [], env, async (child) => {
          const url = `http://127.0.0.1:${child.port}`;
          const body = def.body(connectorUrl);
          await load({ url, connections: CONNECTIONS, durationS: WARMUP, body });
          await connector.ask('reset');
          const loadAvg = os.loadavg()[0];
          const cpu0 = await child.ask<NodeJS.CpuUsage & { gcMs: number; loopBusyMs: number }>('cpu');
          const ccpu0 = await connector.ask<NodeJS.CpuUsage>('cpu');
          const result = await load({ url, connections: CONNECTIONS, durationS: DURATION, body });
          const cpu1 = await child.ask<NodeJS.CpuUsage & { gcMs: number; loopBusyMs: number }>('cpu');
          const loopUs = (cpu1.loopBusyMs - cpu0.loopBusyMs) * 1000;
          const gcUs = (cpu1.gcMs - cpu0.gcMs) * 1000;
          const ccpu1 = await connector.ask<NodeJS.CpuUsage>('cpu');
          const cpuUs = cpu1.user + cpu1.system - cpu0.user - cpu0.system;
          const connectorCpuUs = ccpu1.user + ccpu1.system - ccpu0.user - ccpu0.system;
          const counts = await connector.ask<{ posts: number; puts: number; bytes: number }>('counts');
          const mem = await child.ask<MemorySample>('mem');
          const stats = def.proc === 'bot' ? await child.ask<Record<string, number>>('stats') : undefined;
          return { result, counts, mem, stats, loadAvg, cpuUs, connectorCpuUs, gcUs, loopUs };
        });
        const n = res.result.requests || 1;
        const callsPerTurn = res.result.requests ? (res.counts.posts + res.counts.puts) / res.result.requests : 0;
        const row: ScenarioResult = {
          key: def.key,
          label: def.label,
          round: r,
          ...res.result,
          rssMB: res.mem.rssMB,
          peakRssMB: res.mem.peakRssMB,
          rssSamplesMB: res.mem.rssSamplesMB,
          callsPerTurn,
          expectedCalls: def.calls,
          cpuPerTurnUs: res.cpuUs / n,
          gcPerTurnUs: res.gcUs / n,
          loopPerTurnUs: res.loopUs / n,
          connectorCpuPerTurnUs: res.connectorCpuUs / n,
          connectorBytesPerTurn: res.counts.bytes / n,
          storeStats: res.stats,
          load1: res.loadAvg,
        };
        (rounds[def.key] ??= []).push(row);
        output.scenarios.push(row);
        log(
          `${def.key.padEnd(3)} r${r}: ${round(row.reqPerSec, 0)} req/s, p50 ${round(row.p50)} ms, p99 ${round(row.p99)} ms, server CPU ${round(row.cpuPerTurnUs, 0)} µs/turn (GC ${round(row.gcPerTurnUs, 0)}), loop ${round(row.loopPerTurnUs ?? 0, 0)} µs/turn` +
            `, connector calls/turn ${round(callsPerTurn, 2)}${row.non2xx || row.errors ? `, non-2xx ${row.non2xx}, errors ${row.errors}` : ''}`,
        );
      }
    }
    // Per scenario, the round of median throughput (rounds alternate scenarios, so each sees the same spells of
    // outside load; the median is robust to a lucky or unlucky round either way).
    output.best = Object.fromEntries(
      Object.entries(rounds).map(([k, rows]) => [
        k,
        [...rows].sort((a, b) => a.reqPerSec - b.reqPerSec)[Math.floor((rows.length - 1) / 2)],
      ]),
    );

    // ---------------------------------------------------------------- 2. growth
    if (want('growth')) {
      for (const size of SIZES) {
        const dir = join(tmp, `growth-${size}`);
        const t = performance.now();
        const filled = fillStore(join(dir, 'db.json'), plan, size, periodsUpTo('2025-06'));
        const fillMs = performance.now() - t;
        const row = await withChild('bot', [], { PEI_DB_FILE: join(dir, 'db.json') }, async (child) => {
          const url = `http://127.0.0.1:${child.port}`;
          const info = child.info as { openMs: number; afterOpen: MemorySample };
          // The first status turn after the open computes the figures from every stored report.
          const t0 = performance.now();
          const first = await fetch(`${url}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(message(connectorUrl, STATUS_TEXT)),
          });
          await first.text();
          const firstStatusMs = performance.now() - t0;
          // Each load after a warm-up of its own.
          const warmedLoad = async (body: Parameters<typeof load>[0]['body'], durationS: number) => {
            await load({ url, connections: GROWTH_CONNECTIONS, durationS: WARMUP, body });
            return load({ url, connections: GROWTH_CONNECTIONS, durationS, body });
          };
          const status = await warmedLoad(JSON.stringify(message(connectorUrl, STATUS_TEXT)), GROWTH_DURATION);
          const sub = await warmedLoad(submitBody(connectorUrl, `g${size}`), GROWTH_SUBMIT_DURATION);
          const mem = await child.ask<MemorySample>('mem');
          const stats = await child.ask<Record<string, number>>('stats');
          return { openMs: info.openMs, afterOpen: info.afterOpen, firstStatusMs, status, submit: sub, mem, stats };
        });
        const g: GrowthRow = {
          reports: size,
          storeMB: filled.bytes / 1024 / 1024,
          fillMs,
          openMs: row.openMs,
          firstStatusMs: row.firstStatusMs,
          status: row.status,
          submit: row.submit,
          rssAfterOpenMB: row.afterOpen.rssMB,
          heapAfterOpenMB: row.afterOpen.heapUsedMB,
          rssAfterLoadMB: row.mem.rssMB,
          heapAfterLoadMB: row.mem.heapUsedMB,
          heapTotalAfterLoadMB: row.mem.heapTotalMB,
          peakRssMB: row.mem.peakRssMB,
          rssSamplesAfterLoadMB: row.mem.rssSamplesMB,
          storedAtEnd: row.stats.stored,
          // the embedded store keeps no write counters since issue 23 (one fsync per write, by design)
          batches: row.stats.batches ?? NaN,
          fsyncs: row.stats.fsyncs ?? NaN,
        };
        output.growth.push(g);
        rmSync(dir, { recursive: true, force: true });
        log(
          `growth ${String(size).padStart(6)}: open ${round(g.openMs, 0)} ms, first status ${round(g.firstStatusMs, 1)} ms, status p50/p99 ${round(g.status.p50)}/${round(g.status.p99)} ms, ` +
            `submit p50/p99 ${round(g.submit.p50)}/${round(g.submit.p99)} ms (${round(g.submit.reqPerSec, 0)}/s), RSS ${round(g.rssAfterLoadMB, 0)} MB`,
        );
      }
    }

    // ---------------------------------------------------------------- 3. district plan, language
    if (want('district') || want('nlu') || want('bars')) {
      await withChild('compute', [], {}, async (child) => {
        if (want('district')) {
          output.district = await child.ask<DistrictResult>('district', 300_000);
          const d = output.district!;
          log(
            `district ${d.indicators} indicators × ${d.reports} reports: computePlan median ${round(d.endOfPlan.median)} ms, p95 ${round(d.endOfPlan.p95)} ms; after one write ${round(d.afterOneWrite.median)} ms`,
          );
        }
        if (want('bars')) {
          output.bars = { ...(await child.ask<BarsResult>('bars')), onStatusCard: barsOnStatusCard };
          log(
            `bars: drawn ${round(output.bars.drawMs, 2)} ms, kept ${round(output.bars.keptMs * 1000, 1)} µs; ${barsOnStatusCard ?? '?'} on the status card`,
          );
        }
        if (want('nlu')) {
          output.understanding = await child.ask<UnderstandingResult>('understanding', 120_000);
          const u = output.understanding!;
          log(
            `understanding: p50 ${round(u.p50us, 1)} µs, p99 ${round(u.p99us, 1)} µs per message (index built in ${round(u.buildMs, 0)} ms)`,
          );
        }
      });
    }
  } finally {
    await connector.stop();
    rmSync(tmp, { recursive: true, force: true });
  }

  m.loadEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
  output.totalS = (Date.now() - started) / 1000;
  const outFile = join(OUT_DIR, SMOKE ? 'smoke.json' : 'latest.json');
  writeFileSync(outFile, `${JSON.stringify(output, null, 2)}\n`);
  log(`wrote ${outFile}`);
  // The district-scale rows measured over PostgreSQL come from the latest full `npm run bench:pg`.
  const pgFile = join(OUT_DIR, 'pg.json');
  if (existsSync(pgFile)) output.pg = JSON.parse(readFileSync(pgFile, 'utf8'));
  if (!SMOKE && process.env.BENCH_NO_DOC !== '1') {
    writeDoc(DOC, output, existsSync(DOC) ? readFileSync(DOC, 'utf8') : null);
    log(`wrote ${DOC}`);
  }
  log(`done in ${round(output.totalS, 0)} s`);

  const broken: string[] = [];
  for (const row of output.scenarios) {
    const why = [...brokenLoad(row), wrongCalls(row, CONNECTIONS)].filter(Boolean);
    if (why.length) broken.push(`${row.key} r${row.round}: ${why.join('; ')}`);
  }
  for (const g of output.growth) {
    for (const [what, r] of [
      ['status', g.status],
      ['submit', g.submit],
    ] as const) {
      const why = brokenLoad(r);
      if (why.length) broken.push(`growth ${g.reports} ${what}: ${why.join('; ')}`);
    }
  }
  if (want('district') && !output.district) broken.push('district: no result');
  if (want('nlu') && !output.understanding) broken.push('understanding: no result');
  if (want('bars') && !output.bars) broken.push('bars: no result');
  if (broken.length) {
    process.stderr.write(`BROKEN scenarios:\n${broken.map((b) => `  ${b}\n`).join('')}`);
    process.exit(1);
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
