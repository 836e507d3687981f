import { execFile, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../helpers/child';

/**
 * A PostgreSQL server of the test's own (initdb in a temporary folder, Debian's binaries in /usr/lib/postgresql/N/bin),
 * so that it can be restarted, stopped and made read-only without disturbing the run's shared test database.
 * As root the server runs as the `postgres` user (it refuses root), as the CI machines and test/pg-server.js do.
 * Its operations are asynchronous: the test keeps talking to the bot while the server stops or restarts.
 */

export function postgresBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function run(cmd: string, args: string[]): Promise<string> {
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) =>
    execFile(file, argv, { encoding: 'utf8' }, (e, stdout, stderr) =>
      e ? reject(new Error(`${cmd} ${args.join(' ')} failed: ${stderr || stdout || e.message}`)) : resolve(stdout),
    ),
  );
}

export interface Cluster {
  /** The bot's database (`pei`), as PEI_DATABASE_URL. */
  url: string;
  /** A superuser connection to the bot's database (for locks, pg_terminate_backend, ALTER DATABASE). */
  admin(): Promise<Client>;
  /** One statement as the superuser, on a connection of its own. */
  sql<T = Record<string, unknown>>(text: string, args?: unknown[]): Promise<T[]>;
  start(): Promise<void>;
  /** Fast shutdown: the server ends every session ("terminating connection due to administrator command"). */
  stop(): Promise<void>;
  restart(): Promise<void>;
  destroy(): void;
}

export async function startCluster(): Promise<Cluster> {
  const bin = postgresBin();
  if (!bin) throw new Error('no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)');
  const dir = mkdtempSync(join(tmpdir(), 'pei-faults-pg-'));
  if (isRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  await run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const ctl = async (...args: string[]) => {
    await run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), ...args]);
  };
  const cluster: Cluster = {
    url: `postgres://postgres@127.0.0.1:${port}/pei`,
    async admin() {
      // Writable whatever the database's default (a startup option outranks ALTER DATABASE … SET).
      const c = new Client({ connectionString: cluster.url, options: '-c default_transaction_read_only=off' });
      c.on('error', () => undefined); // the test stops the server under it
      await c.connect();
      return c;
    },
    async sql<T>(text: string, args: unknown[] = []) {
      const c = await cluster.admin();
      try {
        return (await c.query(text, args)).rows as T[];
      } finally {
        await c.end().catch(() => undefined);
      }
    },
    start: () => ctl('-o', opts, '-w', 'start'),
    stop: () => ctl('-m', 'fast', '-w', 'stop'),
    restart: () => ctl('-o', opts, '-m', 'fast', '-w', 'restart'),
    destroy() {
      const stop = isRoot
        ? ['runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop']]
        : [join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']];
      spawnSync(stop[0] as string, stop[1] as string[]); // already stopped: nothing to do
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  const c = new Client({ connectionString: cluster.url.replace(/\/pei$/, '/postgres') });
  await c.connect();
  await c.query('CREATE DATABASE pei');
  await c.end();
  return cluster;
}
