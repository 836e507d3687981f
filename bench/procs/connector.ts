/**
 * The stand-in Bot Connector for the load runs (its own process): answers what the Bot Framework's connector
 * answers (200 and a resource id) to replies (POST .../activities[/id]), in-place updates (PUT .../activities/id)
 * and new conversations, and only counts them — the recording test stand-in (test/helpers/connector.ts) keeps
 * every body, which a run of a hundred thousand replies does not need.
 *
 * With the argument `limits` (the fan-out scenario, bench/lib/fanout.ts) it also enforces Teams' rate limits: at
 * most 50 requests in any second for the app (the tenant's budget, whichever process sends) and 7 per conversation
 * (a new channel thread counts for its channel); past them it answers 429 with `Retry-After: 1` (a refused request
 * does not count). BENCH_FAULT_RATE (e.g. 0.03) answers that share of the accepted posts 503 (seeded, so runs
 * compare). It records which channel got a new thread (channelData.channel.id) and when.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, ready, serveIpc } from '../lib/ipc';

const LIMITS = process.argv.includes('limits');
const APP_PER_SECOND = 50;
const CONVERSATION_PER_SECOND = 7;
const FAULT_RATE = Number(process.env.BENCH_FAULT_RATE ?? 0);

const counts = { posts: 0, puts: 0, other: 0, bytes: 0 };
let seq = 0;
/** When set, the body of the next POST is kept (the parent asks for it: the card a scenario sends). */
let capture = false;
let captured: string | null = null;

/** The fan-out's record: per channel, the instants (ms since the epoch) of the threads it got. */
const fanout = { threads: new Map<string, number[]>(), refused429: 0, faults503: 0 };
const appWindow: number[] = [];
const conversationWindows = new Map<string, number[]>();
let seed = 12345;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

/** Whether one more request fits in a one-second window (expired instants dropped). */
function fits(window: number[], max: number, now: number): boolean {
  while (window.length && window[0] <= now - 1000) window.shift();
  if (window.length >= max) return false;
  return true;
}

function conversationOf(url: string, body: string): string {
  if (/\/v3\/conversations\/?$/.test(url)) {
    try {
      return JSON.parse(body)?.channelData?.channel?.id ?? '?';
    } catch {
      return '?';
    }
  }
  return decodeURIComponent(url.split('/')[3] ?? '?');
}

/** Under `limits`: the status and headers when the request is refused, or null (and the request counted). */
function limited(req: http.IncomingMessage, body: string): { status: number; headers: Record<string, string> } | null {
  const now = Date.now();
  const conversation = conversationOf(req.url ?? '', body);
  const perConversation = conversationWindows.get(conversation) ?? [];
  conversationWindows.set(conversation, perConversation);
  if (!fits(appWindow, APP_PER_SECOND, now) || !fits(perConversation, CONVERSATION_PER_SECOND, now)) {
    fanout.refused429++;
    return { status: 429, headers: { 'Retry-After': '1' } };
  }
  appWindow.push(now);
  perConversation.push(now);
  if (req.method === 'POST' && FAULT_RATE > 0 && random() < FAULT_RATE) {
    fanout.faults503++;
    return { status: 503, headers: {} };
  }
  if (req.method === 'POST' && /\/v3\/conversations\/?$/.test(req.url ?? '')) {
    const list = fanout.threads.get(conversation) ?? [];
    list.push(now);
    fanout.threads.set(conversation, list);
  }
  return null;
}

const server = http.createServer((req, res) => {
  const keep = (capture || LIMITS) && req.method === 'POST';
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => {
    counts.bytes += c.length;
    if (keep) chunks.push(c);
  });
  req.on('end', () => {
    const text = keep ? Buffer.concat(chunks).toString('utf8') : '';
    if (capture && keep) {
      capture = false;
      captured = text;
    }
    if (req.method === 'POST') counts.posts++;
    else if (req.method === 'PUT') counts.puts++;
    else counts.other++;
    const refused = LIMITS ? limited(req, text) : null;
    if (refused) {
      const body = `{"error":{"code":"${refused.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable'}"}}`;
      res.writeHead(refused.status, { 'Content-Type': 'application/json', ...refused.headers });
      res.end(body);
      return;
    }
    const body =
      req.method === 'POST' && /\/v3\/conversations\/?$/.test(req.url ?? '')
        ? `{"id":"new-conversation-${++seq}","activityId":"a-${seq}"}`
        : `{"id":"activity-${++seq}"}`;
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;

server.listen(0, '127.0.0.1', () => {
  serveIpc(
    {
      counts: () => ({ ...counts }),
      capture: () => {
        capture = true;
        captured = null;
        return true;
      },
      captured: () => captured,
      reset: () => {
        counts.posts = counts.puts = counts.other = counts.bytes = 0;
        return true;
      },
      /** Channels with at least one thread, so far (cheap: polled while a fan-out runs). */
      reached: () => fanout.threads.size,
      fanout: () => ({
        threads: Object.fromEntries(fanout.threads),
        refused429: fanout.refused429,
        faults503: fanout.faults503,
      }),
    },
    () => new Promise<void>((r) => server.close(() => r())),
  );
  ready((server.address() as AddressInfo).port);
});
server.on('error', fail);
