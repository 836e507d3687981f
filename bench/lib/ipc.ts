/**
 * The child side of the parent <-> server-under-test channel (Node IPC, child_process.fork):
 * the child announces {type:'ready', port}; the parent asks {type:'ask', id, what} and gets {type:'answer', id, value}.
 * 'mem' is answered by every child (resident memory at rest, heap after full GCs when --expose-gc is on, peak RSS:
 * restingMemory), and 'cpu' (the process's CPU time so far, and the time its main thread — the event loop — was busy:
 * the parent divides the differences over a run by the requests answered).
 */
import { readFileSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';

/** Time spent in garbage collection so far (ms), from V8's GC events. */
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
}).observe({ entryTypes: ['gc'] });

export interface MemorySample {
  rssMB: number;
  /** Peak resident set size of the process (VmHWM), MB. */
  peakRssMB: number;
  heapUsedMB: number;
  /** What V8 holds for the heap (used or not) and memory outside it (buffers). */
  heapTotalMB: number;
  externalMB: number;
  /** Whether heapUsed was taken right after a full GC. */
  afterGc: boolean;
  /** restingMemory only: the resident size after each of its full GCs, MB (the last is rssMB). */
  rssSamplesMB?: number[];
}

const MB = 1024 * 1024;

export function memorySample(): MemorySample {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
  const m = process.memoryUsage();
  let peak = m.rss;
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const hwm = /VmHWM:\s+(\d+)\s+kB/.exec(status);
    if (hwm) peak = Number(hwm[1]) * 1024;
  } catch {
    /* not Linux */
  }
  return {
    rssMB: m.rss / MB,
    peakRssMB: peak / MB,
    heapUsedMB: m.heapUsed / MB,
    heapTotalMB: m.heapTotal / MB,
    externalMB: m.external / MB,
    afterGc: !!g,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The process's memory at rest: a full GC, then another every half second until the resident size holds still
 * (within 2 MB of the sample before, from the third GC on; 10 s at most). Right after a forced GC the resident size
 * still counts what V8 has just let go of: after the growth runs' load the first GC left the bot's heap at 301 MB
 * held for 133 MB in use (its old space fragmented by the load's garbage), the next one at 163 MB, and the freed
 * pages leave the resident size only later (437 MB right after the first GC, 383 MB 0.4 s later, 253 MB 5 s
 * later). A single sample read any point of that descent (the row's 416 to 590 MB on an idle machine). Every child
 * of the suite is read this way, the echo bot too (see docs/benchmarks.md, «memory»); the peak (VmHWM) is kept
 * beside it. Without --expose-gc: one plain sample.
 */
export async function restingMemory(): Promise<MemorySample> {
  if (!(globalThis as { gc?: () => void }).gc) return memorySample();
  const samples = [memorySample()];
  const started = Date.now();
  for (;;) {
    await sleep(500);
    const s = memorySample();
    const prev = samples[samples.length - 1];
    samples.push(s);
    if ((samples.length >= 3 && Math.abs(s.rssMB - prev.rssMB) < 2) || Date.now() - started > 10_000) break;
  }
  return { ...samples[samples.length - 1], rssSamplesMB: samples.map((s) => Math.round(s.rssMB * 10) / 10) };
}

export type Asks = Record<string, () => unknown | Promise<unknown>>;

/** Serves the parent's questions; 'mem' and 'stop' are built in. */
export function serveIpc(asks: Asks, stop: () => Promise<void>): void {
  process.on('message', async (msg: { type?: string; id?: number; what?: string }) => {
    if (msg?.type !== 'ask' || typeof msg.id !== 'number') return;
    let value: unknown;
    try {
      if (msg.what === 'mem') value = await restingMemory();
      // µs of user + system time (every thread), ms of GC, ms the event loop was busy, so far
      else if (msg.what === 'cpu')
        value = { ...process.cpuUsage(), gcMs, loopBusyMs: performance.eventLoopUtilization().active };
      else if (msg.what === 'stop') {
        await stop();
        value = true;
      } else if (msg.what && asks[msg.what]) value = await asks[msg.what]();
      else value = { error: `unknown question ${msg.what}` };
    } catch (e) {
      value = { error: (e as Error).message };
    }
    process.send?.({ type: 'answer', id: msg.id, value });
    if (msg.what === 'stop') setImmediate(() => process.exit(0));
  });
  process.on('disconnect', () => process.exit(0));
}

export function ready(port: number, extra: Record<string, unknown> = {}): void {
  process.send?.({ type: 'ready', port, ...extra });
}

/** Reports a startup failure to the parent and exits. */
export function fail(e: unknown): never {
  process.send?.({ type: 'failed', message: (e as Error)?.stack ?? String(e) });
  process.exit(1);
}
