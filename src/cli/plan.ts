import { ownersOfPlan } from '../domain/owners';
import { loadConfig } from '../config';
import { loadPlan } from '../plan/load';
import type { EditProblem } from '../plan/edit';
import { planInForce, planNamed, plansOf, versionAt, versionsOf } from '../plan/versions';
import { planYearsText, type Plan } from '../domain/plan';
import type { PlanBook } from '../progress/plans';
import type { StatusService } from '../progress/service';
import type { PlanVersionRecord } from '../domain/plan-versions';
import { bogotaDate, isIsoDate } from '../calendar';
import { StoreError } from '../store/errors';
import { describeStore, openStore } from '../store';
import type { Store } from '../store/types';
import { planWorkbook, readPlanWorkbook } from '../outputs/plan-workbook';
import { previewPlanImport, storePlanImport } from '../outputs/plan-import';
import { changeLines, versionsText } from '../views/plan-versions';
import { cliActor } from './import-reports';
import { openReadStore, parse, readInputFile, UsageError, writeOutputFile, type CliIo } from './io';
import { catalog, errorText } from '../i18n';

/** The command line speaks Spanish (the planning office's operators). */
const t = catalog('es').plan;
const cli = catalog('es').cli;

/**
 * `npm run cli -- plan export | import | versions` (CONTRACT.md, «Plans that change»). Exit codes: 0 done (or nothing
 * to change), 1 refused (an invalid workbook: every problem with its sheet and row; nothing stored), 2 usage.
 */
export async function planCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'export':
      return planExport(rest, io);
    case 'import':
      return planImport(rest, io);
    case 'versions':
      return planVersions(rest, io);
    default:
      throw new UsageError(sub === undefined ? t.usage : `${t.unknownSubcommand(sub)}\n\n${t.usage}`);
  }
}

const where = (p: EditProblem) => t.where(t.sheet[p.sheet], p.row);
/**
 * `--plan ID`: the plan named among those loaded (CONTRACT.md lets every command name it), refused as a usage error
 * naming the plans there are; without it, the plan in force on `date`.
 */
export function pickPlan(plans: readonly Plan[], named: string | undefined, date: string): Plan {
  if (named === undefined) return planInForce(plans, date);
  const plan = planNamed(plans, named);
  if (!plan) throw new UsageError(t.planUnknown(named, plans.map((p) => p.id).join(', ')));
  return plan;
}

/**
 * The status service of the plan `--plan` names, or of the plan in force on `asOf` (the figure commands: status,
 * export). An unknown plan is a usage error naming the plans there are.
 */
export async function statusOfPlan(book: PlanBook, named: string | undefined, asOf: string): Promise<StatusService> {
  if (named === undefined) return book.inForce(asOf);
  const status = await book.get(named);
  if (!status) throw new UsageError(t.planUnknown(named, (await book.summaries()).map((p) => p.id).join(', ')));
  return status;
}

/**
 * What `plan export` and `plan versions` start from: the plan named by `--plan` (checked) or in force today, its
 * versions as the store holds them now, today's date, and the store opened to read (the caller closes it).
 */
async function readVersions(io: CliIo, values: Record<string, unknown>) {
  const config = loadConfig(io.env);
  const shipped = loadPlan();
  const store = await openReadStore(config);
  try {
    const today = bogotaDate(config.now ?? new Date());
    const stored = await store.planVersions();
    const base = pickPlan(plansOf(shipped, stored), values.plan as string | undefined, today);
    const versions = versionsOf(base, stored);
    return { store, versions, today };
  } catch (e) {
    await store.close();
    throw e;
  }
}

const problemText = (p: EditProblem) =>
  p.finding ? catalog('es').operator.finding(p.finding) : t.problem(p.code, p.params);

async function planExport(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { out: { type: 'string' }, plan: { type: 'string' } });
  const out = values.out as string | undefined;
  if (!out) throw new UsageError(cli.outMissing);
  if (!/\.xlsx$/i.test(out)) throw new UsageError(cli.outNotXlsx(out));
  const { store, versions, today } = await readVersions(io, values);
  try {
    const { current } = versionAt(versions, today);
    const owners = ownersOfPlan(await store.allOwners(), current.plan.id);
    const buffer = await planWorkbook(current.plan, (id) => owners[id] ?? [], {
      number: current.version,
      effective: current.effective,
    });
    const failed = writeOutputFile(io, out, buffer);
    if (failed !== null) {
      io.err(cli.writeFailed(out, failed));
      return 1;
    }
    const n = current.plan.objectives.reduce((a, o) => a + o.indicators.length, 0);
    io.out(t.exported(out, current.version, current.effective, n));
    return 0;
  } finally {
    await store.close();
  }
}

