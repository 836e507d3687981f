import { spawn, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import AdmZip from 'adm-zip';
import ExcelJS from 'exceljs';
import { runCli } from '../../src/cli/main';
import { openLowdbStore } from '../../src/store/lowdb-store';
import { COMMANDS } from './commands';
import { freshDatabase, query, testPgUrl } from '../helpers/pg';

/**
 * The README's and docs/' commands, spawned exactly as a person types them (a shell runs the documented line in the
 * project, `npm` and all), with PEI_DB_FILE in a temporary folder. They assert what the person sees: the output, the
 * exit code, and the store afterwards. The long-running ones (`npm start`, `npm run dev`, `npm run demo`) are waited
 * for until they answer, then stopped with SIGTERM as a terminal's Ctrl+C would (to the whole process group).
 *
 * All of them share dist/ (npm start and npm run dev rebuild it), so they live in this one file and run in order.
 */

const ROOT = join(__dirname, '..', '..');
const spawnedHere = new Set<string>();

/** The command as documented; fails when the list in commands.ts does not have it as `spawned`. */
function typed(command: string): string {
  const entry = COMMANDS.find((c) => c.command === command);
  if (!entry || entry.how !== 'spawned')
    throw new Error(`«${command}» is not listed as spawned in test/commands/commands.ts`);
  spawnedHere.add(command);
  return command;
}

/** The environment of a person's shell: no npm_* variables from the `npm test` that runs this file. */
function shellEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^npm_|^INIT_CWD$|^JEST_|^NODE_ENV$|^NODE_OPTIONS$/i.test(k)) env[k] = v;
  return { ...env, LOG_LEVEL: 'info', ...extra };
}

function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs a documented command line to its end, like a shell would, from `cwd` (the project's root by default). */
function run(
  line: string,
  env: Record<string, string>,
  cwd = ROOT,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', line], { cwd, env: shellEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

/**
 * A further run of the CLI in a story a typed command started (the same file again, another date, a mistake): the
 * CLI's own entry (src/cli/main.ts runCli) in this process, with the environment the spawned line gets and npm's
 * INIT_CWD (where the person is), so the output and exit code are those the line prints. What npm adds around it
 * (compiling, passing the exit code on) is what the typed runs of each command show; a second spawn would only pay
 * npm's and Node's start again.
 */
async function runInProcess(
  line: string,
  env: Record<string, string>,
  cwd = ROOT,
): Promise<{ code: number | null; out: string; err: string }> {
  const m = /^npm run (?:--silent )?cli -- (.*)$/.exec(line);
  if (!m) throw new Error(`«${line}» is not an \`npm run cli\` line`);
  const full = shellEnv({ ...env, INIT_CWD: cwd });
  const args = [...m[1].matchAll(/"([^"]*)"|(\S+)/g)].map(([, quoted, bare]) =>
    (quoted ?? bare).replace(/\$([A-Z_][A-Z0-9_]*)/g, (_, name: string) => full[name] ?? ''),
  );
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), env: full });
  return { code, out, err };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function httpStatus(url: string): Promise<number> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.text();
    return res.status;
  } catch {
    return 0;
  }
}

interface Running {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM to the whole process group (npm, the shell, the script), as Ctrl+C in a terminal reaches them all. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts a long-running documented command and waits until its output shows `ready` (the line it prints then). */
async function start(line: string, env: Record<string, string>, ready: RegExp, timeoutMs = 150_000): Promise<Running> {
  const child = spawn('/bin/sh', ['-c', line], {
    cwd: ROOT,
    env: shellEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  let onOutput = () => {};
  child.stdout!.on('data', (d) => ((out += d), onOutput()));
  child.stderr!.on('data', (d) => ((out += d), onOutput()));
  // 'close': the shell and every process that shares its output (npm, the script, the bot) are done
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('close', (code, signal) => r({ code, signal })),
  );
  const running: Running = {
    child,
    output: () => out,
    exited,
    async stop() {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const killer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* gone */
        }
      }, 20_000);
      const r = await exited;
      clearTimeout(killer);
      return r;
    },
  };
  // Waits for the event (each chunk of output, or the end), not on a polling interval.
  const outcome = await new Promise<'ready' | 'ended' | 'late'>((resolve) => {
    const timer = setTimeout(() => resolve('late'), timeoutMs);
    const settle = (how: 'ready' | 'ended') => {
      clearTimeout(timer);
      onOutput = () => {};
      resolve(how);
    };
    onOutput = () => ready.test(out) && settle('ready');
    void exited.then(() => settle(ready.test(out) ? 'ready' : 'ended'));
    onOutput();
  });
  if (outcome === 'ended') throw new Error(`«${line}» ended before answering:\n${out}`);
  if (outcome === 'late') {
    await running.stop();
    throw new Error(`«${line}» did not answer in ${timeoutMs / 1000} s:\n${out}`);
  }
  return running;
}

/** Waits until nothing listens on a port any more (a stopped child really stopped). */
async function closed(port: number): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    if ((await httpStatus(`http://127.0.0.1:${port}/`)) === 0) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** data/db.json's state, to show a command left the real store alone. */
function realStoreState(): string {
  const f = join(ROOT, 'data', 'db.json');
  return existsSync(f) ? `${statSync(f).size}:${statSync(f).mtimeMs}` : 'absent';
}

