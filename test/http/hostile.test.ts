import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import zlib from 'node:zlib';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { freePort, spawnBot, type ChildBot } from '../helpers/child';
import { StandInConnector } from '../helpers/connector';
import { startTestBot, type TestBot } from '../helpers/bot';
import { installed, message, ANA, BOT } from '../helpers/activities';
import { cardText } from '../helpers/conversation';

/**
 * Hostile input before authentication (issue 12): the real server, as a child process (anonymous mode) and in
 * process (BOT_ID set), gets thousands of generated bodies and activities over HTTP. Every answer to a client's
 * mistake is a 4xx with a JSON error, the process stays alive, its memory stays bounded, nothing is written to
 * TMPDIR and rejected requests store nothing. The generator is seeded (FUZZ_SEED) so a failure can be replayed.
 */

jest.setTimeout(180_000);

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(SEED);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  /** The server closed the connection before answering (only acceptable for bodies over the limit). */
  closed?: string;
}

interface Case {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

function send(base: string, c: Case): Promise<Answer> {
  const u = new URL(c.path, base);
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: c.path,
        method: c.method,
        headers: { ...c.headers, ...(c.body ? { 'Content-Length': String(c.body.length) } : {}) },
        agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d) => chunks.push(d));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }),
        );
        res.on('error', (e) => resolve({ status: 0, body: '', headers: {}, closed: e.message }));
      },
    );
    req.on('error', (e) =>
      resolve({ status: 0, body: '', headers: {}, closed: (e as NodeJS.ErrnoException).code ?? e.message }),
    );
    if (c.body) req.end(c.body);
    else req.end();
  });
}

/** Sends every case with `concurrency` requests in flight; returns the answers in order. */
async function sendAll(base: string, cases: Case[], concurrency = 12): Promise<Answer[]> {
  const out: Answer[] = new Array(cases.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < cases.length) {
        const i = next++;
        out[i] = await send(base, cases[i]);
      }
    }),
  );
  return out;
}

// --- Generators -------------------------------------------------------------------------------------

const ALPHABET = 'abcxyz ÁÉñü019_-.:/[]()*#<>{}"\'\\=|@!\n\t\u0000\u202e😀';
function randomString(max = 40): string {
  let s = '';
  const n = int(max);
  for (let i = 0; i < n; i++) s += ALPHABET[int(ALPHABET.length)];
  // Never a web address: the bot must not be sent anywhere but the stand-in connector.
  return s.replace(/https?:/gi, 'x:');
}

function randomJson(depth = 0): unknown {
  const r = int(depth > 3 ? 6 : 9);
  switch (r) {
    case 0:
      return null;
    case 1:
      return rand() < 0.5;
    case 2:
      return pick([0, -1, 1e308, -0.5, 2 ** 53 + 1, 42]);
    case 3:
    case 4:
      return randomString();
    case 5:
      return pick(['message', 'invoke', 'conversationUpdate', '', 'type']);
    case 6:
      return Array.from({ length: int(5) }, () => randomJson(depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = int(6); i > 0; i--)
        o[
          pick([
            'type',
            'text',
            'from',
            'conversation',
            'value',
            'channelData',
            'id',
            randomString(8),
            '__proto__',
            'constructor',
          ])
        ] = randomJson(depth + 1);
      return o;
    }
  }
}

const BAD_SERVICE_URLS = [
  undefined,
  null,
  '',
  42,
  'not a url',
  'ftp://127.0.0.1/',
  'javascript:alert(1)',
  'http://',
  { href: 'x' },
  ['x'],
];

function baseActivity(connectorUrl: string): any {
  const k = int(5);
  if (k === 0)
    return installed(
      connectorUrl,
      pick([
        { kind: 'personal' },
        { kind: 'groupChat', id: `19:fz-${int(50)}@thread.v2` },
        { kind: 'channel' },
      ] as const),
    );
  if (k === 1) {
    const a = message(connectorUrl, '', {});
    delete a.text;
    a.type = 'invoke';
    a.name = pick(['adaptiveCard/action', 'composeExtension/query', 'task/fetch', randomString(12)]);
    a.value = pick([
      { action: { type: 'Action.Execute', verb: randomString(10), data: randomJson() } },
      randomJson(),
      undefined,
    ]);
    return a;
  }
  return message(
    connectorUrl,
    pick(['plan', 'ayuda', '¿cómo va el objetivo 5?', '4263', randomString(60), 'reportar 4263']),
    {
      where: pick([{ kind: 'personal' }, { kind: 'groupChat' }, { kind: 'channel' }] as const),
      locale: pick(['es-CO', 'en-US', '', 'xx']),
    },
  );
}

