/** Builders for the activities Teams sends, pointed at a stand-in connector. */

let seq = 0;
export const BOT = { id: '28:pei-bot', name: 'PEI Bot' };

export interface UserLike {
  id: string;
  name: string;
  aadObjectId?: string;
}
export const ANA: UserLike = { id: '29:ana', name: 'Ana Pérez', aadObjectId: 'aad-ana' };
export const LUIS: UserLike = { id: '29:luis', name: 'Luis Gómez', aadObjectId: 'aad-luis' };
export const ADMIN: UserLike = { id: '29:admin', name: 'Oficina de Planeación', aadObjectId: 'aad-admin' };

export type Where =
  | { kind: 'personal'; user?: UserLike }
  | { kind: 'groupChat'; id?: string }
  | { kind: 'channel'; channel?: string; team?: string };

function conversationOf(where: Where, from: UserLike) {
  if (where.kind === 'personal')
    return {
      conversation: {
        id: `a:personal-${from.aadObjectId ?? from.id}`,
        conversationType: 'personal',
        tenantId: 'tenant',
      },
      channelData: { tenant: { id: 'tenant' } },
    };
  if (where.kind === 'groupChat')
    return {
      conversation: {
        id: where.id ?? '19:group@thread.v2',
        conversationType: 'groupChat',
        isGroup: true,
        tenantId: 'tenant',
      },
      channelData: { tenant: { id: 'tenant' } },
    };
  const channel = where.channel ?? '19:general@thread.tacv2';
  return {
    conversation: {
      id: `${channel};messageid=${1000 + seq}`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: 'tenant',
    },
    channelData: {
      tenant: { id: 'tenant' },
      team: { id: where.team ?? '19:team@thread.tacv2', name: 'Planeación' },
      channel: { id: channel, name: 'General' },
    },
  };
}

export function message(
  serviceUrl: string,
  text: string,
  opts: { from?: UserLike; where?: Where; mention?: boolean; locale?: string; mentions?: UserLike[] } = {},
): any {
  seq += 1;
  const from = opts.from ?? ANA;
  const where = opts.where ?? { kind: 'personal' };
  const entities: any[] = [];
  let body = text;
  if (opts.mention ?? where.kind !== 'personal') {
    body = `<at>${BOT.name}</at> ${text}`;
    entities.push({ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT });
  }
  for (const m of opts.mentions ?? []) {
    // As Teams sends a user mention: the Teams id ("29:…") and the name, no AAD object id.
    entities.push({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } });
  }
  return {
    type: 'message',
    id: `m-${seq}`,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    locale: opts.locale ?? 'es-CO',
    text: body,
    entities,
    ...conversationOf(where, from),
  };
}

/** A card's Action.Submit as Teams posts it: a message with `value` and the card's id in replyToId. */
export function submit(
  serviceUrl: string,
  value: Record<string, unknown>,
  opts: { from?: UserLike; where?: Where; replyToId?: string } = {},
): any {
  const m = message(serviceUrl, '', { ...opts, mention: false });
  delete m.text;
  m.value = value;
  m.replyToId = opts.replyToId ?? 'card-activity-1';
  return m;
}

/**
 * An Action.Execute as Teams sends it: an `adaptiveCard/action` invoke whose value holds the action (verb, and data
 * with the card's inputs merged in) and the trigger ("manual" for a tap or a refresh asked by hand, "automatic" for
 * a refresh Teams fires itself); replyToId is the card's message.
 */
export function execute(
  serviceUrl: string,
  verb: string,
  data: Record<string, unknown>,
  opts: { from?: UserLike; where?: Where; replyToId?: string; trigger?: 'manual' | 'automatic'; locale?: string } = {},
): any {
  const m = message(serviceUrl, '', { ...opts, mention: false });
  delete m.text;
  delete m.entities;
  return {
    ...m,
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: opts.replyToId ?? 'card-activity-1',
    channelData: {
      ...m.channelData,
      source: { name: 'message' },
      legacy: { replyToId: opts.replyToId ?? 'card-activity-1' },
    },
    value: { action: { type: 'Action.Execute', verb, data }, trigger: opts.trigger ?? 'manual' },
  };
}

