import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config';
import { openLowdbStore } from '../store/lowdb-store';
import { redactUrl } from '../store/pg-store';
import { copyToPostgres, snapshotOf } from '../store/migrate';
import { parse, UsageError, type CliIo } from './main';

/**
 * `npm run cli -- migrate-store --from FILE --to URL` (CONTRACT.md): copies an embedded store into a PostgreSQL
 * database, all or nothing (src/store/migrate.ts). Run it with the bot stopped. Exit 0 copied or already there,
 * 1 nothing copied (missing file, database holding other data, unreachable server), 2 usage.
 */
export async function migrateStoreCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { from: { type: 'string' }, to: { type: 'string' } });
  const from = values.from as string | undefined;
  const to = values.to as string | undefined;
  if (!from) throw new UsageError('falta --from ARCHIVO (el almacén JSON, p. ej. data/db.json)');
  if (!to) throw new UsageError('falta --to URL (postgres://usuario:clave@servidor:5432/base)');
  if (!/^postgres(ql)?:\/\/\S+$/.test(to)) throw new UsageError(`--to debe ser una dirección postgres://… (recibido: ${redactUrl(to)})`);
  loadConfig(io.env); // the same validation of the environment as every command
  const file = resolve(io.env.INIT_CWD ?? process.cwd(), from);
  if (!existsSync(file)) {
    io.err(`No existe el almacén ${file}. No se copió nada.`);
    return 1;
  }
  const source = await openLowdbStore(file, { readOnly: true, onWarning: (w) => io.err(`Aviso: ${w}`) });
  let result;
  try {
    result = await copyToPostgres(snapshotOf(source), to);
  } catch (e) {
    io.err(`No se pudo copiar a ${redactUrl(to)}: ${(e as Error).message}. No se copió nada.`);
    return 1;
  } finally {
    await source.close();
  }
  if (result.status === 'refused') {
    io.err(
      `La base de datos ${redactUrl(to)} ya tiene datos que no son los de ${file}. No se copió nada: ` +
        'use una base de datos vacía (o la que ya recibió este mismo archivo).',
    );
    return 1;
  }
  const n = result.counts;
  const what =
    `${n.reports} versiones de reportes, ${n.audit} entradas de auditoría, ${n.owners} indicadores con responsables, ` +
    `${n.admins} administradores, ${n.subscriptions} suscripciones, ${n.conversations} conversaciones, ${n.sent} envíos registrados`;
  io.out(
    result.status === 'copied'
      ? `Copiado de ${file} a ${redactUrl(to)}: ${what}.`
      : `${redactUrl(to)} ya tiene exactamente el contenido de ${file} (${what}); no se cambió nada.`,
  );
  return 0;
}
