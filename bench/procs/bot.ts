/**
 * (c), (d) and the growth runs: the real bot (startBot from src/main.ts) on the store given as PEI_DB_FILE, with
 * PEI_NOW=2025-07-03, LOG_LEVEL=silent and PEI_ADMINS=aad-admin, on loopback.
 */
import { loadConfig } from '../../src/config';
import { startBot } from '../../src/main';
import { createLogger } from '../../src/log';
import type { LowdbStore } from '../../src/store/lowdb-store';
import { fail, ready, restingMemory, serveIpc } from '../lib/ipc';

async function main() {
  const t0 = performance.now();
  const config = {
    ...loadConfig(
      // PEI_DATABASE_URL (bench/pg.ts): the PostgreSQL store instead of the file
      {
        // BENCH_NOW: the fan-out's Monday morning (bench/lib/fanout.ts)
        PEI_NOW: process.env.BENCH_NOW ?? '2025-07-03',
        PEI_DB_FILE: process.env.PEI_DB_FILE ?? 'data/bench-unused.json',
        PEI_DATABASE_URL: process.env.PEI_DATABASE_URL,
        LOG_LEVEL: 'silent',
        PEI_ADMINS: 'aad-admin',
      },
      { dotenv: false },
    ),
    port: 0,
  };
  const bot = await startBot(config, { log: createLogger('silent'), host: '127.0.0.1' });
  const openMs = performance.now() - t0;
  const store = bot.services.store as LowdbStore;
  // Whether this process holds the proactive lock and sends (the fan-out kills the one that does).
  let sending = 0;
  const exclusive = store.exclusive.bind(store);
  store.exclusive = (name, fn) =>
    exclusive(name, async () => {
      sending++;
      try {
        return await fn();
      } finally {
        sending--;
      }
    });
  const afterOpen = await restingMemory();
  serveIpc(
    {
      sending: () => sending > 0,
      stats: async () => ({ stored: (await store.reports()).length, revision: await store.revision() }),
    },
    () => bot.stop(),
  );
  // Over PostgreSQL the count is not read at start: a whole read of 100,000 versions by two processes starting at
  // once, beside their own warm-up, can outlast the statement timeout on a busy machine.
  const reports = process.env.PEI_DATABASE_URL ? undefined : (await store.reports()).length;
  ready(bot.port, { openMs, reports, afterOpen });
}

main().catch(fail);
