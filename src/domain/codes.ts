/**
 * The codes the capabilities return and the edges put into words: the semáforo status, the plan check's findings,
 * the anomalies of an indicator's reports.
 */
import type { Unit, Year } from './plan';

/** The semáforo (docs/dominio.md). */
export type Status = 'rojo' | 'amarillo' | 'verde' | 'sobre-ejecucion' | 'sin-meta' | 'sin-datos';

/** The plan check's findings (plan/check.ts). */
export type FindingCode =
  | 'weights-sum'
  | 'weights-year'
  | 'zero-target'
  | 'total-mismatch'
  | 'meta-quantity'
  | 'mixed-format'
  | 'code-out-of-series'
  | 'no-code';

/**
 * What the check found, as facts (no sentence: the words are the catalog's, `operator.finding`). Values are in the
 * plan's units: fractions for percent indicators and weights.
 */
export type FindingFacts =
  | { code: 'weights-sum'; objective: number; sum: number }
  | { code: 'weights-year'; objective: number; year: Year; programmed: number; unprogrammed: string[] }
  | { code: 'zero-target'; indicatorId: string; year: Year }
  | { code: 'total-mismatch'; unit: Unit; total: number; expected: number; rule: 'sum' | 'last-year' }
  | { code: 'meta-quantity'; unit: Unit; metaLabel: string; stated: number; total: number }
  | { code: 'mixed-format'; unit: Unit; indicatorId: string; cells: string[]; read: number[] }
  | { code: 'code-out-of-series'; indicatorId: string; metaNumber: string | null; min: number; max: number }
  | { code: 'no-code'; name: string; indicatorId: string };

export interface Finding {
  code: FindingCode;
  /** What it is about: an indicator id, "O2", "O2:2024", "8110-M3:2024". */
  ref: string;
  objective: number;
  facts: FindingFacts;
  acknowledged: boolean;
}

/** An indicator's anomalies (progress/engine.ts). */
export type AnomalyCode =
  'level-drop' | 'level-rise' | 'zero-without-explanation' | 'over-execution-without-justification' | 'closed-period';

/** The figures behind an anomaly (the catalog words them: src/i18n, `cards.anomalyDetail`). */
export interface AnomalyParams {
  /** level-drop, level-rise: the previous report's value and this one's. */
  from?: number;
  to?: number;
  /** over-execution-without-justification: the level reached and the year's target. */
  level?: number;
  target?: number;
  /** closed-period: the Bogotá date it was reported on (YYYY-MM-DD). */
  reportedOn?: string;
}

/** An anomaly as the core returns it: a code and its figures, never a sentence. */
export interface Anomaly {
  code: AnomalyCode;
  period: string;
  params: AnomalyParams;
}
