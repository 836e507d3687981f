/**
 * Which plan version is in force on a date (DOMAIN.md, «Plans change»): the shipped plan is version 1, in effect from
 * its first year's 1 January; the stored versions follow. On a date d the version in force is the one with the latest
 * effective date on or before d (of two with the same date, the higher number); before every effective date,
 * version 1. Pure: the store's versions come in as data.
 */
import type { Plan } from '../domain/plan';
import type { PlanVersion, PlanVersionRecord } from '../domain/plan-versions';

/** The first day of the plan's first year: version 1's effective date. */
export const planStart = (plan: Plan): string => `${plan.period.from}-01-01`;

/** The shipped plan as version 1 followed by its stored versions, by number. */
export function versionsOf(base: Plan, stored: readonly PlanVersionRecord[]): PlanVersion[] {
  const first: PlanVersion = {
    version: 1,
    effective: planStart(base),
    reason: null,
    by: null,
    at: null,
    plan: base,
    changes: [],
  };
  const rest = stored
    .filter((v) => v.planId === base.id && v.version > 1)
    .map((v): PlanVersion => ({ ...v }))
    .sort((a, b) => a.version - b.version);
  return [first, ...rest];
}

/** Orders versions as they take effect: by effective date, then by number. */
function inForceOrder(a: PlanVersion, b: PlanVersion): number {
  return a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : a.version - b.version;
}

export interface VersionAt {
  current: PlanVersion;
  /** The version in force just before `current` took effect (null for the first). */
  previous: PlanVersion | null;
}

/** The version in force on `asOf` (YYYY-MM-DD) and the one it followed. `versions` holds version 1 at least. */
export function versionAt(versions: readonly PlanVersion[], asOf: string): VersionAt {
  const ordered = [...versions].sort(inForceOrder);
  let i = 0;
  for (let k = 0; k < ordered.length; k++) if (ordered[k].effective <= asOf) i = k;
  return { current: ordered[i], previous: i > 0 ? ordered[i - 1] : null };
}
