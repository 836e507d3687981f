import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openLowdbStore, StoreError, storeFiles, type LowdbStore } from '../../src/store/lowdb-store';
import type { Store } from '../../src/store/types';
import { admin, alice, bob, type Harness, input, storeContract } from './contract';

const AT = '2025-06-30T10:00:00.000-05:00';
const dirs: string[] = [];

function tempDb(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pei-store-'));
  dirs.push(dir);
  return path.join(dir, 'data', 'db.json');
}

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

storeContract(
  'lowdb',
  async () => {
    const file = tempDb();
    const h: Harness = {
      store: await openLowdbStore(file),
      reopen: async () => {
        await h.store.close();
        h.store = await openLowdbStore(file);
        return h.store;
      },
    };
    return h;
  },
  async (h) => h.store.close(),
);

describe('lowdb store: files and start-up', () => {
  let open: Store[] = [];
  const openStore = async (file: string, opts?: Parameters<typeof openLowdbStore>[1]) => {
    const s = await openLowdbStore(file, opts);
    open.push(s);
    return s;
  };
  afterEach(async () => {
    for (const s of open) await s.close();
    open = [];
  });

  test('creates the directory, the document with its header and the logs beside it', async () => {
    const file = tempDb();
    const store = await openStore(file);
    await store.appendReport(input('4263', '2025-06', 1), alice, { source: 'teams', at: AT });
    const f = storeFiles(file);
    expect(f.reports).toBe(path.join(path.dirname(file), 'db.reports.jsonl'));
    expect(f.audit).toBe(path.join(path.dirname(file), 'db.audit.jsonl'));
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(doc).toMatchObject({ format: 'pei-bot-store', version: 2, owners: {}, admins: [] });
    expect(fs.readFileSync(f.reports, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(f.audit, 'utf8').trim().split('\n')).toHaveLength(1);
    // a report does not rewrite the document
    expect(doc).not.toHaveProperty('reports');
  });

  test.each([
    ['not JSON', '{"format": "pei-bot-store", "version": 1, '],
    ['empty', ''],
    ['JSON null', 'null'],
    ['someone else\'s JSON', '{"posts": []}'],
    ['a newer format', '{"format": "pei-bot-store", "version": 3}'],
  ])('a document that is %s stops the open, names the file and is left untouched', async (_what, content) => {
    const file = tempDb();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    const before = fs.readdirSync(path.dirname(file));
    const err = await openLowdbStore(file).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toMatch(/left untouched/);
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
    expect(fs.readdirSync(path.dirname(file))).toEqual(before); // no logs, no lock left behind
    // and it stays refused
    await expect(openLowdbStore(file)).rejects.toThrow(/left untouched/);
  });

  test('a corrupt line in the middle of a log stops the open, naming file and line', async () => {
    const file = tempDb();
    const s = await openLowdbStore(file);
    for (let i = 0; i < 3; i++) await s.appendReport(input('1', '2025-01', i), alice, { source: 'teams', at: AT });
    await s.close();
    const { reports, audit } = storeFiles(file);
    const lines = fs.readFileSync(reports, 'utf8').split('\n');
    lines[1] = lines[1].slice(0, 20);
    const corrupt = lines.join('\n');
    fs.writeFileSync(reports, corrupt);
    const auditBytes = fs.readFileSync(audit);
    await expect(openLowdbStore(file)).rejects.toThrow(new RegExp(`${reports.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: line 2 is not a valid report`));
    expect(fs.readFileSync(reports, 'utf8')).toBe(corrupt);
    expect(fs.readFileSync(audit).equals(auditBytes)).toBe(true);

    // a line that parses but is not a record is refused too
    fs.writeFileSync(reports, `${lines[0]}\n{"hello": 1}\n${lines[2]}\n`);
    await expect(openLowdbStore(file)).rejects.toThrow(/line 2 is not a valid report.*id, indicatorId or period missing/);
  });

  test('a torn last line (crash mid-append) is cut away with a warning, and the rest loads', async () => {
    const file = tempDb();
    const s = await openLowdbStore(file);
    for (let i = 0; i < 3; i++) await s.appendReport(input('1', '2025-01', i), alice, { source: 'teams', submissionId: `s${i}`, at: AT });
    await s.close();
    const { reports, audit } = storeFiles(file);
    const good = fs.readFileSync(audit, 'utf8');
    fs.appendFileSync(audit, '{"seq":4,"at":"2025-06-30","actor":{"id":"x","na');
    fs.appendFileSync(reports, '{"id":"1:2025-01:v4","indic');
    const warnings: string[] = [];
    const store = await openStore(file, { onWarning: (m) => warnings.push(m) });
    expect(warnings.join('\n')).toMatch(/db\.audit\.jsonl: cut a torn last line/);
    expect(warnings.join('\n')).toMatch(/db\.reports\.jsonl: cut a torn last line/);
    expect((await store.reports())).toHaveLength(3);
    expect(fs.readFileSync(audit, 'utf8')).toBe(good);
    const next = await store.appendReport(input('1', '2025-01', 9), alice, { source: 'teams', at: AT });
    expect(next.record.version).toBe(4);
    await store.close();
    open = [];
    const warnings2: string[] = [];
    const again = await openStore(file, { onWarning: (m) => warnings2.push(m) });
    expect(warnings2).toEqual([]);
    expect((await again.reports()).map((r) => r.version)).toEqual([1, 2, 3, 4]);
  });

  test('a complete last line without its newline is kept', async () => {
    const file = tempDb();
    const s = await openLowdbStore(file);
    await s.appendReport(input('1', '2025-01', 1), alice, { source: 'teams', at: AT });
    await s.appendReport(input('1', '2025-01', 2), alice, { source: 'teams', at: AT });
    await s.close();
    const { reports } = storeFiles(file);
    fs.writeFileSync(reports, fs.readFileSync(reports, 'utf8').replace(/\n$/, ''));
    const warnings: string[] = [];
    const store = await openStore(file, { onWarning: (m) => warnings.push(m) });
    expect((await store.reports())).toHaveLength(2);
    expect(warnings.join()).toMatch(/se completó una última línea/);
    expect(fs.readFileSync(reports, 'utf8').endsWith('\n')).toBe(true);
  });

  test('reports acknowledged in the audit log but missing from the reports log are rolled forward', async () => {
    const file = tempDb();
    const s = await openLowdbStore(file);
    await s.appendReport(input('1', '2025-01', 1), alice, { source: 'teams', at: AT });
    const docBefore = fs.readFileSync(file);
    await s.appendReports(
      [
        { input: input('1', '2025-01', 2), author: bob, source: 'csv', submissionId: 'f:1' },
        { input: input('2', '2025-01', 3), author: bob, source: 'csv', submissionId: 'f:2' },
      ],
      AT,
      admin,
    );
    const all = [...(await s.reports())];
    await s.close();
    const { reports } = storeFiles(file);
    const lines = fs.readFileSync(reports, 'utf8').split('\n');
    // crash in the middle of the second batch: the audit log written, the reports log torn, the document not yet
    // holding the batch's counters
    fs.writeFileSync(reports, `${lines[0]}\n${lines[1].slice(0, 30)}`);
    fs.writeFileSync(file, docBefore);
    const warnings: string[] = [];
    const store = await openStore(file, { onWarning: (m) => warnings.push(m) });
    expect((await store.reports())).toEqual(all);
    expect(warnings.join('\n')).toMatch(/se restauraron 2 reporte/);
    expect((await store.appendReport(input('2', '2025-01', 4), bob, { source: 'csv', submissionId: 'f:2', at: AT })).duplicate).toBe(true);
  });

  test('state changes in the audit log but not in the document are rolled forward', async () => {
    const file = tempDb();
    const s = await openLowdbStore(file);
    await s.setOwners('4263', [alice], admin, AT);
    const docBefore = fs.readFileSync(file);
    await s.setOwners('4263', [bob], admin, AT);
    await s.addAdmin(bob, admin, AT);
    await s.subscribe({ conversationKey: 'c1', kind: 'weekly-digest', createdBy: alice, createdAt: AT }, alice);
    await s.close();
    fs.writeFileSync(file, docBefore); // as if the process died before the document write
    const warnings: string[] = [];
    const store = await openStore(file, { onWarning: (m) => warnings.push(m) });
    expect((await store.owners('4263'))).toEqual([bob]);
    expect((await store.admins())).toEqual([bob]);
    expect((await store.subscriptions()).map((x) => x.conversationKey)).toEqual(['c1']);
    expect(warnings.join()).toMatch(/rolled forward 3 change/);
  });

  test('a missing audit log while the document refers to it stops the open', async () => {
    const file = tempDb();
    const s = await openLowdbStore(file);
    await s.setOwners('4263', [alice], admin, AT);
    await s.close();
    fs.rmSync(storeFiles(file).audit);
    await expect(openLowdbStore(file)).rejects.toThrow(/Falta el registro de auditoría \S*db\.audit\.jsonl/);
  });

  test('a second writer gets a read-only store (or an error when exclusive)', async () => {
    const file = tempDb();
    const first = await openStore(file);
    await first.appendReport(input('1', '2025-01', 1), alice, { source: 'teams', at: AT });
    const warnings: string[] = [];
    const second = (await openStore(file, { onWarning: (m) => warnings.push(m) })) as LowdbStore;
    expect(second.readOnly).toBe(true);
    expect(warnings.join()).toMatch(/in use by process/);
    expect((await second.reports())).toHaveLength(1);
    await expect(second.appendReport(input('1', '2025-01', 2), alice, { source: 'teams', at: AT })).rejects.toThrow(/read-only/);
    await expect(openLowdbStore(file, { exclusive: true })).rejects.toThrow(/in use by process/);
    const reader = (await openStore(file, { readOnly: true })) as LowdbStore;
    expect((await reader.reports())).toHaveLength(1);
    await first.close();
    await second.close();
    open = [reader];
    // the lock was released: a new writer gets it
    const third = (await openStore(file)) as LowdbStore;
    expect(third.readOnly).toBe(false);
  });

  test('a stale lock (dead process) is taken over', async () => {
    const file = tempDb();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(storeFiles(file).lock, '999999999\n');
    const store = (await openStore(file)) as LowdbStore;
    expect(store.readOnly).toBe(false);
  });

  test('group commit: 200 concurrent submits cost a handful of fsync batches', async () => {
    const file = tempDb();
    const store = (await openStore(file)) as LowdbStore;
    const before = store.stats();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        store.appendReport(input(String(i % 5), '2025-06', i), alice, { source: 'teams', submissionId: `c${i}`, at: AT }),
      ),
    );
    const after = store.stats();
    const batches = after.batches - before.batches;
    expect(results).toHaveLength(200);
    expect(batches).toBeGreaterThanOrEqual(1);
    expect(batches).toBeLessThan(20);
    expect(after.reportLines - before.reportLines).toBe(200);
    // eslint-disable-next-line no-console
    console.log(`200 concurrent appendReport: ${batches} batch(es), ${after.fsyncs - before.fsyncs} fsync(s)`);

    // spread over time (each call waits for the previous tick) they still group while a write is in flight
    const b2 = store.stats().batches;
    const spread = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        await new Promise((r) => setImmediate(r));
        for (let k = 0; k < i % 10; k++) await Promise.resolve();
        return store.appendReport(input('9', '2025-06', i), alice, { source: 'teams', submissionId: `d${i}`, at: AT });
      }),
    );
    expect(spread.map((r) => r.record.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(store.stats().batches - b2).toBeLessThan(100);

    await store.close();
    open = [];
    const reopened = await openStore(file);
    expect((await reopened.reports())).toHaveLength(400);
  });

  test('a submit costs one fsync (the audit log); the document catches up at the checkpoint, and a copy taken before it opens whole', async () => {
    const file = tempDb();
    const store = (await openStore(file)) as LowdbStore;
    await store.setOwners('4263', [alice], admin, AT); // a small-state change: written through to the document
    const counters = () => JSON.parse(fs.readFileSync(file, 'utf8')).logs as { audit: { lines: number }; reports: { lines: number } };
    expect(counters()).toMatchObject({ audit: { lines: 1 }, reports: { lines: 0 } });
    const before = store.stats();
    await store.appendReport(input('4263', '2025-06', 0.3), alice, { source: 'teams', submissionId: 'f1', at: AT });
    expect(store.stats().fsyncs - before.fsyncs).toBe(1);
    expect(store.stats().docWrites).toBe(before.docWrites);
    // acknowledged: in both logs already, the document still holding the earlier counters
    const { audit, reports } = storeFiles(file);
    expect(fs.readFileSync(reports, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(counters()).toMatchObject({ audit: { lines: 1 }, reports: { lines: 0 } });
    // what a power cut would leave: these files as they are now
    const copy = path.join(path.dirname(tempDb()), 'copia', 'db.json');
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    for (const [from, to] of [[file, copy], [audit, storeFiles(copy).audit], [reports, storeFiles(copy).reports]]) fs.copyFileSync(from, to);
    // idle for CHECKPOINT_IDLE_MS: the document follows
    // (the file is in place once renamed; the write counts once its fsync is done)
    for (let i = 0; i < 100 && store.stats().docWrites === before.docWrites; i++) await new Promise((r) => setTimeout(r, 50));
    expect(store.stats().docWrites).toBe(before.docWrites + 1);
    expect(counters()).toMatchObject({ audit: { lines: 2 }, reports: { lines: 1 } });
    // flush() brings it up at once
    await store.appendReport(input('4263', '2025-06', 0.4), alice, { source: 'teams', submissionId: 'f2', at: AT });
    await store.flush();
    expect(counters()).toMatchObject({ audit: { lines: 3 }, reports: { lines: 2 } });

    const warnings: string[] = [];
    const fromCopy = await openStore(copy, { onWarning: (m) => warnings.push(m) });
    expect((await fromCopy.reports()).map((r) => [r.indicatorId, r.value, r.submissionId])).toEqual([['4263', 0.3, 'f1']]);
    expect((await fromCopy.owners('4263'))).toEqual([alice]);
    expect(warnings).toEqual([]);
    expect(JSON.parse(fs.readFileSync(copy, 'utf8')).logs).toMatchObject({ audit: { lines: 2 }, reports: { lines: 1 } });
  });

  test('a power cut that loses the reports log\'s last lines (not yet fsynced) loses no report: the audit log holds them', async () => {
    const file = tempDb();
    const store = await openLowdbStore(file);
    await store.appendReport(input('1', '2025-01', 1), alice, { source: 'teams', submissionId: 'a', at: AT });
    await store.flush();
    const { reports } = storeFiles(file);
    const synced = fs.readFileSync(reports);
    await store.appendReport(input('1', '2025-02', 2), alice, { source: 'teams', submissionId: 'b', at: AT });
    await store.appendReport(input('2', '2025-02', 3), bob, { source: 'teams', submissionId: 'c', at: AT });
    const doc = fs.readFileSync(file);
    await store.close();
    fs.writeFileSync(reports, synced);
    fs.writeFileSync(file, doc);
    const warnings: string[] = [];
    const reopened = await openStore(file, { onWarning: (m) => warnings.push(m) });
    expect((await reopened.reports()).map((r) => r.submissionId)).toEqual(['a', 'b', 'c']);
    expect(warnings.join('\n')).toMatch(/se restauraron 2 reporte/);
  });

  test('a failed write is undone (memory and disk) and the next write succeeds', async () => {
    const file = tempDb();
    const store = await openStore(file);
    await store.appendReport(input('1', '2025-01', 1), alice, { source: 'teams', at: AT });
    // Make the next write fail: close the log handles underneath the store.
    const impl = store as unknown as { auditFh: { close(): Promise<void> } };
    await impl.auditFh.close();
    const err = await store.appendReport(input('1', '2025-01', 2), alice, { source: 'teams', at: AT }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toContain(storeFiles(file).audit);
    expect((await store.reports())).toHaveLength(1);
    const next = await store.appendReport(input('1', '2025-01', 3), alice, { source: 'teams', at: AT });
    expect(next.record.version).toBe(2);
    expect((await store.reports()).map((r) => r.value)).toEqual([1, 3]);
    open = [];
    await store.close();
    const reopened = await openStore(file);
    expect((await reopened.reports()).map((r) => r.value)).toEqual([1, 3]);
  });
});

describe('lowdb store: what start-up refuses, and the lock', () => {
  test('deleting db.lock or opening through a symlink under another name does not let a second writer in', async () => {
    const file = tempDb();
    const first = (await openLowdbStore(file)) as LowdbStore;
    await first.appendReport(input('1', '2025-01', 1), alice, { source: 'teams', submissionId: 'a', at: AT });
    fs.rmSync(storeFiles(file).lock);
    await expect(openLowdbStore(file, { exclusive: true })).rejects.toMatchObject({ code: 'locked' });
    const alias = path.join(path.dirname(file), 'otro-nombre.json');
    fs.symlinkSync(file, alias);
    const second = (await openLowdbStore(alias, { onWarning: () => undefined })) as LowdbStore;
    expect(second.readOnly).toBe(true);
    expect(second.files.doc).toBe(fs.realpathSync(file));
    await expect(second.appendReport(input('1', '2025-01', 2), bob, { source: 'teams', at: AT })).rejects.toMatchObject({ code: 'read-only' });
    await second.close();
    await first.close();
    const again = (await openLowdbStore(alias)) as LowdbStore;
    expect(again.readOnly).toBe(false);
    expect((await again.reports())).toHaveLength(1);
    await again.close();
  });

  test('a lock file naming a live process that is not a PEI Bot (pid 1) does not block', async () => {
    const file = tempDb();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(storeFiles(file).lock, '1\n');
    const store = (await openLowdbStore(file)) as LowdbStore;
    expect(store.readOnly).toBe(false);
    expect(fs.readFileSync(storeFiles(file).lock, 'utf8')).toMatch(new RegExp(`^${process.pid}\npei-bot-lock\n`));
    await store.close();
  });

  test('a read-only db.json is refused, not replaced through the rename', async () => {
    const file = tempDb();
    const s = await openLowdbStore(file);
    await s.setOwners('4263', [alice], admin, AT);
    await s.close();
    fs.chmodSync(file, 0o444);
    const before = fs.readFileSync(file);
    const err = await openLowdbStore(file).catch((e: StoreError) => e);
    expect(err).toMatchObject({ code: 'read-only', file });
    expect((err as Error).message).toMatch(/es de solo lectura/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
    // reading it is fine
    const reader = await openLowdbStore(file, { readOnly: true });
    expect((await reader.owners('4263'))).toEqual([alice]);
    await reader.close();
  });

  test('an admin record {"id": null} is refused at start-up, naming the file and the record', async () => {
    const file = tempDb();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ format: 'pei-bot-store', version: 1, admins: [{ id: null }] }));
    const err = await openLowdbStore(file).catch((e: StoreError) => e);
    expect(err).toMatchObject({ code: 'corrupt' });
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toMatch(/admins\[0\]/);
  });

  test('a store path whose folder is a file gets a Spanish message naming it', async () => {
    const file = tempDb();
    fs.mkdirSync(path.dirname(path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.dirname(file), 'no soy una carpeta');
    const err = await openLowdbStore(file).catch((e: StoreError) => e);
    expect(err).toMatchObject({ code: 'not-a-folder' });
    expect((err as Error).message).toContain(path.dirname(file));
    expect((err as Error).message).not.toMatch(/EEXIST.*mkdir/);
  });

  test('a version-1 store (no counters) opens and is upgraded; from then on an emptied log is refused', async () => {
    const file = tempDb();
    const s = await openLowdbStore(file);
    for (let i = 0; i < 3; i++) await s.appendReport(input('1', '2025-01', i), alice, { source: 'teams', at: AT });
    await s.setOwners('1', [alice], admin, AT);
    await s.close();
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    delete doc.logs;
    delete doc.integrity;
    doc.version = 1;
    fs.writeFileSync(file, JSON.stringify(doc));
    const warnings: string[] = [];
    const up = await openLowdbStore(file, { onWarning: (m) => warnings.push(m) });
    expect((await up.reports())).toHaveLength(3);
    expect(warnings.join()).toMatch(/actualizado al formato 2/);
    await up.close();
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ version: 2, logs: { audit: { lines: 4 }, reports: { lines: 3 } } });
    fs.writeFileSync(storeFiles(file).reports, '');
    fs.writeFileSync(storeFiles(file).audit, '');
    await expect(openLowdbStore(file)).rejects.toThrow(/db\.audit\.jsonl tiene 0 líneas \(0 bytes\) pero el documento \S+db\.json registra 4 líneas/);
  });
});

