import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, rmSync, type WriteStream } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * Processes, ports and HTTP for the end-to-end test: the bot and the Agents Playground run as real child processes,
 * their output kept in files under test/e2e/output/ (and the last lines in memory for error messages).
 */

export const ROOT = join(__dirname, '..', '..');
export const OUTPUT = join(ROOT, 'test', 'e2e', 'output');
/**
 * The test's own build (git-ignored .test-build/): `npm run build` or a colleague's test writing dist/ meanwhile
 * cannot change the code under test. The compiled code finds data/ and cards/ by walking up (src/paths.ts).
 */
export const BUILD = join(ROOT, '.test-build', 'e2e');
export const BOT_ENTRY = join(BUILD, 'src', 'main.js');

/** Creates test/e2e/output/ and drops the failure screenshots of an earlier run. */
export function ensureOutput(): void {
  mkdirSync(OUTPUT, { recursive: true });
  for (const f of readdirSync(OUTPUT)) if (/^fallo-.*\.png$/.test(f)) rmSync(join(OUTPUT, f), { force: true });
}

/** A port the OS says is free right now (on 127.0.0.1). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface HttpAnswer {
  status: number;
  body: string;
}

export function httpGet(url: string, headers: Record<string, string> = {}, timeoutMs = 5000): Promise<HttpAnswer> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', headers, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ status: 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end();
  });
}

export async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
  const r = await httpGet(url, headers);
  if (r.status !== 200) throw new Error(`GET ${url} respondió ${r.status}: ${r.body.slice(0, 300)}`);
  return JSON.parse(r.body) as T;
}

export class Child {
  readonly proc: ChildProcess;
  private readonly log: WriteStream;
  private readonly tail: string[] = [];
  private readonly listeners: Array<(line: string) => void> = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    readonly name: string,
    script: string,
    args: string[],
    opts: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
  ) {
    this.log = createWriteStream(opts.logFile);
    this.proc = spawn(process.execPath, [script, ...args], {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.proc.stdout!, this.proc.stderr!]) {
      let buf = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        this.log.write(chunk);
        buf += chunk;
        let i;
        while ((i = buf.indexOf('\n')) >= 0) {
          this.line(buf.slice(0, i).replace(/\r$/, ''));
          buf = buf.slice(i + 1);
        }
      });
    }
    this.exited = new Promise((resolve) => this.proc.once('exit', (code, signal) => resolve({ code, signal })));
  }

  private line(l: string): void {
    this.tail.push(l);
    if (this.tail.length > 60) this.tail.shift();
    for (const f of this.listeners) f(l);
  }

  get running(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** Resolves with the first match of `re` in the output (already printed lines are not searched). */
  waitForLine(re: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name}: no escribió ${re} en ${timeoutMs / 1000} s\n${this.lastLines()}`)),
        timeoutMs,
      );
      const onLine = (l: string) => {
        const m = re.exec(l);
        if (m) {
          clearTimeout(timer);
          this.listeners.splice(this.listeners.indexOf(onLine), 1);
          resolve(m);
        }
      };
      this.listeners.push(onLine);
      void this.exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`${this.name} terminó (${signal ?? code}) antes de escribir ${re}\n${this.lastLines()}`));
      });
    });
  }

  lastLines(n = 30): string {
    return this.tail
      .slice(-n)
      .map((l) => `  [${this.name}] ${l}`)
      .join('\n');
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. Safe to call twice. */
  async stop(graceMs = 8000): Promise<void> {
    if (this.running) {
      this.proc.kill('SIGTERM');
      const timer = setTimeout(() => this.running && this.proc.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    await new Promise<void>((r) => this.log.end(r));
  }
}

/** Polls `url` until it answers 200; fails early when `child` dies. */
export async function waitHttp(url: string, child: Child, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!child.running) throw new Error(`${child.name} terminó antes de responder en ${url}\n${child.lastLines()}`);
    if ((await httpGet(url, {}, 2000)).status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${child.name} no respondió 200 en ${url} en ${timeoutMs / 1000} s\n${child.lastLines()}`);
}

/** `tsc -p tsconfig.json`, as `npm run build` does, into BUILD. */
export function build(): void {
  const r = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.json'), '--outDir', BUILD],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`No compila (tsc):\n${(r.stdout + r.stderr).slice(0, 4000)}`);
}

/** Runs the compiled CLI (`npm run cli -- …` without the npm wrapper). */
export function cli(
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv },
): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(BUILD, 'src', 'cli', 'main.js'), ...args], { ...opts, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/**
 * A fraction as the cards print it (written independently of src/views): es 0.3917 → "39,2 %", en → "39.2%";
 * null → "—".
 */
export function pct(x: number | null | undefined, lang: 'es' | 'en' = 'es'): string {
  if (x === null || x === undefined) return '—';
  const tenths = Math.round(Math.abs(x) * 1000 * (1 + 4 * Number.EPSILON));
  const n = `${Math.floor(tenths / 10)}${lang === 'es' ? ',' : '.'}${tenths % 10}`;
  const s = lang === 'es' ? `${n} %` : `${n}%`;
  return x < 0 && tenths !== 0 ? `-${s}` : s;
}

/** innerText with the spaces the renderer may use (no-break, narrow no-break) made plain, and blank lines dropped. */
export function plain(text: string): string {
  return text
    .replace(/[\u00a0\u202f]/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

/**
 * `currentUser` of a playground config file (.m365agentsplayground.yml), read without a YAML dependency: the
 * indented `key: value` lines under `currentUser:`.
 */
export function currentUserOf(yamlText: string): { id: string; name?: string; aadObjectId?: string } | undefined {
  const block = /^currentUser:[ \t]*\r?\n((?:[ \t]+.*(?:\r?\n|$))+)/m.exec(yamlText);
  if (!block) return undefined;
  const field = (k: string) =>
    new RegExp(`^\\s+${k}:\\s*(.+?)\\s*$`, 'm').exec(block[1])?.[1]?.replace(/^["']|["']$/g, '');
  const id = field('id');
  return id ? { id, name: field('name'), aadObjectId: field('aadObjectId') } : undefined;
}

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
