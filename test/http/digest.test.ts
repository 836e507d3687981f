import { startTestBot, type TestBot } from '../helpers/bot';
import { message, installed, ADMIN, ANA, BOT } from '../helpers/activities';
import { cardText } from '../helpers/conversation';
import { formatPercent, statusText } from '../../src/views/format';
import type { ConversationRecord, Person } from '../../src/domain/records';
import type { Store } from '../../src/store/types';
import { parseNow } from '../../src/calendar';

/**
 * The weekly digest and the reminders over the real server: lowdb store on disk, teams-ai app, the scheduler's
 * tick driven with a fake clock, and a stand-in Bot Connector that records the proactive posts and answers faults.
 */

const TOKEN = 't';
const auth = { Authorization: `Bearer ${TOKEN}` };
const MONDAY = '2025-07-07T08:00'; // 13:00Z
const GROUP = '19:group-planeacion@thread.v2';
const CHANNEL = '19:seguimiento@thread.tacv2';
const TEAM = '19:team-planeacion@thread.tacv2';
const ANA_PERSON: Person = { id: 'aad-ana', name: 'Ana Pérez' };

function record(
  t: TestBot,
  key: string,
  scope: ConversationRecord['scope'],
  extra: Partial<ConversationRecord> = {},
): ConversationRecord {
  return {
    key,
    scope,
    reference: {
      channelId: 'msteams',
      serviceUrl: `${t.connector.url}/`,
      conversation: {
        id: key,
        tenantId: 'tenant',
        isGroup: scope !== 'personal',
        conversationType: scope === 'channel' ? 'channel' : scope,
      },
      bot: BOT,
    },
    teamId: scope === 'channel' ? TEAM : undefined,
    active: true,
    updatedAt: '2025-06-01T00:00:00.000Z',
    ...extra,
  };
}

const storeOf = (t: TestBot): Store => t.bot.services.store;

async function subscribeBoth(t: TestBot): Promise<void> {
  const store = storeOf(t);
  await store.saveConversation(record(t, GROUP, 'groupChat'));
  await store.saveConversation(record(t, CHANNEL, 'channel'));
  for (const key of [GROUP, CHANNEL]) {
    await store.subscribe(
      { conversationKey: key, kind: 'weekly-digest', createdBy: ANA_PERSON, createdAt: '2025-06-20T15:00:00.000Z' },
      ANA_PERSON,
    );
  }
}

/** Digest cards that reached a conversation: chats by conversation id, channels as new threads (POST /v3/conversations). */
function digestsTo(t: TestBot, key: string): any[] {
  return t.connector.received
    .filter(
      (r) =>
        r.method === 'POST' &&
        (r.conversationId === key || (r.path === '/v3/conversations' && r.body?.channelData?.channel?.id === key)),
    )
    .map((r) => (r.path === '/v3/conversations' ? r.body.activity : r.body))
    .flatMap((a) => (a?.attachments ?? []).map((x: any) => x.content))
    .filter((c) => cardText(c).includes('Resumen semanal del PEI'));
}

async function seedReports(store: Store): Promise<void> {
  await store.setOwners('4263', [ANA_PERSON], ADMIN_PERSON, '2025-06-01T00:00:00.000Z');
  const base = { logros: 'Avance', dificultades: '', evidencia: 'https://intranet.example/e' };
  await store.appendReport({ indicatorId: '4263', period: '2025-06', value: 0.3, ...base }, ANA_PERSON, {
    source: 'teams',
    at: '2025-07-03T15:00:00.000Z',
  });
  await store.appendReport({ indicatorId: '3979', period: '2025-06', value: 0.05, ...base }, ANA_PERSON, {
    source: 'teams',
    at: '2025-07-04T15:00:00.000Z',
  });
  await store.appendReport({ indicatorId: '4075', period: '2025-05', value: 6, ...base }, ANA_PERSON, {
    source: 'csv',
    at: '2025-06-10T15:00:00.000Z',
  });
}
const ADMIN_PERSON: Person = { id: 'aad-admin', name: 'Oficina de Planeación' };