describe('lowdb store: growth', () => {
  // How fast (open time, submit latency at 100,000 reports) is measured by `npm run bench` (bench/, docs/benchmarks.md):
  // no wall-clock figure here. This checks that a store that size reopens whole and keeps taking submits.
  test('100,000 reports reopen whole and the store keeps taking reports', async () => {
    const file = tempDb();
    let store = (await openLowdbStore(file, { fsync: false })) as LowdbStore;
    const N = 100_000;
    for (let b = 0; b < N / 1000; b++) {
      await store.appendReports(
        Array.from({ length: 1000 }, (_, i) => {
          const n = b * 1000 + i;
          return {
            input: input(String(1000 + (n % 150)), `20${24 + ((n >> 12) % 4)}-${String(1 + (n % 12)).padStart(2, '0')}`, n, {
              logros: 'Se avanzó en la implementación del portal de trámites y servicios del Distrito Capital.',
              dificultades: 'Demoras en la contratación.',
            }),
            author: alice,
            source: 'csv' as const,
            submissionId: `bulk:${n}`,
          };
        }),
        AT,
        admin,
      );
    }
    await store.close();

    store = (await openLowdbStore(file)) as LowdbStore;
    expect((await store.reports())).toHaveLength(N);
    for (let i = 0; i < 5; i++) {
      await store.appendReport(input('4263', '2027-06', i), alice, { source: 'teams', submissionId: `late${i}`, at: AT });
    }
    expect((await store.reports())).toHaveLength(N + 5);
    expect((await store.reports()).filter((r) => r.indicatorId === '4263' && r.period === '2027-06').map((r) => r.version)).toEqual([1, 2, 3, 4, 5]);
    await store.close();
    store = (await openLowdbStore(file)) as LowdbStore;
    expect((await store.reports())).toHaveLength(N + 5);
    await store.close();
  }, 120_000);
});
