import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config';
import { openLowdbStore } from '../store/lowdb-store';
import { redactUrl } from '../store/pg-store';
import { copyToPostgres, snapshotOf } from '../store/migrate';
import { parse, UsageError, type CliIo } from './io';
import { catalog, errorText } from '../i18n';

const t = catalog('es').cli;

/**
 * `npm run cli -- migrate-store --from FILE --to URL` (CONTRACT.md): copies an embedded store into a PostgreSQL
 * database, all or nothing (src/store/migrate.ts). Run it with the bot stopped. Exit 0 copied or already there,
 * 1 nothing copied (missing file, database holding other data, unreachable server), 2 usage.
 */
export async function migrateStoreCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { from: { type: 'string' }, to: { type: 'string' } });
  const from = values.from as string | undefined;
  const to = values.to as string | undefined;
  if (!from) throw new UsageError(t.migrateFromMissing);
  if (!to) throw new UsageError(t.migrateToMissing);
  if (!/^postgres(ql)?:\/\/\S+$/.test(to)) throw new UsageError(t.migrateToInvalid(redactUrl(to)));
  loadConfig(io.env); // the same validation of the environment as every command
  const file = resolve(io.env.INIT_CWD ?? process.cwd(), from);
  if (!existsSync(file)) {
    io.err(t.migrateNoSource(file));
    return 1;
  }
  const source = await openLowdbStore(file, {
    readOnly: true,
    onWarning: (w) => io.err(t.warning(catalog('es').store.say(w))),
  });
  let result;
  try {
    result = await copyToPostgres(await snapshotOf(source), to);
  } catch (e) {
    io.err(t.migrateFailed(redactUrl(to), errorText(e)));
    return 1;
  } finally {
    await source.close();
  }
  if (result.status === 'refused') {
    io.err(t.migrateRefused(redactUrl(to), file));
    return 1;
  }
  const what = t.migrateCounts(result.counts);
  io.out(
    result.status === 'copied'
      ? t.migrateCopied(file, redactUrl(to), what)
      : t.migrateUnchanged(redactUrl(to), file, what),
  );
  return 0;
}
