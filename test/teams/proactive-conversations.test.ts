import { startConversation } from '../helpers/conversation';
import { ANA, BOT, installed, message } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';

/**
 * Conversation references for proactive messages: saved on install (personal, group chat, team and its channels),
 * on channelCreated, and when a conversation talks to the bot; removed on uninstall, bot removal, channelDeleted
 * and teamDeleted. (TeamsInfo does not work on the TestAdapter: the team's channel list falls back to the event's.)
 */

const TEAM = '19:team@thread.tacv2';
const GENERAL = '19:general@thread.tacv2';
const URL = 'https://test.local/';

function teamEvent(eventType: string, channel: { id: string; name?: string }): any {
  return {
    type: 'conversationUpdate',
    id: `ev-${eventType}-${channel.id}`,
    serviceUrl: URL,
    channelId: 'msteams',
    from: { id: '29:ana', name: 'Ana Pérez', aadObjectId: 'aad-ana' },
    recipient: BOT,
    conversation: { id: GENERAL, conversationType: 'channel', isGroup: true, tenantId: 'tenant' },
    channelData: { eventType, tenant: { id: 'tenant' }, team: { id: TEAM, name: 'Planeación' }, channel },
  };
}

function installation(action: 'add' | 'remove', where: 'personal' | 'team'): any {
  const a = installed(
    URL,
    where === 'personal' ? { kind: 'personal' } : { kind: 'channel', channel: GENERAL, team: TEAM },
  );
  delete a.membersAdded;
  return { ...a, type: 'installationUpdate', action };
}

describe('conversation references (TestAdapter)', () => {
  test('install in a personal chat: a durable record with the user id, the reference without an activity id', async () => {
    const c = startConversation();
    await c.install({ kind: 'personal' }, ANA);
    const [rec] = await c.store.conversations();
    expect(rec).toMatchObject({ key: 'a:personal-aad-ana', scope: 'personal', userId: 'aad-ana', active: true });
    expect(rec.reference).toMatchObject({
      serviceUrl: URL,
      conversation: { id: 'a:personal-aad-ana' },
      bot: { id: BOT.id },
    });
    expect((rec.reference as any).activityId).toBeUndefined();
  });

  test('a team: the channel of the event (fallback when the channel list is unavailable), channels created later, deleted ones forgotten', async () => {
    const c = startConversation();
    await c.install({ kind: 'channel', channel: GENERAL, team: TEAM });
    expect((await c.store.conversations()).map((x) => [x.key, x.scope, x.teamId])).toEqual([
      [GENERAL, 'channel', TEAM],
    ]);
    await c.adapter.processActivity(
      teamEvent('channelCreated', { id: '19:nuevo@thread.tacv2', name: 'Seguimiento PEI' }),
    );
    const created = (await c.store.conversations()).find((x) => x.key === '19:nuevo@thread.tacv2');
    expect(created).toMatchObject({ scope: 'channel', teamId: TEAM, name: 'Seguimiento PEI', active: true });
    expect((created!.reference as any).conversation.id).toBe('19:nuevo@thread.tacv2');
    await c.adapter.processActivity(
      teamEvent('channelDeleted', { id: '19:nuevo@thread.tacv2', name: 'Seguimiento PEI' }),
    );
    expect((await c.store.conversations()).map((x) => x.key)).toEqual([GENERAL]);
    await c.adapter.processActivity(teamEvent('channelCreated', { id: '19:otro@thread.tacv2' }));
    await c.adapter.processActivity({
      ...teamEvent('teamDeleted', { id: GENERAL }),
      channelData: { eventType: 'teamDeleted', team: { id: TEAM }, tenant: { id: 'tenant' } },
    });
    expect(await c.store.conversations()).toEqual([]);
  });

  test('installationUpdate add / remove', async () => {
    const c = startConversation();
    await c.adapter.processActivity(installation('add', 'team'));
    expect((await c.store.conversations()).map((x) => x.key)).toEqual([GENERAL]);
    await c.adapter.processActivity(installation('add', 'personal'));
    expect(await c.store.conversations()).toHaveLength(2);
    await c.adapter.processActivity(installation('remove', 'team'));
    expect((await c.store.conversations()).map((x) => x.scope)).toEqual(['personal']);
  });

  test('a conversation marked inactive comes back when it talks to the bot again; a new service URL is saved', async () => {
    const c = startConversation();
    await c.say('hola');
    const key = (await c.store.conversations())[0].key;
    await c.store.markConversationInactive(key, 'HTTP 403', '2025-07-07T13:00:00.000Z');
    await c.say('hola');
    expect((await c.store.conversations())[0]).toMatchObject({ key, active: true });
    const moved = message('https://smba.trafficmanager.net/amer/', 'hola');
    await c.adapter.processActivity(moved);
    expect(((await c.store.conversations())[0].reference as any).serviceUrl).toBe(
      'https://smba.trafficmanager.net/amer/',
    );
  });
});

describe("the team's channels on install (real server, stand-in connector that lists them)", () => {
  let t: TestBot;
  afterEach(async () => t?.stop());

  test('every channel TeamsInfo lists is saved', async () => {
    t = await startTestBot();
    const connector = t.connector as any;
    const original = connector.handle.bind(connector);
    connector.handle = (req: any, res: any) => {
      if (req.method === 'GET' && /\/v3\/teams\/.+\/conversations/.test(decodeURIComponent(req.url))) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            conversations: [{ id: GENERAL }, { id: '19:seguimiento@thread.tacv2', name: 'Seguimiento PEI' }],
          }),
        );
        return;
      }
      original(req, res);
    };
    expect(await t.send(installed(t.connector.url, { kind: 'channel', channel: GENERAL, team: TEAM }))).toBe(200);
    const recs = await t.bot.services.store.conversations();
    expect(recs.map((r) => [r.key, r.scope, r.teamId, r.name]).sort()).toEqual([
      [GENERAL, 'channel', TEAM, 'General'],
      ['19:seguimiento@thread.tacv2', 'channel', TEAM, 'Seguimiento PEI'],
    ]);
    const other = recs.find((r) => r.key === '19:seguimiento@thread.tacv2')!;
    expect(other.reference).toMatchObject({
      serviceUrl: t.connector.url,
      conversation: { id: '19:seguimiento@thread.tacv2', conversationType: 'channel' },
    });
  });

  test("when the list is not available the install still succeeds with the event's channel", async () => {
    t = await startTestBot();
    expect(await t.send(installed(t.connector.url, { kind: 'channel', channel: GENERAL, team: TEAM }))).toBe(200);
    expect((await t.bot.services.store.conversations()).map((r) => r.key)).toEqual([GENERAL]);
  });
});
