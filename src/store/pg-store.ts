/**
 * The PostgreSQL Store (PEI_DATABASE_URL): the database is the store, shared by any number of bot processes. Every
 * read is a query by key or range (indexes in migrations/); nothing is loaded whole, so opening a store of 100,000
 * reports costs the same as opening an empty one. Each write is one transaction; the rules hold in the schema: one
 * version number per (indicator, month), unique idempotency keys and send keys, an append-only audit table.
 *
 * Ordering: every write transaction starts with `UPDATE pei_meta SET rev = rev + 1`. That row lock serialises the
 * writers of all processes (a write is a few statements, well under a millisecond of lock time on a local server),
 * so version numbers and audit seqs are assigned without races, commits happen in rev order, and a reader whose
 * snapshot shows rev N sees every change up to N. `rev` is the database's change counter (`revision()`); each report
 * row keeps the rev that last changed it (`changed`).
 *
 * Change signal: each write sends NOTIFY pei_change with its rev; `onChange` listeners hear it (LISTEN on a
 * connection of its own), in every process. Listeners of this process also hear its own writes at once.
 *
 * `exclusive(name, fn)`: a session advisory lock (pg_try_advisory_lock) on a connection held while fn runs: one
 * process at a time runs the proactive sends; the lock goes with the connection if the process dies. `claimSend`
 * (INSERT … ON CONFLICT DO NOTHING) makes each send key deliverable by one caller in all, lock or no lock.
 */
import { Pool, type PoolClient, type QueryResultRow } from 'pg';
import {
  adminAddChange,
  adminRemoveChange,
  checkDecision,
  checkInput,
  notifyAll,
  ownersChange,
  planReports,
  reviewChange,
  reviewRefusal,
  subscribeChange,
  unsubscribeChange,
  withReview,
  type Change,
  type ReviewAfter,
} from './rules';
import { StoreError } from './errors';
import { CHANNEL, ChangeFeed } from './pg-feed';
import { advisoryLock } from './pg-lock';
import type { StoreFact } from '../domain/store-facts';
import type { PlanVersionInput, PlanVersionRecord } from '../domain/plan-versions';
import { checkPlanVersionInput, planVersionsSql, storePlanVersion } from './pg-plans';
import {
  auditSql,
  filterTerms,
  json,
  likePrefix,
  migrate,
  pgStoreError,
  redactUrl,
  reportTerms,
  timedOut,
  unavailableCause,
  where,
} from './pg-sql';

export { MIGRATIONS_DIR, migrate, pgStoreError, redactUrl, unavailableCause } from './pg-sql';
import type {
  AuditEntry,
  ConversationRecord,
  Person,
  ReportInput,
  ReportRecord,
  ReviewDecision,
  SentRecord,
  Subscription,
  SubscriptionKind,
} from '../domain/records';
import type {
  AppendPlanVersionResult,
  AppendReportResult,
  ConversationFilter,
  ExclusiveResult,
  ReportBatchItem,
  ReportMeta,
  ReportQuery,
  ReviewReportResult,
  Store,
  StoreHealth,
  SubscriptionFilter,
} from './types';

export interface PgStoreOptions {
  onWarning?: (warning: StoreFact) => void;
  /** Connections in this process's pool (default 10). */
  poolSize?: number;
  /** Keep the cache current from other processes' NOTIFY (default true; the CLI's one-shot commands say false). */
  listen?: boolean;
  /**
   * PEI_DB_TIMEOUT_MS (default 3000): connecting, waiting for a lock and each statement are cut off after it, and a
   * write not committed this long after its call (or by its caller's `commitBy`) is rolled back, so that a caller
   * told "failed" never sees the write committed later.
   */
  timeoutMs?: number;
}

export class PgStore implements Store {
  private closed = false;
  private readonly feed: ChangeFeed;
  private readonly timeoutMs: number;

  private constructor(
    private readonly pool: Pool,
    private readonly url: string,
    private readonly opts: PgStoreOptions,
  ) {
    this.timeoutMs = opts.timeoutMs ?? 3000;
    this.feed = new ChangeFeed(
      PgStore.connectionConfig(url, this.timeoutMs),
      (fact) => opts.onWarning?.(fact),
      () => this.revision(),
    );
  }

