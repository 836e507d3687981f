/**
 * The PostgreSQL store's change signal: LISTEN pei_change on a connection of its own, whose listeners hear each
 * revision another process (or this one) committed. A lost connection is retried with a pause that doubles.
 */
import { Client, type ClientConfig } from 'pg';
import { notifyAll } from './rules';
import type { StoreFact } from '../domain/store-facts';

export const CHANNEL = 'pei_change';

export class ChangeFeed {
  readonly listeners = new Set<(revision: number) => void>();
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  /** The reconnection: its timer and how many tries failed in a row (the backoff). */
  private retry: NodeJS.Timeout | undefined;
  private failures = 0;
  private closed = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly warn: (fact: StoreFact) => void,
    private readonly revision: () => Promise<number>,
  ) {}

  /** LISTEN on a connection of its own (once; again, with a growing pause, after the connection is lost). */
  listen(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= (async () => {
      const c = new Client(this.config);
      const lost = (why: string) => {
        if (this.client !== c) return;
        this.client = undefined;
        this.warn({ kind: 'pg-listen-lost', why });
        c.end().catch(() => {});
        this.schedule();
      };
      c.on('error', (e) => lost(e.message));
      c.on('end', () => lost('connection ended'));
      c.on('notification', (n) => {
        if (n.channel === CHANNEL) notifyAll(this.listeners, Number(n.payload));
      });
      try {
        await c.connect();
        await c.query(`LISTEN ${CHANNEL}`);
        if (this.closed) await c.end();
        else this.client = c;
      } catch (e) {
        await c.end().catch(() => {});
        throw e;
      }
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  on(listener: (revision: number) => void): () => void {
    this.listeners.add(listener);
    void this.listen().catch((e: Error) => {
      this.warn({ kind: 'pg-listen-failed', why: e.message });
      this.schedule();
    });
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Tries LISTEN again after a pause that doubles on each failure (0.5 s up to 30 s, with jitter). Once back, the
   * listeners are called with the current revision: changes made while nobody listened are not missed.
   */
  private schedule(): void {
    if (this.closed || this.retry || this.listeners.size === 0) return;
    const base = Math.min(30_000, 500 * 2 ** Math.min(this.failures, 6));
    const delay = base / 2 + Math.random() * (base / 2);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.listen().then(
        async () => {
          if (this.closed) return;
          this.failures = 0;
          this.warn({ kind: 'pg-listen-back' });
          const rev = await this.revision().catch(() => undefined);
          if (rev !== undefined) notifyAll(this.listeners, rev);
        },
        () => {
          this.failures++;
          this.schedule();
        },
      );
    }, delay);
    this.retry.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    if (this.retry) clearTimeout(this.retry);
    await this.connecting?.catch(() => {});
    await this.client?.end().catch(() => {});
  }
}
