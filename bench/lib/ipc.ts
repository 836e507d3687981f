/**
 * The child side of the parent <-> server-under-test channel (Node IPC, child_process.fork):
 * the child announces {type:'ready', port}; the parent asks {type:'ask', id, what} and gets {type:'answer', id, value}.
 * 'mem' is answered by every child (resident memory, heap after a full GC when --expose-gc is on, peak RSS), and
 * 'cpu' (the process's CPU time so far, and the time its main thread — the event loop — was busy: the parent divides
 * the differences over a run by the requests answered).
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

export type Asks = Record<string, () => unknown | Promise<unknown>>;

/** Serves the parent's questions; 'mem' and 'stop' are built in. */
export function serveIpc(asks: Asks, stop: () => Promise<void>): void {
  process.on('message', async (msg: { type?: string; id?: number; what?: string }) => {
    if (msg?.type !== 'ask' || typeof msg.id !== 'number') return;
    let value: unknown;
    try {
      if (msg.what === 'mem') value = memorySample();
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
