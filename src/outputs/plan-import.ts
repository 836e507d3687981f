/**
 * Importing the plan workbook as a new plan version (CONTRACT.md, «Plans that change»): the one service both the
 * command line (`plan import`) and the bot (an admin sends the workbook in a personal chat) call. Read the workbook
 * (plan-workbook.ts), check it whole against the version in force at the effective date (plan/edit.ts), say what it
 * changes, and store it as a new version all or nothing (the store numbers it and audits it with who, when, why).
 * It returns facts and codes; the edges put them into words. It lives beside the workbook because reading it needs
 * exceljs, which only outputs/ imports.
 */
import { createHash } from 'node:crypto';
import type { Plan } from '../domain/plan';
import type { PlanChange, PlanVersion, PlanVersionRecord } from '../domain/plan-versions';
import type { Person } from '../domain/records';
import { blankPlan, planChanges, planFromSheets, workbookHead, type EditProblem, type PlanSheets } from '../plan/edit';
import { idsTaken, plansOf, versionAt, versionsOf } from '../plan/versions';
import type { Store } from '../store/types';

/** The workbook's bytes, identified by their SHA-256 (hex): what a preview and its confirmation agree on. */
export const workbookHash = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

/** What the workbook would do, checked against the version in force at `effective`. Nothing is stored. */
export type PlanImportPreview =
  /** Errors found (each with its sheet and row): nothing may be stored. */
  | { status: 'invalid'; errors: EditProblem[] }
  /** Valid, and equal to the version it was read against: nothing to store. */
  | { status: 'unchanged'; against: PlanVersion; warnings: EditProblem[] }
  | {
      status: 'changes';
      /** The version in force at `effective` (the changes are against it); version 0 for a plan not stored yet. */
      against: PlanVersion;
      /** The date the changes take effect (for a new plan without one given: its first year's 1 January). */
      effective: string;
      /** True when the workbook's plan id is new: it is stored as a plan beside the others (its version 1). */
      newPlan: boolean;
      /** The number of the plan's latest stored version when this was read (0: a new plan): a later one makes it stale. */
      latest: number;
      plan: Plan;
      changes: PlanChange[];
      warnings: EditProblem[];
    };

/**
 * A plan's versions as the store holds them now (version 1 first): the shipped plan's, or those of a plan loaded
 * beside it (none while it is not stored).
 */
export async function planVersionsNow(store: Store, base: Plan, planId = base.id): Promise<PlanVersion[]> {
  const stored = await store.planVersions(planId);
  if (planId === base.id) return versionsOf(base, stored);
  const first = stored.find((v) => v.version === 1);
  return first ? versionsOf(first.plan, stored) : [];
}

/** The number of the latest version of the plan (0 when the plan is not stored yet). */
export const latestVersion = (versions: readonly PlanVersion[]): number =>
  versions.reduce((n, v) => Math.max(n, v.version), 0);

/**
 * Checks the workbook's rows whole against the version in force at `effective` (default: `today`, or a new plan's
 * first day) of the plan its id names, and says what they change. A new plan id adds a plan beside the others; its
 * indicator ids must not be another plan's whose years overlap (plan/versions.ts, idsTaken).
 */
export async function previewPlanImport(
  store: Store,
  base: Plan,
  sheets: PlanSheets,
  effective: string | undefined,
  today: string,
): Promise<PlanImportPreview> {
  const stored = await store.planVersions();
  const plans = plansOf(base, stored);
  const head = workbookHead(sheets);
  const known = head.id === '' ? base : plans.find((p) => p.id === head.id);
  if (!known && !head.years) {
    const cell = sheets.plan.find((r) => r.cells.key === 'years');
    const got = String(cell?.cells.value ?? '');
    return {
      status: 'invalid',
      errors: [{ severity: 'error', sheet: 'plan', row: cell?.row ?? null, code: 'years-new', params: { got } }],
    };
  }
  const at = effective ?? (known ? today : `${head.years!.from}-01-01`);
  const versions = known ? versionsOf(known, stored) : [];
  const current: PlanVersion = known
    ? versionAt(versions, at).current
    : {
        version: 0,
        effective: at,
        reason: null,
        by: null,
        at: null,
        changes: [],
        plan: blankPlan(base, head.id, head.years!, at),
      };
  const edit = planFromSheets(current.plan, sheets, idsTaken(current.plan, plans, stored));
  if (!edit.ok) return { status: 'invalid', errors: edit.problems.filter((p) => p.severity === 'error') };
  const changes = planChanges(current.plan, edit.plan);
  if (!changes.length) return { status: 'unchanged', against: current, warnings: edit.warnings };
  return {
    status: 'changes',
    against: current,
    effective: at,
    newPlan: !known,
    latest: latestVersion(versions),
    plan: edit.plan,
    changes,
    warnings: edit.warnings,
  };
}

export interface StorePlanImport {
  effective: string;
  /** Why: the administrative act («Resolución 45 de 2025»). */
  reason: string;
  actor: Person;
  /** When (ISO date-time). */
  at: string;
  /**
   * The plan's latest version the person saw (a confirmation card's, read before the workbook was fetched again);
   * default: the preview's. Another one in the store at the write: 'stale', nothing stored.
   */
  expectedLatest?: number;
}

export type PlanImportStored =
  | { status: 'stored'; record: PlanVersionRecord }
  /** The store already holds this plan as its latest version (the same workbook imported twice): nothing written. */
  | { status: 'unchanged'; latest: PlanVersionRecord }
  /** Another version (`latest`) was stored since the preview was read: nothing written, the preview is stale. */
  | { status: 'stale'; latest: number };

/**
 * Stores a preview with changes as the plan's next version, durably and audited ('plan.version': who, when, why, the
 * effective date), only if the plan's latest version is still the one the preview was read against (decided in the
 * store's write order: a version stored in between by anyone is never overwritten). A store that cannot write
 * throws its StoreError: nothing was stored.
 */
export async function storePlanImport(
  store: Store,
  preview: Extract<PlanImportPreview, { status: 'changes' }>,
  how: StorePlanImport,
): Promise<PlanImportStored> {
  const result = await store.appendPlanVersion(
    {
      planId: preview.plan.id,
      effective: how.effective,
      reason: how.reason,
      plan: preview.plan,
      changes: preview.changes,
      firstVersion: preview.newPlan ? 1 : 2,
      expectedLatest: how.expectedLatest ?? preview.latest,
    },
    how.actor,
    how.at,
  );
  return result;
}

/** A fingerprint of what a preview changes (the confirmation card carries it: what the admin saw is what is stored). */
export const changesDigest = (changes: readonly PlanChange[]): string =>
  createHash('sha256').update(JSON.stringify(changes)).digest('hex').slice(0, 32);
