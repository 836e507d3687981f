import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import { loadConfig } from '../config';
import { loadPlan } from '../plan/load';
import { StoreError } from '../store/errors';
import { describeStore, openStore } from '../store';
import type { Person } from '../domain/records';
import { importReportsCsv } from '../reports/csv-import';
import { readInputFile, type CliIo } from './io';
import { catalog, errorText } from '../i18n';

/**
 * `npm run cli -- import-reports FILE.csv` (docs/interfaces.md): bulk import of reports, all or nothing. Every invalid row
 * is printed with its line number and reason and nothing is stored (exit 1); otherwise the rows go to the store in
 * one durable write (exit 0). Importing the same file again stores nothing new. Usage errors exit 2.
 *
 * The store is opened exclusively (PEI_DB_FILE): while the bot runs it holds the store's lock, and the import
 * asks to stop it first, so that the bot's view of the reports never falls behind the file.
 */

/** The command line speaks Spanish (the planning office's operators). */
const t = catalog('es').cli;
const USAGE = t.importUsage;

export function cliActor(name?: string, label: (user: string) => string = t.importActor): Person {
  let user = 'cli';
  try {
    user = userInfo().username || 'cli';
  } catch {
    /* no user database */
  }
  return { id: `cli:${user}`, name: name && name.trim() ? name.trim() : label(user) };
}

export async function importReportsCommand(args: string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  let actorName: string | undefined;
  try {
    const r = parseArgs({ args, options: { actor: { type: 'string' } }, allowPositionals: true, strict: true });
    if (r.positionals.length !== 1) throw new Error(r.positionals.length ? t.oneFileOnly : t.fileMissing);
    file = r.positionals[0];
    actorName = r.values.actor as string | undefined;
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }

  const content = readInputFile(io, file);
  if (!content) return 1;

  const config = loadConfig(io.env);
  const plan = loadPlan();
  let store;
  try {
    store = await openStore(config, { mode: 'write', onWarning: (w) => io.err(t.warning(catalog('es').store.say(w))) });
  } catch (e) {
    if (e instanceof StoreError && e.code === 'locked') {
      io.err(t.storeLocked(config.dbFile, e.holderPid));
    } else {
      io.err(t.storeUnavailable(describeStore(config), errorText(e)));
    }
    return 1;
  }

  try {
    const known = [...(await store.admins()), ...Object.values(await store.allOwners()).flat()];
    let result;
    try {
      result = await importReportsCsv(store, content, {
        plan,
        now: config.now ?? new Date(),
        actor: cliActor(actorName),
        knownPeople: known,
      });
    } catch (e) {
      // A write the store could not make (disk full, ...): it was undone, nothing of the file is stored.
      if (!(e instanceof StoreError)) throw e;
      io.err(t.nothingImported(errorText(e)));
      return 1;
    }
    if (!result.ok) {
      const lines = [...result.errors].sort((a, b) => a.line - b.line).map((e) => t.errorLine(e.line, e.message));
      const rowsWithErrors = new Set(result.errors.filter((e) => e.line > 0).map((e) => e.line)).size;
      io.err(t.importErrors(result.errors.length, rowsWithErrors, file, lines.join('\n')));
      return 1;
    }
    const parts = [t.imported(result.imported), t.duplicates(result.duplicates)];
    if (result.corrections) parts.push(t.corrections(result.corrections));
    io.out(t.importSummary(parts, config.dbFile));
    for (const w of result.warnings) io.out(t.warningLine(w.line, w.message));
    if (result.duplicates && !result.imported) io.out(t.alreadyImported);
    return 0;
  } finally {
    await store.close();
  }
}
