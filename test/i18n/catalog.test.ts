import {
  CATALOGS,
  catalog,
  formatDate,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatPeriodLong,
  joinList,
  langFromLocale,
  monthName,
  monthShort,
  plural,
} from '../../src/i18n';
import { anomaliesOf } from '../../src/progress/engine';
import { loadPlan } from '../../src/plan/load';
import { report } from '../helpers/reports';

/**
 * Issue 13, point 1: one catalog per locale. `tsc` already refuses a key missing from or extra in either locale
 * (src/i18n/es/index.ts and en/index.ts are typed by the one `Catalog`, each capability by its interface); this
 * test checks the same at run time, down to the nested records, and the one formatter's house style.
 */

function shape(x: unknown, path = ''): string[] {
  if (typeof x === 'function') return [`${path}()`];
  if (Array.isArray(x)) return [`${path}[${x.length}]`];
  if (x && typeof x === 'object')
    return Object.keys(x)
      .sort()
      .flatMap((k) => shape((x as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  return [`${path}:${typeof x}`];
}

describe('the catalog', () => {
  test('both locales define the same messages, capability by capability', () => {
    expect(shape(CATALOGS.en)).toEqual(shape(CATALOGS.es));
    expect(Object.keys(CATALOGS.es).sort()).toEqual([
      'cards',
      'cli',
      'csv',
      'digest',
      'explain',
      'http',
      'mcp',
      'mine',
      'names',
      'operator',
      'plan',
      'planUpload',
      'replies',
      'report',
      'reviewOutcome',
      'status',
      'store',
      'tab',
      'validation',
    ]);
  });

  test('no message is empty in either locale', () => {
    const empties = (x: unknown, path: string): string[] => {
      if (typeof x === 'string') return x.trim() ? [] : [path];
      if (x && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => empties(v, `${path}/${k}`));
      return [];
    };
    expect(empties(CATALOGS.es, 'es')).toEqual([]);
    expect(empties(CATALOGS.en, 'en')).toEqual([]);
  });

  test('anything but en gets Spanish; the client locale maps to a language', () => {
    expect(catalog('es')).toBe(CATALOGS.es);
    expect(catalog('en')).toBe(CATALOGS.en);
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale('en-GB')).toBe('en');
    expect(langFromLocale('es-CO')).toBe('es');
    expect(langFromLocale('fr-FR')).toBe('es');
    expect(langFromLocale(undefined)).toBe('es');
  });
});

describe('the one formatter (Intl with the house style)', () => {
  test('numbers and percents', () => {
    expect(formatNumber(1500, 'es')).toBe('1.500');
    expect(formatNumber(1500, 'en')).toBe('1,500');
    expect(formatNumber(1500.25, 'es')).toBe('1.500,25');
    expect(formatNumber(0.285, 'es')).toBe('0,29');
    expect(formatNumber(-0.001, 'es')).toBe('0');
    expect(formatNumber(-1234567.5, 'en')).toBe('-1,234,567.5');
    expect(formatPercent(0.455, 'es')).toBe('45,5\u00a0%');
    expect(formatPercent(0.455, 'en')).toBe('45.5%');
  });

  test('months, periods, dates and lists', () => {
    expect(monthName(9, 'es')).toBe('septiembre');
    expect(monthShort(9, 'es')).toBe('sep.');
    expect(monthShort(9, 'en')).toBe('Sep');
    expect(formatPeriod('2025-06', 'es')).toBe('jun. 2025');
    expect(formatPeriodLong('2025-06', 'es')).toBe('junio de 2025');
    expect(formatPeriodLong('2025-06', 'en')).toBe('June 2025');
    expect(formatDate('2025-07-03', 'es')).toBe('3 de julio de 2025');
    expect(formatDate('2025-07-03T15:00:00.000Z', 'en')).toBe('July 3, 2025');
    expect(joinList(['Ana', 'Inés'], 'es')).toBe('Ana y Inés');
    expect(joinList(['A', 'B', 'C'], 'en')).toBe('A, B and C');
  });

  test('plurals by Intl.PluralRules', () => {
    const forms = { one: 'alerta', other: 'alertas' };
    expect([0, 1, 2].map((n) => plural(n, 'es', forms))).toEqual(['alertas', 'alerta', 'alertas']);
  });
});

describe('the core returns codes, the catalog words them', () => {
  const plan = loadPlan();
  const ind = plan.objectives.flatMap((o) => o.indicators).find((i) => i.trend === 'creciente')!;

  test('an anomaly is a code and its figures, no sentence', () => {
    const a = anomaliesOf(ind, [report(ind.id, '2025-01', 0.4), report(ind.id, '2025-02', 0.3)]);
    const drop = a.find((x) => x.code === 'level-drop')!;
    expect(drop).toEqual({ code: 'level-drop', period: '2025-02', params: { from: 0.4, to: 0.3 } });
    expect(catalog('es').cards.anomalyDetail(drop.code, drop.params)).toBe(
      'El nivel bajó frente al reporte anterior (0,4 → 0,3)',
    );
    expect(catalog('en').cards.anomalyDetail(drop.code, drop.params)).toBe(
      'The level dropped from the previous report (0.4 → 0.3)',
    );
  });
});
