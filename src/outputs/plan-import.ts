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
import { planChanges, planFromSheets, type EditProblem, type PlanSheets } from '../plan/edit';
import { versionAt, versionsOf } from '../plan/versions';
import type { Store } from '../store/types';
import { readPlanWorkbook, type ReadRefusal } from './plan-workbook';

/** The workbook's bytes, identified by their SHA-256 (hex): what a preview and its confirmation agree on. */
export const workbookHash = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

/** Reads the workbook's rows, or why it is not the plan workbook (not xlsx, a sheet or a column missing). */
export async function readPlanImport(
  content: Buffer,
): Promise<{ ok: true; sheets: PlanSheets } | ({ ok: false } & ReadRefusal)> {
  return readPlanWorkbook(content);
}

/** What the workbook would do, checked against the version in force at `effective`. Nothing is stored. */
export type PlanImportPreview =
  /** Errors found (each with its sheet and row): nothing may be stored. */
  | { status: 'invalid'; errors: EditProblem[] }
  /** Valid, and equal to the version it was read against: nothing to store. */
  | { status: 'unchanged'; against: PlanVersion; warnings: EditProblem[] }
  | {
      status: 'changes';
      /** The version in force at `effective` (the changes are against it). */
      against: PlanVersion;
      /** The number of the latest stored version when this was read (1: none stored): a later one makes it stale. */
      latest: number;
      plan: Plan;
      changes: PlanChange[];
      warnings: EditProblem[];
    };

/** The shipped plan's versions as the store holds them now (version 1 first). */
export async function planVersionsNow(store: Store, base: Plan): Promise<PlanVersion[]> {
  return versionsOf(base, await store.planVersions(base.id));
}

/** The number of the latest version of the plan (1 when none is stored). */
export const latestVersion = (versions: readonly PlanVersion[]): number =>
  versions.reduce((n, v) => Math.max(n, v.version), 1);

/** Checks the workbook's rows whole against the version in force at `effective`, and says what they change. */
export async function previewPlanImport(
  store: Store,
  base: Plan,
  sheets: PlanSheets,
  effective: string,
): Promise<PlanImportPreview> {
  const versions = await planVersionsNow(store, base);
  const { current } = versionAt(versions, effective);
  const edit = planFromSheets(current.plan, sheets);
  if (!edit.ok) return { status: 'invalid', errors: edit.problems.filter((p) => p.severity === 'error') };
  const changes = planChanges(current.plan, edit.plan);
  if (!changes.length) return { status: 'unchanged', against: current, warnings: edit.warnings };
  return {
    status: 'changes',
    against: current,
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
}

export type PlanImportStored =
  | { status: 'stored'; record: PlanVersionRecord }
  /** The store already holds this plan as its latest version (the same workbook imported twice): nothing written. */
  | { status: 'unchanged'; latest: PlanVersionRecord };

/**
 * Stores a preview with changes as the plan's next version, durably and audited ('plan.version': who, when, why, the
 * effective date). A store that cannot write throws its StoreError: nothing was stored.
 */
export async function storePlanImport(
  store: Store,
  base: Plan,
  preview: Extract<PlanImportPreview, { status: 'changes' }>,
  how: StorePlanImport,
): Promise<PlanImportStored> {
  const result = await store.appendPlanVersion(
    {
      planId: base.id,
      effective: how.effective,
      reason: how.reason,
      plan: preview.plan,
      changes: preview.changes,
      firstVersion: 2,
    },
    how.actor,
    how.at,
  );
  return result.status === 'stored'
    ? { status: 'stored', record: result.record }
    : { status: 'unchanged', latest: result.latest };
}

/** A fingerprint of what a preview changes (the confirmation card carries it: what the admin saw is what is stored). */
export const changesDigest = (changes: readonly PlanChange[]): string =>
  createHash('sha256').update(JSON.stringify(changes)).digest('hex').slice(0, 32);
