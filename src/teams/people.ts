import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Services } from '../chat/types';
import type { Person } from '../domain/records';
import { conversationKeyOf } from './conversations';

/**
 * What Teams tells of the person behind an activity: the e-mail (an activity carries the Teams id and the AAD object
 * id, not the e-mail), asked of Teams' member API (TeamsInfo.getMember) when somebody is named by e-mail (PEI_ADMINS,
 * owners or admins assigned by e-mail). Learnt on every path a person reaches the bot by (messages, card actions,
 * the message extension, the bot being added to their personal chat) and kept beside their personal chat's
 * reference, where reminders and notices look for it.
 *
 * An owner assigned by an e-mail Teams could not resolve at the time gets their name here, when they first write.
 *
 * Teams is asked once per person: the e-mail it tells is stored beside the person's personal chat and read from there
 * afterwards, by every process and after a restart (a person's e-mail does not change). Someone who never opened a
 * personal chat with the bot has nowhere to keep it, and is asked for on each activity that needs it; a failed
 * look-up (a timeout, Teams unavailable, outside Teams) stores nothing, so the next activity asks again.
 */

export interface PeopleDirectory {
  /** The e-mail of the activity's sender, when it matters and Teams tells it; kept beside their personal chat. */
  learnEmail(context: TurnContext): Promise<string | undefined>;
}

/** How long one member look-up may take before the turn goes on without it. */
export const MEMBER_LOOKUP_MS = 2000;

export function createPeopleDirectory(
  services: Services,
  clock: () => Date,
  log: (msg: string, err?: unknown) => void,
  lookupMs = MEMBER_LOOKUP_MS,
): PeopleDirectory {
  /** People named by e-mail can only be matched through Teams. */
  const needsEmail = async () =>
    services.config.admins.some((a) => a.includes('@')) ||
    (await services.store.admins()).some((p) => !!p.email) ||
    Object.values(await services.store.allOwners()).some((list) => list.some((p) => !!p.email));

  async function lookUp(context: TurnContext, id: string): Promise<string | undefined> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const member = await Promise.race([
        TeamsInfo.getMember(context, id),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), lookupMs);
          timer.unref();
        }),
      ]);
      return (member.email ?? member.userPrincipalName)?.toLowerCase() || undefined;
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Owners assigned by e-mail get their reminders in this personal chat: keep the e-mail beside its reference. */
  async function keepBesideChat(key: string, email: string): Promise<void> {
    const record = await services.store.conversation(key);
    if (!record || record.scope !== 'personal' || record.email === email) return;
    try {
      await services.store.saveConversation({ ...record, email, updatedAt: clock().toISOString() });
    } catch (e) {
      log('No se pudo guardar el correo de la conversación', e);
    }
  }

  return {
    async learnEmail(context) {
      try {
        return await learn(context);
      } catch (e) {
        log('No se pudo averiguar el correo de quien escribe (el almacén no respondió)', e);
        return undefined; // the store is away: the turn goes on, and says so where it needs the store
      }
    },
  };

  async function learn(context: TurnContext): Promise<string | undefined> {
    const from = context.activity.from;
    if (!from?.id || !(await needsEmail())) return undefined;
    const chats = await services.store.conversations({ scope: 'personal', userId: from.aadObjectId ?? from.id });
    const stored = chats.find((c) => c.email);
    const email = stored?.email ?? (await lookUp(context, from.id));
    const key = conversationKeyOf(context.activity);
    // Kept beside this chat unless it is the one it was read from.
    if (email && context.activity.conversation?.conversationType !== 'channel' && stored?.key !== key)
      await keepBesideChat(key, email);
    if (email) await nameOwner(context, email);
    return email;
  }

  /**
   * An owner assigned by an e-mail Teams could not resolve then is stored under the address: once that person
   * reaches the bot, the name and ids Teams gives replace it (others read the name from then on).
   */
  async function nameOwner(context: TurnContext, email: string): Promise<void> {
    const from = context.activity.from;
    const name = from.name?.trim();
    if (!name || name.includes('@')) return;
    const unnamed = (p: Person) => p.email === email && p.name.trim().toLowerCase() === email;
    const person: Person = { id: from.aadObjectId ?? from.id, name, email };
    if (from.aadObjectId) person.teamsId = from.id;
    // Every plan's entries (their owners keys, domain/owners.ts, given back as they are).
    for (const [key, list] of Object.entries(await services.store.allOwners())) {
      if (!list.some(unnamed)) continue;
      const next = list.map((p) => (unnamed(p) ? person : p));
      await services.store.setOwners(key, next, { id: person.id, name }, clock().toISOString());
    }
  }
}
