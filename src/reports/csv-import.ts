import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { Plan } from '../domain/plan';
import type { Person, ReportInput, ReportRecord } from '../domain/records';
import type { Store } from '../store/types';
import { reportLookup } from './lookup';
import { isEmail, personFromEmail, samePerson } from './ownership';
import { validateReport, findIndicator, cleanText, type RawReport } from './validate';
import { catalog, periodText, type Lang } from '../i18n';

/**
 * Bulk import of reports from CSV (docs/interfaces.md): a header row `indicator,period,value,logros,dificultades,evidencia,
 * reported_by` (any order), one report per row, every row through the same validation as the chat form
 * (validate.ts, Spanish messages). All or nothing: any invalid row is reported with its line number and nothing
 * is stored; otherwise every row goes to the store in one durable write (`appendReports`), with its audit entry.
 *
 * Idempotency: each row's submissionId is `csv:<sha256 of the file's bytes>:<line>`, so importing the same file
 * again stores nothing new (its rows count as "ya existían"); an edited file is a new file, and its rows for
 * months already reported become corrections (new versions).
 *
 * The import is the planning office's tool (it runs where the store lives): rows are validated with admin rights
 * (closed years may be corrected, flagged as warnings); `reported_by` (an e-mail or a Teams id) is the author.
 */

export const CSV_COLUMNS = [
  'indicator',
  'period',
  'value',
  'logros',
  'dificultades',
  'evidencia',
  'reported_by',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

export interface LineMessage {
  /** 1-based line of the file where the row (or the problem) starts; 0 for the file as a whole. */
  line: number;
  message: string;
}

export interface CsvRow {
  line: number;
  cells: Record<Column, string>;
}

export type CsvParseResult = { ok: true; rows: CsvRow[] } | { ok: false; errors: LineMessage[] };

/** UTF-8 bytes or text → rows with their line numbers (BOM stripped, CRLF or LF). */
export function parseReportsCsv(content: string | Uint8Array, lang: Lang = 'es'): CsvParseResult {
  const t = catalog(lang).csv;
  let text: string;
  if (typeof content === 'string') text = content;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      return { ok: false, errors: [{ line: 0, message: t.notUtf8 }] };
    }
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.trim()) return { ok: false, errors: [{ line: 0, message: t.empty }] };

  // A spreadsheet saved with another separator (Excel in Spanish saves ';'): say so before csv-parse trips on it.
  const headerText = text.split('\n').find((l) => l.trim() !== '') ?? '';
  const headerLineNo = text.split('\n').findIndex((l) => l.trim() !== '') + 1;
  for (const [sep, name] of [
    [';', t.separatorName.semicolon],
    ['\t', t.separatorName.tab],
  ] as const) {
    if (!headerText.includes(',') && headerText.split(sep).length >= 3) {
      return {
        ok: false,
        errors: [
          {
            line: headerLineNo,
            message: t.wrongSeparator(name, CSV_COLUMNS.join(',')),
          },
        ],
      };
    }
  }

  type Out = { record: string[]; info: { lines: number }; raw: string };
  let out: Out[];
  try {
    out = parse(text, {
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: false,
    }) as unknown as Out[];
  } catch (e) {
    const err = e as Error & { lines?: number; code?: string };
    const why =
      err.code === 'CSV_QUOTE_NOT_CLOSED'
        ? t.quoteNotClosed
        : err.code === 'CSV_INVALID_CLOSING_QUOTE'
          ? t.quoteInField
          : err.code === 'CSV_INVALID_OPENING_QUOTE' || err.code === 'INVALID_OPENING_QUOTE'
            ? t.quoteAfterStart
            : err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || err.code === 'CSV_RECORD_INCONSISTENT_COLUMNS'
              ? t.columnCountMismatch
              : t.invalidCsv(err.code);
    return { ok: false, errors: [{ line: err.lines ?? 0, message: why }] };
  }
  if (!out.length) return { ok: false, errors: [{ line: 0, message: t.emptyShort }] };

  const startLine = (o: Out) => o.info.lines - (o.raw.replace(/^\n+/, '').replace(/\n$/, '').match(/\n/g) ?? []).length;
  const [head, ...body] = out;
  const headerLine = startLine(head);
  const names = head.record.map((h) => h.trim().toLowerCase());
  const errors: LineMessage[] = [];
  const missing = CSV_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => n && !(CSV_COLUMNS as readonly string[]).includes(n));
  const repeated = names.filter((n, i) => n && names.indexOf(n) !== i);
  if (missing.length)
    errors.push({ line: headerLine, message: t.missingColumns(missing.join(', '), CSV_COLUMNS.join(',')) });
  if (unknown.length)
    errors.push({ line: headerLine, message: t.unknownColumns(unknown.join(', '), CSV_COLUMNS.join(',')) });
  if (repeated.length) errors.push({ line: headerLine, message: t.repeatedColumns([...new Set(repeated)].join(', ')) });
  if (errors.length) return { ok: false, errors };
  if (!body.length) return { ok: false, errors: [{ line: headerLine, message: t.headerOnly }] };

  const rows: CsvRow[] = [];
  for (const o of body) {
    const line = startLine(o);
    if (o.record.length !== names.length) {
      if (o.record.every((c) => !c.trim())) continue; // a line of separators only: nothing to import
      errors.push({ line, message: t.rowColumns(o.record.length, names.length) });
      continue;
    }
    const cells = {} as Record<Column, string>;
    names.forEach((n, i) => (cells[n as Column] = o.record[i]));
    rows.push({ line, cells });
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, rows };
}

