/**
 * The bot under PostgreSQL faults, against a server of the test's own (test/faults/pg-cluster.ts) and the real bot as
 * a child process (`.test-build/src/main.js`): the server restarted under load, its backends terminated, the server
 * stopped, the tables locked past the turn's deadline, the database made read-only. For each, what people see:
 * - the process stays alive and serving, and comes back by itself once the database does;
 * - /healthz answers 503 with a short reason while the store cannot be read or written, and 200 after;
 * - a report submitted during the fault is answered 503 with the message that nothing was stored (Spanish, or
 *   English when the person's locale is English);
 * - what is stored is exactly what was acknowledged: every «Reporte registrado» once, never a report answered 503.
 * Every wait is for an event (a /healthz answer, a log line, a response), with a deadline.
 */
import { StandInConnector } from '../helpers/connector';
import { execute, message, ADMIN, ANA } from '../helpers/activities';
import { cardText } from '../helpers/conversation';
import { burstSubmitValue } from '../helpers/reports';
import { freePort, spawnBot, type ChildBot } from '../helpers/child';
import { postgresBin, startCluster, type Cluster } from './pg-cluster';

/** The turn's deadline (PEI_REQUEST_TIMEOUT_MS) and the database timeout (PEI_DB_TIMEOUT_MS, at most a third of it). */
const DEADLINE_MS = 3000;
const DB_TIMEOUT_MS = 1000;

const TOKEN = 'faults-token';

const describeServer = postgresBin() || process.env.CI === 'true' ? describe : describe.skip;

let cluster: Cluster;
let connector: StandInConnector;
let bot: ChildBot;

/** Every form id the bot acknowledged («Reporte registrado» / «Corrección registrada») or refused (503). */
const acked = new Set<string>();
const refused = new Set<string>();
let form = 0;

const SAVED_ES = /Reporte registrado|Corrección registrada/;
const SAVED_EN = /Report saved|Correction saved/;
const NOT_SAVED_ES = /No se pudo guardar el reporte[\s\S]*no quedó guardado/;
const NOT_SAVED_EN = /The report could not be saved[\s\S]*your report was not saved/;

interface Answer {
  formId: string;
  status: number;
  text: string;
}

const post = (activity: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(activity),
});

/** One report form submitted (Action.Execute, as Teams sends it) by an admin; classified by what the person reads. */
async function submitForm(locale = 'es-CO'): Promise<Answer> {
  const n = ++form;
  const formId = `pgfault-${String(n).padStart(4, '0')}`;
  const {
    verb: _verb,
    lang: _lang,
    ...data
  } = burstSubmitValue(
    n,
    formId,
    ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'],
    'Justificación: prueba de fallas de la base de datos',
  );
  const activity = execute(connector.url, 'report-submit', data, { from: ADMIN, locale });
  const res = await fetch(`${bot.url}/api/messages`, post(activity));
  const raw = await res.text();
  let text = raw;
  try {
    text = cardText(JSON.parse(raw).value) || raw;
  } catch {
    /* not JSON: kept as is for the failure message */
  }
  const en = locale.startsWith('en');
  if (res.status === 200 && (en ? SAVED_EN : SAVED_ES).test(text)) acked.add(formId);
  else if (res.status === 503 && (en ? NOT_SAVED_EN : NOT_SAVED_ES).test(text)) refused.add(formId);
  else throw new Error(`submit ${formId} (${locale}) answered ${res.status}: ${text}`);
  return { formId, status: res.status, text };
}

async function healthz(lang = 'es'): Promise<{ status: number; body: any }> {
  const res = await fetch(`${bot.url}/healthz`, { headers: { 'Accept-Language': lang } });
  return { status: res.status, body: await res.json() };
}

