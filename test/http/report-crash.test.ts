/**
 * A bot process killed with SIGKILL in the middle of a burst of report submits leaves a readable store holding
 * every report whose submit was acknowledged (HTTP 200 from /api/messages after the confirmation went out), once.
 * The child is the real bot (`node .test-build/src/main.js`, built by test/global-setup.js); the test process plays
 * Teams and the Bot Connector.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openLowdbStore } from '../../src/store/lowdb-store';
import { catalog } from '../../src/i18n';
import { burstSubmitValue } from '../helpers/reports';
import { StandInConnector } from '../helpers/connector';
import { submit, ADMIN } from '../helpers/activities';
import { cardText } from '../helpers/conversation';
import { freePort, spawnBot, type ChildBot } from '../helpers/child';

let tmp: string;
let connector: StandInConnector;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pei-report-crash-'));
  connector = await new StandInConnector().start();
});

afterAll(async () => {
  await connector?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function startChild(dbFile: string): Promise<ChildBot> {
  return spawnBot(
    {
      PEI_DB_FILE: dbFile,
      PEI_NOW: '2025-07-03',
      PEI_ADMINS: 'aad-admin',
      LOG_LEVEL: 'error',
      BOT_ID: '',
      PEI_API_TOKEN: '',
    },
    await freePort(),
  );
}

const periods = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07'];
const submitValue = (n: number, formId: string) =>
  burstSubmitValue(n, formId, periods, 'Justificación: ráfaga de prueba antes de un SIGKILL');

/** Posts submits from `workers` loops until `killAfter` are acknowledged, then SIGKILLs the bot. */
async function burst(
  round: number,
  dbFile: string,
  killAfter: number,
  replays: string[],
): Promise<{ acked: Set<string>; sent: number }> {
  const bot = await startChild(dbFile);
  const acked = new Set<string>();
  let n = 0;
  let killed = false;
  const exited = new Promise<void>((r) => bot.proc.once('exit', () => r()));
  const worker = async () => {
    while (!killed) {
      const i = n++;
      // now and then a replay of a form acknowledged before an earlier kill
      const formId =
        i % 10 === 9 && replays.length
          ? replays[i % replays.length]
          : `crash-${round}-${String(i).padStart(6, '0')}-0000`;
      const conversation = `crash-r${round}-${i}`;
      const activity = submit(connector.url, submitValue(round * 1000 + i, formId), {
        from: ADMIN,
        replyToId: `form-${i}`,
      });
      activity.conversation = { ...activity.conversation, id: conversation };
      let status = 0;
      try {
        const res = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(activity),
        });
        await res.text();
        status = res.status;
      } catch {
        status = -1; // the process died under this request: not acknowledged
      }
      if (status !== 200) continue;
      const confirmed = connector
        .updates()
        .some(
          (u) =>
            u.conversationId === conversation &&
            /Reporte registrado|Corrección registrada|ya estaba registrado/.test(
              cardText(u.body?.attachments?.[0]?.content ?? {}),
            ),
        );
      if (!confirmed) {
        const got = connector.received
          .filter((r) => r.conversationId === conversation)
          .map((r) => `${r.method} ${cardText(r.body?.attachments?.[0]?.content ?? {}) || r.body?.text}`);
        throw new Error(`200 without a confirmation for ${formId}: ${got.join('\n')} ${bot.output()}`);
      }
      acked.add(formId);
      if (!killed && acked.size >= killAfter) {
        killed = true;
        bot.proc.kill('SIGKILL');
      }
    }
  };
  const timer = setTimeout(() => {
    killed = true;
    bot.proc.kill('SIGKILL');
  }, 30_000);
  try {
    await Promise.all(Array.from({ length: 8 }, worker));
  } finally {
    clearTimeout(timer);
    killed = true;
    bot.proc.kill('SIGKILL');
  }
  await exited;
  expect(bot.proc.signalCode).toBe('SIGKILL');
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

    const store = await openLowdbStore(dbFile, { onWarning: (m) => warnings.push(catalog('es').store.say(m)) });
    try {
      const reports = await store.reports();
      const bySid = new Map<string, number>();
      // stored keys are `<person id>:<form id>`
      const formIdOf = (r: { submissionId?: string }) => r.submissionId!.slice(r.submissionId!.lastIndexOf(':') + 1);
      for (const r of reports) bySid.set(formIdOf(r), (bySid.get(formIdOf(r)) ?? 0) + 1);
      for (const sid of allAcked) expect([sid, bySid.get(sid)]).toEqual([sid, 1]);
      expect([...bySid.values()].every((c) => c === 1)).toBe(true);
      // versions 1..n per (indicator, period), each with its audit entry
      const versions = new Map<string, number[]>();
      for (const r of reports)
        versions.set(`${r.indicatorId}|${r.period}`, [
          ...(versions.get(`${r.indicatorId}|${r.period}`) ?? []),
          r.version,
        ]);
      for (const v of versions.values()) expect(v).toEqual(v.map((_, i) => i + 1));
      const audited = new Set((await store.audit({ target: 'report:' })).map((e) => (e.after as { id: string }).id));
      for (const r of reports) expect(audited.has(r.id)).toBe(true);
      summary.push(
        `round ${round}: ${sent} sent, ${acked.size} acknowledged before the kill, ${reports.length} stored in all`,
      );
    } finally {
      await store.close();
    }
  }
  // eslint-disable-next-line no-console
  console.log(`report crash test:\n${summary.join('\n')}\nrepairs on reopen: ${warnings.join(' | ') || '(none)'}`);
}, 120_000);
