import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { join } from 'node:path';

/** The real bot as a child process, from the build test/global-setup.js made (`node .test-build/src/main.js`). */

export const MAIN_JS = join(__dirname, '..', '..', '.test-build', 'src', 'main.js');

export interface ChildBot {
  proc: ChildProcess;
  url: string;
  output(): string;
  /**
   * Resolves with the output once it matches `re` (what the bot printed so far, then each new chunk). An aborted
   * `signal` stops the wait (rejecting), for a wait that lost a race.
   */
  waitForOutput(re: RegExp, timeoutMs?: number, signal?: AbortSignal): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function spawnBot(env: Record<string, string>, port: number): Promise<ChildBot> {
  const proc = spawn(process.execPath, [MAIN_JS], {
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const watchers = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d;
    for (const w of [...watchers]) w();
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  const waitForOutput = (re: RegExp, timeoutMs = 20_000, signal?: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      const done = () => {
        watchers.delete(check);
        clearTimeout(timer);
        signal?.removeEventListener('abort', abort);
      };
      const abort = () => {
        done();
        reject(new Error(`no longer waiting for ${re}`));
      };
      const check = () => {
        if (!re.test(out)) return;
        done();
        resolve(out);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`the bot did not print ${re} in ${timeoutMs / 1000} s:\n${out}`));
      }, timeoutMs);
      watchers.add(check);
      signal?.addEventListener('abort', abort);
      check();
    });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    proc.once('exit', (code, signal) => r({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  // Generous: on a loaded machine (two jest workers, each with its children) a start can take many seconds.
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not yet listening */
    }
    if (proc.exitCode !== null) throw new Error(`the bot exited before listening:\n${out}`);
    if (Date.now() > deadline) throw new Error(`the bot did not start in time:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { proc, url, output: () => out, waitForOutput, exited };
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
