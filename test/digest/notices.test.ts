import type { ReportRecord } from '../../src/domain/records';
import { isBusinessHours } from '../../src/digest/schedule';
import type { Outbound } from '../../src/digest/run';
import { missedAdminsCard, missedOwnerCard, returnNoticeCard, reviewDigestCard } from '../../src/views/review-cards';
import { cardProblems } from '../views/helpers';
import { cardText } from '../helpers/conversation';
import { ADMIN, ANA, LUIS, at, conversation, harness, memoryStore, thePlan, tickEvery } from './fixtures';

/** The planning office's notices with a fake clock: the admins' review digest, a return's notice, the last notice. */

const MARIA = { id: 'aad-maria', name: 'María Ruiz' };

function rec(
  indicatorId: string,
  period: string,
  version: number,
  review: ReportRecord['review'],
  reportedAt: string,
  author = ANA,
  extra: Partial<ReportRecord> = {},
): ReportRecord {
  return {
    id: `${indicatorId}:${period}:v${version}`,
    indicatorId,
    period,
    version,
    value: 0.3,
    logros: 'Avance del mes',
    dificultades: '',
    evidencia: 'https://intranet.example.gov.co/e',
    author,
    reportedAt,
    source: 'teams',
    review,
    ...extra,
  };
}

const conversations = [
  conversation('a:personal-admin', 'personal', { userId: 'aad-admin' }),
  conversation('a:personal-maria', 'personal', { userId: 'aad-maria' }),
  conversation('a:personal-ana', 'personal', { userId: 'aad-ana' }),
  conversation('19:planeacion@thread.tacv2', 'channel'),
];

const keysOf = (items: Outbound[], prefix: string) => items.filter((d) => d.key.startsWith(prefix)).map((d) => d.key);

test('business hours: business days (holidays counted), 7:00 to 19:00 Bogotá', () => {
  expect(isBusinessHours(at('2025-07-04T07:00'))).toBe(true);
  expect(isBusinessHours(at('2025-07-04T06:59'))).toBe(false);
  expect(isBusinessHours(at('2025-07-04T18:59'))).toBe(true);
  expect(isBusinessHours(at('2025-07-04T19:00'))).toBe(false);
  expect(isBusinessHours(at('2025-07-05T10:00'))).toBe(false); // Saturday
  expect(isBusinessHours(at('2025-08-07T10:00'))).toBe(false); // Batalla de Boyacá
});

describe("the admins' review digest", () => {
  test('one message per admin and business day, with what waits oldest first; none on the weekend, none to others', async () => {
    const store = memoryStore({
      admins: [MARIA],
      conversations,
      subscriptions: [
        {
          conversationKey: '19:planeacion@thread.tacv2',
          kind: 'review-digest',
          createdBy: ADMIN,
          createdAt: '2025-06-01T00:00:00.000Z',
        },
      ],
      reports: [
        rec('4263', '2025-06', 1, 'pendiente', '2025-07-02T15:00:00.000Z'),
        rec('3979', '2025-06', 1, 'pendiente', '2025-07-01T15:00:00.000Z', LUIS),
        rec('4267', '2025-06', 1, 'aprobado', '2025-07-01T16:00:00.000Z'),
        rec('4234', '2025-06', 1, 'pendiente', '2025-07-01T17:00:00.000Z'),
        rec('4234', '2025-06', 2, 'devuelto', '2025-07-02T17:00:00.000Z'), // the latest is returned: nothing to review
      ],
    });
    const h = harness(store, { admins: ['aad-admin'] });
    await tickEvery(h.runner, at('2025-07-04T00:00'), at('2025-07-08T00:00'), 15);
    expect(keysOf(h.delivered, 'review-digest:')).toEqual([
      'review-digest:2025-07-04:a:personal-admin',
      'review-digest:2025-07-04:a:personal-maria',
      'review-digest:2025-07-04:19:planeacion@thread.tacv2',
      'review-digest:2025-07-07:a:personal-admin',
      'review-digest:2025-07-07:a:personal-maria',
      'review-digest:2025-07-07:19:planeacion@thread.tacv2',
    ]);
    expect((await store.sent()).find((x) => x.key === 'review-digest:2025-07-04:a:personal-admin')?.at).toBe(
      at('2025-07-04T08:00').toISOString(),
    );
    const first = h.delivered.find((d) => d.key.startsWith('review-digest:'))!;
    expect(
      first.kind === 'notice' && first.notice.type === 'review-digest' && first.notice.pending.map((r) => r.id),
    ).toEqual(['3979:2025-06:v1', '4263:2025-06:v1']);
    // Ana is not an admin: nothing of the kind reaches her.
    expect(
      h.delivered.filter((d) => d.key.startsWith('review-digest:') && d.conversation.key === 'a:personal-ana'),
    ).toEqual([]);
    // A restarted process the same day sends nothing again.
    await h.newRunner().run(at('2025-07-07T15:00'));
    expect(keysOf(h.delivered, 'review-digest:')).toHaveLength(6);

    const card =
      first.kind === 'notice' && first.notice.type === 'review-digest'
        ? reviewDigestCard(first.notice.pending, [thePlan()], 'es')
        : null;
    expect(cardProblems(card!)).toEqual([]);
    expect(cardText(card)).toContain('2 reportes por revisar');
    expect(cardText(card)).toContain('Reportes por revisar (2)');
  });

  test('nothing waits: no digest', async () => {
    const store = memoryStore({
      conversations,
      reports: [rec('4263', '2025-06', 1, 'aprobado', '2025-07-02T15:00:00.000Z')],
    });
    const h = harness(store, { admins: ['aad-admin'] });
    await tickEvery(h.runner, at('2025-07-04T00:00'), at('2025-07-05T00:00'), 30);
    expect(keysOf(h.delivered, 'review-digest:')).toEqual([]);
  });
});

