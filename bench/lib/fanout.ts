/**
 * The weekly digest's fan-out at the district's scale (issue 28): `channels` channels subscribed, two bot processes
 * on one PostgreSQL database, the stand-in connector enforcing Teams' limits (bench/procs/connector.ts `limits`:
 * 50 requests/s for the app, 7 per conversation per second, 429 + Retry-After past them). The bots' clock is a
 * Monday 09:00 in Bogotá (BENCH_NOW), an hour after the digest's cron: on their first tick the digest is due, one
 * of them takes the proactive lock and sends it; the connector records every channel's new thread.
 *
 *   clean    every channel once; first to last message ≤ 1.05 × channels / 50 s
 *   faults   3 % of the posts answered 503, and the sending process SIGKILLed once a quarter of the channels have
 *            theirs: the other process takes over; every channel gets it, at most 0.5 % twice, first to last
 *            ≤ 1.15 × channels / 50 s + 30 s
 */
import { openPgStore } from '../../src/store/pg-store';
import type { ConversationRecord } from '../../src/domain/records';
import { startChild, type Child } from './child';

export interface FanoutResult {
  mode: 'clean' | 'faults';
  channels: number;
  /** Channels that got the digest at least once, and more than once. */
  reached: number;
  twice: number;
  /** First to last new thread at the connector, s. */
  spanS: number;
  boundS: number;
  refused429: number;
  faults503: number;
  /** When the sending process was killed: after how many channels, and how many seconds after the first message. */
  killedAfter?: number;
  killedAtS?: number;
  met: boolean;
}

const ADMIN = { id: 'aad-admin', name: 'Oficina de Planeación' };
export const FANOUT_NOW = '2025-07-07T09:00:00';

function channel(key: string, serviceUrl: string): ConversationRecord {
  return {
    key,
    scope: 'channel',
    reference: {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: key, conversationType: 'channel', isGroup: true, tenantId: 'tenant-bogota' },
      bot: { id: '28:pei-bot', name: 'PEI Bot' },
    },
    teamId: `team-${key}`,
    name: 'General',
    active: true,
    updatedAt: '2025-06-01T00:00:00.000Z',
  };
}

/** Subscribes `n` channels to the weekly digest in the database at `url` (through the store, as the bot would). */
export async function seedChannels(url: string, n: number, serviceUrl: string): Promise<void> {
  const store = await openPgStore(url, { poolSize: 8, listen: false });
  try {
    const keys = Array.from({ length: n }, (_, i) => `19:fanout-${String(i).padStart(5, '0')}@thread.tacv2`);
    for (let i = 0; i < n; i += 16) {
      await Promise.all(
        keys.slice(i, i + 16).map(async (key) => {
          await store.saveConversation(channel(key, serviceUrl));
          await store.subscribe(
            { conversationKey: key, kind: 'weekly-digest', createdBy: ADMIN, createdAt: '2025-06-01T00:00:00.000Z' },
            ADMIN,
          );
        }),
      );
    }
  } finally {
    await store.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One fan-out: the database at `url` seeded with `channels` channels, the connector (started with `limits`, and
 * BENCH_FAULT_RATE for the faults) fresh; starts two bots and waits until every channel has its digest or the
 * time is up.
 */
export async function runFanout(
  mode: 'clean' | 'faults',
  url: string,
  connector: Child,
  channels: number,
  log: (m: string) => void,
): Promise<FanoutResult> {
  const ideal = channels / 50;
  const boundS = mode === 'clean' ? 1.05 * ideal : 1.15 * ideal + 30;
  const env = { PEI_DATABASE_URL: url, BENCH_NOW: FANOUT_NOW };
  const bots = await Promise.all([startChild('bot', [], env), startChild('bot', [], env)]);
  let killedAfter: number | undefined;
  let killedAt: number | undefined;
  try {
    const deadline = Date.now() + (boundS + 60) * 1000;
    for (;;) {
      const reached = await connector.ask<number>('reached');
      if (reached >= channels || Date.now() > deadline) break;
      if (mode === 'faults' && killedAfter === undefined && reached >= channels / 4) {
        const sending = await Promise.all(bots.map((b) => b.ask<boolean>('sending').catch(() => false)));
        const victim = bots[sending.indexOf(true)];
        if (victim) {
          victim.proc.kill('SIGKILL');
          killedAfter = reached;
          killedAt = Date.now();
          log(`fan-out ${mode}: SIGKILL to the sending process (pid ${victim.pid}) after ${reached} channels`);
        }
      }
      await sleep(mode === 'faults' && killedAfter === undefined ? 20 : 200);
    }
    // Late duplicates (a takeover resending what was in flight) land within a second or two.
    await sleep(2000);
  } finally {
    await Promise.all(bots.map((b) => b.stop().catch(() => undefined)));
  }
  const f = await connector.ask<{ threads: Record<string, number[]>; refused429: number; faults503: number }>('fanout');
  const lists = Object.values(f.threads);
  const all = lists.flat();
  const first = Math.min(...all);
  const spanS = all.length ? (Math.max(...all) - first) / 1000 : NaN;
  const reached = lists.length;
  const twice = lists.filter((l) => l.length > 1).length;
  if (process.env.BENCH_DEBUG)
    log(
      `twice: ${lists
        .filter((l) => l.length > 1)
        .map((l) => l.map((t) => ((t - first) / 1000).toFixed(2)).join('/'))
        .join(' ')}`,
    );
  const met = reached === channels && spanS <= boundS && (mode === 'clean' ? twice === 0 : twice <= 0.005 * channels);
  return {
    mode,
    channels,
    reached,
    twice,
    spanS,
    boundS,
    refused429: f.refused429,
    faults503: f.faults503,
    ...(killedAfter !== undefined ? { killedAfter, killedAtS: ((killedAt ?? first) - first) / 1000 } : {}),
    met,
  };
}
