import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import { loadConfig } from '../config';
import { loadPlan } from '../plan/load';
import { StoreError } from '../store/lowdb-store';
import { describeStore, openStore } from '../store';
import type { Person } from '../store/types';
import { importReportsCsv } from '../reports/csv-import';
import type { CliIo } from './main';

/**
 * `npm run cli -- import-reports FILE.csv` (docs/interfaces.md): bulk import of reports, all or nothing. Every invalid row
 * is printed with its line number and reason and nothing is stored (exit 1); otherwise the rows go to the store in
 * one durable write (exit 0). Importing the same file again stores nothing new. Usage errors exit 2.
 *
 * The store is opened exclusively (PEI_DB_FILE): while the bot runs it holds the store's lock, and the import
 * asks to stop it first, so that the bot's view of the reports never falls behind the file.
 */

const USAGE = 'Uso: npm run cli -- import-reports ARCHIVO.csv [--actor NOMBRE]';

function cliActor(name?: string): Person {
  let user = 'cli';
  try {
    user = userInfo().username || 'cli';
  } catch {
    /* no user database */
  }
  return { id: `cli:${user}`, name: name && name.trim() ? name.trim() : `Importación CSV (${user})` };
}

export async function importReportsCommand(args: string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  let actorName: string | undefined;
  try {
    const r = parseArgs({ args, options: { actor: { type: 'string' } }, allowPositionals: true, strict: true });
    if (r.positionals.length !== 1) throw new Error(r.positionals.length ? 'indica un solo archivo CSV' : 'falta el archivo CSV');
    file = r.positionals[0];
    actorName = r.values.actor as string | undefined;
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }

  let content: Buffer;
  try {
    // `npm run` runs scripts in the project's root; a relative path means the folder the user typed it in.
    content = readFileSync(resolve(io.env.INIT_CWD ?? process.cwd(), file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(code === 'ENOENT' ? `No existe el archivo ${file}.` : `No se pudo leer ${file}: ${(e as Error).message}`);
    return 1;
  }

  const config = loadConfig(io.env);
  const plan = loadPlan();
  let store;
  try {
    store = await openStore(config, { mode: 'write', onWarning: (w) => io.err(`Aviso: ${w}`) });
  } catch (e) {
    const msg = (e as Error).message;
    if (e instanceof StoreError && e.code === 'locked') {
      io.err(
        `El almacén ${config.dbFile} está en uso por otro proceso${e.holderPid ? ` (pid ${e.holderPid})` : ''}, probablemente el bot. ` +
          `Detén el bot antes de importar (la importación necesita el almacén en exclusiva) y vuelve a ejecutar el comando. No se importó nada.`,
      );
    } else {
      io.err(`No se pudo abrir el almacén ${describeStore(config)}: ${msg}. No se importó nada.`);
    }
    return 1;
  }

  try {
    const known = [...store.admins(), ...Object.values(store.allOwners()).flat()];
    let result;
    try {
      result = await importReportsCsv(store, content, { plan, now: config.now ?? new Date(), actor: cliActor(actorName), knownPeople: known });
    } catch (e) {
      // A write the store could not make (disk full, ...): it was undone, nothing of the file is stored.
      if (!(e instanceof StoreError)) throw e;
      io.err(`No se importó nada: ${e.message}`);
      return 1;
    }
    if (!result.ok) {
      const lines = [...result.errors].sort((a, b) => a.line - b.line).map((e) => (e.line > 0 ? `  línea ${e.line}: ${e.message}` : `  ${e.message}`));
      const rowsWithErrors = new Set(result.errors.filter((e) => e.line > 0).map((e) => e.line)).size;
      io.err(
        `No se importó nada: ${result.errors.length === 1 ? 'hay 1 error' : `hay ${result.errors.length} errores`}` +
          `${rowsWithErrors > 1 ? ` en ${rowsWithErrors} filas` : ''} en ${file}.\n${lines.join('\n')}\n` +
          'Corrige el archivo y vuelve a importarlo (la importación es todo o nada).',
      );
      return 1;
    }
    const parts = [
      `${result.imported} ${result.imported === 1 ? 'reporte importado' : 'reportes importados'}`,
      `${result.duplicates} ya ${result.duplicates === 1 ? 'existía' : 'existían'}`,
    ];
    if (result.corrections) parts.push(`${result.corrections} ${result.corrections === 1 ? 'es corrección' : 'son correcciones'} de reportes anteriores`);
    io.out(`${parts.join(', ')} (${config.dbFile}).`);
    for (const w of result.warnings) io.out(`  Aviso, línea ${w.line}: ${w.message}`);
    if (result.duplicates && !result.imported) io.out('Este archivo ya se había importado: no se guardó nada nuevo.');
    return 0;
  } finally {
    await store.close();
  }
}