  /** Connection settings of the pool and the LISTEN connection: nothing waits longer than the timeout. */
  static connectionConfig(url: string, timeoutMs: number) {
    return {
      connectionString: url,
      connectionTimeoutMillis: timeoutMs,
      statement_timeout: timeoutMs,
      lock_timeout: timeoutMs,
      // The client gives up on a server that stopped answering (no reset: a stopped machine, a network cut).
      query_timeout: timeoutMs + 1000,
      idle_in_transaction_session_timeout: Math.max(2 * timeoutMs, 5000),
      keepAlive: true,
    };
  }

  static async open(url: string, opts: PgStoreOptions = {}): Promise<PgStore> {
    await migrate(url, (m) => opts.onWarning?.({ kind: 'pg-migrate', why: m }));
    const timeoutMs = opts.timeoutMs ?? 3000;
    const pool = new Pool({ ...PgStore.connectionConfig(url, timeoutMs), max: opts.poolSize ?? 10 });
    // An idle connection lost (a restart, pg_terminate_backend): the pool drops it and says so here; never a crash.
    pool.on('error', (e) => opts.onWarning?.({ kind: 'pg-pool-lost', why: e.message }));
    // A connection lost while checked out (inside a write, or the lock's): its query fails and the caller hears it;
    // this listener only keeps the 'error' event from killing the process.
    pool.on('connect', (c) => c.on('error', () => undefined));
    const store = new PgStore(pool, url, opts);
    try {
      await pool.query('SELECT rev FROM pei_meta'); // the database answers (and the schema is there) before we say open
      if (opts.listen !== false) await store.feed.listen();
    } catch (e) {
      await pool.end().catch(() => {});
      throw e;
    }
    return store;
  }

  /** A query on the pool (or a transaction's connection), a database failure turned into a StoreError. */
  private async q<R extends QueryResultRow = QueryResultRow>(
    sql: string,
    args: unknown[] = [],
    c: Pool | PoolClient = this.pool,
  ) {
    try {
      return await c.query<R>(sql, args);
    } catch (e) {
      // A pooled connection the server ended while idle (a restart, pg_terminate_backend) fails its next query:
      // a read on the pool is tried once more, on a fresh connection.
      if (c === this.pool && unavailableCause(e) === 'unreachable') {
        try {
          return await c.query<R>(sql, args);
        } catch (again) {
          throw pgStoreError(again);
        }
      }
      throw pgStoreError(e);
    }
  }

  /**
   * Whether the store can be read and written now: a transaction that takes the write order's row lock and the
   * report tables' write locks, then rolls back. It fails on a database that is away, read-only, or locked past the
   * timeout (what a write would meet), and changes nothing.
   */
  async health(): Promise<StoreHealth> {
    if (this.closed) return { ok: false, reason: 'closed' };
    let c: PoolClient | undefined;
    try {
      c = await this.pool.connect();
      await c.query(
        'BEGIN; SELECT rev FROM pei_meta FOR UPDATE; LOCK TABLE pei_reports, pei_audit, pei_subscriptions IN ROW EXCLUSIVE MODE',
      );
      await c.query('ROLLBACK');
      c.release();
      return { ok: true };
    } catch (e) {
      c?.release(true);
      return { ok: false, reason: unavailableCause(e) ?? 'unreachable' };
    }
  }

  async revision(): Promise<number> {
    return Number((await this.q<{ rev: string }>('SELECT rev FROM pei_meta')).rows[0].rev);
  }

  onChange(listener: (revision: number) => void): () => void {
    return this.feed.on(listener);
  }

  // ---- writes

  private checkWritable(): void {
    if (this.closed) throw new StoreError('closed', { kind: 'closed', file: redactUrl(this.url) });
  }

  /** Writes of this process run one after the other, in call order (the database's write order serialises them anyway). */
  private writeTail: Promise<unknown> = Promise.resolve();

