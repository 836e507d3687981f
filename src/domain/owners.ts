/**
 * Owners belong to one plan (DOMAIN.md: «Owners, reports, reviews and compliance belong to one plan»): two plans
 * that follow each other may reuse an indicator id, and each has its own owner for it. The Store keeps owners by a
 * string key (Store.owners/allOwners/setOwners); this module is the only place that makes and reads that key.
 *
 * The key of plan P's indicator X is «P/X» — except for the first plan (the PEI 2024–2027 shipped in data/plan.json,
 * FIRST_PLAN_ID), whose key is the bare indicator id «X»: every store written before owners were kept by plan holds
 * exactly those keys (all its owners were the first plan's), so no store needs a migration, and the audit entries
 * («owner:4263») and reminders' sent keys already written stay valid. Indicator ids never hold a «/»
 * (plan/schema.ts), so the key is read from its last «/».
 */
import type { Person } from './records';

/** The id of the first plan (data/plan.json): its owners are kept under bare indicator ids. */
export const FIRST_PLAN_ID = 'pei-sg-2024-2027';

/** The Store's key of the owners of `indicatorId` in the plan `planId`. */
export function ownersKey(planId: string, indicatorId: string): string {
  return planId === FIRST_PLAN_ID ? indicatorId : `${planId}/${indicatorId}`;
}

/** The plan and indicator an owners key stands for (the inverse of ownersKey). */
export function ownersKeyParts(key: string): { planId: string; indicatorId: string } {
  const at = key.lastIndexOf('/');
  return at < 0
    ? { planId: FIRST_PLAN_ID, indicatorId: key }
    : { planId: key.slice(0, at), indicatorId: key.slice(at + 1) };
}

/** One plan's owners, by indicator id, out of every stored owners entry (Store.allOwners). */
export function ownersOfPlan(
  all: Readonly<Record<string, readonly Person[]>>,
  planId: string,
): Record<string, readonly Person[]> {
  const out: Record<string, readonly Person[]> = {};
  for (const [key, people] of Object.entries(all)) {
    const { planId: p, indicatorId } = ownersKeyParts(key);
    if (p === planId) out[indicatorId] = people;
  }
  return out;
}

/**
 * A record key of what was sent for one plan's owners (reminders, last notices): the first plan's keys as they were
 * («reminder:2025-06:d-3:ana@x.co»), another plan's with its id after them, so that two plans in force at once (or
 * reusing an id) never share one.
 */
export function planSentKey(key: string, planId: string): string {
  return planId === FIRST_PLAN_ID ? key : `${key}@plan:${planId}`;
}