export function installed(serviceUrl: string, where: Where = { kind: 'personal' }, from: UserLike = ANA): any {
  seq += 1;
  return {
    type: 'conversationUpdate',
    id: `cu-${seq}`,
    serviceUrl,
    channelId: 'msteams',
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    membersAdded: [BOT],
    locale: 'es-CO',
    ...conversationOf(where, from),
  };
}

/** Where a message extension is opened from: a chat's or a channel's compose box. */
export type SearchWhere = 'personal' | 'groupChat' | 'channel' | 'meeting';

export interface SearchOptions {
  from?: UserLike;
  where?: SearchWhere;
  locale?: string;
  skip?: number;
  count?: number;
  commandId?: string;
}

/**
 * A composeExtension/query as Teams posts it to the bot's endpoint: `text` typed in the search box, or null when the
 * command is opened (Teams' `initialRun`).
 */
export function searchQuery(serviceUrl: string, text: string | null, opts: SearchOptions = {}): any {
  seq += 1;
  const from = opts.from ?? ANA;
  const where = opts.where ?? 'personal';
  const locale = opts.locale ?? 'es-CO';
  const conversation =
    where === 'personal'
      ? { id: `a:personal-${from.aadObjectId}`, conversationType: 'personal', tenantId: 'tenant' }
      : where === 'groupChat'
        ? { id: '19:group@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: 'tenant' }
        : where === 'meeting'
          ? { id: '19:meeting_abc@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: 'tenant' }
          : { id: '19:general@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: 'tenant' };
  const channelData: any = { tenant: { id: 'tenant' }, source: { name: 'compose' } };
  if (where === 'channel')
    Object.assign(channelData, { team: { id: '19:team@thread.tacv2' }, channel: { id: '19:general@thread.tacv2' } });
  if (where === 'meeting') channelData.meeting = { id: 'meeting-id' };
  // Opening the command (`initialRun`) sends Teams' own parameter instead of the command's.
  const parameters = text === null ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'query', value: text }];
  return {
    type: 'invoke',
    name: 'composeExtension/query',
    id: `q:${seq}`,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation,
    channelData,
    locale,
    entities: [{ type: 'clientInfo', locale, country: 'CO', platform: 'Web', timezone: 'America/Bogota' }],
    value: {
      commandId: opts.commandId ?? 'searchPlan',
      parameters,
      queryOptions: { skip: opts.skip ?? 0, count: opts.count ?? 25 },
    },
  };
}

/**
 * A file sent to the bot in a personal chat, as Teams posts it (the manifest's `supportsFiles`): a message whose
 * attachment has content type `application/vnd.microsoft.teams.file.download.info`, the file's name, its SharePoint
 * address as `contentUrl`, and in `content` the pre-authorized `downloadUrl`, the `uniqueId` and the `fileType`.
 * A file sent without words has no text.
 */
export function fileMessage(
  serviceUrl: string,
  file: { name: string; downloadUrl: string; fileType?: string },
  opts: { from?: UserLike; where?: Where; locale?: string; text?: string } = {},
): any {
  const m = message(serviceUrl, opts.text ?? '', { ...opts, mention: opts.where ? undefined : false });
  if (!opts.text) delete m.text;
  m.attachments = [
    {
      contentType: 'application/vnd.microsoft.teams.file.download.info',
      contentUrl: `https://contoso-my.sharepoint.com/personal/admin/Documents/Microsoft Teams Chat Files/${file.name}`,
      name: file.name,
      content: {
        downloadUrl: file.downloadUrl,
        uniqueId: `1150d938-8870-4044-9f2c-5fbe2c1c${String(seq).padStart(4, '0')}`,
        fileType: file.fileType ?? file.name.split('.').pop(),
      },
    },
  ];
  return m;
}
