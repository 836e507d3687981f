/**
 * The stand-in Bot Connector for the load runs (its own process): answers what the Bot Framework's connector
 * answers (200 and a resource id) to replies (POST .../activities[/id]), in-place updates (PUT .../activities/id)
 * and new conversations, and only counts them — the recording test stand-in (test/helpers/connector.ts) keeps
 * every body, which a run of a hundred thousand replies does not need.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, ready, serveIpc } from '../lib/ipc';

const counts = { posts: 0, puts: 0, other: 0, bytes: 0 };
let seq = 0;
/** When set, the body of the next POST is kept (the parent asks for it: the card a scenario sends). */
let capture = false;
let captured: string | null = null;

const server = http.createServer((req, res) => {
  const keep = capture && req.method === 'POST';
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => {
    counts.bytes += c.length;
    if (keep) chunks.push(c);
  });
  req.on('end', () => {
    if (keep) {
      capture = false;
      captured = Buffer.concat(chunks).toString('utf8');
    }
    if (req.method === 'POST') counts.posts++;
    else if (req.method === 'PUT') counts.puts++;
    else counts.other++;
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
    },
    () => new Promise<void>((r) => server.close(() => r())),
  );
  ready((server.address() as AddressInfo).port);
});
server.on('error', fail);
