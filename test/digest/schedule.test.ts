import {
  currentDigestSlot,
  digestKey,
  digestsDue,
  isoWeekOf,
  nextDigestRun,
  parseDigestKey,
} from '../../src/digest/schedule';
import { at, conversation, harness, memoryStore, subscription, tickEvery } from './fixtures';

describe('the digest slot (DIGEST_CRON in America/Bogota)', () => {
  test('Monday 2025-07-07 08:00 Bogotá is 13:00Z and opens the slot of ISO week 2025-W28', () => {
    expect(at('2025-07-07T08:00').toISOString()).toBe('2025-07-07T13:00:00.000Z');
    const slot = currentDigestSlot('0 8 * * 1', at('2025-07-07T08:00'));
    expect(slot).toEqual({ occurrence: new Date('2025-07-07T13:00:00.000Z'), week: '2025-W28', slot: '2025-W28' });
  });

  test('before 08:00 on Monday the week has no occurrence yet', () => {
    expect(currentDigestSlot('0 8 * * 1', at('2025-07-07T07:59'))).toBeNull();
    // …and last week's slot is not offered again.
    expect(currentDigestSlot('0 8 * * 1', at('2025-07-14T07:00'))).toBeNull();
  });

  test('later in the same week the slot is still that Monday (catch-up within the week)', () => {
    for (const t of ['2025-07-08T03:00', '2025-07-10T15:00', '2025-07-13T23:59']) {
      expect(currentDigestSlot('0 8 * * 1', at(t))?.slot).toBe('2025-W28');
    }
  });

  test('a cron with several occurrences per week gets one slot per occurrence', () => {
    expect(currentDigestSlot('0 8 * * 1,4', at('2025-07-08T09:00'))?.slot).toBe('2025-W28');
    expect(currentDigestSlot('0 8 * * 1,4', at('2025-07-10T09:00'))?.slot).toBe('2025-W28.2');
  });

  test('ISO weeks across the new year, next run and key round trip', () => {
    expect(isoWeekOf(at('2025-12-29T08:00'))).toBe('2026-W01');
    expect(nextDigestRun('0 8 * * 1', at('2025-07-07T08:00'))).toEqual(new Date('2025-07-14T13:00:00.000Z'));
    expect(parseDigestKey(digestKey('2025-W28', '19:abc@thread.tacv2'))).toEqual({
      slot: '2025-W28',
      conversationKey: '19:abc@thread.tacv2',
    });
    expect(parseDigestKey('reminder:2025-06:d-3:x')).toBeNull();
  });
});

describe('which conversations are due', () => {
  const base = {
    cron: '0 8 * * 1',
    conversations: [conversation('c1'), conversation('c2'), conversation('gone', 'groupChat', { active: false })],
  };

  test('subscribed, active, not yet sent, subscribed before the occurrence', () => {
    const sent = new Set([digestKey('2025-W28', 'c2')]);
    const r = digestsDue({
      ...base,
      now: at('2025-07-07T08:00'),
      subscriptions: [
        subscription('c1'),
        subscription('c2'),
        subscription('gone'),
        subscription('missing'),
        subscription('late', '2025-07-07T14:00:00Z'),
      ],
      wasSent: (k) => sent.has(k),
    });
    expect(r.due.map((d) => d.key)).toEqual(['digest:2025-W28:c1']);
    expect(r.skipped).toEqual([
      { conversationKey: 'gone', reason: 'inactive' },
      { conversationKey: 'missing', reason: 'no-conversation' },
      { conversationKey: 'late', reason: 'subscribed-after-occurrence' },
    ]);
  });
});

