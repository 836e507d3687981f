/**
 * The Store contract, run against every implementation (memory.test.ts, lowdb-store.test.ts).
 */
import { ownersKey, ownersOfPlan } from '../../src/domain/owners';
import { SUBSCRIPTION_KINDS, type Person, type ReportInput } from '../../src/domain/records';
import { type Store } from '../../src/store/types';
import { loadPlan } from '../../src/plan/load';
import type { PlanVersionInput } from '../../src/domain/plan-versions';

/** A plan version to store: the shipped plan with 4263's 2025 target raised from 40 % to 50 %. */
export function reprogrammed(target = 0.5, effective = '2025-09-01'): PlanVersionInput {
  const plan = loadPlan();
  const ind = plan.objectives.flatMap((o) => o.indicators).find((i) => i.id === '4263')!;
  const from = ind.program[2025];
  ind.program[2025] = target;
  return {
    planId: plan.id,
    effective,
    reason: 'Resolución 45 de 2025',
    plan,
    changes: [{ kind: 'target', indicatorId: '4263', year: 2025, from, to: target }],
    firstVersion: 2,
  };
}

export const alice: Person = { id: 'aad-alice', name: 'Alice Rojas', email: 'alice@example.gov.co' };
export const bob: Person = { id: 'aad-bob', name: 'Bob Pérez' };
export const admin: Person = { id: 'aad-admin', name: 'Oficina de Planeación' };

export function input(
  indicatorId: string,
  period: string,
  value: number,
  extra: Partial<ReportInput> = {},
): ReportInput {
  return {
    indicatorId,
    period,
    value,
    logros: `logros ${value}`,
    dificultades: '',
    evidencia: 'https://x.example/e',
    ...extra,
  };
}

const AT = '2025-06-30T10:00:00.000-05:00';

export interface Harness {
  store: Store;
  /** Optional: closes and opens the store again (durable implementations). */
  reopen?: () => Promise<Store>;
}

