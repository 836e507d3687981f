/**
 * An open-loop load: requests sent on a fixed schedule (`rate` a second, whatever the answers do), round-robin over
 * the processes, so that a slow answer cannot slow the load down and hide itself (a closed loop's blind spot).
 * A request's latency runs from the instant it was due to its answer: a request sent late because the loader
 * itself was busy counts its lateness too. The mix is Teams' traffic at the app's cap: status questions, report
 * submits (Action.Execute), message-extension searches and status-card refreshes (Action.Execute `refresh-*`).
 */
import http from 'node:http';
import type { Indicator } from '../../src/domain/plan';
import { execute, message, searchQuery } from './activities';
import { submitData } from './fill';
import { percentile, sortNumbers } from './stats';

export interface OpenLoopResult {
  rate: number;
  durationS: number;
  sent: number;
  answered: number;
  /** Non-2xx answers and failed requests (refused, reset, timed out after 15 s: Teams' own limit). */
  errors: number;
  p50: number;
  p99: number;
  max: number;
  byKind: Record<string, { n: number; p99: number }>;
  /** Per process under load (bench/pg.ts): CPU ms per request it was sent, share of the time its event loop was busy. */
  perProcess?: { cpuMsPerRequest: number; loopBusy: number }[];
}

/** Ten requests: 4 status questions, 2 submits, 2 searches, 2 refreshes (BENCH_RATE_KINDS: another list, to look closer). */
const KINDS = process.env.BENCH_RATE_KINDS?.split(',') ?? [
  'status',
  'submit',
  'status',
  'search',
  'refresh',
  'status',
  'submit',
  'search',
  'status',
  'refresh',
];

export function openLoop(opts: {
  ports: number[];
  serviceUrl: string;
  rate: number;
  durationS: number;
  indicators: Indicator[];
  periods: string[];
}): Promise<OpenLoopResult> {
  const { ports, serviceUrl, rate, durationS, indicators, periods } = opts;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const total = Math.round(rate * durationS);
  const samples: Record<string, number[]> = {};
  let answered = 0;
  let errors = 0;
  let submits = 0;
  const bodyOf = (i: number, kind: string): string => {
    const ind = indicators[i % indicators.length];
    switch (kind) {
      case 'submit': {
        const n = submits++;
        const period = periods[Math.floor(n / indicators.length) % periods.length];
        return JSON.stringify(
          execute(serviceUrl, 'report-submit', submitData(`open-${process.pid}`, n, ind, period), undefined, `o-${i}`),
        );
      }
      case 'search':
        return JSON.stringify(searchQuery(serviceUrl, ['CSIRT', 'archivo', 'contratación', 'gestión'][i % 4]));
      case 'refresh':
        return JSON.stringify(execute(serviceUrl, 'refresh-objective', { objective: 1 + (i % 6), year: 2025 }));
      default:
        return JSON.stringify(message(serviceUrl, `¿cómo va el objetivo ${1 + (i % 6)}?`));
    }
  };
  const post = (port: number, body: string) =>
    new Promise<number>((resolve) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: '/api/messages', method: 'POST', agent, timeout: 15_000 },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', () => resolve(0));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => resolve(0));
      req.setHeader('content-type', 'application/json');
      req.end(body);
    });

  return new Promise((resolve) => {
    const t0 = performance.now() + 50;
    const inFlight: Promise<void>[] = [];
    let i = 0;
    const fire = () => {
      // Every request due by now goes out now (a late timer does not thin the load).
      while (i < total && t0 + (i * 1000) / rate <= performance.now()) {
        const due = t0 + (i * 1000) / rate;
        const kind = KINDS[i % KINDS.length];
        const body = bodyOf(i, kind);
        inFlight.push(
          post(ports[i % ports.length], body).then((status) => {
            if (status >= 200 && status < 300) {
              answered++;
              (samples[kind] ??= []).push(performance.now() - due);
            } else errors++;
          }),
        );
        i++;
      }
      if (i < total) setTimeout(fire, Math.max(0, t0 + (i * 1000) / rate - performance.now()));
      else
        void Promise.all(inFlight).then(() => {
          agent.destroy();
          const all = sortNumbers(Object.values(samples).flat());
          resolve({
            rate,
            durationS,
            sent: total,
            answered,
            errors,
            p50: percentile(all, 50),
            p99: percentile(all, 99),
            max: all.length ? all[all.length - 1] : NaN,
            byKind: Object.fromEntries(
              Object.entries(samples).map(([k, v]) => [k, { n: v.length, p99: percentile(sortNumbers(v), 99) }]),
            ),
          });
        });
    };
    setTimeout(fire, 50);
  });
}
