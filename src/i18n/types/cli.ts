/** The command line's words (src/cli/): usage, argument errors, the status table, the plan check, the import. */
export interface CliStrings {
  usage: string;
  importUsage: string;
  unknownCommand(command: string): string;
  error(message: string): string;
  asOfInvalid(got: string): string;
  yearInvalid(got: string): string;
  quarterMissing: string;
  quarterInvalid(got: string): string;
  outMissing: string;
  outNotXlsx(got: string): string;
  writeFailed(file: string, message: string): string;
  exported(quarter: number, year: string, asOf: string, running: boolean, file: string, bytes: number): string;
  // The status table
  status: Record<string, string>;
  statusTitle(plan: string, year: number, asOf: string, monthsClosed: number): string;
  statusPlanLine(progress: string, expected: string, cumulative: string, status: string): string;
  colIndicator: string;
  colName: string;
  colProgress: string;
  colExpected: string;
  colFourYear: string;
  colStatus: string;
  objective(n: number): string;
  pendingTag: string;
  // check-plan
  checkTitle(findings: number, fresh: number): string;
  checkKnown: string;
  // migrate-store
  migrateFromMissing: string;
  migrateToMissing: string;
  migrateToInvalid(got: string): string;
  migrateNoSource(file: string): string;
  migrateFailed(to: string, message: string): string;
  migrateRefused(to: string, file: string): string;
  migrateCounts(n: {
    reports: number;
    audit: number;
    owners: number;
    admins: number;
    subscriptions: number;
    conversations: number;
    sent: number;
    planVersions: number;
  }): string;
  migrateCopied(file: string, to: string, what: string): string;
  migrateUnchanged(to: string, file: string, what: string): string;
  checkNew: string;
  checkObjective(n: number): string;
  checkStale(code: string, ref: string): string;
  checkOk: string;
  checkNotOk: string;
  // import-reports
  importActor(user: string): string;
  oneFileOnly: string;
  fileMissing: string;
  noSuchFile(file: string): string;
  cannotRead(file: string, message: string): string;
  warning(message: string): string;
  storeLocked(file: string, pid: number | undefined): string;
  storeUnavailable(file: string, message: string): string;
  nothingImported(message: string): string;
  importErrors(errors: number, rows: number, file: string, lines: string): string;
  errorLine(line: number, message: string): string;
  imported(n: number): string;
  duplicates(n: number): string;
  corrections(n: number): string;
  importSummary(parts: readonly string[], file: string): string;
  warningLine(line: number, message: string): string;
  alreadyImported: string;
}
