/**
 * Two bot processes on one PostgreSQL database behave as one bot: the real bot twice (`node .test-build/src/main.js`
 * with PEI_DATABASE_URL), the test process playing Teams and the Bot Connector, the run's own PostgreSQL server.
 * - 200 concurrent submits split across the two (some forms sent to both at once) are stored exactly once, and the
 *   read API of either process gives the same figures;
 * - SIGKILL of one in the middle of a burst loses no acknowledged report;
 * - two processes started together send a due weekly digest once.
 */
import { burstSubmitValue } from '../helpers/reports';
import { openPgStore } from '../../src/store/pg-store';
import type { Person } from '../../src/domain/records';
import { StandInConnector } from '../helpers/connector';
import { submit, ADMIN, BOT } from '../helpers/activities';
import { cardText } from '../helpers/conversation';
import { freePort, spawnBot, type ChildBot } from '../helpers/child';
import { describePg, freshDatabase, query } from '../helpers/pg';

const TOKEN = 'two-processes-token';
/** How a process's proactive run ends, in its log (src/digest/run.ts). */
const FIRST_RUN_ENDED =
  /entregado y registrado|ya enviado \(o en envío\) por otro proceso|otro proceso los está haciendo/;
/** How the first run of the process that did not send ends: the other one had the digest (src/digest/run.ts). */
const YIELDED_TO_OTHER = /ya enviado \(o en envío\) por otro proceso|otro proceso los está haciendo/;
let connector: StandInConnector;
const bots: ChildBot[] = [];

beforeAll(async () => {
  connector = await new StandInConnector().start();
});
afterEach(async () => {
  for (const b of bots.splice(0)) {
    if (b.proc.exitCode === null && b.proc.signalCode === null) {
      b.proc.kill('SIGTERM');
      await b.exited;
    }
  }
});
afterAll(async () => {
  await connector?.stop();
});

async function startBots(url: string, n: number, env: Record<string, string> = {}): Promise<ChildBot[]> {
  const ports = await Promise.all(Array.from({ length: n }, () => freePort()));
  const started = await Promise.all(
    ports.map((port) =>
      spawnBot(
        {
          PEI_DATABASE_URL: url,
          PEI_NOW: '2025-07-03',
          PEI_ADMINS: 'aad-admin',
          LOG_LEVEL: 'error',
          BOT_ID: '',
          PEI_API_TOKEN: TOKEN,
          ...env,
        },
        port,
      ),
    ),
  );
  bots.push(...started);
  return started;
}

const periods = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
const submitValue = (n: number, formId: string) =>
  burstSubmitValue(n, formId, periods, 'Justificación: envío de prueba a dos procesos');

/** Posts one submit; true when acknowledged (200 and the confirmation card reached the conversation). */
async function post(bot: ChildBot, n: number, formId: string, conversation: string): Promise<boolean> {
  const activity = submit(connector.url, submitValue(n, formId), { from: ADMIN, replyToId: `form-${conversation}` });
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
    return false; // the process died under this request: not acknowledged
  }
  if (status !== 200) return false;
  const confirmed = connector
    .updates()
    .some(
      (u) =>
        u.conversationId === conversation &&
        /Reporte registrado|Corrección registrada|ya estaba registrado/.test(
          cardText(u.body?.attachments?.[0]?.content ?? {}),
        ),
    );
  if (!confirmed) throw new Error(`200 without a confirmation for ${formId} (${conversation})`);
  return true;
}

/** Stored submissions by form id (stored keys are `<person id>:<form id>`), straight from the database. */
async function storedForms(url: string): Promise<Map<string, number>> {
  const rows = await query<{ submission_id: string }>(
    url,
    'SELECT submission_id FROM pei_reports WHERE submission_id IS NOT NULL',
  );
  const count = new Map<string, number>();
  for (const r of rows) {
    const form = r.submission_id.slice(r.submission_id.lastIndexOf(':') + 1);
    count.set(form, (count.get(form) ?? 0) + 1);
  }
  return count;
}

async function versionsAreDense(url: string): Promise<void> {
  const rows = await query<{ k: string; v: number[] }>(
    url,
    "SELECT indicator_id || '|' || period AS k, array_agg(version ORDER BY version) AS v FROM pei_reports GROUP BY 1",
  );
  for (const r of rows) expect([r.k, r.v]).toEqual([r.k, r.v.map((_, i) => i + 1)]);
}

