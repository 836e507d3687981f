import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Store } from '../store/types';
import { openStore, type StoreConfig } from '../store';
import { catalog } from '../i18n';

/** What every command of the CLI shares: its input and output, its usage error, its option parser, the read store. */

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

/** A command used wrongly: the CLI prints the message and the usage, and exits with 2. */
export class UsageError extends Error {}

/** The store for a command that only reads (PEI_DATABASE_URL or PEI_DB_FILE; a missing file reads as empty). */
export async function openReadStore(config: StoreConfig): Promise<Store> {
  return openStore(config, { mode: 'read', onWarning: (w) => console.warn(catalog('es').store.say(w)) });
}

type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;
export function parse(
  args: string[],
  options: Options,
  positionals = false,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args, options, allowPositionals: positionals, strict: true });
    return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/**
 * Writes a file the operator asked for (`out`, relative to where npm was run) whole or not at all: a temporary file
 * flushed to disk, then renamed into place. Returns the error's message when it could not be written (nothing left).
 */
export function writeOutputFile(io: CliIo, out: string, data: Buffer): string | null {
  const file = resolve(io.env.INIT_CWD ?? process.cwd(), out);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data, { flush: true });
    renameSync(tmp, file);
    return null;
  } catch (e) {
    rmSync(tmp, { force: true });
    return (e as Error).message;
  }
}

/**
 * Reads a file the operator named (relative to the folder `npm run` was typed in: INIT_CWD), or prints why it
 * cannot be read (in Spanish, like every CLI message) and returns null.
 */
export function readInputFile(io: CliIo, file: string): Buffer | null {
  try {
    return readFileSync(resolve(io.env.INIT_CWD ?? process.cwd(), file));
  } catch (e) {
    const t = catalog('es').cli;
    const code = (e as NodeJS.ErrnoException).code;
    io.err(code === 'ENOENT' ? t.noSuchFile(file) : t.cannotRead(file, (e as Error).message));
    return null;
  }
}
