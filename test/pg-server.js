// The throwaway PostgreSQL of the test run (jest globalSetup/globalTeardown; also used by bench/).
// PEI_TEST_DATABASE_URL given: that server is used as is. Otherwise, where Debian's server binaries exist, a fresh
// cluster is made with initdb in a temporary folder (owned by the `postgres` user: the server refuses to run as
// root), started on a free loopback port and stopped after. Neither: the PostgreSQL suites are skipped, said plainly,
// and under CI=true that is a failure.
const { spawnSync } = require('node:child_process');
const { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const net = require('node:net');

function findBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function run(cmd, args, asPostgres) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const full = asPostgres && isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(full[0], full[1], { encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout || r.error}`);
  return r.stdout;
}

const HOW =
  'Instale el servidor (Debian/Ubuntu: sudo apt-get install -y postgresql) o defina PEI_TEST_DATABASE_URL=postgres://usuario:clave@127.0.0.1:5432/base';

/** Starts (or finds) the server; returns { url, stop } or { skipped: reason }. */
async function startTestPostgres() {
  if (process.env.PEI_TEST_DATABASE_URL) return { url: process.env.PEI_TEST_DATABASE_URL, stop: () => {} };
  const bin = findBin();
  if (!bin) return { skipped: `no hay binarios de PostgreSQL en /usr/lib/postgresql/*/bin. ${HOW}` };
  const dir = mkdtempSync(join(tmpdir(), 'pei-pg-'));
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gw = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (pw.status !== 0) return { skipped: `PostgreSQL no corre como root y no existe el usuario postgres. ${HOW}` };
    chownSync(dir, Number(pw.stdout.trim()), Number(gw.stdout.trim()));
  }
  const data = join(dir, 'data');
  const port = await freePort();
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'], true);
  run(
    join(bin, 'pg_ctl'),
    [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      '-w',
      'start',
    ],
    true,
  );
  const stop = () => {
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], true);
    } catch {
      /* already stopped */
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

module.exports = { startTestPostgres, HOW };
