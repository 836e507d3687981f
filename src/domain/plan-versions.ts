/**
 * Plan versions (DOMAIN.md, «Plans change»): each reprogramming is a new version of the plan with its reason and the
 * date it takes effect; nothing is edited in place. Version 1 of the plan shipped in data/plan.json is that file
 * itself (never stored); the store keeps the versions imported after it.
 */
import type { Plan } from './plan';
import type { Person } from './records';
import { isDeepStrictEqual } from 'node:util';
import { AUDIT_ACTIONS, change, cloneJson, copyPerson, type Change } from './audit';

/** What a version changed against the version before it (plan import prints these; `plan versions` lists them). */
export type PlanChange =
  | { kind: 'target'; indicatorId: string; year: number; from: number; to: number }
  | { kind: 'weight'; indicatorId: string; from: number; to: number }
  | { kind: 'added'; indicatorId: string }
  | { kind: 'retired'; indicatorId: string }
  /** Another field of an indicator (name, meta, tendencia, unit, baseline, total, area). */
  | { kind: 'field'; indicatorId: string; field: string; from: string; to: string }
  /** A field of an objective (its name) or of the plan (name, misión, visión, years). */
  | { kind: 'objective'; objective: number; field: string }
  | { kind: 'plan'; field: string };

/** A stored plan version, as the store keeps it (the audit entry 'plan.version' carries it whole in `after`). */
export interface PlanVersionRecord {
  planId: string;
  /** 1, 2, … per plan (the shipped plan's version 1 is not stored: its first stored version is 2). */
  version: number;
  /** The date it takes effect (YYYY-MM-DD, Bogotá): figures as of that date on use it. */
  effective: string;
  /** Why (the administrative act: «Resolución 45 de 2025»). */
  reason: string;
  /** Who imported it, and when (ISO date-time). */
  by: Person;
  at: string;
  plan: Plan;
  changes: PlanChange[];
}

/** What `Store.appendPlanVersion` is given: the store numbers the version. */
export interface PlanVersionInput {
  planId: string;
  effective: string;
  reason: string;
  plan: Plan;
  changes: PlanChange[];
  /** The number when the store holds no version of this plan yet (2 for the shipped plan, whose version 1 is the file). */
  firstVersion: number;
  /**
   * The number of the plan's latest version the caller read (its preview was made against it; 0: none yet, 1: only
   * the shipped file). When the store's latest is another, nothing is written ('stale'): a version stored in between
   * (another process, a command line import) is never overwritten or skipped silently. Absent: not checked.
   */
  expectedLatest?: number;
}

/** A plan version as the figures use it: the stored ones and the shipped plan's version 1 (reason null). */
export interface PlanVersion {
  version: number;
  effective: string;
  reason: string | null;
  by: Person | null;
  at: string | null;
  plan: Plan;
  changes: PlanChange[];
}

/** What is wrong with a row of the plan workbook (plan/edit.ts); the edges word it (i18n plan.problem). */
export type EditProblemCode =
  | 'sheet-missing'
  | 'column-missing'
  | 'required'
  | 'not-number'
  | 'negative'
  | 'weight-range'
  | 'trend-unknown'
  | 'unit-unknown'
  | 'id-format'
  | 'id-duplicate'
  /** The id is an indicator of another plan whose years overlap this one's. */
  | 'id-other-plan'
  | 'objective-unknown'
  | 'objective-duplicate'
  | 'objective-empty'
  | 'text-short'
  | 'plan-other'
  | 'years-changed'
  /** A new plan's years are missing or not written as 2028-2031 (or one year). */
  | 'years-new'
  | 'weights-sum'
  | 'finding'
  | 'schema';

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
  if (input.expectedLatest !== undefined && (!Number.isInteger(input.expectedLatest) || input.expectedLatest < 0))
    throw new TypeError('store: plan version expectedLatest must be a non-negative integer');
}

/**
 * What storing `input` writes, the same in every store, given the latest stored version of its plan (read inside the
 * store's write order): nothing when the plan is that version's (the same workbook imported again); nothing when
 * that version is not the one the caller expected ('stale', with the latest number); else the next version and its
 * audit entry ('plan.version', target "plan:<id>:v<n>", `after` the whole version).
 */
export function planVersionChange(
  input: PlanVersionInput,
  latest: PlanVersionRecord | undefined,
  actor: Person,
  at: string,
):
  | { status: 'unchanged'; latest: PlanVersionRecord }
  | { status: 'stale'; latest: number }
  | { status: 'stored'; record: PlanVersionRecord; change: Change } {
  // Key order aside (PostgreSQL's jsonb reorders keys), the same plan.
  if (latest && isDeepStrictEqual(cloneJson(latest.plan), cloneJson(input.plan)))
    return { status: 'unchanged', latest };
  const latestNumber = latest ? latest.version : input.firstVersion - 1;
  if (input.expectedLatest !== undefined && input.expectedLatest !== latestNumber)
    return { status: 'stale', latest: latestNumber };
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
  const before = latest ? { version: latest.version, effective: latest.effective } : null;
  const target = `plan:${input.planId}:v${version}`;
  return { status: 'stored', record, change: change(at, actor, AUDIT_ACTIONS.planVersion, target, before, record) };
}