async function storedReports(dbFile: string) {
  const store = await openLowdbStore(dbFile, { readOnly: true });
  try {
    return (await store.reports()).map((r) => ({
      indicatorId: r.indicatorId,
      period: r.period,
      value: r.value,
      source: r.source,
    }));
  } finally {
    await store.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------------

/** The documents whose commands are covered: the README, the developer's guide, and docs/*.md. */
export const DOCUMENTS = [
  join(ROOT, 'README.md'),
  join(ROOT, 'CONTRIBUTING.md'),
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(ROOT, 'docs', f)),
];

/** The command lines README.md, CONTRIBUTING.md and docs/*.md show: fenced code blocks and inline `code` that run npm. */
export function documentedCommands(): { command: string; file: string }[] {
  const files = DOCUMENTS;
  const out: { command: string; file: string }[] = [];
  const add = (line: string, file: string) => {
    const code = line.replace(/\s+#.*$/, '').trim();
    for (const part of code.split('&&').map((p) => p.trim().replace(/\s+/g, ' '))) {
      if (/^([A-Z_][A-Z0-9_]*=\S*\s+)*npm\s/.test(part)) out.push({ command: part, file: relative(ROOT, file) });
    }
  };
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const fences = text.split(/^```/m);
    fences.forEach((chunk, i) => {
      if (i % 2 === 1) for (const line of chunk.split('\n').slice(1)) add(line, file);
      else for (const m of chunk.matchAll(/`([^`\n]+)`/g)) add(m[1], file);
    });
  }
  return out;
}

describe('the documents show only covered commands', () => {
  test('every npm command of README.md, CONTRIBUTING.md and docs/*.md is in test/commands/commands.ts', () => {
    const documented = documentedCommands();
    expect(documented.map((d) => d.command)).toEqual(
      expect.arrayContaining(['npm start', 'npm test', 'npm run cli -- check-plan']),
    );
    const known = new Set(COMMANDS.map((c) => c.command));
    // a template ("ARCHIVO", "AAAA" placeholders) names the spawned command that exercises it
    for (const c of COMMANDS.filter((x) => x.how === 'template')) {
      expect({ template: c.command, by: c.by && COMMANDS.find((x) => x.command === c.by)?.how }).toEqual({
        template: c.command,
        by: 'spawned',
      });
    }
    const missing = documented.filter((d) => !known.has(d.command)).map((d) => `${d.file}: ${d.command}`);
    expect(missing).toEqual([]);
  });

  test('every command of test/commands/commands.ts is still shown by a document (or names a template shown by one)', () => {
    const documented = new Set(documentedCommands().map((d) => d.command));
    const stale = COMMANDS.filter((c) => !documented.has(c.command)).map((c) => c.command);
    expect(stale).toEqual([]);
  });

  test('the README shows the quick start and the demo', () => {
    const readme = documentedCommands()
      .filter((d) => d.file === 'README.md')
      .map((d) => d.command);
    expect(readme).toEqual(expect.arrayContaining(['npm install', 'npm test', 'npm run demo']));
  });

  test('developer commands are scripts of package.json', () => {
    const scripts = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts);
    const missing = COMMANDS.filter(
      (c) => c.how === 'developer' && !scripts.includes(c.command.replace(/^npm run /, '')),
    ).map((c) => c.command);
    expect(missing).toEqual([]);
  });

  test('commands covered by CI are really in .ci/run', () => {
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    for (const c of COMMANDS.filter((x) => x.how === 'ci' || x.how === 'self')) {
      const bare = c.command.replace(/^([A-Z_][A-Z0-9_]*=\S*\s+)+/, '');
      expect({ command: c.command, inCi: ci.includes(bare) }).toEqual({ command: c.command, inCi: true });
    }
  });

  test('nothing in the repository reads or links a path outside it', () => {
    const hits: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (['node_modules', '.git', 'dist', '.test-build', 'build', 'coverage', 'output'].includes(e.name)) continue;
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (
          /\.(ts|js|mjs|cjs|json|md|yml|yaml|txt|csv)$|^run$/.test(e.name) &&
          e.name !== 'package-lock.json' &&
          statSync(p).size < 2_000_000
        ) {
          const text = readFileSync(p, 'utf8');
          if (/\.\.\/shared\b|\/work\/shared\b/.test(text) && p !== __filename) hits.push(relative(ROOT, p));
        }
      }
    };
    walk(ROOT);
    expect(hits).toEqual([]);
  });
});

