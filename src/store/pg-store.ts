/**
 * The PostgreSQL Store (PEI_DATABASE_URL): the database is the source of truth, shared by any number of bot
 * processes. Each write is one transaction; the rules hold in the schema (migrations/): one version number per
 * (indicator, month), unique idempotency keys, an append-only audit table.
 *
 * Ordering: every write transaction starts with `UPDATE pei_meta SET rev = rev + 1`. That row lock serialises the
 * writers of all processes (a write is a few statements, well under a millisecond of lock time on a local server),
 * so version numbers and audit seqs are assigned without races, and a reader that has seen change N has seen every
 * change before it. `rev` is the database's change counter.
 *
 * Reads stay synchronous (the Store interface): each process keeps a read cache of the database, pulled by rev
 * (rows whose `changed` is above the last rev seen). The cache catches up after each of its own writes (before the
 * write's promise resolves), on a NOTIFY from another process's write (LISTEN pei_change), and on `refresh()`,
 * which the HTTP and Teams layers call at the start of each request/turn: one `SELECT rev` when nothing changed.
 * So a figure asked of any process reflects every report acknowledged by any of them.
 *
 * `exclusive(name, fn)`: a session advisory lock (pg_try_advisory_lock) on a connection held while fn runs: one
 * process at a time runs the proactive sends; the lock goes with the connection if the process dies.
 */
import { Client, Pool, type PoolClient } from 'pg';
import { runner } from 'node-pg-migrate';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths';
import { AUDIT_ACTIONS, buildReportRecord, copyPerson, filterAudit } from './base';
import { storeWords } from './errors';
import type {
  AppendReportResult,
  AuditEntry,
  ConversationRecord,
  ExclusiveResult,
  Person,
  ReportInput,
  ReportRecord,
  ReportSource,
  ReviewDecision,
  ReviewReportResult,
  ReviewState,
  SentRecord,
  Store,
  Subscription,
} from './types';

export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'migrations');
const CHANNEL = 'pei_change';

export interface PgStoreOptions {
  onWarning?: (message: string) => void;
  /** Connections in this process's pool (default 10). */
  poolSize?: number;
  /** Keep the cache current from other processes' NOTIFY (default true; the CLI's one-shot commands say false). */
  listen?: boolean;
}

const json = (v: unknown): string => JSON.stringify(v === undefined ? null : v);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

function checkInput(input: ReportInput): void {
  if (!input || typeof input.indicatorId !== 'string' || input.indicatorId === '') throw new TypeError('store: report without indicatorId');
  if (typeof input.period !== 'string' || !PERIOD.test(input.period)) {
    throw new TypeError(`store: report period must be YYYY-MM, got ${JSON.stringify(input.period)}`);
  }
  if (typeof input.value !== 'number' || !Number.isFinite(input.value)) {
    throw new TypeError(`store: report value must be a finite number, got ${String(input.value)}`);
  }
}

/** A database URL with its password hidden (for messages). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(PEI_DATABASE_URL)';
  }
}

/** Creates or upgrades the schema (node-pg-migrate, SQL files in migrations/); concurrent starts wait for each other. */
export async function migrate(url: string, log?: (m: string) => void): Promise<string[]> {
  const done = await runner({
    databaseUrl: url,
    dir: MIGRATIONS_DIR,
    direction: 'up',
    migrationsTable: 'pei_migrations',
    count: Infinity,
    advisoryLockMode: 'wait',
    log: () => {},
    logger: { debug: () => {}, info: () => {}, warn: (m: string) => log?.(m), error: (m: string) => log?.(m) },
  } as Parameters<typeof runner>[0]);
  return done.map((m) => m.name);
}

type ReportInputMeta = { source: ReportSource; submissionId?: string; at: string; review?: ReviewState };
type BatchItem = { input: ReportInput; author: Person; source: ReportSource; submissionId?: string; review?: ReviewState };

const NO_PEOPLE: readonly Person[] = Object.freeze([]);

