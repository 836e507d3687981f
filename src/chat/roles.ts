import { ownersKey, ownersOfPlan } from '../domain/owners';
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

/** Whether the actor owns the indicator in the services' plan (the turn's: named, or in force today). */
export async function ownsIndicator(services: Services, actor: Actor, indicatorId: string): Promise<boolean> {
  return isOneOf(await services.store.owners(ownersKey(services.plan.id, indicatorId)), keysOf(actor));
}

/** The owners of the services' plan's indicators, by indicator id (other plans' owners left out). */
export async function planOwners(
  services: Pick<Services, 'plan' | 'store'>,
): Promise<Record<string, readonly Person[]>> {
  return ownersOfPlan(await services.store.allOwners(), services.plan.id);
}

/** The plan's indicators whose owners (the plan's, as planOwners gives them) include the actor. */
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
  return ownedIndicators(services, await planOwners(services), actor);
}
