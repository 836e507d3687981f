/**
 * The embedded Store: a lowdb document and one journal beside it. The only file of the project that imports lowdb.
 *
 *   data/db.json           the lowdb document: {format, version, journal: {lines, hash}, owners, admins,
 *                          subscriptions, conversations, sent, integrity}. Small; rewritten whole (temp file +
 *                          rename) when the small state changes, and on close. `journal` is how many lines of the
 *                          journal it has seen and the hash of the last; `integrity` the SHA-256 of the rest.
 *   data/db.journal.jsonl  append-only, one line per write: {"entries": [audit entries], "hash": "…"}. A report
 *                          version is the `after` of its report.create / report.correct entry (a correction's
 *                          `before` is written as {"$ref": id}), a review the `after` of its report.approve /
 *                          report.return entry. `hash` = SHA-256(the previous line's hash + the entries' JSON): a
 *                          chain, so a line changed, removed or moved breaks it.
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
import { applyStateAudit, emptyState, isReportAction, stateOf, type StoreState } from './rules';
import { corrupt, errnoOf, fsStoreError, readOrNull, StoreError } from './errors';
import { legacyFiles, readLegacy, type LegacyDocument } from './legacy';
import { acquireLock, releaseLock, type HeldLock } from './lock';
import { fsyncPath } from './fsync';
import { readJournal } from './journal';
import { SUBSCRIPTION_KINDS, type AuditEntry } from '../domain/records';
import type { LockHolder, StoreFact } from '../domain/store-facts';
import type { Store } from './types';

export { StoreError } from './errors';

export const STORE_FORMAT = 'pei-bot-store';
/** The format written. Formats 1 and 2 (two logs) are read and upgraded on first open. */
export const STORE_VERSION = 3;

export interface LowdbStoreOptions {
  /** fsync every write (the journal, and the document with its folder). Default true. */
  fsync?: boolean;
  /** Non-fatal findings on open (a torn last line cut away, a change rolled forward, an upgrade, read-only). */
  onWarning?: (warning: StoreFact) => void;
  /** Open without the lock and never write (e.g. a CLI reading while the bot runs). */
  readOnly?: boolean;
  /** When another live process holds the lock: true = throw; false (default) = open read-only, with a warning. */
  exclusive?: boolean;
  /** Fault injection for tests: called before each write (journal, document) with the file and the bytes. */
  beforeWrite?: (file: string, data: Buffer) => void;
}

export type StoreFiles = { doc: string; journal: string; lock: string };

export type LowdbStore = Store & { readonly files: StoreFiles; readonly readOnly: boolean };

export function storeFiles(file: string): StoreFiles {
  const doc = path.resolve(file);
  const base = doc.endsWith('.json') ? doc.slice(0, -5) : doc;
  return { doc, journal: `${base}.journal.jsonl`, lock: `${base}.lock` };
}

/** Where the journal is: its size, its lines, and the last line's hash ('' when empty). */
type JournalEnd = { bytes: number; lines: number; hash: string };

interface StoreDocument extends StoreState {
  format: typeof STORE_FORMAT;
  version: typeof STORE_VERSION;
  journal: { lines: number; hash: string };
  integrity: string;
}

const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The document's own checksum (its `integrity` field): SHA-256 of its JSON without that field. */
export function documentIntegrity(doc: Record<string, unknown>): string {
  const { integrity: _omit, ...rest } = doc;
  return sha256(JSON.stringify(rest));
}

/** One journal line for a write's entries after the line whose hash is `prev` ('' for the first line). */
export function journalLine(prev: string, entries: AuditEntry[]): { text: string; hash: string } {
  // A correction's `before` is the previous version, already in the journal: written as a reference.
  const body = JSON.stringify(
    entries.map((e) =>
      isReportAction(e.action) && isObject(e.before) && typeof e.before.id === 'string'
        ? { ...e, before: { $ref: e.before.id } }
        : e,
    ),
  );
  const hash = sha256(prev + body);
  return { text: `{"entries":${body},"hash":"${hash}"}\n`, hash };
}

// ---------------------------------------------------------------- reading

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
const logs = z.object({ audit: counter, reports: counter });
const DOC_SCHEMAS = {
  1: z.object({ ...stateShape, auditSeq: count.optional() }).passthrough(),
  2: z.object({ ...stateShape, auditSeq: count, logs, integrity: str }).passthrough(),
  3: z.object({ ...stateShape, journal: z.object({ lines: count, hash: str }), integrity: str }).passthrough(),
};

