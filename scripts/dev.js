#!/usr/bin/env node
// `npm run dev`: compiles (when a source changed since the last build), starts the bot (anonymous local mode) and
// Microsoft's Agents Playground pointed at it, and prints the address to open. Ctrl+C stops both gracefully (the bot
// finishes its turn and saves the store).
//
//   npm run dev              the playground's UI on http://localhost:56150 (TEAMSAPPTESTER_PORT), no browser opened
//   npm run dev -- --open    also opens the system's browser
//   npm run demo             (= dev --demo) the same on a fresh temporary store filled with the demo reports of
//                            data/demo/reportes-2025.csv (imported with `cli import-reports`), PEI_NOW=2025-07-03
//
// Environment (also read from .env; real variables win): PORT (bot, 3978), PEI_DB_FILE (only from the environment,
// not .env; default data/dev.json, never the real store data/db.json; the demo always uses its own temporary store), PEI_NOW, PEI_ADMINS (default: the
// playground's current user, see .m365agentsplayground.yml), TEAMSAPPTESTER_PORT (56150). Everything else passes
// through to the bot unchanged.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const http = require('node:http');
const net = require('node:net');
const { join } = require('node:path');
const { buildIsStale, compile } = require('./build-state');

const root = join(__dirname, '..');
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    'Uso: npm run dev [-- --open]   o   npm run demo [-- --open]\n' +
      '  Compila (si cambió algo), arranca el bot y el Microsoft 365 Agents Playground, e imprime la dirección que se debe abrir.\n' +
      '  Almacén: PEI_DB_FILE o data/dev.json (nunca data/db.json).\n' +
      '  --demo   (npm run demo) almacén temporal nuevo con los reportes de demostración de data/demo/, PEI_NOW=2025-07-03\n' +
      '  --open   abre además el navegador del sistema\n' +
      '  --como planeacion|responsable|funcionario   el usuario del Playground: Laura Gómez (Planeación, administra;\n' +
      '           por defecto), Andrés Rodríguez (responsable de 4263, 4244 y 8110-M3) o Carolina Martínez (consulta)\n',
  );
  process.exit(0);
}
const openBrowser = args.includes('--open');
const demo = args.includes('--demo');
/** `--como planeacion|responsable|funcionario`: who the Playground's user is (the planning office by default). */
const ROLES = { planeacion: 'user-id-0', responsable: 'user-id-1', funcionario: 'user-id-2' };
const comoAt = args.indexOf('--como');
const como = comoAt >= 0 ? args[comoAt + 1] : undefined;
if (comoAt >= 0 && !(como in ROLES)) {
  process.stderr.write(`--como espera uno de: ${Object.keys(ROLES).join(', ')} (npm run demo -- --help)\n`);
  process.exit(2);
}
const unknown = args.filter((a, i) => a !== '--open' && a !== '--demo' && i !== comoAt && i !== comoAt + 1);
if (unknown.length) {
  process.stderr.write(`Opción desconocida: ${unknown.join(' ')} (npm run dev -- --help)\n`);
  process.exit(2);
}

const posix = process.platform !== 'win32';
// A closed terminal takes our output with it: writing there must not kill the script before it stops the children.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
const write = (stream, text) => {
  try {
    stream.write(text);
  } catch {
    /* the terminal is gone */
  }
};
const say = (msg) => write(process.stdout, `[dev] ${msg}\n`);
const fail = (msg) => write(process.stderr, `[dev] ${msg}\n`);

