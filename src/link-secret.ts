import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { catalog } from './i18n';

/**
 * The key of the signed download links: PEI_LINK_SECRET when set; otherwise a random 256-bit key generated once and
 * kept in `.pei-link-secret` beside the store file (mode 0600), so links survive a restart and every process sharing
 * the folder signs alike. Created atomically (written aside, then hard-linked into place: of two processes
 * starting together, one wins and both read its key). Deleting the file invalidates every link issued.
 */
export const LINK_SECRET_FILE = '.pei-link-secret';

export function resolveLinkSecret(configured: string | undefined, dbFile: string): string {
  if (configured) return configured;
  const file = join(dirname(dbFile), LINK_SECRET_FILE);
  if (!existsSync(file)) {
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(tmp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flush: true });
    try {
      linkSync(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      unlinkSync(tmp);
    }
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(catalog('es').operator.linkSecretShort(file));
  return secret;
}