export class PgStore implements Store {
  private closed = false;
  private rev = 0;
  /** The database rev the cache reflects, and the small state's. */
  private dbRev = -1;
  private smallRev = -1;
  private lastAuditSeq = 0;
  private reportList: ReportRecord[] = [];
  private readonly position = new Map<string, number>();
  private readonly bySubmission = new Map<string, ReportRecord>();
  private readonly auditList: AuditEntry[] = [];
  private readonly auditByTarget = new Map<string, AuditEntry[]>();
  private owners_: Record<string, Person[]> = {};
  private admins_: Person[] = [];
  private subscriptions_: Subscription[] = [];
  private conversations_: ConversationRecord[] = [];
  private sent_: SentRecord[] = [];
  private sentKeys = new Set<string>();
  private pulling: Promise<void> | undefined;
  private pullAgain = false;
  private readonly writes = new Set<Promise<unknown>>();
  private listener: Client | undefined;

  private constructor(
    private readonly pool: Pool,
    private readonly opts: PgStoreOptions,
  ) {}

  static async open(url: string, opts: PgStoreOptions = {}): Promise<PgStore> {
    await migrate(url, opts.onWarning);
    const pool = new Pool({ connectionString: url, max: opts.poolSize ?? 10 });
    pool.on('error', (e) => opts.onWarning?.(storeWords.pgPoolLost(e.message)));
    const store = new PgStore(pool, opts);
    try {
      await store.refresh();
      if (opts.listen !== false) await store.listen(url);
    } catch (e) {
      await pool.end().catch(() => {});
      throw e;
    }
    return store;
  }

  private async listen(url: string): Promise<void> {
    const c = new Client({ connectionString: url });
    c.on('error', (e) => {
      this.opts.onWarning?.(storeWords.pgListenLost(e.message));
      this.listener = undefined;
    });
    c.on('notification', (n) => {
      if (n.channel === CHANNEL && Number(n.payload) > this.dbRev) void this.refresh().catch(() => {});
    });
    await c.connect();
    await c.query(`LISTEN ${CHANNEL}`);
    this.listener = c;
  }

  get revision(): number {
    return this.rev;
  }

  // ---- the cache

  /** Brings the cache up to date with the database (one query when nothing changed). Calls are coalesced. */
  async refresh(): Promise<void> {
    if (this.closed) return;
    if (this.pulling) {
      this.pullAgain = true;
      return this.pulling;
    }
    this.pulling = (async () => {
      try {
        do {
          this.pullAgain = false;
          await this.pull();
        } while (this.pullAgain);
      } finally {
        this.pulling = undefined;
      }
    })();
    return this.pulling;
  }

