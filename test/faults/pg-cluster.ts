import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../helpers/child';

/**
 * A PostgreSQL server of the test's own (initdb in a temporary folder, Debian's binaries in /usr/lib/postgresql/N/bin),
 * so that it can be restarted, stopped and made read-only without disturbing the run's shared test database.
 * As root the server runs as the `postgres` user (it refuses root), as the CI machines and test/pg-server.js do.
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

function run(cmd: string, args: string[]): string {
  const full: [string, string[]] = isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(full[0], full[1], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

export interface Cluster {
  /** The bot's database (`pei`), as PEI_DATABASE_URL. */
  url: string;
  /** A superuser connection to the bot's database (for locks, pg_terminate_backend, ALTER SYSTEM). */
  admin(): Promise<Client>;
  start(): void;
  /** Fast shutdown: the server ends every session ("terminating connection due to administrator command"). */
  stop(): void;
  restart(): void;
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
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const ctl = (...args: string[]) => run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), ...args]);
  const cluster: Cluster = {
    url: `postgres://postgres@127.0.0.1:${port}/pei`,
    async admin() {
      const c = new Client({ connectionString: cluster.url });
      c.on('error', () => undefined); // the test stops the server under it
      await c.connect();
      return c;
    },
    start: () => ctl('-o', opts, '-w', 'start'),
    stop: () => ctl('-m', 'fast', '-w', 'stop'),
    restart: () => ctl('-o', opts, '-m', 'fast', '-w', 'restart'),
    destroy() {
      try {
        ctl('-m', 'immediate', '-w', 'stop');
      } catch {
        /* already stopped */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  cluster.start();
  const c = new Client({ connectionString: cluster.url.replace(/\/pei$/, '/postgres') });
  await c.connect();
  await c.query('CREATE DATABASE pei');
  await c.end();
  return cluster;
}
