/**
 * The Store contract against the PostgreSQL store (a fresh database per test on the run's own server), and the rules
 * the schema enforces by itself, and two stores (two processes' worth) on one database.
 */
import { openPgStore, type PgStore } from '../../src/store/pg-store';
import { describePg, freshDatabase, query } from '../helpers/pg';
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
      query(url, "INSERT INTO pei_reports (id, indicator_id, period, version, record, changed) VALUES ('x', '4263', '2025-06', 1, $1, 0)", [JSON.stringify(row.record)]),
    ).rejects.toThrow(/duplicate key value violates unique constraint "pei_reports_indicator_id_period_version_key"/);
    await expect(
      query(url, "INSERT INTO pei_reports (id, indicator_id, period, version, submission_id, record, changed) VALUES ('y', '4263', '2025-06', 2, 'k1', '{}', 0)"),
    ).rejects.toThrow(/pei_reports_submission_id_key/);
    await expect(query(url, "UPDATE pei_audit SET actor = '{}'")).rejects.toThrow(/append-only/);
    await expect(query(url, 'DELETE FROM pei_audit')).rejects.toThrow(/append-only/);
    await expect(query(url, 'TRUNCATE pei_audit')).rejects.toThrow(/append-only/);
    expect(await query(url, 'SELECT action, target FROM pei_audit')).toEqual([{ action: 'report.create', target: 'report:4263:2025-06' }]);
  });

  test('two stores on one database: versions numbered across both, a submission stored once, each sees the other', async () => {
    const url = await freshDatabase();
    const [a, b] = [await openOn(url), await openOn(url)];
    const writes = Array.from({ length: 100 }, (_, i) =>
      (i % 2 ? a : b).appendReport(input('4263', '2025-06', i), i % 3 ? alice : bob, { source: 'teams', submissionId: `card-${i % 50}`, at: AT }),
    );
    const results = await Promise.all(writes);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(50);
    await Promise.all([a.refresh(), b.refresh()]);
    for (const s of [a, b]) {
      expect(s.reports().map((r) => r.version).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(new Set(s.reports().map((r) => r.submissionId)).size).toBe(50);
      expect(s.audit()).toHaveLength(50);
    }
    await a.setOwners('4263', [alice], admin, AT);
    await b.refresh();
    expect(b.owners('4263')).toEqual([alice]);
    const rows = await query<{ n: string }>(url, 'SELECT count(*) AS n FROM pei_reports');
    expect(Number(rows[0].n)).toBe(50);
  });

  test('a write of one store reaches the other without asking (LISTEN/NOTIFY)', async () => {
    const url = await freshDatabase();
    const [a, b] = [await openOn(url), await openOn(url)];
    const rev = b.revision;
    await a.appendReport(input('4263', '2025-06', 0.3), alice, { source: 'teams', at: AT });
    for (let i = 0; i < 100 && b.reports().length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(b.reports().map((r) => r.value)).toEqual([0.3]);
    expect(b.revision).toBeGreaterThan(rev);
  });

  test('exclusive: one holder at a time across stores; the lock goes with a closed connection', async () => {
    const url = await freshDatabase();
    const [a, b] = [await openOn(url), await openOn(url)];
    let release!: () => void;
    const held = a.exclusive('proactive', () => new Promise<string>((r) => (release = () => r('a'))));
    await new Promise((r) => setTimeout(r, 50));
    expect(await b.exclusive('proactive', async () => 'b')).toEqual({ ran: false });
    release();
    expect(await held).toEqual({ ran: true, value: 'a' });
    expect(await b.exclusive('proactive', async () => 'b')).toEqual({ ran: true, value: 'b' });

    // The holder's connection dies (as with a killed process): the lock is free for the other.
    let finish!: () => void;
    const stuck = a.exclusive('proactive', () => new Promise<void>((r) => (finish = r))).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 50));
    expect(await b.exclusive('proactive', async () => 'b')).toEqual({ ran: false });
    const killed = await query<{ ok: boolean }>(url, "SELECT pg_terminate_backend(pid) AS ok FROM pg_locks WHERE locktype = 'advisory' AND granted");
    expect(killed).toEqual([{ ok: true }]);
    await new Promise((r) => setTimeout(r, 50));
    expect(await b.exclusive('proactive', async () => 'b')).toEqual({ ran: true, value: 'b' });
    finish();
    await stuck;
  });

  test('opening a database twice at once migrates it once', async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([openOn(url), openOn(url)]);
    expect(a.reports()).toEqual([]);
    expect(b.reports()).toEqual([]);
    expect(await query(url, 'SELECT name FROM pei_migrations')).toEqual([{ name: '1764547200000_initial-schema' }]);
  });
});