export function storeContract(name: string, make: () => Promise<Harness>, done?: (h: Harness) => Promise<void>): void {
  describe(`Store contract: ${name}`, () => {
    let h: Harness;
    let store: Store;
    beforeEach(async () => {
      h = await make();
      store = h.store;
    });
    afterEach(async () => {
      await done?.(h);
    });

    test('starts empty', async () => {
      expect(await store.reports()).toEqual([]);
      expect(await store.owners('4263')).toEqual([]);
      expect(await store.allOwners()).toEqual({});
      expect(await store.admins()).toEqual([]);
      expect(await store.subscriptions()).toEqual([]);
      expect(await store.conversations()).toEqual([]);
      expect(await store.sent()).toEqual([]);
      expect(await store.audit()).toEqual([]);
      expect(await store.wasSent('x')).toBe(false);
    });

    test('numbers versions per (indicator, period) and audits create and correct', async () => {
      const r0 = await store.revision();
      const a = await store.appendReport(input('4263', '2025-06', 0.3), alice, {
        source: 'teams',
        submissionId: 's1',
        at: AT,
      });
      expect(a.duplicate).toBe(false);
      expect(a.record).toMatchObject({
        indicatorId: '4263',
        period: '2025-06',
        version: 1,
        value: 0.3,
        author: alice,
        source: 'teams',
        submissionId: 's1',
        reportedAt: AT,
      });
      expect(typeof a.record.id).toBe('string');
      expect(await store.revision()).toBeGreaterThan(r0);

      const r1 = await store.revision();
      const b = await store.appendReport(input('4263', '2025-06', 0.4), bob, {
        source: 'teams',
        at: '2025-07-01T00:00:00Z',
      });
      expect(b.record.version).toBe(2);
      expect(b.record.id).not.toBe(a.record.id);
      expect(b.record).not.toHaveProperty('submissionId');
      expect(await store.revision()).toBeGreaterThan(r1);

      const c = await store.appendReport(input('4263', '2025-07', 0.5), alice, { source: 'api', at: AT });
      expect(c.record.version).toBe(1);
      const d = await store.appendReport(input('9999', '2025-06', 7), alice, { source: 'api', at: AT });
      expect(d.record.version).toBe(1);

      expect((await store.reports()).map((r) => [r.indicatorId, r.period, r.version])).toEqual([
        ['4263', '2025-06', 1],
        ['4263', '2025-06', 2],
        ['4263', '2025-07', 1],
        ['9999', '2025-06', 1],
      ]);

      const audit = await store.audit({ target: 'report:4263:2025-06' });
      expect(audit).toHaveLength(2);
      expect(audit[0]).toMatchObject({ action: 'report.create', actor: alice, at: AT, before: null, after: a.record });
      expect(audit[1]).toMatchObject({ action: 'report.correct', actor: bob, before: a.record, after: b.record });
      expect(audit[1].seq).toBeGreaterThan(audit[0].seq);
      expect(await store.audit()).toHaveLength(4);
      expect(await store.audit({ target: 'report:4263:' })).toHaveLength(3);
      expect((await store.audit({ limit: 1 }))[0].after).toEqual(d.record);
      expect((await store.audit({ target: 'report:4263:2025-06', limit: 1 }))[0].after).toEqual(b.record);
      expect(await store.audit({ target: 'nope' })).toEqual([]);
    });

    test('a repeated submissionId stores nothing new', async () => {
      const a = await store.appendReport(input('4263', '2025-06', 1), alice, {
        source: 'teams',
        submissionId: 'card-1',
        at: AT,
      });
      const rev = await store.revision();
      const again = await store.appendReport(input('4263', '2025-06', 99), alice, {
        source: 'teams',
        submissionId: 'card-1',
        at: AT,
      });
      expect(again.duplicate).toBe(true);
      expect(again.record).toEqual(a.record);
      expect(await store.reports()).toHaveLength(1);
      expect(await store.audit()).toHaveLength(1);
      expect(await store.revision()).toBe(rev);
    });

    test('the same submissionId sent concurrently is stored once', async () => {
      const calls = Array.from({ length: 10 }, () =>
        store.appendReport(input('4263', '2025-06', 1), alice, { source: 'teams', submissionId: 'same', at: AT }),
      );
      const results = await Promise.all(calls);
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      expect(new Set(results.map((r) => r.record.id)).size).toBe(1);
      expect(await store.reports()).toHaveLength(1);
    });

    test('appendReports: versions, duplicates skipped, audit actor is the importer', async () => {
      await store.appendReport(input('1', '2025-01', 1), alice, { source: 'teams', submissionId: 'old', at: AT });
      const res = await store.appendReports(
        [
          { input: input('1', '2025-01', 2), author: alice, source: 'csv', submissionId: 'f:2' },
          { input: input('1', '2025-01', 3), author: bob, source: 'csv', submissionId: 'f:3' },
          { input: input('2', '2025-01', 4), author: bob, source: 'csv', submissionId: 'old' },
          { input: input('2', '2025-01', 5), author: bob, source: 'csv', submissionId: 'f:2' },
          { input: input('2', '2025-02', 6), author: bob, source: 'csv' },
        ],
        AT,
        admin,
      );
      expect(res.map((r) => [r.duplicate, r.record.indicatorId, r.record.version, r.record.value])).toEqual([
        [false, '1', 2, 2],
        [false, '1', 3, 3],
        [true, '1', 1, 1],
        [true, '1', 2, 2],
        [false, '2', 1, 6],
      ]);
      expect(await store.reports()).toHaveLength(4);
      const entries = (await store.audit()).slice(1);
      expect(entries).toHaveLength(3);
      for (const e of entries) expect(e.actor).toEqual(admin);
      expect(entries[0]).toMatchObject({ action: 'report.correct', target: 'report:1:2025-01' });
      expect(res[1].record.author).toEqual(bob);
    });

    test('an invalid report in a batch stores nothing', async () => {
      await expect(
        store.appendReports(
          [
            { input: input('1', '2025-01', 2), author: alice, source: 'csv' },
            { input: input('1', '2025-13', 3), author: alice, source: 'csv' },
          ],
          AT,
          admin,
        ),
      ).rejects.toThrow(/period/);
      await expect(store.appendReport(input('1', '2025-01', NaN), alice, { source: 'csv', at: AT })).rejects.toThrow(
        /finite/,
      );
      expect(await store.reports()).toHaveLength(0);
      const r = await store.appendReport(input('1', '2025-01', 1), alice, { source: 'csv', at: AT });
      expect(r.record.version).toBe(1);
    });

    test('200 concurrent submits are all stored exactly once, versions 1..n per (indicator, period)', async () => {
      const calls = Array.from({ length: 200 }, (_, i) =>
        store.appendReport(input(String(i % 7), `2025-0${1 + (i % 3)}`, i), alice, {
          source: 'teams',
          submissionId: `sub-${i}`,
          at: AT,
        }),
      );
      const results = await Promise.all(calls);
      expect(results.every((r) => !r.duplicate)).toBe(true);
      const reports = await store.reports();
      expect(reports).toHaveLength(200);
      expect(new Set(reports.map((r) => r.submissionId)).size).toBe(200);
      expect(new Set(reports.map((r) => r.id)).size).toBe(200);
      const byKey = new Map<string, number[]>();
      for (const r of reports)
        byKey.set(`${r.indicatorId}|${r.period}`, [...(byKey.get(`${r.indicatorId}|${r.period}`) ?? []), r.version]);
      for (const versions of byKey.values()) expect(versions).toEqual(versions.map((_, i) => i + 1));
      expect(await store.audit()).toHaveLength(200);
    });

    test('owners: set, replace, clear, audited with before and after', async () => {
      await store.setOwners('4263', [alice, bob, alice], admin, AT);
      expect(await store.owners('4263')).toEqual([alice, bob]);
      expect(await store.allOwners()).toEqual({ '4263': [alice, bob] });
      const rev = await store.revision();
      await store.setOwners('4263', [alice, bob], admin, AT); // no change
      expect(await store.revision()).toBe(rev);
      await store.setOwners('4263', [bob], admin, '2025-07-01T00:00:00Z');
      expect(await store.revision()).toBeGreaterThan(rev);
      await store.setOwners('4263', [], admin, AT);
      expect(await store.owners('4263')).toEqual([]);
      expect(await store.allOwners()).toEqual({});
      const audit = await store.audit({ target: 'owner:4263' });
      expect(audit.map((e) => [e.action, e.before, e.after])).toEqual([
        ['owners.set', [], [alice, bob]],
        ['owners.set', [alice, bob], [bob]],
        ['owners.set', [bob], []],
      ]);
      expect(audit[1]).toMatchObject({ actor: admin, at: '2025-07-01T00:00:00Z' });
    });

    test("owners of two plans reusing an id: each under its plan's key, the audit entry naming it", async () => {
      await store.setOwners(ownersKey('pei-sg-2024-2027', '4263'), [alice], admin, AT);
      await store.setOwners(ownersKey('pei-2028-2031', '4263'), [bob], admin, AT);
      expect(await store.owners('4263')).toEqual([alice]);
      expect(await store.owners('pei-2028-2031/4263')).toEqual([bob]);
      expect(ownersOfPlan(await store.allOwners(), 'pei-2028-2031')).toEqual({ '4263': [bob] });
      expect(ownersOfPlan(await store.allOwners(), 'pei-sg-2024-2027')).toEqual({ '4263': [alice] });
      expect((await store.audit({ target: 'owner:pei-2028-2031/4263' })).map((e) => e.after)).toEqual([[bob]]);
      expect((await store.audit({ target: 'owner:4263' })).map((e) => e.after)).toEqual([[alice]]);
      if (h.reopen) {
        store = await h.reopen();
        expect(await store.allOwners()).toEqual({ '4263': [alice], 'pei-2028-2031/4263': [bob] });
      }
    });

    test('admins: add, update, remove, audited', async () => {
      await store.addAdmin(alice, admin, AT);
      await store.addAdmin(alice, admin, AT); // no change
      await store.addAdmin({ ...alice, name: 'Alice R.' }, admin, AT);
      expect(await store.admins()).toEqual([{ ...alice, name: 'Alice R.' }]);
      await store.removeAdmin('nobody', admin, AT);
      const rev = await store.revision();
      await store.removeAdmin(alice.id, admin, AT);
      expect(await store.revision()).toBeGreaterThan(rev);
      expect(await store.admins()).toEqual([]);
      expect((await store.audit({ target: `admin:${alice.id}` })).map((e) => [e.action, e.before, e.after])).toEqual([
        ['admin.add', null, alice],
        ['admin.add', alice, { ...alice, name: 'Alice R.' }],
        ['admin.remove', { ...alice, name: 'Alice R.' }, null],
      ]);
    });

    test('subscriptions: subscribe once, unsubscribe, audited', async () => {
      const sub = { conversationKey: 'conv-1', kind: 'weekly-digest' as const, createdBy: alice, createdAt: AT };
      expect(await store.subscribe(sub, alice)).toBe(true);
      expect(await store.subscribe(sub, alice)).toBe(false);
      expect(await store.subscriptions()).toEqual([sub]);
      expect(await store.unsubscribe('conv-2', 'weekly-digest', alice, AT)).toBe(false);
      expect(await store.unsubscribe('conv-1', 'review-digest', alice, AT)).toBe(false);
      expect(await store.unsubscribe('conv-1', 'weekly-digest', bob, AT)).toBe(true);
      expect(await store.subscriptions()).toEqual([]);
      expect(
        (await store.audit({ target: 'subscription:conv-1' })).map((e) => [e.action, e.actor, e.before, e.after]),
      ).toEqual([
        ['subscription.add', alice, null, sub],
        ['subscription.remove', bob, sub, null],
      ]);
    });

    test('unsubscribing removes only the kind named, audited, and so after a reopen', async () => {
      const weekly = { conversationKey: 'c-9', kind: 'weekly-digest' as const, createdBy: alice, createdAt: AT };
      const review = { ...weekly, kind: 'review-digest' as const, createdBy: admin };
      await store.subscribe(weekly, alice);
      await store.subscribe(review, admin);
      expect(await store.unsubscribe('c-9', 'weekly-digest', bob, AT)).toBe(true);
      expect(await store.subscriptions({ conversationKey: 'c-9' })).toEqual([review]);
      const removed = (await store.audit({ target: 'subscription:c-9' })).at(-1)!;
      expect([removed.action, removed.actor, removed.at, removed.before]).toEqual([
        'subscription.remove',
        bob,
        AT,
        weekly,
      ]);
      if (h.reopen) {
        store = await h.reopen();
        expect(await store.subscriptions({ conversationKey: 'c-9' })).toEqual([review]);
      }
    });

    test('plan versions: numbered per plan, audited with who, when, why and the effective date; the same plan again stores nothing', async () => {
      expect(await store.planVersions()).toEqual([]);
      const r0 = await store.revision();
      const first = await store.appendPlanVersion(reprogrammed(0.5), admin, AT);
      expect(first.status).toBe('stored');
      if (first.status !== 'stored') return;
      expect(first.record).toMatchObject({
        planId: 'pei-sg-2024-2027',
        version: 2,
        effective: '2025-09-01',
        reason: 'Resolución 45 de 2025',
        by: admin,
        at: AT,
        changes: [{ kind: 'target', indicatorId: '4263', year: 2025, from: 0.4, to: 0.5 }],
      });
      expect(await store.revision()).toBeGreaterThan(r0);
      const entry = (await store.audit({ target: 'plan:pei-sg-2024-2027:' })).at(-1)!;
      expect([entry.action, entry.target, entry.actor, entry.at, entry.before]).toEqual([
        'plan.version',
        'plan:pei-sg-2024-2027:v2',
        admin,
        AT,
        null,
      ]);
      expect(entry.after).toEqual(first.record);

      // the same plan again: nothing stored, the revision unmoved
      const r1 = await store.revision();
      const again = await store.appendPlanVersion(reprogrammed(0.5, '2025-10-01'), alice, AT);
      expect(again).toEqual({ status: 'unchanged', latest: first.record });
      expect(await store.revision()).toBe(r1);

      const second = await store.appendPlanVersion(reprogrammed(0.6, '2025-11-01'), admin, AT);
      expect(second.status === 'stored' && second.record.version).toBe(3);
      expect((await store.planVersions('pei-sg-2024-2027')).map((v) => [v.version, v.effective])).toEqual([
        [2, '2025-09-01'],
        [3, '2025-11-01'],
      ]);
      expect(await store.planVersions('another-plan')).toEqual([]);
      await expect(store.appendPlanVersion({ ...reprogrammed(), effective: '2025-13-01' }, admin, AT)).rejects.toThrow(
        TypeError,
      );
      if (h.reopen) {
        store = await h.reopen();
        expect((await store.planVersions()).map((v) => v.version)).toEqual([2, 3]);
        expect((await store.planVersions())[0]).toEqual(first.record);
      }
    });

    test('plan versions: an expected latest version decides in the write order; another stored since is never overwritten', async () => {
      // nothing stored yet: the shipped plan's latest is its file, version 1; a new plan's is 0
      const stale = await store.appendPlanVersion({ ...reprogrammed(0.5), expectedLatest: 2 }, admin, AT);
      expect(stale).toEqual({ status: 'stale', latest: 1 });
      expect(await store.planVersions()).toEqual([]);
      const first = await store.appendPlanVersion({ ...reprogrammed(0.5), expectedLatest: 1 }, admin, AT);
      expect(first.status === 'stored' && first.record.version).toBe(2);
      // two previews read against version 2; one is stored (version 3), the other is refused, naming version 3
      const r0 = await store.revision();
      const audited = (await store.audit()).length;
      const a = await store.appendPlanVersion({ ...reprogrammed(0.6, '2025-10-01'), expectedLatest: 2 }, admin, AT);
      expect(a.status === 'stored' && a.record.version).toBe(3);
      const b = await store.appendPlanVersion({ ...reprogrammed(0.7, '2025-11-01'), expectedLatest: 2 }, alice, AT);
      expect(b).toEqual({ status: 'stale', latest: 3 });
      expect((await store.planVersions('pei-sg-2024-2027')).map((v) => [v.version, v.effective, v.by.name])).toEqual([
        [2, '2025-09-01', admin.name],
        [3, '2025-10-01', admin.name],
      ]);
      expect((await store.audit()).length).toBe(audited + 1);
      expect(await store.revision()).toBeGreaterThan(r0);
      // the same plan as the latest: 'unchanged' whatever was expected (the same workbook stored twice)
      const same = await store.appendPlanVersion({ ...reprogrammed(0.6, '2025-10-01'), expectedLatest: 2 }, bob, AT);
      expect(same.status).toBe('unchanged');
      // a plan not stored yet: 0 expected
      const other = { ...reprogrammed(0.5), firstVersion: 1, planId: 'pei-2028-2031' };
      other.plan = { ...other.plan, id: 'pei-2028-2031' };
      expect(await store.appendPlanVersion({ ...other, expectedLatest: 1 }, admin, AT)).toEqual({
        status: 'stale',
        latest: 0,
      });
      const created = await store.appendPlanVersion({ ...other, expectedLatest: 0 }, admin, AT);
      expect(created.status === 'stored' && created.record.version).toBe(1);
      await expect(store.appendPlanVersion({ ...reprogrammed(0.8), expectedLatest: -1 }, admin, AT)).rejects.toThrow(
        TypeError,
      );
      if (h.reopen) {
        store = await h.reopen();
        expect((await store.planVersions()).map((v) => [v.planId, v.version])).toEqual([
          ['pei-sg-2024-2027', 2],
          ['pei-sg-2024-2027', 3],
          ['pei-2028-2031', 1],
        ]);
      }
    });

    test('health: ok while the store takes reads and writes', async () => {
      expect(await store.health()).toEqual({ ok: true });
    });

    test('every kind of subscription is kept, and survives a reopen', async () => {
      for (const kind of SUBSCRIPTION_KINDS) {
        expect(
          await store.subscribe({ conversationKey: `conv-${kind}`, kind, createdBy: alice, createdAt: AT }, alice),
        ).toBe(true);
      }
      const kinds = async () => (await store.subscriptions()).map((x) => x.kind).sort();
      expect(await kinds()).toEqual([...SUBSCRIPTION_KINDS].sort());
      if (h.reopen) {
        store = await h.reopen();
        expect(await kinds()).toEqual([...SUBSCRIPTION_KINDS].sort());
      }
    });

    test('conversations: save, update, mark inactive, remove', async () => {
      const conv = {
        key: 'c1',
        scope: 'personal' as const,
        reference: { conversation: { id: 'a:1' }, serviceUrl: 'https://smba' },
        userId: 'u1',
        active: true,
        updatedAt: AT,
      };
      await store.saveConversation(conv);
      await store.saveConversation({ ...conv, key: 'c2', scope: 'channel' as const, teamId: 't1' });
      expect(await store.conversations()).toHaveLength(2);
      await store.saveConversation({ ...conv, name: 'Alice' });
      expect(await store.conversations()).toHaveLength(2);
      expect((await store.conversations())[0]).toEqual({ ...conv, name: 'Alice' });
      const rev = await store.revision();
      await store.markConversationInactive('c1', 'uninstalled', '2025-07-01T00:00:00Z');
      expect(await store.revision()).toBeGreaterThan(rev);
      expect((await store.conversations())[0]).toMatchObject({
        active: false,
        inactiveReason: 'uninstalled',
        updatedAt: '2025-07-01T00:00:00Z',
      });
      await store.markConversationInactive('nope', 'x', AT);
      await store.removeConversation('c2');
      await store.removeConversation('c2');
      expect((await store.conversations()).map((c) => c.key)).toEqual(['c1']);
    });

    test('sent records', async () => {
      await store.markSent({ key: 'digest:2025-W27:c1', at: AT, detail: { n: 3 } });
      await store.markSent({ key: 'reminder:2025-06:d-3:u1:4263', at: AT });
      expect(await store.wasSent('digest:2025-W27:c1')).toBe(true);
      expect(await store.wasSent('digest:2025-W28:c1')).toBe(false);
      await store.markSent({ key: 'digest:2025-W27:c1', at: '2025-07-01T00:00:00Z' });
      expect(await store.sent()).toHaveLength(2);
      expect((await store.sent())[0]).toEqual({ key: 'digest:2025-W27:c1', at: '2025-07-01T00:00:00Z' });
    });

    test('the revision increases on every change', async () => {
      const seen = [await store.revision()];
      const step = async (f: () => Promise<unknown>) => {
        await f();
        expect(await store.revision()).toBeGreaterThan(seen[seen.length - 1]);
        seen.push(await store.revision());
      };
      await step(() => store.appendReport(input('1', '2025-01', 1), alice, { source: 'teams', at: AT }));
      await step(() =>
        store.appendReports([{ input: input('1', '2025-01', 2), author: alice, source: 'csv' }], AT, admin),
      );
      await step(() => store.setOwners('1', [alice], admin, AT));
      await step(() => store.addAdmin(bob, admin, AT));
      await step(() => store.removeAdmin(bob.id, admin, AT));
      await step(() =>
        store.subscribe({ conversationKey: 'c', kind: 'weekly-digest', createdBy: alice, createdAt: AT }, alice),
      );
      await step(() => store.unsubscribe('c', 'weekly-digest', alice, AT));
      await step(() => store.saveConversation({ key: 'c', scope: 'team', reference: {}, active: true, updatedAt: AT }));
      await step(() => store.markConversationInactive('c', 'removed', AT));
      await step(() => store.removeConversation('c'));
      await step(() => store.markSent({ key: 'k', at: AT }));
    });

    test('reads by key and range: indicator, month, year, range, latest versions, id, idempotency key', async () => {
      await store.appendReport(input('4263', '2024-12', 1), alice, { source: 'teams', at: AT });
      await store.appendReport(input('4263', '2025-06', 2), alice, { source: 'teams', submissionId: 'k-a', at: AT });
      await store.appendReport(input('4236', '2025-03', 3), bob, { source: 'api', at: AT });
      const v2 = await store.appendReport(input('4263', '2025-06', 4), bob, { source: 'teams', at: AT });
      await store.appendReport(input('4236', '2026-01', 5), bob, { source: 'csv', at: AT });
      const values = (list: readonly { value: number }[]) => list.map((r) => r.value);
      expect(values(await store.reports({ indicatorId: '4263' }))).toEqual([1, 2, 4]);
      expect(values(await store.reports({ year: 2025 }))).toEqual([2, 3, 4]);
      expect(values(await store.reports({ indicatorId: '4263', period: '2025-06' }))).toEqual([2, 4]);
      expect(values(await store.reports({ from: '2025-01', to: '2026-01' }))).toEqual([2, 3, 4, 5]);
      expect(values(await store.reports({ from: '2025-04' }))).toEqual([2, 4, 5]);
      expect(values(await store.reports({ to: '2024-12' }))).toEqual([1]);
      expect(values(await store.reports({ year: 2025, from: '2025-04' }))).toEqual([2, 4]);
      expect(await store.reports({ indicatorId: 'nope' })).toEqual([]);
      // The latest version of each month, in write order.
      expect((await store.latestReports()).map((r) => [r.indicatorId, r.period, r.version])).toEqual([
        ['4263', '2024-12', 1],
        ['4236', '2025-03', 1],
        ['4263', '2025-06', 2],
        ['4236', '2026-01', 1],
      ]);
      expect(values(await store.latestReports({ indicatorId: '4263', year: 2025 }))).toEqual([4]);
      // By review state: a version without one reads as 'aprobado'; the latest version's state is the month's.
      await store.appendReport(input('4236', '2025-03', 6), alice, { source: 'teams', at: AT, review: 'pendiente' });
      await store.appendReport(input('4263', '2025-07', 7), alice, { source: 'teams', at: AT, review: 'pendiente' });
      await store.appendReport(input('4263', '2025-07', 8), admin, { source: 'teams', at: AT, review: 'aprobado' });
      expect(values(await store.latestReports({ review: 'pendiente' }))).toEqual([6]);
      expect(values(await store.reports({ review: 'pendiente' }))).toEqual([6, 7]);
      expect(values(await store.latestReports({ review: 'aprobado', indicatorId: '4263' }))).toEqual([1, 4, 8]);
      expect(await store.report(v2.record.id)).toEqual(v2.record);
      expect(await store.report('4263:2025-06:v9')).toBeUndefined();
      expect((await store.reportBySubmission('k-a'))?.value).toBe(2);
      expect(await store.reportBySubmission('k-none')).toBeUndefined();
    });

    test('reportChanges: the revision now and the versions stored or reviewed after a revision, each once, as they are now', async () => {
      await store.appendReport(input('4263', '2025-05', 1), alice, { source: 'teams', at: AT });
      const r0 = await store.revision();
      expect(await store.reportChanges(r0)).toEqual({ revision: r0, reports: [] });
      const a = await store.appendReport(input('4263', '2025-06', 2), alice, {
        source: 'teams',
        at: AT,
        review: 'pendiente',
      });
      await store.setOwners('4263', [alice], admin, AT); // not a report: nothing to read
      const [b, c] = await store.appendReports(
        [
          { input: input('4236', '2025-03', 3), author: bob, source: 'csv' },
          { input: input('4263', '2025-05', 4), author: bob, source: 'csv' }, // version 2 of a month stored before r0
        ],
        AT,
        admin,
      );
      const r1 = await store.revision();
      await store.reviewReport(
        { reportId: a.record.id, decision: 'devuelto', note: 'Falta la evidencia del mes' },
        admin,
        AT,
      );
      const returned = await store.report(a.record.id);
      expect(returned?.review).toBe('devuelto');
      const all = await store.reportChanges(r0);
      expect(all.revision).toBe(await store.revision());
      // The returned version once, as it is now, at its last change (after the batch).
      expect(all.reports).toEqual([b.record, c.record, returned]);
      expect(await store.reportChanges(r1)).toEqual({ revision: all.revision, reports: [returned] });
      expect(await store.reportChanges(all.revision)).toEqual({ revision: all.revision, reports: [] });
    });

    test('filters of the small state: subscriptions by kind and conversation, conversations by key, scope and state, sent by prefix', async () => {
      await store.subscribe({ conversationKey: 'c1', kind: 'weekly-digest', createdBy: alice, createdAt: AT }, alice);
      await store.subscribe({ conversationKey: 'c2', kind: 'review-digest', createdBy: alice, createdAt: AT }, alice);
      await store.subscribe({ conversationKey: 'c2', kind: 'weekly-digest', createdBy: alice, createdAt: AT }, alice);
      expect((await store.subscriptions({ kind: 'weekly-digest' })).map((x) => x.conversationKey)).toEqual([
        'c1',
        'c2',
      ]);
      expect((await store.subscriptions({ conversationKey: 'c2' })).map((x) => x.kind)).toEqual([
        'review-digest',
        'weekly-digest',
      ]);
      expect(await store.subscriptions({ conversationKey: 'c1', kind: 'review-digest' })).toEqual([]);
      const conv = (key: string, scope: 'personal' | 'channel', active = true) => ({
        key,
        scope,
        reference: { id: key },
        active,
        updatedAt: AT,
      });
      await store.saveConversation(conv('p1', 'personal'));
      await store.saveConversation(conv('ch1', 'channel'));
      await store.saveConversation(conv('p2', 'personal', false));
      await store.saveConversation({ ...conv('p3', 'personal'), userId: 'aad-luis', email: 'luis@example.gov.co' });
      expect(await store.conversation('ch1')).toEqual(conv('ch1', 'channel'));
      expect(await store.conversation('zz')).toBeUndefined();
      expect((await store.conversations({ scope: 'personal' })).map((c) => c.key)).toEqual(['p1', 'p2', 'p3']);
      expect((await store.conversations({ active: true })).map((c) => c.key)).toEqual(['p1', 'ch1', 'p3']);
      // Whose personal chat it is (where a person's e-mail is kept: teams/people.ts).
      expect((await store.conversations({ scope: 'personal', userId: 'aad-luis' })).map((c) => c.email)).toEqual([
        'luis@example.gov.co',
      ]);
      expect(await store.conversations({ userId: 'aad-nadie' })).toEqual([]);
      expect((await store.conversations({ scope: 'personal', active: false })).map((c) => c.key)).toEqual(['p2']);
      await store.markSent({ key: 'digest:2025-W27:c1', at: AT });
      await store.markSent({ key: 'reminder:2025-06:d-3:u:4263', at: AT });
      await store.markSent({ key: 'digest_x', at: AT }); // '_' is not a wildcard
      expect((await store.sent({ prefix: 'digest:' })).map((r) => r.key)).toEqual(['digest:2025-W27:c1']);
      expect((await store.sent()).map((r) => r.key)).toHaveLength(3);
      expect(await store.auditCount()).toBe(3); // three subscriptions
      expect((await store.audit({ target: 'subscription:c2' })).length).toBe(2);
    });

    test('claimSend: one claim per key, even when asked at once; a released claim may be claimed again', async () => {
      const rec = { key: 'reminder:2025-06:d-3:u1:4263', at: AT, detail: { kind: 'reminder' } };
      const claims = await Promise.all(Array.from({ length: 10 }, () => store.claimSend(rec)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.wasSent(rec.key)).toBe(true);
      expect(await store.sent()).toEqual([rec]);
      expect(await store.claimSend(rec)).toBe(false);
      await store.releaseSend(rec.key);
      expect(await store.wasSent(rec.key)).toBe(false);
      expect(await store.claimSend({ ...rec, at: '2025-07-01T10:00:00.000-05:00' })).toBe(true);
      expect((await store.sent()).map((r) => r.at)).toEqual(['2025-07-01T10:00:00.000-05:00']);
      await store.releaseSend('never-claimed'); // nothing to release: no error
      if (h.reopen) {
        store = await h.reopen();
        expect(await store.wasSent(rec.key)).toBe(true);
        expect(await store.claimSend(rec)).toBe(false);
      }
    });

    test('confirmSend: a pending claim becomes the record of what was sent', async () => {
      const rec = { key: 'digest:2025-W28:c1', at: AT, detail: { kind: 'digest' } };
      expect(await store.claimSend({ ...rec, pending: true })).toBe(true);
      expect(await store.sent()).toEqual([{ ...rec, pending: true }]);
      await store.confirmSend(rec);
      expect(await store.sent()).toEqual([rec]);
      expect(await store.claimSend(rec)).toBe(false);
      if (h.reopen) {
        store = await h.reopen();
        expect(await store.sent()).toEqual([rec]);
      }
    });

    test("onChange: listeners hear this store's writes, with a revision; the returned function stops them", async () => {
      const heard: number[] = [];
      const stop = store.onChange((rev) => heard.push(rev));
      /** Resolves with the first revision a fresh listener hears at or above `rev` (the event to wait for). */
      const announced = (rev: number) =>
        new Promise<number>((resolve) => {
          const off = store.onChange((r) => {
            if (r < rev) return;
            off();
            resolve(r);
          });
        });
      const first = announced(1);
      await store.appendReport(input('4263', '2025-06', 1), alice, { source: 'teams', at: AT });
      await first; // listeners are called in the order they were added: `heard` was called before
      expect(heard.length).toBeGreaterThan(0);
      expect(Math.max(...heard)).toBeLessThanOrEqual(await store.revision());
      stop();
      const count = heard.length;
      const next = announced((await store.revision()) + 1);
      await store.setOwners('4263', [alice], admin, AT);
      await next;
      expect(heard.length).toBe(count);
    });

    test('a list already returned is a snapshot: later writes do not change it', async () => {
      await store.appendReport(input('1', '2025-01', 1), alice, { source: 'teams', at: AT });
      const before = await store.reports();
      const conversationsBefore = await store.conversations();
      await store.appendReport(input('1', '2025-02', 2), alice, { source: 'teams', at: AT });
      await store.saveConversation({ key: 'c1', scope: 'personal', reference: {}, active: true, updatedAt: AT });
      expect(before.map((r) => r.period)).toEqual(['2025-01']);
      expect(conversationsBefore).toEqual([]);
      expect((await store.reports()).map((r) => r.period)).toEqual(['2025-01', '2025-02']);
    });

    test('everything is there after a reopen (durable implementations)', async () => {
      if (!h.reopen) return;
      const a = await store.appendReport(input('4263', '2025-06', 0.3), alice, {
        source: 'teams',
        submissionId: 's1',
        at: AT,
      });
      await store.appendReport(input('4263', '2025-06', 0.4), bob, { source: 'teams', at: AT });
      await store.appendReports(
        [{ input: input('5', '2025-02', 6), author: bob, source: 'csv', submissionId: 'f:1' }],
        AT,
        admin,
      );
      await store.setOwners('4263', [alice], admin, AT);
      await store.addAdmin(bob, admin, AT);
      await store.subscribe({ conversationKey: 'c1', kind: 'weekly-digest', createdBy: alice, createdAt: AT }, alice);
      await store.saveConversation({
        key: 'c1',
        scope: 'groupChat',
        reference: { id: 1 },
        active: true,
        updatedAt: AT,
      });
      await store.markSent({ key: 'digest:2025-W27:c1', at: AT });
      const reports = [...(await store.reports())];
      const audit = [...(await store.audit())];

      store = await h.reopen();
      expect(await store.reports()).toEqual(reports);
      expect(await store.audit()).toEqual(audit);
      expect(await store.owners('4263')).toEqual([alice]);
      expect(await store.admins()).toEqual([bob]);
      expect(await store.subscriptions()).toHaveLength(1);
      expect(await store.conversations()).toEqual([
        { key: 'c1', scope: 'groupChat', reference: { id: 1 }, active: true, updatedAt: AT },
      ]);
      expect(await store.wasSent('digest:2025-W27:c1')).toBe(true);

      const again = await store.appendReport(input('4263', '2025-06', 9), alice, {
        source: 'teams',
        submissionId: 's1',
        at: AT,
      });
      expect(again).toEqual({ record: a.record, duplicate: true });
      const next = await store.appendReport(input('4263', '2025-06', 0.5), alice, { source: 'teams', at: AT });
      expect(next.record.version).toBe(3);
      await store.setOwners('4263', [bob], admin, AT);
      const seqs = (await store.audit()).map((e) => e.seq);
      expect(new Set(seqs).size).toBe(seqs.length);
      expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    });

    test('review: approve and return the latest pendiente version, audited, once, and after a reopen', async () => {
      const v1 = await store.appendReport(input('4263', '2025-06', 0.3), alice, {
        source: 'teams',
        at: AT,
        review: 'pendiente',
      });
      expect(v1.record.review).toBe('pendiente');
      const legacy = await store.appendReport(input('4263', '2025-05', 0.2), alice, { source: 'csv', at: AT });
      expect(legacy.record).not.toHaveProperty('review');
      const list0 = await store.reports();
      const r0 = await store.revision();

      const [a, b] = await Promise.all([
        store.reviewReport(
          { reportId: v1.record.id, decision: 'devuelto', note: 'Falta la evidencia del mes' },
          admin,
          '2025-07-02T10:00:00.000Z',
        ),
        store.reviewReport({ reportId: v1.record.id, decision: 'aprobado' }, bob, '2025-07-02T10:00:01.000Z'),
      ]);
      expect(a.status).toBe('reviewed');
      expect(b.status).toBe('not-pending');
      expect(await store.revision()).toBeGreaterThan(r0);
      expect(await store.reports()).not.toBe(list0); // a review replaces the list: caches keyed by it read it again
      const returned = (await store.reports()).find((r) => r.id === v1.record.id)!;
      expect(returned).toMatchObject({
        value: 0.3,
        version: 1,
        review: 'devuelto',
        reviewedBy: admin,
        reviewedAt: '2025-07-02T10:00:00.000Z',
        reviewNote: 'Falta la evidencia del mes',
      });
      expect(v1.record.review).toBe('pendiente'); // the stored version object is never changed in place
      const audit = await store.audit({ target: 'report:4263:2025-06' });
      expect(audit.map((e) => e.action)).toEqual(['report.create', 'report.return']);
      expect(audit[1]).toMatchObject({
        actor: admin,
        at: '2025-07-02T10:00:00.000Z',
        after: { id: v1.record.id, review: 'devuelto', reviewNote: 'Falta la evidencia del mes' },
      });

      expect((await store.reviewReport({ reportId: 'nope', decision: 'aprobado' }, admin, AT)).status).toBe(
        'not-found',
      );
      const v2 = await store.appendReport(input('4263', '2025-06', 0.35), alice, {
        source: 'teams',
        at: AT,
        review: 'pendiente',
      });
      expect((await store.reviewReport({ reportId: v1.record.id, decision: 'aprobado' }, admin, AT)).status).toBe(
        'superseded',
      );
      const ok = await store.reviewReport(
        { reportId: v2.record.id, decision: 'aprobado' },
        admin,
        '2025-07-03T10:00:00.000Z',
      );
      expect(ok.status).toBe('reviewed');
      expect(
        (await store.reports())
          .filter((r) => r.indicatorId === '4263')
          .map((r) => [r.version, r.period, r.review ?? null]),
      ).toEqual([
        [1, '2025-06', 'devuelto'],
        [1, '2025-05', null],
        [2, '2025-06', 'aprobado'],
      ]);
      expect(
        (await store.audit()).filter((e) => e.action.startsWith('report.a') || e.action === 'report.return'),
      ).toHaveLength(2);

      if (h.reopen) {
        const before = (await store.reports()).map((r) => ({ ...r }));
        store = await h.reopen();
        expect((await store.reports()).map((r) => ({ ...r }))).toEqual(before);
        expect((await store.audit({ target: 'report:4263:2025-06' })).map((e) => e.action)).toEqual([
          'report.create',
          'report.return',
          'report.correct',
          'report.approve',
        ]);
        // The state survives: a reopened store still refuses a second review.
        expect(
          (await store.reviewReport({ reportId: v2.record.id, decision: 'devuelto', note: 'otra vez no' }, admin, AT))
            .status,
        ).toBe('not-pending');
      }
    });

    test('refuses writes after close', async () => {
      await store.close();
      await expect(store.appendReport(input('1', '2025-01', 1), alice, { source: 'teams', at: AT })).rejects.toThrow(
        /closed/,
      );
    });
  });
}
