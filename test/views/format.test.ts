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
  shownStatus,
  barRgb,
  BAR_EMPTY_RGB,
  BAR_IMAGE_WIDTH,
  PERCENT_SPACE,
} from '../../src/views/format';
import { PNG } from 'pngjs';
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
    expect(formatPercent(0.455, 'es')).toBe('45,5\u00a0%');
    expect(formatPercent(0.455, 'en')).toBe('45.5%');
    expect(formatPercent(0.75, 'es')).toBe('75,0\u00a0%');
    expect(formatPercent(0.625, 'es')).toBe('62,5\u00a0%');
    expect(formatPercent(0.625, 'en')).toBe('62.5%');
    expect(formatPercent(1.3, 'es')).toBe('130,0\u00a0%');
    expect(formatPercent(12.5, 'es')).toBe('1.250,0\u00a0%');
    expect(formatPercent(0, 'en')).toBe('0.0%');
    // Float noise never shows: 0.1 + 0.2
    expect(formatPercent(0.1 + 0.2, 'es')).toBe('30,0\u00a0%');
    expect(formatPercent(2 / 3, 'es')).toBe('66,7\u00a0%');
  });

  test('values by unit: percent indicators as percents, number indicators as numbers (≤ 2 decimals)', () => {
    expect(formatValue(0.95, 'percent', 'es')).toBe('95\u00a0%');
    expect(formatValue(0.955, 'percent', 'es')).toBe('95,5\u00a0%');
    expect(formatValue(0.95, 'percent', 'en')).toBe('95%');
    expect(formatValue(0.3, 'number', 'es')).toBe('0,3');
    expect(formatValue(30000, 'number', 'es')).toBe('30.000');
    expect(formatValue(1 / 3, 'number', 'es')).toBe('0,33');
    expect(formatPercentShort(0.34, 'es')).toBe('34\u00a0%');
    expect(formatPercentShort(0.5, 'en')).toBe('50%');
  });

  test('roundTo never returns -0', () => {
    expect(Object.is(roundTo(-0.0001, 2), 0)).toBe(true);
  });
});

describe('the semáforo', () => {
  const all: Status[] = ['rojo', 'amarillo', 'verde', 'sobre-ejecucion', 'sin-meta', 'sin-datos'];
  test('labels in Spanish and English', () => {
    expect(all.map((s) => statusLabel(s, 'es'))).toEqual([
      'Rojo',
      'Amarillo',
      'Verde',
      'Sobre-ejecución',
      'Sin meta',
      'Sin datos',
    ]);
    expect(all.map((s) => statusLabel(s, 'en'))).toEqual([
      'Red',
      'Amber',
      'Green',
      'Over-achieving',
      'No target',
      'No data',
    ]);
  });
  test('emoji and card colours: amber and green text stays in the default colour (readable on white)', () => {
    expect(all.map(statusEmoji)).toEqual(['🔴', '🟡', '🟢', '🔵', '⚪', '⚪']);
    expect(all.map(statusColor)).toEqual(['attention', 'default', 'default', 'accent', 'default', 'default']);
    expect(statusText('verde', 'es')).toBe('🟢 Verde');
  });
});

describe('what a person reads of a status (lag looks like lag)', () => {
  test('nothing reported while 87,5 % is expected is a lag in the attention colour, not a grey «Sin datos»', () => {
    const f = { status: 'sin-datos' as const, progress: null, expected: 0.875 };
    expect(shownStatus(f)).toBe('sin-reportes');
    expect(statusText(f, 'es')).toBe('⚠️ Sin reportes (se esperaba 87,5\u00a0%)');
    expect(statusText(f, 'en')).toBe('⚠️ No reports (87.5% expected)');
    expect(statusColor(f)).toBe('attention');
    expect(statusColor(f)).not.toBe(statusColor('sin-datos'));
  });
  test('nothing expected yet (January) stays «Sin datos»; no target stays «Sin meta»', () => {
    expect(statusText({ status: 'sin-datos', progress: null, expected: 0 }, 'es')).toBe('⚪ Sin datos');
    expect(statusText({ status: 'sin-datos', progress: null, expected: null }, 'es')).toBe('⚪ Sin datos');
    expect(statusText({ status: 'sin-meta', progress: null, expected: null }, 'es')).toBe('⚪ Sin meta');
  });
  test('r above the top band before the year target reads «Adelantado»; past the target «Sobre-ejecución»', () => {
    const ahead = { status: 'sobre-ejecucion' as const, progress: 0.8, expected: 0.5 };
    expect(shownStatus(ahead)).toBe('adelantado');
    expect(statusLabel(ahead, 'es')).toBe('Adelantado');
    expect(statusLabel(ahead, 'en')).toBe('Ahead of schedule');
    const past = { status: 'sobre-ejecucion' as const, progress: 1.3, expected: 0.5 };
    expect(statusLabel(past, 'es')).toBe('Sobre-ejecución');
    expect(statusLabel({ ...past, progress: 1 }, 'es')).toBe('Sobre-ejecución');
  });
  test('the other statuses read as the engine says', () => {
    for (const status of ['rojo', 'amarillo', 'verde'] as const)
      expect(shownStatus({ status, progress: 0.3, expected: 0.5 })).toBe(status);
  });
});

