import type { Person } from '../domain/records';
import { personKeys } from '../reports/ownership';
import type { Actor, Services } from './types';

/** Who may do what: admins are PEI_ADMINS (ids or emails) plus those added by admins; owners per indicator. */

/** Every key a person is known by (AAD object id, Teams id, e-mail), lower-cased. */
const keysOf = (actor: Actor) => personKeys(actor);

const isOneOf = (people: readonly Person[], keys: string[]) => people.some((p) => personKeys(p).some((k) => keys.includes(k)));

export async function isAdmin(services: Services, actor: Actor): Promise<boolean> {
  const keys = keysOf(actor);
  if (keys.some((k) => services.config.admins.includes(k))) return true;
  return isOneOf(await services.store.admins(), keys);
}

export async function ownsIndicator(services: Services, actor: Actor, indicatorId: string): Promise<boolean> {
  return isOneOf(await services.store.owners(indicatorId), keysOf(actor));
}

/** Per store revision (owners and admins move it): every status card asks whether the reader may report. */
const reportable = new WeakMap<Services, { revision: number; byActor: Map<string, readonly string[]> }>();

/** Indicators the actor may report for: all of them for admins, their own otherwise. */
export async function reportableIndicators(services: Services, actor: Actor): Promise<string[]> {
  const revision = await services.store.revision();
  let memo = reportable.get(services);
  if (!memo || memo.revision !== revision) reportable.set(services, (memo = { revision, byActor: new Map() }));
  const key = `${actor.id}\u0000${actor.aadObjectId ?? ''}\u0000${actor.teamsId ?? ''}\u0000${actor.email ?? ''}`;
  let ids = memo.byActor.get(key);
  if (!ids) {
    const all = services.plan.objectives.flatMap((o) => o.indicators.map((i) => i.id));
    const keys = keysOf(actor);
    const owners = await services.store.allOwners();
    ids = (await isAdmin(services, actor)) ? all : all.filter((id) => isOneOf(owners[id] ?? [], keys));
    if (memo.byActor.size >= 1000) memo.byActor.clear();
    memo.byActor.set(key, ids);
  }
  return [...ids]; // a copy: callers may keep or change theirs
}
