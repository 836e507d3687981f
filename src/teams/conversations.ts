import { TurnContext, type Activity, type ChannelAccount, type ConversationReference } from 'botbuilder';
import type { ConversationRecord } from '../domain/records';
import type { Store } from '../store/types';

/**
 * Conversation references, kept durably so the bot can write later (digest, reminders): saved when the app is
 * installed (personal chat, group chat, team — with each of its channels where Teams lists them — and channels
 * created later) and whenever a conversation first talks to the bot; removed when the app is uninstalled, the bot
 * is removed, a channel is deleted or the team is deleted.
 */

interface TeamsChannelData {
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
  eventType?: string;
}

/** Characters kept of a name (conversation, channel, team, person) from an activity: untrusted, stored durably. */
export const MAX_STORED_NAME = 256;
/** Characters kept of an id; the inbound check refuses longer ones before they get here. */
export const MAX_STORED_ID = 1024;

const cut = (v: unknown, max: number): string | undefined => (typeof v === 'string' ? v.slice(0, max) : undefined);

function account(a: unknown): ChannelAccount | undefined {
  if (!a || typeof a !== 'object') return undefined;
  const x = a as Record<string, unknown>;
  const out: Partial<ChannelAccount> = { id: cut(x.id, MAX_STORED_ID) ?? '', name: cut(x.name, MAX_STORED_NAME) ?? '' };
  const aad = cut(x.aadObjectId, MAX_STORED_NAME);
  if (aad) out.aadObjectId = aad;
  const role = cut(x.role, 32);
  if (role) out.role = role as ChannelAccount['role'];
  return out as ChannelAccount;
}

/**
 * The conversation reference kept for proactive messages: only the fields a reply needs, each bounded (the SDK's
 * getConversationReference copies whole objects, so a 100 KB conversation name or extra properties would be stored).
 */
export function boundedReference(activity: Partial<Activity>): Partial<ConversationReference> {
  const ref = TurnContext.getConversationReference(activity) as Partial<ConversationReference>;
  const c = (ref.conversation ?? {}) as unknown as Record<string, unknown>;
  const conversation: Record<string, unknown> = { id: cut(c.id, MAX_STORED_ID) ?? '' };
  for (const k of ['conversationType', 'tenantId'] as const)
    if (typeof c[k] === 'string') conversation[k] = cut(c[k], MAX_STORED_NAME);
  if (typeof c.isGroup === 'boolean') conversation.isGroup = c.isGroup;
  if (typeof c.name === 'string') conversation.name = cut(c.name, MAX_STORED_NAME);
  const out: Partial<ConversationReference> = {
    channelId: cut(ref.channelId, 64),
    serviceUrl: cut(ref.serviceUrl, 2048),
    conversation: conversation as unknown as ConversationReference['conversation'],
    bot: account(ref.bot),
    user: account(ref.user),
  };
  if (typeof ref.locale === 'string') out.locale = cut(ref.locale, 64);
  for (const k of Object.keys(out) as (keyof ConversationReference)[]) if (out[k] === undefined) delete out[k];
  return out;
}

/** A channel's key is its channel id (threads share it); other conversations use their own id. */
export function conversationKeyOf(activity: Partial<Activity>): string {
  const cd = (activity.channelData ?? {}) as TeamsChannelData;
  if (activity.conversation?.conversationType === 'channel') {
    return cd.channel?.id ?? activity.conversation.id.split(';')[0];
  }
  return activity.conversation?.id ?? '';
}

export function recordOf(activity: Partial<Activity>, at: string): ConversationRecord {
  const cd = (activity.channelData ?? {}) as TeamsChannelData;
  const type = activity.conversation?.conversationType;
  const key = conversationKeyOf(activity).slice(0, MAX_STORED_ID);
  const reference = boundedReference(activity) as ConversationReference;
  // The reference points at the channel itself, not at the thread the message came in.
  if (type === 'channel') reference.conversation = { ...reference.conversation, id: key };
  return {
    key,
    scope: type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal',
    reference,
    userId:
      type === 'channel' || type === 'groupChat'
        ? undefined
        : cut(activity.from?.aadObjectId ?? activity.from?.id, MAX_STORED_ID),
    teamId: cut(cd.team?.id, MAX_STORED_ID),
    name: cut(cd.channel?.name ?? activity.conversation?.name ?? cd.team?.name, MAX_STORED_NAME),
    ...(cd.team?.name ? { teamName: cut(cd.team.name, MAX_STORED_NAME) } : {}),
    ...(type !== 'channel' && type !== 'groupChat' && activity.from?.name
      ? { userName: cut(activity.from.name, MAX_STORED_NAME) }
      : {}),
    active: true,
    updatedAt: at,
  };
}

