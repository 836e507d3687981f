import { addDays, isBusinessDay, reportDeadline } from '../../src/calendar';
import { pendingIndicators, reminderPeriods, remindersDue } from '../../src/digest/reminders';
import { report } from '../helpers/reports';
import { ANA, LUIS, at, conversation, harness, memoryStore, thePlan, tickEvery } from './fixtures';

const owners = { '4263': [ANA], '4264': [ANA], '3979': [LUIS], '8116-M3': [] };

describe('the reminder calendar (calendar days before the 5th business day)', () => {
  test('June 2025 is due Monday 7 July (30 June is a holiday and the month closes on it)', () => {
    expect(reportDeadline('2025-06')).toBe('2025-07-07');
    // July 2025 is due Friday 8 August: 7 August (Batalla de Boyacá) is a holiday.
    expect(reportDeadline('2025-07')).toBe('2025-08-08');
  });

  test('reminders fall 5, 3 and 1 calendar days before the deadline, moved to a business day, and on no other day', () => {
    const days: string[] = [];
    for (let d = '2025-06-20'; d <= '2025-08-10'; d = addDays(d, 1)) {
      for (const p of reminderPeriods(d, [5, 3, 1])) days.push(`${d} ${p.period} d-${p.daysLeft}`);
    }
    expect(days).toEqual([
      '2025-07-02 2025-06 d-5',
      '2025-07-04 2025-06 d-3',
      // d-1 is Sunday 6 July: it goes out on the next business day, Monday 7 July, the deadline itself.
      '2025-07-07 2025-06 d-0',
      // d-5 is Sunday 3 August: Monday 4 August.
      '2025-08-04 2025-07 d-4',
      '2025-08-05 2025-07 d-3',
      // d-1 is 7 August, a holiday (Batalla de Boyacá): Friday 8 August, the deadline.
      '2025-08-08 2025-07 d-0',
    ]);
    for (const line of days) expect(isBusinessDay(line.slice(0, 10))).toBe(true);
  });

  test('one reminder per owner listing the indicators without a report for the period', () => {
    const reports = [report('4264', '2025-06', 0.1), report('4263', '2025-05', 0.2)];
    const due = remindersDue('2025-07-04', thePlan(), reports, owners, [5, 3, 1]);
    expect(due.map((r) => [r.key, r.owner.name, r.indicators.map((i) => i.id), r.deadline, r.daysLeft])).toEqual([
      ['reminder:2025-06:d-3:aad-luis', 'Luis Gómez', ['3979'], '2025-07-07', 3],
      ['reminder:2025-06:d-3:aad-ana', 'Ana Pérez', ['4263'], '2025-07-07', 3],
    ]);
    expect(remindersDue('2025-07-03', thePlan(), reports, owners, [5, 3, 1])).toEqual([]);
  });

  test("indicators without a target in the period's year expect no report (8110-M3 in 2024)", () => {
    const ids2024 = pendingIndicators(thePlan(), [], '2024-06').map((i) => i.id);
    const ids2025 = pendingIndicators(thePlan(), [], '2025-06').map((i) => i.id);
    expect(ids2024).not.toContain('8110-M3');
    expect(ids2025).toContain('8110-M3');
    expect(ids2025).toHaveLength(29);
  });
});

describe('reminders with a fake clock', () => {
  test('sent on the right days from 08:00 to owners with a personal chat, once each, never twice after a restart', async () => {
    const store = memoryStore({
      owners: { '4263': [ANA], '3979': [LUIS] },
      conversations: [conversation('a:personal-ana', 'personal', { userId: 'aad-ana' })], // Luis never installed the app
    });
    const h = harness(store);
    await tickEvery(h.runner, at('2025-07-01T00:00'), at('2025-07-04T00:00'), 15);
    // Ana reports 4263 on 3 July: no more reminders for her.
    await store.appendReport(
      { indicatorId: '4263', period: '2025-06', value: 0.3, logros: 'x', dificultades: '', evidencia: '' },
      ANA,
      { source: 'teams', at: '2025-07-03T15:00:00.000Z' },
    );
    await tickEvery(h.runner, at('2025-07-04T00:00'), at('2025-07-09T00:00'), 15);
    const reminders = h.delivered.filter((d) => d.kind === 'reminder');
    expect(reminders.map((d) => d.key)).toEqual(['reminder:2025-06:d-5:aad-ana']);
    expect((await store.sent()).find((s) => s.key === 'reminder:2025-06:d-5:aad-ana')?.at).toBe(
      at('2025-07-02T08:00').toISOString(),
    );
    // Luis cannot be reached: logged once per reminder (d-5, d-3, d-1), not every minute.
    expect(
      h.logs.filter((l) => l.includes('recordatorio') && l.includes('Luis Gómez no tiene chat personal')),
    ).toHaveLength(3);
    // After the deadline (Monday 7 July) Luis's last notice cannot be sent either: logged once.
    expect(h.logs.filter((l) => l.includes('last-notice:2025-06:aad-luis'))).toHaveLength(1);
  });

  test('every reminder day for an owner who never reports, and a restart on the same day sends nothing again', async () => {
    const store = memoryStore({
      owners: { '4263': [ANA] },
      conversations: [conversation('a:personal-ana', 'personal', { userId: 'AAD-ANA' })],
    });
    const h = harness(store);
    await tickEvery(h.runner, at('2025-07-01T00:00'), at('2025-07-06T09:00'), 15);
    await h.newRunner().run(at('2025-07-06T10:00'));
    await tickEvery(h.newRunner(), at('2025-07-06T10:00'), at('2025-07-09T00:00'), 30);
    // d-1 falls on Sunday 6 July: it goes out on Monday 7 July (the deadline); the day after, the last notice, once.
    expect(h.delivered.map((d) => d.key)).toEqual([
      'reminder:2025-06:d-5:aad-ana',
      'reminder:2025-06:d-3:aad-ana',
      'reminder:2025-06:d-1:aad-ana',
      'last-notice:2025-06:aad-ana',
    ]);
    expect((await store.sent()).find((x) => x.key === 'reminder:2025-06:d-1:aad-ana')?.at).toBe(
      at('2025-07-07T08:00').toISOString(),
    );
    expect((await store.sent()).find((x) => x.key === 'last-notice:2025-06:aad-ana')?.at).toBe(
      at('2025-07-08T08:00').toISOString(),
    );
    const item = h.delivered[0];
    expect(item.kind === 'reminder' && item.reminder.indicators.map((i) => i.id)).toEqual(['4263']);
  });
});
