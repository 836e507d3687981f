import type { Person, ReportRecord } from '../../src/domain/records';
import type { ReportMeta, Store } from '../../src/store/types';
import { loadPlan } from '../../src/plan/load';

let seq = 0;

/** A stored report as the engine sees it; only what a test cares about needs saying. */
export function report(
  indicatorId: string,
  period: string,
  value: number,
  extra: Partial<ReportRecord> = {},
): ReportRecord {
  seq += 1;
  return {
    id: `r${seq}`,
    indicatorId,
    period,
    value,
    logros: 'Avance según plan de acción',
    dificultades: '',
    evidencia: 'https://intranet.example/evidencia',
    version: 1,
    author: { id: 'owner-1', name: 'Ana Pérez' },
    reportedAt: `${period}-28T15:00:00.000Z`,
    source: 'teams',
    ...extra,
  };
}

/** What an owner types in the report form for 4263, June 2025 (valid as of 3 July 2025). */
export const FORM_ENTRIES_4263 = {
  indicatorId: '4263',
  period: '2025-06',
  value: '0,3',
  logros: 'Se publicó la versión 1 del portal de trámites',
  dificultades: '',
  evidencia: 'https://intranet.secretariageneral.gov.co/pei/4263/2025-06',
};

let burstIndicators: ReturnType<typeof loadPlan>['objectives'][number]['indicators'] | undefined;

/**
 * The n-th form submit of a burst (admin, valid values): indicators in turn, then the months of `periods`; `formId`
 * makes each one distinct. `note` is its «dificultades», saying what the burst is for.
 */
export function burstSubmitValue(n: number, formId: string, periods: readonly string[], note: string) {
  const list = (burstIndicators ??= loadPlan().objectives.flatMap((o) => o.indicators));
  const ind = list[n % list.length];
  const period = periods[Math.floor(n / list.length) % periods.length];
  const target = ind.program[2025] || ind.total;
  return {
    verb: 'report-submit',
    formId,
    lang: 'es',
    indicatorId: ind.id,
    period,
    value: String(Math.round((target / 10) * (1 + (n % 3)) * 1e4) / 1e4).replace('.', ','),
    logros: `Avance de ${period} del indicador ${ind.id} (envío ${n})`,
    dificultades: note,
    evidencia: `https://intranet.example.gov.co/pei/${ind.id}/${period}`,
  };
}

/** The June 2025 report of 4263 (0.3) that several tests start from, stored as the form stores it. */
export function seedJune4263(
  store: Store,
  author: Person = { id: 'aad-ana', name: 'Ana Pérez' },
  meta: Partial<ReportMeta> = {},
) {
  return store.appendReport(
    {
      indicatorId: '4263',
      period: '2025-06',
      value: 0.3,
      logros: 'Portal en pruebas',
      dificultades: '',
      evidencia: 'https://intranet.example/portal',
    },
    author,
    { source: 'teams', submissionId: 'seed-1', at: '2025-07-02T15:00:00.000Z', ...meta },
  );
}
