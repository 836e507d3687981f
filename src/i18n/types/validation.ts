import type { Trend, Unit } from '../../domain/plan';

/**
 * What the report validation says (the CSV import, the chat form and any other caller say the same thing), and the
 * labels and hints of the report's fields. Numbers are written the way the reader writes them.
 */

export type FieldKey = 'indicatorId' | 'period' | 'value' | 'logros' | 'dificultades' | 'evidencia';

export interface ValidationStrings {
  /** The labels of the report's fields (the form and the messages use the same words). */
  fields: Record<FieldKey, string>;
  /** What the owner enters, by tendencia (Suma = the period's flow; the others = the level reached). */
  trendHint(trend: Trend): string;
  unitHint(unit: Unit): string;
  indicatorRequired: string;
  indicatorUnknown(id: string): string;
  periodRequired: string;
  periodFormat(text: string): string;
  periodOutsidePlan(from: number, to: number): string;
  periodFuture(period: string, current: string): string;
  yearClosed(year: number, deadline: string): string;
  yearClosedAdminWarning(year: number): string;
  currentMonthWarning(period: string): string;
  correctionWarning(period: string, version: number, value: string, next: number): string;
  valueEmpty: string;
  valueNotNumber(text: string): string;
  valueAmbiguous(text: string): string;
  valueBadGrouping(text: string): string;
  valueTooManyDecimals(max: number): string;
  valueNegative: string;
  valueOverHundred(value: string): string;
  valueAbsurdTarget(value: string, year: number, target: string): string;
  valueAbsurdTotal(value: string, total: string): string;
  zeroNeedsExplanation(min: number): string;
  overExecutionNeedsJustification(year: number, executed: string, target: string, min: number): string;
  levelDropNeedsExplanation(prevPeriod: string, from: string, to: string, min: number): string;
  levelRiseNeedsExplanation(prevPeriod: string, from: string, to: string, min: number): string;
  logrosRequired(min: number): string;
  textTooShort(field: string, min: number, length: number): string;
  textTooLong(field: string, max: number, length: number): string;
  evidenceRequired: string;
  evidenceNotHttps: string;
  notOwner(id: string): string;
}
