/**
 * Which plan version is in force on a date (DOMAIN.md, «Plans change»): the shipped plan is version 1, in effect from
 * its first year's 1 January; the stored versions follow. On a date d the version in force is the one with the latest
 * effective date on or before d (of two with the same date, the higher number); before every effective date,
 * version 1. Pure: the store's versions come in as data.
 */
import { planHoldsYear, type Plan } from '../domain/plan';
import type { PlanVersion, PlanVersionRecord } from '../domain/plan-versions';

/** The first day of the plan's first year: version 1's effective date. */
export const planStart = (plan: Plan): string => `${plan.period.from}-01-01`;

/**
 * The plan's versions, by number: the shipped plan as version 1 followed by its stored versions; a plan loaded beside
 * it (`plan import` of a workbook whose plan id is new) has its version 1 stored, and `base` is then that version's.
 */
export function versionsOf(base: Plan, stored: readonly PlanVersionRecord[]): PlanVersion[] {
  const own = stored.filter((v) => v.planId === base.id);
  if (own.some((v) => v.version === 1))
    return own.map((v): PlanVersion => ({ ...v })).sort((a, b) => a.version - b.version);
  const first: PlanVersion = {
    version: 1,
    effective: planStart(base),
    reason: null,
    by: null,
    at: null,
    plan: base,
    changes: [],
  };
  const rest = own
    .filter((v) => v.version > 1)
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

/**
 * Every plan as first loaded (version 1), in load order: the shipped plan, then each plan a workbook with a new plan
 * id added (its version 1 stored), by the time it was stored (DOMAIN.md, «Plans follow each other»).
 */
export function plansOf(shipped: Plan, stored: readonly PlanVersionRecord[]): Plan[] {
  const firsts = stored
    .filter((v) => v.version === 1 && v.planId !== shipped.id)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const out = [shipped];
  for (const v of firsts) if (!out.some((p) => p.id === v.planId)) out.push(v.plan);
  return out;
}

/** Whether two plans' years overlap. */
export const overlap = (a: Pick<Plan, 'period'>, b: Pick<Plan, 'period'>): boolean =>
  a.period.from <= b.period.to && b.period.from <= a.period.to;

/**
 * The plan in force on a date (YYYY-MM-DD) among plans in load order: the first whose years contain the date's year
 * (CONTRACT.md: «the first loaded where several do»); a date none covers, the first plan (the shipped one).
 */
export function planInForce<T extends Pick<Plan, 'period'>>(plans: readonly T[], date: string): T {
  return plansInForce(plans, date)[0];
}

/**
 * Every plan in force on a date (a PEI and a Plan de Acción may both be), in load order: those whose years contain
 * the date's year; a date none covers, the first plan (as planInForce).
 */
export function plansInForce<T extends Pick<Plan, 'period'>>(plans: readonly T[], date: string): T[] {
  const year = Number(date.slice(0, 4));
  const found = plans.filter((p) => planHoldsYear(p, year));
  return found.length ? found : plans.slice(0, 1);
}

/** The plan with this id (as typed: case and spaces aside), or undefined. */
export function planNamed<T extends Pick<Plan, 'id'>>(plans: readonly T[], id: string): T | undefined {
  const key = id.trim().toLowerCase();
  return plans.find((p) => p.id.toLowerCase() === key);
}

/**
 * The indicator ids of the plans other than `plan` whose years overlap its own (any version: reports belong to an id),
 * each with its plan's id: a workbook may not reuse them (plan/edit.ts 'id-other-plan').
 */
export function idsTaken(
  plan: Pick<Plan, 'id' | 'period'>,
  plans: readonly Plan[],
  stored: readonly PlanVersionRecord[],
) {
  const taken = new Map<string, string>();
  for (const other of plans) {
    if (other.id === plan.id || !overlap(plan, other)) continue;
    for (const v of versionsOf(other, stored))
      for (const o of v.plan.objectives) for (const i of o.indicators) if (!taken.has(i.id)) taken.set(i.id, other.id);
  }
  return taken;
}
