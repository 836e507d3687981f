import { catalog } from '../../src/i18n';
import { DateTime } from 'luxon';
import { bogotaDate, isYearClosed, monthsClosed, yearClosedFrom, yearOf, ZONE } from '../../src/calendar';
import { anomaliesOf } from '../../src/progress/engine';
import { loadPlan, indicatorById } from '../../src/plan/load';
import { report } from '../helpers/reports';

/** The calendar's Intl and plain-date code (used by the engine for every stored report) gives what luxon gives. */

const luxonDate = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE }).toISODate();

describe('bogotaDate', () => {
  test('equals luxon over two centuries, every few hours (including Bogotá’s 1992–93 daylight saving)', () => {
    let mismatches = 0;
    for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2100, 0, 1); t += 3600e3 * 17.77 + 1234) {
      const d = new Date(t);
      if (bogotaDate(d) !== luxonDate(d)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  test('midnight in Bogotá, and the dates luxon handles the long way', () => {
    expect(bogotaDate(new Date('2025-07-01T04:59:59.999Z'))).toBe('2025-06-30');
    expect(bogotaDate(new Date('2025-07-01T05:00:00.000Z'))).toBe('2025-07-01');
    for (const d of [
      new Date(Date.UTC(999, 5, 1)),
      new Date(Date.UTC(10000, 0, 1)),
      new Date(-8.64e15),
      new Date('not a date'),
    ]) {
      expect(bogotaDate(d)).toBe(luxonDate(d));
    }
  });
});

describe('yearClosedFrom', () => {
  test.each([2023, 2024, 2025, 2026, 2027])(
    '%i: an instant is at or after it exactly when its Bogotá date closes the year',
    (y) => {
      const from = yearClosedFrom(y);
      for (const dt of [-86400e3, -1, 0, 1, 3600e3]) {
        const d = new Date(from + dt);
        expect(d.getTime() >= from).toBe(isYearClosed(y, bogotaDate(d)));
      }
    },
  );

  test('2024 closes at the start of 10 January 2025 in Bogotá', () => {
    expect(new Date(yearClosedFrom(2024)).toISOString()).toBe('2025-01-10T05:00:00.000Z');
  });

  test('monthsClosed counts the days of February, leap years included', () => {
    expect(monthsClosed(2025, '2025-02-28')).toBe(2);
    expect(monthsClosed(2024, '2024-02-28')).toBe(1); // leap year: 29 days
    expect(monthsClosed(2024, '2024-02-29')).toBe(2);
  });
});

describe('closed-period anomalies', () => {
  const ind = indicatorById(loadPlan()).get('4236')!;
  const closedAt = (reportedAt: string) =>
    anomaliesOf(ind, [report('4236', '2024-12', 1, { reportedAt, dificultades: 'explicado en detalle' })]).filter(
      (a) => a.code === 'closed-period',
    );

  test.each([
    ['2025-01-09T23:59:59.999-05:00', false],
    ['2025-01-10T04:59:59.999Z', false],
    ['2025-01-10T05:00:00.000Z', true],
    ['2025-01-10T00:00:00-05:00', true],
    ['2024-12-31T23:59:59.999-12:00', false],
    ['2026-03-01T12:00:00.000Z', true],
    ['not a date', false],
  ])('reported at %s: closed %s (as isYearClosed(bogotaDate(…)) says)', (at, closed) => {
    const d = new Date(at);
    const expected = !Number.isNaN(d.getTime()) && isYearClosed(2024, bogotaDate(d));
    expect(expected).toBe(closed);
    expect(closedAt(at).length).toBe(closed ? 1 : 0);
  });

  test('the detail names the Bogotá date of the report (a code and its figures; the catalog words it)', () => {
    const a = closedAt('2025-01-10T05:00:00.000Z')[0];
    expect(a.params).toEqual({ reportedOn: '2025-01-10' });
    expect(catalog('es').cards.anomalyDetail(a.code, a.params)).toBe(
      'Reportado después del cierre de la vigencia (el 10 de enero de 2025)',
    );
  });
});

describe('yearOf', () => {
  test.each(['2025-07', '2025-07-03', '0999-01', '2025', '202', '', 'abcd-01', ' 2025', '+2025-01', '2O25-01'])(
    '"%s" reads as Number(first four characters)',
    (s) => {
      expect(Object.is(yearOf(s), Number(s.slice(0, 4)))).toBe(true);
    },
  );
});

describe('bogotaDate, asked again for the same instant', () => {
  test('answers the same, and a different instant gets its own date', () => {
    const a = new Date('2025-07-01T04:59:59.999Z');
    const b = new Date('2025-07-01T05:00:00.000Z');
    expect([bogotaDate(a), bogotaDate(a), bogotaDate(b), bogotaDate(b), bogotaDate(a)]).toEqual([
      '2025-06-30',
      '2025-06-30',
      '2025-07-01',
      '2025-07-01',
      '2025-06-30',
    ]);
    expect(bogotaDate(new Date('x'))).toBe(luxonDate(new Date('x')));
    expect(bogotaDate(a)).toBe('2025-06-30');
  });
});
