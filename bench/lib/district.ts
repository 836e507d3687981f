/**
 * A synthetic district-sized plan: 100 objectives × 15 indicators (tendencias and units mixed as in the real plan),
 * and one report per indicator and month of the four years (1,500 × 48 = 72,000 reports), some with explanations,
 * some late, so every branch of the engine (anomalies included) runs.
 */
import type { Indicator, Plan, Trend, Year } from '../../src/domain/plan';
import type { ReportRecord } from '../../src/domain/records';
import { reportId } from '../../src/store/rules';
import { periodsUpTo, plausibleValue, rng } from './fill';

const TRENDS: Trend[] = ['suma', 'creciente', 'constante', 'decreciente', 'suma', 'creciente'];

export function districtPlan(objectives = 100, perObjective = 15): Plan {
  const plan: Plan = {
    id: 'pei-distrito-sintetico',
    name: 'Plan sintético de tamaño distrital',
    entity: 'Benchmark',
    period: { from: 2024, to: 2027 },
    cut: '2025-06-30',
    source: 'bench/lib/district.ts',
    mission: 'Misión sintética del plan de tamaño distrital.',
    vision: 'Visión sintética del plan de tamaño distrital.',
    legalBasis: [],
    objectives: [],
    acknowledgedFindings: [],
  };
  for (let o = 1; o <= objectives; o++) {
    const indicators: Indicator[] = [];
    for (let k = 1; k <= perObjective; k++) {
      const trend = TRENDS[(o + k) % TRENDS.length];
      const unit = k % 4 === 0 ? 'percent' : 'number';
      const scale = unit === 'percent' ? 1 : [1, 4, 12, 100, 30000][(o * k) % 5];
      let program: Record<Year, number>;
      let baseline: number | null = null;
      let total: number;
      if (trend === 'suma') {
        program = { 2024: scale * 0.2, 2025: scale * 0.3, 2026: scale * 0.3, 2027: scale * 0.2 };
        total = scale;
      } else if (trend === 'creciente') {
        program = { 2024: scale * 0.15, 2025: scale * 0.45, 2026: scale * 0.75, 2027: scale };
        total = scale;
      } else if (trend === 'constante') {
        program = { 2024: scale * 0.95, 2025: scale * 0.95, 2026: scale * 0.95, 2027: scale * 0.95 };
        total = scale * 0.95;
      } else {
        baseline = scale;
        program = { 2024: scale * 0.9, 2025: scale * 0.75, 2026: scale * 0.6, 2027: scale * 0.5 };
        total = scale * 0.5;
      }
      if (unit === 'percent') for (const y of [2024, 2025, 2026, 2027] as Year[]) program[y] = Math.min(1, program[y]);
      const id = `${String(1000 + o * 20 + k).padStart(4, '0')}`;
      indicators.push({
        id,
        objective: o,
        printedNumber: id,
        name: `Indicador sintético ${id}`,
        meta: {
          id: `M${id}`,
          kind: 'sectorial',
          number: id,
          project: null,
          label: `Meta Sectorial ${id}`,
          text: `Meta sintética ${id} del plan`,
        },
        trend,
        weight: 1 / perObjective,
        unit,
        program,
        total,
        baseline,
        area: null,
        printed: { trend, weight: `${Math.round(100 / perObjective)}%`, program: ['', '', '', ''], total: '' },
      });
    }
    plan.objectives.push({
      number: o,
      name: `Objetivo sintético número ${o}`,
      shortName: `Objetivo ${o}`,
      notes: [],
      indicators,
    });
  }
  return plan;
}

/**
 * One report per indicator and month of 2024-01..2027-12, reported in the first days of the next month; read back
 * from JSON, as the store holds its reports after reading its log.
 */
export function districtReports(plan: Plan): ReportRecord[] {
  const rand = rng(11);
  const periods = periodsUpTo('2027-12');
  const out: ReportRecord[] = [];
  const author = { id: 'aad-admin', name: 'Oficina de Planeación' };
  for (const period of periods) {
    const [y, m] = period.split('-').map(Number);
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    for (const o of plan.objectives) {
      for (const ind of o.indicators) {
        const r = rand();
        const late = r < 0.02; // a few reported months later (closed-period anomalies)
        const reportedAt = late ? `${y + 1}-03-10T15:00:00.000Z` : `${next}-0${1 + Math.floor(r * 8)}T15:00:00.000Z`;
        out.push({
          id: reportId(ind.id, period, 1),
          indicatorId: ind.id,
          period,
          version: 1,
          value: plausibleValue(ind, period, rand()),
          logros: 'Actividades del plan de acción ejecutadas.',
          dificultades: r < 0.3 ? 'Retrasos en la contratación del equipo.' : '',
          evidencia: `https://intranet.example.gov.co/${ind.id}/${period}`,
          author,
          reportedAt,
          source: 'teams',
        });
      }
    }
  }
  return JSON.parse(JSON.stringify(out)) as ReportRecord[];
}
