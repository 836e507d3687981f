/**
 * The durable Store: a lowdb document plus two append-only JSON Lines logs beside it. The only file of the project
 * that imports lowdb.
 *
 *   data/db.json           lowdb document: header {format, version}, auditSeq, owners, admins, subscriptions,
 *                          conversations, sent. Small; rewritten whole (steno: temp file + rename = atomic).
 *   data/db.audit.jsonl    one audit entry per line (an all-or-nothing CSV import is one line {"txn":[…]}).
 *                          A review ('report.approve' / 'report.return') lives only here: on open its `after`
 *                          (review, reviewedBy, reviewedAt, reviewNote) is applied to the version it names.
 *   data/db.reports.jsonl  one report version per line.
 *   data/db.lock           pid of the process that writes the store.
 *
 * Writes go through one in-process queue with group commit: the calls that arrive while a write is in flight form
 * the next batch, which costs one append + fsync per log (+ one document write when the small state changed).
 * Order within a batch: audit log (fsync), then reports log (fsync), then document. The audit log is the
 * write-ahead log: its report entries carry the full record and its state entries the new value, so on open a
 * report missing from the reports log, or a state change missing from the document (`auditSeq`), is rolled forward.
 * A torn last line (a crash mid-append, never acknowledged) is cut away on open. Anything else that does not
 * parse stops the open with a message naming the file (and line); nothing is rewritten then.
 *
 * Write cost is O(1) in the number of stored reports: indexes are Maps, logs are appended, the document does not
 * hold reports.
 */
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { applyStateAudit, AUDIT_ACTIONS, BaseStore, emptyState, isReviewAction, withReview, type Effects, type ReviewAfter, type StoreState } from './base';
import type { AuditEntry, ReportRecord, Store } from './types';

export const STORE_FORMAT = 'pei-bot-store';
export const STORE_VERSION = 1;

interface StoreDocument extends StoreState {
  format: typeof STORE_FORMAT;
  version: typeof STORE_VERSION;
  /** The last audit seq whose change the document includes. */
  auditSeq: number;
}

export interface LowdbStoreOptions {
  /** fsync every batch (and the document and its directory). Default true. */
  fsync?: boolean;
  /** Non-fatal findings on open (a torn last line cut away, a rolled-forward write, read-only fallback). Default console.warn. */
  onWarning?: (message: string) => void;
  /** Open without the lock and never write (e.g. a CLI reading while the bot runs). */
  readOnly?: boolean;
  /**
   * When another live process holds the lock: true = throw; false (default) = open read-only, with a warning
   * (writes then fail with a clear message).
   */
  exclusive?: boolean;
}

export interface LowdbStoreStats {
  /** Write batches committed (each costs at most one fsync per file). */
  batches: number;
  fsyncs: number;
  reportLines: number;
  auditLines: number;
  docWrites: number;
}

export interface StoreFiles {
  doc: string;
  reports: string;
  audit: string;
  lock: string;
}

export type LowdbStore = Store & {
  readonly files: StoreFiles;
  readonly readOnly: boolean;
  stats(): LowdbStoreStats;
};

export function storeFiles(file: string): StoreFiles {
  const doc = path.resolve(file);
  const base = doc.endsWith('.json') ? doc.slice(0, -5) : doc;
  return { doc, reports: `${base}.reports.jsonl`, audit: `${base}.audit.jsonl`, lock: `${base}.lock` };
}

const UNTOUCHED = 'The file was left untouched; restore it from a backup, or move it away to start with an empty store.';

