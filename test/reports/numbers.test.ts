import { parseReportValue } from '../../src/reports/numbers';

const ok = (text: string, unit: 'number' | 'percent' = 'number') => {
  const r = parseReportValue(text, unit);
  if (!r.ok) throw new Error(`${text}: ${r.problem}`);
  return r.value;
};
const problem = (text: string, unit: 'number' | 'percent' = 'number') => {
  const r = parseReportValue(text, unit);
  return r.ok ? `ok ${r.value}` : r.problem;
};

describe('parseReportValue: Colombian and English formats', () => {
  test.each([
    ['1.500,5', 1500.5],
    ['1500.5', 1500.5],
    ['1,500.5', 1500.5],
    ['0,25', 0.25],
    ['1.500', 1500],
    ['10.000', 10000],
    ['1.500.000', 1500000],
    ['1.500.000,25', 1500000.25],
    ['1,500,000', 1500000],
    ['1,500,000.75', 1500000.75],
    ['1.5', 1.5],
    ['1,5', 1.5],
    ['2,50', 2.5],
    ['0.500', 0.5],
    ['0,500', 0.5],
    ['12.3456', 12.3456],
    ['1 500', 1500],
    ['1 500,5', 1500.5],
    ['30000', 30000],
    ['0', 0],
    ['  7  ', 7],
    ['+3', 3],
    [',5', 0.5],
    ['.5', 0.5],
    ['007', 7],
  ])('%s → %d (number unit)', (text, value) => {
    expect(ok(text)).toBe(value);
  });

  test('percent sign: a fraction, for any unit', () => {
    expect(ok('75%')).toBe(0.75);
    expect(ok('75 %')).toBe(0.75);
    expect(ok('2,5 %')).toBe(0.025);
    expect(ok('100%', 'percent')).toBe(1);
    expect(ok('75,3%', 'percent')).toBe(0.753);
    expect(ok('0,5%', 'percent')).toBe(0.005);
  });

  test('percent-unit indicators: a bare number above 1 is percent points, up to 1 the fraction', () => {
    expect(ok('75', 'percent')).toBe(0.75);
    expect(ok('95,5', 'percent')).toBe(0.955);
    expect(ok('0,75', 'percent')).toBe(0.75);
    expect(ok('0.75', 'percent')).toBe(0.75);
    expect(ok('1', 'percent')).toBe(1);
    expect(ok('100', 'percent')).toBe(1);
    // number-unit indicators: the number itself
    expect(ok('75')).toBe(75);
  });

  test('negative values are read (the validation refuses them)', () => {
    expect(ok('-5')).toBe(-5);
    expect(ok('-0')).toBe(0);
    expect(Object.is(ok('-0'), -0)).toBe(false);
  });

  test('refused with a reason', () => {
    expect(problem('')).toBe('empty');
    expect(problem('   ')).toBe('empty');
    expect(problem('abc')).toBe('not-a-number');
    expect(problem('NaN')).toBe('not-a-number');
    expect(problem('Infinity')).toBe('not-a-number');
    expect(problem('1e5')).toBe('not-a-number');
    expect(problem('diez')).toBe('not-a-number');
    expect(problem('5 unidades')).toBe('not-a-number');
    expect(problem('%')).toBe('not-a-number');
    expect(problem('75%%')).toBe('not-a-number');
    expect(problem('%75')).toBe('not-a-number');
    expect(problem('--5')).toBe('not-a-number');
    expect(problem('5.')).toBe('not-a-number');
    expect(problem('5,')).toBe('not-a-number');
    expect(problem('1,500')).toBe('ambiguous');
    expect(problem('12,000')).toBe('ambiguous');
    expect(problem('1.2.3')).toBe('bad-grouping');
    expect(problem('1,2,3')).toBe('bad-grouping');
    expect(problem('1.50.000')).toBe('bad-grouping');
    expect(problem('1,5.300')).toBe('bad-grouping');
    expect(problem('1.500,5.3')).toBe('bad-grouping');
    expect(problem('1.500,000.5')).toBe('bad-grouping');
    expect(problem('12 34')).toBe('bad-grouping');
    expect(problem('0,1234567')).toBe('too-many-decimals');
    expect(problem('1.000000000000000000000001')).toBe('too-many-decimals');
  });

  test('decimals beyond the limit that are zeros are fine', () => {
    expect(ok('0,250000000')).toBe(0.25);
  });
});
