/**
 * Corruption suite: for each file of a store (document, journal, the lock file) and each mutation (truncated at
 * several offsets, emptied, deleted, replaced by another store's copy, lines shuffled, a middle line removed, a byte
 * flipped), the store either opens with nothing lost (compared with the original) or refuses to start with an
 * error naming the mutated file.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openLowdbStore, StoreError, storeFiles, type StoreFiles } from '../../src/store/lowdb-store';
import type { Store } from '../../src/store/types';
import { errorText } from '../../src/i18n';
import { admin, alice, bob, input } from './contract';

const AT = '2025-06-30T10:00:00.000-05:00';
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pei-corrupt-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function build(dir: string, seed: number): Promise<StoreFiles> {
  const file = path.join(dir, 'db.json');
  const s = await openLowdbStore(file, { fsync: false });
  for (let i = 0; i < 50; i++) {
    await s.appendReport(input(String(4200 + (i % 7)), `2025-0${1 + (i % 6)}`, seed * 1000 + i), i % 2 ? alice : bob, {
      source: 'teams',
      submissionId: `form-${seed}-${i}`,
      at: AT,
    });
  }
  await s.appendReports(
    Array.from({ length: 10 }, (_, i) => ({
      input: input('4300', `2025-${String(1 + i).padStart(2, '0')}`, seed + i),
      author: alice,
      source: 'csv' as const,
      submissionId: `csv:${seed}:${i}`,
    })),
    AT,
    admin,
  );
  await s.setOwners('4200', [alice, bob], admin, AT);
  await s.addAdmin(bob, admin, AT);
  await s.subscribe({ conversationKey: `team-${seed}`, kind: 'weekly-digest', createdBy: alice, createdAt: AT }, alice);
  for (let i = 0; i < 8; i++) {
    await s.saveConversation({
      key: `conv-${seed}-${i}`,
      scope: 'personal',
      reference: { conversation: { id: `a:${seed}${i}` } },
      userId: `u${i}`,
      active: true,
      updatedAt: AT,
    });
    await s.markSent({ key: `digest:2025-W2${i}:conv-${seed}-${i}`, at: AT });
  }
  await s.close();
  // A lock file left behind by a process that is alive but is not a PEI Bot (pid 1).
  const files = storeFiles(file);
  fs.writeFileSync(files.lock, '1\npei-bot-lock\n');
  return files;
}

async function snapshot(s: Store): Promise<string> {
  return JSON.stringify({
    reports: await s.reports(),
    owners: await s.allOwners(),
    admins: await s.admins(),
    subscriptions: await s.subscriptions(),
    conversations: await s.conversations(),
    sent: await s.sent(),
    audit: await s.audit(),
  });
}

type Mutation = [string, (content: Buffer, other: Buffer | null) => Buffer | null];

function lines(b: Buffer): string[] {
  return b.toString('utf8').split('\n');
}

const MUTATIONS: Mutation[] = [
  ['truncated at 10%', (b) => b.subarray(0, Math.floor(b.length * 0.1))],
  ['truncated at 50%', (b) => b.subarray(0, Math.floor(b.length * 0.5))],
  ['truncated at 90%', (b) => b.subarray(0, Math.floor(b.length * 0.9))],
  ['truncated by one byte', (b) => b.subarray(0, b.length - 1)],
  [
    'truncated by one line',
    (b) => {
      const l = lines(b);
      const end = l[l.length - 1] === '' ? l.length - 2 : l.length - 1;
      return Buffer.from(l.slice(0, end).join('\n') + (end > 0 ? '\n' : ''));
    },
  ],
  ['emptied', () => Buffer.alloc(0)],
  ['deleted', () => null],
  ["replaced by another store's copy", (_b, other) => other],
  [
    'shuffled',
    (b) => {
      const l = lines(b);
      const trailing = l[l.length - 1] === '' ? l.pop() : undefined;
      const shuffled = l
        .map((x, i) => [x, (i * 7919) % 101] as const)
        .sort((x, y) => x[1] - y[1])
        .map((x) => x[0]);
      if (shuffled.join('\n') === l.join('\n')) shuffled.reverse();
      return Buffer.from(shuffled.join('\n') + (trailing !== undefined ? '\n' : ''));
    },
  ],
  [
    'missing a middle line',
    (b) => {
      const l = lines(b);
      l.splice(Math.floor(l.length / 2), 1);
      return Buffer.from(l.join('\n'));
    },
  ],
  [
    'with a byte flipped in the middle',
    (b) => {
      const c = Buffer.from(b);
      if (c.length) c[Math.floor(c.length / 2)] ^= 0x01;
      return c;
    },
  ],
  [
    'with a byte flipped near the end',
    (b) => {
      const c = Buffer.from(b);
      if (c.length > 3) c[c.length - 3] ^= 0x04;
      return c;
    },
  ],
];

const FILES: (keyof StoreFiles)[] = ['doc', 'journal', 'lock'];

let original: StoreFiles;
let other: StoreFiles;
let expected: string;

beforeAll(async () => {
  original = await build(path.join(root, 'original'), 1);
  other = await build(path.join(root, 'other'), 2);
  const s = await openLowdbStore(original.doc, { readOnly: true });
  expected = await snapshot(s);
  await s.close();
  expect(await s.reports()).toHaveLength(60);
}, 60_000);

let n = 0;
const outcomes: string[] = [];
// eslint-disable-next-line no-console
afterAll(() => console.log(`corruption suite:\n${outcomes.join('\n')}`));
describe.each(FILES)('store file %s', (which) => {
  test.each(MUTATIONS)('%s: opens with nothing lost, or refuses naming the file', async (_name, mutate) => {
    const dir = path.join(root, `case-${n++}`);
    fs.cpSync(path.dirname(original.doc), dir, { recursive: true });
    const files = storeFiles(path.join(dir, 'db.json'));
    const target = files[which];
    const next = mutate(fs.readFileSync(target), fs.readFileSync(other[which]));
    if (next === null) fs.rmSync(target);
    else fs.writeFileSync(target, next);
    const before = Object.fromEntries(
      fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f)).toString('base64')]),
    );

    let store: Store | null = null;
    let error: unknown = null;
    try {
      store = await openLowdbStore(files.doc, { fsync: false, onWarning: () => undefined });
    } catch (e) {
      error = e;
    }
    if (store) {
      const got = await snapshot(store);
      outcomes.push(`${which} ${_name}: opened`);
      await store.close();
      expect(got).toEqual(expected);
      // and it keeps opening the same
      const again = await openLowdbStore(files.doc, { fsync: false, onWarning: () => undefined });
      expect(await snapshot(again)).toEqual(expected);
      await again.close();
    } else {
      outcomes.push(`${which} ${_name}: refused: ${errorText(error).slice(0, 150)}`);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe('corrupt');
      expect(errorText(error)).toContain(target);
      expect(errorText(error)).toMatch(/no se inicia/);
      // refused: nothing was rewritten
      const after = Object.fromEntries(
        fs
          .readdirSync(dir)
          .filter((f) => f !== 'db.lock')
          .map((f) => [f, fs.readFileSync(path.join(dir, f)).toString('base64')]),
      );
      delete before['db.lock'];
      expect(after).toEqual(before);
    }
  });
});

describe('journal lines checked on their bytes as written (src/store/journal.ts)', () => {
  const lines = (files: StoreFiles) => fs.readFileSync(files.journal, 'utf8').split('\n').filter(Boolean);
  const write = (files: StoreFiles, list: string[]) => fs.writeFileSync(files.journal, `${list.join('\n')}\n`);

  test('a line spelled otherwise (the same entries, spaces added) still opens, with nothing lost', async () => {
    const files = await build(fs.mkdtempSync(path.join(root, 'spelling-')), 7);
    const s0 = await openLowdbStore(files.doc, { fsync: false, onWarning: () => undefined });
    const expected = await snapshot(s0);
    await s0.close();
    const list = lines(files);
    const { entries, hash } = JSON.parse(list[3]);
    list[3] = JSON.stringify({ entries, hash }, null, 1).replace(/\n/g, ' ');
    write(files, list);
    const s = await openLowdbStore(files.doc, { fsync: false, onWarning: () => undefined });
    expect(await snapshot(s)).toEqual(expected);
    await s.close();
  });

  test('a value changed in a line breaks the chain: refused, naming the journal', async () => {
    const files = await build(fs.mkdtempSync(path.join(root, 'value-')), 8);
    const list = lines(files);
    list[2] = list[2].replace(/"value":(\d+)/, (_m, v) => `"value":${Number(v) + 1}`);
    write(files, list);
    const opened = openLowdbStore(files.doc, { fsync: false, onWarning: () => undefined });
    await expect(opened).rejects.toBeInstanceOf(StoreError);
    await opened.catch((e) => expect(errorText(e)).toContain(files.journal));
  });
});