const PATHS = [
  ['type'],
  ['serviceUrl'],
  ['conversation'],
  ['conversation', 'id'],
  ['conversation', 'name'],
  ['conversation', 'conversationType'],
  ['from'],
  ['from', 'id'],
  ['from', 'name'],
  ['from', 'aadObjectId'],
  ['recipient'],
  ['recipient', 'id'],
  ['channelId'],
  ['text'],
  ['entities'],
  ['entities', '0'],
  ['channelData'],
  ['channelData', 'team'],
  ['channelData', 'channel', 'id'],
  ['locale'],
  ['value'],
  ['membersAdded'],
  ['membersAdded', '0', 'id'],
  ['replyToId'],
  ['name'],
  ['action'],
  ['timestamp'],
];

function setPath(o: any, path: string[], v: unknown): void {
  let cur = o;
  for (let i = 0; i < path.length - 1; i++) {
    if (typeof cur[path[i]] !== 'object' || cur[path[i]] === null) cur[path[i]] = {};
    cur = cur[path[i]];
  }
  const last = path[path.length - 1];
  if (v === undefined) delete cur[last];
  else cur[last] = v;
}

/** A Teams-shaped activity with one to three fields changed: wrong types, missing, huge, odd unicode. */
function mutatedActivity(connectorUrl: string): unknown {
  const a = structuredClone(baseActivity(connectorUrl)); // the builders share objects (BOT): never mutate them
  for (let n = 1 + int(3); n > 0; n--) {
    const path = pick(PATHS);
    const r = int(6);
    let v: unknown;
    if (path[0] === 'serviceUrl') v = pick(BAD_SERVICE_URLS);
    else if (r === 0) v = undefined;
    else if (r === 1) v = 'x'.repeat(pick([300, 1025, 5000, 41_000, 150_000]));
    else v = randomJson(1);
    setPath(a, path, v);
  }
  return a;
}

const json = (v: unknown) => Buffer.from(JSON.stringify(v) ?? 'null');
const post = (kind: string, headers: Record<string, string>, body?: Buffer): Case => ({
  kind,
  method: 'POST',
  path: '/api/messages',
  headers,
  body,
});
const JSON_CT = { 'Content-Type': 'application/json' };

let big: { plain: Buffer; gzip: Buffer } | undefined;
function bigBodies(connectorUrl: string) {
  if (!big) {
    const plain = Buffer.from(
      JSON.stringify({ ...message(connectorUrl, 'plan'), text: 'z'.repeat(1024 * 1024 + 300_000) }),
    );
    big = { plain, gzip: zlib.gzipSync(plain) };
  }
  return big;
}