/** The document checked (format, version, shape, integrity), with the small state's lists defaulted. */
function checkDocument(buf: Buffer, file: string): StoreDocument | LegacyDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(buf.toString('utf8'));
  } catch (e) {
    throw corrupt({ kind: 'doc-not-json', file, why: (e as Error).message });
  }
  if (!isObject(raw) || raw.format !== STORE_FORMAT) throw corrupt({ kind: 'not-a-store', file });
  const schema = DOC_SCHEMAS[raw.version as 1 | 2 | 3];
  if (!schema) throw corrupt({ kind: 'wrong-version', file, got: JSON.stringify(raw.version) ?? 'undefined' });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
      .join('')
      .replace(/^\./, '');
    let record: unknown = raw;
    for (const p of issue.path.slice(0, 2))
      record = isObject(record) || Array.isArray(record) ? (record as Record<string, unknown>)[p as string] : undefined;
    const shown = JSON.stringify(record) ?? '';
    throw corrupt({
      kind: 'doc-invalid',
      file,
      where: where.split('.')[0],
      shown: shown.length < 200 ? shown : '',
      problem: `${where}: ${issue.message}`,
    });
  }
  if (raw.version !== 1 && documentIntegrity(raw) !== raw.integrity) throw corrupt({ kind: 'doc-tampered', file });
  return parsed.data as unknown as StoreDocument | LegacyDocument;
}

/** What open() read: the small state and the writes to replay, and what must be written before taking writes. */
interface Loaded {
  state: StoreState;
  writes: AuditEntry[][];
  end: JournalEnd;
  /** The journal lines the document vouches for. */
  vouched: number;
  /** Repairs to make with the lock: the journal's good length (a torn tail), a missing final newline, a whole rewrite (an upgrade). */
  cutTo?: number;
  addNewline?: boolean;
  rewrite?: { text: string; legacy: string[] };
}

function load(files: StoreFiles, warn: (f: StoreFact) => void, readOnly: boolean): Loaded {
  const legacy = legacyFiles(files.doc.replace(/\.json$/, ''));
  const docBuf = readOrNull(files.doc);
  if (!docBuf) {
    const held = [files.journal, legacy.audit, legacy.reports].map((file) => ({
      file,
      lines: (readOrNull(file)?.toString('utf8') ?? '').split('\n').filter((l) => l.trim()).length,
    }));
    if (held.some((h) => h.lines > 0))
      throw corrupt({ kind: 'doc-missing', file: files.doc, held: held.filter((h) => h.lines > 0) });
    return { state: emptyState(), writes: [], end: { bytes: 0, lines: 0, hash: '' }, vouched: -1 };
  }
  const doc = checkDocument(docBuf, files.doc);
  const state = stateOf(doc);
  if (doc.version !== STORE_VERSION) {
    const old = readLegacy(doc, files.doc, legacy, warn);
    warn({ kind: 'upgraded', file: files.doc, from: doc.version, to: STORE_VERSION, readOnly });
    let [text, hash] = ['', ''];
    for (const w of old.writes) {
      const line = journalLine(hash, w);
      [text, hash] = [text + line.text, line.hash];
    }
    return {
      ...old,
      end: { bytes: Buffer.byteLength(text), lines: old.writes.length, hash },
      vouched: -1,
      rewrite: { text, legacy: [legacy.audit, legacy.reports] },
    };
  }

  const j = readJournal(files.journal);
  const mark = doc.journal;
  if (mark.lines > 0 && !j.exists)
    throw corrupt({ kind: 'journal-missing', file: files.journal, doc: files.doc, lines: mark.lines });
  if (j.writes.length < mark.lines) {
    if (j.tail === 'cut') throw corrupt({ kind: 'journal-torn-vouched', file: files.journal, doc: files.doc });
    const lines = j.writes.length;
    throw corrupt({ kind: 'journal-shorter', file: files.journal, lines, doc: files.doc, docLines: mark.lines });
  }
  if ((j.hashes[mark.lines - 1] ?? '') !== mark.hash)
    throw corrupt({ kind: 'journal-changed', file: files.journal, doc: files.doc, lines: mark.lines });

  let changes = 0;
  for (const e of j.writes.slice(mark.lines).flat()) if (applyStateAudit(state, e)) changes++;
  if (j.tail === 'cut') warn({ kind: 'torn-line-cut', file: files.journal, bytes: j.size - j.goodBytes, readOnly });
  if (j.tail === 'kept') warn({ kind: 'last-line-completed', file: files.journal, readOnly });
  if (changes) warn({ kind: 'rolled-forward', file: files.doc, changes, readOnly });
  const bytes = j.tail === 'cut' ? j.goodBytes : j.size + (j.tail === 'kept' ? 1 : 0);
  return {
    state,
    writes: j.writes,
    end: { bytes, lines: j.writes.length, hash: j.hashes[j.hashes.length - 1] ?? '' },
    vouched: mark.lines,
    ...(j.tail === 'cut' ? { cutTo: j.goodBytes } : {}),
    ...(j.tail === 'kept' ? { addNewline: true } : {}),
  };
}