describe('npm run cli, as typed', () => {
  let dir: string;
  let dbFile: string;
  beforeAll(() => {
    dir = tempDir('pei-cmd-');
    dbFile = join(dir, 'db.json');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('status --json prints the read API JSON (10 objectives, 29 indicators) and exits 0', async () => {
    const r = await run(typed('npm run --silent cli -- status --year 2025 --as-of 2025-06-30 --json'), {
      PEI_DB_FILE: dbFile,
    });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect([s.asOf, s.year]).toEqual(['2025-06-30', 2025]);
    expect(s.objectives).toHaveLength(10);
    expect(s.objectives.flatMap((o: { indicators: unknown[] }) => o.indicators)).toHaveLength(29);
    expect(existsSync(dbFile)).toBe(false); // reading never creates the store
  }, 180_000);

  test('check-plan lists the known findings of the source and exits 0 (what .ci/run runs)', async () => {
    const silent = await run(typed('npm run --silent cli -- check-plan'), { PEI_DB_FILE: dbFile });
    expect(silent.code).toBe(0);
    expect(silent.out).toContain('[conocido] meta-quantity 4075');
    expect(silent.out).toContain('Resultado: solo hallazgos conocidos de la fuente (semilla).');
    const plain = await run(typed('npm run cli -- check-plan'), { PEI_DB_FILE: dbFile });
    expect(plain.code).toBe(0);
    expect(plain.out).toContain('Resultado: solo hallazgos conocidos de la fuente (semilla).');
  }, 60_000);

  test('import-reports with a good CSV stores its rows; status then shows them', async () => {
    // typed from a folder inside the project: the file name is relative to where the person is
    const here = mkdtempSync(join(ROOT, '.test-build', 'cli-'));
    try {
      writeFileSync(
        join(here, 'reportes.csv'),
        'indicator,period,value,logros,dificultades,evidencia,reported_by\n' +
          '4263,2025-06,"0,3",Se publicó la versión 1 del portal,,https://intranet.example/4263/2025-06,ana.perez@secretariageneral.example\n' +
          '4236,2025-05,1,Nodo digital de Kennedy fortalecido,,https://intranet.example/4236/2025-05,diego.moreno@secretariageneral.example\n',
      );
      const r = await run(
        typed('npm run cli -- import-reports reportes.csv'),
        { PEI_DB_FILE: dbFile, PEI_NOW: '2025-07-03' },
        here,
      );
      expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
      expect(r.out).toContain(`2 reportes importados, 0 ya existían (${dbFile}).`);
      expect(await storedReports(dbFile)).toEqual([
        { indicatorId: '4263', period: '2025-06', value: 0.3, source: 'csv' },
        { indicatorId: '4236', period: '2025-05', value: 1, source: 'csv' },
      ]);
      // the same file again stores nothing new
      const again = await runInProcess(
        'npm run cli -- import-reports reportes.csv',
        { PEI_DB_FILE: dbFile, PEI_NOW: '2025-07-03' },
        here,
      );
      expect({ code: again.code, err: again.err }).toEqual({ code: 0, err: '' });
      expect(again.out).toContain('Este archivo ya se había importado: no se guardó nada nuevo.');
      expect(await storedReports(dbFile)).toHaveLength(2);

      const table = await run(typed('npm run cli -- status'), { PEI_DB_FILE: dbFile, PEI_NOW: '2025-07-03' });
      expect(table.code).toBe(0);
      expect(table.out).toContain('vigencia 2025, corte 2025-07-03 (6 meses cerrados)');
      expect(table.out).toMatch(/4263 .*75,0 %/);
    } finally {
      rmSync(here, { recursive: true, force: true });
    }
  }, 90_000);

  // The README's PostgreSQL commands, against the run's own server (test/global-setup.js); skipped, said, without one.
  (testPgUrl ? test : test.skip)(
    'migrate-store copies the store into PostgreSQL once; status then reads the same figures from it',
    async () => {
      const url = await freshDatabase();
      const here = mkdtempSync(join(ROOT, '.test-build', 'cli-'));
      try {
        mkdirSync(join(here, 'data'));
        for (const f of readdirSync(dirname(dbFile)).filter((f) => f.startsWith('db.')))
          copyFileSync(join(dirname(dbFile), f), join(here, 'data', f));
        const line = typed('npm run cli -- migrate-store --from data/db.json --to "$PEI_DATABASE_URL"');
        const r = await run(line, { PEI_DATABASE_URL: url }, here);
        expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
        expect(r.out).toMatch(
          /Copiado de .*data\/db\.json a postgres:\/\/.*: 2 versiones de reportes, 2 entradas de auditoría/,
        );
        const rows = await query<{ indicator_id: string; period: string }>(
          url,
          'SELECT indicator_id, period FROM pei_reports ORDER BY ord',
        );
        expect(rows).toEqual([
          { indicator_id: '4263', period: '2025-06' },
          { indicator_id: '4236', period: '2025-05' },
        ]);
        // the same pair again: nothing changes, exit 0
        const again = await runInProcess(line, { PEI_DATABASE_URL: url }, here);
        expect({ code: again.code, err: again.err }).toEqual({ code: 0, err: '' });
        expect(again.out).toContain('no se cambió nada');
        expect(await query(url, 'SELECT count(*)::int AS n FROM pei_audit')).toEqual([{ n: 2 }]);
        // status against either store: the same JSON
        const fromFile = await run(typed('npm run --silent cli -- status --year 2025 --as-of 2025-06-30 --json'), {
          PEI_DB_FILE: dbFile,
        });
        const fromPg = await runInProcess('npm run --silent cli -- status --year 2025 --as-of 2025-06-30 --json', {
          PEI_DATABASE_URL: url,
          PEI_DB_FILE: join(here, 'none.json'),
        });
        expect({ code: fromPg.code, err: fromPg.err }).toEqual({ code: 0, err: '' });
        expect(JSON.parse(fromPg.out)).toEqual(JSON.parse(fromFile.out));
        expect(
          JSON.parse(fromPg.out)
            .objectives.flatMap((o: any) => o.indicators)
            .find((i: any) => i.id === '4263').executed,
        ).toBe(0.3);
      } finally {
        rmSync(here, { recursive: true, force: true });
      }
    },
    90_000,
  );

  test('export writes the quarterly workbook where the person is, with the figures of the store', async () => {
    const here = mkdtempSync(join(ROOT, '.test-build', 'cli-'));
    try {
      const r = await run(
        typed('npm run cli -- export --year 2025 --quarter 2 --out seguimiento-T2.xlsx'),
        { PEI_DB_FILE: dbFile, PEI_NOW: '2025-07-03' },
        here,
      );
      expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
      expect(r.out).toMatch(/Seguimiento T2 2025 \(corte 2025-06-30\) escrito en seguimiento-T2\.xlsx/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(here, 'seguimiento-T2.xlsx'));
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Indicadores', 'Resumen', 'Hallazgos del plan']);
      // the row of 4263 holds the imported June report's figure: 0,3 executed, 75 % of the year's target
      const ws = wb.getWorksheet('Indicadores')!;
      let row4263: unknown[] | undefined;
      ws.eachRow((row) => {
        const values = (row.values as unknown[]).slice(1);
        if (values.includes('4263')) row4263 = values;
      });
      expect(row4263).toBeDefined();
      expect(row4263).toEqual(expect.arrayContaining([0.3, 0.75]));
      // a quarter that has not started: exit 1, a message, no file
      const early = await runInProcess(
        'npm run --silent cli -- export --year 2025 --quarter 4 --out t4.xlsx',
        { PEI_DB_FILE: dbFile, PEI_NOW: '2025-07-03' },
        here,
      );
      expect(early.code).toBe(1);
      expect(early.err).not.toBe('');
      expect(existsSync(join(here, 't4.xlsx'))).toBe(false);
    } finally {
      rmSync(here, { recursive: true, force: true });
    }
  }, 90_000);

  test('import-reports with a bad CSV names its line numbers, exits non-zero and stores nothing', async () => {
    const here = mkdtempSync(join(ROOT, '.test-build', 'cli-'));
    const before = await storedReports(dbFile);
    try {
      writeFileSync(
        join(here, 'archivo.csv'),
        'indicator,period,value,logros,dificultades,evidencia,reported_by\n' +
          '4267,2025-06,1,Canales fortalecidos,,https://intranet.example/4267,andres.rodriguez@secretariageneral.example\n' +
          '9999,2025-06,1,Indicador que no está en el plan,,https://intranet.example/9999,andres.rodriguez@secretariageneral.example\n' +
          '4267,junio,1,Periodo mal escrito,,https://intranet.example/4267,andres.rodriguez@secretariageneral.example\n',
      );
      const r = await run(
        typed('npm run cli -- import-reports archivo.csv'),
        { PEI_DB_FILE: dbFile, PEI_NOW: '2025-07-03' },
        here,
      );
      expect(r.code).toBe(1);
      expect(r.err).toContain('No se importó nada: hay 2 errores en 2 filas en archivo.csv.');
      expect(r.err).toMatch(/línea 3: .*9999/);
      expect(r.err).toMatch(/línea 4: /);
      expect(r.err).not.toMatch(/línea 2:/);
      expect(await storedReports(dbFile)).toEqual(before);
      // a file that is not there
      const none = await runInProcess(
        'npm run --silent cli -- import-reports no-existe.csv',
        { PEI_DB_FILE: dbFile },
        here,
      );
      expect(none.code).toBe(1);
      expect(none.err).toContain('No existe el archivo no-existe.csv.');
    } finally {
      rmSync(here, { recursive: true, force: true });
    }
  }, 60_000);

  test('plan export, a reprogrammed target imported with its act and effective date, plan versions; a broken workbook refused row by row', async () => {
    const here = mkdtempSync(join(ROOT, '.test-build', 'plan-'));
    const db = join(here, 'db.json');
    const env = { PEI_DB_FILE: db, PEI_NOW: '2025-10-01' };
    try {
      // 4263 (Creciente, no baseline): 0,3 reached in August 2025
      const seed = await openLowdbStore(db);
      await seed.appendReport(
        {
          indicatorId: '4263',
          period: '2025-08',
          value: 0.3,
          logros: 'Portal en pruebas',
          dificultades: '',
          evidencia: 'https://x.example/e',
        },
        { id: 'aad-ana', name: 'Ana Gómez', email: 'ana@example.gov.co' },
        { source: 'teams', at: '2025-09-03T10:00:00-05:00' },
      );
      await seed.setOwners(
        '4263',
        [{ id: 'aad-ana', name: 'Ana Gómez', email: 'ana@example.gov.co' }],
        { id: 'cli', name: 'cli' },
        '2025-09-03T10:00:00-05:00',
      );
      await seed.close();
      const status = async (asOf: string) => {
        const r = await runInProcess(`npm run --silent cli -- status --year 2025 --as-of ${asOf} --json`, env, here);
        expect(r.code).toBe(0);
        return JSON.parse(r.out);
      };
      const of4263 = (s: any) => s.objectives[4].indicators.find((i: any) => i.id === '4263');
      const augustBefore = await status('2025-08-31');

      // export: the plan in force, one row per indicator, a header cell per year, the owner's e-mail
      const ex = await run(typed('npm run cli -- plan export --out plan.xlsx'), env, here);
      expect({ code: ex.code, err: ex.err }).toEqual({ code: 0, err: '' });
      expect(ex.out).toContain('Plan (versión 1, vigente desde el 2024-01-01) escrito en plan.xlsx: 29 indicadores.');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(here, 'plan.xlsx'));
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Plan', 'Objetivos', 'Indicadores', 'Léame']);
      const ws = wb.getWorksheet('Indicadores')!;
      const header = (ws.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(
        expect.arrayContaining([
          'id',
          'objetivo',
          'tendencia',
          'ponderacion',
          'linea_base',
          '2024',
          '2025',
          '2026',
          '2027',
          'correo_responsable',
        ]),
      );
      const col = (h: string) => header.indexOf(h) + 1;
      const ids: unknown[] = [];
      ws.eachRow((row, n) => n > 1 && row.getCell(1).value && ids.push(row.getCell(1).value));
      expect(ids).toHaveLength(29);
      let row4263 = 0;
      ws.eachRow((row, n) => {
        if (row.getCell(1).value === '4263') row4263 = n;
      });
      const cell = (h: string, r = row4263) => ws.getCell(r, col(h));
      expect([
        cell('2025').value,
        cell('tendencia').value,
        cell('ponderacion').value,
        cell('correo_responsable').value,
      ]).toEqual([0.4, 'Creciente', 0.5, 'ana@example.gov.co']);
      expect(cell('ponderacion').numFmt).toContain('%');
      expect(cell('tendencia').dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"Suma,Creciente,Constante,Decreciente"'],
      });

      // the office raises 4263's 2025 target from 0,4 to 0,5 and imports it, citing the resolution, from 1 September
      cell('2025').value = 0.5;
      await wb.xlsx.writeFile(join(here, 'plan.xlsx'));
      const im = await run(
        typed('npm run cli -- plan import plan.xlsx --reason "Resolución 45 de 2025" --effective 2025-09-01'),
        env,
        here,
      );
      expect({ code: im.code, err: im.err }).toEqual({ code: 0, err: '' });
      expect(im.out).toContain('1 cambio:\n  · 4263: meta 2025 reprogramada 0,4 → 0,5');
      expect(im.out).toMatch(
        /Guardada la versión 2 del plan, vigente desde el 2025-09-01 \(Resolución 45 de 2025\), importada por Línea de comandos/,
      );
      expect(im.out).toContain('cambian las cifras con corte desde el 2025-09-01');

      // the same workbook again: nothing stored, and it says so
      const again = await runInProcess(
        'npm run --silent cli -- plan import plan.xlsx --reason "Resolución 45 de 2025" --effective 2025-09-01',
        env,
        here,
      );
      expect(again.code).toBe(0);
      expect(again.out).toContain(
        'El libro no cambia nada frente a la versión 2 del plan: no se guardó ninguna versión nueva.',
      );

      // figures as of 31 August read as they did; as of 31 December they use 0,5
      const august = await status('2025-08-31');
      expect(august).toEqual(augustBefore);
      expect(august.plan).toMatchObject({ version: 1, versionEffective: '2024-01-01' });
      expect(of4263(august)).toMatchObject({ program: { '2025': 0.4 }, executed: 0.3, progress: 0.75 });
      expect(of4263(august)).not.toHaveProperty('previousTarget');
      const december = await status('2025-12-31');
      expect(december.plan).toMatchObject({ version: 2, versionEffective: '2025-09-01' });
      expect(of4263(december)).toMatchObject({
        program: { '2025': 0.5 },
        executed: 0.3,
        progress: 0.6,
        previousTarget: 0.4,
      });

      // the versions, in words and as JSON
      const vs = await run(typed('npm run cli -- plan versions'), env, here);
      expect(vs.code).toBe(0);
      expect(vs.out).toContain('Versión 1 · vigente desde el 2024-01-01 · el plan como se cargó de la fuente');
      expect(vs.out).toMatch(
        /Versión 2 · vigente desde el 2025-09-01 · Resolución 45 de 2025 · Línea de comandos \(.+\) · 2025-10-01 \(vigente hoy\)\n {2}· 4263: meta 2025 reprogramada 0,4 → 0,5/,
      );
      const json = await runInProcess('npm run --silent cli -- plan versions --json', env, here);
      const list = JSON.parse(json.out);
      expect(list.map((v: any) => [v.version, v.effective, v.reason])).toEqual([
        [1, '2024-01-01', null],
        [2, '2025-09-01', 'Resolución 45 de 2025'],
      ]);
      expect(list[1].changes).toEqual([{ kind: 'target', indicatorId: '4263', year: 2025, from: 0.4, to: 0.5 }]);

      // a broken workbook: every problem with its sheet and row, exit 1, nothing stored
      const audit = async () => {
        const s = await openLowdbStore(db, { readOnly: true });
        try {
          return [(await s.planVersions()).length, await s.auditCount()];
        } finally {
          await s.close();
        }
      };
      const stored = await audit();
      let row4236 = 0;
      ws.eachRow((row, n) => {
        if (row.getCell(1).value === '4236') row4236 = n;
      });
      cell('tendencia', row4236).value = 'Subiendo';
      cell('2026', row4236).value = null;
      cell('ponderacion', row4263).value = 0.7; // objective 5's weights now add to 120 %
      cell('2025').value = 0.6;
      await wb.xlsx.writeFile(join(here, 'roto.xlsx'));
      const bad = await runInProcess(
        'npm run --silent cli -- plan import roto.xlsx --reason "Resolución 50 de 2025"',
        env,
        here,
      );
      expect(bad.code).toBe(1);
      expect(bad.out).toBe('');
      expect(bad.err).toContain('No se importó nada: 2 problemas en roto.xlsx.');
      expect(bad.err).toContain(
        `✗ Hoja «Indicadores», fila ${row4236}: tendencia desconocida «Subiendo»: use Suma, Creciente, Constante o Decreciente`,
      );
      expect(bad.err).toContain(`✗ Hoja «Indicadores», fila ${row4236}: falta la meta de 2026`);
      expect(await audit()).toEqual(stored);
      cell('tendencia', row4236).value = 'Suma';
      cell('2026', row4236).value = 1;
      await wb.xlsx.writeFile(join(here, 'roto.xlsx'));
      const weights = await runInProcess(
        'npm run --silent cli -- plan import roto.xlsx --reason "Resolución 50 de 2025"',
        env,
        here,
      );
      expect(weights.code).toBe(1);
      expect(weights.err).toMatch(
        /✗ Hoja «Indicadores», fila \d+: las ponderaciones del objetivo 5 suman 120 %, no 100 %/,
      );
      expect(await audit()).toEqual(stored);
      // no reason: a usage error
      const noReason = await runInProcess('npm run --silent cli -- plan import plan.xlsx', env, here);
      expect(noReason.code).toBe(2);
      expect(noReason.err).toContain('Falta --reason');
    } finally {
      rmSync(here, { recursive: true, force: true });
    }
  }, 180_000);

  test('usage errors exit 2 with the usage in Spanish', async () => {
    const r = await run('npm run --silent cli -- reportar', { PEI_DB_FILE: dbFile });
    expect(r.code).toBe(2);
    expect(r.err).toContain('Comando desconocido: reportar');
    expect(r.err).toContain('Uso: npm run cli -- <comando>');
  }, 30_000);
});

describe('npm run package, as typed', () => {
  test.each([
    [
      'npm run package -- --env dev',
      'dev',
      {
        TEAMS_APP_ID: '4f1e2d3c-5b6a-4789-8a9b-0c1d2e3f4a5b',
        BOT_ID: '9a8b7c6d-5e4f-4321-9abc-def012345678',
        BOT_ENDPOINT: 'https://pei-bot.example.gov.co',
        PEI_MCP_AUTH_REFERENCE_ID: 'ref-dev',
      },
    ],
    ['npm run package -- --env playground', 'playground', {}],
    [
      'npm run package',
      'local',
      {
        TEAMS_APP_ID: '1b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a6b',
        BOT_ID: '2c3d4e5f-6a7b-4829-8b0c-2d3e4f5a6b7c',
        BOT_ENDPOINT: 'https://pei-local.example.gov.co',
        PEI_MCP_AUTH_REFERENCE_ID: 'ref-local',
      },
    ],
  ])(
    '%s writes a valid app package zip',
    async (line, env, vars) => {
      const zip = join(ROOT, 'build', 'appPackage', `appPackage.${env}.zip`);
      rmSync(zip, { force: true });
      const r = await run(typed(line), vars as Record<string, string>);
      expect(r.code).toBe(0);
      expect(existsSync(zip)).toBe(true);
      const entries = new AdmZip(zip).getEntries().map((e) => e.entryName);
      expect(entries).toEqual(
        expect.arrayContaining([
          'manifest.json',
          'color.png',
          'outline.png',
          'declarativeAgent.json',
          'pei-plugin.json',
        ]),
      );
      const manifest = JSON.parse(new AdmZip(zip).readAsText('manifest.json'));
      if (env !== 'playground') expect(manifest.id).toBe((vars as Record<string, string>).TEAMS_APP_ID);
      else expect(manifest.id).toBe('7c1a5b9e-4f0d-4e2a-9b3c-2d6e8f0a1b2c');
    },
    60_000,
  );
});

describe('long-running commands, as typed', () => {
  test('npm start: builds, answers /healthz with no DeprecationWarning, stops cleanly on SIGTERM', async () => {
    const dir = tempDir('pei-start-');
    const port = await freePort();
    const real = realStoreState();
    const bot = await start(
      typed('npm start'),
      { PORT: String(port), PEI_DB_FILE: join(dir, 'db.json') },
      new RegExp(`PEI Bot escuchando en http://127\\.0\\.0\\.1:${port}/`),
    );
    try {
      const health = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.json());
      expect(health).toEqual({ status: 'ok' });
      expect(bot.output()).toContain(`PEI Bot escuchando en http://127.0.0.1:${port}/api/messages (solo esta máquina`);
      expect(bot.output()).not.toMatch(/DeprecationWarning|DEP0\d+/);
    } finally {
      await bot.stop();
    }
    expect(bot.output()).toContain('Detenido.');
    expect(existsSync(join(dir, 'db.json'))).toBe(true);
    expect(realStoreState()).toBe(real);
    rmSync(dir, { recursive: true, force: true });
  }, 200_000);

  async function devLike(line: string, env: Record<string, string>) {
    const port = await freePort();
    const pgPort = await freePort();
    const real = realStoreState();
    const running = await start(
      line,
      { PORT: String(port), TEAMSAPPTESTER_PORT: String(pgPort), ...env },
      new RegExp(`Abra http://localhost:${pgPort}`),
    );
    return { port, pgPort, real, running };
  }

  test('npm run dev: the bot and the Playground answer, on data/dev.json or PEI_DB_FILE, never data/db.json', async () => {
    const dir = tempDir('pei-dev-');
    const { port, pgPort, real, running } = await devLike(typed('npm run dev'), { PEI_DB_FILE: join(dir, 'dev.json') });
    try {
      expect(await httpStatus(`http://127.0.0.1:${port}/healthz`)).toBe(200);
      expect(await httpStatus(`http://127.0.0.1:${pgPort}/`)).toBe(200);
      expect(running.output()).toContain(`(almacén ${join(dir, 'dev.json')})`);
      expect(running.output()).not.toMatch(/DeprecationWarning|DEP0\d+/);
      // `npm start` built dist/ just before and no source changed since: no tsc again
      expect(running.output()).toContain('[dev] compilación al día (dist/).');
    } finally {
      await running.stop();
    }
    expect(await closed(port)).toBe(true);
    expect(await closed(pgPort)).toBe(true);
    expect(realStoreState()).toBe(real);
    rmSync(dir, { recursive: true, force: true });
  }, 200_000);

  test('PEI_NOW=2025-07-03 npm run dev: without PEI_DB_FILE the store is data/dev.json, and the bot lives on 3 July 2025', async () => {
    const token = 'token-de-prueba-dev';
    const { port, pgPort, real, running } = await devLike(typed('PEI_NOW=2025-07-03 npm run dev'), {
      PEI_API_TOKEN: token,
    });
    try {
      expect(running.output()).toContain(`(almacén ${join('data', 'dev.json')})`);
      const status = await fetch(`http://127.0.0.1:${port}/api/v1/status`, {
        headers: { Authorization: `Bearer ${token}` },
      }).then((r) => r.json());
      expect([status.asOf, status.year]).toEqual(['2025-07-03', 2025]);
      expect(await httpStatus(`http://127.0.0.1:${pgPort}/`)).toBe(200);
    } finally {
      await running.stop();
    }
    expect(realStoreState()).toBe(real);
  }, 200_000);

  test('npm run dev -- --open: also opens the browser at the Playground', async () => {
    // The person's browser, stood in by a script that writes down the address it was asked to open.
    const dir = tempDir('pei-open-');
    const opened = join(dir, 'opened.txt');
    const fake = join(dir, 'bin');
    mkdirSync(fake);
    for (const name of ['xdg-open', 'browser']) {
      writeFileSync(join(fake, name), `#!/bin/sh\necho "$@" >> "${opened}"\n`);
      chmodSync(join(fake, name), 0o755);
    }
    const { pgPort, running } = await devLike(typed('npm run dev -- --open'), {
      PEI_DB_FILE: join(dir, 'dev.json'),
      PATH: `${fake}:${process.env.PATH}`,
      BROWSER: join(fake, 'browser'),
      DISPLAY: ':0',
    });
    try {
      for (let i = 0; i < 50 && !existsSync(opened); i++) await new Promise((r) => setTimeout(r, 200));
      expect(readFileSync(opened, 'utf8')).toContain(`http://localhost:${pgPort}`);
    } finally {
      await running.stop();
    }
    rmSync(dir, { recursive: true, force: true });
  }, 200_000);

  test("npm run demo: a temporary store with the demo reports; objective 5 shows the README screenshot's figures", async () => {
    const token = 'token-de-prueba-demo';
    const { port, pgPort, real, running } = await devLike(typed('npm run demo'), { PEI_API_TOKEN: token });
    let demoStore = '';
    try {
      const out = running.output();
      expect(out).toContain('32 reportes importados, 0 ya existían');
      demoStore = /almacén temporal (\S+db\.json)/.exec(out)![1];
      expect(demoStore.startsWith(tmpdir())).toBe(true);
      expect(await httpStatus(`http://127.0.0.1:${pgPort}/`)).toBe(200);
      const status = await fetch(`http://127.0.0.1:${port}/api/v1/status`, {
        headers: { Authorization: `Bearer ${token}` },
      }).then((r) => r.json());
      expect(status.asOf).toBe('2025-07-03');
      const o5 = status.objectives.find((o: { number: number }) => o.number === 5);
      // the screenshot in the README: 39,2 % annual, 72,9 % expected, 30,8 % four-year, amarillo
      expect(
        [o5.progress, o5.expected, o5.cumulative, o5.status].map((x: number | string) =>
          typeof x === 'number' ? Math.round(x * 1000) / 10 : x,
        ),
      ).toEqual([39.2, 72.9, 30.8, 'amarillo']);
      expect(o5.indicators.map((i: { id: string; executed: number | null }) => [i.id, i.executed])).toEqual([
        ['4263', null],
        ['4267', 1],
        ['8129-M4', 0.9],
      ]);
    } finally {
      await running.stop();
    }
    expect(realStoreState()).toBe(real);
    // the temporary store goes with the demo (once the script has stopped the bot, a moment after npm is gone)
    for (let i = 0; i < 100 && existsSync(demoStore); i++) await new Promise((r) => setTimeout(r, 200));
    expect(existsSync(demoStore)).toBe(false);
  }, 200_000);

  /**
   * The demo's children still alive: the bot (its environment holds the temporary store's path) and the Playground
   * (its command line holds its port).
   */
  function demoChildren(demoStore: string, pgPort: number): number[] {
    const out: number[] = [];
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0');
        const isNode = cmd.some((a) => a.endsWith('main.js') || a.endsWith('cli.js'));
        if (!isNode) continue;
        const env = readFileSync(`/proc/${pid}/environ`, 'latin1');
        if (
          env.includes(demoStore) ||
          (cmd.some((a) => a.includes('m365agentsplayground')) && cmd.includes(String(pgPort)))
        )
          out.push(Number(pid));
      } catch {
        /* gone, or another user's */
      }
    }
    return out;
  }

  test('a closed terminal (SIGHUP) stops the bot and the Playground: their ports free, the temporary store gone', async () => {
    const { port, pgPort, running } = await devLike(typed('npm run demo -- --como responsable'), {});
    const demoStore = /almacén temporal (\S+db\.json)/.exec(running.output())![1];
    // the Playground's user is the owner; the planning office's cycle is there to see
    const config = await fetch(`http://127.0.0.1:${pgPort}/_internal/v1/config`).then((r) => r.json());
    expect(config.config.currentUser.name).toBe('Andrés Rodríguez');
    expect(running.output()).toContain(
      'Responsables asignados a 28 indicadores; 3 reportes de Andrés Rodríguez: 2 por revisar (1 tarde), 1 devuelto.',
    );
    expect(running.output()).toContain('Usuario del Playground: Andrés Rodríguez.');
    expect(demoChildren(demoStore, pgPort)).toHaveLength(2); // the bot and the Playground
    // the terminal hangs up: SIGHUP to its process group (the shell, npm and the script; the children have their own)
    process.kill(-running.child.pid!, 'SIGHUP');
    await running.exited;
    expect(await closed(port)).toBe(true);
    expect(await closed(pgPort)).toBe(true);
    for (let i = 0; i < 100 && demoChildren(demoStore, pgPort).length; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(demoChildren(demoStore, pgPort)).toEqual([]);
    expect(existsSync(demoStore)).toBe(false);
    expect(running.output()).toContain('deteniendo el bot y el playground');
  }, 200_000);

  test('a busy port is explained in one line, with a non-zero exit code and no stack', async () => {
    for (const variable of ['PORT', 'TEAMSAPPTESTER_PORT']) {
      const taken = createServer();
      const busy = await new Promise<number>((resolve) =>
        taken.listen(0, '127.0.0.1', () => resolve((taken.address() as { port: number }).port)),
      );
      try {
        const free = String(await freePort());
        const r = await run(typed('npm run demo'), { PORT: free, TEAMSAPPTESTER_PORT: free, [variable]: String(busy) });
        expect(r.code).not.toBe(0);
        const lines = r.err.split('\n').filter((l) => l.trim());
        expect(lines).toEqual([
          `[dev] El puerto ${busy} ${variable === 'PORT' ? 'del bot' : 'del Playground'} ya está en uso (¿quedó abierto otro «npm run dev» o «npm run demo»?): ciérrelo, o elija otro puerto con ${variable}=${busy + 1}.`,
        ]);
        expect(r.out + r.err).not.toMatch(/EADDRINUSE|\n\s+at /);
        expect(r.out).not.toContain('almacén temporal'); // nothing was started
      } finally {
        await new Promise((r) => taken.close(r));
      }
    }
  }, 60_000);
});

describe('coverage of the list', () => {
  test('every command listed as spawned was spawned by this file', () => {
    // without a PostgreSQL server (the run said so at its start; a failure under CI=true) its commands are not run
    const needsPg = (c: { command: string }) => c.command.includes('$PEI_DATABASE_URL');
    const notSpawned = COMMANDS.filter(
      (c) => c.how === 'spawned' && !spawnedHere.has(c.command) && (testPgUrl || !needsPg(c)),
    ).map((c) => c.command);
    expect(notSpawned).toEqual([]);
  });
});
