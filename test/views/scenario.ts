import type { IndicatorFigures, PlanFigures } from '../../src/progress/engine';
import type { ReportRecord } from '../../src/domain/records';
import { PLAN_YEARS } from '../../src/domain/plan';
import { figures, rep } from './helpers';

/** Reports that put indicators in every colour of the semáforo, with corrections, anomalies and a long history. */
export function richReports(): ReportRecord[] {
  const reports: ReportRecord[] = [
    // 4263 (creciente, 2025 target 0.4): 0.3 in June → 75 % of the year, 62.5 % expected → verde. Corrected once.
    rep('4263', '2025-06', 0.2, { version: 1, reportedAt: '2025-07-02T14:00:00.000Z' }),
    rep('4263', '2025-06', 0.3, {
      version: 2,
      reportedAt: '2025-07-03T14:00:00.000Z',
      author: { id: 'ana', name: 'Ana Pérez' },
      logros: 'Se publicó la versión beta del portal de trámites.',
      dificultades: 'Retraso en la integración con la pasarela de pagos; se ajustó el cronograma.',
      evidencia: 'https://intranet.example/evidencia/portal (beta)',
    }),
    // 4267 (creciente): drops from 0.7 to 0.6 → level-drop; 0.6 of 1.5 → amarillo.
    rep('4267', '2024-12', 0.7, { reportedAt: '2025-03-01T15:00:00.000Z' }), // after the 2024 close → closed-period
    rep('4267', '2025-06', 0.6, { dificultades: 'Cambio de contratista.' }),
    // 3980 (suma, 26 in 2025): 2 by June → rojo.
    rep('3980', '2025-03', 2, { evidencia: 'Acta 12 de 2025' }),
    // 4075 (suma, 17 in 2025): 18 by June, past the year's target → sobre-ejecución, with no justification.
    rep('4075', '2025-04', 18),
    // 4248 (suma): 0 without an explanation.
    rep('4248', '2025-05', 0),
    // O10-1 (percent, constante 95 %): 99 %.
    rep('O10-1', '2025-05', 0.99, { dificultades: 'Meta superada por demanda.' }),
  ];
  // 8118-M3 (suma): 14 monthly reports, May 2024 to June 2025 → "y 2 más".
  const months = [
    '2024-05',
    '2024-06',
    '2024-07',
    '2024-08',
    '2024-09',
    '2024-10',
    '2024-11',
    '2024-12',
    '2025-01',
    '2025-02',
    '2025-03',
    '2025-04',
    '2025-05',
    '2025-06',
  ];
  for (const m of months)
    reports.push(rep('8118-M3', m, 1500.5, { logros: 'x'.repeat(1200), dificultades: 'y '.repeat(700) }));
  return reports;
}

export interface Scenario {
  name: string;
  reports: ReportRecord[];
  asOf: string;
}

export const SCENARIOS: Scenario[] = [
  { name: 'empty store', reports: [], asOf: '2025-06-30' },
  { name: 'with reports', reports: richReports(), asOf: '2025-06-30' },
  { name: 'end of 2024', reports: richReports(), asOf: '2024-12-31' },
  { name: 'early January', reports: richReports(), asOf: '2025-01-10' },
];

export function planOf(s: Scenario): PlanFigures {
  return figures(s.reports, s.asOf);
}

/** One indicator computed for every year of the plan at the same as-of date. */
export function byYear(s: Scenario, indicatorId: string): IndicatorFigures[] {
  let years = yearCache.get(s);
  if (!years) yearCache.set(s, (years = PLAN_YEARS.map((y) => figures(s.reports, s.asOf, y))));
  return years.map((p) => indicatorOf(p, indicatorId));
}
const yearCache = new WeakMap<Scenario, PlanFigures[]>();

export function indicatorOf(p: PlanFigures, id: string): IndicatorFigures {
  return p.objectives.flatMap((o) => o.indicators).find((f) => f.indicator.id === id)!;
}

/** 8118-M3 with 40 months of very long report texts (2024-01..2027-04): the cards' size limits under the worst texts. */
export function longTextsScenario(): Scenario {
  const long = 'texto largo con detalle '.repeat(400);
  const reports = Array.from({ length: 40 }, (_, i) => {
    const y = 2024 + Math.floor(i / 12);
    const m = String((i % 12) + 1).padStart(2, '0');
    return rep('8118-M3', `${y}-${m}`, 1000, {
      logros: long,
      dificultades: long,
      evidencia: `https://intranet.example/${'a'.repeat(500)} ${long}`,
    });
  });
  return { name: 'long', reports, asOf: '2027-04-30' };
}
