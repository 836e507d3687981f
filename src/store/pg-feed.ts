/**
 * The PostgreSQL store's change signal: LISTEN pei_change on a connection of its own, whose listeners hear each
 * revision any process commits. A lost connection is opened again for as long as the store is open, after a pause
 * that doubles on each failure (0.5 s up to 30 s, with jitter); once back, the listeners hear the revision then.
 */
import { Client, type ClientConfig } from 'pg';
import { notifyAll } from './rules';
import type { StoreFact } from '../domain/store-facts';

export const CHANNEL = 'pei_change';

export class ChangeFeed {
  readonly listeners = new Set<(revision: number) => void>();
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly warn: (fact: StoreFact) => void,
    private readonly revision: () => Promise<number>,
  ) {}

  /** LISTEN, unless listening already (calls while connecting share the attempt). */
  listen(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const c = new Client(this.config);
    const lost = (why: string) => {
      if (this.client !== c) return;
      this.client = undefined;
      this.warn({ kind: 'pg-listen-lost', why });
      c.end().catch(() => {});
      this.reconnect(0);
    };
    c.on('error', (e) => lost(e.message));
    c.on('end', () => lost('connection ended'));
    c.on('notification', (n) => notifyAll(this.listeners, Number(n.payload)));
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
    } catch (e) {
      await c.end().catch(() => {});
      throw e;
    }
    if (this.closed) await c.end();
    else this.client = c;
  }

  on(listener: (revision: number) => void): () => void {
    this.listeners.add(listener);
    this.listen().catch((e: Error) => {
      this.warn({ kind: 'pg-listen-failed', why: e.message });
      this.reconnect(0);
    });
    return () => this.listeners.delete(listener);
  }

  /** LISTEN again after the pause due after `failures` failed tries; 'pg-listen-back' once it is. */
  private reconnect(failures: number): void {
    if (this.closed || this.retry) return;
    const again = async () => {
      this.retry = undefined;
      try {
        await this.listen();
      } catch {
        return this.reconnect(failures + 1);
      }
      if (this.closed) return;
      this.warn({ kind: 'pg-listen-back' });
      const rev = await this.revision().catch(() => undefined);
      if (rev !== undefined) notifyAll(this.listeners, rev); // what changed while nobody listened
    };
    const pause = Math.min(30_000, 500 * 2 ** failures);
    this.retry = setTimeout(() => void again(), pause * (0.5 + Math.random() / 2)).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    clearTimeout(this.retry);
    await this.connecting?.catch(() => {});
    await this.client?.end().catch(() => {});
  }
}
