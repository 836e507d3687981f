/**
 * migrate-store's copy (src/cli/migrate-store.ts): an embedded store with every kind of content copied into PostgreSQL
 * reads back the same through the PostgreSQL store, keeps numbering after it, is idempotent, and refuses (changing
 * nothing) a database that holds something else.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openLowdbStore } from '../../src/store/lowdb-store';
import { openPgStore } from '../../src/store/pg-store';
import { copyToPostgres, snapshotOf } from '../../src/cli/migrate-store';
import { describePg, freshDatabase, query } from '../helpers/pg';
import { admin, alice, bob, input, reprogrammed } from '../store/contract';
import { ownersKey, ownersOfPlan } from '../../src/domain/owners';

const AT = '2025-06-30T10:00:00.000-05:00';

describePg('copying an embedded store into PostgreSQL', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pei-migrate-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('everything arrives, numbering continues, a second copy changes nothing, another database is refused', async () => {
    const file = path.join(tmp, 'db.json');
    const src = await openLowdbStore(file);
    const v1 = await src.appendReport(input('4263', '2025-06', 0.3), alice, {
      source: 'teams',
      submissionId: 's1',
      at: AT,
      review: 'pendiente',
    });
    await src.reviewReport({ reportId: v1.record.id, decision: 'devuelto', note: 'Falta la evidencia' }, admin, AT);
    await src.appendReport(input('4263', '2025-06', 0.35), alice, {
      source: 'teams',
      submissionId: 's2',
      at: AT,
      review: 'pendiente',
    });
    await src.appendReports(
      [{ input: input('4236', '2025-05', 1), author: bob, source: 'csv', submissionId: 'f:1' }],
      AT,
      admin,
    );
    await src.setOwners('4263', [alice, bob], admin, AT);
    await src.addAdmin(bob, admin, AT);
    await src.subscribe({ conversationKey: 'c1', kind: 'weekly-digest', createdBy: alice, createdAt: AT }, alice);
    await src.saveConversation({
      key: 'c1',
      scope: 'groupChat',
      reference: { id: 1, serviceUrl: 'https://x.example/' },
      active: true,
      updatedAt: AT,
    });
    await src.markSent({ key: 'digest:2025-W27:c1', at: AT, detail: { kind: 'digest', snapshot: { a: 1 } } });
    await src.appendPlanVersion(reprogrammed(), admin, AT);
    const snapshot = await snapshotOf(src);
    await src.close();

    const url = await freshDatabase();
    const first = await copyToPostgres(snapshot, url);
    expect(first).toEqual({
      status: 'copied',
      counts: {
        reports: 3,
        audit: 8,
        owners: 1,
        admins: 1,
        subscriptions: 1,
        conversations: 1,
        sent: 1,
        planVersions: 1,
      },
    });

    const pg = await openPgStore(url, { listen: false });
    try {
      expect(await pg.reports()).toEqual(snapshot.reports);
      expect(await pg.audit()).toEqual(snapshot.audit);
      expect(await pg.allOwners()).toEqual(snapshot.owners);
      expect(await pg.admins()).toEqual([bob]);
      expect(await pg.subscriptions()).toEqual(snapshot.subscriptions);
      expect(await pg.conversations()).toEqual(snapshot.conversations);
      expect(await pg.sent()).toEqual(snapshot.sent);
      expect(await pg.wasSent('digest:2025-W27:c1')).toBe(true);
      expect(await pg.planVersions()).toEqual(snapshot.planVersions);
      // the next version continues the copied numbering
      const next = await pg.appendPlanVersion(reprogrammed(0.6), admin, AT);
      expect(next.status === 'stored' && next.record.version).toBe(3);
      // the copied idempotency keys and versions hold; the audit continues after the copied seqs
      expect(
        (await pg.appendReport(input('4263', '2025-06', 9), alice, { source: 'teams', submissionId: 's1', at: AT }))
          .duplicate,
      ).toBe(true);
      expect(
        (await pg.appendReport(input('4263', '2025-06', 0.4), alice, { source: 'teams', at: AT })).record.version,
      ).toBe(3);
      const seqs = (await pg.audit()).map((e) => e.seq);
      expect(seqs[seqs.length - 1]).toBeGreaterThan(Math.max(...snapshot.audit.map((e: any) => e.seq)));
    } finally {
      await pg.close();
    }

    // that database now holds more than the file: refused, nothing changed
    expect(await copyToPostgres(snapshot, url)).toEqual({ status: 'refused', reason: 'not-empty' });
    expect(await query(url, 'SELECT count(*)::int AS n FROM pei_reports')).toEqual([{ n: 4 }]);

    // a fresh database: copied once, then the same pair again changes nothing
    const url2 = await freshDatabase();
    expect((await copyToPostgres(snapshot, url2)).status).toBe('copied');
    expect((await copyToPostgres(snapshot, url2)).status).toBe('unchanged');
    expect(await query(url2, 'SELECT count(*)::int AS n FROM pei_audit')).toEqual([{ n: 8 }]);
    expect(await query(url2, 'SELECT count(*)::int AS n FROM pei_plan_versions')).toEqual([{ n: 1 }]);
  });

  test("owners of two plans reusing an id arrive under their plan's keys, each with its audit entry", async () => {
    const file = path.join(tmp, 'owners.json');
    const src = await openLowdbStore(file);
    await src.setOwners(ownersKey('pei-sg-2024-2027', '4263'), [alice], admin, AT);
    await src.setOwners(ownersKey('pei-2028-2031', '4263'), [bob], admin, AT);
    const snapshot = await snapshotOf(src);
    await src.close();

    const url = await freshDatabase();
    expect(await copyToPostgres(snapshot, url)).toMatchObject({ status: 'copied', counts: { owners: 2, audit: 2 } });
    const pg = await openPgStore(url, { listen: false });
    try {
      expect(await pg.allOwners()).toEqual({ '4263': [alice], 'pei-2028-2031/4263': [bob] });
      expect(ownersOfPlan(await pg.allOwners(), 'pei-sg-2024-2027')).toEqual({ '4263': [alice] });
      expect(ownersOfPlan(await pg.allOwners(), 'pei-2028-2031')).toEqual({ '4263': [bob] });
      expect(await pg.owners(ownersKey('pei-2028-2031', '4263'))).toEqual([bob]);
      expect((await pg.audit({ target: 'owner:pei-2028-2031/4263' })).map((e) => e.after)).toEqual([[bob]]);
      // and they go on being kept apart there
      await pg.setOwners(ownersKey('pei-2028-2031', '4263'), [alice, bob], admin, AT);
      expect(await pg.owners('4263')).toEqual([alice]);
    } finally {
      await pg.close();
    }
  });
});