const get = async (bot: ChildBot, path: string) => {
  const res = await fetch(`${bot.url}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return res.json();
};

describePg('two bot processes on one PostgreSQL database', () => {
  test('200 concurrent submits split across both are stored exactly once; either answers the same figures', async () => {
    const url = await freshDatabase();
    const [a, b] = await startBots(url, 2);
    const jobs: Promise<boolean>[] = [];
    for (let i = 0; i < 200; i++) {
      const formId = `two-${String(i).padStart(4, '0')}-0000`;
      jobs.push(post(i % 2 ? a : b, i, formId, `two-c${i}`));
      // every tenth form is also sent, at the same moment, to the other process (a retry that landed elsewhere)
      if (i % 10 === 0) jobs.push(post(i % 2 ? b : a, i, formId, `two-c${i}-again`));
    }
    const acked = await Promise.all(jobs);
    expect(acked.every(Boolean)).toBe(true);

    const stored = await storedForms(url);
    expect(stored.size).toBe(200);
    expect([...stored.values()].every((c) => c === 1)).toBe(true);
    await versionsAreDense(url);
    expect(
      Number(
        (
          await query<{ n: string }>(
            url,
            "SELECT count(*) AS n FROM pei_audit WHERE action IN ('report.create', 'report.correct')",
          )
        )[0].n,
      ),
    ).toBe(200);

    const [ra, rb] = [await get(a, '/api/v1/reports?year=2025'), await get(b, '/api/v1/reports?year=2025')];
    expect(ra.reports).toHaveLength(200);
    expect(rb).toEqual(ra);
    const [sa, sb] = [
      await get(a, '/api/v1/status?year=2025&asOf=2025-07-03'),
      await get(b, '/api/v1/status?year=2025&asOf=2025-07-03'),
    ];
    expect(sb).toEqual(sa);
    const reported = sa.objectives.flatMap((o: any) => o.indicators).filter((i: any) => i.lastReport !== null);
    expect(reported.length).toBeGreaterThan(20);
  }, 120_000);

  test('SIGKILL of one process mid-burst: every acknowledged report is stored, once; the other keeps taking them', async () => {
    const url = await freshDatabase();
    const [a, b] = await startBots(url, 2);
    const acked = new Set<string>();
    let n = 0;
    let killed = false;
    const worker = (bot: ChildBot, side: string) => async () => {
      for (;;) {
        const i = n++;
        if (i >= 400) return;
        const formId = `kill-${side}-${String(i).padStart(5, '0')}`;
        if (await post(bot, i, formId, `kill-c${i}`)) acked.add(formId);
        if (!killed && side === 'a' && acked.size >= 60) {
          killed = true;
          a.proc.kill('SIGKILL');
        }
        if (bot === a && killed) return;
      }
    };
    await Promise.all([
      ...Array.from({ length: 6 }, () => worker(a, 'a')()),
      ...Array.from({ length: 6 }, () => worker(b, 'b')()),
    ]);
    await a.exited;
    expect(a.proc.signalCode).toBe('SIGKILL');
    const afterKill = [...acked].filter((f) => f.startsWith('kill-b-')).length;
    expect(afterKill).toBeGreaterThan(0);

    const stored = await storedForms(url);
    for (const f of acked) expect([f, stored.get(f)]).toEqual([f, 1]);
    expect([...stored.values()].every((c) => c === 1)).toBe(true);
    await versionsAreDense(url);
    // the survivor's read API has every acknowledged report, whichever process took it
    const r = await get(b, '/api/v1/reports?year=2025');
    const served = new Set(r.reports.map((x: any) => x.logros));
    expect(r.reports.length).toBe(stored.size);
    expect(served.size).toBeGreaterThan(0);
  }, 120_000);

  test('a due weekly digest is sent once when two processes start together', async () => {
    const url = await freshDatabase();
    const group = `19:two-processes-digest-${Date.now()}@thread.v2`;
    const ana: Person = { id: 'aad-ana', name: 'Ana Pérez' };
    const seed = await openPgStore(url, { listen: false });
    await seed.saveConversation({
      key: group,
      scope: 'groupChat',
      reference: {
        channelId: 'msteams',
        serviceUrl: `${connector.url}/`,
        conversation: { id: group, tenantId: 'tenant', isGroup: true, conversationType: 'groupChat' },
        bot: BOT,
      },
      active: true,
      updatedAt: '2025-06-01T00:00:00.000Z',
    });
    await seed.subscribe(
      { conversationKey: group, kind: 'weekly-digest', createdBy: ana, createdAt: '2025-06-20T15:00:00.000Z' },
      ana,
    );
    await seed.appendReport(
      {
        indicatorId: '4263',
        period: '2025-06',
        value: 0.3,
        logros: 'Avance',
        dificultades: '',
        evidencia: 'https://intranet.example/e',
      },
      ana,
      {
        source: 'teams',
        at: '2025-07-03T15:00:00.000Z',
      },
    );
    await seed.close();

    // Monday 08:00 Bogotá: the digest of the week is due; both first ticks come about a second after start. The
    // connector holds every post until the race is decided, so the process that claimed the digest is still
    // delivering when the other ticks: released once the other has said how its first run ended (it found the
    // digest claimed, or the other one sending), or at once when both posted it (the lock failed: two digests).
    connector.hold();
    const started = await startBots(url, 2, { PEI_NOW: '2025-07-07T08:00', LOG_LEVEL: 'debug' });
    const digests = () =>
      connector.received
        .filter((r) => r.method === 'POST' && r.conversationId === group)
        .flatMap((r) => (r.body?.attachments ?? []).map((x: any) => x.content))
        .filter((c) => cardText(c).includes('Resumen semanal del PEI'));
    const groupPost = (r: { method: string; path: string }) => r.method === 'POST' && r.path.includes(group);
    const decided = new AbortController();
    try {
      await Promise.race([
        ...started.map((b) => b.waitForOutput(YIELDED_TO_OTHER, 30_000, decided.signal).catch(() => undefined)),
        connector.waitForHeld(2, groupPost),
      ]);
    } finally {
      decided.abort();
      connector.release();
    }
    // Both processes have ticked: each printed how its first run ended (delivered it, found it claimed by the other,
    // or found the other one sending: src/digest/run.ts's log lines).
    await Promise.all(started.map((b) => b.waitForOutput(FIRST_RUN_ENDED, 30_000)));
    expect(digests()).toHaveLength(1);
    const sent = await query<{ key: string }>(url, "SELECT key FROM pei_sent WHERE key LIKE 'digest:%'");
    expect(sent).toEqual([{ key: expect.stringContaining(group) }]);
  }, 60_000);
});
