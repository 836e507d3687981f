import type { EditProblemCode } from '../../domain/plan-versions';

/** `npm run cli -- plan export | import | versions` and the admin's «versiones del plan» (cli/plan.ts, chat/). */
export interface PlanStrings {
  usage: string;
  /** Who imported, without --actor: the operating-system user. */
  actor(user: string): string;
  unknownSubcommand(sub: string): string;
  fileMissing: string;
  planUnknown(got: string, known: string): string;
  reasonMissing: string;
  effectiveInvalid(got: string): string;
  exported(file: string, version: number, effective: string, indicators: number): string;
  notXlsx(file: string): string;
  sheetMissing(sheet: string): string;
  columnMissing(sheet: string, column: string): string;
  /** Sheet names as the reader sees them in the workbook. */
  sheet: Record<'plan' | 'objectives' | 'indicators', string>;
  where(sheet: string, row: number | null): string;
  errorLine(where: string, message: string): string;
  warningLine(where: string, message: string): string;
  problem(code: EditProblemCode, params: Record<string, string | number>): string;
  refused(errors: number, file: string): string;
  unchanged(version: number): string;
  /** Another version was stored while the workbook was being read (by another process): nothing stored. */
  stale(latest: number): string;
  changesHeading(n: number): string;
  changeTarget(id: string, year: number, from: string, to: string): string;
  changeWeight(id: string, from: string, to: string): string;
  changeAdded(id: string): string;
  changeRetired(id: string): string;
  changeField(id: string, field: string, from: string, to: string): string;
  changeObjective(n: number, field: string): string;
  changePlan(field: string): string;
  /** A workbook whose plan id is new: the plan loaded beside the others. */
  newPlan(id: string, name: string, years: string, indicators: number): string;
  stored(version: number, effective: string, reason: string, by: string): string;
  pastEffective(effective: string): string;
  versionsHeading(planName: string): string;
  versionLine(version: number, effective: string, reason: string, by: string, at: string): string;
  firstVersion: string;
  noChanges: string;
  inForce: string;
  /** Chat («versiones del plan», admins): one fact per version. */
  chatText: string;
  chatFact(version: number, effective: string, inForce: boolean): string;
  chatValue(reason: string, by: string, changes: string): string;
}
