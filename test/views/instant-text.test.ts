import { instantText } from '../../src/views/report-cards';
import { formatNumber, formatPercent } from '../../src/i18n/format';

/** When a report was made, as its confirmation card writes it: Bogotá's wall clock (UTC-5), in both languages. */
describe('instantText', () => {
  test.each([
    ['2025-07-03T15:04:00.000Z', 'es', '3 de julio de 2025, 10:04'],
    ['2025-07-03T15:04:00.000Z', 'en', 'July 3, 2025, 10:04'],
    // just after midnight UTC is still the evening before in Bogotá
    ['2025-07-04T00:30:00.000Z', 'es', '3 de julio de 2025, 19:30'],
    ['2025-01-01T04:59:59.999Z', 'es', '31 de diciembre de 2024, 23:59'],
    ['2025-01-01T05:00:00.000Z', 'en', 'January 1, 2025, 00:00'],
    // an offset other than Z names the same instant
    ['2025-07-03T10:04:00-05:00', 'es', '3 de julio de 2025, 10:04'],
    ['2025-07-03T17:04:00+02:00', 'es', '3 de julio de 2025, 10:04'],
  ] as const)('%s (%s) → %s', (iso, lang, text) => {
    expect(instantText(iso, lang)).toBe(text);
  });

  test('what is not an instant is shown as written', () => {
    expect(instantText('ayer', 'es')).toBe('ayer');
  });
});

describe('formatNumber gives the same text each time it is asked', () => {
  test('the same value in both languages and precisions, asked twice', () => {
    for (let round = 0; round < 2; round++) {
      expect(formatNumber(1500.25, 'es')).toBe('1.500,25');
      expect(formatNumber(1500.25, 'en')).toBe('1,500.25');
      expect(formatNumber(1500.25, 'es', 0)).toBe('1.500');
      expect(formatNumber(-0.5, 'es')).toBe('-0,5');
      expect(formatPercent(0.375, 'es')).toBe('37,5\u00a0%');
      expect(formatPercent(0.375, 'en', 2)).toBe('37.50%');
    }
  });
});
