/**
 * The embedded Store: a lowdb document and one journal beside it. The only file of the project that imports lowdb.
 *
 *   data/db.json           the lowdb document: {format, version, journal: {lines, hash}, owners, admins,
 *                          subscriptions, conversations, sent, integrity}. Small; rewritten whole (temp file +
 *                          rename) when the small state changes, and on close. `journal` is how many lines of the
 *                          journal it has seen and the hash of the last; `integrity` the SHA-256 of the rest.
 *   data/db.journal.jsonl  append-only, one line per write (journal.ts): its audit entries, chained by their hashes.
 *   data/db.lock           who holds the single-writer lock (lock.ts).
 *
 * A write (base.ts runs them one at a time): its line is appended to the journal and fsynced; then, if the small
 * state changed, the document is written; then the caller is answered. When a step fails the journal is truncated
 * back, memory is left as it was, and the caller gets a StoreError; the next write tries again.
 *
 * On open everything is read and checked before anything is written: the document's integrity, every journal line
 * and the chain, and the line the document vouches for. Lines after it (a crash between the journal append and the
 * document write, or no clean close) are kept, and their changes to the small state rolled forward. A torn last line
 * (a crash mid-append: never acknowledged) is cut away. Anything else stops the open with a 'corrupt' StoreError
 * naming the file. A store of an earlier format (legacy.ts) is upgraded on its first open.
 */
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { z } from 'zod';
import { BaseStore } from './base';
import { applyStateAudit, emptyState, stateOf, type StoreState } from './rules';
import { corrupt, errnoOf, fsStoreError, readOrNull, StoreError } from './errors';
import { legacyFiles, readLegacy, type LegacyDocument, type LegacyFiles } from './legacy';
import { acquireLock, releaseLock, type HeldLock } from './lock';
import { journalLine, readJournal, type JournalEnd } from './journal';
import { SUBSCRIPTION_KINDS, type AuditEntry } from '../domain/records';
import type { StoreFact } from '../domain/store-facts';
import type { Store } from './types';

export { StoreError } from './errors';

export const STORE_FORMAT = 'pei-bot-store';
/** The format written. Formats 1 and 2 (two logs) are read and upgraded on first open. */
export const STORE_VERSION = 3;

export interface LowdbStoreOptions {
  /** fsync every write (the journal, and the document with its folder). Default true. */
  fsync?: boolean;
  /** Non-fatal findings on open (a torn last line cut away, a change rolled forward, an upgrade). */
  onWarning?: (warning: StoreFact) => void;
  /**
   * Open without the lock and never write (a CLI reading while the bot runs). Without it the store is opened for
   * writing, or not at all: another process holding the lock is a 'locked' StoreError.
   */
  readOnly?: boolean;
  /** Fault injection for tests: called before each write (journal, document) with the file and the bytes. */
  beforeWrite?: (file: string, data: Buffer) => void;
}

export type StoreFiles = { doc: string; journal: string; lock: string };

export type LowdbStore = Store & { readonly files: StoreFiles };

export function storeFiles(file: string): StoreFiles {
  const doc = path.resolve(file);
  const base = doc.endsWith('.json') ? doc.slice(0, -5) : doc;
  return { doc, journal: `${base}.journal.jsonl`, lock: `${base}.lock` };
}