/** Polls until `check` gives a value (not undefined), or fails at the deadline saying what it waited for. */
async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline)
      throw new Error(`${what}: not within ${timeoutMs / 1000} s\n${bot.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** /healthz once it answers `status` (and, when given, the reason that fault has: a reconnect may say «no responde» first). */
const healthzIs = (status: number, lang = 'es', reason?: string) =>
  until(`/healthz ${status}${reason ? ` «${reason}»` : ''}`, async () => {
    const h = await healthz(lang);
    return h.status === status && (reason === undefined || h.body.reason === reason) ? h : undefined;
  });

/** Stored submissions by form id, straight from the database (keys are `<person id>:<form id>`). */
async function stored(): Promise<Map<string, number>> {
  const rows = await cluster.sql<{ submission_id: string }>(
    "SELECT submission_id FROM pei_reports WHERE submission_id LIKE '%pgfault-%'",
  );
  const byForm = new Map<string, number>();
  for (const r of rows) {
    const id = r.submission_id.slice(r.submission_id.lastIndexOf(':') + 1);
    byForm.set(id, (byForm.get(id) ?? 0) + 1);
  }
  return byForm;
}

/** What is stored is what was acknowledged: each acknowledged form once, no refused one. */
async function storedEqualsAcknowledged() {
  const s = await stored();
  expect([...s.keys()].sort()).toEqual([...acked].sort());
  expect([...s.values()].every((n) => n === 1)).toBe(true);
  for (const id of refused) expect(s.has(id)).toBe(false);
}

/** /healthz polled while `during` runs: each answer 200 ok or 503 with a short reason, and 503 at least once. */
async function healthzTruthful(during: Promise<void>): Promise<void> {
  const seen: { status: number; body: any }[] = [];
  let running = true;
  const polling = (async () => {
    while (running) seen.push(await healthz());
  })();
  try {
    await during;
  } finally {
    running = false;
    await polling;
  }
  const reasons = ['la base de datos no responde', 'la base de datos no responde a tiempo (bloqueada o sobrecargada)'];
  const truthful = (h: { status: number; body: any }) =>
    (h.status === 200 && h.body.status === 'ok') ||
    (h.status === 503 && h.body.status === 'unavailable' && reasons.includes(h.body.reason));
  expect(seen.filter((h) => !truthful(h))).toEqual([]);
  // The server is down for part of the fault: /healthz said so meanwhile.
  expect(seen.some((h) => h.status === 503)).toBe(true);
}

/**
 * Runs `during` while `workers` callers submit forms, one after the other each; the load stops when `during` ends
 * (or fails), and every answer is classified by submitForm (an answer neither acknowledged nor refused fails).
 */
async function underLoad(workers: number, during: () => Promise<void>): Promise<void> {
  let running = true;
  const done = Promise.all(
    Array.from({ length: workers }, async () => {
      while (running) await submitForm();
    }),
  );
  try {
    await Promise.race([during(), done]);
  } finally {
    running = false;
    await done;
  }
}

/** Ends every session of the bot's database but the asking one (the select list runs after the WHERE filter). */
const terminateBackends = () =>
  cluster.sql<{ pid: number }>(
    "SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'pei' AND pid <> pg_backend_pid()",
  );

/** After a fault: the process alive, /healthz 200, a submit acknowledged, and the store equal to the acknowledgements. */
async function recovered() {
  expect(bot.proc.exitCode).toBeNull();
  expect(await healthzIs(200)).toEqual({ status: 200, body: { status: 'ok' } });
  expect((await submitForm()).status).toBe(200);
  await storedEqualsAcknowledged();
}

describeServer("the bot under PostgreSQL faults (a server of the test's own)", () => {
  beforeAll(async () => {
    cluster = await startCluster();
    connector = await new StandInConnector().start();
    bot = await spawnBot(
      {
        PEI_DATABASE_URL: cluster.url,
        PEI_NOW: '2025-07-03',
        PEI_ADMINS: 'aad-admin',
        BOT_ID: '',
        PEI_REQUEST_TIMEOUT_MS: String(DEADLINE_MS),
        PEI_DB_TIMEOUT_MS: String(DB_TIMEOUT_MS),
        PEI_API_TOKEN: TOKEN,
      },
      await freePort(),
    );
    expect((await submitForm()).status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    if (bot && bot.proc.exitCode === null) {
      bot.proc.kill('SIGTERM');
      await bot.exited;
    }
    await connector?.stop();
    cluster?.destroy();
  });

  test('the server restarted under load: every submit answered truthfully, the bot serves again', async () => {
    await underLoad(4, async () => {
      await until('submits acknowledged before the restart', async () => (acked.size >= 8 ? true : undefined));
      const before = acked.size;
      await healthzTruthful(cluster.restart());
      // Under load still after the restart: submits are acknowledged again, by themselves.
      await until('submits acknowledged after the restart', async () => (acked.size >= before + 8 ? true : undefined));
    });
    await recovered();
  });

  test('backends terminated (pg_terminate_backend) under load: no crash, submits acknowledged again at once', async () => {
    await underLoad(4, async () => {
      for (let round = 0; round < 3; round++) {
        const before = acked.size;
        // Under load (the bot holds connections), then its backends are ended.
        await until('submits acknowledged before the termination', async () =>
          acked.size >= before + 2 ? true : undefined,
        );
        expect((await terminateBackends()).length).toBeGreaterThan(0);
        await until('submits acknowledged after the termination', async () =>
          acked.size >= before + 6 ? true : undefined,
        );
      }
    });
    await recovered();
  });

  test('the server stopped: /healthz 503 «la base de datos no responde», submits refused politely; back when started', async () => {
    await cluster.stop();
    try {
      expect(await healthzIs(503)).toEqual({
        status: 503,
        body: { status: 'unavailable', reason: 'la base de datos no responde' },
      });
      expect(await healthzIs(503, 'en')).toEqual({
        status: 503,
        body: { status: 'unavailable', reason: 'the database does not answer' },
      });
      const es = await submitForm();
      expect(es.status).toBe(503);
      expect(es.text).toMatch(/Vuelva a enviar este mismo formulario/);
      expect((await submitForm('en-US')).status).toBe(503);
      // The read API says the same, without internal detail (no host, port or driver message).
      const api = await fetch(`${bot.url}/api/v1/status`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      expect([api.status, api.headers.get('retry-after'), await api.json()]).toEqual([
        503,
        '30',
        { error: { code: 'store-unavailable', message: 'la base de datos no responde' } },
      ]);
      // A question in the chat is answered with the store's apology, not left without an answer.
      const reply = (r: { method: string; path: string }) => r.method === 'POST' && /activities/.test(r.path);
      const before = connector.received.filter(reply).length;
      await fetch(`${bot.url}/api/messages`, post(message(connector.url, '¿cómo va el objetivo 5?', { from: ANA })));
      await connector.waitFor(before + 1, reply);
      expect(cardText(connector.cards().at(-1))).toMatch(/No disponible en este momento/);
      expect(bot.proc.exitCode).toBeNull();
    } finally {
      await cluster.start();
    }
    await recovered();
  });

  test('the tables locked past the turn deadline: submits refused at the database timeout, never stored later', async () => {
    const locker = await cluster.admin();
    await locker.query('BEGIN; LOCK TABLE pei_meta, pei_reports, pei_audit IN ACCESS EXCLUSIVE MODE');
    try {
      expect(await healthzIs(503)).toEqual({
        status: 503,
        body: { status: 'unavailable', reason: 'la base de datos no responde a tiempo (bloqueada o sobrecargada)' },
      });
      const answers = await Promise.all([submitForm(), submitForm(), submitForm('en-US'), submitForm(), submitForm()]);
      expect(answers.map((a) => a.status)).toEqual([503, 503, 503, 503, 503]);
      // Each answered by the bot with its card (submitForm checks it), not cut off at the turn's deadline.
      // The lock outlasts the deadline of every submit sent under it (a late commit would show after it lifts).
      const sentLast = Date.now();
      await until('the lock held past the turn deadline', async () =>
        Date.now() > sentLast + DEADLINE_MS + 500 ? true : undefined,
      );
    } finally {
      await locker.query('COMMIT');
      await locker.end();
    }
    await recovered();
  });

  test('the database read-only: /healthz 503 «solo lectura», submits refused; writable again by itself', async () => {
    await cluster.sql('ALTER DATABASE pei SET default_transaction_read_only = on');
    await terminateBackends();
    const readOnly = 'la base de datos no acepta escrituras (solo lectura)';
    expect(await healthzIs(503, 'es', readOnly)).toEqual({
      status: 503,
      body: { status: 'unavailable', reason: readOnly },
    });
    const es = await submitForm();
    expect(es.status).toBe(503);
    const en = await submitForm('en-US');
    expect(en.status).toBe(503);
    // Concurrent ones too: the bot's pool fills with sessions opened while the database was read-only.
    const during = await Promise.all(Array.from({ length: 10 }, () => submitForm()));
    expect(during.map((a) => a.status)).toEqual(during.map(() => 503));
    // The operator makes it writable again; the sessions the bot opened meanwhile are not ended.
    await cluster.sql(
      'SET default_transaction_read_only = off; ALTER DATABASE pei RESET default_transaction_read_only',
    );
    await recovered();
    // Every pooled connection writes again (none is left read-only): concurrent submits, all acknowledged.
    const after = await Promise.all(Array.from({ length: 12 }, () => submitForm()));
    expect(after.map((a) => a.status)).toEqual(after.map(() => 200));
    await storedEqualsAcknowledged();
  });
});