// ---------------------------------------------------------------- writing

interface StoreSetup {
  files: StoreFiles;
  lock: HeldLock | null;
  /** Why it takes no writes: opened read-only (undefined holder) or another process holds the lock. */
  readOnly: { holder?: LockHolder } | null;
  fsync: boolean;
  beforeWrite?: (file: string, data: Buffer) => void;
  /** Told once when the store stops taking writes (its files removed or replaced). */
  onFailure?: (fact: StoreFact) => void;
}

class LowdbStoreImpl extends BaseStore {
  readonly files: StoreFiles;
  private readonly db: Low<StoreDocument>;
  private fh: fsp.FileHandle | null = null;
  private end: JournalEnd;
  /** The journal lines the document on disk vouches for. */
  private vouched: number;
  /**
   * Set when a failed write could not be undone, or when the files were removed or replaced under the running
   * process: no more writes until restarted (reads go on from memory).
   */
  private failure: StoreError | null = null;
  /** The files this process opened and writes (device and inode): the path must still lead to them before a write. */
  private readonly identity = new Map<'doc' | 'journal', { dev: number; ino: number }>();

  constructor(
    private readonly setup: StoreSetup,
    loaded: Loaded,
  ) {
    super(loaded.state, loaded.writes.flat());
    this.files = setup.files;
    this.db = new Low<StoreDocument>(new JSONFile<StoreDocument>(setup.files.doc), {} as StoreDocument);
    this.end = loaded.end;
    this.vouched = loaded.vouched;
  }

  get readOnly(): boolean {
    return this.setup.readOnly !== null;
  }

  /** The repairs open() found needed, then the journal opened for appending. Only with the lock. */
  async start(loaded: Loaded): Promise<void> {
    const { journal, doc } = this.files;
    try {
      if (loaded.rewrite) {
        fs.writeFileSync(`${journal}.tmp`, loaded.rewrite.text);
        if (this.setup.fsync) await fsyncPath(`${journal}.tmp`);
        fs.renameSync(`${journal}.tmp`, journal);
      }
      if (loaded.cutTo !== undefined) fs.truncateSync(journal, loaded.cutTo);
      if (loaded.addNewline) fs.appendFileSync(journal, '\n');
      this.fh = await fsp.open(journal, 'a');
    } catch (e) {
      throw fsStoreError(e, journal, 'repair');
    }
    try {
      if (this.vouched !== this.end.lines) await this.writeDocument(this.state, this.end);
      for (const f of loaded.rewrite?.legacy ?? []) fs.rmSync(f, { force: true });
      if (this.setup.fsync) await fsyncPath(path.dirname(doc), true);
      const held = await this.fh.stat();
      this.identity.set('journal', { dev: held.dev, ino: held.ino });
      this.rememberDocument();
    } catch (e) {
      await this.fh.close().catch(() => undefined);
      throw e;
    }
  }

  /** The document's identity after this process wrote it (each write renames a new file into place). */
  private rememberDocument(): void {
    try {
      const st = fs.statSync(this.files.doc);
      this.identity.set('doc', { dev: st.dev, ino: st.ino });
    } catch {
      this.identity.delete('doc'); // not written yet (an empty store before its first write)
    }
  }

  /**
   * The store's files removed or replaced under the running process (a restore over it, a cleanup, another copy
   * moved into place): its writes would go to unlinked files and be lost on restart, so it takes none from then on.
   */
  private filesChanged(): StoreError | null {
    for (const [what, known] of this.identity) {
      const file = what === 'doc' ? this.files.doc : this.files.journal;
      let how: 'removed' | 'replaced' | null = null;
      try {
        const st = fs.statSync(file);
        if (st.dev !== known.dev || st.ino !== known.ino) how = 'replaced';
      } catch {
        how = 'removed';
      }
      if (how) return new StoreError('replaced', { kind: 'files-replaced', file, what, how });
    }
    return null;
  }

