/**
 * The embedded store's journal (lowdb-store.ts): one JSON line per write, {"entries": [audit entries], "hash": "…"},
 * each hash = SHA-256(the previous line's hash + the entries' JSON). Every line and the chain are checked at each
 * open, over every line of a store of 100,000 versions: so the checks are plain code, a line is parsed once and
 * handed on (nothing is kept per line), and the chain is hashed on the bytes as written.
 */
import * as crypto from 'node:crypto';
import { AUDIT_ACTIONS, isReportAction } from './rules';
import * as fs from 'node:fs';
import { corrupt, errnoOf, StoreError } from './errors';
import type { AuditEntry, Person, ReportRecord } from '../domain/records';
import type { StoreFact } from '../domain/store-facts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const sha256 = (prev: string, data: string | Buffer) =>
  crypto.createHash('sha256').update(prev).update(data).digest('hex');

/** One journal line for a write's entries after the line whose hash is `prev` ('' for the first line). */
export function journalLine(prev: string, entries: AuditEntry[]): { text: string; hash: string } {
  // A correction's `before` is the previous version, already in the journal: written as a reference.
  const body = JSON.stringify(
    entries.map((e) =>
      isReportAction(e.action) && isObject(e.before) && isString(e.before.id)
        ? { ...e, before: { $ref: e.before.id } }
        : e,
    ),
  );
  const hash = sha256(prev, body);
  return { text: `{"entries":${body},"hash":"${hash}"}\n`, hash };
}

/** Why an audit entry as read is not one (undefined when it is). */
function entryProblem(e: unknown): string | undefined {
  const { seq, action, target, at, actor, after: v } = isObject(e) ? e : ({} as Record<string, unknown>);
  if (!Number.isInteger(seq) || !isString(action) || !isString(target) || !isString(at) || !isObject(actor))
    return 'an entry without seq, action, target, at or actor';
  if (!isReportAction(action)) return undefined;
  if (!isObject(v) || !isString(v.id) || !isString(v.indicatorId) || !isString(v.period))
    return 'a report without id, indicatorId or period';
  if (!Number.isInteger(v.version) || (v.version as number) < 1 || typeof v.value !== 'number' || !isObject(v.author))
    return 'a report without version, value or author';
  return undefined;
}

const ACTIONS = new Map<string, string>(Object.values(AUDIT_ACTIONS).map((a) => [a, a]));

/** `p`, or the same person as read before (one object per person, whichever entries name them). */
function known(people: Map<string, Person>, p: Person): Person {
  const k = people.get(p.id);
  if (k && k.name === p.name && k.email === p.email && k.teamsId === p.teamsId) return k;
  people.set(p.id, p);
  return p;
}

/** Where the journal ends: its size, its lines, and the last line's hash ('' when empty). */
export type JournalEnd = { bytes: number; lines: number; hash: string };

const HEAD = '{"entries":';

/**
 * Calls `each(buf, start, end)` for every line of `file` ended by a newline, read a megabyte at a time into one buffer
 * (a fresh buffer the journal's size costs a page fault per 4 KB: half a second at 80 MB on a virtual machine).
 * Returns the file's size and the bytes after its last newline, or null when there is no file.
 */