/** Requests the bot must refuse (4xx) without storing anything or calling the connector. */
function rejectedCase(connectorUrl: string): Case {
  const valid = message(connectorUrl, 'plan');
  switch (int(11)) {
    case 0: {
      // JSON that is not an activity
      const v = randomJson();
      if (v && typeof v === 'object' && !Array.isArray(v)) (v as any).serviceUrl = pick(BAD_SERVICE_URLS);
      return post('not-an-activity', JSON_CT, json(v));
    }
    case 1: {
      // a valid activity without a usable serviceUrl, type, conversation or sender
      const a = structuredClone(message(connectorUrl, 'plan'));
      const [path, v] = pick([
        [['serviceUrl'], pick(BAD_SERVICE_URLS)],
        [['type'], pick([1, '', null, undefined, {}])],
        [['conversation', 'id'], pick([undefined, 5, ''])],
        [['conversation'], 'x'],
        [['from', 'id'], undefined],
        [['channelId'], undefined],
        [['conversation', 'name'], 'n'.repeat(100_000)],
      ] as [string[], unknown][]);
      setPath(a, path, v);
      return post('activity-missing-field', JSON_CT, json(a));
    }
    case 2:
      return post(
        'content-type',
        {
          'Content-Type': pick([
            'text/plain',
            'application/x-www-form-urlencoded',
            'application/xml',
            'text/json',
            'application/jsonx',
            'multipart/form-data; boundary=zz',
          ]),
        },
        json(valid),
      );
    case 3:
      return post('no-content-type', {}, json(valid));
    case 4: {
      // multipart upload of a file
      const boundary = 'fuzz' + int(1e6);
      const file = Buffer.alloc(8 * 1024 + int(64 * 1024), 7);
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return post('multipart', { 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body);
    }
    case 5: {
      // gzip/deflate headers on garbage, truncated or plain bodies
      const enc = pick(['gzip', 'deflate', 'x-gzip']);
      const packed = enc === 'deflate' ? zlib.deflateSync(json(valid)) : zlib.gzipSync(json(valid));
      const body = pick([
        json(valid),
        Buffer.from('{}'),
        packed.subarray(0, 1 + int(packed.length - 2)),
        Buffer.from(Array.from({ length: int(2000) }, () => int(256))),
      ]);
      return post('bad-compression', { ...JSON_CT, 'Content-Encoding': enc }, body);
    }
    case 6:
      return post(
        'unknown-encoding',
        { ...JSON_CT, 'Content-Encoding': pick(['br', 'compress', 'gzip, deflate', 'zstd', 'identity;q=x']) },
        json(valid),
      );
    case 7:
      return post(
        'invalid-utf8',
        JSON_CT,
        Buffer.concat([
          Buffer.from('{"type":"message","text":"'),
          Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
          Buffer.from('"}'),
        ]),
      );
    case 8:
      return post(
        'not-json',
        JSON_CT,
        Buffer.from(
          pick([
            '{',
            '{"type":',
            '<xml/>',
            'a=b&c=d',
            '\u0000\u0001',
            '[1,2',
            '{"a":1}{"b":2}',
            randomString(100) + '{',
          ]),
        ),
      );
    case 9: {
      // over the limit, plain or compressed (one in three; built once)
      if (rand() < 0.66) return post('not-json', JSON_CT, Buffer.from(randomString(200)));
      const big = bigBodies(connectorUrl);
      return rand() < 0.5
        ? post('too-large', JSON_CT, big.plain)
        : post('too-large-gzip', { ...JSON_CT, 'Content-Encoding': 'gzip' }, big.gzip);
    }
    default: {
      // other paths and methods
      const method = pick(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'POST']);
      const path = pick([
        '/nope',
        '/%zz',
        '/api',
        '/api/messages/x',
        '/api/v1/status?asOf[]=2025-06-30',
        '/../etc/passwd',
        `/${encodeURIComponent(randomString(20).replace(/[\ud800-\udfff]/g, ''))}`,
        '/api/v1/status?year[a]=1',
      ]);
      return {
        kind: 'other-route',
        method,
        path,
        headers: method === 'POST' ? JSON_CT : {},
        body: method === 'POST' || method === 'PUT' ? json(randomJson()) : undefined,
      };
    }
  }
}

async function gzipBomb(bytes: number): Promise<Buffer> {
  const gz = zlib.createGzip({ level: 9 });
  const out: Buffer[] = [];
  gz.on('data', (c: Buffer) => out.push(c));
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  for (let sent = 0; sent < bytes; sent += chunk.length) if (!gz.write(chunk)) await once(gz, 'drain');
  gz.end();
  await once(gz, 'end');
  return Buffer.concat(out);
}

function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

function storeSnapshot(dir: string): Record<string, number> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).size]));
}

