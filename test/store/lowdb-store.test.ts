import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import {
  documentIntegrity,
  openLowdbStore,
  StoreError,
  storeFiles,
  type LowdbStore,
} from '../../src/store/lowdb-store';
import { AUDIT_ACTIONS, buildReportRecord } from '../../src/store/rules';
import type { Store } from '../../src/store/types';
import { catalog, errorText } from '../../src/i18n';
import type { AuditEntry } from '../../src/domain/records';
import { admin, alice, bob, type Harness, input, storeContract } from './contract';

const AT = '2025-06-30T10:00:00.000-05:00';
const say = catalog('es').store.say;
/** The operator's words for why an open was refused. */
const refusal = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'opened',
    (e: unknown) => errorText(e),
  );
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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

  test('creates the directory, the document with its header and the journal beside it', async () => {
    const file = tempDb();
    const store = await openStore(file);
    await store.appendReport(input('4263', '2025-06', 1), alice, { source: 'teams', at: AT });
    const f = storeFiles(file);
    expect(f.journal).toBe(path.join(path.dirname(file), 'db.journal.jsonl'));
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(doc).toMatchObject({ format: 'pei-bot-store', version: 3, owners: {}, admins: [] });
    expect(fs.readFileSync(f.journal, 'utf8').trim().split('\n')).toHaveLength(1);
    // a report does not rewrite the document
    expect(doc).not.toHaveProperty('reports');
    expect(doc.journal).toEqual({ lines: 0, hash: '' });
  });

  test.each([
    ['not JSON', '{"format": "pei-bot-store", "version": 1, '],
    ['empty', ''],
    ['JSON null', 'null'],
    ["someone else's JSON", '{"posts": []}'],
    ['a newer format', '{"format": "pei-bot-store", "version": 4}'],
  ])('a document that is %s stops the open, names the file and is left untouched', async (_what, content) => {
    const file = tempDb();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    const before = fs.readdirSync(path.dirname(file));
    const err = await openLowdbStore(file).catch((e: Error) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(errorText(err)).toContain(file);
    expect(errorText(err)).toMatch(/left untouched/);
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
    expect(fs.readdirSync(path.dirname(file))).toEqual(before); // no journal, no lock left behind
    // and it stays refused
    expect(await refusal(openLowdbStore(file))).toMatch(/left untouched/);
  });

  test('a corrupt line in the middle of the journal stops the open, naming file and line', async () => {
    const file = tempDb();
    const s = await openLowdbStore(file);
    for (let i = 0; i < 3; i++) await s.appendReport(input('1', '2025-01', i), alice, { source: 'teams', at: AT });
    await s.close();
    const { journal, doc } = storeFiles(file);
    const original = fs.readFileSync(journal, 'utf8');
    const lines = original.split('\n');
    const docBytes = fs.readFileSync(doc);
    lines[1] = lines[1].slice(0, 20);
    const corrupt = lines.join('\n');
    fs.writeFileSync(journal, corrupt);
    expect(await refusal(openLowdbStore(file))).toMatch(
      new RegExp(`${escape(journal)}: line 2 is not a valid journal line`),
    );
    expect(fs.readFileSync(journal, 'utf8')).toBe(corrupt);
    expect(fs.readFileSync(doc).equals(docBytes)).toBe(true);

    // a line that parses but is not a journal line is refused too
    fs.writeFileSync(journal, `${lines[0]}\n{"hello": 1}\n${lines[2]}\n`);
    expect(await refusal(openLowdbStore(file))).toMatch(/line 2 is not a valid journal line.*"entries"/);
    // and so are whole lines out of their place in the chain (two lines swapped)
    const good = original.split('\n');
    fs.writeFileSync(journal, `${good[0]}\n${good[2]}\n${good[1]}\n`);
    expect(await refusal(openLowdbStore(file))).toMatch(/line 2 does not follow|la línea 2 no sigue a la anterior/);
  });

  test('a torn last line (crash mid-append) is cut away with a warning, and the rest loads', async () => {
    const file = tempDb();
    const s = await openLowdbStore(file);
    for (let i = 0; i < 3; i++)
      await s.appendReport(input('1', '2025-01', i), alice, { source: 'teams', submissionId: `s${i}`, at: AT });
    await s.close();
    const { journal } = storeFiles(file);
    const good = fs.readFileSync(journal, 'utf8');
    fs.appendFileSync(journal, '{"entries":[{"seq":4,"at":"2025-06-30","actor":{"id":"x","na');
    const warnings: string[] = [];
    const store = await openStore(file, { onWarning: (m) => warnings.push(say(m)) });
    expect(warnings.join('\n')).toMatch(/db\.journal\.jsonl: cut a torn last line/);
    expect(await store.reports()).toHaveLength(3);
    expect(fs.readFileSync(journal, 'utf8')).toBe(good);
    const next = await store.appendReport(input('1', '2025-01', 9), alice, { source: 'teams', at: AT });
    expect(next.record.version).toBe(4);
    await store.close();
    open = [];
    const warnings2: string[] = [];
    const again = await openStore(file, { onWarning: (m) => warnings2.push(say(m)) });
    expect(warnings2).toEqual([]);
    expect((await again.reports()).map((r) => r.version)).toEqual([1, 2, 3, 4]);
  });

  test('a complete last line without its newline is kept', async () => {
    const file = tempDb();
    const s = await openLowdbStore(file);
    await s.appendReport(input('1', '2025-01', 1), alice, { source: 'teams', at: AT });
    await s.appendReport(input('1', '2025-01', 2), alice, { source: 'teams', at: AT });
    await s.close();
    const { journal } = storeFiles(file);
    fs.writeFileSync(journal, fs.readFileSync(journal, 'utf8').replace(/\n$/, ''));
    const warnings: string[] = [];
    const store = await openStore(file, { onWarning: (m) => warnings.push(say(m)) });
    expect(await store.reports()).toHaveLength(2);
    expect(warnings.join()).toMatch(/se completó una última línea/);
    expect(fs.readFileSync(journal, 'utf8').endsWith('\n')).toBe(true);
  });

  test('reopened, the reports and the audit read exactly as written: corrections, several people, a line over 1 MB', async () => {
    const file = tempDb();
    const s = await openLowdbStore(file, { fsync: false });
    const renamed = { ...alice, name: 'Alice Rojas Díaz' };
    const at = (n: number) => ({
      source: 'teams' as const,
      at: `2025-06-${String(10 + n).padStart(2, '0')}T10:00:00Z`,
    });
    await s.appendReport(input('1', '2025-01', 1, { dificultades: 'lluvias' }), alice, at(1));
    // corrections: one keeps every text, one changes one, one by another person, one by the same id renamed
    await s.appendReport(input('1', '2025-01', 2, { logros: 'logros 1', dificultades: 'lluvias' }), alice, at(2));
    await s.appendReport(input('1', '2025-01', 3, { logros: 'logros 1', dificultades: 'paro' }), bob, at(3));
    await s.appendReport(input('1', '2025-01', 4, { logros: 'logros 1', dificultades: 'paro' }), renamed, at(4));
    await s.setOwners('1', [alice, bob], admin, AT);
    // one write of 1,200 versions with long texts: a journal line longer than the journal is read at a time (1 MB)
    const long = 'Avance según lo programado. '.repeat(70);
    const batch = Array.from({ length: 1200 }, (_, i) => ({
      input: input('2', `2025-${String(1 + (i % 12)).padStart(2, '0')}`, i, { logros: `${i} ${long}` }),
      author: i % 2 ? alice : bob,
      source: 'csv' as const,
      submissionId: `big:${i}`,
    }));
    await s.appendReports(batch, AT, admin);
    const reports = JSON.stringify(await s.reports());
    const audit = JSON.stringify(await s.audit());
    await s.close();
    expect(
      Math.max(
        ...fs
          .readFileSync(storeFiles(file).journal, 'utf8')
          .split('\n')
          .map((l) => l.length),
      ),
    ).toBeGreaterThan(2 ** 20);

    const again = await openStore(file);
    const month = await again.reports({ indicatorId: '1', period: '2025-01' });
    expect(month.map((r) => [r.version, r.author.name, r.logros, r.dificultades])).toEqual([
      [1, 'Alice Rojas', 'logros 1', 'lluvias'],
      [2, 'Alice Rojas', 'logros 1', 'lluvias'],
      [3, 'Bob Pérez', 'logros 1', 'paro'],
      [4, 'Alice Rojas Díaz', 'logros 1', 'paro'],
    ]);
    expect(JSON.stringify(await again.reports())).toBe(reports);
    expect(JSON.stringify(await again.audit())).toBe(audit);
    expect((await again.reportBySubmission('big:1199'))?.logros).toBe(`1199 ${long}`);
  });

  test('what a power cut leaves right after acknowledged writes (no clean close) opens whole', async () => {
    const file = tempDb();
    const store = await openStore(file);
    await store.setOwners('4263', [alice], admin, AT); // a small-state change: the document is written too
    await store.appendReport(input('4263', '2025-06', 0.3), alice, { source: 'teams', submissionId: 'f1', at: AT });
    await store.appendReports(
      [{ input: input('4263', '2025-07', 0.4), author: bob, source: 'csv', submissionId: 'f:2' }],
      AT,
      admin,
    );
    // acknowledged: in the journal; the document still vouches for the first line only
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).journal.lines).toBe(1);
    const copy = path.join(path.dirname(tempDb()), 'copia', 'db.json');
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(file, copy);
    fs.copyFileSync(storeFiles(file).journal, storeFiles(copy).journal);
    const warnings: string[] = [];
    const fromCopy = await openStore(copy, { onWarning: (m) => warnings.push(say(m)) });
    expect((await fromCopy.reports()).map((r) => [r.value, r.submissionId])).toEqual([
      [0.3, 'f1'],
      [0.4, 'f:2'],
    ]);
    expect(await fromCopy.owners('4263')).toEqual([alice]);
    expect(warnings).toEqual([]);
    expect(JSON.parse(fs.readFileSync(copy, 'utf8')).journal.lines).toBe(3); // the document caught up on open
  });

  test('state changes in the journal but not in the document are rolled forward', async () => {
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
    const store = await openStore(file, { onWarning: (m) => warnings.push(say(m)) });
    expect(await store.owners('4263')).toEqual([bob]);
    expect(await store.admins()).toEqual([bob]);
    expect((await store.subscriptions()).map((x) => x.conversationKey)).toEqual(['c1']);
    expect(warnings.join()).toMatch(/rolled forward 3 change/);
  });

  test('a missing journal while the document refers to it stops the open', async () => {
    const file = tempDb();
    const s = await openLowdbStore(file);
    await s.setOwners('4263', [alice], admin, AT);
    await s.close();
    fs.rmSync(storeFiles(file).journal);
    expect(await refusal(openLowdbStore(file))).toMatch(/Falta el diario de cambios \S*db\.journal\.jsonl/);
  });

  test('a second writer is refused while the first holds the store; a reader is not', async () => {
    const file = tempDb();
    const first = await openStore(file);
    await first.appendReport(input('1', '2025-01', 1), alice, { source: 'teams', at: AT });
    const refused = await openLowdbStore(file).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'locked' });
    expect(errorText(refused)).toMatch(/in use by process/);
    const reader = await openStore(file, { readOnly: true });
    expect(await reader.reports()).toHaveLength(1);
    const refusedWrite = await reader
      .appendReport(input('1', '2025-01', 2), alice, { source: 'teams', at: AT })
      .catch((e: unknown) => e);
    expect(refusedWrite).toMatchObject({ code: 'read-only' });
    expect(errorText(refusedWrite)).toMatch(/read-only/);
    await first.close();
    // the lock was released: a new writer gets it
    const third = await openStore(file);
    await third.appendReport(input('1', '2025-01', 2), alice, { source: 'teams', at: AT });
    expect(await third.reports()).toHaveLength(2);
  });

  test('a stale lock (dead process) is taken over', async () => {
    const file = tempDb();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(storeFiles(file).lock, '999999999\n');
    const store = await openStore(file);
    await store.setOwners('4263', [alice], admin, AT);
    expect(await store.owners('4263')).toEqual([alice]);
  });

  test('a failed write is undone (memory and disk) and the next write succeeds', async () => {
    const file = tempDb();
    const store = await openStore(file);
    await store.appendReport(input('1', '2025-01', 1), alice, { source: 'teams', at: AT });
    // Make the next write fail: close the journal's handle underneath the store.
    const impl = store as unknown as { fh: { close(): Promise<void> } };
    await impl.fh.close();
    const err = await store
      .appendReport(input('1', '2025-01', 2), alice, { source: 'teams', at: AT })
      .catch((e: Error) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(errorText(err)).toContain(storeFiles(file).journal);
    expect(await store.reports()).toHaveLength(1);
    const next = await store.appendReport(input('1', '2025-01', 3), alice, { source: 'teams', at: AT });
    expect(next.record.version).toBe(2);
    expect((await store.reports()).map((r) => r.value)).toEqual([1, 3]);
    open = [];
    await store.close();
    const reopened = await openStore(file);
    expect((await reopened.reports()).map((r) => r.value)).toEqual([1, 3]);
  });
});