function eachLine(file: string, each: (buf: Buffer, start: number, end: number) => void) {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    let [buf, have, size, start] = [Buffer.allocUnsafe(1 << 20), 0, 0, 0];
    for (let got = 1; got > 0; have = buf.copy(buf, 0, start, have), start = 0) {
      if (have === buf.length) buf = Buffer.concat([buf], 2 * have); // a line longer than the buffer
      got = fs.readSync(fd, buf, have, buf.length - have, null);
      [have, size] = [have + got, size + got];
      for (let nl = buf.indexOf(0x0a); nl !== -1 && nl < have; nl = buf.indexOf(0x0a, (start = nl + 1)))
        each(buf, start, nl);
    }
    return { size, rest: buf.subarray(0, have) };
  } catch (e) {
    if (e instanceof StoreError) throw e;
    if (errnoOf(e) === 'ENOENT') return null;
    throw new StoreError('io', { kind: 'cannot-read', file, why: errnoOf(e) ?? String(e) }, e);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Reads the journal beside the document `doc`, which vouches for its first `mark.lines` lines (the last one's hash
 * `mark.hash`), checking every line and the chain, and hands each line's entries to `onLine` in order. Throws a
 * 'corrupt' StoreError naming the journal when a line is bad or the journal does not agree with the document. A bad
 * last line without its newline past the mark is torn (a crash mid-append, never acknowledged): `repair` cuts it away
 * (or ends a good last line that lacks its newline).
 */
export function readJournal(
  { journal: file, doc }: { journal: string; doc: string },
  mark: { lines: number; hash: string },
  warn: (f: StoreFact) => void,
  onLine: (entries: AuditEntry[], line: number) => void,
): JournalEnd & { repair?: () => void } {
  let [lines, hash, markHash] = [0, '', ''];
  const people = new Map<string, Person>();
  const targets = new Map<string, string>();
  /** Takes the line in `buf` [start, end): checks it and hands its entries on, or says what is wrong with it. */
  const take = (buf: Buffer, start: number, end: number): StoreFact | null => {
    const line = lines + 1;
    const text = buf.toString('utf8', start, end);
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      return { kind: 'bad-line', file, line, why: `not JSON (${(e as Error).message})` };
    }
    if (!isObject(v) || !Array.isArray(v.entries) || !isString(v.hash))
      return { kind: 'bad-line', file, line, why: 'not {"entries": [...], "hash": "..."}' };
    const entries = v.entries as AuditEntry[];
    const why = entries.map(entryProblem).find((p) => p !== undefined);
    if (why) return { kind: 'bad-line', file, line, why };
    // A line as the store writes it is hashed on its own bytes (the entries' JSON between the head and the hash);
    // a line spelled otherwise (the same entries) on the entries serialised again.
    const tail = `,"hash":"${v.hash}"}`;
    const asWritten =
      text.startsWith(HEAD) &&
      text.endsWith(tail) &&
      sha256(hash, buf.subarray(start + HEAD.length, end - Buffer.byteLength(tail))) === v.hash;
    if (!asWritten && sha256(hash, JSON.stringify(entries)) !== v.hash) return { kind: 'chain-broken', file, line };
    // What repeats is held once, as a live write holds it: the actions, the targets (a month's versions share one),
    // a version's instant as its entry's `at`, and each person (a few hundred write the district's 100,000 versions).
    for (const e of entries) {
      e.action = ACTIONS.get(e.action) ?? e.action;
      const target = targets.get(e.target);
      if (target === undefined) targets.set(e.target, e.target);
      else e.target = target;
      e.actor = known(people, e.actor);
      if (!isReportAction(e.action)) continue;
      const r = e.after as ReportRecord;
      r.author = known(people, r.author);
      if (e.at === r.reportedAt) e.at = r.reportedAt;
    }
    hash = v.hash;
    if (++lines === mark.lines) markHash = hash;
    onLine(entries, lines);
    return null;
  };
  const read = eachLine(file, (buf, start, end) => {
    const problem = take(buf, start, end);
    if (problem) throw corrupt(problem);
  });
  if (!read && mark.lines > 0) throw corrupt({ kind: 'journal-missing', file, doc, lines: mark.lines });
  // After the last newline: nothing, unless the last line is torn or was never ended.
  const { size, rest } = read ?? { size: 0, rest: Buffer.alloc(0) };
  const tail = rest.length ? (take(rest, 0, rest.length) ? 'cut' : 'newline') : undefined;
  if (lines < mark.lines) {
    if (tail === 'cut') throw corrupt({ kind: 'journal-torn-vouched', file, doc });
    throw corrupt({ kind: 'journal-shorter', file, lines, doc, docLines: mark.lines });
  }
  if (markHash !== mark.hash) throw corrupt({ kind: 'journal-changed', file, doc, lines: mark.lines });
  if (tail === 'cut') warn({ kind: 'torn-line-cut', file, bytes: rest.length });
  if (tail === 'newline') warn({ kind: 'last-line-completed', file });
  const bytes = tail === 'cut' ? size - rest.length : size + (tail ? 1 : 0);
  const repair = tail === 'cut' ? () => fs.truncateSync(file, bytes) : tail && (() => fs.appendFileSync(file, '\n'));
  return { bytes, lines, hash, repair };
}