test('a return is told to its author once, at once whatever the hour (a Saturday return is not held until Monday)', async () => {
  const returned = rec('4263', '2025-06', 1, 'devuelto', '2025-07-02T15:00:00.000Z', ANA, {
    reviewedBy: ADMIN,
    reviewedAt: at('2025-07-05T10:00').toISOString(),
    reviewNote: 'Falta el acta de publicación del portal',
  });
  const store = memoryStore({ conversations, reports: [returned] });
  const h = harness(store, { admins: ['aad-admin'] });
  await tickEvery(h.runner, at('2025-07-05T09:00'), at('2025-07-08T00:00'), 15);
  const notices = h.delivered.filter((d) => d.key.startsWith('return-notice:'));
  expect(notices.map((d) => [d.key, d.conversation.key])).toEqual([
    ['return-notice:4263:2025-06:v1', 'a:personal-ana'],
  ]);
  // It follows an admin's action (or the owner's first chat): not held for business hours like reminders.
  expect((await store.sent()).find((x) => x.key === 'return-notice:4263:2025-06:v1')?.at).toBe(
    at('2025-07-05T09:00').toISOString(),
  );
  const n = notices[0];
  const card =
    n.kind === 'notice' && n.notice.type === 'returned'
      ? returnNoticeCard(n.notice.record, n.notice.indicator, 'es')
      : null;
  expect(cardProblems(card!)).toEqual([]);
  expect(cardText(card)).toContain('Falta el acta de publicación del portal');
  expect(cardText(card)).toContain('Corregir el reporte');
});

test('after the deadline with nothing reported: one last notice per owner and the admins told, once per indicator and month', async () => {
  const store = memoryStore({
    owners: { '4263': [ANA], '4267': [ANA], '3979': [LUIS] },
    conversations: [...conversations, conversation('a:personal-luis', 'personal', { userId: 'aad-luis' })],
    // 4267 was reported (even if only pending): no notice for it.
    reports: [rec('4267', '2025-06', 1, 'pendiente', '2025-07-03T15:00:00.000Z')],
  });
  const h = harness(store, { admins: ['aad-admin'] });
  // June 2025 is due Monday 7 July: nothing before the 8th.
  await tickEvery(h.runner, at('2025-07-07T00:00'), at('2025-07-08T00:00'), 15);
  expect(keysOf(h.delivered, 'last-notice:')).toEqual([]);
  await tickEvery(h.runner, at('2025-07-08T00:00'), at('2025-07-11T00:00'), 15);
  await h.newRunner().run(at('2025-07-10T12:00')); // a restart sends nothing again
  expect(keysOf(h.delivered, 'last-notice:').sort()).toEqual([
    'last-notice:2025-06:aad-ana',
    'last-notice:2025-06:aad-luis',
  ]);
  const ana = h.delivered.find((d) => d.key === 'last-notice:2025-06:aad-ana')!;
  expect(
    ana.kind === 'notice' && ana.notice.type === 'missed-owner' && ana.notice.missed.indicators.map((i) => i.id),
  ).toEqual(['4263']);
  expect((await store.sent()).find((x) => x.key === 'last-notice:2025-06:aad-ana')?.at).toBe(
    at('2025-07-08T08:00').toISOString(),
  );
  expect(keysOf(h.delivered, 'missed-admins:')).toEqual(['missed-admins:2025-06:a:personal-admin']);
  const admins = h.delivered.find((d) => d.key.startsWith('missed-admins:'))!;
  const missed = admins.kind === 'notice' && admins.notice.type === 'missed-admins' ? admins.notice.missed : null;
  const ids = missed!.items.map((i) => i.indicator.id);
  expect(ids).toContain('4263');
  expect(ids).toContain('3979');
  expect(ids).not.toContain('4267');
  expect(new Set(ids).size).toBe(ids.length); // each indicator once
  for (const card of [
    missedAdminsCard(missed!, 'es'),
    ana.kind === 'notice' && ana.notice.type === 'missed-owner' ? missedOwnerCard(ana.notice.missed, 'es') : null,
  ]) {
    expect(cardProblems(card!)).toEqual([]);
  }
  expect(cardText(missedAdminsCard(missed!, 'es'))).toContain('no se reportaron antes del plazo (7 de julio de 2025)');
});

test('reminders: not after 19:00, not on a Sunday', async () => {
  const store = memoryStore({ owners: { '4263': [ANA] }, conversations });
  const h = harness(store, { admins: [] });
  await h.runner.run(at('2025-07-02T19:30')); // the d-5 day, after hours: nothing
  expect(h.delivered).toEqual([]);
  await h.runner.run(at('2025-07-02T18:45'));
  expect(h.delivered.map((d) => d.key)).toEqual(['reminder:2025-06:d-5:aad-ana']);
  await tickEvery(h.runner, at('2025-07-06T00:00'), at('2025-07-07T00:00'), 30); // Sunday: nothing
  expect(h.delivered).toHaveLength(1);
});
