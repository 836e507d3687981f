import { conversation, harness, memoryStore, subscription, at } from './fixtures';
import { Scheduler } from '../../src/digest/scheduler';
import type { RunSummary } from '../../src/digest/run';

/** A process stopped mid-send (killed) and the process that takes over: every conversation still gets its digest. */

const NOW = at('2025-07-07T09:00');
const keys = Array.from({ length: 40 }, (_, i) => `ch-${i}`);
const seeded = () =>
  memoryStore({
    conversations: keys.map((k) => conversation(k, 'channel')),
    subscriptions: keys.map((k) => subscription(k)),
  });

describe('DigestRunner: claims and takeover', () => {
  test('a delivered item is recorded as sent (confirmed), a failed one is released', async () => {
    const store = seeded();
    const h = harness(store);
    h.answer = (item) =>
      item.conversation.key === 'ch-3'
        ? { status: 'failed', attempts: 1, reason: 'HTTP 500' }
        : { status: 'sent', attempts: 1 };
    await h.runner.run(NOW);
    const sent = await store.sent({ prefix: 'digest:' });
    expect(sent).toHaveLength(keys.length - 1);
    expect(sent.filter((r) => r.pending)).toEqual([]);
    expect(sent.some((r) => r.key.endsWith(':ch-3'))).toBe(false);
  });

  test('claims are taken as the items go, not all at once before the first delivery', async () => {
    const store = seeded();
    const h = harness(store);
    let pendingAtFirst = -1;
    const deliver = h.runner['deps'].deliver;
    h.runner['deps'].deliver = async (item) => {
      if (pendingAtFirst < 0) pendingAtFirst = (await store.sent()).filter((r) => r.pending).length;
      return deliver(item);
    };
    await h.runner.run(NOW);
    expect(pendingAtFirst).toBeGreaterThan(0);
    expect(pendingAtFirst).toBeLessThan(keys.length);
    expect(h.delivered).toHaveLength(keys.length);
  });

  test('claims left pending by a process stopped mid-send are released and sent by the next run', async () => {
    const store = seeded();
    // The first process: killed after 10 deliveries; its in-flight claims stay pending, the rest never claimed.
    const first = harness(store);
    let count = 0;
    first.answer = () => (++count <= 10 ? { status: 'sent', attempts: 1 } : (new Promise(() => undefined) as never));
    const firstDeliver = first.runner['deps'].deliver;
    first.runner['deps'].deliver = (item) => (count >= 10 ? new Promise(() => undefined) : firstDeliver(item));
    void first.runner.run(NOW);
    for (let i = 0; i < 100 && first.delivered.length < 10; i++) await new Promise((r) => setImmediate(r));
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    const pending = (await store.sent()).filter((r) => r.pending).map((r) => r.key);
    expect(first.delivered).toHaveLength(10);
    expect(pending.length).toBeGreaterThan(0);

    // The other process takes over (the lock went with the dead one's connection).
    const second = harness(store);
    const summary = await second.runner.run(NOW);
    const all = [...first.delivered, ...second.delivered].map((i) => i.conversation.key);
    expect(new Set(all)).toEqual(new Set(keys)); // every channel
    expect(second.delivered.map((i) => i.key)).toEqual(expect.arrayContaining(pending)); // the abandoned claims too
    expect(summary.items.every((i) => i.status === 'sent')).toBe(true);
    expect((await store.sent()).filter((r) => r.pending)).toEqual([]);
    expect(second.logs.some((l) => l.startsWith('warn') && l.includes('no terminó'))).toBe(true);
    // and nothing more the next time
    await harness(store).runner.run(NOW);
    expect((await store.sent({ prefix: 'digest:' })).length).toBe(keys.length);
  });
});

describe('Scheduler: another process holds the proactive lock', () => {
  test('a busy run is tried again after busyRetryMs, not at the next minute', async () => {
    jest.useFakeTimers();
    try {
      const runs: number[] = [];
      let busy = true;
      const runner = {
        run: async (now: Date): Promise<RunSummary> => {
          runs.push(Date.now());
          return busy ? { at: now.toISOString(), items: [], busy: true } : { at: now.toISOString(), items: [] };
        },
      };
      const log = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
      const scheduler = new Scheduler({
        runner,
        sender: { start: () => undefined, stop: () => undefined },
        clock: () => NOW,
        log,
        intervalMs: 60_000,
        firstTickMs: 1000,
        busyRetryMs: 5000,
      });
      scheduler.start();
      await jest.advanceTimersByTimeAsync(1000);
      expect(runs).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(5000);
      expect(runs).toHaveLength(2);
      busy = false;
      await jest.advanceTimersByTimeAsync(5000);
      expect(runs).toHaveLength(3);
      await jest.advanceTimersByTimeAsync(30_000); // not busy any more: back to the minute
      expect(runs).toHaveLength(3);
      await scheduler.stop();
    } finally {
      jest.useRealTimers();
    }
  });
});
