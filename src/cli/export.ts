import { ownersOfPlan } from '../domain/owners';
import { loadConfig } from '../config';
import { loadPlan } from '../plan/load';
import { bogotaDate } from '../calendar';
import { createPlanBook } from '../progress/plans';
import { statusOfPlan } from './plan';
import { followUpWorkbook, refusalText } from '../outputs/followup';
import { isQuarter, lastClosedQuarter } from '../outputs/common';
import { openReadStore, parse, UsageError, writeOutputFile, type CliIo } from './io';
import { catalog } from '../i18n';

/** The command line speaks Spanish (the planning office's operators). */
const t = catalog('es').cli;

/**
 * `npm run cli -- export --year YYYY --quarter Q --out FILE.xlsx` (CONTRACT.md): the quarterly follow-up workbook,
 * the same one GET /api/v1/export.xlsx gives. Without --year/--quarter: the last quarter that closed. The file is
 * written aside and renamed into place (never half-written). Exit 0 written, 1 nothing to export, 2 usage.
 */
export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    year: { type: 'string' },
    quarter: { type: 'string' },
    out: { type: 'string' },
    plan: { type: 'string' },
  });
  const config = loadConfig(io.env);
  const now = config.now ?? new Date();
  const today = bogotaDate(now);
  const fallback = lastClosedQuarter(today);
  const yearText = (values.year as string | undefined) ?? String(fallback.year);
  if (!/^\d{4}$/.test(yearText)) throw new UsageError(t.yearInvalid(yearText));
  const quarterText = (
    (values.quarter as string | undefined) ?? (values.year ? undefined : String(fallback.quarter))
  )?.replace(/^[Tt]/, '');
  if (quarterText === undefined) throw new UsageError(t.quarterMissing);
  const quarter = Number(quarterText);
  if (!/^[1-4]$/.test(quarterText) || !isQuarter(quarter))
    throw new UsageError(t.quarterInvalid(String(values.quarter)));
  const out = values.out as string | undefined;
  if (!out) throw new UsageError(t.outMissing);
  if (!/\.xlsx$/i.test(out)) throw new UsageError(t.outNotXlsx(out));

  const plan = loadPlan();
  const store = await openReadStore(config);
  try {
    const reports = (await store?.reports()) ?? [];
    // The plan named, or the one in force in the quarter's year.
    const status = await statusOfPlan(
      createPlanBook(plan, store, config.bands),
      values.plan as string | undefined,
      `${yearText}-${String(quarter * 3).padStart(2, '0')}-01`,
    );
    const owners = store ? ownersOfPlan(await store.allOwners(), status.plan.id) : {};
    const result = await followUpWorkbook(
      {
        plan: status.plan,
        figures: (year, asOf) => status.figures(year, asOf),
        reports: () => reports,
        owners: (id) => owners[id] ?? [],
      },
      Number(yearText),
      quarter,
      today,
      now,
    );
    if (!result.ok) {
      io.err(refusalText(result, 'es'));
      return 1;
    }
    const failed = writeOutputFile(io, out, result.buffer);
    if (failed !== null) {
      io.err(t.writeFailed(out, failed));
      return 1;
    }
    io.out(t.exported(quarter, yearText, result.asOf, result.running, out, result.buffer.length));
    return 0;
  } finally {
    await store?.close();
  }
}
