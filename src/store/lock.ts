/**
 * The embedded store's single-writer lock: an abstract Unix socket named after the store's real path, held by the
 * kernel for as long as the process lives, so deleting db.lock or opening the store through a symlink cannot
 * sidestep it. db.lock only tells who holds it (the pid on its first line). The bot runs on Linux only: there is no
 * fallback for systems without abstract sockets (a lock file of its own was one, and no deployment used it).
 */
import * as crypto from 'node:crypto';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { errnoOf, fsStoreError, StoreError } from './errors';
import type { StoreFact } from '../domain/store-facts';

export type HeldLock = { file: string; server: net.Server | null };

/** The pid db.lock names (first line), or null. */
function lockPid(lockFile: string): number | null {
  try {
    const pid = parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the lock of the store whose real document path is `doc`; another process holding it is a 'locked' StoreError. */
export async function acquireLock(doc: string, lockFile: string, warn: (f: StoreFact) => void): Promise<HeldLock> {
  const server = net.createServer();
  try {
    server.listen({ path: `\0pei-bot:${crypto.createHash('sha256').update(doc).digest('hex')}` });
    await once(server, 'listening'); // rejects with the 'error' instead
  } catch (e) {
    server.close();
    if (errnoOf(e) === 'EADDRINUSE')
      throw new StoreError('locked', { kind: 'locked', file: doc, holder: { pid: lockPid(lockFile), lockFile } });
    throw fsStoreError(e, lockFile, 'lock');
  }
  server.unref();
  try {
    fs.writeFileSync(`${lockFile}.${process.pid}.tmp`, `${process.pid}\npei-bot-lock\n${doc}\n`);
    fs.renameSync(`${lockFile}.${process.pid}.tmp`, lockFile);
  } catch (e) {
    warn({ kind: 'lock-info-failed', file: lockFile, why: errnoOf(e) ?? String(e) });
  }
  return { file: lockFile, server };
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
