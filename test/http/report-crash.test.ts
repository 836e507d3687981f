/**
 * A bot process killed with SIGKILL in the middle of a burst of report submits leaves a readable store holding
 * every report whose submit was acknowledged (HTTP 200 from /api/messages after the confirmation went out), once.
 * The child is the real bot (src/main.ts, every file of src/ transpiled into a temp directory beside symlinks to
 * data/, cards/ and node_modules/); the test process plays Teams and the Bot Connector.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { openLowdbStore } from '../../src/store/lowdb-store';
import { loadPlan } from '../../src/plan/load';
import { StandInConnector } from '../helpers/connector';
import { submit, ADMIN } from '../helpers/activities';
import { cardText } from '../helpers/conversation';

const ROOT = path.resolve(__dirname, '../..');
let tmp: string;
let mainJs: string;
let connector: StandInConnector;

function transpileDir(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    if (e.isDirectory()) transpileDir(src, path.join(to, e.name));
    else if (e.name.endsWith('.ts')) {
      const out = ts.transpileModule(fs.readFileSync(src, 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
        fileName: e.name,
      });
      fs.writeFileSync(path.join(to, e.name.replace(/\.ts$/, '.js')), out.outputText);
    }
  }
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pei-report-crash-'));
  transpileDir(path.join(ROOT, 'src'), path.join(tmp, 'dist', 'src'));
  for (const d of ['node_modules', 'data', 'cards']) fs.symlinkSync(path.join(ROOT, d), path.join(tmp, d), 'dir');
  mainJs = path.join(tmp, 'dist', 'src', 'main.js');
  connector = await new StandInConnector().start();
});

afterAll(async () => {
  await connector?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function startChild(dbFile: string): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [mainJs], {
    cwd: tmp,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), PEI_DB_FILE: dbFile, PEI_NOW: '2025-07-03', PEI_ADMINS: 'aad-admin', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bot exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`the bot did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url, stderr: () => stderr };
}

const indicators = loadPlan().objectives.flatMap((o) => o.indicators);
const periods = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07'];

function submitValue(n: number, formId: string) {
  const ind = indicators[n % indicators.length];
  const period = periods[Math.floor(n / indicators.length) % periods.length];
  const target = ind.program[2025] || ind.total;
  return {
    verb: 'report-submit',
    formId,
    lang: 'es',
    indicatorId: ind.id,
    period,
    value: String(Math.round((target / 10) * (1 + (n % 3)) * 1e4) / 1e4).replace('.', ','),
    logros: `Avance de ${period} del indicador ${ind.id} (envío ${n})`,
    dificultades: 'Justificación: ráfaga de prueba antes de un SIGKILL',
    evidencia: `https://intranet.example.gov.co/pei/${ind.id}/${period}`,
  };
}

/** Posts submits from `workers` loops until `killAfter` are acknowledged, then SIGKILLs the bot. */
async function burst(round: number, dbFile: string, killAfter: number, replays: string[]): Promise<{ acked: Set<string>; sent: number }> {
  const bot = await startChild(dbFile);
  const acked = new Set<string>();
  let n = 0;
  let killed = false;
  const exited = new Promise<void>((r) => bot.child.once('exit', () => r()));
  const worker = async () => {
    while (!killed) {
      const i = n++;
      // now and then a replay of a form acknowledged before an earlier kill
      const formId = i % 10 === 9 && replays.length ? replays[i % replays.length] : `crash-${round}-${String(i).padStart(6, '0')}-0000`;
      const conversation = `crash-r${round}-${i}`;
      const activity = submit(connector.url, submitValue(round * 1000 + i, formId), { from: ADMIN, replyToId: `form-${i}` });
      activity.conversation = { ...activity.conversation, id: conversation };
      let status = 0;
      try {
        const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
        await res.text();
        status = res.status;
      } catch {
        status = -1; // the process died under this request: not acknowledged
      }
      if (status !== 200) continue;
      const confirmed = connector.updates().some((u) => u.conversationId === conversation && /Reporte registrado|ya estaba registrado/.test(cardText(u.body?.attachments?.[0]?.content ?? {})));
      if (!confirmed) throw new Error(`200 without a confirmation for ${formId}: ${bot.stderr()}`);
      acked.add(formId);
      if (!killed && acked.size >= killAfter) {
        killed = true;
        bot.child.kill('SIGKILL');
      }
    }
  };
  const timer = setTimeout(() => { killed = true; bot.child.kill('SIGKILL'); }, 30_000);
  await Promise.all(Array.from({ length: 8 }, worker));
  clearTimeout(timer);
  await exited;
  expect(bot.child.signalCode).toBe('SIGKILL');
  return { acked, sent: n };
}

test('SIGKILL mid-burst of submits over HTTP: every acknowledged report is in the store, once', async () => {
  const dbFile = path.join(tmp, 'data-crash', 'db.json');
  const allAcked = new Set<string>();
  const warnings: string[] = [];
  const summary: string[] = [];
  for (let round = 0; round < 3; round++) {
    const killAfter = 40 + Math.floor(Math.random() * 80);
    const { acked, sent } = await burst(round, dbFile, killAfter, [...allAcked].slice(0, 30));
    expect(acked.size).toBeGreaterThanOrEqual(killAfter);
    for (const a of acked) allAcked.add(a);

    const store = await openLowdbStore(dbFile, { onWarning: (m) => warnings.push(m) });
    try {
      const reports = store.reports();
      const bySid = new Map<string, number>();
      for (const r of reports) bySid.set(r.submissionId!, (bySid.get(r.submissionId!) ?? 0) + 1);
      for (const sid of allAcked) expect([sid, bySid.get(sid)]).toEqual([sid, 1]);
      expect([...bySid.values()].every((c) => c === 1)).toBe(true);
      // versions 1..n per (indicator, period), each with its audit entry
      const versions = new Map<string, number[]>();
      for (const r of reports) versions.set(`${r.indicatorId}|${r.period}`, [...(versions.get(`${r.indicatorId}|${r.period}`) ?? []), r.version]);
      for (const v of versions.values()) expect(v).toEqual(v.map((_, i) => i + 1));
      const audited = new Set(store.audit({ target: 'report:' }).map((e) => (e.after as { id: string }).id));
      for (const r of reports) expect(audited.has(r.id)).toBe(true);
      summary.push(`round ${round}: ${sent} sent, ${acked.size} acknowledged before the kill, ${reports.length} stored in all`);
    } finally {
      await store.close();
    }
  }
  // eslint-disable-next-line no-console
  console.log(`report crash test:\n${summary.join('\n')}\nrepairs on reopen: ${warnings.join(' | ') || '(none)'}`);
}, 120_000);