describe('the weekly digest at Monday 08:00 Bogotá', () => {
  let t: TestBot;
  afterEach(async () => {
    await t?.stop();
  });

  test("exactly one digest card per subscribed conversation, with the read API's figures; not twice, not after a restart", async () => {
    t = await startTestBot({ PEI_API_TOKEN: TOKEN, PEI_NOW: MONDAY });
    await seedReports(storeOf(t));
    await subscribeBoth(t);
    const summary = await t.bot.scheduler.tick();
    expect(summary.at).toBe('2025-07-07T13:00:00.000Z');

    const group = digestsTo(t, GROUP);
    const channel = digestsTo(t, CHANNEL);
    expect(group).toHaveLength(1);
    expect(channel).toHaveLength(1);
    // The channel's digest opened a new thread in that channel.
    const thread = t.connector.received.find((r) => r.path === '/v3/conversations');
    expect(thread?.body).toMatchObject({ isGroup: true, channelData: { channel: { id: CHANNEL } } });

    // Figures equal GET /api/v1/status (the default year and as-of are the digest's in July).
    const api = (await t.get('/api/v1/status', auth)).body;
    expect(api).toMatchObject({ year: 2025, asOf: '2025-07-07' });
    expect((await t.get('/api/v1/status?year=2025&asOf=2025-07-07', auth)).body).toEqual(api);
    for (const card of [group[0], channel[0]]) {
      const text = cardText(card);
      expect(text).toContain(`Vigencia ${api.year} · corte al 7 de julio de 2025`);
      expect(text).toContain(statusText(api.plan.status, 'es'));
      expect(text).toContain(formatPercent(api.plan.progress, 'es'));
      expect(text).toContain(formatPercent(api.plan.expected, 'es'));
      expect(text).toContain(formatPercent(api.plan.cumulative, 'es'));
      for (const o of api.objectives) expect(text).toContain(`${formatPercent(o.progress, 'es')}`);
      // Each objective's row and button open it.
      const buttons = JSON.stringify(card);
      for (const o of api.objectives)
        expect(buttons).toContain(
          `{"verb":"show-objective","objective":${o.number},"plan":"pei-sg-2024-2027","lang":"es"}`,
        );
      // The lagging indicators are the API's red and amber ones.
      const lagging = api.objectives
        .flatMap((o: any) => o.indicators)
        .filter((i: any) => i.status === 'rojo' || i.status === 'amarillo');
      for (const i of lagging) expect(text).toContain(`**${i.id}**`);
      // Reports received in the last week and the owners of June's pending reports.
      expect(text).toContain('Se recibieron 2 reportes de 2 indicadores.');
      expect(text).toContain('Reportes pendientes de junio de 2025 (plazo: lunes 7 de julio de 2025)');
    }

    // Later ticks the same week send nothing more.
    const before = t.connector.received.length;
    await t.bot.scheduler.tick();
    await t.bot.scheduler.tick(parseNow('2025-07-09T10:00'));
    expect(t.connector.received.length).toBe(before);
    expect(
      (await storeOf(t).sent())
        .map((s) => s.key)
        .filter((k) => k.startsWith('digest:'))
        .sort(),
    ).toEqual([`digest:2025-W28:${CHANNEL}`, `digest:2025-W28:${GROUP}`].sort());

    // Restart on the same database file (a new connector URL, so a duplicate would be seen): nothing is sent again.
    const dbFile = t.dbFile;
    await t.stop();
    t = await startTestBot({ PEI_API_TOKEN: TOKEN, PEI_NOW: MONDAY }, { dbFile });
    for (const key of [GROUP, CHANNEL])
      await storeOf(t).saveConversation(record(t, key, key === GROUP ? 'groupChat' : 'channel'));
    const again = await t.bot.scheduler.tick();
    expect(again.items).toEqual([]);
    expect(t.connector.received).toEqual([]);

    // The next Monday, once more, with the changes since the last digest.
    await t.bot.scheduler.tick(parseNow('2025-07-14T08:00'));
    expect(digestsTo(t, GROUP)).toHaveLength(1);
    expect(digestsTo(t, CHANNEL)).toHaveLength(1);
    expect(cardText(digestsTo(t, GROUP)[0])).toContain('Cambios desde el último resumen (7 de julio de 2025)');
  });

  test('429 with Retry-After on one conversation: delivered once after waiting', async () => {
    t = await startTestBot({ PEI_API_TOKEN: TOKEN, PEI_NOW: MONDAY });
    await subscribeBoth(t);
    t.connector.failFor(GROUP, { status: 429, retryAfter: 1 });
    await t.bot.scheduler.tick();
    // (Assertions read the connector and the store, not the tick's summary: the scheduler's own first tick, a
    // second after start, may be the one that did the work.)
    expect(digestsTo(t, GROUP)).toHaveLength(1);
    expect(digestsTo(t, CHANNEL)).toHaveLength(1);
    const tries = t.connector.received.filter((r) => r.conversationId === GROUP);
    expect(tries.map((r) => r.method)).toEqual(['POST-FAULT-429', 'POST']);
    expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(950);
    expect(await storeOf(t).wasSent(`digest:2025-W28:${GROUP}`)).toBe(true);
  });

  test('403 on one conversation: marked inactive, the other still gets its digest, and no later tick tries it again', async () => {
    t = await startTestBot({ PEI_API_TOKEN: TOKEN, PEI_NOW: MONDAY });
    await subscribeBoth(t);
    t.connector.failFor(GROUP, { status: 403 });
    await t.bot.scheduler.tick();
    expect(digestsTo(t, CHANNEL)).toHaveLength(1);
    expect(digestsTo(t, GROUP)).toHaveLength(0);
    expect(await storeOf(t).wasSent(`digest:2025-W28:${GROUP}`)).toBe(false);
    expect((await storeOf(t).conversations()).find((c) => c.key === GROUP)).toMatchObject({
      active: false,
      inactiveReason: 'HTTP 403',
    });
    await t.bot.scheduler.tick(parseNow('2025-07-07T09:00'));
    expect(t.connector.received.filter((r) => r.conversationId === GROUP)).toHaveLength(1);
  });

  test('500 on one conversation: logged and skipped, the other delivered; retried on a later tick', async () => {
    t = await startTestBot({ PEI_API_TOKEN: TOKEN, PEI_NOW: MONDAY });
    await subscribeBoth(t);
    t.connector.failFor('', { status: 500 }); // the channel's new-thread request
    await t.bot.scheduler.tick();
    expect(t.connector.received.filter((r) => r.method === 'POST-FAULT-500')).toHaveLength(1);
    expect(digestsTo(t, GROUP)).toHaveLength(1);
    expect(digestsTo(t, CHANNEL)).toHaveLength(0);
    expect((await storeOf(t).conversations()).find((c) => c.key === CHANNEL)?.active).toBe(true);
    // Not before the backoff (5 min)…
    expect((await t.bot.scheduler.tick(parseNow('2025-07-07T08:02'))).items).toEqual([]);
    // …then delivered, once.
    await t.bot.scheduler.tick(parseNow('2025-07-07T08:06'));
    await t.bot.scheduler.tick(parseNow('2025-07-07T08:07'));
    expect(digestsTo(t, CHANNEL)).toHaveLength(1);
    expect(digestsTo(t, GROUP)).toHaveLength(1);
  });
});

