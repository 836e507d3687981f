import { readFileSync } from 'node:fs';
import { PLAN_FILE } from '../paths';
import { parsePlan, PlanError } from './schema';
import type { Indicator, Plan } from '../domain/plan';

/** The plan file shipped with the project: data/plan.json at the repository root. */
export const DEFAULT_PLAN_FILE = PLAN_FILE;

export function loadPlan(file = DEFAULT_PLAN_FILE): Plan {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new PlanError({ code: 'plan-unreadable', file, reason: (e as Error).message });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new PlanError({ code: 'plan-not-json', file, reason: (e as Error).message });
  }
  return parsePlan(raw, file);
}

export function allIndicators(plan: Plan): Indicator[] {
  return plan.objectives.flatMap((o) => o.indicators);
}

export function indicatorById(plan: Plan): Map<string, Indicator> {
  return new Map(allIndicators(plan).map((i) => [i.id, i]));
}