const INTERNAL_TEXT =
  /getaddrinfo|ENOTFOUND|ECONNREFUSED|botframework\.com|request to|TypeError|at \w+ \(|node_modules/i;

function expectClientError(a: Answer, c: Case): void {
  // Even a body over the limit is answered (the server reads and throws away up to 16 MB of it), not cut off.
  expect({ kind: c.kind, closed: a.closed }).toEqual({ kind: c.kind, closed: undefined });
  expect({ kind: c.kind, status: a.status, ok: a.status >= 400 && a.status < 500 }).toEqual({
    kind: c.kind,
    status: a.status,
    ok: true,
  });
  if (c.method !== 'HEAD')
    expect(JSON.parse(a.body)).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  expect(a.body).not.toMatch(INTERNAL_TEXT);
}

// --- Anonymous mode, as a child process ---------------------------------------------------------------

describe('anonymous mode, real process: thousands of hostile requests', () => {
  let child: ChildBot;
  let connector: StandInConnector;
  let tmp: string;
  let dbDir: string;
  let baselineRss: number;

  beforeAll(async () => {
    connector = await new StandInConnector().start();
    tmp = mkdtempSync(join(tmpdir(), 'pei-hostile-tmp-'));
    dbDir = mkdtempSync(join(tmpdir(), 'pei-hostile-db-'));
    child = await spawnBot(
      {
        PEI_DB_FILE: join(dbDir, 'db.json'),
        PEI_NOW: '2025-07-03',
        TMPDIR: tmp,
        LOG_LEVEL: 'info',
        PEI_API_TOKEN: 'tok',
      },
      await freePort(),
    );
    baselineRss = procStatus(child.proc.pid!, 'VmRSS');
  });
  afterAll(async () => {
    if (child.proc.exitCode === null) {
      child.proc.kill('SIGTERM');
      await child.exited;
    }
    await connector.stop();
  });

  test('it says it listens on loopback only, and does', async () => {
    expect(child.output()).toMatch(/escuchando en http:\/\/127\.0\.0\.1:\d+\/api\/messages \(solo esta máquina/);
    const port = Number(new URL(child.url).port);
    const other = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (other) {
      const err = await new Promise<string>((resolve) => {
        const s = net.connect(port, other.address);
        s.on('connect', () => {
          s.destroy();
          resolve('connected');
        });
        s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      expect(err).toBe('ECONNREFUSED');
    }
  });

  test('finding 1: gzip headers on a body that is not gzip, or a truncated gzip, get 400 and the process lives', async () => {
    const packed = zlib.gzipSync(json(message(connector.url, 'plan')));
    for (const body of [Buffer.from('{}'), packed.subarray(0, packed.length - 8), packed.subarray(0, 10)]) {
      const a = await send(child.url, post('gzip', { ...JSON_CT, 'Content-Encoding': 'gzip' }, body));
      expect(a.status).toBe(400);
      expect(JSON.parse(a.body).error.code).toBe('malformed-body');
    }
    expect((await send(child.url, { kind: 'health', method: 'GET', path: '/healthz', headers: {} })).status).toBe(200);
  });

  test('a gzip (or deflate) activity within the limit is still accepted', async () => {
    connector.clear();
    const a = await send(
      child.url,
      post('gzip-ok', { ...JSON_CT, 'Content-Encoding': 'gzip' }, zlib.gzipSync(json(message(connector.url, 'plan')))),
    );
    expect(a.status).toBe(200);
    await connector.waitFor(1);
    expect(cardText(connector.cards()[0])).toMatch(/Gestión administrativa/);
  });

  test('finding 2: a 300 MB gzip bomb gets 413 and memory stays bounded', async () => {
    const bomb = await gzipBomb(300 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024); // it passes a limit that counts compressed bytes
    const a = await send(child.url, post('bomb', { ...JSON_CT, 'Content-Encoding': 'gzip' }, bomb));
    expect(a.status).toBe(413);
    expect(JSON.parse(a.body).error.code).toBe('body-too-large');
    // Decompressed in full it would take the process past 1.3 GB; bounded, it barely moves.
    expect(procStatus(child.proc.pid!, 'VmHWM')).toBeLessThan(baselineRss + 150 * 1024 * 1024);
  });

  test('finding 3: a multipart upload gets 415 and leaves no file in TMPDIR', async () => {
    const boundary = 'b0undary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="big.bin"\r\n\r\n`),
      Buffer.alloc(6 * 1024 * 1024, 1),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const a = await send(
      child.url,
      post('multipart', { 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body),
    );
    expect(a.status).toBe(415);
    expect(JSON.parse(a.body).error.message).toMatch(/solo acepta cuerpos JSON/);
    expect(readdirSync(tmp)).toEqual([]);
  });

  test('fuzz: 3,000 requests that must be refused get a 4xx JSON error, store nothing, call no connector', async () => {
    connector.clear();
    const before = storeSnapshot(dbDir);
    const cases = Array.from({ length: 3000 }, () => rejectedCase(connector.url));
    const answers = await sendAll(child.url, cases);
    cases.forEach((c, i) => expectClientError(answers[i], c));
    const kinds = new Set(cases.map((c) => c.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(12);
    // A refused request stores nothing: a store write would have been made before its answer (writes are durable
    // before the turn answers).
    expect(storeSnapshot(dbDir)).toEqual(before);
    // Then one valid turn, awaited through to its reply at the connector: a connector call any refused request had
    // caused would have been made by then, and none was.
    const barrier = message(connector.url, 'plan', {
      from: { id: '29:hostile-barrier', name: 'Barrera', aadObjectId: 'aad-hostile-barrier' },
    });
    expect((await send(child.url, post('barrier', JSON_CT, json(barrier)))).status).toBe(200);
    await connector.waitFor(1, (r) => r.conversationId === barrier.conversation.id);
    expect(connector.received.filter((r) => r.conversationId !== barrier.conversation.id)).toHaveLength(0);
    expect(readdirSync(tmp)).toEqual([]);
    expect(child.proc.exitCode).toBeNull();
  });

  test('fuzz: 1,800 Teams-shaped activities with broken fields never get a 5xx', async () => {
    const cases = Array.from({ length: 1800 }, () => post('mutated', JSON_CT, json(mutatedActivity(connector.url))));
    const answers = await sendAll(child.url, cases, 8);
    const statuses = new Map<number, number>();
    answers.forEach((a, i) => {
      statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
      expect({ i, closed: a.closed, status: a.status < 500 && a.status >= 200 }).toEqual({
        i,
        closed: undefined,
        status: true,
      });
      expect(a.body).not.toMatch(INTERNAL_TEXT);
    });
    // Both sides were exercised: activities the bot answered and activities it refused.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(100);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(100);
  });

  test('afterwards: alive, healthy, memory bounded, TMPDIR empty', async () => {
    expect(child.proc.exitCode).toBeNull();
    expect((await send(child.url, { kind: 'health', method: 'GET', path: '/healthz', headers: {} })).status).toBe(200);
    expect(procStatus(child.proc.pid!, 'VmHWM')).toBeLessThan(baselineRss + 250 * 1024 * 1024);
    expect(readdirSync(tmp)).toEqual([]);
  });
});

// --- With BOT_ID: Microsoft's OpenID metadata hangs, then cannot be fetched ---------------------------

describe('with BOT_ID, when the OpenID metadata cannot be fetched', () => {
  const BOT_APP_ID = '00000000-0000-0000-0000-000000000001';
  let t: TestBot;
  let hang: net.Server;
  const held: net.Socket[] = [];
  let refusedPort: number;
  const originalAgent = https.globalAgent;
  /** Every https request of the process (the SDK's fetch of login.botframework.com) goes to a local socket. */
  const pointHttpsAt = (port: number) => {
    const a = new https.Agent({ keepAlive: false });
    (a as unknown as { createConnection: () => net.Socket }).createConnection = () => net.connect(port, '127.0.0.1');
    (https as { globalAgent: https.Agent }).globalAgent = a;
  };
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const token = (payload: object, header: object = { alg: 'none', typ: 'JWT' }) => `${b64(header)}.${b64(payload)}.`;
  const NONE = token({ iss: 'https://api.botframework.com', aud: BOT_APP_ID, exp: 9_999_999_999 });

  beforeAll(async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined); // botbuilder logs every refused token
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    hang = net.createServer((s) => held.push(s)); // accepts and never answers
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', () => r()));
    refusedPort = await freePort();
    t = await startTestBot({
      BOT_ID: BOT_APP_ID,
      BOT_PASSWORD: 'x',
      BOT_TENANT_ID: 'tenant',
      PEI_REQUEST_TIMEOUT_MS: '1000',
    });
  });
  afterAll(async () => {
    (https as { globalAgent: https.Agent }).globalAgent = originalAgent;
    held.forEach((s) => s.destroy());
    await new Promise<void>((r) => hang.close(() => r()));
    await t.stop();
    jest.restoreAllMocks();
  });

  test('finding 4: a hanging metadata fetch answers every request (60 at once) with 503 and a generic text', async () => {
    pointHttpsAt((hang.address() as net.AddressInfo).port);
    const before = await t.bot.services.store.revision();
    const cases = Array.from({ length: 60 }, () =>
      post('alg-none', { ...JSON_CT, Authorization: `Bearer ${NONE}` }, json(message(t.connector.url, 'plan'))),
    );
    const answers = await sendAll(t.url, cases, 60);
    for (const a of answers) {
      expect(a.status).toBe(503);
      expect(a.headers['retry-after']).toBe('5');
      expect(JSON.parse(a.body).error.code).toBe('timeout');
      expect(a.body).not.toMatch(INTERNAL_TEXT);
    }
    expect(held.length).toBeGreaterThan(0); // the SDK did try to reach the metadata
    expect(await t.bot.services.store.revision()).toBe(before);
    expect(t.connector.received).toHaveLength(0);
  });

  test('finding 4: metadata that cannot be reached answers 401 with a generic text, never the error', async () => {
    pointHttpsAt(refusedPort);
    held.forEach((s) => s.destroy()); // the hung fetches fail now; their requests were answered already
    const a = await send(
      t.url,
      post(
        'alg-none',
        { ...JSON_CT, Authorization: `Bearer ${NONE}`, 'Accept-Language': 'en' },
        json(message(t.connector.url, 'plan')),
      ),
    );
    expect(a.status).toBe(401);
    expect(JSON.parse(a.body)).toEqual({
      error: { code: 'unauthorized', message: 'The request does not carry a valid Bot Framework authorization.' },
    });
  });

  test('fuzz: 600 forged tokens and activities get 400/401, store nothing, reach no connector', async () => {
    pointHttpsAt(refusedPort);
    const before = await t.bot.services.store.revision();
    t.connector.clear();
    const issuers = [
      'https://api.botframework.com',
      'https://sts.windows.net/tenant/',
      'https://login.microsoftonline.com/tenant/v2.0',
      randomString(20),
    ];
    const cases = Array.from({ length: 600 }, () => {
      const auth = pick([
        () =>
          `Bearer ${token({ iss: pick(issuers), aud: pick([BOT_APP_ID, 'other']), exp: 9_999_999_999, serviceurl: t.connector.url })}`,
        () =>
          `Bearer ${token({ iss: pick(issuers), aud: BOT_APP_ID }, { alg: pick(['RS256', 'HS256', 'none']), kid: randomString(10).replace(/[^\x21-\x7e]/g, ''), typ: 'JWT' })}a.b`,
        () => `Bearer ${randomString(80).replace(/[^\x21-\x7e]/g, '')}`,
        () => pick(['', 'Basic YTpi', 'Bearer', `Bearer ${'A'.repeat(9000)}`]),
      ])();
      const body =
        rand() < 0.8
          ? message(t.connector.url, pick(['plan', 'asignar administrador', randomString(30)]), {
              from: { ...ANA, aadObjectId: pick(['aad-admin', 'aad-ana']) },
            })
          : mutatedActivity(t.connector.url);
      return post('forged', { ...JSON_CT, ...(auth ? { Authorization: auth } : {}) }, json(body));
    });
    const answers = await sendAll(t.url, cases, 12);
    answers.forEach((a, i) => {
      expect({ i, status: a.status === 400 || a.status === 401 }).toEqual({ i, status: true });
      expect(a.body).not.toMatch(INTERNAL_TEXT);
    });
    expect(answers.filter((a) => a.status === 401).length).toBeGreaterThan(400);
    expect(await t.bot.services.store.revision()).toBe(before);
    expect(t.connector.received).toHaveLength(0);
  });
});

// --- Anonymous mode, in process: what is stored, what is shown ----------------------------------------

describe('anonymous mode: bounded storage, client errors, escaped cards', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ PEI_API_TOKEN: 'tok' });
  });
  afterAll(() => t.stop());

  test('finding 5: bodies that are not activities get 400 with a polite message (English when asked)', async () => {
    for (const body of [{}, { type: 1 }, { type: '' }, [], 'message', 42, { type: 'message' }]) {
      const a = await send(t.url, post('not-activity', JSON_CT, json(body)));
      expect(a.status).toBe(400);
    }
    const en = await send(t.url, post('not-activity', { ...JSON_CT, 'Accept-Language': 'en-US' }, json({ type: 1 })));
    expect(JSON.parse(en.body).error.message).toBe(
      'The body is not a Bot Framework activity: `type` (a string) is missing.',
    );
    const form = await send(
      t.url,
      post('form', { 'Content-Type': 'application/x-www-form-urlencoded' }, Buffer.from('type=message')),
    );
    expect(form.status).toBe(415);
    const xml = await send(
      t.url,
      post('xml', { 'Content-Type': 'application/xml' }, Buffer.from('<activity type="message"/>')),
    );
    expect(xml.status).toBe(415);
  });

  test("finding 5: an adaptiveCard/action with an unknown verb gets a card that says so, in the user's language", async () => {
    const invoke = (locale: string) => {
      const a = message(t.connector.url, '', { locale });
      delete a.text;
      return {
        ...a,
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'borrar-todo', data: {} } },
      };
    };
    const es = await send(t.url, post('invoke', JSON_CT, json(invoke('es-CO'))));
    expect(es.status).toBe(200);
    const body = JSON.parse(es.body);
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardText(body.value)).toMatch(/Esta acción no está disponible[\s\S]*«borrar-todo»/);
    const en = JSON.parse((await send(t.url, post('invoke', JSON_CT, json(invoke('en-US'))))).body);
    expect(cardText(en.value)).toMatch(/This action is not available/);
    const other = await send(t.url, post('invoke', JSON_CT, json({ ...invoke('es-CO'), name: 'foo/bar' })));
    expect(other.status).toBe(400);
    expect(JSON.parse(other.body).error.code).toBe('unsupported-invoke');
  });

  test('finding 6: an activity without serviceUrl is refused at once and nothing is sent anywhere', async () => {
    t.connector.clear();
    const a = message(t.connector.url, 'plan');
    delete a.serviceUrl;
    const answer = await send(t.url, post('no-serviceUrl', JSON_CT, json(a)));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.code).toBe('invalid-serviceUrl');
    expect(t.bot.http.inFlight()).toBe(0); // no turn left retrying in the background
  });

  test('finding 8: 200 installs with a 100 KB conversation name are refused; long names and junk are cut when stored', async () => {
    const before = await t.bot.services.store.revision();
    const huge = Array.from({ length: 200 }, (_, i) => {
      const a = installed(t.connector.url, { kind: 'groupChat', id: `19:huge-${i}@thread.v2` });
      a.conversation.name = 'N'.repeat(100_000);
      return post('huge-name', JSON_CT, json(a));
    });
    for (const a of await sendAll(t.url, huge)) expect(a.status).toBe(400);
    expect(await t.bot.services.store.revision()).toBe(before);

    const long = Array.from({ length: 20 }, (_, i) => {
      const a = installed(
        t.connector.url,
        { kind: 'groupChat', id: `19:long-${i}@thread.v2` },
        { ...ANA, name: 'A'.repeat(1000) },
      );
      a.conversation.name = 'L'.repeat(1000);
      a.conversation.junk = 'J'.repeat(50_000);
      a.from.junk = 'J'.repeat(50_000);
      a.recipient = { ...BOT, junk: 'J'.repeat(50_000) };
      return post('long-name', JSON_CT, json(a));
    });
    for (const a of await sendAll(t.url, long)) expect(a.status).toBe(200);
    const stored = (await t.bot.services.store.conversations()).filter((c) => c.key.startsWith('19:long-'));
    expect(stored).toHaveLength(20);
    for (const c of stored) {
      expect(c.name).toBe('L'.repeat(256));
      expect(JSON.stringify(c).length).toBeLessThan(2000);
      expect(JSON.stringify(c)).not.toContain('JJJ');
    }
  });

  test('finding 14: ?asOf[]=… and ?year[]=… get 400, not 500', async () => {
    const auth = { Authorization: 'Bearer tok' };
    const a = await t.get('/api/v1/status?asOf[]=2025-06-30', auth);
    expect(a.status).toBe(400);
    expect(a.body.error.code).toBe('invalid-asOf');
    const y = await t.get('/api/v1/status?year[]=2025', { ...auth, 'Accept-Language': 'en' });
    expect(y.status).toBe(400);
    expect(y.body.error.message).toMatch(/year must be/);
    expect((await t.get('/api/v1/status?asOf=2025-06-30&asOf=2025-06-01', auth)).status).toBe(400);
  });

  test('finding 15: links and markup in reports and names are shown as typed, not live, on the card', async () => {
    await t.bot.services.store.appendReport(
      {
        indicatorId: '4263',
        period: '2025-06',
        value: 0.3,
        logros: "Ver [clic aquí](https://evil.example/robo) y **urgente** =cmd|' /C calc'!A0",
        dificultades: '- lista\n1. numerada',
        evidencia: 'acta [firmada](https://evil.example/x) en https://intranet.example/acta',
      },
      { id: 'aad-ana', name: '[Soporte](https://evil.example/login)' },
      { source: 'teams', submissionId: 'hostile-1', at: '2025-07-02T15:00:00.000Z' },
    );
    t.connector.clear();
    expect(await t.send(message(t.connector.url, 'indicador 4263'))).toBe(200);
    await t.connector.waitFor(1);
    const card = t.connector.cards()[0];
    const md = new MarkdownIt({ html: false, linkify: false });
    const blocks: string[] = [];
    const walk = (n: any) => {
      if (Array.isArray(n)) return n.forEach(walk);
      if (!n || typeof n !== 'object') return;
      if (n.type === 'TextBlock' && typeof n.text === 'string') blocks.push(n.text);
      if (n.type === 'FactSet') for (const f of n.facts ?? []) blocks.push(String(f.value));
      Object.values(n).forEach(walk);
    };
    walk(card);
    const html = blocks.map((b) => md.render(b)).join('\n');
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs).toContain('https://intranet.example/acta');
    // The only live links are the bot's own "Ver evidencia" on addresses in the evidence, never a text someone chose.
    const links = [...html.matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)].map((m) => ({ href: m[1], text: m[2] }));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l.text).toBe('Ver evidencia');
    expect(hrefs.filter((h) => /robo|login/.test(h))).toEqual([]);
    // What people wrote reads as they wrote it.
    expect(html).toContain('[clic aquí](https://evil.example/robo)');
    expect(html).toContain('**urgente**');
    expect(html).toContain('[Soporte](https://evil.example/login)');
    expect(html).not.toMatch(/<li>lista/);
    expect(html).not.toMatch(/<strong>urgente/);
  });

  test('issue 11: GET / says what the service is, its version and where to go; unknown paths 404, wrong methods 405', async () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    const es = await t.get('/');
    expect(es.status).toBe(200);
    expect(es.body).toMatchObject({ name: 'pei-bot', version: pkg.version });
    expect(es.body.description).toMatch(/Plan Estratégico Institucional/);
    expect(es.body.endpoints.map((e: any) => e.path)).toEqual(['/api/messages', '/healthz', '/api/v1/status']);
    const en = await t.get('/', { 'Accept-Language': 'en-US,en;q=0.9' });
    expect(en.body.description).toMatch(/^Microsoft Teams bot that follows/);
    const page = await send(t.url, { kind: 'html', method: 'GET', path: '/', headers: { Accept: 'text/html' } });
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toMatch(new RegExp(`<h1>pei-bot <small>${pkg.version.replace(/\./g, '\\.')}</small></h1>`));
    const missing = await t.get('/api/v2/nada', { 'Accept-Language': 'en' });
    expect(missing).toEqual({
      status: 404,
      body: {
        error: {
          code: 'not-found',
          message: 'There is no such address on this service; GET / lists the available ones.',
        },
      },
    });
    const wrong = await send(t.url, { kind: 'method', method: 'GET', path: '/api/messages', headers: {} });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
    expect(JSON.parse(wrong.body).error.message).toBe('Método GET no permitido en /api/messages; use POST.');
  });
});
