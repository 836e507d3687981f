import type { Actor, Services } from './types';

/** Who may do what: admins are PEI_ADMINS (ids or emails) plus those added by admins; owners per indicator. */

export function isAdmin(services: Services, actor: Actor): boolean {
  const keys = [actor.id, actor.aadObjectId, actor.email].filter(Boolean).map((k) => k!.toLowerCase());
  if (keys.some((k) => services.config.admins.includes(k))) return true;
  return services.store.admins().some((a) => keys.includes(a.id.toLowerCase()) || (!!a.email && keys.includes(a.email.toLowerCase())));
}

export function ownsIndicator(services: Services, actor: Actor, indicatorId: string): boolean {
  const keys = [actor.id, actor.aadObjectId, actor.email].filter(Boolean).map((k) => k!.toLowerCase());
  return services.store.owners(indicatorId).some((p) => keys.includes(p.id.toLowerCase()) || (!!p.email && keys.includes(p.email.toLowerCase())));
}

/** Indicators the actor may report for: all of them for admins, their own otherwise. */
export function reportableIndicators(services: Services, actor: Actor): string[] {
  const all = services.plan.objectives.flatMap((o) => o.indicators.map((i) => i.id));
  return isAdmin(services, actor) ? all : all.filter((id) => ownsIndicator(services, actor, id));
}
