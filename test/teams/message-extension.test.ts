import { INVOKE_RESPONSE_KEY, TestAdapter } from 'botbuilder';
import { startConversation } from '../helpers/conversation';
import { createTeamsApp } from '../../src/teams/app';
import { ChatRouter } from '../../src/chat/router';
import { chatModules } from '../../src/chat/modules';
import { parseNow } from '../../src/calendar';
import { ANA, BOT } from '../helpers/activities';
import { cardText } from '../helpers/conversation';

/** Issue 16: the composeExtension/query invoke through the teams-ai app on botbuilder's TestAdapter. */

function invoke(text: string | null, locale = 'es-CO'): any {
  return {
    type: 'invoke',
    name: 'composeExtension/query',
    id: 'inv-1',
    channelId: 'msteams',
    serviceUrl: 'https://test.local/',
    deliveryMode: 'expectReplies',
    from: { id: ANA.id, name: ANA.name, aadObjectId: ANA.aadObjectId },
    recipient: BOT,
    conversation: { id: '19:group@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: 'tenant' },
    channelData: { tenant: { id: 'tenant' }, source: { name: 'compose' } },
    locale,
    value: {
      commandId: 'searchPlan',
      parameters: text === null ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'query', value: text }],
      queryOptions: { skip: 0, count: 25 },
    },
  };
}

/** The real teams-ai app on a TestAdapter; returns the invoke response the turn set and the activities it sent. */
async function run(activity: any): Promise<{ body: any; status: number; sent: any[] }> {
  const c = startConversation();
  const app = createTeamsApp({
    services: c.services,
    router: new ChatRouter(c.services, chatModules),
    clock: () => parseNow('2025-07-03')!,
    log: () => undefined,
  });
  const adapter = new TestAdapter(async () => undefined);
  let response: any;
  await adapter.processActivity(activity, async (ctx) => {
    await app.run(ctx);
    response = ctx.turnState.get(INVOKE_RESPONSE_KEY)?.value;
  });
  return { body: response?.body, status: response?.status, sent: [...adapter.activeQueue] };
}

test('the invoke answers with the results as its invoke response, and sends no message', async () => {
  const { body, status, sent } = await run(invoke('CSIRT'));
  expect(status).toBe(200);
  expect(body.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
  expect(body.composeExtension.attachments[0].preview.content.title).toMatch(/^4234 · /);
  expect(cardText(body.composeExtension.attachments[0].content)).toContain('Indicador 4234');
  expect(sent).toEqual([]);
});

test('opening the command (initialRun) from an English client lists the objectives in English', async () => {
  const { body } = await run(invoke(null, 'en-US'));
  const titles = body.composeExtension.attachments.map((a: any) => a.preview.content.title);
  expect(titles).toHaveLength(10);
  expect(titles[0]).toMatch(/^Objective 1 · /);
  expect(cardText(body.composeExtension.attachments[4].content)).toMatch(/Objective 5/);
});
