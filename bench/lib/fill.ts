/**
 * Pre-fills a store on disk in the embedded store's own format (src/store/lowdb-store.ts): one journal line per
 * report version (its report.create / report.correct audit entry) and the document vouching for the journal — what
 * the bot would have written after `n` report submits, in seconds.
 */
import { mkdirSync, openSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Indicator, Plan } from '../../src/domain/plan';
import type { AuditEntry, ReportRecord } from '../../src/domain/records';
import { AUDIT_ACTIONS, reportId } from '../../src/store/rules';
import { journalLine } from '../../src/store/journal';
import { documentIntegrity, STORE_FORMAT, STORE_VERSION, storeFiles } from '../../src/store/lowdb-store';
import { makePeriod, yearOf, monthOf } from '../../src/calendar';

export const REPORTER = { id: 'aad-admin', name: 'Oficina de Planeación' };

/** The months 2024-01 .. `last`, ascending. */
export function periodsUpTo(last: string, first = '2024-01'): string[] {
  const out: string[] = [];
  for (let y = yearOf(first); y <= yearOf(last); y++) {
    for (let m = 1; m <= 12; m++) {
      const p = makePeriod(y, m);
      if (p >= first && p <= last) out.push(p);
    }
  }
  return out;
}

/** A plausible value for a month of an indicator (the engine does not care; the cards look like real ones). */
export function plausibleValue(ind: Indicator, period: string, jitter: number): number {
  const y = yearOf(period) as keyof Indicator['program'];
  const m = monthOf(period);
  const target = ind.program[y] ?? 0;
  const prev = y <= 2024 ? (ind.baseline ?? 0) : (ind.program[(y - 1) as keyof Indicator['program']] ?? 0);
  const f = 0.6 + 0.6 * jitter; // 60 % .. 120 % of the expected pace
  let v: number;
  switch (ind.trend) {
    case 'suma':
      v = (target / 12) * f;
      break;
    case 'constante':
      v = target * f;
      break;
    case 'creciente':
    case 'decreciente':
      // On the way from last year's target to this year's, a little behind or ahead: levels keep moving in the
      // indicator's direction month after month, as real ones mostly do.
      v = prev + ((target - prev) * (m - 1 + jitter)) / 12;
      break;
  }
  if (ind.unit === 'percent') v = Math.min(1, v);
  return Math.max(0, Math.round(v * 1000) / 1000);
}

/** A deterministic pseudo-random sequence in [0, 1) (no Math.random: runs are comparable). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Writes a store of `n` report versions at `file` (PEI_DB_FILE): round r stores version r+1 of every
 * (indicator, month) of `periods`, so n beyond one round means corrections, as a long-lived store has them.
 */
export function fillStore(file: string, plan: Plan, n: number, periods: string[]): { reports: number; bytes: number } {
  const files = storeFiles(file);
  mkdirSync(dirname(files.doc), { recursive: true });
  const indicators = plan.objectives.flatMap((o) => o.indicators);
  const rand = rng(42);
  const journal = openSync(files.journal, 'w');
  let bytes = 0;
  let hash = '';
  let chunk: string[] = [];
  const flushChunk = () => {
    const text = chunk.join('');
    bytes += Buffer.byteLength(text);
    writeSync(journal, text);
    chunk = [];
  };
  const start = Date.parse('2024-02-01T14:00:00Z');
  const end = Date.parse('2025-07-02T22:00:00Z');
  const slots = periods.length * indicators.length;
  for (let i = 0; i < n; i++) {
    const round = Math.floor(i / slots);
    const slot = i % slots;
    const period = periods[Math.floor(slot / indicators.length)];
    const ind = indicators[slot % indicators.length];
    const version = round + 1;
    const at = new Date(start + Math.floor(((end - start) * i) / Math.max(1, n))).toISOString();
    const record: ReportRecord = {
      id: reportId(ind.id, period, version),
      indicatorId: ind.id,
      period,
      version,
      value: plausibleValue(ind, period, rand()),
      logros: `Avance del mes ${period}: actividades del plan de acción ejecutadas según lo programado.`,
      dificultades:
        version > 1 ? 'Corrección del valor reportado tras la revisión de la Oficina Asesora de Planeación.' : '',
      evidencia: `https://intranet.secretariageneral.gov.co/pei/${ind.id}/${period}`,
      author: REPORTER,
      reportedAt: at,
      source: 'teams',
      submissionId: `prefill-${i}`,
    };
    const entry: AuditEntry = {
      seq: i + 1,
      at,
      actor: REPORTER,
      action: version > 1 ? AUDIT_ACTIONS.reportCorrect : AUDIT_ACTIONS.reportCreate,
      target: `report:${ind.id}:${period}`,
      before: version > 1 ? { id: reportId(ind.id, period, version - 1) } : null,
      after: record,
    };
    const line = journalLine(hash, [entry]);
    hash = line.hash;
    chunk.push(line.text);
    if (chunk.length >= 5000) flushChunk();
  }
  flushChunk();
  closeSync(journal);
  const body = {
    format: STORE_FORMAT,
    version: STORE_VERSION,
    journal: { lines: n, hash },
    owners: {},
    admins: [],
    subscriptions: [],
    conversations: [],
    sent: [],
  };
  writeFileSync(files.doc, JSON.stringify({ ...body, integrity: documentIntegrity(body) }));
  return { reports: n, bytes };
}

/**
 * The report form's data as an owner submits it: the `n`-th submit of a run, under a distinct form id (`formPrefix`
 * and n), for the indicator and month the caller picked.
 */
export function submitData(formPrefix: string, n: number, ind: Indicator, period: string): Record<string, unknown> {
  return {
    verb: 'report-submit',
    formId: `${formPrefix}-${n}`,
    indicatorId: ind.id,
    period,
    // es-CO decimal comma, two decimals ("1,105" would be ambiguous: a thousands separator or a decimal one).
    value: String(Math.round(plausibleValue(ind, period, (n % 10) / 10) * 100) / 100).replace('.', ','),
    logros: 'Se ejecutaron las actividades programadas del mes según el plan de acción.',
    dificultades: 'Sin dificultades mayores; se ajusta el cronograma del siguiente trimestre.',
    evidencia: `https://intranet.secretariageneral.gov.co/pei/${ind.id}/${period}`,
    lang: 'es',
  };
}