async function planImport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    args,
    { reason: { type: 'string' }, effective: { type: 'string' }, actor: { type: 'string' } },
    true,
  );
  if (positionals.length !== 1) throw new UsageError(positionals.length ? cli.oneFileOnly : t.fileMissing);
  const file = positionals[0];
  const reason = ((values.reason as string | undefined) ?? '').trim();
  if (!reason) throw new UsageError(t.reasonMissing);
  const config = loadConfig(io.env);
  const now = config.now ?? new Date();
  const today = bogotaDate(now);
  const effectiveArg = values.effective as string | undefined;
  if (effectiveArg !== undefined && !isIsoDate(effectiveArg)) throw new UsageError(t.effectiveInvalid(effectiveArg));

  const content = readInputFile(io, file);
  if (!content) return 1;
  const read = await readPlanWorkbook(content);
  if (!read.ok) {
    io.err(
      read.code === 'not-xlsx'
        ? t.notXlsx(file)
        : read.code === 'sheet-missing'
          ? t.sheetMissing(read.sheet)
          : t.columnMissing(read.sheet, read.column),
    );
    return 1;
  }

  const shipped = loadPlan();
  let store: Store;
  try {
    store = await openStore(config, {
      mode: 'write',
      onWarning: (w) => io.err(cli.warning(catalog('es').store.say(w))),
    });
  } catch (e) {
    if (e instanceof StoreError && e.code === 'locked') io.err(cli.storeLocked(config.dbFile, e.holderPid));
    else io.err(cli.storeUnavailable(describeStore(config), errorText(e)));
    return 1;
  }
  try {
    // The workbook's plan id names the plan it changes; a new id adds a plan beside the others (its version 1).
    // The workbook is read against the version in force at its effective date: what changes from that date on.
    const preview = await previewPlanImport(store, shipped, read.sheets, effectiveArg, today);
    if (preview.status === 'invalid') {
      const errors = preview.errors;
      io.err([t.refused(errors.length, file), ...errors.map((p) => t.errorLine(where(p), problemText(p)))].join('\n'));
      return 1;
    }
    for (const w of preview.warnings) io.out(t.warningLine(where(w), problemText(w)));
    if (preview.status === 'unchanged') {
      io.out(t.unchanged(preview.against.version));
      return 0;
    }
    const actor = cliActor(values.actor as string | undefined, t.actor);
    let result;
    try {
      result = await storePlanImport(store, preview, {
        effective: preview.effective,
        reason,
        actor,
        at: now.toISOString(),
      });
    } catch (e) {
      if (!(e instanceof StoreError)) throw e;
      io.err(cli.nothingImported(errorText(e)));
      return 1;
    }
    if (result.status === 'unchanged') {
      io.out(t.unchanged(result.latest.version));
      return 0;
    }
    if (result.status === 'stale') {
      io.err(t.stale(result.latest));
      return 1;
    }
    const v = result.record;
    if (preview.newPlan) {
      io.out(newPlanText(v, preview.changes.filter((c) => c.kind === 'added').length));
      return 0;
    }
    io.out(
      [
        t.changesHeading(preview.changes.length),
        ...changeLines(preview.changes, preview.plan, 'es'),
        t.stored(v.version, v.effective, v.reason, v.by.name),
        ...(v.effective <= today ? [t.pastEffective(v.effective)] : []),
      ].join('\n'),
    );
    return 0;
  } finally {
    await store.close();
  }
}

/** What `plan import` says of a plan loaded beside the others: its id, name, years and first version. */
function newPlanText(v: PlanVersionRecord, indicators: number): string {
  return [
    t.newPlan(v.plan.id, v.plan.name, planYearsText(v.plan), indicators),
    t.stored(v.version, v.effective, v.reason, v.by.name),
  ].join('\n');
}

async function planVersions(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { json: { type: 'boolean' }, plan: { type: 'string' } });
  const { store, versions, today } = await readVersions(io, values);
  try {
    if (values.json) {
      const json = versions.map((v) => ({
        version: v.version,
        effective: v.effective,
        reason: v.reason,
        by: v.by,
        at: v.at,
        changes: v.changes,
      }));
      io.out(JSON.stringify(json, null, 2));
    } else io.out(versionsText(versions, versionAt(versions, today).current.version, 'es'));
    return 0;
  } finally {
    await store.close();
  }
}