  /**
   * One write transaction: takes the write order (pei_meta), runs `body`; commits and notifies when it returns
   * `commit: true`, rolls back otherwise (nothing changed). Resolves once committed.
   */
  private write<T>(
    body: (c: PoolClient, rev: number) => Promise<{ commit: boolean; value: T }>,
    commitBy?: number,
  ): Promise<T> {
    this.checkWritable();
    // The write's budget: the caller's deadline when it gives one (a submit: its turn's), else the timeout from its
    // call. A write queued behind slow ones, or slowed by a lock, is rolled back once the budget is spent rather than
    // committed after its caller was told it failed; each statement still waits at most the timeout (begin).
    const deadline = commitBy ?? Date.now() + this.timeoutMs;
    const run = async () => {
      if (Date.now() >= deadline) throw timedOut(this.timeoutMs);
      const c = await this.begin(deadline);
      let broken = false;
      try {
        const rev = Number(
          (await c.query<{ rev: string }>('UPDATE pei_meta SET rev = rev + 1 RETURNING rev')).rows[0].rev,
        );
        const result = await body(c, rev);
        if (!result.commit) {
          await c.query('ROLLBACK');
          return result.value;
        }
        await c.query('SELECT pg_notify($1, $2)', [CHANNEL, String(rev)]);
        if (Date.now() >= deadline) throw timedOut(this.timeoutMs);
        await c.query('COMMIT');
        notifyAll(this.feed.listeners, rev);
        return result.value;
      } catch (e) {
        broken = true; // the connection is closed, not reused: the server rolls back whatever it still holds
        await c.query('ROLLBACK').catch(() => {});
        throw pgStoreError(e);
      } finally {
        c.release(broken);
      }
    };
    const p = this.writeTail.then(run, run);
    this.writeTail = p.catch(() => undefined);
    return p;
  }

  /**
   * A connection with a transaction begun, its statements and lock waits cut off at `deadline`. A pooled connection
   * the server ended while idle fails at BEGIN, before anything was sent: then once more on a fresh one.
   */
  private async begin(deadline: number, again = true): Promise<PoolClient> {
    let c: PoolClient;
    try {
      c = await this.pool.connect();
    } catch (e) {
      throw pgStoreError(e);
    }
    try {
      const left = Math.max(1, Math.min(this.timeoutMs, deadline - Date.now()));
      await c.query(`BEGIN; SET LOCAL statement_timeout = ${left}; SET LOCAL lock_timeout = ${left}`);
      return c;
    } catch (e) {
      c.release(true);
      if (again && unavailableCause(e) === 'unreachable' && Date.now() < deadline) return this.begin(deadline, false);
      throw pgStoreError(e);
    }
  }

  /** A write that changes nothing when `decide` gives null, else runs `apply` and stores the audit entry. */
  private audited(
    decide: (c: PoolClient) => Promise<Change | null>,
    apply?: (c: PoolClient, e: Change) => Promise<unknown>,
  ): Promise<boolean> {
    return this.write(async (c) => {
      const e = await decide(c);
      if (e) {
        await apply?.(c, e);
        await this.insertAudit(c, e);
      }
      return { commit: e !== null, value: e !== null };
    });
  }

  private async insertAudit(c: PoolClient, e: Change): Promise<void> {
    const sql = 'INSERT INTO pei_audit (at, actor, action, target, before, after) VALUES ($1, $2, $3, $4, $5, $6)';
    await c.query(sql, [e.at, json(e.actor), e.action, e.target, json(e.before), json(e.after)]);
  }

  /** The `column` of the first row a query returns (on the pool, or on a transaction's connection). */
  private async one<T>(sql: string, args: unknown[], column = 'record', c: Pool | PoolClient = this.pool) {
    return ((await this.q(sql, args, c)).rows[0] as Record<string, T> | undefined)?.[column];
  }

  private latestOf(c: PoolClient, r: { indicatorId: string; period: string }): Promise<ReportRecord | undefined> {
    const sql = 'SELECT record FROM pei_reports WHERE indicator_id = $1 AND period = $2 ORDER BY version DESC LIMIT 1';
    return this.one(sql, [r.indicatorId, r.period], 'record', c);
  }

  async appendReport(input: ReportInput, author: Person, meta: ReportMeta): Promise<AppendReportResult> {
    const { commitBy, ...item } = meta;
    return (await this.appendReports([{ input, author, ...item }], meta.at, author, commitBy))[0];
  }

