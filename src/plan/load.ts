import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePlan, PlanError } from './schema';
import type { Indicator, Plan } from './types';

/** The plan file shipped with the project: data/plan.json at the repository root. */
export const DEFAULT_PLAN_FILE = resolve(__dirname, '..', '..', '..', 'data', 'plan.json');

export function loadPlan(file = defaultPlanFile()): Plan {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new PlanError(`No se pudo leer el archivo del plan ${file}: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new PlanError(`El archivo del plan ${file} no es JSON válido: ${(e as Error).message}`);
  }
  return parsePlan(raw, file);
}

/** Works from src/ (ts-jest) and from dist/src/ (compiled). */
function defaultPlanFile(): string {
  const fromDist = DEFAULT_PLAN_FILE;
  const fromSrc = resolve(__dirname, '..', '..', 'data', 'plan.json');
  try { readFileSync(fromSrc); return fromSrc; } catch { return fromDist; }
}

export function allIndicators(plan: Plan): Indicator[] {
  return plan.objectives.flatMap((o) => o.indicators);
}

export function indicatorById(plan: Plan): Map<string, Indicator> {
  return new Map(allIndicators(plan).map((i) => [i.id, i]));
}
