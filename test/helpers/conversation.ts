import { TestAdapter, type Activity } from 'botbuilder';
import { loadPlan } from '../../src/plan/load';
import { createStatusService } from '../../src/progress/service';
import { createUnderstanding } from '../../src/language';
import { ChatRouter } from '../../src/chat/router';
import { chatModules } from '../../src/chat/modules';
import type { Services } from '../../src/chat/types';
import { createTeamsApp } from '../../src/teams/app';
import { createMemoryStore } from '../../src/store/memory';
import { parseNow } from '../../src/calendar';
import { DEFAULT_BANDS } from '../../src/progress/status';
import type { Store } from '../../src/store/types';
import { execute, message, submit, installed, type UserLike, type Where } from './activities';

/**
 * Conversations through botbuilder's TestAdapter: the real teams-ai Application and chat logic on an in-memory
 * store; what the bot sent is read from adapter.activeQueue.
 */

const plan = loadPlan();

export interface Conversation {
  services: Services;
  store: Store;
  adapter: TestAdapter;
  /** Sends a message and returns the activities the bot sent in that turn. */
  say(
    text: string,
    opts?: { from?: UserLike; where?: Where; mention?: boolean; locale?: string; mentions?: UserLike[] },
  ): Promise<Partial<Activity>[]>;
  /** Posts a card action; replyToId defaults to the last card the bot sent. */
  click(
    value: Record<string, unknown>,
    opts?: { from?: UserLike; where?: Where; replyToId?: string },
  ): Promise<Partial<Activity>[]>;
  install(where?: Where, from?: UserLike): Promise<Partial<Activity>[]>;
  /**
   * An Action.Execute (adaptiveCard/action invoke, delivered with expectReplies as TestAdapter needs): `answer` is
   * the invoke's response body, `sent` the other activities the bot sent in that turn.
   */
  execute(
    verb: string,
    data: Record<string, unknown>,
    opts?: { from?: UserLike; where?: Where; replyToId?: string; trigger?: 'manual' | 'automatic' },
  ): Promise<{ answer: any; sent: Partial<Activity>[] }>;
  /** All activities in the transcript (updates replace in place). */
  transcript(): Partial<Activity>[];
  setNow(iso: string): void;
}

export function cardsOf(activities: Partial<Activity>[]): any[] {
  return activities.flatMap((a) =>
    (a.attachments ?? [])
      .filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((x) => x.content),
  );
}

/** Every text a card shows, joined: what a person reads on it. */
export function cardText(card: any): string {
  const out: string[] = [];
  const walk = (n: any) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    for (const k of ['text', 'title', 'label', 'placeholder', 'value', 'altText'])
      if (typeof n[k] === 'string') out.push(n[k]);
    Object.values(n).forEach(walk);
  };
  walk(card);
  return out.join('\n');
}

export function startConversation(opts: { now?: string; admins?: string[]; store?: Store } = {}): Conversation {
  const store = opts.store ?? createMemoryStore();
  let now = parseNow(opts.now ?? '2025-07-03')!;
  const services: Services = {
    plan,
    store,
    status: createStatusService(plan, store, DEFAULT_BANDS),
    understanding: createUnderstanding(plan),
    config: {
      admins: (opts.admins ?? ['aad-admin']).map((a) => a.toLowerCase()),
      bands: DEFAULT_BANDS,
      reminderDays: [5, 3, 1],
    },
  };
  const router = new ChatRouter(services, chatModules);
  const app = createTeamsApp({ services, router, clock: () => now, log: () => undefined });
  const adapter = new TestAdapter(async (ctx) => {
    await app.run(ctx);
  });
  const serviceUrl = 'https://test.local/';
  let lastCardId: string | undefined;

  async function run(activity: any): Promise<Partial<Activity>[]> {
    const before = adapter.activeQueue.length;
    await adapter.processActivity(activity);
    const sent = adapter.activeQueue.slice(before);
    const lastCard = [...sent].reverse().find((a) => a.attachments?.length);
    if (lastCard?.id) lastCardId = lastCard.id;
    return sent;
  }

  return {
    services,
    store,
    adapter,
    say: (text, o = {}) => run(message(serviceUrl, text, o)),
    click: (value, o = {}) => run(submit(serviceUrl, value, { ...o, replyToId: o.replyToId ?? lastCardId })),
    install: (where, from) => run(installed(serviceUrl, where, from)),
    async execute(verb, data, o = {}) {
      // With expectReplies the turn keeps what it sends (bufferedReplyActivities) instead of posting it.
      let sent: Partial<Activity>[] = [];
      await adapter.processActivity(
        {
          ...execute(serviceUrl, verb, data, { ...o, replyToId: o.replyToId ?? lastCardId }),
          deliveryMode: 'expectReplies',
        },
        async (ctx) => {
          await app.run(ctx);
          sent = [...ctx.bufferedReplyActivities];
        },
      );
      const response = sent.find((a) => a.type === 'invokeResponse');
      return {
        answer: (response?.value as { body?: unknown } | undefined)?.body,
        sent: sent.filter((a) => a.type !== 'invokeResponse'),
      };
    },
    transcript: () => [...adapter.activeQueue],
    setNow: (iso) => {
      now = parseNow(iso)!;
    },
  };
}