/** The filled pixels of a bar image (its first row), and the colour of its first pixel. */
function decodeBar(uri: string): { width: number; height: number; filled: number; first: number[] } {
  const png = PNG.sync.read(Buffer.from(uri.replace(/^data:image\/png;base64,/, ''), 'base64'));
  const empty = [...BAR_EMPTY_RGB];
  let filled = 0;
  for (let x = 0; x < png.width; x++) {
    const i = x * 4;
    if ([png.data[i], png.data[i + 1], png.data[i + 2]].join() !== empty.join()) filled++;
  }
  return { width: png.width, height: png.height, filled, first: [png.data[0], png.data[1], png.data[2]] };
}

describe('the progress bar (drawn to scale)', () => {
  test('a PNG whose filled part is the figure, to the 0,1 %, in the status colour', () => {
    const b = progressBar(0.455, 'es', { status: 'amarillo', label: 'Avance anual' });
    expect(b.image).toMatch(/^data:image\/png;base64,/);
    const d = decodeBar(b.image);
    expect(d.width).toBe(BAR_IMAGE_WIDTH);
    expect(d.filled).toBe(455);
    expect(d.first).toEqual([...barRgb('warning')]);
    expect(b.text).toBe('45,5\u00a0%');
    expect(b.alt).toBe('Avance anual: 45,5\u00a0%');
    expect(b.color).toBe('default');
    expect(b.label).toBe('Avance anual');
  });
  test('1,7 %, 24,6 % and 30,3 % draw three different bars; 13,5 % is not 5,0 %', () => {
    const px = (x: number) => decodeBar(progressBar(x, 'es', { status: 'rojo' }).image).filled;
    expect([0.017, 0.246, 0.303, 0.135, 0.05].map(px)).toEqual([17, 246, 303, 135, 50]);
  });
  test('capped at 100 % on screen, the number stays uncapped', () => {
    const b = progressBar(1.3, 'en', { status: 'sobre-ejecucion' });
    expect(decodeBar(b.image).filled).toBe(BAR_IMAGE_WIDTH);
    expect(b.text).toBe('130.0%');
  });
  test('nothing to show: an empty bar and a dash', () => {
    const b = progressBar(null, 'es', { status: 'sin-datos' });
    expect(decodeBar(b.image).filled).toBe(0);
    expect(b.text).toBe('—');
  });
  test('no minimum and no maximum in between: the fill is the figure capped at 0..1', () => {
    expect(barFill(0.001)).toBe(0.001);
    expect(barFill(0.999)).toBe(0.999);
    expect(barFill(0)).toBe(0);
    expect(barFill(-0.2)).toBe(0);
    expect(barFill(1.7)).toBe(1);
  });
  test('a lag without reports draws its (empty) bar in red; without a status the bar is accent and the text default', () => {
    const lag = progressBar(null, 'es', { status: { status: 'sin-datos', progress: null, expected: 0.5 } });
    expect(lag.color).toBe('attention');
    const b = progressBar(0.5, 'es');
    expect(decodeBar(b.image).first).toEqual([...barRgb('accent')]);
    expect(b.color).toBe('default');
  });
  test('every row of the picture is the first one, and the file stays a few hundred bytes (cards carry many bars)', () => {
    for (const [fill, width, height] of [
      [0.455, BAR_IMAGE_WIDTH, 16],
      [0, BAR_IMAGE_WIDTH, 16],
      [1, BAR_IMAGE_WIDTH, 16],
      [0.25, 250, 22],
    ] as const) {
      const uri = progressBar(fill, 'es', { status: 'verde', width, height }).image;
      const bytes = Buffer.from(uri.replace(/^data:image\/png;base64,/, ''), 'base64');
      const png = PNG.sync.read(bytes);
      expect([png.width, png.height]).toEqual([width, height]);
      const first = png.data.subarray(0, width * 4);
      for (let y = 1; y < height; y++)
        expect(png.data.subarray(y * width * 4, (y + 1) * width * 4).equals(first)).toBe(true);
      expect(bytes.length).toBeLessThan(300);
    }
  });
  test('a taller image for a narrow column keeps the same fill', () => {
    const d = decodeBar(progressBar(0.25, 'es', { status: 'verde', width: 250, height: 22 }).image);
    expect([d.width, d.height, d.filled]).toEqual([250, 22, 63]);
  });
});

describe('the percent sign never wraps away from its number', () => {
  test('Spanish puts a no-break space (U+00A0) before %, English none', () => {
    expect(formatPercent(0.455, 'es')).toBe('45,5\u00a0%');
    expect(formatPercent(0.455, 'es')).not.toMatch(/ %/);
    expect(formatPercentShort(0.5, 'es')).toBe(`50${PERCENT_SPACE}%`);
    expect(formatPercent(0.455, 'en')).toBe('45.5%');
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
