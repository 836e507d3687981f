import type { CliStrings } from '../types/cli';

export const cli: CliStrings = {
  usage: `Usage: npm run cli -- <command>

  status [--year YYYY] [--as-of YYYY-MM-DD] [--plan ID] [--json]   plan status (table or JSON)
  check-plan [--json]                                   data-quality findings of the plan
  import-reports FILE.csv                               bulk import of reports (all or nothing)
  export --year YYYY --quarter Q [--plan ID] --out FILE.xlsx   quarterly follow-up workbook (Excel)
  migrate-store --from FILE --to URL                    copies the JSON store into PostgreSQL (all or nothing)
  plan export [--plan ID] --out FILE.xlsx               the plan in force as an Excel workbook to edit
  plan import FILE.xlsx --reason "TEXT" [--effective YYYY-MM-DD]   a new plan version, or a new plan
  plan versions [--plan ID] [--json]                    the plan's versions
  (without --plan: the plan in force at the as-of date; of several, the first loaded)`,
  importUsage: 'Usage: npm run cli -- import-reports FILE.csv [--actor NAME]',
  unknownCommand: (c) => `Unknown command: ${c}`,
  error: (m) => `Error: ${m}`,
  asOfInvalid: (got) => `--as-of must be a YYYY-MM-DD date (got: ${got})`,
  yearInvalid: (got) => `--year must be a YYYY year (got: ${got})`,
  quarterMissing: '--quarter is missing (1, 2, 3 or 4)',
  quarterInvalid: (got) => `--quarter must be 1, 2, 3 or 4 (got: ${got})`,
  outMissing: '--out FILE.xlsx is missing',
  outNotXlsx: (got) => `--out must end in .xlsx (got: ${got})`,
  writeFailed: (file, m) => `Could not write ${file}: ${m}`,
  exported: (q, y, asOf, running, file, bytes) =>
    `Follow-up Q${q} ${y} (as of ${asOf}${running ? ', quarter in progress' : ''}) written to ${file} (${bytes} bytes).`,
  status: {
    rojo: 'red',
    amarillo: 'amber',
    verde: 'green',
    'sobre-ejecucion': 'over-achieving',
    'sin-meta': 'no target',
    'sin-datos': 'no data',
  },
  statusTitle: (plan, y, asOf, m) => `${plan} — year ${y}, as of ${asOf} (${m} months closed)`,
  statusPlanLine: (p, e, c, s) => `Plan: progress ${p} | expected ${e} | four-year ${c} | ${s}`,
  colIndicator: 'Obj/Indicator',
  colName: 'Name',
  colProgress: 'Progress',
  colExpected: 'Expected',
  colFourYear: 'Four-year',
  colStatus: 'Status',
  objective: (n) => `Objective ${n}`,
  pendingTag: ' (pending)',
  checkTitle: (n, fresh) => `Plan check: ${n} findings (${fresh} new)`,
  checkKnown: 'known',
  checkNew: 'NEW',
  checkObjective: (n) => `objective ${n}`,
  checkStale: (code, ref) => `[gone] ${code} ${ref}: the acknowledged finding no longer shows in the data`,
  checkOk: 'Result: only known findings of the source (seed).',
  checkNotOk: 'Result: there are new findings to review.',
  importActor: (user) => `CSV import (${user})`,
  oneFileOnly: 'give a single CSV file',
  fileMissing: 'the CSV file is missing',
  noSuchFile: (file) => `There is no file ${file}.`,
  cannotRead: (file, m) => `Could not read ${file}: ${m}`,
  warning: (m) => `Warning: ${m}`,
  storeLocked: (file, pid) =>
    `The store ${file} is in use by another process${pid ? ` (pid ${pid})` : ''}, probably the bot. ` +
    `Stop the bot before importing (the import needs the store to itself) and run the command again. Nothing was imported.`,
  storeUnavailable: (file, m) => `Could not open the store ${file}: ${m}. Nothing was imported.`,
  nothingImported: (m) => `Nothing was imported: ${m}`,
  importErrors: (errors, rows, file, lines) =>
    `Nothing was imported: ${errors === 1 ? 'there is 1 error' : `there are ${errors} errors`}` +
    `${rows > 1 ? ` in ${rows} rows` : ''} in ${file}.\n${lines}\n` +
    'Fix the file and import it again (the import is all or nothing).',
  errorLine: (line, m) => (line > 0 ? `  line ${line}: ${m}` : `  ${m}`),
  imported: (n) => `${n} ${n === 1 ? 'report imported' : 'reports imported'}`,
  duplicates: (n) => `${n} already existed`,
  corrections: (n) => `${n} ${n === 1 ? 'is a correction' : 'are corrections'} of earlier reports`,
  importSummary: (parts, file) => `${parts.join(', ')} (${file}).`,
  warningLine: (line, m) => `  Warning, line ${line}: ${m}`,
  alreadyImported: 'This file had been imported already: nothing new was stored.',
  migrateFromMissing: 'missing --from FILE (the JSON store, e.g. data/db.json)',
  migrateToMissing: 'missing --to URL (postgres://user:password@server:5432/database)',
  migrateToInvalid: (got) => `--to must be a postgres://… address (got: ${got})`,
  migrateNoSource: (file) => `There is no store at ${file}. Nothing was copied.`,
  migrateFailed: (to, m) => `Could not copy to ${to}: ${m}. Nothing was copied.`,
  migrateRefused: (to, file) =>
    `The database ${to} already holds data that is not ${file}'s. Nothing was copied: use an empty database (or the one that already received this same file).`,
  migrateCounts: (n) =>
    `${n.reports} report versions, ${n.audit} audit entries, ${n.owners} indicators with owners, ` +
    `${n.admins} admins, ${n.subscriptions} subscriptions, ${n.conversations} conversations, ${n.sent} recorded sends, ${n.planVersions} plan versions`,
  migrateCopied: (file, to, what) => `Copied from ${file} to ${to}: ${what}.`,
  migrateUnchanged: (to, file, what) =>
    `${to} already holds exactly the content of ${file} (${what}); nothing was changed.`,
};