/**
 * Saves the conversation when it is new, was marked inactive, or its service URL changed (Teams may move a
 * conversation to another regional endpoint); a no-op (no write) otherwise. True when the conversation was opened:
 * new, or back after being inactive (the bot can write there again).
 */
export async function rememberConversation(store: Store, activity: Partial<Activity>, at: string): Promise<boolean> {
  const key = conversationKeyOf(activity);
  if (!key) return false;
  const known = await store.conversation(key);
  // The common case (every turn of a known conversation) is decided from the names alone, without building the
  // record and its bounded copy of the reference.
  if (known && known.active && serviceUrlOf(known) === activity.serviceUrl && !renamedIn(known, namesOf(activity)))
    return false;
  const fresh = recordOf(activity, at);
  // Names are kept as Teams tells them: a renamed channel or person is saved again (only when a name is given).
  if (known && known.active && serviceUrlOf(known) === activity.serviceUrl && !renamedIn(known, fresh)) return false;
  await store.saveConversation(
    known
      ? {
          ...fresh,
          name: fresh.name ?? known.name,
          teamName: fresh.teamName ?? known.teamName,
          userName: fresh.userName ?? known.userName,
          ...(known.lang ? { lang: known.lang } : {}),
          ...(known.email ? { email: known.email } : {}),
        }
      : fresh,
  );
  return !known || !known.active;
}

type Names = Pick<ConversationRecord, 'name' | 'teamName' | 'userName'>;

/** The names recordOf stores, computed alone. */
function namesOf(activity: Partial<Activity>): Names {
  const cd = (activity.channelData ?? {}) as TeamsChannelData;
  const type = activity.conversation?.conversationType;
  return {
    name: cut(cd.channel?.name ?? activity.conversation?.name ?? cd.team?.name, MAX_STORED_NAME),
    teamName: cd.team?.name ? cut(cd.team.name, MAX_STORED_NAME) : undefined,
    userName:
      type !== 'channel' && type !== 'groupChat' && activity.from?.name
        ? cut(activity.from.name, MAX_STORED_NAME)
        : undefined,
  };
}

function renamedIn(known: ConversationRecord, fresh: Names): boolean {
  return (['name', 'teamName', 'userName'] as const).some((k) => fresh[k] !== undefined && fresh[k] !== known[k]);
}

function serviceUrlOf(record: ConversationRecord): string | undefined {
  return (record.reference as Partial<ConversationReference> | undefined)?.serviceUrl;
}

/** A channel of a team the bot is installed in, as TeamsInfo.getTeamChannels or a channelCreated event gives it. */
export interface TeamChannel {
  id: string;
  name?: string;
}

/** The record of one of the team's channels, from any activity of that team (the reference is re-pointed). */
export function channelRecordOf(activity: Partial<Activity>, channel: TeamChannel, at: string): ConversationRecord {
  const cd = (activity.channelData ?? {}) as TeamsChannelData;
  const reference = boundedReference(activity) as ConversationReference;
  const id = channel.id.slice(0, MAX_STORED_ID);
  reference.conversation = { ...reference.conversation, id, conversationType: 'channel', isGroup: true };
  return {
    key: id,
    scope: 'channel',
    reference,
    teamId: cut(cd.team?.id, MAX_STORED_ID),
    name: cut(channel.name, MAX_STORED_NAME) ?? (channel.id === cd.team?.id ? 'General' : undefined),
    ...(cd.team?.name ? { teamName: cut(cd.team.name, MAX_STORED_NAME) } : {}),
    active: true,
    updatedAt: at,
  };
}

/** Saves the team's channels that are not known (or were inactive, or moved service URL). Returns how many were written. */
export async function rememberChannels(
  store: Store,
  activity: Partial<Activity>,
  channels: readonly TeamChannel[],
  at: string,
): Promise<number> {
  let written = 0;
  for (const ch of channels) {
    if (!ch?.id) continue;
    const known = await store.conversation(ch.id);
    if (known && known.active && serviceUrlOf(known) === activity.serviceUrl) continue;
    await store.saveConversation(channelRecordOf(activity, ch, at));
    written += 1;
  }
  return written;
}

/** A channel was deleted: only that channel is forgotten (not the whole team). */
export async function forgetChannel(store: Store, channelId: string | undefined): Promise<void> {
  if (channelId && (await store.conversation(channelId))) await store.removeConversation(channelId);
}

export async function forgetConversation(store: Store, activity: Partial<Activity>): Promise<void> {
  const key = conversationKeyOf(activity);
  const cd = (activity.channelData ?? {}) as TeamsChannelData;
  const teamId = cd.team?.id;
  // A copy: removing while iterating the store's own array would skip every other record.
  for (const c of await store.conversations()) {
    if (c.key === key || (teamId && c.teamId === teamId)) await store.removeConversation(c.key);
  }
}
