import { StandInConnector } from '../helpers/connector';
import { createAdapter } from '../../src/teams/adapter';
import { ProactiveSender, retryAfterMs, statusOf } from '../../src/teams/proactive';
import { cardActivity } from '../../src/teams/deliver';
import { createMemoryStore } from '../../src/store/memory';
import type { ConversationRecord } from '../../src/domain/records';
import type { Store } from '../../src/store/types';
import type { Logger } from '../../src/log';
import { FakeTimer } from '../helpers/fake-timer';

/** The proactive sender against a stand-in Bot Connector: pacing, retries, Retry-After, 403/404, other errors. */

let connector: StandInConnector;
beforeEach(async () => {
  connector = await new StandInConnector().start();
});
afterEach(async () => {
  await connector.stop();
});

function record(key: string, scope: ConversationRecord['scope'] = 'groupChat'): ConversationRecord {
  return {
    key,
    scope,
    reference: {
      channelId: 'msteams',
      serviceUrl: `${connector.url}/`,
      conversation: {
        id: key,
        tenantId: 'tenant',
        conversationType: scope === 'channel' ? 'channel' : scope,
        isGroup: scope !== 'personal',
      },
      bot: { id: '28:pei-bot', name: 'PEI Bot' },
      user: { id: '29:ana', name: 'Ana' },
    },
    teamId: scope === 'channel' ? '19:team@thread.tacv2' : undefined,
    active: true,
    updatedAt: '2025-07-01T00:00:00.000Z',
  };
}

function setup(opts: Partial<ConstructorParameters<typeof ProactiveSender>[0]> = {}) {
  const lines: string[] = [];
  const log: Logger = {
    debug: (m) => lines.push(`DEBUG ${m}`),
    info: (m) => lines.push(`INFO ${m}`),
    warn: (m) => lines.push(`WARN ${m}`),
    error: (m) => lines.push(`ERROR ${m}`),
  };
  const store: Store = createMemoryStore({
    conversations: [record('c1'), record('c2'), record('19:general@thread.tacv2', 'channel')],
  });
  const adapter = createAdapter({ type: 'SingleTenant' }, (m) => lines.push(`TURN-ERROR ${m}`));
  const sender = new ProactiveSender({
    adapter,
    botAppId: '',
    store,
    log,
    clock: () => new Date('2025-07-07T13:00:00Z'),
    baseDelayMs: 50,
    ...opts,
  });
  return { sender, store, lines };
}

const card = {
  type: 'AdaptiveCard',
  version: '1.5',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  body: [{ type: 'TextBlock', text: 'Resumen' }],
};
const activity = () => cardActivity(card, 'es', 'Resumen semanal del PEI');
const posts = (id?: string) => connector.received.filter((r) => !id || r.conversationId === id);

