import {
  monthsClosed,
  lastClosedPeriod,
  reportDeadline,
  isBusinessDay,
  parseNow,
  bogotaDate,
  isYearClosed,
  previousPeriod,
  isIsoDate,
} from '../../src/calendar';

test.each([
  [2025, '2025-06-30', 6],
  [2025, '2025-06-29', 5],
  [2025, '2025-01-01', 0],
  [2025, '2025-12-31', 12],
  [2024, '2024-02-29', 2],
  [2024, '2024-02-28', 1],
  [2024, '2025-01-10', 12],
  [2026, '2025-12-31', 0],
])('months of %i closed at %s: %i', (y, d, m) => expect(monthsClosed(y, d)).toBe(m));

test.each([
  ['2025-07-03', '2025-06'],
  ['2025-06-30', '2025-06'],
  ['2025-01-15', '2024-12'],
])('last closed month at %s is %s', (d, p) => {
  expect(lastClosedPeriod(d)).toBe(p);
});

describe('reporting deadline: 5th business day after the month closes, Colombian holidays skipped', () => {
  test('December 2024 -> 9 Jan 2025 (1 Jan and Reyes on 6 Jan are holidays)', () =>
    expect(reportDeadline('2024-12')).toBe('2025-01-09'));
  test('March 2025 -> 7 Apr 2025', () => expect(reportDeadline('2025-03')).toBe('2025-04-07'));
  test('May 2025 -> 9 Jun 2025 (2 June is Ascensión)', () => expect(reportDeadline('2025-05')).toBe('2025-06-09'));
  test('holidays and weekends', () => {
    expect(isBusinessDay('2025-06-02')).toBe(false);
    expect(isBusinessDay('2025-06-07')).toBe(false);
    expect(isBusinessDay('2025-06-03')).toBe(true);
  });
  test('a year closes when the deadline of its December report passes', () => {
    expect(isYearClosed(2024, '2025-01-09')).toBe(false);
    expect(isYearClosed(2024, '2025-01-10')).toBe(true);
  });
});

describe('Bogotá time', () => {
  test('PEI_NOW as a date is noon in Bogotá; a date-time without offset is Bogotá time', () => {
    expect(bogotaDate(parseNow('2025-06-30')!)).toBe('2025-06-30');
    expect(parseNow('2025-07-01T01:00:00')!.toISOString()).toBe('2025-07-01T06:00:00.000Z');
    expect(parseNow('mañana')).toBeUndefined();
  });
  test('an instant late on 30 June UTC-5 is still 30 June in Bogotá', () => {
    expect(bogotaDate(new Date('2025-07-01T04:59:00Z'))).toBe('2025-06-30');
    expect(bogotaDate(new Date('2025-07-01T05:00:00Z'))).toBe('2025-07-01');
  });
  test('periods and dates', () => {
    expect(previousPeriod('2025-01')).toBe('2024-12');
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('2025-02-28')).toBe(true);
  });
});