  protected override checkWritable(settled = false): void {
    if (this.closed) throw new StoreError('closed', { kind: 'closed', file: this.files.doc });
    if (this.setup.readOnly)
      throw new StoreError('read-only', { kind: 'read-only', file: this.files.doc, ...this.setup.readOnly });
    if (this.failure) throw this.failure;
    // Mid-write the document is renamed before its new identity is remembered: the files are looked at only between writes.
    if (!settled) return;
    const changed = this.filesChanged();
    if (changed) {
      this.failure = changed;
      this.setup.onFailure?.(changed.fact);
      throw changed;
    }
  }

  protected async persist(entries: AuditEntry[], state: StoreState | undefined): Promise<void> {
    const before = this.end;
    const vouched = this.vouched;
    let after = before;
    try {
      if (entries.length) after = await this.append(entries);
      if (state) await this.writeDocument(state, after);
    } catch (e) {
      throw await this.undo(before, vouched !== this.vouched, e as StoreError);
    }
    this.end = after;
  }

  /** Appends one line and fsyncs it: the write is on disk when this returns. */
  private async append(entries: AuditEntry[]): Promise<JournalEnd> {
    const { text, hash } = journalLine(this.end.hash, entries);
    const data = Buffer.from(text, 'utf8');
    try {
      this.setup.beforeWrite?.(this.files.journal, data);
      if (!this.fh) throw new Error('the journal is not open');
      await this.fh.appendFile(data);
      if (this.setup.fsync) await this.fh.sync();
    } catch (e) {
      throw fsStoreError(e, this.files.journal, 'append');
    }
    return { bytes: this.end.bytes + data.length, lines: this.end.lines + 1, hash };
  }

  /** lowdb writes the document (temp file + rename); then the file and its folder are fsynced. */
  private async writeDocument(state: StoreState, end: JournalEnd): Promise<void> {
    const body = {
      format: STORE_FORMAT as typeof STORE_FORMAT,
      version: STORE_VERSION as typeof STORE_VERSION,
      journal: { lines: end.lines, hash: end.hash },
      ...state,
    };
    const doc: StoreDocument = { ...body, integrity: documentIntegrity(body) };
    try {
      this.setup.beforeWrite?.(this.files.doc, Buffer.from(JSON.stringify(doc)));
      this.db.data = doc;
      await this.db.write();
      this.vouched = end.lines; // renamed into place: a failure after this point must write the document back
      this.rememberDocument();
      if (this.setup.fsync) {
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
      if (docReplaced) await this.writeDocument(this.state, end);
      return error;
    } catch (e) {
      this.failure = new StoreError(
        'io',
        { kind: 'write-not-undone', file: this.files.doc, failed: error.fact, undoWhy: errnoOf(e) ?? String(e) },
        e,
      );
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
      releaseLock(this.setup.lock);
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

/** Refuses files or a folder the store could not write (the document's rename would replace a read-only db.json). */
function checkWritableFiles(files: StoreFiles): void {
  for (const [f, what] of [
    [path.dirname(files.doc), 'folder'],
    [files.doc, 'doc'],
    [files.journal, 'journal'],
  ] as const) {
    if (!fs.existsSync(f)) continue;
    let writable = (fs.statSync(f).mode & 0o222) !== 0;
    try {
      fs.accessSync(f, fs.constants.W_OK);
    } catch {
      writable = false;
    }
    if (!writable) throw new StoreError('read-only', { kind: 'not-writable', what, file: f });
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
  const setup: StoreSetup = {
    files,
    lock: null,
    readOnly: opts.readOnly ? {} : null,
    fsync: opts.fsync ?? true,
    beforeWrite: opts.beforeWrite,
    onFailure: warn,
  };
  if (!opts.readOnly) {
    checkWritableFiles(files);
    const got = await acquireLock(files.doc, files.lock, warn);
    if ('holder' in got) {
      if (opts.exclusive) throw new StoreError('locked', { kind: 'locked', file: files.doc, holder: got.holder });
      setup.readOnly = { holder: got.holder };
      warn({ kind: 'opened-read-only', file: files.doc, holder: got.holder });
    } else {
      setup.lock = got;
    }
  }
  try {
    const loaded = load(files, warn, setup.lock === null);
    const store = new LowdbStoreImpl(setup, loaded);
    if (setup.lock) await store.start(loaded);
    return store;
  } catch (e) {
    releaseLock(setup.lock);
    throw e;
  }
}
