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
