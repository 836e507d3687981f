/**
 * The Store contract against the PostgreSQL store (a fresh database per test on the run's own server), and the rules
 * the schema enforces by itself, and two stores (two processes' worth) on one database.
 */
import { openPgStore, type PgStore } from '../../src/store/pg-store';
import { describePg, freshDatabase, query } from '../helpers/pg';
import { loadPlan } from '../../src/plan/load';
import { computePlan } from '../../src/progress/engine';
import { createStatusService } from '../../src/progress/service';
import { admin, alice, bob, input, storeContract } from './contract';

const AT = '2025-06-30T10:00:00.000-05:00';
const open: PgStore[] = [];
async function openOn(url: string): Promise<PgStore> {
  const s = await openPgStore(url);
  open.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close().catch(() => {})));
});

describePg('PostgreSQL store', () => {
  storeContract('postgresql', async () => {
    const url = await freshDatabase();
    const h = {
      store: await openOn(url),
      reopen: async () => {
        await h.store.close();
        h.store = await openOn(url);
        return h.store;
      },
    };
    return h;
  });

  test('the schema itself refuses a second version 1, a repeated idempotency key and changes to the audit', async () => {
    const url = await freshDatabase();
    const store = await openOn(url);
    await store.appendReport(input('4263', '2025-06', 0.3), alice, { source: 'teams', submissionId: 'k1', at: AT });
    const row = (await query<{ record: unknown }>(url, 'SELECT record FROM pei_reports'))[0];
    await expect(
      query(
        url,
        "INSERT INTO pei_reports (id, indicator_id, period, version, record, changed) VALUES ('x', '4263', '2025-06', 1, $1, 0)",
        [JSON.stringify(row.record)],
      ),
    ).rejects.toThrow(/duplicate key value violates unique constraint "pei_reports_indicator_id_period_version_key"/);
    await expect(
      query(
        url,
        "INSERT INTO pei_reports (id, indicator_id, period, version, submission_id, record, changed) VALUES ('y', '4263', '2025-06', 2, 'k1', '{}', 0)",
      ),
    ).rejects.toThrow(/pei_reports_submission_id_key/);
    await expect(query(url, "UPDATE pei_audit SET actor = '{}'")).rejects.toThrow(/append-only/);
    await expect(query(url, 'DELETE FROM pei_audit')).rejects.toThrow(/append-only/);
    await expect(query(url, 'TRUNCATE pei_audit')).rejects.toThrow(/append-only/);
    expect(await query(url, 'SELECT action, target FROM pei_audit')).toEqual([
      { action: 'report.create', target: 'report:4263:2025-06' },
    ]);
  });

  test('two stores on one database: versions numbered across both, a submission stored once, each sees the other', async () => {
    const url = await freshDatabase();
    const [a, b] = [await openOn(url), await openOn(url)];
    const writes = Array.from({ length: 100 }, (_, i) =>
      (i % 2 ? a : b).appendReport(input('4263', '2025-06', i), i % 3 ? alice : bob, {
        source: 'teams',
        submissionId: `card-${i % 50}`,
        at: AT,
      }),
    );
    const results = await Promise.all(writes);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(50);
    for (const s of [a, b]) {
      expect((await s.reports()).map((r) => r.version).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      expect(new Set((await s.reports()).map((r) => r.submissionId)).size).toBe(50);
      expect(await s.audit()).toHaveLength(50);
    }
    await a.setOwners('4263', [alice], admin, AT);
    expect(await b.owners('4263')).toEqual([alice]);
    const rows = await query<{ n: string }>(url, 'SELECT count(*) AS n FROM pei_reports');
    expect(Number(rows[0].n)).toBe(50);
  });

  test('a write of one store is read by the other at once (no cache to catch up)', async () => {
    const url = await freshDatabase();
    const [a, b] = [await openOn(url), await openOn(url)];
    const rev = await b.revision();
    await a.appendReport(input('4263', '2025-06', 0.3), alice, { source: 'teams', at: AT });
    expect((await b.reports()).map((r) => r.value)).toEqual([0.3]);
    expect(await b.revision()).toBeGreaterThan(rev);
  });

  test("one process's figures hold every report and review the other acknowledged before the question", async () => {
    const url = await freshDatabase();
    const [a, b] = [await openOn(url), await openOn(url)];
    const plan = loadPlan();
    const status = createStatusService(plan, b); // b's process answers the questions
    const executed = async () => (await status.figures(2025, '2025-07-03')).objectives[4].indicators[0].executed;
    await a.appendReport(input('4263', '2025-05', 0.2), alice, { source: 'teams', at: AT });
    expect(await executed()).toBe(0.2);
    const v2 = await a.appendReport(input('4263', '2025-05', 0.35), alice, {
      source: 'teams',
      at: AT,
      review: 'pendiente',
    });
    expect(await executed()).toBe(0.35); // the correction, pending review, counts
    await a.reviewReport(
      { reportId: v2.record.id, decision: 'devuelto', note: 'Falta la evidencia del mes' },
      admin,
      AT,
    );
    expect(await executed()).toBe(0.2); // returned: the first version counts again
    await b.appendReport(input('4263', '2025-06', 0.4), bob, { source: 'teams', at: AT });
    expect(await executed()).toBe(0.4);
    expect(await status.figures(2025, '2025-07-03')).toEqual(
      computePlan(plan, await a.reports(), { year: 2025, asOf: '2025-07-03' }),
    );
  });

  test("the change signal crosses stores (LISTEN/NOTIFY), and revision() is the database's", async () => {
    const url = await freshDatabase();
    const [a, b] = [await openOn(url), await openOn(url)];
    const heard: number[] = [];
    let wake = () => {};
    b.onChange((rev) => {
      heard.push(rev);
      wake();
    });
    /** Resolves once b's listener has heard `n` changes (NOTIFY arrives on its own connection). */
    const hearing = (n: number) =>
      new Promise<void>((resolve) => {
        wake = () => heard.length >= n && resolve();
        wake();
      });
    const before = await b.revision();
    await a.appendReport(input('4263', '2025-06', 0.3), alice, { source: 'teams', at: AT });
    // Reads need no signal: the database is the store, so b reads a's write at once.
    expect((await b.reports()).map((r) => r.value)).toEqual([0.3]);
    expect(await b.revision()).toBe(await a.revision());
    expect(await b.revision()).toBeGreaterThan(before);
    await hearing(1);
    expect(heard).toEqual([await a.revision()]);
    await a.setOwners('4263', [alice], admin, AT);
    await hearing(2);
    expect(heard).toEqual([before + 1, before + 2]);
  });

  test('a lost LISTEN connection comes back by itself, and then hears the other processes again', async () => {
    const url = await freshDatabase();
    const a = await openPgStore(url, { listen: false });
    open.push(a);
    // b listens with nobody subscribed yet, as the bot does; it says what happens to its listener
    const said: string[] = [];
    let back!: () => void;
    const isBack = new Promise<void>((resolve) => (back = resolve));
    const b = await openPgStore(url, {
      onWarning: (fact) => {
        said.push(fact.kind);
        if (fact.kind === 'pg-listen-back') back();
      },
    });
    open.push(b);
    const killed = await query(
      url,
      "SELECT pg_terminate_backend(pid, 10000) AS ok FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN pei_change'",
    );
    expect(killed).toEqual([{ ok: true }]);
    await isBack;
    expect(said).toEqual(['pg-listen-lost', 'pg-listen-back']);
    // (once back, the listeners first hear the revision then: what changed while nobody listened)
    const before = await b.revision();
    const heard = new Promise<number>((resolve) => b.onChange((rev) => rev > before && resolve(rev)));
    await a.appendReport(input('4263', '2025-06', 0.3), alice, { source: 'teams', at: AT });
    expect(await heard).toBe(await a.revision());
  });

  test('claimSend across stores: of many claims of one key at once, from two stores, exactly one wins', async () => {
    const url = await freshDatabase();
    const [a, b] = [await openOn(url), await openOn(url)];
    for (let round = 0; round < 5; round++) {
      const rec = { key: `digest:2025-W2${round}:c1`, at: AT };
      const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claimSend(rec)));
      expect(claims.filter(Boolean)).toHaveLength(1);
    }
    expect(Number((await query<{ n: string }>(url, 'SELECT count(*) AS n FROM pei_sent'))[0].n)).toBe(5);
  });

  test('reads query the database: a row written there by hand is read at once, by key and by range', async () => {
    const url = await freshDatabase();
    const store = await openOn(url);
    const r = await store.appendReport(input('4263', '2025-06', 0.3), alice, { source: 'teams', at: AT });
    const changed = { ...r.record, value: 0.9 };
    await query(url, 'UPDATE pei_reports SET record = $1 WHERE id = $2', [JSON.stringify(changed), r.record.id]);
    expect((await store.report(r.record.id))?.value).toBe(0.9);
    expect((await store.reports({ year: 2025 })).map((x) => x.value)).toEqual([0.9]);
    expect(
      (
        await query<{ indexname: string }>(
          url,
          "SELECT indexname FROM pg_indexes WHERE tablename = 'pei_reports' AND indexname = 'pei_reports_period'",
        )
      ).length,
    ).toBe(1);
  });

  test('exclusive: one holder at a time across stores; the lock goes with a closed connection', async () => {
    const url = await freshDatabase();
    const [a, b] = [await openOn(url), await openOn(url)];
    let release!: () => void;
    let holding!: () => void;
    const taken = new Promise<void>((r) => (holding = r));
    // fn runs once the lock is taken: that is the moment to wait for
    const held = a.exclusive('proactive', () => new Promise<string>((r) => ((release = () => r('a')), holding())));
    await taken;
    expect(await b.exclusive('proactive', async () => 'b')).toEqual({ ran: false });
    release();
    expect(await held).toEqual({ ran: true, value: 'a' });
    expect(await b.exclusive('proactive', async () => 'b')).toEqual({ ran: true, value: 'b' });

    // The holder's connection dies (as with a killed process): the lock is free for the other.
    let finish!: () => void;
    let stuckHolding!: () => void;
    const stuckTaken = new Promise<void>((r) => (stuckHolding = r));
    const stuck = a
      .exclusive('proactive', () => new Promise<void>((r) => ((finish = r), stuckHolding())))
      .catch((e: Error) => e);
    await stuckTaken;
    expect(await b.exclusive('proactive', async () => 'b')).toEqual({ ran: false });
    // With a timeout, pg_terminate_backend returns once the backend has exited (its locks released).
    const killed = await query<{ ok: boolean }>(
      url,
      "SELECT pg_terminate_backend(pid, 10000) AS ok FROM pg_locks WHERE locktype = 'advisory' AND granted",
    );
    expect(killed).toEqual([{ ok: true }]);
    expect(await b.exclusive('proactive', async () => 'b')).toEqual({ ran: true, value: 'b' });
    finish();
    await stuck;
  });

  test('opening a database twice at once migrates it once', async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([openOn(url), openOn(url)]);
    expect(await a.reports()).toEqual([]);
    expect(await b.reports()).toEqual([]);
    expect(await query(url, 'SELECT name FROM pei_migrations ORDER BY id')).toEqual([
      { name: '1764547200000_initial-schema' },
      { name: '1764720000000_store-reads' },
      { name: '1765065600000_plan-versions' },
      { name: '1765152000000_review-state-index' },
    ]);
  });
});
