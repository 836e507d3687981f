/** The parent side: forks a process under test, waits for its port, asks it questions, stops it. */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface Child {
  proc: ChildProcess;
  pid: number;
  port: number;
  info: Record<string, unknown>;
  ask<T = unknown>(what: string, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

/** `script` is a file of dist/bench/procs/ without extension ("bot", "echo", ...). */
export function startChild(
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
  opts: { gc?: boolean; timeoutMs?: number } = {},
): Promise<Child> {
  const file = join(__dirname, '..', 'procs', `${script}.js`);
  const proc = fork(file, args, {
    env: { ...process.env, NODE_ENV: 'production', ...env },
    execArgv: [
      // restify's dependencies touch process.binding('http_parser'): one deprecation line per process otherwise.
      '--no-deprecation',
      ...(opts.gc ? ['--expose-gc'] : []),
      // BENCH_PROFILE=<dir>: a V8 CPU profile of every process under test, written when it stops.
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let seq = 0;
  const waiting = new Map<number, (v: unknown) => void>();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`${script}: no ready message within ${opts.timeoutMs ?? 120_000} ms`));
    }, opts.timeoutMs ?? 120_000);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (code ${code}) before it was ready`));
    });
    proc.on('message', (msg: any) => {
      if (msg?.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(`${script} failed to start: ${msg.message}`));
      } else if (msg?.type === 'answer') {
        waiting.get(msg.id)?.(msg.value);
        waiting.delete(msg.id);
      } else if (msg?.type === 'ready') {
        clearTimeout(timer);
        const { type: _t, port, ...info } = msg;
        const child: Child = {
          proc,
          pid: proc.pid!,
          port,
          info,
          ask: <T>(what: string, timeoutMs = 60_000) =>
            new Promise<T>((res, rej) => {
              const id = ++seq;
              const t = setTimeout(() => {
                waiting.delete(id);
                rej(new Error(`${script}: no answer to ${what}`));
              }, timeoutMs);
              waiting.set(id, (v) => {
                clearTimeout(t);
                res(v as T);
              });
              proc.send({ type: 'ask', id, what });
            }),
          stop: async () => {
            if (proc.exitCode !== null || proc.signalCode !== null) return;
            const exited = new Promise<void>((r) => proc.once('exit', () => r()));
            try {
              await child.ask('stop', 30_000);
            } catch {
              proc.kill('SIGKILL');
            }
            const t = setTimeout(() => proc.kill('SIGKILL'), 10_000);
            await exited;
            clearTimeout(t);
          },
        };
        resolve(child);
      }
    });
  });
}
