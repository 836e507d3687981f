/**
 * Plan versions (DOMAIN.md, «Plans change»): each reprogramming is a new version of the plan with its reason and the
 * date it takes effect; nothing is edited in place. Version 1 of the plan shipped in data/plan.json is that file
 * itself (never stored); the store keeps the versions imported after it.
 */
import type { Plan } from './plan';
import type { Person } from './records';

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