  async appendReports(
    batch: ReportBatchItem[],
    at: string,
    actor: Person,
    commitBy?: number,
  ): Promise<AppendReportResult[]> {
    this.checkWritable();
    for (const item of batch) checkInput(item.input);
    return await this.write(async (c, rev) => {
      const { results, changes } = await planReports(batch, at, actor, {
        bySubmission: (sid) => this.one('SELECT record FROM pei_reports WHERE submission_id = $1', [sid], 'record', c),
        latest: (month) => this.latestOf(c, month),
      });
      const sql =
        'INSERT INTO pei_reports (id, indicator_id, period, version, submission_id, review, record, changed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)';
      for (const e of changes) {
        const r = e.after as ReportRecord;
        await c.query(sql, [
          r.id,
          r.indicatorId,
          r.period,
          r.version,
          r.submissionId ?? null,
          r.review ?? null,
          json(r),
          rev,
        ]);
        await this.insertAudit(c, e);
      }
      return { commit: changes.length > 0, value: results };
    }, commitBy);
  }

  async reviewReport(decision: ReviewDecision, actor: Person, at: string): Promise<ReviewReportResult> {
    this.checkWritable();
    checkDecision(decision);
    return await this.write<ReviewReportResult>(async (c, rev) => {
      const sql = 'SELECT record FROM pei_reports WHERE id = $1 FOR UPDATE';
      const record = await this.one<ReportRecord>(sql, [decision.reportId], 'record', c);
      const refused = reviewRefusal(record, record && (await this.latestOf(c, record)));
      if (refused || !record) return { commit: false, value: refused! };
      const e = reviewChange(record, decision, actor, at);
      const next = withReview(record, e.after as ReviewAfter);
      const update = 'UPDATE pei_reports SET review = $2, record = $3, changed = $4 WHERE id = $1';
      await c.query(update, [record.id, next.review, json(next), rev]);
      await this.insertAudit(c, e);
      return { commit: true, value: { status: 'reviewed', record: next, previous: record } };
    });
  }

  async setOwners(indicatorId: string, owners: Person[], actor: Person, at: string): Promise<void> {
    const sql = 'SELECT people FROM pei_owners WHERE indicator_id = $1';
    await this.audited(
      async (c) =>
        ownersChange(indicatorId, owners, (await this.one(sql, [indicatorId], 'people', c)) ?? [], actor, at),
      (c, e) =>
        (e.after as Person[]).length
          ? c.query(
              'INSERT INTO pei_owners (indicator_id, people) VALUES ($1, $2) ON CONFLICT (indicator_id) DO UPDATE SET people = EXCLUDED.people',
              [indicatorId, json(e.after)],
            )
          : c.query('DELETE FROM pei_owners WHERE indicator_id = $1', [indicatorId]),
    );
  }

  async addAdmin(person: Person, actor: Person, at: string): Promise<void> {
    const sql = 'SELECT person FROM pei_admins WHERE id = $1';
    await this.audited(
      async (c) => adminAddChange(person, (await this.one<Person>(sql, [person.id], 'person', c)) ?? null, actor, at),
      (c, e) =>
        c.query(
          'INSERT INTO pei_admins (id, person) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET person = EXCLUDED.person',
          [person.id, json(e.after)],
        ),
    );
  }

  async removeAdmin(personId: string, actor: Person, at: string): Promise<void> {
    const sql = 'DELETE FROM pei_admins WHERE id = $1 RETURNING person';
    await this.audited(async (c) =>
      adminRemoveChange(personId, await this.one<Person>(sql, [personId], 'person', c), actor, at),
    );
  }

  async subscribe(sub: Subscription, actor: Person): Promise<boolean> {
    const e = subscribeChange(sub, actor);
    const sql =
      'INSERT INTO pei_subscriptions (conversation_key, kind, record) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING';
    return this.audited(async (c) =>
      (await c.query(sql, [sub.conversationKey, sub.kind, json(e.after)])).rowCount ? e : null,
    );
  }

  async unsubscribe(conversationKey: string, kind: SubscriptionKind, actor: Person, at: string): Promise<boolean> {
    const sql = 'DELETE FROM pei_subscriptions WHERE conversation_key = $1 AND kind = $2 RETURNING record, ord';
    return this.audited(async (c) => {
      const removed = (await c.query<{ record: Subscription }>(sql, [conversationKey, kind])).rows.map((r) => r.record);
      return unsubscribeChange(conversationKey, removed, actor, at);
    });
  }

  /** An unaudited write: `sql` with `args`; committed when it changed a row (or always, with `always`). */
  private async change(sql: string, args: unknown[], always = false): Promise<boolean> {
    return this.write(async (c) => {
      const changed = !!(await c.query(sql, args)).rowCount;
      return { commit: changed || always, value: changed };
    });
  }