/** Writes a store as the previous versions did (format 1 or 2): the document and two logs, the audit log holding everything. */
function writeLegacyStore(file: string, version: 1 | 2, entries: AuditEntry[], state: object): void {
  const base = file.replace(/\.json$/, '');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const audit = entries
    .map(
      (e) =>
        `${JSON.stringify(e.action === AUDIT_ACTIONS.reportCorrect ? { ...e, before: { $ref: (e.before as { id: string }).id } } : e)}\n`,
    )
    .join('');
  const reports = entries
    .filter((e) => e.action.startsWith('report.c'))
    .map((e) => `${JSON.stringify(e.after)}\n`)
    .join('');
  fs.writeFileSync(`${base}.audit.jsonl`, audit);
  fs.writeFileSync(`${base}.reports.jsonl`, reports);
  const counter = (text: string) => ({
    lines: text.split('\n').length - 1,
    bytes: Buffer.byteLength(text),
    sha256: createHash('sha256').update(text).digest('hex'),
  });
  const body = {
    format: 'pei-bot-store',
    version,
    auditSeq: entries.length,
    ...(version === 2 ? { logs: { audit: counter(audit), reports: counter(reports) } } : {}),
    ...state,
  };
  fs.writeFileSync(file, JSON.stringify(version === 2 ? { ...body, integrity: documentIntegrity(body) } : body));
}

