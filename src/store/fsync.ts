import * as fsp from 'node:fs/promises';
import { errnoOf } from './errors';

/** fsync a file, or a folder (which makes a rename durable; not supported everywhere: ignored there). */
export async function fsyncPath(p: string, folder = false): Promise<void> {
  const fh = await fsp.open(p, 'r');
  await fh
    .sync()
    .catch((e: unknown) => {
      if (!folder || !['EISDIR', 'EPERM', 'EINVAL', 'EBADF'].includes(errnoOf(e) ?? '')) throw e;
    })
    .finally(() => fh.close());
}
