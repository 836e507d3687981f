import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config';
import { startBot, type RunningBot } from '../../src/main';
import { createLogger } from '../../src/log';
import { StandInConnector } from './connector';

/** The real server, in process, on a free port, with a fresh store and a stand-in connector. */

export interface TestBot {
  bot: RunningBot;
  connector: StandInConnector;
  url: string;
  dbFile: string;
  /** POSTs an activity to /api/messages and returns the HTTP status. */
  send(activity: unknown, headers?: Record<string, string>): Promise<number>;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** POSTs an invoke to /api/messages and returns the HTTP status and the invoke's answer (the body). */
  invoke(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

export async function startTestBot(env: Record<string, string> = {}, opts: { dbFile?: string } = {}): Promise<TestBot> {
  const dbFile = opts.dbFile ?? join(mkdtempSync(join(tmpdir(), 'pei-bot-')), 'db.json');
  const config: Config = {
    ...loadConfig({ PEI_NOW: '2025-07-03', PEI_DB_FILE: dbFile, LOG_LEVEL: 'silent', ...env }, { dotenv: false }),
    port: 0,
  };
  const connector = await new StandInConnector().start();
  const bot = await startBot(config, { log: createLogger('silent'), host: '127.0.0.1' });
  const url = `http://127.0.0.1:${bot.port}`;
  return {
    bot,
    connector,
    url,
    dbFile,
    async send(activity, headers = {}) {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      await res.text();
      return res.status;
    },
    async invoke(activity, headers = {}) {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      let body: any = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: res.status, body };
    },
    async get(path, headers = {}) {
      const res = await fetch(`${url}${path}`, { headers });
      const text = await res.text();
      let body: any = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: res.status, body };
    },
    async stop() {
      await bot.stop();
      await connector.stop();
    },
  };
}

export type { Config };
