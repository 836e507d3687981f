import { z } from 'zod';
import type { TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { ClientError, MessagesRequest, MessagesResult } from '../chat/messages';
import { DEADLINE_KEY } from './activity';

/**
 * The door of /api/messages: what the HTTP layer read (a JSON value) is checked to be an activity the bot can
 * answer, handed to the Bot Framework adapter, and the adapter's answer turned into a result the HTTP layer
 * writes. No error text of the SDK or of the network ever reaches the client.
 */

/** Upper bounds of what Teams sends (generous); beyond them the request is refused, not stored. */
export const LIMITS = { id: 1024, name: 1024, text: 40_000, short: 256, url: 2048 } as const;

const optStr = (max: number) => z.string().max(max).nullish();
const account = z
  .object({
    id: optStr(LIMITS.id),
    name: optStr(LIMITS.name),
    aadObjectId: optStr(LIMITS.short),
    role: optStr(LIMITS.short),
  })
  .passthrough();
const idName = z.object({ id: optStr(LIMITS.id), name: optStr(LIMITS.name) }).passthrough();

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
  } catch {
    return false;
  }
}

const activitySchema = z
  .object({
    type: z.string().min(1).max(64),
    serviceUrl: z.string().max(LIMITS.url).refine(isHttpUrl),
    conversation: z
      .object({
        id: z.string().min(1).max(LIMITS.id),
        name: optStr(LIMITS.name),
        conversationType: optStr(64),
        tenantId: optStr(LIMITS.short),
        isGroup: z.boolean().nullish(),
      })
      .passthrough(),
    id: optStr(LIMITS.id),
    // teams-ai keys its turn state on these four: without one, no turn can run.
    channelId: z.string().min(1).max(64),
    from: account.extend({ id: z.string().min(1).max(LIMITS.id) }),
    recipient: account.extend({ id: z.string().min(1).max(LIMITS.id) }),
    text: optStr(LIMITS.text),
    locale: optStr(64),
    name: optStr(LIMITS.short),
    action: optStr(64),
    replyToId: optStr(LIMITS.id),
    entities: z
      .array(z.object({ type: optStr(64) }).passthrough())
      .max(100)
      .nullish(),
    membersAdded: z.array(account).max(1000).nullish(),
    membersRemoved: z.array(account).max(1000).nullish(),
    channelData: z
      .object({
        team: idName.nullish(),
        channel: idName.nullish(),
        tenant: z
          .object({ id: optStr(LIMITS.short) })
          .passthrough()
          .nullish(),
        eventType: optStr(64),
      })
      .passthrough()
      .nullish(),
  })
  .passthrough();

const BAD_ACTIVITY: Record<string, ClientError> = {
  type: { code: 'invalid-activity', message: (t) => t.activity.type },
  serviceUrl: { code: 'invalid-serviceUrl', message: (t) => t.activity.serviceUrl },
  conversation: { code: 'invalid-conversation', message: (t) => t.activity.conversation },
  channelId: { code: 'invalid-activity', message: (t) => t.activity.channelId },
  from: { code: 'invalid-activity', message: (t) => t.activity.from },
  recipient: { code: 'invalid-activity', message: (t) => t.activity.recipient },
};

/** Null when the value is an activity the bot can work with; otherwise the client error to answer (400). */
export function activityProblem(body: unknown): ClientError | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return BAD_ACTIVITY.type;
  const parsed = activitySchema.safeParse(body);
  if (parsed.success) return null;
  const path = parsed.error.issues[0].path.map(String);
  const first = path[0];
  if (first in BAD_ACTIVITY && (path.length === 1 || path[1] === 'id')) return BAD_ACTIVITY[first];
  const where = path.join('.').slice(0, 80);
  return { code: 'invalid-activity', message: (t) => t.activity.invalidField(where) };
}

const UNAUTHORIZED: ClientError = { code: 'unauthorized', message: (t) => t.botUnauthorized };
const UNSUPPORTED_INVOKE: ClientError = { code: 'unsupported-invoke', message: (t) => t.unsupportedInvoke };

type Logic = (context: TurnContext) => Promise<void>;

/** Seconds a client is told to wait before sending again when the store is away. */
export const STORE_RETRY_AFTER_S = 30;

/**
 * Runs one activity through the adapter. The adapter writes to a stand-in response; its answer is mapped:
 * 401 and failures before the turn started (the token could not be checked, e.g. Microsoft's OpenID metadata
 * could not be fetched) → 401 with a generic text; 501 (an invoke nobody handles) → 400; a failure inside the
 * turn → a thrown error (the HTTP layer answers a generic 500).
 */
export async function processInbound(
  adapter: TeamsAdapter,
  request: MessagesRequest,
  logic: Logic,
  log?: (msg: string, err?: unknown) => void,
): Promise<MessagesResult> {
  const problem = activityProblem(request.body);
  if (problem) return { status: 400, error: problem };
  let status = 200;
  let body: unknown;
  const res = {
    status(code: number) {
      status = code;
      return res;
    },
    send(b: unknown) {
      body = b;
      return res;
    },
    end() {
      return res;
    },
    header() {
      return res;
    },
  };
  let started = false;
  await adapter.process(
    { method: 'POST', body: request.body as Record<string, unknown>, headers: request.headers } as never,
    res as never,
    async (context) => {
      started = true;
      if (request.deadline) context.turnState.set(DEADLINE_KEY, request.deadline);
      await logic(context);
    },
  );
  if (status === 401 || status === 403 || (status >= 500 && !started)) {
    if (status >= 500)
      log?.(
        `/api/messages: la autenticación no se pudo completar (${typeof body === 'string' ? body.slice(0, 200) : status})`,
      );
    return { status: 401, error: UNAUTHORIZED };
  }
  if (status === 501) return { status: 400, error: UNSUPPORTED_INVOKE };
  // The store is away (chat/store-failure.ts): the invoke's answer is the card that says so, with its 503.
  if (status === 503 && body && typeof body === 'object')
    return { status, body, headers: { 'Retry-After': String(STORE_RETRY_AFTER_S) } };
  if (status >= 500) throw new Error(`the adapter answered ${status}`);
  if (status >= 400) return { status, error: { code: 'bad-request', message: (t) => t.badRequest } };
  return { status, body: typeof body === 'object' && body !== null ? body : undefined };
}