describe('end to end over /api/messages', () => {
  let t: TestBot;
  afterEach(async () => {
    await t?.stop();
  });

  test('a group chat subscribes by message; the bot confirms with a card; the next Monday the digest arrives', async () => {
    t = await startTestBot({ PEI_API_TOKEN: TOKEN, PEI_NOW: '2025-07-03T10:00', PEI_ADMINS: 'aad-admin' });
    const url = t.connector.url;
    expect(await t.send(installed(url, { kind: 'groupChat', id: GROUP }, ADMIN))).toBe(200);
    expect((await storeOf(t).conversations()).map((c) => c.key)).toContain(GROUP);
    expect(await t.send(message(url, 'suscribir resumen semanal', { where: { kind: 'groupChat', id: GROUP } }))).toBe(
      200,
    );
    const confirm = cardText(t.connector.cards(GROUP).at(-1));
    expect(confirm).toContain('Resumen semanal activado');
    expect(confirm).toContain('lunes 7 de julio de 2025, 8:00 a. m. (hora de Bogotá)');
    t.connector.clear();
    await t.bot.scheduler.tick(parseNow('2025-07-07T08:00'));
    expect(digestsTo(t, GROUP)).toHaveLength(1);
  });

  test("a channel subscribes from a thread: the subscription is the channel's, and the digest opens a new thread there", async () => {
    t = await startTestBot({ PEI_API_TOKEN: TOKEN, PEI_NOW: '2025-07-03T10:00' });
    const url = t.connector.url;
    expect(
      await t.send(
        message(url, 'subscribe weekly digest', {
          where: { kind: 'channel', channel: CHANNEL, team: TEAM },
          locale: 'en-US',
        }),
      ),
    ).toBe(200);
    expect((await storeOf(t).subscriptions()).map((s) => s.conversationKey)).toEqual([CHANNEL]);
    expect(cardText(t.connector.cards().at(-1))).toContain('Weekly digest on');
    t.connector.clear();
    await t.bot.scheduler.tick(parseNow('2025-07-07T08:00'));
    expect(digestsTo(t, CHANNEL)).toHaveLength(1);
  });

  test("reminders reach the owner's personal chat 3 days before the June deadline, once", async () => {
    t = await startTestBot({ PEI_API_TOKEN: TOKEN, PEI_NOW: '2025-07-01T10:00' });
    const url = t.connector.url;
    expect(await t.send(installed(url, { kind: 'personal' }, ANA))).toBe(200);
    const personal = (await storeOf(t).conversations()).find((c) => c.scope === 'personal')!;
    expect(personal.userId).toBe('aad-ana');
    await storeOf(t).setOwners('4263', [ANA_PERSON], ADMIN_PERSON, '2025-06-01T00:00:00.000Z');
    t.connector.clear();
    await t.bot.scheduler.tick(parseNow('2025-07-04T07:00')); // before 08:00: not yet
    expect(t.connector.cards(personal.key)).toHaveLength(0);
    await t.bot.scheduler.tick(parseNow('2025-07-04T08:00'));
    await t.bot.scheduler.tick(parseNow('2025-07-04T16:00'));
    const cards = t.connector.cards(personal.key);
    expect(cards).toHaveLength(1);
    expect(cardText(cards[0])).toContain(
      'Faltan 3 días para el plazo del reporte de junio de 2025: lunes 7 de julio de 2025',
    );
    expect(await storeOf(t).wasSent('reminder:2025-06:d-3:aad-ana')).toBe(true);
  });
});
