import { loadPlan } from '../../src/plan/load';
import { computeCompliance, complianceJson } from '../../src/reports/compliance';
import { reportDeadline } from '../../src/calendar';
import type { Person } from '../../src/domain/records';
import { report } from '../helpers/reports';

const plan = loadPlan();
const ANA: Person = { id: 'aad-ana', name: 'Ana Pérez', email: 'ana@example.gov.co' };
const BETO: Person = { id: 'aad-beto', name: 'Beto Ruiz' };
const owners = (id: string): Person[] => (id === '4263' ? [ANA] : id === '4236' ? [ANA, BETO] : []);

/** Bogotá is UTC−5 all year: a Bogotá wall-clock time as an ISO instant. */
const bogota = (local: string) => new Date(`${local}-05:00`).toISOString();

// Hand-built month set of 4263 in 2025 (deadlines worked out by hand from the 2025 calendar):
// - 2025-01: deadline Fri 7 Feb; first stored 7 Feb 23:30 Bogotá (8 Feb in UTC)    -> a-tiempo
// - 2025-02: deadline Fri 7 Mar; first stored 10 Mar                               -> tarde
// - 2025-03: deadline Mon 7 Apr; nothing                                           -> sin-reporte
// - 2025-04: deadline Thu 8 May (1 May is a holiday); v1 8 May, v2 20 May           -> a-tiempo (first version decides)
// - 2025-05: deadline Mon 9 Jun (2 Jun, Ascensión, is a holiday); stored 9 Jun      -> a-tiempo (would be late without the holiday)
const reports = [
  report('4263', '2025-01', 0.05, { reportedAt: bogota('2025-02-07T23:30:00') }),
  report('4263', '2025-02', 0.1, { reportedAt: bogota('2025-03-10T09:00:00') }),
  report('4263', '2025-04', 0.15, { reportedAt: bogota('2025-05-08T17:59:00') }),
  report('4263', '2025-04', 0.2, { reportedAt: bogota('2025-05-20T10:00:00'), version: 2 }),
  report('4263', '2025-05', 0.25, { reportedAt: bogota('2025-06-09T15:00:00') }),
  // A report of another year does not count for 2025.
  report('4236', '2024-12', 1, { reportedAt: bogota('2025-01-08T10:00:00') }),
];

describe('reporting compliance over a hand-built month set', () => {
  test('the deadlines skip Colombian holidays', () => {
    expect(reportDeadline('2025-01')).toBe('2025-02-07');
    expect(reportDeadline('2025-02')).toBe('2025-03-07');
    expect(reportDeadline('2025-03')).toBe('2025-04-07');
    expect(reportDeadline('2025-04')).toBe('2025-05-08');
    expect(reportDeadline('2025-05')).toBe('2025-06-09');
    expect(reportDeadline('2024-12')).toBe('2025-01-09'); // 1 and 6 January
  });

  test('as of 10 June: each month of 4263 as computed by hand; 4236 has nothing', () => {
    const c = computeCompliance({ plan, reports, owners, year: 2025, asOf: '2025-06-10' });
    const of = (id: string) => c.indicators.find((i) => i.id === id)!.months;
    expect(of('4263')).toEqual({
      '2025-01': 'a-tiempo',
      '2025-02': 'tarde',
      '2025-03': 'sin-reporte',
      '2025-04': 'a-tiempo',
      '2025-05': 'a-tiempo',
    });
    expect(of('4236')).toEqual({
      '2025-01': 'sin-reporte',
      '2025-02': 'sin-reporte',
      '2025-03': 'sin-reporte',
      '2025-04': 'sin-reporte',
      '2025-05': 'sin-reporte',
    });
    const ana = c.owners.find((o) => o.owner.id === 'aad-ana')!;
    const beto = c.owners.find((o) => o.owner.id === 'aad-beto')!;
    // Ana owns both: 3 on time, 1 late, 1 + 5 missing.
    expect(ana).toMatchObject({
      'a-tiempo': 3,
      tarde: 1,
      'sin-reporte': 6,
      'en-plazo': 0,
      indicators: ['4236', '4263'],
    });
    expect(beto).toMatchObject({ 'a-tiempo': 0, tarde: 0, 'sin-reporte': 5, 'en-plazo': 0, indicators: ['4236'] });
  });

  test('on the deadline day the month is still en-plazo; the day after, sin-reporte', () => {
    const onDeadline = computeCompliance({ plan, reports, owners, year: 2025, asOf: '2025-06-09' });
    expect(onDeadline.indicators.find((i) => i.id === '4236')!.months['2025-05']).toBe('en-plazo');
    expect(onDeadline.owners.find((o) => o.owner.id === 'aad-beto')).toMatchObject({ 'sin-reporte': 4, 'en-plazo': 1 });
    // As of 9 June the 9 June report is seen (stored that day); as of 8 June it is not yet stored: en-plazo.
    expect(onDeadline.indicators.find((i) => i.id === '4263')!.months['2025-05']).toBe('a-tiempo');
    const before = computeCompliance({ plan, reports, owners, year: 2025, asOf: '2025-06-08' });
    expect(before.indicators.find((i) => i.id === '4263')!.months['2025-05']).toBe('en-plazo');
  });

  test('only indicators with a target in the year, only closed months; the JSON of CONTRACT.md', () => {
    const c = computeCompliance({ plan, reports, owners, year: 2024, asOf: '2025-01-15' });
    // 8110-M3 has no target in 2024.
    expect(c.indicators.map((i) => i.id)).not.toContain('8110-M3');
    expect(Object.keys(c.indicators[0].months)).toHaveLength(12);
    const dec = c.indicators.find((i) => i.id === '4236')!.months['2024-12'];
    expect(dec).toBe('a-tiempo'); // 8 January, deadline 9 January
    const json = complianceJson(computeCompliance({ plan, reports, owners, year: 2025, asOf: '2025-06-10' }));
    expect(json.owners[0]).toEqual({
      owner: { id: 'aad-ana', name: 'Ana Pérez', email: 'ana@example.gov.co' },
      'a-tiempo': 3,
      tarde: 1,
      'sin-reporte': 6,
      'en-plazo': 0,
      indicators: ['4236', '4263'],
    });
    const withTarget = plan.objectives.flatMap((o) => o.indicators).filter((i) => i.program[2025] !== 0).length;
    expect(json.totals['a-tiempo'] + json.totals.tarde + json.totals['sin-reporte'] + json.totals['en-plazo']).toBe(
      withTarget * 5,
    );
    expect(json.unassigned.indicators).toHaveLength(withTarget - 2);
  });
});
