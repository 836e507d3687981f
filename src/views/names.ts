import { catalog } from '../i18n';
import type { Lang } from './format';

/**
 * People and conversations by the names Teams gave them, never by an id: a card that would show an AAD object id
 * (a GUID), a Bot Framework user id ("29:…"), a conversation or channel id ("19:…@thread.tacv2", "a:…") or a team id
 * asks the NameBook for the name kept when that person or conversation was last seen.
 */
export interface NameBook {
  person(id: string): string | undefined;
  conversation(key: string): string | undefined;
}

const ID_SHAPES = [
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // AAD object id, tenant id
  /^\d{1,2}:[\w.@;:=\-/+]+$/, // 29:…, 28:…, 19:…@thread.tacv2
  /^a:[\w\-.]+$/, // personal conversation ids
  /^team-id$|^[\w-]*team-?id[\w-]*$/i, // stand-in team ids
];

/** Whether a text is an identifier a person cannot read (then a card must not show it). */
export function looksLikeId(text: string): boolean {
  const t = text.trim();
  return ID_SHAPES.some((re) => re.test(t));
}

const UNKNOWN = (lang: Lang) => ({
  person: catalog(lang).names.unknownPerson,
  conversation: catalog(lang).names.unknownConversation,
});

/** A person's name for a card: the name given unless it is an id, else the one kept, else a plain phrase. */
export function personName(id: string, given: string | undefined, book: NameBook | undefined, lang: Lang): string {
  if (given && given.trim() && !looksLikeId(given)) return given.trim();
  const kept = book?.person(id);
  if (kept && !looksLikeId(kept)) return kept;
  if (/@/.test(id) && !looksLikeId(id)) return id; // an e-mail address is readable
  return UNKNOWN(lang).person;
}

/** An e-mail address in place of a name (an owner an admin assigned by e-mail, before Teams told the name). */
const EMAIL_AS_NAME = /^[^\s@]+@[^\s@]+$/;

/** A person's name as other people read it: never an e-mail address nor an id; null when none is known. */
export function readableName(p: { name?: string }): string | null {
  const name = p.name?.trim();
  if (!name || EMAIL_AS_NAME.test(name) || looksLikeId(name)) return null;
  return name;
}

/**
 * An owner's name on a card, a digest or the tab: the name Teams gave, else «responsable por confirmar» (assigned
 * by e-mail and not yet named): people are shown by name to others, never by their address.
 */
export function ownerName(p: { name?: string }, lang: Lang): string {
  return readableName(p) ?? catalog(lang).names.ownerToConfirm;
}

/** A conversation's name for a card (a channel with its team, a group chat, a personal chat). */
export function conversationName(key: string, book: NameBook | undefined, lang: Lang): string {
  const kept = book?.conversation(key);
  return kept && !looksLikeId(kept) ? kept : UNKNOWN(lang).conversation;
}