function errMsg(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------- lock

/** Lock files held by this process (a second open in the same process is treated like another process). */
const heldLocks = new Set<string>();

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Returns null when acquired, or the pid of the live holder. */
function acquireLock(lockFile: string): number | null {
  if (heldLocks.has(lockFile)) return process.pid;
  const tmp = `${lockFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        try {
          fs.linkSync(tmp, lockFile); // atomic: fails if the lock exists, and the lock is never seen empty
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw e;
          fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' }); // no hard links on this file system
        }
        heldLocks.add(lockFile);
        return null;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      let pid = NaN;
      try {
        pid = parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
      } catch {
        /* vanished meanwhile */
      }
      // The holder is alive (and is not this very process: a container restarts with the same pid).
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && pidAlive(pid)) return pid;
      try {
        fs.unlinkSync(lockFile); // stale
      } catch {
        /* someone else removed it */
      }
    }
    throw new Error(`PEI store: could not take the lock ${lockFile}`);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function releaseLock(lockFile: string): void {
  if (!heldLocks.delete(lockFile)) return;
  try {
    if (parseInt(fs.readFileSync(lockFile, 'utf8'), 10) === process.pid) fs.unlinkSync(lockFile);
  } catch {
    /* already gone */
  }
}

// ---------------------------------------------------------------- reading

function checkDocument(raw: unknown, file: string): StoreDocument {
  const bad = (why: string) => new Error(`PEI store: cannot open ${file}: ${why}. ${UNTOUCHED}`);
  if (!isObject(raw) || raw.format !== STORE_FORMAT) {
    throw bad(`it is not a PEI bot store (no "format": "${STORE_FORMAT}" header)`);
  }
  if (raw.version !== STORE_VERSION) {
    throw bad(`it has store format version ${JSON.stringify(raw.version)}, this program reads version ${STORE_VERSION}`);
  }
  const doc = { ...emptyState(), ...raw, auditSeq: raw.auditSeq ?? 0 } as StoreDocument;
  if (!isObject(doc.owners) || !Object.values(doc.owners).every(Array.isArray)) throw bad('"owners" is not a map of lists');
  for (const k of ['admins', 'subscriptions', 'conversations', 'sent'] as const) {
    if (!Array.isArray(doc[k]) || !doc[k].every(isObject)) throw bad(`"${k}" is not a list of objects`);
  }
  if (typeof doc.auditSeq !== 'number' || !Number.isInteger(doc.auditSeq) || doc.auditSeq < 0) throw bad('"auditSeq" is not a count');
  return doc;
}

interface JsonlRead<T> {
  exists: boolean;
  items: T[];
  /** Bytes up to the end of the last good line. */
  goodBytes: number;
  size: number;
  /** A last line without its newline: 'kept' (it parsed) or 'cut' (torn). */
  tail: 'none' | 'kept' | 'cut';
}

/**
 * Reads a JSON Lines file. Every complete line must parse (else throws, naming file and line). A last line without
 * a newline is kept when it parses, cut otherwise (the caller repairs the file).
 */
function readJsonl<T>(file: string, what: string, parse: (v: unknown) => T[] | string): JsonlRead<T> {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false, items: [], goodBytes: 0, size: 0, tail: 'none' };
    throw new Error(`PEI store: cannot read ${file} (${errMsg(e)}). ${UNTOUCHED}`);
  }
  const items: T[] = [];
  let start = 0;
  let lineNo = 0;
  let goodBytes = 0;
  let tail: JsonlRead<T>['tail'] = 'none';
  while (start < buf.length) {
    const nl = buf.indexOf(0x0a, start);
    const end = nl < 0 ? buf.length : nl;
    lineNo++;
    const text = buf.toString('utf8', start, end);
    const last = nl < 0;
    start = end + 1;
    if (text.trim() === '') {
      if (!last) goodBytes = start;
      continue;
    }
    let value: unknown;
    let parsed: T[] | string;
    try {
      value = JSON.parse(text);
      parsed = parse(value);
    } catch (e) {
      parsed = `it is not valid JSON (${errMsg(e)})`;
    }
    if (typeof parsed === 'string') {
      if (last) {
        tail = 'cut';
        break;
      }
      throw new Error(`PEI store: cannot open ${file}: line ${lineNo} is not a valid ${what}: ${parsed}. ${UNTOUCHED}`);
    }
    for (const item of parsed) items.push(item);
    if (last) tail = 'kept';
    else goodBytes = start;
  }
  return { exists: true, items, goodBytes, size: buf.length, tail };
}

function parseReport(v: unknown): ReportRecord[] | string {
  if (!isObject(v)) return 'not an object';
  if (typeof v.id !== 'string' || typeof v.indicatorId !== 'string' || typeof v.period !== 'string') return 'id, indicatorId or period missing';
  if (typeof v.version !== 'number' || !Number.isInteger(v.version) || v.version < 1) return 'version is not a positive integer';
  if (typeof v.value !== 'number') return 'value is not a number';
  if (!isObject(v.author) || typeof v.author.id !== 'string') return 'author missing';
  return [v as unknown as ReportRecord];
}

function checkAuditEntry(v: unknown): string | null {
  if (!isObject(v)) return 'not an object';
  if (typeof v.seq !== 'number' || !Number.isInteger(v.seq)) return 'seq is not an integer';
  if (typeof v.action !== 'string' || typeof v.target !== 'string' || typeof v.at !== 'string') return 'action, target or at missing';
  if (!isObject(v.actor)) return 'actor missing';
  return null;
}

function parseAudit(v: unknown): AuditEntry[] | string {
  if (isObject(v) && Array.isArray(v.txn)) {
    for (const e of v.txn) {
      const why = checkAuditEntry(e);
      if (why) return `txn entry: ${why}`;
    }
    return v.txn as AuditEntry[];
  }
  const why = checkAuditEntry(v);
  return why ?? [v as unknown as AuditEntry];
}

function isReportAction(action: string): boolean {
  return action === AUDIT_ACTIONS.reportCreate || action === AUDIT_ACTIONS.reportCorrect;
}

// ---------------------------------------------------------------- writing

/**
 * An audit entry as written. A report correction's `before` (the previous version, already stored) is written as
 * {"$ref": "<report id>"} and resolved again on open: the log stays about the size of the reports log. `after`
 * is written whole: the audit log is the write-ahead log of the reports log.
 */
function onDisk(e: AuditEntry): AuditEntry {
  if (!isReportAction(e.action) || !isObject(e.before) || typeof e.before.id !== 'string') return e;
  return { ...e, before: { $ref: e.before.id } };
}

async function fsyncPath(p: string): Promise<void> {
  const fh = await fsp.open(p, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** fsync a directory (makes a rename or a new file durable). Not supported everywhere (Windows): ignored there. */
async function fsyncDir(dir: string): Promise<void> {
  try {
    await fsyncPath(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw e;
  }
}

async function writeAll(fh: fsp.FileHandle, data: Buffer): Promise<void> {
  let off = 0;
  while (off < data.length) {
    const { bytesWritten } = await fh.write(data, off, data.length - off, null);
    off += bytesWritten;
  }
}

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (e: Error) => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

interface Batch {
  audit: string[];
  reports: string[];
  doc: boolean;
  effects: Effects[];
  done: Deferred;
}

interface OpenedState {
  files: StoreFiles;
  db: Low<StoreDocument>;
  state: StoreState;
  reports: ReportRecord[];
  audit: AuditEntry[];
  seq: number;
  readOnly: string | null;
  fsync: boolean;
}

class LowdbStoreImpl extends BaseStore {
  readonly files: StoreFiles;
  private readonly db: Low<StoreDocument>;
  private readonly fsync: boolean;
  /** Why the store is read-only, or null. */
  private readonly readOnlyWhy: string | null;
  private auditFh: fsp.FileHandle | null = null;
  private reportsFh: fsp.FileHandle | null = null;
  private pending: Batch | null = null;
  /** The batch being written. */
  private writing: Batch | null = null;
  private running: Promise<void> | null = null;
  private failure: Error | null = null;
  private closed = false;
  private readonly counters: LowdbStoreStats = { batches: 0, fsyncs: 0, reportLines: 0, auditLines: 0, docWrites: 0 };

  constructor(o: OpenedState) {
    super({ state: o.state, reports: o.reports, audit: o.audit, seq: o.seq });
    this.files = o.files;
    this.db = o.db;
    this.fsync = o.fsync;
    this.readOnlyWhy = o.readOnly;
  }

  get readOnly(): boolean {
    return this.readOnlyWhy !== null;
  }

  async openLogs(): Promise<void> {
    if (this.readOnlyWhy) return;
    this.auditFh = await fsp.open(this.files.audit, 'a');
    this.reportsFh = await fsp.open(this.files.reports, 'a');
    if (this.fsync) await fsyncDir(path.dirname(this.files.doc));
  }

  stats(): LowdbStoreStats {
    return { ...this.counters };
  }

  protected checkWritable(): void {
    if (this.closed) throw new Error(`PEI store ${this.files.doc}: closed`);
    if (this.readOnlyWhy) throw new Error(`PEI store ${this.files.doc} is open read-only (${this.readOnlyWhy}); nothing was written`);
    if (this.failure) throw this.failure;
  }

  protected persist(effects: Effects): Promise<void> {
    const b = (this.pending ??= { audit: [], reports: [], doc: false, effects: [], done: deferred() });
    if (effects.atomic && effects.audit.length > 1) b.audit.push(`${JSON.stringify({ txn: effects.audit.map(onDisk) })}\n`);
    else for (const e of effects.audit) b.audit.push(`${JSON.stringify(onDisk(e))}\n`);
    for (const r of effects.reports) b.reports.push(`${JSON.stringify(r)}\n`);
    if (effects.doc) b.doc = true;
    b.effects.push(effects);
    if (!this.running) this.running = this.drain();
    return b.done.promise;
  }

  /** The document as it must be on disk after this batch: taken when the batch is cut. */
  private snapshot(): StoreDocument {
    const s = JSON.parse(JSON.stringify(this.state)) as StoreState;
    return { format: STORE_FORMAT, version: STORE_VERSION, auditSeq: this.seq, ...s };
  }

  private async drain(): Promise<void> {
    await Promise.resolve(); // let the calls of this tick join the batch
    while (this.pending) {
      const b = this.pending;
      this.pending = null;
      this.writing = b;
      const doc = b.doc ? this.snapshot() : null;
      try {
        if (this.failure) throw this.failure;
        await this.commit(b, doc);
      } catch (e) {
        this.failure ??= new Error(
          `PEI store ${this.files.doc}: a write failed (${errMsg(e)}); the store takes no more writes until restarted`,
        );
        b.done.reject(this.failure);
        continue;
      }
      for (const eff of b.effects) this.publish(eff);
      b.done.resolve();
    }
    this.writing = null;
    this.running = null;
  }

  private async commit(b: Batch, doc: StoreDocument | null): Promise<void> {
    if (b.audit.length) {
      await writeAll(this.auditFh!, Buffer.from(b.audit.join(''), 'utf8'));
      if (this.fsync) {
        await this.auditFh!.sync();
        this.counters.fsyncs++;
      }
      this.counters.auditLines += b.audit.length;
    }
    if (b.reports.length) {
      await writeAll(this.reportsFh!, Buffer.from(b.reports.join(''), 'utf8'));
      if (this.fsync) {
        await this.reportsFh!.sync();
        this.counters.fsyncs++;
      }
      this.counters.reportLines += b.reports.length;
    }
    if (doc) await this.writeDocument(doc);
    this.counters.batches++;
  }

  /** lowdb's JSONFile (steno): temp file + rename. Then the file and its directory are fsynced. */
  async writeDocument(doc: StoreDocument): Promise<void> {
    this.db.data = doc;
    await this.db.write();
    if (this.fsync) {
      await fsyncPath(this.files.doc);
      await fsyncDir(path.dirname(this.files.doc));
      this.counters.fsyncs += 2;
    }
    this.counters.docWrites++;
  }

  /** Waits for the writes asked for so far (not for later ones: no wait without end under steady load). */
  async flush(): Promise<void> {
    const last = this.pending ?? this.writing;
    if (last) await last.done.promise.catch(() => undefined);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    while (this.running) await this.running;
    this.closed = true;
    try {
      for (const fh of [this.auditFh, this.reportsFh]) await fh?.close().catch(() => undefined);
    } finally {
      this.auditFh = this.reportsFh = null;
      if (!this.readOnlyWhy) releaseLock(this.files.lock);
    }
  }
}

/**
 * Opens (or creates) the store at `file` (PEI_DB_FILE). Throws, with a message naming the file, when the document
 * or a log cannot be read or does not parse; nothing is written then.
 */
export async function openLowdbStore(file: string, opts: LowdbStoreOptions = {}): Promise<LowdbStore> {
  const files = storeFiles(file);
  const warn = opts.onWarning ?? ((m: string) => console.warn(m));
  const fsync = opts.fsync ?? true;

  let readOnly: string | null = opts.readOnly ? 'opened read-only' : null;
  if (!readOnly) {
    fs.mkdirSync(path.dirname(files.doc), { recursive: true });
    const holder = acquireLock(files.lock);
    if (holder !== null) {
      const why = `in use by process ${holder} (lock ${files.lock})`;
      if (opts.exclusive) throw new Error(`PEI store ${files.doc} is ${why}; stop that process first`);
      readOnly = why;
      warn(`PEI store ${files.doc} is ${why}: opened read-only`);
    }
  }
  const locked = !readOnly;

  try {
    // 1. Read and check everything; nothing is written until all of it is known good.
    const db = new Low<StoreDocument>(new JSONFile<StoreDocument>(files.doc), {
      format: STORE_FORMAT,
      version: STORE_VERSION,
      auditSeq: 0,
      ...emptyState(),
    });
    let docExists = true;
    try {
      fs.statSync(files.doc);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`PEI store: cannot read ${files.doc} (${errMsg(e)}). ${UNTOUCHED}`);
      docExists = false;
    }
    let doc: StoreDocument;
    if (docExists) {
      let raw: unknown;
      try {
        raw = await db.adapter.read(); // JSONFile: readFile + JSON.parse
      } catch (e) {
        const why = e instanceof SyntaxError ? `it is not valid JSON (${e.message})` : `it cannot be read (${errMsg(e)})`;
        throw new Error(`PEI store: cannot open ${files.doc}: ${why}. ${UNTOUCHED}`);
      }
      doc = checkDocument(raw, files.doc);
    } else {
      doc = db.data;
    }

    const auditRead = readJsonl(files.audit, 'audit entry', parseAudit);
    const reportsRead = readJsonl(files.reports, 'report', parseReport);
    if (!auditRead.exists && doc.auditSeq > 0) {
      throw new Error(
        `PEI store: ${files.audit} is missing but ${files.doc} refers to ${doc.auditSeq} audit entries. ` +
          `Restore the audit log from a backup; nothing was changed.`,
      );
    }

    // 2. Work out the repairs.
    const audit = auditRead.items;
    const reports = reportsRead.items;
    const byId = new Map<string, ReportRecord>();
    for (const r of reports) byId.set(r.id, r);
    const missing: ReportRecord[] = [];
    let seq = doc.auditSeq;
    let replayed = 0;
    const reviews: ReviewAfter[] = [];
    for (const e of audit) {
      if (e.seq > seq) seq = e.seq;
      if (isReportAction(e.action)) {
        const after = e.after as ReportRecord;
        if (isObject(after) && typeof after.id === 'string') {
          const stored = byId.get(after.id);
          if (stored) e.after = stored; // share one object between the report list and its audit entry
          else {
            missing.push(after);
            byId.set(after.id, after);
          }
        }
        const before = e.before;
        if (isObject(before)) {
          const id = typeof before.$ref === 'string' ? before.$ref : before.id;
          if (typeof id === 'string') e.before = byId.get(id) ?? before;
        }
      } else if (isReviewAction(e.action)) {
        const after = e.after as ReviewAfter;
        if (isObject(after) && typeof after.id === 'string') reviews.push(after);
      } else if (e.seq > doc.auditSeq && applyStateAudit(doc, e)) {
        replayed++;
      }
    }
    for (const r of missing) reports.push(r);
    if (reviews.length) {
      const at = new Map<string, number>();
      reports.forEach((r, i) => at.set(r.id, i));
      for (const after of reviews) {
        const i = at.get(after.id);
        if (i !== undefined) reports[i] = withReview(reports[i], after);
      }
    }

    // 3. Repair (only with the lock).
    const notes: string[] = [];
    for (const [f, r] of [
      [files.audit, auditRead],
      [files.reports, reportsRead],
    ] as const) {
      if (r.tail === 'cut') notes.push(`${f}: cut a torn last line (${r.size - r.goodBytes} bytes, an unacknowledged write)`);
      if (r.tail === 'kept') notes.push(`${f}: completed a last line that had no newline`);
    }
    if (missing.length) notes.push(`${files.reports}: restored ${missing.length} report(s) from the audit log`);
    if (replayed) notes.push(`${files.doc}: rolled forward ${replayed} change(s) from the audit log`);

    if (locked) {
      for (const [f, r] of [
        [files.audit, auditRead],
        [files.reports, reportsRead],
      ] as const) {
        if (r.tail === 'cut') fs.truncateSync(f, r.goodBytes);
        if (r.tail === 'kept') fs.appendFileSync(f, '\n');
      }
      if (missing.length) {
        const fh = await fsp.open(files.reports, 'a');
        try {
          await writeAll(fh, Buffer.from(missing.map((r) => `${JSON.stringify(r)}\n`).join(''), 'utf8'));
          await fh.sync();
        } finally {
          await fh.close();
        }
      }
    }
    for (const n of notes) warn(`PEI store: ${n}${locked ? '' : ' (in memory only: read-only)'}`);

    const state: StoreState = {
      owners: doc.owners,
      admins: doc.admins,
      subscriptions: doc.subscriptions,
      conversations: doc.conversations,
      sent: doc.sent,
    };
    const store = new LowdbStoreImpl({ files, db, state, reports, audit, seq, readOnly, fsync });
    if (locked) {
      try {
        await store.openLogs();
        if (!docExists || replayed) {
          await store.writeDocument({ ...JSON.parse(JSON.stringify(state)), format: STORE_FORMAT, version: STORE_VERSION, auditSeq: seq });
        }
      } catch (e) {
        await store.close().catch(() => undefined);
        throw new Error(`PEI store ${files.doc}: cannot write beside it (${errMsg(e)})`);
      }
    }
    return store;
  } catch (e) {
    if (locked) releaseLock(files.lock);
    throw e;
  }
}