describe('the schedule with a fake clock', () => {
  test('fires once per week per conversation, at the first tick from Monday 08:00', async () => {
    const store = memoryStore({
      conversations: [conversation('c1'), conversation('c2')],
      subscriptions: [subscription('c1'), subscription('c2')],
    });
    const h = harness(store);
    // Three weeks from Monday 00:00, a tick every 15 minutes (every minute is the same logic, only slower).
    await tickEvery(h.runner, at('2025-07-07T00:00'), at('2025-07-27T00:00'), 15);
    const digests = h.delivered.filter((d) => d.kind === 'digest');
    expect(digests.map((d) => d.key)).toEqual([
      'digest:2025-W28:c1',
      'digest:2025-W28:c2',
      'digest:2025-W29:c1',
      'digest:2025-W29:c2',
      'digest:2025-W30:c1',
      'digest:2025-W30:c2',
    ]);
    const sentAt = (await store.sent()).filter((s) => s.key.startsWith('digest:')).map((s) => s.at);
    expect(new Set(sentAt)).toEqual(
      new Set(['2025-07-07T13:00:00.000Z', '2025-07-14T13:00:00.000Z', '2025-07-21T13:00:00.000Z']),
    );
  });

  test("a process that starts on a Saturday sends that week's overdue digest (the week's Monday had passed)", async () => {
    const store = memoryStore({ conversations: [conversation('c1')], subscriptions: [subscription('c1')] });
    const h = harness(store);
    await tickEvery(h.runner, at('2025-07-05T00:00'), at('2025-07-05T01:00'));
    expect(h.delivered.map((d) => d.key)).toEqual(['digest:2025-W27:c1']);
  });

  test('a restarted process (new runner over the same store) does not send the week again', async () => {
    const store = memoryStore({ conversations: [conversation('c1')], subscriptions: [subscription('c1')] });
    const h = harness(store);
    await h.runner.run(at('2025-07-07T08:00'));
    expect(h.delivered).toHaveLength(1);
    const restarted = h.newRunner();
    for (const t of ['2025-07-07T08:00', '2025-07-07T08:01', '2025-07-09T12:00']) await restarted.run(at(t));
    expect(h.delivered).toHaveLength(1);
    await restarted.run(at('2025-07-14T08:00'));
    expect(h.delivered.map((d) => d.key)).toEqual(['digest:2025-W28:c1', 'digest:2025-W29:c1']);
  });

  test('down at 08:00 on Monday, up on Wednesday: the overdue digest goes once; a week missed entirely is not sent late', async () => {
    const store = memoryStore({ conversations: [conversation('c1')], subscriptions: [subscription('c1')] });
    const h = harness(store);
    await tickEvery(h.runner, at('2025-07-09T10:00'), at('2025-07-09T12:00'));
    expect(h.delivered.map((d) => d.key)).toEqual(['digest:2025-W28:c1']);
    // Down from then until Monday 21 July 07:00: week 29 is lost, week 30 goes at 08:00.
    await tickEvery(h.runner, at('2025-07-21T07:00'), at('2025-07-21T09:00'));
    expect(h.delivered.map((d) => d.key)).toEqual(['digest:2025-W28:c1', 'digest:2025-W30:c1']);
  });

  test('subscribing on a Wednesday waits for the next Monday', async () => {
    const store = memoryStore({
      conversations: [conversation('c1')],
      subscriptions: [subscription('c1', '2025-07-09T15:00:00.000Z')],
    });
    const h = harness(store);
    await tickEvery(h.runner, at('2025-07-09T10:30'), at('2025-07-14T09:00'), 30);
    expect(h.delivered.map((d) => [d.key, d.conversation.key])).toEqual([['digest:2025-W29:c1', 'c1']]);
  });

  test('a failed send is retried on later ticks with a backoff, and recorded once it goes', async () => {
    const store = memoryStore({
      conversations: [conversation('c1'), conversation('c2')],
      subscriptions: [subscription('c1'), subscription('c2')],
    });
    const h = harness(store);
    let failures = 2;
    h.answer = (item) =>
      item.conversation.key === 'c1' && failures-- > 0
        ? { status: 'failed', attempts: 1, reason: 'HTTP 500' }
        : { status: 'sent', attempts: 1 };
    await tickEvery(h.runner, at('2025-07-07T08:00'), at('2025-07-07T09:00'));
    expect(h.delivered.map((d) => d.key)).toEqual(['digest:2025-W28:c2', 'digest:2025-W28:c1']);
    expect(h.logs.filter((l) => l.startsWith('warn') && l.includes('digest:2025-W28:c1'))).toHaveLength(2);
    expect(await store.wasSent('digest:2025-W28:c1')).toBe(true);
  });

  test('a conversation the sender found gone is not due any more', async () => {
    const store = memoryStore({ conversations: [conversation('c1')], subscriptions: [subscription('c1')] });
    const h = harness(store);
    let calls = 0;
    h.answer = () => {
      calls += 1;
      void store.markConversationInactive('c1', 'HTTP 403', '2025-07-07T13:00:00.000Z');
      return { status: 'gone', attempts: 1, reason: 'HTTP 403' };
    };
    await tickEvery(h.runner, at('2025-07-07T08:00'), at('2025-07-07T09:00'));
    expect(calls).toBe(1);
    expect(await store.wasSent('digest:2025-W28:c1')).toBe(false);
  });
});
