import { quarterOfIndicator, semaforoLabel, type ReportVersion } from '../../src/outputs/workbook';
import type { StatusIndicatorJson } from '../../src/views/status-json';
import { report } from '../helpers/reports';

/** The workbook's per-indicator quarter (pure): counting versions, review states, the quarter's executed value. */

const periods = ['2025-04', '2025-05', '2025-06'];
const ind = (trend: string) => ({ id: '4263', trend }) as StatusIndicatorJson;
const v = (
  period: string,
  value: number,
  version: number,
  review?: ReportVersion['review'],
  logros = `texto v${version}`,
): ReportVersion => ({ ...report('4263', period, value, { version, logros }), review });

test('a returned version stops counting: the month shows the last version that was not returned', () => {
  const q = quarterOfIndicator(
    ind('creciente'),
    [
      v('2025-04', 0.2, 1, 'aprobado'),
      v('2025-04', 0.9, 2, 'devuelto'),
      v('2025-05', 0.25, 1, 'pendiente'),
      v('2025-06', 0.3, 1, 'devuelto'),
    ],
    periods,
  );
  expect(q.values).toEqual([0.2, 0.25, null]);
  expect(q.executed).toBe(0.25); // the last level of the quarter
  expect(q.review).toBe('abr. 2025: v1 aprobado (v2 devuelta)\nmay. 2025: v1 por revisar\njun. 2025: devuelto');
  expect(q.logros).toBe('abr. 2025: texto v1\nmay. 2025: texto v1');
});

test("a version without a review state reads as approved; Suma adds the quarter's months", () => {
  const q = quarterOfIndicator(ind('suma'), [v('2025-04', 5, 1), v('2025-06', 6.5, 1), v('2025-03', 100, 1)], periods);
  expect([q.values, q.executed, q.review]).toEqual([
    [5, null, 6.5],
    11.5,
    'abr. 2025: v1 aprobado\njun. 2025: v1 aprobado',
  ]);
});

test('the semáforo reads as a person would: a lag is not «sin datos»; ahead of the band before the target is «adelantado»', () => {
  expect(semaforoLabel({ status: 'sin-datos', pending: true, expected: 0.5 }).text).toBe('Sin reporte (rezago)');
  expect(semaforoLabel({ status: 'sin-datos', pending: false, expected: 0 }).text).toBe('Sin datos');
  expect(semaforoLabel({ status: 'sobre-ejecucion', pending: false, expected: 0.25, progress: 0.6 }).text).toBe(
    'Adelantado',
  );
  expect(semaforoLabel({ status: 'sobre-ejecucion', pending: false, expected: 0.9, progress: 1.3 }).text).toBe(
    'Sobre-ejecución',
  );
});
