/**
 * The durable Store: a lowdb document plus two append-only JSON Lines logs beside it. The only file of the project
 * that imports lowdb.
 *
 *   data/db.json           lowdb document: header {format, version}, auditSeq, the counters of both logs (lines,
 *                          bytes and the SHA-256 of those bytes), owners, admins, subscriptions, conversations,
 *                          sent, and an `integrity` hash of all of it. Small; rewritten whole after every write batch
 *                          (steno: temp file + rename = atomic).
 *   data/db.audit.jsonl    one audit entry per line (an all-or-nothing CSV import is one line {"txn":[…]}).
 *                          A review ('report.approve' / 'report.return') lives only here: on open its `after`
 *                          (review, reviewedBy, reviewedAt, reviewNote) is applied to the version it names.
 *   data/db.reports.jsonl  one report version per line.
 *   data/db.lock           information only: the pid of the process that writes the store. The lock itself is an
 *                          abstract Unix socket named after the store's real path (Linux), held by the kernel for
 *                          as long as the process lives: deleting the file or opening through a symlink cannot
 *                          sidestep it.
 *
 * Writes go through one in-process queue with group commit: the calls that arrive while a write is in flight form
 * the next batch. Order within a batch: the audit log (appended, fsynced: the write is acknowledged once it is on
 * disk there), then the reports log (appended; fsynced at the next checkpoint), then, at a checkpoint, the document
 * with the new counters. A batch that changes the small state (owners, admins, subscriptions, conversations, sent
 * keys) is a checkpoint; a batch of reports alone leaves the document for the next checkpoint: when the queue has
 * been idle for CHECKPOINT_IDLE_MS, at least every CHECKPOINT_MAX_MS under steady load, and on flush() and close().
 * A report submit therefore costs one fsync, not three. The audit log is the write-ahead log:
 * its report entries carry the full record and its state entries the new value, so on open a report missing from the
 * reports log, or a state change missing from the document, is rolled forward — but only beyond what the document's
 * counters vouch for (a crash between the logs and the document). A torn last line there (a crash mid-append, never
 * acknowledged) is cut away. Anything else (a log shorter than its counter, bytes that do not hash to it, a reports
 * log that does not match the audit log, a record that does not validate) stops the open with a Spanish message
 * naming the file and what disagrees; nothing is rewritten then.
 *
 * A write that fails (disk full, ...) is undone: the logs are truncated back to their last good size, memory
 * forgets the change, and the caller gets a StoreError. The next write tries again (no latched failure).
 *
 * Write cost is O(1) in the number of stored reports: indexes are Maps, logs are appended, the document does not
 * hold reports.
 */
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as net from 'node:net';
import * as path from 'node:path';
import { z } from 'zod';
import { applyStateAudit, AUDIT_ACTIONS, BaseStore, emptyState, isReviewAction, withReview, type Effects, type ReviewAfter, type StoreState } from './base';
import { errnoOf, fsStoreError, StoreError, storeWords } from './errors';
import { SUBSCRIPTION_KINDS, type AuditEntry, type ReportRecord } from '../domain/records';
import { type Store } from './types';

export { StoreError } from './errors';

export const STORE_FORMAT = 'pei-bot-store';
/** The format written. Version 1 (no log counters, no integrity hash) is still read, and upgraded on first open. */
export const STORE_VERSION = 2;

/** What the document vouches for in one log: its first `bytes` bytes, `lines` lines, hashing to `sha256`. */
interface LogCounter {
  lines: number;
  bytes: number;
  sha256: string;
}

interface StoreDocument extends StoreState {
  format: typeof STORE_FORMAT;
  version: 1 | 2;
  /** The last audit seq whose change the document includes. */
  auditSeq: number;
  /** Version 2: what the logs held at the last acknowledged write. */
  logs?: { audit: LogCounter; reports: LogCounter };
  /** Version 2: SHA-256 of the document's JSON without this field. */
  integrity?: string;
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
  /**
   * Fault injection for tests: called before each write of a batch (audit log, reports log, document) with the file
   * and the bytes about to be written; throwing there makes that write fail.
   */
  beforeWrite?: (file: string, data: Buffer) => void;
}

export interface LowdbStoreStats {
  /** Write batches committed (each costs at most one fsync per file). */
  batches: number;
  fsyncs: number;
  reportLines: number;
  auditLines: number;
  docWrites: number;
  /** Write batches that failed and were undone. */
  failedBatches: number;
  /** Checkpoints (reports log fsynced, document written) that failed: retried at the next one; nothing was lost. */
  failedCheckpoints: number;
}

/** A batch of reports alone leaves the document for later: written once the queue is idle this long (ms)... */
export const CHECKPOINT_IDLE_MS = 100;
/** ...or, under steady load, with the first batch after this long (ms) since the last checkpoint. */
export const CHECKPOINT_MAX_MS = 1000;

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

const t = storeWords;

function errMsg(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sha256(data: string | Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

function countLines(buf: Buffer, end = buf.length): number {
  let n = 0;
  let i = -1;
  while ((i = buf.indexOf(0x0a, i + 1)) >= 0 && i < end) n++;
  if (end > 0 && buf[end - 1] !== 0x0a) n++;
  return n;
}

function corrupt(file: string, why: string): StoreError {
  return new StoreError('corrupt', t.doesNotStart(why), { file });
}

// ---------------------------------------------------------------- lock

/** The lock held by this process on one store. */
interface HeldLock {
  file: string;
  /** The abstract-socket lock (Linux); null with the pid-file fallback. */
  server: net.Server | null;
}

const LOCK_MARKER = 'pei-bot-lock';

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoOf(e) === 'EPERM';
  }
}

