/**
 * The activities Teams would post, pointed at the stand-in connector (a copy of test/helpers/activities.ts's
 * personal-chat shapes, kept here so the benchmark does not depend on test code).
 */

export const BOT = { id: '28:pei-bot', name: 'PEI Bot' };
export const ANA = { id: '29:ana', name: 'Ana Pérez', aadObjectId: 'aad-ana' };
/** PEI_ADMINS=aad-admin: may report for any indicator. */
export const ADMIN = { id: '29:admin', name: 'Oficina de Planeación', aadObjectId: 'aad-admin' };

type User = typeof ANA;

function personal(from: User) {
  return {
    conversation: { id: `a:personal-${from.aadObjectId}`, conversationType: 'personal', tenantId: 'tenant' },
    channelData: { tenant: { id: 'tenant' } },
  };
}

export function message(serviceUrl: string, text: string, from: User = ANA, id = 'm-1'): Record<string, unknown> {
  return {
    type: 'message',
    id,
    timestamp: '2025-07-03T15:00:00.000Z',
    serviceUrl,
    channelId: 'msteams',
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    locale: 'es-CO',
    text,
    entities: [],
    ...personal(from),
  };
}

/** A card's Action.Submit as Teams posts it: a message with `value` and the card's activity id in replyToId. */
export function submit(
  serviceUrl: string,
  value: Record<string, unknown>,
  from: User = ADMIN,
  id = 'm-1',
): Record<string, unknown> {
  const m = message(serviceUrl, '', from, id);
  delete m.text;
  m.value = value;
  m.replyToId = 'card-activity-1';
  return m;
}

/**
 * The report form's Action.Execute as Teams posts it: an `adaptiveCard/action` invoke whose value holds the verb and
 * the data (the card's inputs merged in); the bot answers the confirmation in the invoke's body.
 */
export function execute(
  serviceUrl: string,
  verb: string,
  data: Record<string, unknown>,
  from: User = ADMIN,
  id = 'm-1',
): Record<string, unknown> {
  const m = message(serviceUrl, '', from, id);
  delete m.text;
  delete m.entities;
  return {
    ...m,
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: 'card-activity-1',
    channelData: { tenant: { id: 'tenant' }, source: { name: 'message' } },
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** A message extension's search as Teams posts it from the compose box (composeExtension/query; the answer is the body). */
export function searchQuery(serviceUrl: string, text: string, from: User = ANA, id = 'f-1'): Record<string, unknown> {
  const m = message(serviceUrl, '', from, id);
  delete m.text;
  return {
    ...m,
    type: 'invoke',
    name: 'composeExtension/query',
    channelData: { tenant: { id: 'tenant' }, source: { name: 'compose' } },
    value: {
      commandId: 'searchPlan',
      parameters: [{ name: 'query', value: text }],
      queryOptions: { skip: 0, count: 25 },
    },
  };
}