/** The document's own checksum (its `integrity` field): SHA-256 of its JSON without that field. */
export function documentIntegrity(doc: Record<string, unknown>): string {
  const { integrity: _omit, ...rest } = doc;
  return crypto.createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

async function fsyncPath(p: string, folder = false): Promise<void> {
  const fh = await fsp.open(p, 'r');
  // A folder's fsync makes a rename durable; some file systems do not support it (ignored there).
  const unsupported = (e: unknown) => folder && ['EISDIR', 'EPERM', 'EINVAL', 'EBADF'].includes(errnoOf(e) ?? '');
  await fh
    .sync()
    .catch((e: unknown) => {
      if (!unsupported(e)) throw e;
    })
    .finally(() => fh.close());
}

/** A file's identity (device and inode), or null when it is not there. */
function fileId(file: string): string | null {
  try {
    const st = fs.statSync(file);
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- the document

const str = z.string();
const key = z.string().min(1);
const count = z.number().int().min(0);
const list = <T extends z.ZodTypeAny>(item: T) => z.array(item).default([]);
const person = z.object({ id: key, name: str, email: str.optional() }).passthrough();
const optional = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, str.optional()]));
const stateShape = {
  owners: z.record(str, z.array(person)).default({}),
  admins: list(person),
  subscriptions: list(
    z
      .object({ conversationKey: key, kind: z.enum(SUBSCRIPTION_KINDS), createdBy: person, createdAt: str })
      .passthrough(),
  ),
  conversations: list(
    z
      .object({ key, scope: z.enum(['personal', 'groupChat', 'team', 'channel']), active: z.boolean(), updatedAt: str })
      .extend(optional('userId', 'email', 'teamId', 'name', 'inactiveReason'))
      .passthrough(),
  ),
  sent: list(z.object({ key, at: str }).passthrough()),
};
const counter = z.object({ lines: count, bytes: count, sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const DOC_SCHEMAS = {
  1: z.object({ ...stateShape, auditSeq: count.optional() }),
  2: z.object({ ...stateShape, auditSeq: count, logs: z.object({ audit: counter, reports: counter }), integrity: str }),
  3: z.object({ ...stateShape, journal: z.object({ lines: count, hash: str }), integrity: str }),
};
interface StoreDocument extends StoreState {
  format: typeof STORE_FORMAT;
  version: typeof STORE_VERSION;
  journal: { lines: number; hash: string };
  integrity: string;
}

/** The document checked (format, version, shape, integrity), with the small state's lists defaulted. */
function checkDocument(buf: Buffer, file: string): StoreDocument | LegacyDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(buf.toString('utf8'));
  } catch (e) {
    throw corrupt({ kind: 'doc-not-json', file, why: (e as Error).message });
  }
  if (!isRecord(raw) || raw.format !== STORE_FORMAT) throw corrupt({ kind: 'not-a-store', file });
  const schema = DOC_SCHEMAS[raw.version as 1 | 2 | 3];
  if (!schema) throw corrupt({ kind: 'wrong-version', file, got: JSON.stringify(raw.version) ?? 'undefined' });
  const parsed = schema.passthrough().safeParse(raw);
  if (!parsed.success) {
    // Named as a reader finds it ("admins[0].id"), with the record shown when it is short.
    const { path: at, message } = parsed.error.issues[0];
    const where = at.reduce<string>((w, p) => (typeof p === 'number' ? `${w}[${p}]` : w ? `${w}.${p}` : `${p}`), '');
    const record = JSON.stringify(at.slice(0, 2).reduce<any>((v, p) => v[p], raw));
    const shown = record && record.length < 200 ? record : '';
    throw corrupt({ kind: 'doc-invalid', file, where: where.split('.')[0], shown, problem: `${where}: ${message}` });
  }
  if (raw.version !== 1 && documentIntegrity(raw) !== raw.integrity) throw corrupt({ kind: 'doc-tampered', file });
  return parsed.data as unknown as StoreDocument | LegacyDocument;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------- the store

class LowdbStoreImpl extends BaseStore {
  private readonly db: Low<StoreDocument>;
  private fh: fsp.FileHandle | null = null;
  private end: JournalEnd = { bytes: 0, lines: 0, hash: '' };
  /** The journal lines the document on disk vouches for (-1: no document yet). */
  private vouched = -1;
  /** A failed write not undone, or the files replaced under the process: no more writes until restarted. */
  private failure: StoreError | null = null;
  /** The identity of the files this process writes: the paths must still lead to them before a write. */
  private ids: Record<'doc' | 'journal', string | null> = { doc: null, journal: null };

  constructor(
    readonly files: StoreFiles,
    /** null: opened read-only. */
    private readonly lock: HeldLock | null,
    private readonly opts: LowdbStoreOptions & { fsync: boolean; warn: (fact: StoreFact) => void },
  ) {
    super(emptyState());
    this.db = new Low<StoreDocument>(new JSONFile<StoreDocument>(files.doc), {} as StoreDocument);
  }

  /** Reads and checks everything, replays the journal; then, holding the lock, makes the repairs it found needed. */
  async open(): Promise<void> {
    const { files, lock } = this;
    const legacy = legacyFiles(files.doc.replace(/\.json$/, ''));
    const docBuf = readOrNull(files.doc);
    const doc = docBuf && checkDocument(docBuf, files.doc);
    if (!doc) {
      const held = [files.journal, legacy.audit, legacy.reports]
        .map((file) => ({ file, lines: (readOrNull(file)?.toString('utf8') ?? '').split('\n').filter(Boolean).length }))
        .filter((h) => h.lines > 0);
      if (held.length) throw corrupt({ kind: 'doc-missing', file: files.doc, held });
    }
    const repair = !doc ? undefined : doc.version === STORE_VERSION ? this.replay(doc) : this.upgrade(doc, legacy);
    if (!lock) return;
    try {
      await repair?.();
      this.fh = await fsp.open(files.journal, 'a');
    } catch (e) {
      throw fsStoreError(e, files.journal, 'repair');
    }
    try {
      if (this.vouched !== this.end.lines) await this.writeDocument(this.state, this.end);
      if (this.opts.fsync) await fsyncPath(path.dirname(files.doc), true);
      this.ids = { doc: fileId(files.doc), journal: fileId(files.journal) };
    } catch (e) {
      await this.fh.close().catch(() => undefined);
      throw e;
    }
  }

  /** A repair found on open: made in memory only when the store is read-only. */
  private readonly note = (fact: StoreFact) => this.opts.warn({ ...fact, readOnly: !this.lock } as StoreFact);

  /** Replays a format-3 journal; the lines past the document's mark roll their small-state changes forward. */
  private replay(doc: StoreDocument): (() => void) | undefined {
    const { files } = this;
    this.state = stateOf(doc);
    let changes = 0;
    const { repair, ...end } = readJournal(files, doc.journal, this.note, (entries, n) => {
      for (const e of entries) {
        this.applyEntry(e);
        if (n > doc.journal.lines && applyStateAudit(this.state, e)) changes++; // a change the document missed
      }
    });
    if (changes) this.note({ kind: 'rolled-forward', file: files.doc, changes });
    this.end = end;
    this.vouched = doc.journal.lines;
    return repair;
  }

  /**
   * Reads a format-1 or -2 store into memory; the repair writes its journal and its new document, and then removes
   * its old logs.
   */
  private upgrade(doc: LegacyDocument, legacy: LegacyFiles): () => Promise<void> {
    const { files } = this;
    const old = readLegacy(doc, files.doc, legacy, this.opts.warn);
    this.note({ kind: 'upgraded', file: files.doc, from: doc.version, to: STORE_VERSION });
    this.state = old.state;
    const journal = Buffer.concat(old.writes.map((entries) => this.nextLine(entries)));
    old.writes.flat().forEach((e) => this.applyEntry(e));
    return async () => {
      fs.writeFileSync(`${files.journal}.tmp`, journal);
      if (this.opts.fsync) await fsyncPath(`${files.journal}.tmp`);
      fs.renameSync(`${files.journal}.tmp`, files.journal);
      await this.writeDocument(this.state, this.end);
      for (const f of [legacy.audit, legacy.reports]) fs.rmSync(f, { force: true });
    };
  }

  protected override checkWritable(): void {
    if (this.closed) throw new StoreError('closed', { kind: 'closed', file: this.files.doc });
    if (!this.lock) throw new StoreError('read-only', { kind: 'read-only', file: this.files.doc });
    if (this.failure) throw this.failure;
    // The files removed or replaced under the running process (a restore over them, a cleanup): its writes would go
    // to unlinked files and be lost on restart, so it takes none from then on.
    for (const what of ['doc', 'journal'] as const) {
      const now = fileId(this.files[what]);
      if (now === this.ids[what]) continue;
      const how = now === null ? 'removed' : 'replaced';
      this.failure = new StoreError('replaced', { kind: 'files-replaced', file: this.files[what], what, how });
      this.opts.warn(this.failure.fact);
      throw this.failure;
    }
  }

  protected async persist(entries: AuditEntry[], state: StoreState | undefined): Promise<void> {
    const [end, vouched] = [this.end, this.vouched];
    try {
      if (entries.length) await this.append(entries);
      if (state) await this.writeDocument(state, this.end);
    } catch (e) {
      throw await this.undo(end, vouched !== this.vouched, e as StoreError);
    }
  }

  /** The journal line of a write's entries, after the journal's end (moved past it). */
  private nextLine(entries: AuditEntry[]): Buffer {
    const { text, hash } = journalLine(this.end.hash, entries);
    const data = Buffer.from(text, 'utf8');
    this.end = { bytes: this.end.bytes + data.length, lines: this.end.lines + 1, hash };
    return data;
  }

  /** Appends one line and fsyncs it: the write is on disk when this returns. */
  private async append(entries: AuditEntry[]): Promise<void> {
    const data = this.nextLine(entries);
    try {
      this.opts.beforeWrite?.(this.files.journal, data);
      await this.fh!.appendFile(data);
      if (this.opts.fsync) await this.fh!.sync();
    } catch (e) {
      throw fsStoreError(e, this.files.journal, 'append');
    }
  }

  /** lowdb writes the document (temp file + rename); then the file and its folder are fsynced. */
  private async writeDocument(state: StoreState, end: JournalEnd): Promise<void> {
    const body = {
      format: STORE_FORMAT as typeof STORE_FORMAT,
      version: STORE_VERSION as typeof STORE_VERSION,
      journal: { lines: end.lines, hash: end.hash },
      ...state,
    };
    const doc = { ...body, integrity: documentIntegrity(body) };
    try {
      this.opts.beforeWrite?.(this.files.doc, Buffer.from(JSON.stringify(doc)));
      this.db.data = doc;
      await this.db.write();
      this.vouched = end.lines; // renamed into place: a failure after this point must write the document back
      this.ids.doc = fileId(this.files.doc);
      if (this.opts.fsync) {
        await fsyncPath(this.files.doc);
        await fsyncPath(path.dirname(this.files.doc), true);
      }
    } catch (e) {
      throw fsStoreError(e, this.files.doc, 'write');
    }
  }

  /**
   * Undoes a failed write on disk: the journal cut back to `end` and, when the new document was already in place,
   * the document written back (memory still holds the state before the write). Returns the error for the caller.
   */
  private async undo(end: JournalEnd, docReplaced: boolean, error: StoreError): Promise<StoreError> {
    try {
      await this.fh?.close().catch(() => undefined);
      this.fh = null;
      if (fs.statSync(this.files.journal).size !== end.bytes) fs.truncateSync(this.files.journal, end.bytes);
      fs.rmSync(path.join(path.dirname(this.files.doc), `.${path.basename(this.files.doc)}.tmp`), { force: true });
      this.fh = await fsp.open(this.files.journal, 'a');
      this.end = end;
      if (docReplaced) await this.writeDocument(this.state, end);
      return error;
    } catch (e) {
      const undone = { failed: error.fact, undoWhy: errnoOf(e) ?? String(e) };
      this.failure = new StoreError('io', { kind: 'write-not-undone', file: this.files.doc, ...undone }, e);
      return this.failure;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    try {
      // A clean close leaves a document that vouches for the whole journal.
      if (this.fh && !this.failure && this.vouched !== this.end.lines)
        await this.writeDocument(this.state, this.end).catch(() => undefined);
      await this.fh?.close().catch(() => undefined);
    } finally {
      this.fh = null;
      releaseLock(this.lock);
    }
  }
}

// ---------------------------------------------------------------- opening

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

/** Creates the store's folder, or says why it cannot (naming it). */
function ensureFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw fsStoreError(e, dir, 'mkdir');
  }
  if (!fs.statSync(dir).isDirectory()) throw new StoreError('not-a-folder', { kind: 'folder-is-file', file: dir });
}