function legacyEntries(): AuditEntry[] {
  const v = (value: number, version: number) =>
    buildReportRecord(input('1', '2025-01', value), version, { author: alice, source: 'teams' }, AT);
  return [
    {
      seq: 1,
      at: AT,
      actor: alice,
      action: AUDIT_ACTIONS.reportCreate,
      target: 'report:1:2025-01',
      before: null,
      after: v(0, 1),
    },
    {
      seq: 2,
      at: AT,
      actor: alice,
      action: AUDIT_ACTIONS.reportCorrect,
      target: 'report:1:2025-01',
      before: v(0, 1),
      after: v(1, 2),
    },
    {
      seq: 3,
      at: AT,
      actor: alice,
      action: AUDIT_ACTIONS.reportCorrect,
      target: 'report:1:2025-01',
      before: v(1, 2),
      after: v(2, 3),
    },
    { seq: 4, at: AT, actor: admin, action: AUDIT_ACTIONS.ownersSet, target: 'owner:1', before: [], after: [alice] },
  ];
}

describe('lowdb store: what start-up refuses, and the lock', () => {
  test('deleting db.lock or opening through a symlink under another name does not let a second writer in', async () => {
    const file = tempDb();
    const first = (await openLowdbStore(file)) as LowdbStore;
    await first.appendReport(input('1', '2025-01', 1), alice, { source: 'teams', submissionId: 'a', at: AT });
    fs.rmSync(storeFiles(file).lock);
    await expect(openLowdbStore(file)).rejects.toMatchObject({ code: 'locked' });
    const alias = path.join(path.dirname(file), 'otro-nombre.json');
    fs.symlinkSync(file, alias);
    await expect(openLowdbStore(alias)).rejects.toMatchObject({ code: 'locked' });
    const reader = (await openLowdbStore(alias, { readOnly: true })) as LowdbStore;
    expect(reader.files.doc).toBe(fs.realpathSync(file));
    await reader.close();
    await first.close();
    const again = (await openLowdbStore(alias)) as LowdbStore;
    await again.appendReport(input('1', '2025-01', 2), bob, { source: 'teams', at: AT });
    expect(await again.reports()).toHaveLength(2);
    await again.close();
  });

  test('a lock file naming a live process that is not a PEI Bot (pid 1) does not block', async () => {
    const file = tempDb();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(storeFiles(file).lock, '1\n');
    const store = await openLowdbStore(file);
    await store.setOwners('4263', [alice], admin, AT);
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
    expect(err).toMatchObject({ code: 'read-only', fact: { file } });
    expect(errorText(err)).toMatch(/es de solo lectura/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
    // reading it is fine
    const reader = await openLowdbStore(file, { readOnly: true });
    expect(await reader.owners('4263')).toEqual([alice]);
    await reader.close();
  });

  test('an admin record {"id": null} is refused at start-up, naming the file and the record', async () => {
    const file = tempDb();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ format: 'pei-bot-store', version: 1, admins: [{ id: null }] }));
    const err = await openLowdbStore(file).catch((e: StoreError) => e);
    expect(err).toMatchObject({ code: 'corrupt' });
    expect(errorText(err)).toContain(file);
    expect(errorText(err)).toMatch(/admins\[0\]/);
  });

  test('a store path whose folder is a file gets a Spanish message naming it', async () => {
    const file = tempDb();
    fs.mkdirSync(path.dirname(path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.dirname(file), 'no soy una carpeta');
    const err = await openLowdbStore(file).catch((e: StoreError) => e);
    expect(err).toMatchObject({ code: 'not-a-folder' });
    expect(errorText(err)).toContain(path.dirname(file));
    expect(errorText(err)).not.toMatch(/EEXIST.*mkdir/);
  });

  test.each([1, 2] as const)(
    'a format-%s store (two logs) opens and is upgraded; from then on an emptied journal is refused',
    async (version) => {
      const file = tempDb();
      writeLegacyStore(file, version, legacyEntries(), {
        owners: { '1': [alice] },
        admins: [],
        subscriptions: [],
        conversations: [],
        sent: [],
      });
      const warnings: string[] = [];
      const up = await openLowdbStore(file, { onWarning: (m) => warnings.push(say(m)) });
      expect((await up.reports()).map((r) => [r.version, r.value])).toEqual([
        [1, 0],
        [2, 1],
        [3, 2],
      ]);
      expect(await up.owners('1')).toEqual([alice]);
      const audit = await up.audit();
      expect(audit.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
      expect(audit[1].before).toEqual((await up.reports())[0]);
      expect(warnings.join()).toMatch(/actualizado al formato 3/);
      await up.close();
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ version: 3, journal: { lines: 4 } });
      expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['db.journal.jsonl', 'db.json']);
      const again = await openLowdbStore(file);
      expect(await again.audit()).toEqual(audit);
      await again.close();
      fs.writeFileSync(storeFiles(file).journal, '');
      expect(await refusal(openLowdbStore(file))).toMatch(
        /db\.journal\.jsonl tiene 0 líneas pero el documento \S+db\.json registra 4 líneas/,
      );
    },
  );

  test('a format-2 store whose audit log does not match its document is refused, naming both', async () => {
    const file = tempDb();
    writeLegacyStore(file, 2, legacyEntries(), {
      owners: {},
      admins: [],
      subscriptions: [],
      conversations: [],
      sent: [],
    });
    const auditLog = file.replace(/\.json$/, '.audit.jsonl');
    fs.writeFileSync(auditLog, fs.readFileSync(auditLog, 'utf8').replace('"value":1', '"value":7'));
    const text = await refusal(openLowdbStore(file));
    expect(text).toContain(auditLog);
    expect(text).toContain(file);
    expect(text).toMatch(/no se inicia/);
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
            input: input(
              String(1000 + (n % 150)),
              `20${24 + ((n >> 12) % 4)}-${String(1 + (n % 12)).padStart(2, '0')}`,
              n,
              {
                logros: 'Se avanzó en la implementación del portal de trámites y servicios del Distrito Capital.',
                dificultades: 'Demoras en la contratación.',
              },
            ),
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
    expect(await store.reports()).toHaveLength(N);
    for (let i = 0; i < 5; i++) {
      await store.appendReport(input('4263', '2027-06', i), alice, {
        source: 'teams',
        submissionId: `late${i}`,
        at: AT,
      });
    }
    expect(await store.reports()).toHaveLength(N + 5);
    expect(
      (await store.reports()).filter((r) => r.indicatorId === '4263' && r.period === '2027-06').map((r) => r.version),
    ).toEqual([1, 2, 3, 4, 5]);
    await store.close();
    store = (await openLowdbStore(file)) as LowdbStore;
    expect(await store.reports()).toHaveLength(N + 5);
    await store.close();
  }, 120_000);
});
