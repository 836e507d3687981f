/**
 * The plan versions' rules, the same in every store: how a version is numbered, when an import changes nothing, and
 * the audit entry that carries it ('plan.version', target "plan:<id>:v<n>", `after` the whole version).
 */
import type { Person } from '../domain/records';
import type { PlanVersionInput, PlanVersionRecord } from '../domain/plan-versions';
import { isDeepStrictEqual } from 'node:util';
import { AUDIT_ACTIONS, cloneJson, copyPerson, type Change } from './rules';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Refuses an input no store may keep (a TypeError: the caller's bug; words for people are the CLI's checks). */
export function checkPlanVersionInput(input: PlanVersionInput): void {
  if (!input || typeof input.planId !== 'string' || input.planId === '')
    throw new TypeError('store: plan version without planId');
  if (input.plan?.id !== input.planId) throw new TypeError('store: plan version whose plan has another id');
  if (typeof input.effective !== 'string' || !DATE.test(input.effective))
    throw new TypeError(`store: plan version effective date must be YYYY-MM-DD, got ${String(input.effective)}`);
  if (typeof input.reason !== 'string' || input.reason.trim() === '')
    throw new TypeError('store: plan version without a reason');
  if (!Number.isInteger(input.firstVersion) || input.firstVersion < 1)
    throw new TypeError('store: plan version firstVersion must be a positive integer');
}

/**
 * What storing `input` writes, given the latest stored version of its plan: nothing when the plan is that version's
 * (the same workbook imported again), else the next version and its audit entry.
 */
export function planVersionChange(
  input: PlanVersionInput,
  latest: PlanVersionRecord | undefined,
  actor: Person,
  at: string,
):
  { status: 'unchanged'; latest: PlanVersionRecord } | { status: 'stored'; record: PlanVersionRecord; change: Change } {
  // Key order aside (PostgreSQL's jsonb reorders keys), the same plan.
  if (latest && isDeepStrictEqual(cloneJson(latest.plan), cloneJson(input.plan)))
    return { status: 'unchanged', latest };
  const version = latest ? latest.version + 1 : input.firstVersion;
  const record: PlanVersionRecord = {
    planId: input.planId,
    version,
    effective: input.effective,
    reason: input.reason.trim(),
    by: copyPerson(actor),
    at,
    plan: cloneJson(input.plan),
    changes: cloneJson(input.changes),
  };
  const change: Change = {
    at,
    actor: copyPerson(actor),
    action: AUDIT_ACTIONS.planVersion,
    target: `plan:${input.planId}:v${version}`,
    before: latest ? { version: latest.version, effective: latest.effective } : null,
    after: record,
  };
  return { status: 'stored', record, change };
}
