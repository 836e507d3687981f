import type { PlanStrings } from '../types/plan';

const COLUMNS: Record<string, string> = {
  metaId: 'meta_id',
  metaLabel: 'meta label',
  metaText: 'meta text',
  shortName: 'short name',
  total: 'four-year target',
};
const col = (c: string | number) => (/^\d{4}$/.test(String(c)) ? `the ${c} target` : (COLUMNS[String(c)] ?? String(c)));
const pct = (x: string | number) => `${x} %`;

export const plan: PlanStrings = {
  usage: `Usage: npm run cli -- plan <export|import|versions>

  plan export [--plan ID] --out FILE.xlsx                              the plan in force as an Excel workbook to edit
  plan import FILE.xlsx --reason "TEXT" [--effective YYYY-MM-DD]       stores the workbook as a new plan version
  plan versions [--plan ID] [--json]                                   the plan's versions

  A workbook whose plan id (Plan sheet) is new loads that plan beside the others (the next PEI, an action plan).
  Without --plan: the plan in force today.`,
  actor: (user) => `Command line (${user})`,
  unknownSubcommand: (s) => `Unknown subcommand: plan ${s}`,
  fileMissing: 'The .xlsx file to import is missing.',
  planUnknown: (got, known) => `--plan: there is no plan "${got}" (the plans loaded: ${known})`,
  reasonMissing:
    '--reason is missing: cite the administrative act that changes the plan (e.g. --reason "Resolución 45 de 2025").',
  effectiveInvalid: (got) => `--effective must be a YYYY-MM-DD date (got: ${got})`,
  exported: (file, v, eff, n) =>
    `Plan (version ${v}, in force since ${eff}) written to ${file}: ${n} indicators. Edit it and import it again with "plan import".`,
  notXlsx: (file) => `${file} is not a readable Excel workbook (.xlsx). Nothing was imported.`,
  sheetMissing: (sheet) =>
    `The workbook has no sheet "${sheet}". Use the workbook "plan export" writes. Nothing was imported.`,
  columnMissing: (sheet, column) =>
    `Sheet "${sheet}" has no column "${column}". Use the workbook "plan export" writes. Nothing was imported.`,
  sheet: { plan: 'Plan', objectives: 'Objetivos', indicators: 'Indicadores' },
  where: (sheet, row) => (row === null ? `Sheet "${sheet}"` : `Sheet "${sheet}", row ${row}`),
  errorLine: (where, m) => `  ✗ ${where}: ${m}`,
  warningLine: (where, m) => `  ⚠ ${where}: ${m}`,
  problem: (code, p) => {
    switch (code) {
      case 'sheet-missing':
        return `sheet ${p.sheet} is missing`;
      case 'column-missing':
        return `column ${p.column} is missing`;
      case 'required':
        return `${col(p.column)} is missing`;
      case 'not-number':
        return `${col(p.column)} must be a number (it holds "${p.got}")`;
      case 'negative':
        return `${col(p.column)} cannot be negative`;
      case 'weight-range':
        return `the weight must be between 0 % and 100 % (it is ${pct(Number(p.got) * 100)})`;
      case 'trend-unknown':
        return `unknown tendencia "${p.got}": use Suma, Creciente, Constante or Decreciente`;
      case 'unit-unknown':
        return `unknown unit "${p.got}": use numero or porcentaje`;
      case 'id-format':
        return `id "${p.got}" is not shaped like an indicator code (4263, 8116-M3, O10-1)`;
      case 'id-duplicate':
        return `id ${p.id} is already on row ${p.first}`;
      case 'objective-unknown':
        return `objective "${p.objective}" is not on the Objetivos sheet`;
      case 'objective-duplicate':
        return `objective ${p.number} is already on row ${p.first}`;
      case 'objective-empty':
        return `objective ${p.objective} has no indicators`;
      case 'text-short':
        return `${col(p.column)} is too short (at least ${p.min} characters)`;
      case 'plan-other':
        return `the workbook is of plan "${p.id}", not "${p.known}"`;
      case 'id-other-plan':
        return `id ${p.id} is already an indicator of plan "${p.plan}", whose years overlap this one's: use another code`;
      case 'years-changed':
        return `a plan's years do not change (it holds ${p.got}; the plan is ${p.years})`;
      case 'years-new':
        return `a new plan's years are written as 2028-2031, or one year (2026) for an action plan (it holds "${p.got}")`;
      case 'weights-sum':
        return `the weights of objective ${p.objective} add up to ${pct(p.sum)}, not 100 %`;
      case 'finding':
        return 'a finding of the plan check';
      case 'schema':
        return `invalid data at ${p.path}: ${p.message}`;
    }
  },
  refused: (n, file) =>
    `Nothing was imported: ${n} ${n === 1 ? 'problem' : 'problems'} in ${file}. Fix them and import the workbook again.`,
  unchanged: (v) => `The workbook changes nothing of version ${v} of the plan: no new version was stored.`,
  stale: (latest) =>
    `Another version of the plan was stored while the workbook was being read (the latest is now version ${latest}). Nothing was stored: import the workbook again to see its changes against it.`,
  changesHeading: (n) => `${n} ${n === 1 ? 'change' : 'changes'}:`,
  changeTarget: (id, y, from, to) => `  · ${id}: ${y} target reprogrammed ${from} → ${to}`,
  changeWeight: (id, from, to) => `  · ${id}: weight ${from} → ${to}`,
  changeAdded: (id) => `  · ${id}: indicator added`,
  changeRetired: (id) => `  · ${id}: indicator retired (its reports are kept)`,
  changeField: (id, f, from, to) => `  · ${id}: ${col(f)} "${from}" → "${to}"`,
  changeObjective: (n, f) => `  · objective ${n}: ${col(f)} changed`,
  changePlan: (f) => `  · plan: ${col(f)} changed`,
  newPlan: (id, name, years, n) =>
    `New plan "${name}" (${id}, years ${years}) loaded beside the others: ${n} indicators.`,
  stored: (v, eff, reason, by) =>
    `Stored version ${v} of the plan, in force since ${eff} (${reason}), imported by ${by}.`,
  pastEffective: (eff) =>
    `The effective date (${eff}) is not in the future: figures as of ${eff} on change (earlier ones stay as they were).`,
  versionsHeading: (name) => `Versions of ${name}:`,
  versionLine: (v, eff, reason, by, at) => `Version ${v} · in force since ${eff} · ${reason} · ${by} · ${at}`,
  firstVersion: 'the plan as loaded from the source',
  noChanges: '  (no changes: the base)',
  inForce: '(in force today)',
  chatText:
    'Each version applies from its date; figures as of earlier dates do not change. To load a new version, send the plan workbook (.xlsx) to the bot in your personal chat with it, or use "npm run cli -- plan import" (operations guide).',
  chatFact: (v, eff, now) => `Version ${v} · since ${eff}${now ? ' (in force today)' : ''}`,
  chatValue: (reason, by, changes) => `${reason} · ${by}${changes ? ` — ${changes}` : ''}`,
};
