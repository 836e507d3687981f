/**
 * One load run with autocannon (closed loop: `connections` requests in flight, each sends the next when its
 * answer came). Latencies are taken from every 2xx response at microsecond resolution (autocannon's own histogram
 * rounds to whole milliseconds, too coarse for a sub-millisecond floor).
 */
import autocannon from 'autocannon';
import { percentile, sortNumbers } from './stats';

export interface LoadSpec {
  url: string;
  connections: number;
  durationS: number;
  /** Same body for every request, or a function of the request number (distinct submits). */
  body: string | ((n: number) => string);
}

export interface LoadResult {
  connections: number;
  durationS: number;
  requests: number;
  reqPerSec: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

let counter = 0;

export async function load(spec: LoadSpec): Promise<LoadResult> {
  const headers = { 'content-type': 'application/json' };
  const bodyOf = spec.body;
  const request: autocannon.AutocannonRequest =
    typeof bodyOf === 'string'
      ? { method: 'POST', path: '/api/messages', headers, body: bodyOf }
      : {
          method: 'POST',
          path: '/api/messages',
          headers,
          setupRequest: (req: autocannon.AutocannonRequest) => ({ ...req, body: bodyOf(++counter) }),
        };
  const latencies: number[] = [];
  const instance = autocannon({
    url: `${spec.url}/api/messages`,
    connections: spec.connections,
    duration: spec.durationS,
    timeout: 30,
    requests: [request],
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, ms: number) => {
    if (statusCode >= 200 && statusCode < 300) {
      latencies.push(ms);
    }
  });
  const r = await instance;
  const sorted = sortNumbers(latencies);
  const sum = latencies.reduce((a, b) => a + b, 0);
  return {
    connections: spec.connections,
    durationS: spec.durationS,
    requests: latencies.length,
    reqPerSec: latencies.length / spec.durationS,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    mean: latencies.length ? sum / latencies.length : NaN,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}
