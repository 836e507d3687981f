import type { Person } from '../domain/records';
import { personKeys } from '../reports/ownership';
import type { Actor, Services } from './types';

/** Who may do what: admins are PEI_ADMINS (ids or emails) plus those added by admins; owners per indicator. */

/** Every key a person is known by (AAD object id, Teams id, e-mail), lower-cased. */
const keysOf = (actor: Actor) => personKeys(actor);

const isOneOf = (people: readonly Person[], keys: string[]) =>
  people.some((p) => personKeys(p).some((k) => keys.includes(k)));

export async function isAdmin(services: Services, actor: Actor): Promise<boolean> {
  const keys = keysOf(actor);
  if (keys.some((k) => services.config.admins.includes(k))) return true;
  return isOneOf(await services.store.admins(), keys);
}

export async function ownsIndicator(services: Services, actor: Actor, indicatorId: string): Promise<boolean> {
  return isOneOf(await services.store.owners(indicatorId), keysOf(actor));
}

/** The plan's indicators whose owners (every indicator's, as Store.allOwners gives them) include the actor. */
export function ownedIndicators(
  services: Services,
  owners: Readonly<Record<string, readonly Person[]>>,
  actor: Actor,
): string[] {
  const keys = keysOf(actor);
  const all = services.plan.objectives.flatMap((o) => o.indicators.map((i) => i.id));
  return all.filter((id) => isOneOf(owners[id] ?? [], keys));
}

/** Indicators the actor may report for: all of them for admins, their own otherwise. */
export async function reportableIndicators(services: Services, actor: Actor): Promise<string[]> {
  if (await isAdmin(services, actor)) return services.plan.objectives.flatMap((o) => o.indicators.map((i) => i.id));
  return ownedIndicators(services, await services.store.allOwners(), actor);
}