  private async pull(): Promise<void> {
    const head = await this.pool.query<{ rev: string }>('SELECT rev FROM pei_meta');
    if (Number(head.rows[0].rev) === this.dbRev) return;
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const meta = (await c.query<{ rev: string; small_rev: string }>('SELECT rev, small_rev FROM pei_meta')).rows[0];
      const rev = Number(meta.rev);
      const smallRev = Number(meta.small_rev);
      const reports = await c.query<{ record: ReportRecord }>('SELECT record FROM pei_reports WHERE changed > $1 ORDER BY ord', [this.dbRev]);
      const audit = await c.query('SELECT seq, at, actor, action, target, before, after FROM pei_audit WHERE seq > $1 ORDER BY seq', [this.lastAuditSeq]);
      let small: { owners: Record<string, Person[]>; admins: Person[]; subs: Subscription[]; convs: ConversationRecord[]; sent: SentRecord[] } | undefined;
      if (smallRev !== this.smallRev) {
        const owners: Record<string, Person[]> = {};
        for (const r of (await c.query<{ indicator_id: string; people: Person[] }>('SELECT indicator_id, people FROM pei_owners ORDER BY ord')).rows) owners[r.indicator_id] = r.people;
        small = {
          owners,
          admins: (await c.query<{ person: Person }>('SELECT person FROM pei_admins ORDER BY ord')).rows.map((r) => r.person),
          subs: (await c.query<{ record: Subscription }>('SELECT record FROM pei_subscriptions ORDER BY ord')).rows.map((r) => r.record),
          convs: (await c.query<{ record: ConversationRecord }>('SELECT record FROM pei_conversations ORDER BY ord')).rows.map((r) => r.record),
          sent: (await c.query<{ record: SentRecord }>('SELECT record FROM pei_sent ORDER BY ord')).rows.map((r) => r.record),
        };
      }
      await c.query('COMMIT');
      if (rev <= this.dbRev) return; // a concurrent pull got further
      this.apply(rev, smallRev, reports.rows.map((r) => r.record), audit.rows.map(toAudit), small);
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  private apply(
    rev: number,
    smallRev: number,
    reports: ReportRecord[],
    audit: AuditEntry[],
    small: { owners: Record<string, Person[]>; admins: Person[]; subs: Subscription[]; convs: ConversationRecord[]; sent: SentRecord[] } | undefined,
  ): void {
    let replaced: ReportRecord[] | undefined;
    for (const r of reports) {
      const i = this.position.get(r.id);
      if (i === undefined) {
        this.position.set(r.id, this.reportList.push(r) - 1);
      } else {
        // A reviewed version: the list is replaced by a copy (whoever caches by its identity reads it again).
        replaced ??= this.reportList.slice();
        replaced[i] = r;
      }
      if (r.submissionId !== undefined) this.bySubmission.set(r.submissionId, r);
    }
    if (replaced) this.reportList = replaced;
    for (const e of audit) {
      this.auditList.push(e);
      let list = this.auditByTarget.get(e.target);
      if (!list) this.auditByTarget.set(e.target, (list = []));
      list.push(e);
      this.lastAuditSeq = e.seq;
    }
    if (small) {
      this.owners_ = small.owners;
      this.admins_ = small.admins;
      this.subscriptions_ = small.subs;
      this.conversations_ = small.convs;
      this.sent_ = small.sent;
      this.sentKeys = new Set(small.sent.map((s) => s.key));
      this.smallRev = smallRev;
    }
    this.dbRev = rev;
    this.rev++;
  }

  // ---- writes

  private checkWritable(): void {
    if (this.closed) throw new Error('store: closed');
  }

  /**
   * One write transaction: takes the write order (pei_meta), runs `body`; commits and notifies when it returns
   * `commit: true`, rolls back otherwise (nothing changed). Resolves once the cache holds the write.
   */
  private writeTail: Promise<unknown> = Promise.resolve();

  private async write<T>(body: (c: PoolClient, rev: number) => Promise<{ commit: boolean; small?: boolean; value: T }>): Promise<T> {
    this.checkWritable();
    // Writes of one process run one after the other, in call order (as the embedded store's do): the database's
    // write order (the pei_meta row lock) serialises them anyway, and the order of a process's calls is then kept.
    const run = async () => {
      const c = await this.pool.connect();
      let result: { commit: boolean; small?: boolean; value: T };
      try {
        await c.query('BEGIN');
        const rev = Number((await c.query<{ rev: string }>('UPDATE pei_meta SET rev = rev + 1 RETURNING rev')).rows[0].rev);
        result = await body(c, rev);
        if (result.commit) {
          if (result.small) await c.query('UPDATE pei_meta SET small_rev = rev');
          await c.query('SELECT pg_notify($1, $2)', [CHANNEL, String(rev)]);
          await c.query('COMMIT');
        } else {
          await c.query('ROLLBACK');
        }
      } catch (e) {
        await c.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        c.release();
      }
      await this.refresh(); // also after a duplicate: the record another process stored is then in the cache
      return result.value;
    };
    const p = this.writeTail.then(run, run);
    this.writeTail = p.catch(() => undefined);
    this.writes.add(p);
    const done = () => this.writes.delete(p);
    p.then(done, done);
    return p;
  }

  private async insertAudit(c: PoolClient, e: Omit<AuditEntry, 'seq'>): Promise<void> {
    await c.query('INSERT INTO pei_audit (at, actor, action, target, before, after) VALUES ($1, $2, $3, $4, $5, $6)', [
      e.at,
      json(copyPerson(e.actor)),
      e.action,
      e.target,
      json(e.before),
      json(e.after),
    ]);
  }

  private async insertReport(c: PoolClient, rev: number, item: BatchItem, at: string, actor: Person): Promise<ReportRecord> {
    const { input } = item;
    const prev = (
      await c.query<{ record: ReportRecord }>('SELECT record FROM pei_reports WHERE indicator_id = $1 AND period = $2 ORDER BY version DESC LIMIT 1', [
        input.indicatorId,
        input.period,
      ])
    ).rows[0]?.record;
    const version = (prev?.version ?? 0) + 1;
    const record = buildReportRecord(input, version, item, at);
    await c.query(
      'INSERT INTO pei_reports (id, indicator_id, period, version, submission_id, review, record, changed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [record.id, record.indicatorId, record.period, version, record.submissionId ?? null, record.review ?? null, json(record), rev],
    );
    await this.insertAudit(c, {
      at,
      actor,
      action: prev ? AUDIT_ACTIONS.reportCorrect : AUDIT_ACTIONS.reportCreate,
      target: `report:${input.indicatorId}:${input.period}`,
      before: prev ?? null,
      after: record,
    });
    return record;
  }

  private async bySubmissionId(c: PoolClient, submissionId: string | undefined): Promise<ReportRecord | undefined> {
    if (submissionId === undefined) return undefined;
    return (await c.query<{ record: ReportRecord }>('SELECT record FROM pei_reports WHERE submission_id = $1', [submissionId])).rows[0]?.record;
  }

  /** The cached object for a record read in a transaction (the same object reports() holds), once pulled. */
  private cached(r: ReportRecord): ReportRecord {
    const i = this.position.get(r.id);
    return i === undefined ? r : this.reportList[i];
  }

  async appendReport(input: ReportInput, author: Person, meta: ReportInputMeta): Promise<AppendReportResult> {
    this.checkWritable();
    checkInput(input);
    const cachedDup = meta.submissionId === undefined ? undefined : this.bySubmission.get(meta.submissionId);
    if (cachedDup) return { record: cachedDup, duplicate: true };
    const r = await this.write(async (c, rev) => {
      const dup = await this.bySubmissionId(c, meta.submissionId);
      if (dup) return { commit: false, value: { record: dup, duplicate: true } };
      const record = await this.insertReport(c, rev, { input, author, source: meta.source, submissionId: meta.submissionId, review: meta.review }, meta.at, author);
      return { commit: true, value: { record, duplicate: false } };
    });
    return { record: this.cached(r.record), duplicate: r.duplicate };
  }

  async appendReports(batch: BatchItem[], at: string, actor: Person): Promise<AppendReportResult[]> {
    this.checkWritable();
    for (const item of batch) checkInput(item.input);
    const results = await this.write(async (c, rev) => {
      const out: AppendReportResult[] = [];
      const seen = new Map<string, ReportRecord>();
      for (const item of batch) {
        const dup = (item.submissionId !== undefined ? seen.get(item.submissionId) : undefined) ?? (await this.bySubmissionId(c, item.submissionId));
        if (dup) {
          out.push({ record: dup, duplicate: true });
          continue;
        }
        const record = await this.insertReport(c, rev, item, at, actor);
        if (record.submissionId !== undefined) seen.set(record.submissionId, record);
        out.push({ record, duplicate: false });
      }
      return { commit: out.some((r) => !r.duplicate), value: out };
    });
    return results.map((r) => ({ record: this.cached(r.record), duplicate: r.duplicate }));
  }

  async reviewReport(decision: ReviewDecision, actor: Person, at: string): Promise<ReviewReportResult> {
    this.checkWritable();
    if (decision.decision !== 'aprobado' && decision.decision !== 'devuelto') {
      throw new TypeError(`store: a review decides 'aprobado' or 'devuelto', got ${JSON.stringify(decision.decision)}`);
    }
    const result = await this.write<ReviewReportResult>(async (c, rev) => {
      const record = (await c.query<{ record: ReportRecord }>('SELECT record FROM pei_reports WHERE id = $1', [decision.reportId])).rows[0]?.record;
      if (!record) return { commit: false, value: { status: 'not-found' } };
      const latest = (
        await c.query<{ record: ReportRecord }>('SELECT record FROM pei_reports WHERE indicator_id = $1 AND period = $2 ORDER BY version DESC LIMIT 1', [
          record.indicatorId,
          record.period,
        ])
      ).rows[0].record;
      if (latest.id !== record.id) return { commit: false, value: { status: 'superseded', record, latest } };
      if (record.review !== 'pendiente') return { commit: false, value: { status: 'not-pending', record } };
      const after: { id: string; review: ReviewState; reviewedBy: Person; reviewedAt: string; reviewNote?: string } = {
        id: record.id,
        review: decision.decision,
        reviewedBy: copyPerson(actor),
        reviewedAt: at,
      };
      if (decision.note !== undefined && decision.note !== '') after.reviewNote = decision.note;
      const next: ReportRecord = { ...record, review: after.review, reviewedBy: after.reviewedBy, reviewedAt: at };
      if (after.reviewNote !== undefined) next.reviewNote = after.reviewNote;
      else delete next.reviewNote;
      await c.query('UPDATE pei_reports SET review = $2, record = $3, changed = $4 WHERE id = $1', [record.id, next.review, json(next), rev]);
      await this.insertAudit(c, {
        at,
        actor,
        action: decision.decision === 'aprobado' ? AUDIT_ACTIONS.reportApprove : AUDIT_ACTIONS.reportReturn,
        target: `report:${record.indicatorId}:${record.period}`,
        before: { id: record.id, review: 'pendiente' },
        after,
      });
      return { commit: true, value: { status: 'reviewed', record: next, previous: record } };
    });
    if (result.status === 'reviewed') return { ...result, record: this.cached(result.record) };
    return result;
  }

  async setOwners(indicatorId: string, owners: Person[], actor: Person, at: string): Promise<void> {
    const after: Person[] = [];
    for (const p of owners) if (!after.some((a) => a.id === p.id)) after.push(copyPerson(p));
    await this.write(async (c) => {
      const before = (await c.query<{ people: Person[] }>('SELECT people FROM pei_owners WHERE indicator_id = $1', [indicatorId])).rows[0]?.people ?? [];
      if (JSON.stringify(before) === JSON.stringify(after)) return { commit: false, value: undefined };
      if (after.length) {
        await c.query('INSERT INTO pei_owners (indicator_id, people) VALUES ($1, $2) ON CONFLICT (indicator_id) DO UPDATE SET people = EXCLUDED.people', [indicatorId, json(after)]);
      } else {
        await c.query('DELETE FROM pei_owners WHERE indicator_id = $1', [indicatorId]);
      }
      await this.insertAudit(c, { at, actor, action: AUDIT_ACTIONS.ownersSet, target: `owner:${indicatorId}`, before, after });
      return { commit: true, small: true, value: undefined };
    });
  }

  async addAdmin(person: Person, actor: Person, at: string): Promise<void> {
    const after = copyPerson(person);
    await this.write(async (c) => {
      const before = (await c.query<{ person: Person }>('SELECT person FROM pei_admins WHERE id = $1', [person.id])).rows[0]?.person ?? null;
      if (before && JSON.stringify(before) === JSON.stringify(after)) return { commit: false, value: undefined };
      await c.query('INSERT INTO pei_admins (id, person) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET person = EXCLUDED.person', [person.id, json(after)]);
      await this.insertAudit(c, { at, actor, action: AUDIT_ACTIONS.adminAdd, target: `admin:${person.id}`, before, after });
      return { commit: true, small: true, value: undefined };
    });
  }

  async removeAdmin(personId: string, actor: Person, at: string): Promise<void> {
    await this.write(async (c) => {
      const before = (await c.query<{ person: Person }>('DELETE FROM pei_admins WHERE id = $1 RETURNING person', [personId])).rows[0]?.person;
      if (!before) return { commit: false, value: undefined };
      await this.insertAudit(c, { at, actor, action: AUDIT_ACTIONS.adminRemove, target: `admin:${personId}`, before, after: null });
      return { commit: true, small: true, value: undefined };
    });
  }

  async subscribe(sub: Subscription, actor: Person): Promise<boolean> {
    const after: Subscription = { ...sub, createdBy: copyPerson(sub.createdBy) };
    return this.write(async (c) => {
      const r = await c.query('INSERT INTO pei_subscriptions (conversation_key, kind, record) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [sub.conversationKey, sub.kind, json(after)]);
      if (!r.rowCount) return { commit: false, value: false };
      await this.insertAudit(c, { at: sub.createdAt, actor, action: AUDIT_ACTIONS.subscriptionAdd, target: `subscription:${sub.conversationKey}`, before: null, after });
      return { commit: true, small: true, value: true };
    });
  }

  async unsubscribe(conversationKey: string, actor: Person, at: string): Promise<boolean> {
    return this.write(async (c) => {
      const removed = (await c.query<{ record: Subscription }>('DELETE FROM pei_subscriptions WHERE conversation_key = $1 RETURNING record, ord', [conversationKey])).rows.map(
        (r) => r.record,
      );
      if (!removed.length) return { commit: false, value: false };
      const before = removed.length === 1 ? removed[0] : removed;
      await this.insertAudit(c, { at, actor, action: AUDIT_ACTIONS.subscriptionRemove, target: `subscription:${conversationKey}`, before, after: null });
      return { commit: true, small: true, value: true };
    });
  }

  async saveConversation(record: ConversationRecord): Promise<void> {
    const copy = clone(record);
    await this.write(async (c) => {
      const before = (await c.query<{ record: ConversationRecord }>('SELECT record FROM pei_conversations WHERE key = $1', [record.key])).rows[0]?.record;
      if (before && JSON.stringify(before) === JSON.stringify(copy)) return { commit: false, value: undefined };
      await c.query('INSERT INTO pei_conversations (key, record) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET record = EXCLUDED.record', [record.key, json(copy)]);
      return { commit: true, small: true, value: undefined };
    });
  }

  async removeConversation(key: string): Promise<void> {
    await this.write(async (c) => {
      const r = await c.query('DELETE FROM pei_conversations WHERE key = $1', [key]);
      return { commit: !!r.rowCount, small: true, value: undefined };
    });
  }

  async markConversationInactive(key: string, reason: string, at: string): Promise<void> {
    await this.write(async (c) => {
      const cur = (await c.query<{ record: ConversationRecord }>('SELECT record FROM pei_conversations WHERE key = $1', [key])).rows[0]?.record;
      if (!cur) return { commit: false, value: undefined };
      const next = { ...cur, active: false, inactiveReason: reason, updatedAt: at };
      await c.query('UPDATE pei_conversations SET record = $2 WHERE key = $1', [key, json(next)]);
      return { commit: true, small: true, value: undefined };
    });
  }

  async markSent(record: SentRecord): Promise<void> {
    const copy = clone(record);
    await this.write(async (c) => {
      await c.query('INSERT INTO pei_sent (key, record) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET record = EXCLUDED.record', [record.key, json(copy)]);
      return { commit: true, small: true, value: undefined };
    });
  }

  async exclusive<T>(name: string, fn: () => Promise<T>): Promise<ExclusiveResult<T>> {
    this.checkWritable();
    const c = await this.pool.connect();
    let broken = false;
    // The lock's connection may die while fn runs (server restart, network): the lock is then gone; never crash.
    const onError = (e: Error) => {
      broken = true;
      this.opts.onWarning?.(storeWords.pgLockLost(name, e.message));
    };
    c.on('error', onError);
    try {
      const got = (await c.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtext('pei:' || $1)) AS ok", [name])).rows[0].ok;
      if (!got) return { ran: false };
      try {
        await this.refresh(); // what the previous holder wrote (e.g. what it sent) is seen before deciding
        return { ran: true, value: await fn() };
      } finally {
        await c.query("SELECT pg_advisory_unlock(hashtext('pei:' || $1))", [name]).catch(() => {
          broken = true;
        });
      }
    } finally {
      c.off('error', onError);
      c.release(broken);
    }
  }

  // ---- reads (the cache)

  reports(): readonly ReportRecord[] {
    return this.reportList;
  }
  owners(indicatorId: string): readonly Person[] {
    return this.owners_[indicatorId] ?? NO_PEOPLE;
  }
  allOwners(): Readonly<Record<string, readonly Person[]>> {
    return this.owners_;
  }
  admins(): readonly Person[] {
    return this.admins_;
  }
  subscriptions(): readonly Subscription[] {
    return this.subscriptions_;
  }
  conversations(): readonly ConversationRecord[] {
    return this.conversations_;
  }
  wasSent(key: string): boolean {
    return this.sentKeys.has(key);
  }
  sent(): readonly SentRecord[] {
    return this.sent_;
  }

  audit(filter?: { target?: string; limit?: number }): readonly AuditEntry[] {
    return filterAudit(this.auditList, this.auditByTarget, filter);
  }

  async flush(): Promise<void> {
    await Promise.allSettled([...this.writes]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    await this.pulling?.catch(() => {});
    await this.listener?.end().catch(() => {});
    await this.pool.end();
  }
}

function toAudit(r: Record<string, unknown>): AuditEntry {
  return {
    seq: Number(r.seq),
    at: r.at as string,
    actor: r.actor as Person,
    action: r.action as string,
    target: r.target as string,
    before: r.before,
    after: r.after,
  };
}

export function openPgStore(url: string, opts: PgStoreOptions = {}): Promise<PgStore> {
  return PgStore.open(url, opts);
}
