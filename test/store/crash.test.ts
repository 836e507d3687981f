/**
 * A process killed with SIGKILL in the middle of a burst of submits leaves a readable store holding every report
 * whose submit was acknowledged. The child runs the real lowdb-store code, transpiled from src/store into a temp
 * directory (lowdb is found through NODE_PATH; Node >= 20.19 can require it).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { openLowdbStore } from '../../src/store/lowdb-store';
import { catalog } from '../../src/i18n';

const ROOT = path.resolve(__dirname, '../..');
let tmp: string;
let modulePath: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pei-crash-'));
  // The store and what it imports from the bottom of the house (the domain's records).
  for (const dir of ['store', 'domain']) {
    const srcDir = path.join(ROOT, 'src', dir);
    const out = path.join(tmp, dir);
    fs.mkdirSync(out, { recursive: true });
    for (const f of fs.readdirSync(srcDir).filter((x) => x.endsWith('.ts'))) {
      const js = ts.transpileModule(fs.readFileSync(path.join(srcDir, f), 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
        fileName: f,
      });
      fs.writeFileSync(path.join(out, f.replace(/\.ts$/, '.js')), js.outputText);
    }
  }
  modulePath = path.join(tmp, 'store', 'lowdb-store.js');
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface RunResult {
  acked: Map<string, string>;
  owners: Map<string, string>;
  warnings: string[];
  signal: string | null;
}

function runAndKill(dbFile: string, tag: string, killAfter: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'fixtures/crash-writer.js'), modulePath, dbFile, tag], {
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked = new Map<string, string>();
    const owners = new Map<string, string>();
    const warnings: string[] = [];
    let stderr = '';
    let buf = '';
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const [kind, a, b] = line.split(' ');
        if (kind === 'ack') acked.set(a, b);
        else if (kind === 'owners') owners.set(a, b);
        else if (kind === 'warn') warnings.push(line);
      }
      if (!killed && acked.size >= killAfter) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!killed) reject(new Error(`child exited (code ${code}, signal ${signal}) before the kill: ${stderr}`));
      else resolve({ acked, owners, warnings, signal });
    });
  });
}

test('SIGKILL mid-burst: the store reopens cleanly and holds every acknowledged report', async () => {
  const dbFile = path.join(tmp, 'data', 'db.json');
  const allAcked = new Map<string, string>();
  const allWarnings: string[] = [];
  for (let round = 0; round < 4; round++) {
    const killAfter = 250 + Math.floor(Math.random() * 150);
    const run = await runAndKill(dbFile, `r${round}`, killAfter);
    expect(run.signal).toBe('SIGKILL');
    expect(run.acked.size).toBeGreaterThanOrEqual(killAfter);
    for (const [k, v] of run.acked) allAcked.set(k, v);
    allWarnings.push(...run.warnings);

    // The parent reopens the store after every kill.
    const warnings: string[] = [];
    const store = await openLowdbStore(dbFile, { onWarning: (m) => warnings.push(catalog('es').store.say(m)) });
    allWarnings.push(...warnings);
    const reports = await store.reports();
    const bySid = new Map(reports.map((r) => [r.submissionId, r]));
    for (const [sid, id] of allAcked) {
      expect(bySid.get(sid)?.id).toBe(id);
    }
    // exactly once, versions 1..n per (indicator, period)
    expect(bySid.size).toBe(reports.length);
    expect(new Set(reports.map((r) => r.id)).size).toBe(reports.length);
    const versions = new Map<string, number[]>();
    for (const r of reports) {
      const k = `${r.indicatorId}|${r.period}`;
      versions.set(k, [...(versions.get(k) ?? []), r.version]);
    }
    for (const v of versions.values()) expect(v).toEqual(v.map((_, i) => i + 1));
    // every stored report has its audit entry
    const audited = new Set(
      (await store.audit()).filter((e) => e.action.startsWith('report.')).map((e) => (e.after as { id: string }).id),
    );
    for (const r of reports) expect(audited.has(r.id)).toBe(true);
    // acknowledged owner changes are there
    for (const [ind, owner] of run.owners) {
      const audit = await store.audit({ target: `owner:${ind}` });
      expect(audit.some((e) => (e.after as { id: string }[])[0]?.id === owner)).toBe(true);
    }
    await store.close();
  }
  // eslint-disable-next-line no-console
  console.log(
    `crash test: ${allAcked.size} acknowledged reports over 4 kills; repairs on reopen:\n${allWarnings.join('\n') || '(none)'}`,
  );
}, 90_000);
