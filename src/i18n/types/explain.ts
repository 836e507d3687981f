import type { Trend } from '../../domain/plan';

/** «¿Cómo se calcula?»: the explanation of a figure (views/explain-cards.ts). */
export interface ExplainStrings {
  titleObjective(n: number): string;
  titleIndicator(id: string): string;
  titlePlan: string;
  subtitle(year: number, asOf: string, m: number): string;
  summaryObjective(n: number, value: string | null): string;
  summaryIndicator(id: string, value: string | null): string;
  summaryPlan(value: string | null): string;
  noData: string;
  ruleObjective(year: number): string;
  rulePlan(year: number): string;
  colIndicator: string;
  colWeight: string;
  colProgress: string;
  colContribution: string;
  colObjective: string;
  colExpected: string;
  noTarget(year: number): string;
  doesNotWeigh: string;
  pendingCountsZero: string;
  sumRow: string;
  renormalised(total: string, year: number): string;
  expectedObjective(value: string): string;
  statusLine(progress: string, expected: string, ratio: string, status: string): string;
  bands: string;
  reportsHeading: string;
  noReportsUsed: string;
  reportLine(period: string, version: number, value: string, state: string): string;
  reviewStates: Record<'pendiente' | 'aprobado' | 'devuelto', string>;
  trendRule: Record<Trend, (year: number) => string>;
  executedSum(year: number, parts: string, total: string): string;
  executedLast(year: number, value: string, period: string): string;
  executedNone(year: number): string;
  targetLine(year: number, target: string, baseline: string): string;
  annualFormula: Record<Trend, string>;
  annualLine(formula: string, filled: string, result: string): string;
  noTargetIndicator(year: number): string;
  expectedHeading: string;
  expectedLevelSuma(target: string, m: number, level: string): string;
  expectedLevelOther(prev: string, target: string, m: number, level: string, year: number): string;
  expectedProgress(filled: string, result: string): string;
  fourYear(formula: string, filled: string, result: string): string;
  fourYearFormula: Record<Trend, string>;
  inObjective(n: number, weight: string, capped: string, contribution: string): string;
  /** The plan version a figure used (not version 1): its number, the date it took effect, the act it cites. */
  versionLine(version: number, effective: string, reason: string | null): string;
  /** «meta reprogramada»: the year's target before and after the version in force. */
  reprogrammedLine(year: number, before: string, now: string): string;
  btnSeeObjective(n: number): string;
  btnSeeIndicator(id: string): string;
  btnPlan: string;
  btnExplainIndicator(id: string): string;
  btnExplainObjective(n: number): string;
}