  async saveConversation(record: ConversationRecord): Promise<void> {
    await this.change(
      'INSERT INTO pei_conversations (key, record) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET record = EXCLUDED.record WHERE pei_conversations.record IS DISTINCT FROM EXCLUDED.record',
      [record.key, json(record)],
    );
  }

  async removeConversation(key: string): Promise<void> {
    await this.change('DELETE FROM pei_conversations WHERE key = $1', [key]);
  }

  async markConversationInactive(key: string, reason: string, at: string): Promise<void> {
    const patch = { active: false, inactiveReason: reason, updatedAt: at };
    await this.change('UPDATE pei_conversations SET record = record || $2::jsonb WHERE key = $1', [key, json(patch)]);
  }

  async markSent(record: SentRecord): Promise<void> {
    const sql =
      'INSERT INTO pei_sent (key, record) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET record = EXCLUDED.record';
    await this.change(sql, [record.key, json(record)], true);
  }

  /**
   * A send's claim, its confirmation and its release are one statement each, atomic on its own (INSERT … ON
   * CONFLICT DO NOTHING, an UPDATE, a DELETE), outside the write order and its change feed: a fan-out claims and
   * confirms 50 a second, and confirmations queued behind other writes left delivered messages unconfirmed (sent
   * twice after a kill).
   */
  async claimSend(record: SentRecord): Promise<boolean> {
    const sql = 'INSERT INTO pei_sent (key, record) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING';
    return !!(await this.statement(sql, [record.key, json(record)])).rowCount;
  }

  async confirmSend(record: SentRecord): Promise<void> {
    await this.statement('UPDATE pei_sent SET record = $2 WHERE key = $1', [record.key, json(record)]);
  }

  async releaseSend(key: string): Promise<void> {
    await this.statement('DELETE FROM pei_sent WHERE key = $1', [key]);
  }

  private async statement(sql: string, args: unknown[]) {
    this.checkWritable();
    try {
      return await this.pool.query(sql, args);
    } catch (e) {
      throw pgStoreError(e);
    }
  }

  async exclusive<T>(name: string, fn: () => Promise<T>): Promise<ExclusiveResult<T>> {
    this.checkWritable();
    return advisoryLock(this.pool, name, fn, (why) => this.opts.onWarning?.({ kind: 'pg-lock-lost', name, why }));
  }

  // ---- reads (queries by key or range)

  /** The `column` of each row a query returns (a jsonb record, already parsed by pg). */
  private async rows<T>(sql: string, args: unknown[] = [], column = 'record'): Promise<T[]> {
    return (await this.q(sql, args)).rows.map((r: Record<string, unknown>) => r[column] as T);
  }

  async reports(query?: ReportQuery): Promise<readonly ReportRecord[]> {
    const args: unknown[] = [];
    const terms = reportTerms(query, args);
    if (query?.review !== undefined) terms.push(`COALESCE(review, 'aprobado') = $${args.push(query.review)}`);
    return this.rows(`SELECT record FROM pei_reports${where(terms)} ORDER BY ord`, args);
  }

  async latestReports(query?: ReportQuery): Promise<readonly ReportRecord[]> {
    const args: unknown[] = [];
    const terms = reportTerms(query, args);
    if (query?.review === undefined) {
      // Each month's highest version found on the narrow columns, then its record by the unique index: sorting the
      // records themselves (DISTINCT ON) spilled 100,000 of them to disk, about a second a call.
      return this.rows(
        `SELECT r.record FROM pei_reports r JOIN (SELECT indicator_id, period, max(version) AS version FROM pei_reports${where(terms)}
        GROUP BY indicator_id, period) m USING (indicator_id, period, version) ORDER BY r.ord`,
        args,
      );
    }
    // The versions in that state that no higher version of their month follows: with the partial index on
    // 'pendiente' this reads only what waits for review, however many versions are stored.
    terms.push(`COALESCE(p.review, 'aprobado') = $${args.push(query.review)}`);
    terms.push(
      'NOT EXISTS (SELECT 1 FROM pei_reports q WHERE q.indicator_id = p.indicator_id AND q.period = p.period AND q.version > p.version)',
    );
    return this.rows(`SELECT p.record FROM pei_reports p${where(terms)} ORDER BY p.ord`, args);
  }