export interface ImportOptions {
  plan: Plan;
  now: Date;
  /** Who runs the import (the audit's actor). */
  actor: Person;
  /** People the store already knows (owners, admins), to give `reported_by` a name. */
  knownPeople?: readonly Person[];
  /** The language of the messages (the CLI speaks Spanish). */
  lang?: Lang;
}

export type ImportResult =
  | { ok: false; errors: LineMessage[] }
  | {
      ok: true;
      imported: number;
      duplicates: number;
      corrections: number;
      warnings: LineMessage[];
      records: ReportRecord[];
    };

export function fileHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

function authorOf(text: string, known: readonly Person[]): Person | null {
  const t = text.trim();
  if (!t) return null;
  if (isEmail(t)) {
    const k = known.find((p) => samePerson(p, { id: t.toLowerCase(), email: t.toLowerCase() }));
    return k
      ? { ...personFromEmail(t, k.name), ...(k.id !== t.toLowerCase() ? { id: k.id } : {}) }
      : personFromEmail(t);
  }
  const k = known.find((p) => samePerson(p, { id: t }));
  return k ? { ...k } : { id: t, name: t };
}

/** Validates every row and, when all are valid, stores them in one all-or-nothing write. */
export async function importReportsCsv(
  store: Store,
  content: string | Uint8Array,
  opts: ImportOptions,
): Promise<ImportResult> {
  const lang = opts.lang ?? 'es';
  const t = catalog(lang).csv;
  const parsed = parseReportsCsv(content);
  if (!parsed.ok) return parsed;
  const hash = fileHash(content);
  const lookup = reportLookup(await store.reports());
  const known = opts.knownPeople ?? [];
  const errors: LineMessage[] = [];
  const warnings: LineMessage[] = [];
  const batch: { input: ReportInput; author: Person; source: 'csv'; submissionId: string; review: 'aprobado' }[] = [];
  /** Rows accepted so far, as the validation of later rows sees them (sums of the year, previous levels). */
  const pending = new Map<string, ReportRecord[]>();
  const seenKey = new Map<string, number>();
  let duplicates = 0;

  for (const row of parsed.rows) {
    const c = row.cells;
    const submissionId = `csv:${hash}:${row.line}`;
    if (lookup.bySubmission(submissionId)) {
      duplicates++;
      continue;
    }
    const rowErrors: string[] = [];
    const author = authorOf(c.reported_by, known);
    if (!author) rowErrors.push(t.authorMissing);

    const raw: RawReport = {
      indicatorId: c.indicator,
      period: c.period,
      value: c.value,
      logros: c.logros,
      dificultades: c.dificultades,
      evidencia: c.evidencia,
    };
    const ind = findIndicator(opts.plan, cleanText(c.indicator));
    const existing = ind ? [...lookup.ofIndicator(ind.id), ...(pending.get(ind.id) ?? [])] : [];
    const checked = validateReport(raw, { plan: opts.plan, now: opts.now, existing, lang, isAdmin: true });
    if (!checked.ok) {
      for (const e of checked.errors) rowErrors.push(`${COLUMN_OF[e.field]}: ${e.message}`);
    } else {
      const key = `${checked.value.indicatorId}|${checked.value.period}`;
      const first = seenKey.get(key);
      if (first !== undefined) {
        rowErrors.push(t.duplicateInFile(checked.value.indicatorId, periodText(checked.value.period, lang), first));
      } else {
        seenKey.set(key, row.line);
      }
    }
    if (rowErrors.length || !checked.ok || !author) {
      for (const e of rowErrors) errors.push({ line: row.line, message: e });
      continue;
    }
    for (const w of checked.warnings)
      if (w.code !== 'current-month') warnings.push({ line: row.line, message: w.message });
    batch.push({ input: checked.value, author, source: 'csv', submissionId, review: 'aprobado' }); // imports enter approved (DOMAIN.md)
    const list = pending.get(checked.value.indicatorId) ?? [];
    const prevVersion = Math.max(
      0,
      ...[...lookup.ofIndicator(checked.value.indicatorId), ...list]
        .filter((r) => r.period === checked.value.period)
        .map((r) => r.version),
    );
    list.push({
      ...checked.value,
      id: submissionId,
      version: prevVersion + 1,
      author,
      reportedAt: opts.now.toISOString(),
      source: 'csv',
      submissionId,
    });
    pending.set(checked.value.indicatorId, list);
  }
  if (errors.length) return { ok: false, errors };

  const results = batch.length ? await store.appendReports(batch, opts.now.toISOString(), opts.actor) : [];
  const stored = results.filter((r) => !r.duplicate);
  return {
    ok: true,
    imported: stored.length,
    duplicates: duplicates + results.length - stored.length,
    corrections: stored.filter((r) => r.record.version > 1).length,
    warnings,
    records: stored.map((r) => r.record),
  };
}

const COLUMN_OF: Record<string, Column> = {
  indicatorId: 'indicator',
  period: 'period',
  value: 'value',
  logros: 'logros',
  dificultades: 'dificultades',
  evidencia: 'evidencia',
};