/** .env values, so that the defaults below do not override what the developer set there (the bot reads it too). */
function dotenvValues() {
  const file = join(root, '.env');
  if (!existsSync(file)) return {};
  try {
    return require('dotenv').parse(readFileSync(file));
  } catch {
    return {};
  }
}
const fileEnv = dotenvValues();
const setting = (name) => {
  const v = process.env[name] ?? fileEnv[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
};

/** The playground's current user (its aadObjectId), read from our own config file without a YAML dependency. */
function playgroundCurrentUser(configFile) {
  try {
    const text = readFileSync(configFile, 'utf8');
    const block = /^currentUser:\s*\n((?:[ \t]+.*\n?)+)/m.exec(text);
    if (!block) return undefined;
    const field = (k) => new RegExp(`^\\s+${k}:\\s*(.+?)\\s*$`, 'm').exec(block[1])?.[1]?.replace(/^["']|["']$/g, '');
    const aad = field('aadObjectId');
    return aad ? { aadObjectId: aad, name: field('name') ?? aad } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Playground's configuration with another of its users as the current one (its current user cannot be changed
 * while it runs): the two users' blocks trade places, in a temporary copy. The planning office stays the admin.
 */
function configAs(configFile, userId, dir) {
  const text = readFileSync(configFile, 'utf8');
  const current = /^currentUser:\n((?:[ \t]+.*\n)+)/m.exec(text);
  const other = new RegExp(`^  - id: ${userId}\\n((?:    .*\\n)+)`, 'm').exec(text);
  if (!current || !other) return configFile;
  const currentFields = current[1].replace(/^ {2}/gm, '');
  const otherFields = `id: ${userId}\n${other[1].replace(/^ {4}/gm, '')}`;
  const out = text
    .replace(current[0], `currentUser:\n${otherFields.replace(/^/gm, '  ').replace(/ +$/, '')}`)
    .replace(other[0], `  - ${currentFields.replace(/^/gm, '    ').trimStart().replace(/ +$/, '')}`);
  const file = join(dir, 'playground.yml');
  writeFileSync(file, out);
  return file;
}

function get(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

async function waitFor(url, what, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} terminó antes de estar listo`);
    if ((await get(url)) === 200) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what} no respondió en ${url} en ${Math.round(timeoutMs / 1000)} s`);
}

/** Prefixes each line of a child's output, so the two logs can be told apart. */
function pipeLines(stream, prefix, out, onLine) {
  let buf = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i).replace(/\r$/, '');
      buf = buf.slice(i + 1);
      if (onLine) onLine(line);
      out.write(`${prefix} ${line}\n`);
    }
  });
  stream.on('end', () => {
    if (buf) out.write(`${prefix} ${buf}\n`);
  });
}

const children = [];
function start(name, file, childArgs, env, onLine) {
  // Own process group on POSIX: Ctrl+C reaches only this script, which forwards one signal to each child
  // (a second SIGINT straight from the terminal would cut the bot's graceful shutdown short).
  const child = spawn(process.execPath, [file, ...childArgs], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: posix,
  });
  pipeLines(child.stdout, `[${name}]`, process.stdout, onLine);
  pipeLines(child.stderr, `[${name}]`, process.stderr, onLine);
  child.name = name;
  child.done = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  children.push(child);
  return child;
}

let stopping = 0;
async function stopAll(exitCode, signal = 'SIGTERM') {
  if (stopping) {
    // npm forwards the terminal's Ctrl+C and the terminal sends it too: one press can arrive twice. A second press
    // (later) means no more waiting.
    if (Date.now() - stopping < 1500) return;
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    process.exit(exitCode || 130);
  }
  stopping = Date.now();
  const alive = children.filter((c) => c.exitCode === null && c.signalCode === null);
  if (alive.length) say('deteniendo el bot y el playground…');
  for (const c of alive) c.kill(signal);
  const timer = setTimeout(() => {
    for (const c of alive) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  }, 10000);
  timer.unref();
  await Promise.all(alive.map((c) => c.done));
  clearTimeout(timer);
  process.exit(exitCode);
}
process.on('SIGINT', () => void stopAll(0, 'SIGINT'));
process.on('SIGTERM', () => void stopAll(0, 'SIGTERM'));
// A closed terminal (SIGHUP) stops everything too: the bot and the Playground run in their own process groups, so
// the hang-up reaches only this script, and nothing it started may outlive it (nor keep the temporary store).
process.on('SIGHUP', () => void stopAll(0, 'SIGTERM'));
let demoDir;
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  if (demoDir) rmSync(demoDir, { recursive: true, force: true });
});

/** The demo's reports: a realistic first semester of 2025 (documented in data/demo/LEEME.md). */
const DEMO_CSV = join(root, 'data', 'demo', 'reportes-2025.csv');
const DEMO_NOW = '2025-07-03';

