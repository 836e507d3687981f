import type { ReportRecord } from '../../src/store/types';

let seq = 0;

/** A stored report as the engine sees it; only what a test cares about needs saying. */
export function report(indicatorId: string, period: string, value: number, extra: Partial<ReportRecord> = {}): ReportRecord {
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
