import type { Person } from '../store/types';
import type { Actor, Services } from './types';

/** Who may do what: admins are PEI_ADMINS (ids or emails) plus those added by admins; owners per indicator. */

const keysOf = (actor: Actor) => [actor.id, actor.aadObjectId, actor.email].filter(Boolean).map((k) => k!.toLowerCase());

const isOneOf = (people: readonly Person[], keys: string[]) =>
  people.some((p) => keys.includes(p.id.toLowerCase()) || (!!p.email && keys.includes(p.email.toLowerCase())));

export function isAdmin(services: Services, actor: Actor): boolean {
  const keys = keysOf(actor);
  if (keys.some((k) => services.config.admins.includes(k))) return true;
  return isOneOf(services.store.admins(), keys);
}

export function ownsIndicator(services: Services, actor: Actor, indicatorId: string): boolean {
  return isOneOf(services.store.owners(indicatorId), keysOf(actor));
}

/** Indicators the actor may report for: all of them for admins, their own otherwise. */
export function reportableIndicators(services: Services, actor: Actor): string[] {
  const all = services.plan.objectives.flatMap((o) => o.indicators.map((i) => i.id));
  if (isAdmin(services, actor)) return all;
  const keys = keysOf(actor); // once, not once per indicator (every status card asks this)
  return all.filter((id) => isOneOf(services.store.owners(id), keys));
}