/** Whether something already listens on a port (on this machine's loopback, where the bot and the Playground listen). */
function portBusy(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', (e) => resolve(e && e.code === 'EADDRINUSE'));
    srv.listen(Number(port), '127.0.0.1', () => srv.close(() => resolve(false)));
  });
}

/** A busy port in one line (which port, what to do), and a non-zero exit: never a stack, never the old process's address. */
async function checkPorts(botPort, pgPort) {
  for (const [port, variable, what] of [
    [botPort, 'PORT', 'del bot'],
    [pgPort, 'TEAMSAPPTESTER_PORT', 'del Playground'],
  ]) {
    if (await portBusy(port)) {
      fail(
        `El puerto ${port} ${what} ya está en uso (¿quedó abierto otro «npm run dev» o «npm run demo»?): ` +
          `ciérrelo, o elija otro puerto con ${variable}=${Number(port) + 1}.`,
      );
      process.exit(3);
    }
  }
}

async function main() {
  await checkPorts(setting('PORT') ?? '3978', process.env.TEAMSAPPTESTER_PORT || '56150');

  // 1. Build: tsc when a source changed since the last build (scripts/build-state.js), else the build as it is.
  if (buildIsStale(join(root, 'dist', 'src', 'main.js'))) {
    say('compilando (tsc)…');
    if (compile('inherit') !== 0) {
      fail('no se pudo compilar el proyecto.');
      process.exit(1);
    }
  } else say('compilación al día (dist/).');
  // The dashboard tab's page script and styles (dist/tab/), served by the bot on /tab/.
  try {
    await require('./build-tab').buildTab();
  } catch (e) {
    fail(`no se pudo compilar el tablero: ${e.message}`);
    process.exit(1);
  }

  // 2. The bot.
  const port = setting('PORT') ?? '3978';
  const baseConfig = process.env.M365_AGENTS_PLAYGROUND_CONFIG_PATH || join(root, '.m365agentsplayground.yml');
  let pgConfig = baseConfig;
  // Never the real store: `npm run dev` keeps its own (data/dev.json), the demo a fresh temporary one, so that
  // neither demo reports nor conversations with a playground that is gone end up in data/db.json.
  // Only a PEI_DB_FILE given in the environment counts here: the one in .env is the real bot's store.
  const explicitDb = process.env.PEI_DB_FILE && process.env.PEI_DB_FILE.trim();
  const env = { ...process.env, PORT: port, PEI_DB_FILE: explicitDb || join('data', 'dev.json') };
  if (demo) {
    demoDir = mkdtempSync(join(tmpdir(), 'pei-demo-'));
    env.PEI_DB_FILE = join(demoDir, 'db.json');
    env.PEI_NOW = setting('PEI_NOW') ?? DEMO_NOW;
    say(
      `demostración: almacén temporal ${env.PEI_DB_FILE}, PEI_NOW=${env.PEI_NOW}; importando ${DEMO_CSV.slice(root.length + 1)}…`,
    );
    const imported = spawnSync(
      process.execPath,
      [join(root, 'dist', 'src', 'cli', 'main.js'), 'import-reports', DEMO_CSV, '--actor', 'Datos de demostración'],
      {
        cwd: root,
        env,
        encoding: 'utf8',
      },
    );
    write(
      process.stdout,
      imported.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => `[demo] ${l}\n`)
        .join(''),
    );
    if (imported.status !== 0) {
      fail(`no se pudieron importar los reportes de demostración:\n${imported.stderr}`);
      process.exit(1);
    }
    // Owners, reports waiting for review, one returned and one late: the planning office's cycle to show.
    const seeded = spawnSync(process.execPath, [join(__dirname, 'demo-seed.js'), env.PEI_DB_FILE], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    if (seeded.status !== 0) {
      fail(`no se pudo preparar el ciclo de revisión de la demostración: ${seeded.stderr.trim()}`);
      process.exit(1);
    }
    write(process.stdout, `[demo] ${seeded.stdout}`);
  }
  let adminNote;
  if (!setting('PEI_ADMINS')) {
    const me = playgroundCurrentUser(baseConfig);
    if (me) {
      env.PEI_ADMINS = me.aadObjectId;
      adminNote = `${me.name} (Planeación) administra el plan (PEI_ADMINS=${me.aadObjectId}).`;
    }
  }
  if (como && ROLES[como] !== 'user-id-0') {
    demoDir ??= mkdtempSync(join(tmpdir(), 'pei-demo-'));
    pgConfig = configAs(baseConfig, ROLES[como], demoDir);
  }
  const user = playgroundCurrentUser(pgConfig);
  say(`arrancando el bot en http://127.0.0.1:${port} (almacén ${env.PEI_DB_FILE})…`);
  const bot = start('bot', join(root, 'dist', 'src', 'main.js'), [], env);
  bot.done.then(({ code, signal }) => {
    if (!stopping) {
      fail(`el bot terminó inesperadamente (${signal ?? `código ${code}`}).`);
      void stopAll(1);
    }
  });
  try {
    await waitFor(`http://127.0.0.1:${port}/healthz`, 'El bot', bot, 60000);
  } catch (e) {
    fail(`${e.message}.`);
    return stopAll(1);
  }

  // 3. The playground, from node_modules (no npx, no network).
  const pgEnv = { ...process.env };
  for (const k of ['PORT']) delete pgEnv[k];
  if (openBrowser) delete pgEnv.TEAMSAPPTESTER_BROWSER;
  else pgEnv.TEAMSAPPTESTER_BROWSER = 'none';
  pgEnv.TEAMSAPPTESTER_PORT = process.env.TEAMSAPPTESTER_PORT || '56150';
  pgEnv.M365_AGENTS_PLAYGROUND_CONFIG_PATH = pgConfig;
  // The simulated user is in Bogotá: the activities carry locale es-CO and the America/Bogota time zone.
  if (!process.env.LC_ALL) pgEnv.LC_ALL = 'es_CO.UTF-8';
  if (!process.env.TZ) pgEnv.TZ = 'America/Bogota';
  const cli = join(require.resolve('@microsoft/m365agentsplayground/package.json'), '..', 'cli.js');
  let pgPort = Number(pgEnv.TEAMSAPPTESTER_PORT);
  const pg = start(
    'playground',
    cli,
    ['-e', `http://127.0.0.1:${port}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', String(pgPort)],
    pgEnv,
    (line) => {
      // It falls back to a random port when the asked one is taken: believe what it says.
      const m = /Listening on (\d+)/.exec(line);
      if (m) pgPort = Number(m[1]);
    },
  );
  pg.done.then(({ code, signal }) => {
    if (!stopping) {
      fail(`el playground terminó inesperadamente (${signal ?? `código ${code}`}).`);
      void stopAll(1);
    }
  });
  const listening = Date.now() + 60000;
  let announced = false;
  while (Date.now() < listening && !announced) {
    if (pg.exitCode !== null) break;
    if ((await get(`http://127.0.0.1:${pgPort}/`)) === 200) announced = true;
    else await new Promise((r) => setTimeout(r, 300));
  }
  if (!announced) {
    fail('el playground no respondió en 60 s.');
    return stopAll(1);
  }

  const url = `http://localhost:${pgPort}`;
  const rule = '='.repeat(64);
  write(
    process.stdout,
    `\n${rule}\n` +
      `  Abra ${url} en su navegador\n` +
      `  Open ${url} in your browser\n` +
      `  Pruebe «¿cómo va el objetivo 5?», «indicador 4263» o «reportar avance»; en el canal\n` +
      `  General de «My Team» mencione al bot: escriba @, elija PEI Bot y siga con «¿cómo va el plan?».\n` +
      `  Tablero PEI (la pestaña): http://localhost:${port}/tab/\n` +
      (adminNote ? `  ${adminNote}\n` : '') +
      (user
        ? `  Usuario del Playground: ${user.name}. Otro usuario: npm run demo -- --como planeacion|responsable|funcionario\n`
        : '') +
      `  Ctrl+C detiene el bot y el playground.\n` +
      `${rule}\n\n`,
  );
}

main().catch((e) => {
  fail(e && e.stack ? e.stack : String(e));
  void stopAll(1);
});
