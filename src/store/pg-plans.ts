/** The PostgreSQL store's plan versions (pei_plan_versions): one write, inside the store's write transaction. */
import type { PoolClient } from 'pg';
import type { Person } from '../domain/records';
import type { PlanVersionInput, PlanVersionRecord } from '../domain/plan-versions';
import { planVersionChange } from './plan-rules';

export { checkPlanVersionInput } from './plan-rules';

/** `Store.planVersions(planId)`'s query and arguments: write order. */
export function planVersionsSql(planId?: string): [string, unknown[]] {
  return planId === undefined
    ? ['SELECT record FROM pei_plan_versions ORDER BY ord', []]
    : ['SELECT record FROM pei_plan_versions WHERE plan_id = $1 ORDER BY ord', [planId]];
}
import type { AppendPlanVersionResult } from './types';
import { json } from './pg-sql';
import type { Change } from './rules';

/**
 * Decides and stores a plan version on `c` (a write transaction holding the write order, so the version number is
 * assigned without races; the (plan_id, version) key refuses a duplicate anyway). Commits only what it stored.
 */
export async function storePlanVersion(
  c: PoolClient,
  input: PlanVersionInput,
  actor: Person,
  at: string,
  audit: (e: Change) => Promise<void>,
): Promise<{ commit: boolean; value: AppendPlanVersionResult }> {
  const sql = 'SELECT record FROM pei_plan_versions WHERE plan_id = $1 ORDER BY version DESC LIMIT 1';
  const latest = (await c.query<{ record: PlanVersionRecord }>(sql, [input.planId])).rows[0]?.record;
  const decided = planVersionChange(input, latest, actor, at);
  if (decided.status === 'unchanged') return { commit: false, value: decided };
  const { record } = decided;
  await c.query('INSERT INTO pei_plan_versions (plan_id, version, effective, record) VALUES ($1, $2, $3, $4)', [
    record.planId,
    record.version,
    record.effective,
    json(record),
  ]);
  await audit(decided.change);
  return { commit: true, value: { status: 'stored', record } };
}
