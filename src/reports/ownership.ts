import type { Person } from '../domain/records';

/**
 * Who may report what (pure). People are matched by every key they are known by: the Teams AAD object id (the
 * usual id), the Teams user id ("29:…", what a mention carries), the Bot Framework id, and the e-mail (owners
 * assigned by e-mail have it as id), case-insensitively.
 */

export interface ActorLike {
  id: string;
  name?: string;
  aadObjectId?: string;
  email?: string;
  teamsId?: string;
}

export function personKeys(p: ActorLike | Person): string[] {
  const a = p as ActorLike;
  return [
    ...new Set(
      [a.id, a.aadObjectId, a.teamsId, a.email]
        .filter((k): k is string => !!k && !!k.trim())
        .map((k) => k.trim().toLowerCase()),
    ),
  ];
}

/** Whether two descriptions name the same person (a shared id or e-mail). */
export function samePerson(a: ActorLike | Person, b: ActorLike | Person): boolean {
  const ka = personKeys(a);
  return personKeys(b).some((k) => ka.includes(k));
}

export function isOwner(owners: readonly Person[], actor: ActorLike): boolean {
  return owners.some((o) => samePerson(o, actor));
}

/** Owners report for their indicators; admins for any indicator. */
export function mayReport(owners: readonly Person[], actor: ActorLike, isAdmin: boolean): boolean {
  return isAdmin || isOwner(owners, actor);
}

/** The Person stored as a report's author or an audit actor (no Teams-only fields). */
export function personOf(actor: ActorLike): Person {
  const name = actor.name && actor.name.trim() ? actor.name.trim() : actor.id;
  return actor.email ? { id: actor.id, name, email: actor.email.toLowerCase() } : { id: actor.id, name };
}

/** A person named by e-mail (assignment by e-mail, CSV reported_by): the lower-cased address is the id. */
export function personFromEmail(email: string, name?: string): Person {
  const e = email.trim().toLowerCase();
  return { id: e, name: name && name.trim() ? name.trim() : e, email: e };
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[a-z]{2,}$/i;
export function isEmail(s: string): boolean {
  return EMAIL.test(s.trim());
}
