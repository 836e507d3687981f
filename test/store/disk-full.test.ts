/**
 * Disk full: what each user is told is what is stored. On a small tmpfs (where this machine lets us mount one),
 * 175 users submit while the disk fills up; then space is freed and the store takes writes again without a restart.
 * An injected ENOSPC (always run) covers the worst spots: at the journal append, or at the document write after it.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openLowdbStore, StoreError, storeFiles } from '../../src/store/lowdb-store';
import type { Person } from '../../src/domain/records';
import { input } from './contract';
import { errorText } from '../../src/i18n';

const AT = '2025-06-30T10:00:00.000-05:00';
const person = (i: number): Person => ({ id: `aad-user-${i}`, name: `Usuario ${i}` });

function enospc(file: string): NodeJS.ErrnoException {
  const e = new Error(`ENOSPC: no space left on device, write '${file}'`) as NodeJS.ErrnoException;
  e.code = 'ENOSPC';
  return e;
}

function tryMount(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('disk full on a small tmpfs', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pei-full-'));
  const mounted = process.platform === 'linux' && tryMount(dir, '256k');
  afterAll(() => {
    if (mounted) execFileSync('umount', [dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  (mounted ? test : test.skip)(
    'every user told «guardado» has the report after a restart, and every user told «no se guardó» has none',
    async () => {
      const file = path.join(dir, 'data', 'db.json');
      const store = await openLowdbStore(file);
      // Fill the disk but ~16 KB.
      const filler = path.join(dir, 'filler');
      const free = () => {
        const st = fs.statfsSync(dir);
        return st.bavail * st.bsize;
      };
      fs.writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 40 * 1024)));
      const told = new Map<string, 'stored' | 'failed'>();
      const codes = new Set<string>();
      for (let round = 0; round < 35; round++) {
        await Promise.all(
          Array.from({ length: 5 }, async (_, k) => {
            const i = round * 5 + k;
            try {
              await store.appendReport(input('4263', '2025-06', i, { logros: 'x'.repeat(300) }), person(i), {
                source: 'teams',
                submissionId: `form-${i}`,
                at: AT,
              });
              told.set(person(i).id, 'stored');
            } catch (e) {
              expect(e).toBeInstanceOf(StoreError);
              codes.add((e as StoreError).code);
              expect(errorText(e)).toMatch(/No hay espacio en el disco/);
              told.set(person(i).id, 'failed');
            }
          }),
        );
      }
      const failed = [...told.values()].filter((v) => v === 'failed').length;
      expect(failed).toBeGreaterThan(0);
      expect(codes).toEqual(new Set(['disk-full']));
      // What memory says is what users were told.
      const inMemory = new Set((await store.reports()).map((r) => r.author.id));
      for (const [id, t] of told) expect([id, inMemory.has(id)]).toEqual([id, t === 'stored']);

      // Space returns: the same store takes writes again, no restart.
      fs.rmSync(filler);
      const late = await store.appendReport(input('4263', '2025-06', 999), person(999), {
        source: 'teams',
        submissionId: 'form-late',
        at: AT,
      });
      told.set(person(999).id, 'stored');
      expect(late.duplicate).toBe(false);
      await store.close();

      const reopened = await openLowdbStore(file);
      const stored = new Set((await reopened.reports()).map((r) => r.author.id));
      for (const [id, t] of told) expect([id, stored.has(id)]).toEqual([id, t === 'stored']);
      // versions are dense: no version was handed out for a write that failed
      expect((await reopened.reports()).map((r) => r.version)).toEqual((await reopened.reports()).map((_, i) => i + 1));
      // eslint-disable-next-line no-console
      console.log(
        `disk full (tmpfs 256k, 40 KB free): ${told.size - failed} stored, ${failed} told «no se guardó»; after freeing space the next write was stored`,
      );
      await reopened.close();
    },
    60_000,
  );
});

describe('disk full, injected', () => {
  // The writes that touch the file that fails: a report and an owners change append to the journal; an owners
  // change and a send record write the document.
  test.each([['journal'], ['doc']] as const)(
    'ENOSPC at the %s write: nothing is kept, the next write succeeds',
    async (where) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pei-enospc-'));
      const file = path.join(dir, 'db.json');
      const files = storeFiles(file);
      let fail = false;
      const store = await openLowdbStore(file, {
        beforeWrite: (f, data) => {
          if (!fail || f !== files[where]) return;
          if (where === 'journal') fs.appendFileSync(f, data.subarray(0, Math.floor(data.length / 2))); // a partial write
          throw enospc(f);
        },
      });
      await store.appendReport(input('1', '2025-01', 1), person(1), { source: 'teams', submissionId: 'f1', at: AT });
      await store.setOwners('1', [person(1)], person(0), AT);
      const size = fs.statSync(files.journal).size;
      const doc = fs.readFileSync(files.doc);
      fail = true;
      const results = await Promise.allSettled([
        ...(where === 'journal'
          ? [store.appendReport(input('1', '2025-01', 2), person(2), { source: 'teams', submissionId: 'f2', at: AT })]
          : []),
        store.setOwners('1', [person(2)], person(0), AT),
        ...(where === 'doc' ? [store.markSent({ key: 'digest:x', at: AT })] : []),
      ]);
      for (const r of results) {
        expect(r.status).toBe('rejected');
        const e = (r as PromiseRejectedResult).reason as StoreError;
        expect(e.code).toBe('disk-full');
        expect(errorText(e)).toContain(files[where]);
      }
      expect((await store.reports()).map((r) => r.value)).toEqual([1]);
      expect(await store.owners('1')).toEqual([person(1)]);
      expect(await store.wasSent('digest:x')).toBe(false);
      expect(fs.statSync(files.journal).size).toBe(size);
      expect(fs.readFileSync(files.doc).equals(doc)).toBe(true);
      fail = false;
      const next = await store.appendReport(input('1', '2025-01', 3), person(3), {
        source: 'teams',
        submissionId: 'f2',
        at: AT,
      });
      expect(next).toMatchObject({ duplicate: false, record: { version: 2, value: 3 } });
      await store.close();
      const reopened = await openLowdbStore(file);
      expect((await reopened.reports()).map((r) => [r.version, r.value])).toEqual([
        [1, 1],
        [2, 3],
      ]);
      expect(await reopened.owners('1')).toEqual([person(1)]);
      expect(await reopened.wasSent('digest:x')).toBe(false);
      await reopened.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );
});
