/**
 * The embedded store's single-writer lock. The lock is an abstract Unix socket named after the store's real path
 * (Linux), held by the kernel for as long as the process lives: deleting db.lock or opening the store through a
 * symlink cannot sidestep it. db.lock only tells who holds it (the pid on its first line). Where abstract sockets do
 * not exist, db.lock itself is the lock (created exclusively; a stale one, or one of a live process that is not a
 * PEI Bot, is taken over).
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { errnoOf, fsStoreError, StoreError } from './errors';
import type { LockHolder, StoreFact } from '../domain/store-facts';

export interface HeldLock {
  file: string;
  /** The abstract-socket lock; null with the lock-file fallback. */
  server: net.Server | null;
}

const LOCK_MARKER = 'pei-bot-lock';

/** The pid db.lock names (first line), or null. */
function lockPid(lockFile: string): number | null {
  try {
    const pid = parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Whether a pid is a live PEI Bot (on Linux: a node process; elsewhere assumed). */
function looksLikeHolder(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (errnoOf(e) !== 'EPERM') return false;
  }
  try {
    return /node|jest|pei/i.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return process.platform !== 'linux';
  }
}

const lockText = (doc: string) => `${process.pid}\n${LOCK_MARKER}\n${doc}\n`;

function listen(server: net.Server, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ path: name }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Takes the lock of the store whose real document path is `doc`: the lock, or who holds it. */
export async function acquireLock(
  doc: string,
  lockFile: string,
  warn: (f: StoreFact) => void,
): Promise<HeldLock | { holder: LockHolder }> {
  if (process.platform === 'linux') {
    const server = net.createServer();
    try {
      await listen(server, `\0pei-bot:${crypto.createHash('sha256').update(doc).digest('hex')}`);
      server.unref();
      try {
        fs.writeFileSync(`${lockFile}.${process.pid}.tmp`, lockText(doc));
        fs.renameSync(`${lockFile}.${process.pid}.tmp`, lockFile);
      } catch (e) {
        warn({ kind: 'lock-info-failed', file: lockFile, why: errnoOf(e) ?? String(e) });
      }
      return { file: lockFile, server };
    } catch (e) {
      server.close();
      if (errnoOf(e) === 'EADDRINUSE') return { holder: { pid: lockPid(lockFile), lockFile } };
      // no abstract sockets here (a sandbox): the lock file is the lock
    }
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(lockFile, lockText(doc), { flag: 'wx' });
      return { file: lockFile, server: null };
    } catch (e) {
      if (errnoOf(e) !== 'EEXIST') throw fsStoreError(e, lockFile, 'lock');
    }
    const pid = lockPid(lockFile);
    if (pid !== null && pid !== process.pid && looksLikeHolder(pid)) return { holder: { pid, lockFile } };
    fs.rmSync(lockFile, { force: true });
  }
  throw new StoreError('locked', { kind: 'lock-failed', file: lockFile });
}

export function releaseLock(lock: HeldLock | null): void {
  if (!lock) return;
  try {
    if (lockPid(lock.file) === process.pid) fs.unlinkSync(lock.file);
  } catch {
    /* already gone */
  }
  lock.server?.close();
  lock.server = null;
}