  async reportChanges(since: number): Promise<{ revision: number; reports: readonly ReportRecord[] }> {
    const sql =
      'SELECT m.rev, r.record FROM pei_meta m LEFT JOIN pei_reports r ON r.changed > $1 ORDER BY r.changed, r.ord';
    const { rows } = await this.q<{ rev: string; record: ReportRecord | null }>(sql, [since]); // one snapshot
    return { revision: Number(rows[0].rev), reports: rows.flatMap((r) => (r.record ? [r.record] : [])) };
  }

  reportBySubmission(submissionId: string): Promise<ReportRecord | undefined> {
    return this.one('SELECT record FROM pei_reports WHERE submission_id = $1', [submissionId]);
  }

  report(id: string): Promise<ReportRecord | undefined> {
    return this.one('SELECT record FROM pei_reports WHERE id = $1', [id]);
  }

  async owners(indicatorId: string): Promise<readonly Person[]> {
    const sql = 'SELECT people FROM pei_owners WHERE indicator_id = $1';
    return (await this.one<Person[]>(sql, [indicatorId], 'people')) ?? [];
  }

  async allOwners(): Promise<Readonly<Record<string, readonly Person[]>>> {
    const sql = 'SELECT indicator_id, people FROM pei_owners ORDER BY ord';
    const { rows } = await this.q<{ indicator_id: string; people: Person[] }>(sql);
    return Object.fromEntries(rows.map((r) => [r.indicator_id, r.people]));
  }

  async admins(): Promise<readonly Person[]> {
    return this.rows('SELECT person FROM pei_admins ORDER BY ord', [], 'person');
  }

  async subscriptions(filter?: SubscriptionFilter): Promise<readonly Subscription[]> {
    const args: unknown[] = [];
    const terms = filterTerms(filter, { kind: 'kind', conversationKey: 'conversation_key' }, args);
    return this.rows(`SELECT record FROM pei_subscriptions${where(terms)} ORDER BY ord`, args);
  }

  conversation(key: string): Promise<ConversationRecord | undefined> {
    return this.one('SELECT record FROM pei_conversations WHERE key = $1', [key]);
  }

  async conversations(filter?: ConversationFilter): Promise<readonly ConversationRecord[]> {
    const args: unknown[] = [];
    const terms = filterTerms(filter, { scope: "record->>'scope'", active: "record->>'active'" }, args);
    return this.rows(`SELECT record FROM pei_conversations${where(terms)} ORDER BY ord`, args);
  }

  async wasSent(key: string): Promise<boolean> {
    return !!(await this.q('SELECT 1 FROM pei_sent WHERE key = $1', [key])).rowCount;
  }

  async sent(filter?: { prefix?: string }): Promise<readonly SentRecord[]> {
    if (filter?.prefix === undefined) return this.rows('SELECT record FROM pei_sent ORDER BY ord');
    const sql = "SELECT record FROM pei_sent WHERE key LIKE $1 ESCAPE '\\' ORDER BY ord";
    return this.rows(sql, [likePrefix(filter.prefix)]);
  }

  async audit(filter?: { target?: string; limit?: number }): Promise<readonly AuditEntry[]> {
    const args: unknown[] = [];
    return (await this.q<AuditEntry>(auditSql(filter, args), args)).rows.map((r) => ({ ...r, seq: Number(r.seq) }));
  }

  planVersions(planId?: string): Promise<readonly PlanVersionRecord[]> {
    return this.rows(...planVersionsSql(planId));
  }

  async appendPlanVersion(input: PlanVersionInput, actor: Person, at: string): Promise<AppendPlanVersionResult> {
    this.checkWritable();
    checkPlanVersionInput(input);
    return this.write((c) => storePlanVersion(c, input, actor, at, (e) => this.insertAudit(c, e)));
  }

  async auditCount(): Promise<number> {
    return Number((await this.q<{ n: string }>('SELECT count(*) AS n FROM pei_audit')).rows[0].n);
  }

  async flush(): Promise<void> {
    await this.writeTail;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    await this.feed.close();
    await this.pool.end();
  }
}

export function openPgStore(url: string, opts: PgStoreOptions = {}): Promise<PgStore> {
  return PgStore.open(url, opts);
}
