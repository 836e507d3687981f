import type { Store } from '../store/types';
import { catalog } from '../i18n';
import type { Lang } from '../views/format';
import { looksLikeId, type NameBook } from '../views/names';

/**
 * The names the bot has seen, from the store: people (personal chats' users, owners, admins, authors and actors of
 * the audit log) and conversations (channels with their team, group chats, personal chats).
 */
export async function nameBook(store: Store, lang: Lang): Promise<NameBook> {
  const people = new Map<string, string>();
  const keep = (id: string | undefined, name: string | undefined) => {
    if (!id || !name || !name.trim() || looksLikeId(name) || name === id) return;
    people.set(id.toLowerCase(), name.trim());
  };
  const stored = await store.conversations();
  for (const a of await store.audit()) keep(a.actor.id, a.actor.name);
  for (const r of await store.reports()) keep(r.author?.id, r.author?.name);
  for (const list of Object.values(await store.allOwners())) for (const p of list) keep(p.id, p.name);
  for (const p of await store.admins()) keep(p.id, p.name);
  for (const c of stored) keep(c.userId, c.userName);
  const conversations = new Map<string, string>();
  const t = catalog(lang).names;
  for (const c of stored) {
    const name = c.name && !looksLikeId(c.name) ? c.name : undefined;
    const team = c.teamName && !looksLikeId(c.teamName) ? c.teamName : undefined;
    let text: string | undefined;
    if (c.scope === 'channel')
      text = name ? (team ? t.channelOfTeam(name, team) : t.channel(name)) : team ? t.aChannelOf(team) : undefined;
    else if (c.scope === 'personal') {
      const who = c.userName ?? (c.userId ? people.get(c.userId.toLowerCase()) : undefined);
      text = who && !looksLikeId(who) ? t.personalChatOf(who) : undefined;
    } else text = name ? t.chat(name) : team;
    if (text) conversations.set(c.key, text);
  }
  return {
    person: (id) => people.get(id.toLowerCase()),
    conversation: (key) => conversations.get(key),
  };
}