describe('ProactiveSender', () => {
  test('a chat gets the card in one post; every attempt is logged', async () => {
    const { sender, lines } = setup();
    const r = await sender.send(record('c1'), activity(), 'digest:2025-W28:c1');
    expect(r).toEqual({ status: 'sent', attempts: 1 });
    expect(posts().map((p) => p.method)).toEqual(['POST']);
    expect(connector.cards('c1')).toEqual([card]);
    expect(lines.filter((l) => l.includes('digest:2025-W28:c1'))).toEqual([
      expect.stringMatching(/^INFO proactivo digest:2025-W28:c1 → c1 \(groupChat\): intento 1 entregado/),
    ]);
  });

  test('a channel gets a new thread: POST /v3/conversations with isGroup and channelData.channel.id', async () => {
    const { sender } = setup();
    const r = await sender.send(record('19:general@thread.tacv2', 'channel'), activity(), 'digest:2025-W28:general');
    expect(r.status).toBe('sent');
    expect(connector.received).toHaveLength(1);
    const [req] = connector.received;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/v3/conversations');
    expect(req.body).toMatchObject({
      isGroup: true,
      channelData: { channel: { id: '19:general@thread.tacv2' }, tenant: { id: 'tenant' } },
      bot: { id: '28:pei-bot' },
      tenantId: 'tenant',
    });
    expect(req.body.activity.attachments[0].content).toEqual(card);
  });

  test('429 with Retry-After: waits that long, then delivers once (the SDK does not retry behind our back)', async () => {
    const timer = new FakeTimer();
    const { sender, lines } = setup({ timer });
    connector.failFor('c1', { status: 429, retryAfter: 1 });
    const r = await sender.send(record('c1'), activity(), 'digest:2025-W28:c1');
    expect(r).toEqual({ status: 'sent', attempts: 2 });
    expect(posts('c1').map((p) => p.method)).toEqual(['POST-FAULT-429', 'POST']);
    // one wait, of the Retry-After's second (the fake clock: no wall-clock figure in the unit suite)
    expect(timer.waits).toEqual([1000]);
    expect(connector.cards('c1')).toHaveLength(1);
    expect(lines.some((l) => /WARN .*intento 1 falló \(HTTP 429\); reintento en 1000 ms \(Retry-After\)/.test(l))).toBe(
      true,
    );
  });

  test('412, 502, 503, 504 are retried with backoff; the attempts are bounded', async () => {
    const timer = new FakeTimer();
    const { sender } = setup({ maxAttempts: 4, timer });
    connector.failFor('c1', { status: 412 });
    connector.failFor('c1', { status: 502 });
    connector.failFor('c1', { status: 503 });
    expect(await sender.send(record('c1'), activity(), 'k1')).toEqual({ status: 'sent', attempts: 4 });
    expect(timer.waits).toEqual([50, 100, 200]); // the backoff doubles from baseDelayMs
    connector.clear();
    connector.failFor('c2', { status: 504, times: 10 });
    const r = await sender.send(record('c2'), activity(), 'k2');
    expect(r).toMatchObject({ status: 'failed', attempts: 4, reason: 'HTTP 504' });
    expect(posts('c2')).toHaveLength(4);
  });

  test('a Retry-After longer than the maximum wait is not waited here: failed, with the delay for a later run', async () => {
    const timer = new FakeTimer();
    const { sender } = setup({ maxWaitMs: 5_000, timer });
    connector.failFor('c1', { status: 429, retryAfter: 120 });
    const r = await sender.send(record('c1'), activity(), 'k');
    expect(timer.waits).toEqual([]);
    expect(r).toEqual({ status: 'failed', attempts: 1, reason: 'HTTP 429', retryAfterMs: 120_000 });
    expect(posts('c1')).toHaveLength(1);
  });

  test.each([403, 404])(
    '%i: the conversation is marked inactive, no apology is posted, nothing is retried',
    async (status) => {
      const { sender, store, lines } = setup();
      connector.failFor('c1', { status });
      const r = await sender.send(record('c1'), activity(), 'k');
      expect(r).toMatchObject({ status: 'gone', attempts: 1 });
      expect(posts('c1').map((p) => p.method)).toEqual([`POST-FAULT-${status}`]);
      expect((await store.conversations()).find((c) => c.key === 'c1')).toMatchObject({
        active: false,
        inactiveReason: `HTTP ${status}`,
        updatedAt: '2025-07-07T13:00:00.000Z',
      });
      expect(lines.some((l) => l.startsWith('TURN-ERROR'))).toBe(false);
      expect(lines.some((l) => l.startsWith('WARN') && l.includes('se marca inactiva'))).toBe(true);
    },
  );

  test('500: logged and reported failed at once (no SDK retries), the conversation stays active', async () => {
    const { sender, store, lines } = setup();
    connector.failFor('c1', { status: 500, times: 5 });
    const r = await sender.send(record('c1'), activity(), 'k');
    expect(r).toMatchObject({ status: 'failed', attempts: 1, reason: 'HTTP 500' });
    expect(posts('c1')).toHaveLength(1);
    expect((await store.conversations()).find((c) => c.key === 'c1')?.active).toBe(true);
    expect(lines.some((l) => l.startsWith('ERROR') && l.includes('HTTP 500'))).toBe(true);
  });

  test('pacing: two messages to the same conversation are at least pacingMs apart; other conversations are not held up', async () => {
    const timer = new FakeTimer({ auto: false });
    const { sender } = setup({ pacingMs: 400, timer });
    const all = Promise.all([
      sender.send(record('c1'), activity(), 'a'),
      sender.send(record('c1'), activity(), 'b'),
      sender.send(record('c2'), activity(), 'c'),
    ]);
    // c1's first message and c2's go out at once; c1's second waits for the pacing
    await connector.waitFor(2, (r) => r.method === 'POST');
    expect(posts('c1')).toHaveLength(1);
    expect(posts('c2')).toHaveLength(1);
    expect(timer.waits).toEqual([400]);
    timer.advance(399);
    await new Promise((r) => setImmediate(r));
    expect(posts('c1')).toHaveLength(1);
    timer.advance(1);
    await all;
    expect(posts('c1')).toHaveLength(2);
  });

  test('rate: at most ratePerSecond attempts start in any second, for the whole sender (Teams: 50/s per app)', async () => {
    const timer = new FakeTimer({ auto: false });
    const { sender } = setup({ ratePerSecond: 2, timer });
    const all = Promise.all(
      ['c1', 'c2', '19:general@thread.tacv2'].map((k, i) => sender.send(record(k), activity(), `r${i}`)),
    );
    await connector.waitFor(2, (r) => r.method === 'POST');
    await new Promise((r) => setImmediate(r));
    expect(posts()).toHaveLength(2);
    expect(timer.waits).toEqual([1000]);
    timer.advance(999);
    await new Promise((r) => setImmediate(r));
    expect(posts()).toHaveLength(2);
    timer.advance(1);
    expect((await all).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(posts()).toHaveLength(3);
  });

  test('stop() cuts a wait short and later sends are not attempted', async () => {
    const timer = new FakeTimer({ auto: false });
    const { sender } = setup({ timer });
    connector.failFor('c1', { status: 429, retryAfter: 30 });
    const pending = sender.send(record('c1'), activity(), 'k');
    while (!timer.sleeping) await new Promise((r) => setImmediate(r));
    expect(timer.waits).toEqual([30_000]);
    sender.stop(); // no time passes on the fake clock: only stop() can end the wait
    expect(await pending).toMatchObject({ status: 'aborted', attempts: 1 });
    expect(timer.sleeping).toBe(0);
    expect(posts('c1')).toHaveLength(1);
    expect(await sender.send(record('c2'), activity(), 'k2')).toEqual({ status: 'aborted', attempts: 0 });
  });
});

describe('reading errors', () => {
  test('status and Retry-After (seconds or HTTP date)', () => {
    const now = new Date('2025-07-07T13:00:00Z');
    const err = (h: string) => ({
      statusCode: 429,
      response: { headers: { get: (n: string) => (n === 'retry-after' ? h : undefined) } },
    });
    expect(statusOf(err('2'))).toBe(429);
    expect(retryAfterMs(err('2'), now)).toBe(2000);
    expect(retryAfterMs(err('Mon, 07 Jul 2025 13:00:05 GMT'), now)).toBe(5000);
    expect(retryAfterMs(err(''), now)).toBeUndefined();
    expect(retryAfterMs({ statusCode: 500 }, now)).toBeUndefined();
  });
});
