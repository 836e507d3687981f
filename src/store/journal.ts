/**
 * Reading the embedded store's journal (lowdb-store.ts): one JSON line per write, {"entries": [audit entries],
 * "hash": "…"}, each hash = SHA-256(the previous line's hash + the entries' JSON). Every line and the chain are
 * checked at each open; this runs over every line of a store of 100,000 versions, so the checks are plain code and
 * the chain is hashed on the bytes as written.
 */
import * as crypto from 'node:crypto';
import { isReportAction } from './rules';
import { corrupt, readOrNull } from './errors';
import type { AuditEntry } from '../domain/records';
import type { StoreFact } from '../domain/store-facts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const sha256 = (prev: string, data: string | Buffer) =>
  crypto.createHash('sha256').update(prev).update(data).digest('hex');

/** Why an audit entry as read is not one (undefined when it is). */
export function entryProblem(e: unknown): string | undefined {
  if (!isObject(e) || !Number.isInteger(e.seq) || !isString(e.action) || !isString(e.target) || !isString(e.at))
    return 'an entry without seq, action, target, at or actor';
  if (!isObject(e.actor)) return 'an entry without seq, action, target, at or actor';
  if (!isReportAction(e.action)) return undefined;
  const v = e.after;
  if (!isObject(v) || !isString(v.id) || !isString(v.indicatorId) || !isString(v.period))
    return 'a report without id, indicatorId or period';
  if (!Number.isInteger(v.version) || (v.version as number) < 1 || typeof v.value !== 'number' || !isObject(v.author))
    return 'a report without version, value or author';
  return undefined;
}

export interface JournalRead {
  exists: boolean;
  writes: AuditEntry[][];
  /** Each line's hash. */
  hashes: string[];
  /** The bytes up to the last newline (the end of the last good line, a torn tail aside), and the file's size. */
  goodBytes: number;
  size: number;
  /** A last line without its newline: 'kept' (it is whole) or 'cut' (torn). */
  tail: 'none' | 'kept' | 'cut';
}

const HEAD = '{"entries":';

/**
 * Journal line `line`, the bytes [start, end) of `buf` (`prev`: the hash of the line before): its entries and
 * hash, or what is wrong with it.
 */
function readLine(
  file: string,
  line: number,
  buf: Buffer,
  start: number,
  end: number,
  prev: string,
): StoreFact | { entries: AuditEntry[]; hash: string } {
  const text = buf.toString('utf8', start, end);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { kind: 'bad-line', file, line, why: `not JSON (${(e as Error).message})` };
  }
  if (!isObject(v) || !Array.isArray(v.entries) || !isString(v.hash))
    return { kind: 'bad-line', file, line, why: 'not {"entries": [...], "hash": "..."}' };
  const { entries, hash } = v;
  const why = entries.map(entryProblem).find((p) => p !== undefined);
  if (why) return { kind: 'bad-line', file, line, why };
  // A line as the store writes it is hashed on its own bytes (the entries' JSON between the head and the hash);
  // a line spelled otherwise (the same entries) on the entries serialised again.
  const tail = `,"hash":"${hash}"}`;
  const asWritten =
    text.startsWith(HEAD) &&
    text.endsWith(tail) &&
    sha256(prev, buf.subarray(start + HEAD.length, end - Buffer.byteLength(tail))) === hash;
  if (!asWritten && sha256(prev, JSON.stringify(entries)) !== hash) return { kind: 'chain-broken', file, line };
  return { entries: entries as AuditEntry[], hash };
}

/** Reads the journal, checking every line and the chain; a bad last line without its newline is reported torn. */
export function readJournal(file: string): JournalRead {
  const buf = readOrNull(file);
  const size = buf?.length ?? 0;
  const read: JournalRead = {
    exists: buf !== null,
    writes: [],
    hashes: [],
    goodBytes: buf ? buf.lastIndexOf(0x0a) + 1 : 0,
    size,
    tail: 'none',
  };
  if (!buf) return read;
  const take = (start: number, end: number): StoreFact | null => {
    const got = readLine(file, read.writes.length + 1, buf, start, end, read.hashes[read.hashes.length - 1] ?? '');
    if ('kind' in got) return got;
    read.writes.push(got.entries);
    read.hashes.push(got.hash);
    return null;
  };
  let start = 0;
  for (let nl = buf.indexOf(0x0a); nl !== -1; nl = buf.indexOf(0x0a, start)) {
    const problem = take(start, nl);
    if (problem) throw corrupt(problem);
    start = nl + 1;
  }
  // after the last newline: nothing unless the last line is torn or was never ended
  if (start < size) read.tail = take(start, size) ? 'cut' : 'kept';
  return read;
}
