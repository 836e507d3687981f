/**
 * (b) The framework's cost: an echo bot on the same stack as ours — the same TeamsAdapter (src/teams/adapter.ts,
 * anonymous local mode), a teams-ai Application with the same options as src/teams/app.ts, and the same restify
 * server (src/http/server.ts) — whose app.activity('message') handler sends the text back.
 * With BENCH_CARD_FILE it answers every message with that (already rendered) Adaptive Card instead: the
 * framework's cost of a reply as large as ours, without any of our logic.
 */
import { readFileSync } from 'node:fs';
import { ActivityTypes, CardFactory, MessageFactory } from 'botbuilder';
import { Application, type TurnState } from '@microsoft/teams-ai';
import { createAdapter } from '../../src/teams/adapter';
import { processInbound } from '../../src/teams/inbound';
import { createHttpServer } from '../../src/http/server';
import type { StatusService } from '../../src/progress/service';
import type { Store } from '../../src/store/types';
import { fail, ready, serveIpc } from '../lib/ipc';

async function main() {
  const adapter = createAdapter({ type: 'SingleTenant' }, (m, e) => process.stderr.write(`${m}: ${String(e)}\n`));
  const app = new Application<TurnState>({
    adapter,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  const cardFile = process.env.BENCH_CARD_FILE;
  const card = cardFile
    ? (JSON.parse(readFileSync(cardFile, 'utf8')) as { content: Record<string, unknown>; summary?: string })
    : null;
  app.activity(ActivityTypes.Message, async (context) => {
    if (card) {
      const reply = MessageFactory.attachment(CardFactory.adaptiveCard(card.content));
      if (card.summary) reply.summary = card.summary;
      await context.sendActivity(reply);
    } else {
      await context.sendActivity(context.activity.text ?? '');
    }
  });
  const http = createHttpServer({
    messages: (request) => processInbound(adapter, request, (context) => app.run(context).then(() => undefined)),
    // Only POST /api/messages is exercised; the read API is off (no token). The server asks the store to catch up
    // with other processes before a turn (store.refresh: nothing to do for an embedded store).
    status: {} as StatusService,
    store: { refresh: async () => undefined } as unknown as Store,
    clock: () => new Date(),
    log: (m, e) => process.stderr.write(`${m}: ${String(e)}\n`),
  });
  const port = await http.listen(0, '127.0.0.1');
  serveIpc({}, () => http.close(1000));
  ready(port);
}

main().catch(fail);