/** Reads the pid the lock file names (first line), or NaN. */
function lockPid(lockFile: string): number {
  try {
    return parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
  } catch {
    return NaN;
  }
}

/** Whether a live pid is a PEI Bot holding this lock (on Linux: a node process; elsewhere assumed). */
function looksLikeHolder(pid: number): boolean {
  if (!pidAlive(pid)) return false;
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /node|jest|pei/i.test(cmd);
  } catch {
    return process.platform !== 'linux';
  }
}

function lockText(doc: string): string {
  return `${process.pid}\n${LOCK_MARKER}\n${doc}\n`;
}

function writeLockInfo(lock: HeldLock, doc: string, warn: (m: string) => void): void {
  try {
    const tmp = `${lock.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, lockText(doc));
    fs.renameSync(tmp, lock.file);
  } catch (e) {
    warn(t.lockInfoFailed(lock.file, errnoOf(e) ?? errMsg(e)));
  }
}

function listen(server: net.Server, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ path: name }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Fallback where abstract sockets do not exist: an exclusive pid file (a stale one, or one of a live non-PEI process, is taken over). */
function acquirePidFileLock(lockFile: string, doc: string): number | null {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(lockFile, lockText(doc), { flag: 'wx' });
      return null;
    } catch (e) {
      if (errnoOf(e) !== 'EEXIST') throw fsStoreError(e, lockFile, 'lock');
    }
    const pid = lockPid(lockFile);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && looksLikeHolder(pid)) return pid;
    fs.rmSync(lockFile, { force: true });
  }
  throw new StoreError('locked', t.lockFailed(lockFile), { file: lockFile });
}

/** Takes the lock of the store whose real document path is `doc`: the lock, or the pid of the holder (NaN when unknown). */
async function acquireLock(files: StoreFiles): Promise<HeldLock | { holder: number }> {
  if (process.platform === 'linux') {
    const server = net.createServer();
    try {
      await listen(server, `\0pei-bot:${sha256(files.doc)}`);
      server.unref();
      return { file: files.lock, server };
    } catch (e) {
      server.close();
      if (errnoOf(e) === 'EADDRINUSE') return { holder: lockPid(files.lock) };
      // no abstract sockets here (a sandbox): fall through to the pid file
    }
  }
  const holder = acquirePidFileLock(files.lock, files.doc);
  return holder === null ? { file: files.lock, server: null } : { holder };
}

function releaseLock(lock: HeldLock | null): void {
  if (!lock) return;
  try {
    if (lockPid(lock.file) === process.pid) fs.unlinkSync(lock.file);
  } catch {
    /* already gone */
  }
  lock.server?.close();
  lock.server = null;
}

// ---------------------------------------------------------------- reading

const personSchema = z.object({ id: z.string().min(1), name: z.string(), email: z.string().optional() }).passthrough();
const counterSchema = z.object({ lines: z.number().int().min(0), bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const stateShape = {
  auditSeq: z.number().int().min(0).optional(),
  owners: z.record(z.string(), z.array(personSchema)).optional(),
  admins: z.array(personSchema).optional(),
  subscriptions: z
    .array(z.object({ conversationKey: z.string().min(1), kind: z.enum(SUBSCRIPTION_KINDS), createdBy: personSchema, createdAt: z.string() }).passthrough())
    .optional(),
  conversations: z
    .array(
      z
        .object({
          key: z.string().min(1),
          scope: z.enum(['personal', 'groupChat', 'team', 'channel']),
          reference: z.unknown(),
          userId: z.string().optional(),
          email: z.string().optional(),
          teamId: z.string().optional(),
          name: z.string().optional(),
          active: z.boolean(),
          updatedAt: z.string(),
          inactiveReason: z.string().optional(),
        })
        .passthrough(),
    )
    .optional(),
  sent: z.array(z.object({ key: z.string().min(1), at: z.string(), detail: z.unknown() }).passthrough()).optional(),
};
const docV1Schema = z.object(stateShape).passthrough();
const docV2Schema = z
  .object({ ...stateShape, auditSeq: z.number().int().min(0), logs: z.object({ audit: counterSchema, reports: counterSchema }), integrity: z.string() })
  .passthrough();

function describeIssue(raw: unknown, issue: z.ZodIssue): string {
  const where = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '') : t.docRoot;
  let record: unknown = raw;
  for (const p of issue.path.slice(0, 2)) record = isObject(record) || Array.isArray(record) ? (record as Record<string, unknown>)[p as string] : undefined;
  const shown = JSON.stringify(record);
  return t.invalidRecord(where.split('.').slice(0, 1).join(''), shown && shown.length < 200 ? shown : '', `${where}: ${issue.message}`).replace(/\s+/g, ' ');
}

/** The document's own checksum (its `integrity` field): SHA-256 of its JSON without that field. */
export function documentIntegrity(doc: Record<string, unknown>): string {
  const { integrity: _omit, ...rest } = doc;
  return sha256(JSON.stringify(rest));
}

function checkDocument(raw: unknown, file: string): StoreDocument {
  if (!isObject(raw) || raw.format !== STORE_FORMAT) {
    throw corrupt(file, t.notAStore(file, STORE_FORMAT));
  }
  if (raw.version !== 1 && raw.version !== 2) {
    throw corrupt(file, t.wrongVersion(file, JSON.stringify(raw.version), STORE_VERSION));
  }
  const parsed = (raw.version === 2 ? docV2Schema : docV1Schema).safeParse(raw);
  if (!parsed.success) throw corrupt(file, t.inDocument(file, describeIssue(raw, parsed.error.issues[0])));
  if (raw.version === 2 && documentIntegrity(raw) !== raw.integrity) {
    throw corrupt(file, t.docTampered(file));
  }
  return { ...emptyState(), ...raw, auditSeq: (raw.auditSeq as number | undefined) ?? 0 } as StoreDocument;
}

interface JsonlRead<T> {
  exists: boolean;
  buf: Buffer;
  items: T[];
  /** Lines read (each whole line, with or without its items). */
  lines: number;
  /** Bytes up to the end of the last good line. */
  goodBytes: number;
  size: number;
  /** A last line without its newline: 'kept' (it parsed) or 'cut' (torn). */
  tail: 'none' | 'kept' | 'cut';
}

function readFileOrNull(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return null;
    if (e instanceof StoreError) throw e;
    throw new StoreError('io', t.cannotRead(file, errnoOf(e) ?? errMsg(e)), { file, cause: e });
  }
}

/**
 * Parses a JSON Lines buffer. Every complete line must parse (else throws, naming file and line). A last line without
 * a newline is kept when it parses, cut otherwise (the caller decides whether that is allowed and repairs the file).
 */
function parseJsonl<T>(buf: Buffer | null, file: string, what: 'audit' | 'reports', parse: (v: unknown) => T[] | string): JsonlRead<T> {
  if (!buf) return { exists: false, buf: Buffer.alloc(0), items: [], lines: 0, goodBytes: 0, size: 0, tail: 'none' };
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
    let parsed: T[] | string;
    try {
      parsed = parse(JSON.parse(text));
    } catch (e) {
      parsed = t.notJson(errMsg(e));
    }
    if (typeof parsed === 'string') {
      if (last) {
        tail = 'cut';
        lineNo--;
        break;
      }
      throw corrupt(file, t.badLine(file, lineNo, what, parsed));
    }
    for (const item of parsed) items.push(item);
    if (last) tail = 'kept';
    else goodBytes = start;
  }
  return { exists: true, buf, items, lines: lineNo, goodBytes, size: buf.length, tail };
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

/**
 * Checks a log against what the document vouches for. Returns the bytes that may be cut (a torn last line beyond the
 * counter) — any other disagreement throws, naming the log and the document.
 */
function verifyLog(read: JsonlRead<unknown>, counter: LogCounter | undefined, file: string, docFile: string, what: 'audit' | 'reports'): PrefixHash | undefined {
  if (!counter) return undefined;
  if (!read.exists && counter.bytes > 0) {
    throw corrupt(file, t.logMissing(what, file, docFile, counter.lines));
  }
  if (read.size === counter.bytes - 1 && read.tail === 'kept') {
    // Only the final newline is missing (the file was saved by an editor, say): the content is the vouched one.
    const hash = crypto.createHash('sha256').update(read.buf).update('\n');
    if (hash.copy().digest('hex') === counter.sha256) return { hash, bytes: counter.bytes };
  }
  if (read.size < counter.bytes) {
    throw corrupt(file, t.logShorter(what, file, countLines(read.buf), read.size, docFile, counter.lines, counter.bytes));
  }
  const hash = crypto.createHash('sha256').update(read.buf.subarray(0, counter.bytes));
  if (hash.copy().digest('hex') !== counter.sha256) {
    throw corrupt(file, t.logChanged(what, file, docFile, counter.lines));
  }
  if (read.tail === 'cut' && read.goodBytes < counter.bytes) {
    throw corrupt(file, t.logTornVouched(what, file, docFile));
  }
  return { hash, bytes: counter.bytes };
}

/** The running hash of a log's first `bytes` bytes (computed once on open). */
interface PrefixHash {
  hash: crypto.Hash;
  bytes: number;
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

/** Append, create, and O_DSYNC (Linux, macOS): each write is on disk when it returns. Null where the flag is missing. */
const DSYNC_APPEND: number | null =
  typeof fs.constants.O_DSYNC === 'number' && process.platform !== 'win32'
    ? fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT | fs.constants.O_DSYNC
    : null;

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
    const code = errnoOf(e);
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
  /** The small state changed (the document is then fsynced with its folder; else only its counters moved). */
  doc: boolean;
  /** Write the document now (an idle-time checkpoint, flush(), or a small-state change). */
  checkpoint?: boolean;
  effects: Effects[];
  done: Deferred;
}

/** A log as this process knows it: its size, lines and the running hash of its bytes. */
interface LogState {
  file: string;
  bytes: number;
  lines: number;
  hash: crypto.Hash;
}

function logState(file: string, buf: Buffer, prefix?: PrefixHash): LogState {
  const hash = prefix && buf.length >= prefix.bytes ? prefix.hash.copy().update(buf.subarray(prefix.bytes)) : crypto.createHash('sha256').update(buf);
  return { file, bytes: buf.length, lines: countLines(buf), hash };
}

/** The log once `data` (`lines` lines) is appended to it. */
function grown(log: LogState, data: Buffer, lines: number): LogState {
  return { file: log.file, bytes: log.bytes + data.length, lines: log.lines + lines, hash: log.hash.copy().update(data) };
}

function counterOf(l: LogState): LogCounter {
  return { lines: l.lines, bytes: l.bytes, sha256: l.hash.copy().digest('hex') };
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
  lock: HeldLock | null;
  auditLog: LogState;
  reportsLog: LogState;
  beforeWrite?: (file: string, data: Buffer) => void;
}

const cloneState = (s: StoreState): StoreState => JSON.parse(JSON.stringify(s)) as StoreState;

class LowdbStoreImpl extends BaseStore {
  readonly files: StoreFiles;
  private readonly db: Low<StoreDocument>;
  private readonly fsync: boolean;
  /** Why the store is read-only, or null. */
  private readonly readOnlyWhy: string | null;
  private lock: HeldLock | null;
  private auditFh: fsp.FileHandle | null = null;
  private reportsFh: fsp.FileHandle | null = null;
  private auditLog: LogState;
  private reportsLog: LogState;
  /** The small state and audit seq as last made durable (what a failed write rolls back to). */
  private durable: { state: StoreState; seq: number };
  private readonly beforeWrite?: (file: string, data: Buffer) => void;
  private pending: Batch | null = null;
  /** The batch being written. */
  private writing: Batch | null = null;
  private running: Promise<void> | null = null;
  /** Set only when a failed write could not be undone on disk: then no more writes until restarted. */
  private failure: Error | null = null;
  private closed = false;
  /** The document's counters lag the logs (a batch of reports alone since the last checkpoint). */
  private docStale = false;
  /** The reports log holds bytes not yet fsynced (they are in the audit log, which is). */
  private reportsUnsynced = false;
  private checkpointAt = Date.now();
  /** When the last batch was committed (the idle checkpoint waits for a quiet queue). */
  private lastBatchAt = 0;
  private checkpointTimer: NodeJS.Timeout | null = null;
  /** A checkpoint running beside the batches (steady load), or null. */
  private checkpointing: Promise<void> | null = null;
  /** Appends to the audit log are durable when they return (O_DSYNC), so no fsync follows them. */
  private get auditDsync(): boolean {
    return this.fsync && DSYNC_APPEND !== null;
  }
  private readonly counters: LowdbStoreStats = { batches: 0, fsyncs: 0, reportLines: 0, auditLines: 0, docWrites: 0, failedBatches: 0, failedCheckpoints: 0 };

  constructor(o: OpenedState) {
    super({ state: o.state, reports: o.reports, audit: o.audit, seq: o.seq });
    this.files = o.files;
    this.db = o.db;
    this.fsync = o.fsync;
    this.readOnlyWhy = o.readOnly;
    this.lock = o.lock;
    this.auditLog = o.auditLog;
    this.reportsLog = o.reportsLog;
    this.beforeWrite = o.beforeWrite;
    this.durable = { state: cloneState(o.state), seq: this.seq };
  }

  get readOnly(): boolean {
    return this.readOnlyWhy !== null;
  }

  async openLogs(): Promise<void> {
    if (this.readOnlyWhy) return;
    // The audit log is opened O_DSYNC where the system has it: each append returns once its bytes (and the file's
    // new size) are on disk, one call to the thread pool instead of a write and then an fsync.
    this.auditFh = await fsp.open(this.files.audit, (this.fsync && DSYNC_APPEND) || 'a').catch((e) => {
      throw fsStoreError(e, this.files.audit, 'open');
    });
    this.reportsFh = await fsp.open(this.files.reports, 'a').catch((e) => {
      throw fsStoreError(e, this.files.reports, 'open');
    });
    if (this.fsync) await fsyncDir(path.dirname(this.files.doc));
  }

  stats(): LowdbStoreStats {
    return { ...this.counters };
  }

  protected checkWritable(): void {
    if (this.closed) throw new StoreError('closed', t.closed(this.files.doc), { file: this.files.doc });
    if (this.readOnlyWhy) {
      throw new StoreError('read-only', t.readOnly(this.files.doc, this.readOnlyWhy), {
        file: this.files.doc,
      });
    }
    if (this.failure) throw this.failure;
  }

  protected persist(effects: Effects): Promise<void> {
    const b = this.nextBatch();
    if (effects.atomic && effects.audit.length > 1) b.audit.push(`${JSON.stringify({ txn: effects.audit.map(onDisk) })}\n`);
    else for (const e of effects.audit) b.audit.push(`${JSON.stringify(onDisk(e))}\n`);
    for (const r of effects.reports) b.reports.push(`${JSON.stringify(r)}\n`);
    if (effects.doc) b.doc = true;
    b.effects.push(effects);
    if (!this.running) this.running = this.drain();
    return b.done.promise;
  }

  private nextBatch(): Batch {
    return (this.pending ??= { audit: [], reports: [], doc: false, effects: [], done: deferred() });
  }

  /** Queues a checkpoint (the document brought up to the logs) behind the writes asked for so far. */
  private queueCheckpoint(): Promise<void> {
    const b = this.nextBatch();
    b.checkpoint = true;
    if (!this.running) this.running = this.drain();
    return b.done.promise;
  }

  /** After a batch of reports alone: the document follows once the queue has been idle CHECKPOINT_IDLE_MS. */
  private armCheckpoint(delay = CHECKPOINT_IDLE_MS): void {
    if (!this.docStale || this.checkpointTimer || this.closed) return;
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = null;
      if (!this.docStale || this.closed) return;
      const idle = Date.now() - this.lastBatchAt;
      if (this.running || idle < CHECKPOINT_IDLE_MS) this.armCheckpoint(Math.max(1, CHECKPOINT_IDLE_MS - idle));
      else this.queueCheckpoint().catch(() => undefined);
    }, delay);
    this.checkpointTimer.unref();
  }

  private async drain(): Promise<void> {
    await Promise.resolve(); // let the calls of this tick join the batch
    while (this.pending) {
      const b = this.pending;
      this.pending = null;
      this.writing = b;
      // The small state as it must be on disk after this batch: taken when the batch is cut (a batch of reports
      // alone leaves it as it was).
      const state = b.doc ? cloneState(this.state) : this.durable.state;
      const seq = this.seq;
      try {
        if (this.failure) throw this.failure;
        await this.commit(b, state, seq);
      } catch (e) {
        this.counters.failedBatches++;
        const err = await this.undo(b, e);
        // Everything queued behind it was built on top of it: refused too, and memory forgets all of it.
        const later = this.pending as Batch | null;
        this.pending = null;
        this.rollback(cloneState(this.durable.state), this.durable.seq);
        b.done.reject(err);
        later?.done.reject(err);
        continue;
      }
      this.durable = { state, seq };
      for (const eff of b.effects) this.publish(eff);
      b.done.resolve();
    }
    this.writing = null;
    this.running = null;
    this.lastBatchAt = Date.now();
    this.armCheckpoint();
  }

  /**
   * Undoes a failed batch on disk: both logs truncated back to their last good size (the document was not replaced:
   * steno renames only a complete temp file, which is removed). Returns the error for the callers. When the undo
   * itself fails the store stops taking writes (what is on disk is then unknown to this process).
   */
  private async undo(b: Batch, e: unknown): Promise<Error> {
    if (this.failure && e === this.failure) return this.failure;
    const err = fsStoreError(e, (e as { file?: string }).file ?? this.files.doc, 'write');
    try {
      for (const fh of [this.auditFh, this.reportsFh]) await fh?.close().catch(() => undefined);
      this.auditFh = this.reportsFh = null;
      for (const l of [this.auditLog, this.reportsLog]) {
        const size = fs.statSync(l.file).size;
        if (size !== l.bytes) fs.truncateSync(l.file, l.bytes);
      }
      fs.rmSync(path.join(path.dirname(this.files.doc), `.${path.basename(this.files.doc)}.tmp`), { force: true });
      await this.openLogs();
    } catch (undoError) {
      this.failure = new StoreError('io', t.writeNotUndone(this.files.doc, err.message, errMsg(undoError)), { file: this.files.doc, cause: undoError });
      return this.failure;
    }
    void b;
    return err;
  }

  /** Appends `lines` to the audit log, durably (an O_DSYNC write, else a write and an fsync). */
  private async appendDurably(log: LogState, fh: fsp.FileHandle | null, lines: string[]): Promise<LogState> {
    if (!fh) throw new StoreError('io', t.logNotOpen(log.file), { file: log.file });
    const data = Buffer.from(lines.join(''), 'utf8');
    try {
      this.beforeWrite?.(log.file, data);
      await writeAll(fh, data);
      if (this.fsync) {
        if (!this.auditDsync) await fh.sync();
        this.counters.fsyncs++;
      }
    } catch (e) {
      throw fsStoreError(e, log.file, 'append');
    }
    return grown(log, data, lines.length);
  }

  private async commit(b: Batch, state: StoreState, seq: number): Promise<void> {
    const lines = b.audit.length + b.reports.length > 0;
    // The audit log first, on disk before anything else: it holds every report whole (the write-ahead log).
    const audit = b.audit.length ? await this.appendDurably(this.auditLog, this.auditFh, b.audit) : this.auditLog;
    // The reports log after it, so it can never be ahead of the audit log on disk: a page-cache write of a few KB,
    // written in place (no round trip through the thread pool, whose answer would wait behind the turns the event
    // loop is running), fsynced at the next checkpoint.
    const reports = b.reports.length ? this.appendNow(this.reportsLog, this.reportsFh, b.reports) : this.reportsLog;
    if (b.reports.length) this.reportsUnsynced = true;
    const stale = this.docStale || lines;
    if (lines) this.docStale = true;
    if (b.doc) {
      // A change of the small state: the document is written before the batch is acknowledged.
      if (this.checkpointing) await this.checkpointing;
      await this.checkpoint(state, seq, audit, reports, true);
      this.docStale = false;
    } else if (stale && b.checkpoint) {
      // flush(), close() or an idle queue: done before the batch resolves. A checkpoint that fails loses nothing
      // (the logs are on disk) and is tried again.
      if (this.checkpointing) await this.checkpointing;
      await this.checkpoint(state, seq, audit, reports, false).then(
        () => {
          this.docStale = false;
        },
        () => {
          this.counters.failedCheckpoints++;
        },
      );
    } else if (stale && !this.checkpointing && Date.now() - this.checkpointAt >= CHECKPOINT_MAX_MS) {
      // Under steady load: beside the next batches, which do not wait for it.
      this.checkpointing = this.checkpoint(state, seq, audit, reports, false)
        .then(
          () => {
            // Up to date unless a batch was committed while it ran.
            this.docStale = this.auditLog.bytes !== audit.bytes || this.reportsLog.bytes !== reports.bytes;
          },
          () => {
            this.counters.failedCheckpoints++;
          },
        )
        .finally(() => {
          this.checkpointing = null;
          this.armCheckpoint();
        });
    }
    this.auditLog = audit;
    this.reportsLog = reports;
    this.counters.auditLines += b.audit.length;
    this.counters.reportLines += b.reports.length;
    if (lines || b.doc) this.counters.batches++;
  }

  /**
   * The reports log fsynced, then the document written with the counters of both logs as given (`audit`, `reports`:
   * what was on disk when it began; batches committed meanwhile stay beyond the counters, where open accepts them).
   */
  private async checkpoint(state: StoreState, seq: number, audit: LogState, reports: LogState, durable: boolean): Promise<void> {
    this.checkpointAt = Date.now();
    const unsynced = this.reportsUnsynced;
    // Cleared before the fsync: a write that lands meanwhile sets it again (the fsync covers what came before it).
    this.reportsUnsynced = false;
    if (unsynced && this.fsync) {
      try {
        if (!this.reportsFh) throw new StoreError('io', t.logNotOpen(reports.file), { file: reports.file });
        await this.reportsFh.sync();
      } catch (e) {
        this.reportsUnsynced = true;
        throw e instanceof StoreError ? e : fsStoreError(e, reports.file, 'append');
      }
      this.counters.fsyncs++;
    }
    await this.writeDocument(state, seq, audit, reports, durable);
  }

  /** Appends `lines` to a log with synchronous writes (small, to the page cache): see commit(). */
  private appendNow(log: LogState, fh: fsp.FileHandle | null, lines: string[]): LogState {
    if (!fh) throw new StoreError('io', t.logNotOpen(log.file), { file: log.file });
    const data = Buffer.from(lines.join(''), 'utf8');
    try {
      this.beforeWrite?.(log.file, data);
      let off = 0;
      while (off < data.length) off += fs.writeSync(fh.fd, data, off, data.length - off);
    } catch (e) {
      throw fsStoreError(e, log.file, 'append');
    }
    return grown(log, data, lines.length);
  }

  /** lowdb's JSONFile (steno): temp file + rename. Then the file and its directory are fsynced. */
  async writeDocument(state: StoreState, seq: number, audit: LogState = this.auditLog, reports: LogState = this.reportsLog, durable = true): Promise<void> {
    const body: Omit<StoreDocument, 'integrity'> = {
      format: STORE_FORMAT,
      version: STORE_VERSION,
      auditSeq: seq,
      logs: { audit: counterOf(audit), reports: counterOf(reports) },
      ...cloneState(state),
    };
    const doc: StoreDocument = { ...body, integrity: documentIntegrity(body as unknown as Record<string, unknown>) };
    try {
      this.beforeWrite?.(this.files.doc, Buffer.from(JSON.stringify(doc)));
      this.db.data = doc;
      await this.db.write();
      if (this.fsync) {
        // The new document's bytes always; the folder (the rename) only when the small state changed: an older
        // document after a power cut only widens the window of log lines beyond its counters, which open accepts
        // once they agree with each other (they are fsynced).
        await fsyncPath(this.files.doc);
        this.counters.fsyncs++;
        if (durable) {
          await fsyncDir(path.dirname(this.files.doc));
          this.counters.fsyncs++;
        }
      }
    } catch (e) {
      throw fsStoreError(e, this.files.doc, 'write');
    }
    this.counters.docWrites++;
  }

  /**
   * Waits for the writes asked for so far (not for later ones: no wait without end under steady load), then for the
   * document to hold their counters.
   */
  async flush(): Promise<void> {
    await this.settle();
    if (this.checkpointing) await this.checkpointing;
    if (this.docStale && !this.closed && !this.readOnlyWhy) await this.queueCheckpoint().catch(() => undefined);
  }

  protected override async settle(): Promise<void> {
    const last = this.pending ?? this.writing;
    if (last) await last.done.promise.catch(() => undefined);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    while (this.running) await this.running;
    if (this.checkpointing) await this.checkpointing;
    if (this.docStale && !this.failure) {
      await this.queueCheckpoint().catch(() => undefined);
      while (this.running) await this.running;
    }
    this.closed = true;
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = null;
    try {
      for (const fh of [this.auditFh, this.reportsFh]) await fh?.close().catch(() => undefined);
    } finally {
      this.auditFh = this.reportsFh = null;
      releaseLock(this.lock);
      this.lock = null;
    }
  }
}

// ---------------------------------------------------------------- opening

/** Creates the store's folder, or says (in Spanish, naming it) why it cannot. */
function ensureFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw fsStoreError(e, dir, 'mkdir');
  }
  if (!fs.statSync(dir).isDirectory()) {
    throw new StoreError('not-a-folder', t.folderIsFile(dir), { file: dir });
  }
}

/** The store's real document path: symlinks resolved (of the file when it exists, else of its folder). */
function realDocPath(requested: string): string {
  try {
    return fs.realpathSync(requested);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(requested)), path.basename(requested));
    } catch {
      return requested;
    }
  }
}

/** Refuses a store whose files or folder cannot be written (the atomic rename would silently replace a read-only db.json). */
function checkWritableFiles(files: StoreFiles): void {
  const dir = path.dirname(files.doc);
  for (const [f, what] of [
    [dir, 'folder'],
    [files.doc, 'doc'],
    [files.audit, 'audit'],
    [files.reports, 'reports'],
  ] as const) {
    let st: fs.Stats;
    try {
      st = fs.statSync(f);
    } catch {
      continue; // created later
    }
    let writable = (st.mode & 0o222) !== 0;
    if (writable) {
      try {
        fs.accessSync(f, fs.constants.W_OK);
      } catch {
        writable = false;
      }
    }
    if (!writable) {
      throw new StoreError('read-only', t.notWritable(what, f), { file: f });
    }
  }
}

/**
 * Opens (or creates) the store at `file` (PEI_DB_FILE). Throws a StoreError, with a Spanish message naming the file
 * and what disagrees, when the document or a log cannot be read, does not parse, or does not agree with the rest;
 * nothing is written then.
 */
export async function openLowdbStore(file: string, opts: LowdbStoreOptions = {}): Promise<LowdbStore> {
  const warn = opts.onWarning ?? ((m: string) => console.warn(m));
  const fsync = opts.fsync ?? true;
  const requested = path.resolve(file);
  if (!opts.readOnly) ensureFolder(path.dirname(requested));
  const files = storeFiles(realDocPath(requested));

  let readOnly: string | null = opts.readOnly ? t.readOnlyAsked : null;
  let lock: HeldLock | null = null;
  if (!readOnly) {
    checkWritableFiles(files);
    const got = await acquireLock(files);
    if ('holder' in got) {
      const why = t.heldBy(Number.isInteger(got.holder) && got.holder > 0 ? got.holder : null, files.lock);
      if (opts.exclusive) {
        throw new StoreError('locked', t.lockedExclusive(files.doc, why), {
          file: files.doc,
          ...(Number.isInteger(got.holder) && got.holder > 0 ? { holderPid: got.holder } : {}),
        });
      }
      readOnly = why;
      warn(t.openedReadOnly(files.doc, why));
    } else {
      lock = got;
    }
  }
  const locked = lock !== null;

  try {
    // 1. Read and check everything; nothing is written until all of it is known good.
    const db = new Low<StoreDocument>(new JSONFile<StoreDocument>(files.doc), {
      format: STORE_FORMAT,
      version: STORE_VERSION,
      auditSeq: 0,
      ...emptyState(),
    });
    const docBuf = readFileOrNull(files.doc);
    const auditBuf = readFileOrNull(files.audit);
    const reportsBuf = readFileOrNull(files.reports);
    const docExists = docBuf !== null;
    let doc: StoreDocument;
    if (docExists) {
      let raw: unknown;
      try {
        raw = JSON.parse(docBuf.toString('utf8'));
      } catch (e) {
        throw corrupt(files.doc, t.docNotJson(files.doc, errMsg(e)));
      }
      doc = checkDocument(raw, files.doc);
    } else {
      const held = [
        [files.audit, auditBuf],
        [files.reports, reportsBuf],
      ].filter(([, b]) => b && (b as Buffer).length > 0) as [string, Buffer][];
      if (held.length) {
        throw corrupt(files.doc, t.docMissing(files.doc, held.map(([f, b]) => ({ file: f, lines: countLines(b) }))));
      }
      doc = db.data;
    }

    const auditRead = parseJsonl(auditBuf, files.audit, 'audit', parseAudit);
    const reportsRead = parseJsonl(reportsBuf, files.reports, 'reports', parseReport);
    const auditPrefix = verifyLog(auditRead as JsonlRead<unknown>, doc.logs?.audit, files.audit, files.doc, 'audit');
    const reportsPrefix = verifyLog(reportsRead as JsonlRead<unknown>, doc.logs?.reports, files.reports, files.doc, 'reports');
    if (!auditRead.exists && doc.auditSeq > 0) {
      throw corrupt(files.audit, t.auditMissing(files.audit, files.doc, doc.auditSeq));
    }

    // 2. Work out the repairs, checking that the logs agree with each other and with the document.
    const audit = auditRead.items;
    const reports = reportsRead.items;
    const auditReports: ReportRecord[] = [];
    let seq = 0;
    let replayed = 0;
    const reviews: ReviewAfter[] = [];
    for (const e of audit) {
      if (e.seq <= seq) {
        throw corrupt(files.audit, t.auditOutOfOrder(files.audit, e.seq, seq));
      }
      seq = e.seq;
      if (isReportAction(e.action)) {
        if (!isObject(e.after) || typeof (e.after as { id?: unknown }).id !== 'string') {
          throw corrupt(files.audit, t.auditEntryNoReport(files.audit, e.seq));
        }
        auditReports.push(e.after as unknown as ReportRecord);
      } else if (isReviewAction(e.action)) {
        const after = e.after as ReviewAfter;
        if (isObject(after) && typeof after.id === 'string') reviews.push(after);
      } else if (e.seq > doc.auditSeq && applyStateAudit(doc, e)) {
        replayed++;
      }
    }
    if (seq < doc.auditSeq) {
      throw corrupt(files.audit, t.auditBehindDoc(files.audit, seq, files.doc, doc.auditSeq));
    }
    if (reports.length > auditReports.length) {
      throw corrupt(files.reports, t.reportsAhead(files.reports, reports.length, files.audit, auditReports.length));
    }
    // Lines the document vouches for in both logs were checked by hash: their ids suffice. The rest (a crash window,
    // or a version-1 store) is compared whole.
    const vouched = doc.logs ? Math.min(doc.logs.reports.lines, reports.length) : 0;
    for (let i = 0; i < reports.length; i++) {
      const same = i < vouched ? reports[i].id === auditReports[i].id : JSON.stringify(reports[i]) === JSON.stringify(auditReports[i]);
      if (!same) {
        throw corrupt(files.reports, t.reportMismatch(files.reports, i + 1, reports[i].id, files.audit, auditReports[i].id));
      }
    }
    const missing = auditReports.slice(reports.length);
    for (const r of missing) reports.push(r);
    // One object per version, shared by the report list and its audit entries; corrections' before resolved.
    const byId = new Map<string, ReportRecord>();
    for (const r of reports) byId.set(r.id, r);
    for (const e of audit) {
      if (!isReportAction(e.action)) continue;
      e.after = byId.get((e.after as ReportRecord).id) ?? e.after;
      const before = e.before;
      if (isObject(before)) {
        const id = typeof before.$ref === 'string' ? before.$ref : before.id;
        if (typeof id === 'string') e.before = byId.get(id) ?? before;
      }
    }
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
      if (r.tail === 'cut') notes.push(t.tornLineCut(f, r.size - r.goodBytes));
      if (r.tail === 'kept') notes.push(t.lastLineCompleted(f));
    }
    if (missing.length) notes.push(t.reportsRestored(files.reports, missing.length));
    if (replayed) notes.push(t.rolledForward(files.doc, replayed));
    if (docExists && doc.version === 1 && locked) notes.push(t.upgraded(files.doc, STORE_VERSION));

    let auditFinal = auditRead.buf;
    let reportsFinal = reportsRead.buf;
    if (locked) {
      try {
        for (const [f, r] of [
          [files.audit, auditRead],
          [files.reports, reportsRead],
        ] as const) {
          if (r.tail === 'cut') fs.truncateSync(f, r.goodBytes);
          if (r.tail === 'kept') fs.appendFileSync(f, '\n');
        }
        if (auditRead.tail === 'cut') auditFinal = auditRead.buf.subarray(0, auditRead.goodBytes);
        if (auditRead.tail === 'kept') auditFinal = Buffer.concat([auditRead.buf, Buffer.from('\n')]);
        if (reportsRead.tail === 'cut') reportsFinal = reportsRead.buf.subarray(0, reportsRead.goodBytes);
        if (reportsRead.tail === 'kept') reportsFinal = Buffer.concat([reportsRead.buf, Buffer.from('\n')]);
        if (missing.length) {
          const add = Buffer.from(missing.map((r) => `${JSON.stringify(r)}\n`).join(''), 'utf8');
          const fh = await fsp.open(files.reports, 'a');
          try {
            await writeAll(fh, add);
            await fh.sync();
          } finally {
            await fh.close();
          }
          reportsFinal = Buffer.concat([reportsFinal, add]);
        }
      } catch (e) {
        throw fsStoreError(e, (e as { path?: string }).path ?? files.reports, 'repair');
      }
    }
    for (const n of notes) warn(`PEI store: ${n}${locked ? '' : ' (solo en memoria: solo lectura)'}`);

    const state: StoreState = {
      owners: doc.owners,
      admins: doc.admins,
      subscriptions: doc.subscriptions,
      conversations: doc.conversations,
      sent: doc.sent,
    };
    seq = Math.max(seq, doc.auditSeq);
    const store = new LowdbStoreImpl({
      files,
      db,
      state,
      reports,
      audit,
      seq,
      readOnly,
      fsync,
      lock,
      auditLog: logState(files.audit, auditFinal, auditPrefix),
      reportsLog: logState(files.reports, reportsFinal, reportsPrefix),
      beforeWrite: opts.beforeWrite,
    });
    if (locked) {
      lock = null; // the store owns it now
      try {
        await store.openLogs();
        const counters = doc.logs;
        const upToDate =
          docExists &&
          doc.version === STORE_VERSION &&
          !replayed &&
          counters !== undefined &&
          counters.audit.bytes === auditFinal.length &&
          counters.reports.bytes === reportsFinal.length;
        if (!upToDate) await store.writeDocument(state, seq);
        writeLockInfo(store['lock'] as HeldLock, files.doc, warn);
      } catch (e) {
        await store.close().catch(() => undefined);
        throw fsStoreError(e, files.doc, 'write');
      }
    }
    return store;
  } catch (e) {
    releaseLock(lock);
    throw e;
  }
}
