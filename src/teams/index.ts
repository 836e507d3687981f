import type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { MessagesHandler } from '../chat/messages';
import type { OutboundMessage } from '../chat/outbound';
import type { DeliveryResult } from '../digest/run';
import type { ConversationRecord } from '../domain/records';
import { cardActivity } from './deliver';
import { processInbound } from './inbound';
import type { ProactiveSender } from './proactive';

/**
 * The Teams adapter as the composition root (src/main.ts) wires it: the Bot Framework adapter, the teams-ai
 * application over the chat, the proactive sender. This folder translates Teams activities for chat/ and
 * delivers what chat/ and digest/ rendered; it composes nothing else.
 */

export { createAdapter } from './adapter';
export { createTeamsApp } from './app';
export { ProactiveSender } from './proactive';
export { createFileSource } from './files';

/** POST /api/messages for the HTTP server: one request checked, authenticated and run through the app; never throws SDK text. */
export function messagesHandler(
  adapter: TeamsAdapter,
  app: Application<TurnState>,
  warn: (msg: string) => void,
): MessagesHandler {
  return (request) => processInbound(adapter, request, (context) => app.run(context).then(() => undefined), warn);
}

/** Sends a rendered message (chat/outbound.ts) to a stored conversation, under the sender's pacing and retries. */
export function deliverMessage(
  sender: ProactiveSender,
  conversation: ConversationRecord,
  message: OutboundMessage,
  key: string,
): Promise<DeliveryResult> {
  return sender.send(conversation, cardActivity(message.card, message.lang, message.summary), key);
}
