import {
  barFill,
  formatDate,
  formatNumber,
  formatPercent,
  formatPercentShort,
  formatPeriod,
  formatPeriodLong,
  formatValue,
  joinList,
  monthName,
  monthShort,
  progressBar,
  roundTo,
  statusColor,
  statusEmoji,
  statusLabel,
  statusText,
  truncate,
} from '../../src/views/format';
import type { Status } from '../../src/progress/status';

describe('numbers the Colombian way and the English way', () => {
  test.each([
    [1500, 'es', '1.500'],
    [1500, 'en', '1,500'],
    [0.5, 'es', '0,5'],
    [0.5, 'en', '0.5'],
    [100000, 'es', '100.000'],
    [1234567.891, 'es', '1.234.567,89'],
    [1234567.891, 'en', '1,234,567.89'],
    [1500.5, 'es', '1.500,5'],
    [0.75, 'es', '0,75'],
    [2, 'es', '2'],
    [-1500.25, 'es', '-1.500,25'],
    [-0.001, 'es', '0'],
    [0.285, 'es', '0,29'],
    [1.005, 'en', '1.01'],
  ] as const)('%p in %s is %s', (x, lang, out) => {
    expect(formatNumber(x, lang)).toBe(out);
  });

  test('not a number is a dash', () => {
    expect(formatNumber(Number.NaN, 'es')).toBe('—');
    expect(formatPercent(null, 'es')).toBe('—');
    expect(formatValue(null, 'number', 'en')).toBe('—');
  });

  test('percent with one decimal: es "45,5 %", en "45.5%"', () => {
    expect(formatPercent(0.455, 'es')).toBe('45,5 %');
    expect(formatPercent(0.455, 'en')).toBe('45.5%');
    expect(formatPercent(0.75, 'es')).toBe('75,0 %');
    expect(formatPercent(0.625, 'es')).toBe('62,5 %');
    expect(formatPercent(0.625, 'en')).toBe('62.5%');
    expect(formatPercent(1.3, 'es')).toBe('130,0 %');
    expect(formatPercent(12.5, 'es')).toBe('1.250,0 %');
    expect(formatPercent(0, 'en')).toBe('0.0%');
    // Float noise never shows: 0.1 + 0.2
    expect(formatPercent(0.1 + 0.2, 'es')).toBe('30,0 %');
    expect(formatPercent(2 / 3, 'es')).toBe('66,7 %');
  });

  test('values by unit: percent indicators as percents, number indicators as numbers (≤ 2 decimals)', () => {
    expect(formatValue(0.95, 'percent', 'es')).toBe('95 %');
    expect(formatValue(0.955, 'percent', 'es')).toBe('95,5 %');
    expect(formatValue(0.95, 'percent', 'en')).toBe('95%');
    expect(formatValue(0.3, 'number', 'es')).toBe('0,3');
    expect(formatValue(30000, 'number', 'es')).toBe('30.000');
    expect(formatValue(1 / 3, 'number', 'es')).toBe('0,33');
    expect(formatPercentShort(0.34, 'es')).toBe('34 %');
    expect(formatPercentShort(0.5, 'en')).toBe('50%');
  });

  test('roundTo never returns -0', () => {
    expect(Object.is(roundTo(-0.0001, 2), 0)).toBe(true);
  });
});

describe('the semáforo', () => {
  const all: Status[] = ['rojo', 'amarillo', 'verde', 'sobre-ejecucion', 'sin-meta', 'sin-datos'];
  test('labels in Spanish and English', () => {
    expect(all.map((s) => statusLabel(s, 'es'))).toEqual(['Rojo', 'Amarillo', 'Verde', 'Sobre-ejecución', 'Sin meta', 'Sin datos']);
    expect(all.map((s) => statusLabel(s, 'en'))).toEqual(['Red', 'Amber', 'Green', 'Over-achieving', 'No target', 'No data']);
  });
  test('emoji and card colours', () => {
    expect(all.map(statusEmoji)).toEqual(['🔴', '🟡', '🟢', '🔵', '⚪', '⚪']);
    expect(all.map(statusColor)).toEqual(['attention', 'warning', 'good', 'accent', 'default', 'default']);
    expect(statusText('verde', 'es')).toBe('🟢 Verde');
  });
});

describe('the progress bar', () => {
  test('weighted widths add to 100, the filled part in the status colour', () => {
    const b = progressBar(0.455, 'es', { status: 'amarillo', label: 'Avance anual' });
    expect(b.segments).toEqual([
      { width: 46, style: 'warning' },
      { width: 54, style: 'emphasis' },
    ]);
    expect(b.text).toBe('45,5 %');
    expect(b.color).toBe('warning');
    expect(b.label).toBe('Avance anual');
  });
  test('capped at 100 % on screen, the number stays uncapped', () => {
    const b = progressBar(1.3, 'en', { status: 'sobre-ejecucion' });
    expect(b.segments).toEqual([{ width: 100, style: 'accent' }]);
    expect(b.text).toBe('130.0%');
  });
  test('nothing to show: an empty bar and a dash', () => {
    const b = progressBar(null, 'es', { status: 'sin-datos' });
    expect(b.segments).toEqual([{ width: 100, style: 'emphasis' }]);
    expect(b.text).toBe('—');
  });
  test('a small figure still shows; a figure just under 100 % does not look complete', () => {
    expect(barFill(0.001)).toBe(1);
    expect(barFill(0.999)).toBe(99);
    expect(barFill(0)).toBe(0);
    expect(barFill(-0.2)).toBe(0);
    expect(barFill(1)).toBe(100);
  });
  test('without a status the bar is accent and the text default', () => {
    const b = progressBar(0.5, 'es');
    expect(b.segments[0].style).toBe('accent');
    expect(b.color).toBe('default');
  });
});

describe('dates and months', () => {
  test('long dates', () => {
    expect(formatDate('2025-06-30', 'es')).toBe('30 de junio de 2025');
    expect(formatDate('2025-06-30', 'en')).toBe('June 30, 2025');
    expect(formatDate('2025-01-05', 'es')).toBe('5 de enero de 2025');
  });
  test('months', () => {
    expect(monthName(9, 'es')).toBe('septiembre');
    expect(monthName(12, 'en')).toBe('December');
    expect(monthShort(6, 'es')).toBe('jun.');
    expect(formatPeriod('2025-06', 'es')).toBe('jun. 2025');
    expect(formatPeriod('2025-06', 'en')).toBe('Jun 2025');
    expect(formatPeriodLong('2025-06', 'es')).toBe('junio de 2025');
    expect(formatPeriodLong('2025-06', 'en')).toBe('June 2025');
  });
});

describe('text', () => {
  test('truncate cuts at a word and adds an ellipsis', () => {
    const t = truncate('Porcentaje del modelo de integración de servicios institucionales a nivel territorial', 40);
    expect(t.length).toBeLessThanOrEqual(40);
    expect(t.endsWith('…')).toBe(true);
    expect(t).toBe('Porcentaje del modelo de integración de…');
    expect(truncate('  corto\n texto ', 40)).toBe('corto texto');
  });
  test('joinList', () => {
    expect(joinList(['A'], 'es')).toBe('A');
    expect(joinList(['A', 'B', 'C'], 'es')).toBe('A, B y C');
    expect(joinList(['A', 'B'], 'en')).toBe('A and B');
  });
});
