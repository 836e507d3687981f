import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { ConversationRecord, Store } from '../store/types';

/**
 * Conversation references, kept durably so the bot can write later (digest, reminders): saved when the app is
 * installed and whenever a conversation first talks to the bot, removed when the app is uninstalled.
 */

interface TeamsChannelData {
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
  eventType?: string;
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
  const key = conversationKeyOf(activity);
  const reference = TurnContext.getConversationReference(activity) as ConversationReference;
  // The reference points at the channel itself, not at the thread the message came in.
  if (type === 'channel') reference.conversation = { ...reference.conversation, id: key };
  delete (reference as Partial<ConversationReference>).activityId;
  return {
    key,
    scope: type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal',
    reference,
    userId: type === 'channel' || type === 'groupChat' ? undefined : activity.from?.aadObjectId ?? activity.from?.id,
    teamId: cd.team?.id,
    name: cd.channel?.name ?? activity.conversation?.name ?? cd.team?.name,
    active: true,
    updatedAt: at,
  };
}

/** Saves the conversation when it is new or was marked inactive; a no-op (no write) otherwise. */
export async function rememberConversation(store: Store, activity: Partial<Activity>, at: string): Promise<void> {
  const key = conversationKeyOf(activity);
  if (!key) return;
  const known = store.conversations().find((c) => c.key === key);
  if (known && known.active) return;
  await store.saveConversation(recordOf(activity, at));
}

export async function forgetConversation(store: Store, activity: Partial<Activity>): Promise<void> {
  const key = conversationKeyOf(activity);
  const cd = (activity.channelData ?? {}) as TeamsChannelData;
  const teamId = cd.team?.id;
  for (const c of store.conversations()) {
    if (c.key === key || (teamId && c.teamId === teamId)) await store.removeConversation(c.key);
  }
}
