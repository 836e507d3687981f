/**
 * Reading a store written by an earlier version (formats 1 and 2), so that it upgrades itself on its first open.
 * Those stores kept two logs beside the document: <base>.audit.jsonl (one audit entry per line, or {"txn": [...]}
 * for an all-or-nothing import) and <base>.reports.jsonl (the same versions again). The audit log alone holds
 * everything, so it is the one read; format 2's document vouched for it (`logs.audit`: lines, bytes, SHA-256).
 */
import * as crypto from 'node:crypto';
import { applyStateAudit, stateOf, type StoreState } from './rules';
import { corrupt, readOrNull } from './errors';
import type { AuditEntry } from '../domain/records';
import type { StoreFact } from '../domain/store-facts';

export type LegacyFiles = { audit: string; reports: string };

export function legacyFiles(base: string): LegacyFiles {
  return { audit: `${base}.audit.jsonl`, reports: `${base}.reports.jsonl` };
}

export interface LegacyDocument extends StoreState {
  version: 1 | 2;
  auditSeq?: number;
  logs?: { audit: { lines: number; bytes: number; sha256: string } };
}

const isEntry = (e: unknown): e is AuditEntry =>
  Number.isInteger((e as AuditEntry | null)?.seq) &&
  ['action', 'target', 'at'].every((k) => typeof (e as Record<string, unknown>)[k] === 'string');

/**
 * The writes of a format-1 or format-2 store (each one's audit entries), and its small state with any change its
 * document missed rolled forward. Throws a 'corrupt' StoreError naming the file when the audit log does not agree
 * with its document.
 */
export function readLegacy(
  doc: LegacyDocument,
  docFile: string,
  files: LegacyFiles,
  warn: (f: StoreFact) => void,
): { state: StoreState; writes: AuditEntry[][] } {
  const file = files.audit;
  const raw = readOrNull(file);
  const buf = raw ?? Buffer.alloc(0);
  const lines = buf.toString('utf8').split('\n');
  const counter = doc.logs?.audit ?? { lines: doc.auditSeq ?? 0, bytes: 0, sha256: '' };
  if ((!buf.length && counter.lines > 0) || buf.length < counter.bytes) {
    throw corrupt(
      raw && counter.bytes
        ? { kind: 'journal-shorter', file, lines: lines.filter(Boolean).length, doc: docFile, docLines: counter.lines }
        : { kind: 'journal-missing', file, doc: docFile, lines: counter.lines },
    );
  }
  const sha256 = crypto.createHash('sha256').update(buf.subarray(0, counter.bytes)).digest('hex');
  if (counter.sha256 && sha256 !== counter.sha256)
    throw corrupt({ kind: 'journal-changed', file, doc: docFile, lines: counter.lines });
  const state = stateOf(doc);
  const writes: AuditEntry[][] = [];
  let seq = 0;
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    let [entries, why]: [unknown, string] = [undefined, 'not an audit entry'];
    try {
      const v = JSON.parse(text) as { txn?: unknown };
      entries = Array.isArray(v.txn) ? v.txn : [v];
    } catch (e) {
      why = String(e);
    }
    if (!Array.isArray(entries) || !entries.every(isEntry)) {
      if (i < lines.length - 1) throw corrupt({ kind: 'bad-line', file, line: i + 1, why });
      return warn({ kind: 'torn-line-cut', file, bytes: Buffer.byteLength(text) });
    }
    for (const e of entries) {
      if (e.seq <= seq) throw corrupt({ kind: 'chain-broken', file, line: i + 1 });
      seq = e.seq;
      if (e.seq > (doc.auditSeq ?? 0)) applyStateAudit(state, e); // a change the document missed
    }
    writes.push(entries);
  });
  return { state, writes };
}
