import { loadPlan } from '../../src/plan/load';
import type { Plan } from '../../src/domain/plan';
import { computePlan } from '../../src/progress/engine';
import { createMemoryStore, type MemoryStoreInit } from '../../src/store/memory';
import type { ConversationRecord, Person, Subscription } from '../../src/domain/records';
import type { Store } from '../../src/store/types';
import { DigestRunner, type DeliveryResult, type Outbound } from '../../src/digest/run';
import { parseNow } from '../../src/calendar';

/** Plain inputs for the digest core: the plan, a memory store, fake conversations, a recording `deliver`. */

let plan: Plan | undefined;
export const thePlan = (): Plan => (plan ??= loadPlan());

/** "2025-07-07T08:00" (Bogotá) → instant. */
export const at = (bogota: string): Date => parseNow(bogota)!;

export const ANA: Person = { id: 'aad-ana', name: 'Ana Pérez' };
export const LUIS: Person = { id: 'aad-luis', name: 'Luis Gómez' };
export const ADMIN: Person = { id: 'aad-admin', name: 'Oficina de Planeación' };

export function conversation(
  key: string,
  scope: ConversationRecord['scope'] = 'groupChat',
  extra: Partial<ConversationRecord> = {},
): ConversationRecord {
  return {
    key,
    scope,
    reference: {
      channelId: 'msteams',
      serviceUrl: 'https://stand-in.local/',
      conversation: { id: key },
      bot: { id: '28:pei-bot', name: 'PEI Bot' },
    },
    active: true,
    updatedAt: '2025-06-01T00:00:00.000Z',
    ...extra,
  };
}

export function subscription(key: string, createdAt = '2025-06-01T00:00:00.000Z'): Subscription {
  return { conversationKey: key, kind: 'weekly-digest', createdBy: ADMIN, createdAt };
}

export function memoryStore(init: MemoryStoreInit = {}): Store {
  return createMemoryStore(init);
}

export interface Harness {
  store: Store;
  runner: DigestRunner;
  delivered: Outbound[];
  /** What the fake connector answers for the next deliveries (default: sent). */
  answer: (item: Outbound) => DeliveryResult;
  newRunner(): DigestRunner;
  logs: string[];
}

export function harness(
  store: Store,
  opts: { cron?: string; reminderDays?: number[]; admins?: string[] } = {},
): Harness {
  const delivered: Outbound[] = [];
  const logs: string[] = [];
  const h: Harness = {
    store,
    delivered,
    logs,
    answer: () => ({ status: 'sent', attempts: 1 }),
    runner: undefined as unknown as DigestRunner,
    newRunner: () =>
      new DigestRunner({
        plan: thePlan(),
        store,
        figures: async (year, asOf) => computePlan(thePlan(), await store.reports(), { year, asOf }),
        cron: opts.cron ?? '0 8 * * 1',
        reminderDays: opts.reminderDays ?? [5, 3, 1],
        admins: opts.admins ?? [],
        log: {
          debug: (m) => logs.push(`debug ${m}`),
          info: (m) => logs.push(`info ${m}`),
          warn: (m) => logs.push(`warn ${m}`),
          error: (m) => logs.push(`error ${m}`),
        },
        deliver: async (item) => {
          const r = h.answer(item);
          if (r.status === 'sent') delivered.push(item);
          return r;
        },
      }),
  };
  h.runner = h.newRunner();
  return h;
}

/** Runs the runner every `stepMinutes` from `from` to `to` (inclusive start, exclusive end). */
export async function tickEvery(runner: DigestRunner, from: Date, to: Date, stepMinutes = 1): Promise<void> {
  for (let t = from.getTime(); t < to.getTime(); t += stepMinutes * 60_000) await runner.run(new Date(t));
}