/**
 * Refuses files or a folder the store could not write (the document's rename would replace a read-only db.json): what
 * is there must be writable by this process, and meant to be (root may write anything: the mode says what was meant).
 */
function checkWritableFiles(files: StoreFiles): void {
  const all = { folder: path.dirname(files.doc), doc: files.doc, journal: files.journal };
  for (const [what, file] of Object.entries(all) as [keyof typeof all, string][]) {
    let writable: boolean;
    try {
      fs.accessSync(file, fs.constants.W_OK);
      writable = (fs.statSync(file).mode & 0o222) !== 0;
    } catch {
      writable = !fs.existsSync(file); // not there: nothing to refuse
    }
    if (!writable) throw new StoreError('read-only', { kind: 'not-writable', what, file });
  }
}

/**
 * Opens (or creates) the store at `file` (PEI_DB_FILE). Throws a StoreError naming the file when the document or
 * the journal cannot be read, does not parse, or does not agree with the rest; nothing is written then.
 */
export async function openLowdbStore(file: string, opts: LowdbStoreOptions = {}): Promise<LowdbStore> {
  const warn = opts.onWarning ?? ((f: StoreFact) => console.warn(`PEI store: ${JSON.stringify(f)}`));
  const requested = path.resolve(file);
  if (!opts.readOnly) ensureFolder(path.dirname(requested));
  const files = storeFiles(realDocPath(requested));
  if (!opts.readOnly) checkWritableFiles(files);
  const lock = opts.readOnly ? null : await acquireLock(files.doc, files.lock, warn);
  const store = new LowdbStoreImpl(files, lock, { ...opts, fsync: opts.fsync ?? true, warn });
  try {
    await store.open();
    return store;
  } catch (e) {
    releaseLock(lock);
    throw e;
  }
}
