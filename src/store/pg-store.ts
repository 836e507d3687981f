/**
 * The PostgreSQL Store (PEI_DATABASE_URL): the database is the store, shared by any number of bot processes. Reads
 * are queries by key or range (indexes in migrations/): nothing is loaded whole. Each write is one transaction and
 * the schema holds the rules (one version number per indicator and month, unique idempotency and send keys, an
 * append-only audit table).
 *
 * Every write transaction starts with `UPDATE pei_meta SET rev = rev + 1`: that row lock orders the writers of all
 * processes, so version numbers and audit seqs are assigned without races and a reader that sees rev N sees every
 * change up to N (`revision()`). Each write then sends NOTIFY pei_change with its rev (pg-feed.ts: `onChange`).
 * `exclusive` holds a session advisory lock, gone with its connection if the process dies; `claimSend` (INSERT … ON
 * CONFLICT DO NOTHING) makes each send key deliverable by one caller in all.
 */
import { Pool, type PoolClient } from 'pg';
import * as rules from './rules';
import { healthReason, redactUrl, StoreError } from './errors';
import { CHANNEL, ChangeFeed } from './pg-feed';
import * as sql from './pg-sql';
import type { StoreFact } from '../domain/store-facts';
import type { PlanVersionInput, PlanVersionRecord } from '../domain/plan-versions';
import type * as R from '../domain/records';
import type * as T from './types';

export { redactUrl } from './errors';

export interface PgStoreOptions {
  onWarning?: (warning: StoreFact) => void;
  /** Connections in this process's pool (default 10). */
  poolSize?: number;
  /** LISTEN from the start (default true); false: once `onChange` is first called. */
  listen?: boolean;
  /** PEI_DB_TIMEOUT_MS (default 3000): for connecting, each lock wait and statement, and each write (`write`). */
  timeoutMs?: number;
}

/** Everything a store holds, as its reads give it: what migrate-store copies into PostgreSQL (`PgStore.copyIn`). */
export type StoreSnapshot = {
  [T in keyof typeof sql.ROWS]: T extends 'owners' ? Readonly<Record<string, readonly R.Person[]>> : readonly object[];
};

/** What a write's body decided: its result, its audit entries, and whether it commits (default: when it has one). */
type Decided<T> = { value: T; audit?: (rules.Change | null)[]; commit?: boolean };

const LATEST_OF_MONTH =
  'SELECT record FROM pei_reports WHERE indicator_id = $1 AND period = $2 ORDER BY version DESC LIMIT 1';

/** The WHERE conditions of a report query. */
function reportConditions(query: T.ReportQuery | undefined): sql.Condition[] {
  const { from, to } = rules.periodRange(query);
  return [
    ['indicator_id = ?', query?.indicatorId],
    ['period >= ?', from],
    ['period <= ?', to],
    ["COALESCE(review, 'aprobado') = ?", query?.review],
  ];
}

export class PgStore implements T.Store {
  private closed = false;
  private readonly feed: ChangeFeed;
  /** This process's writes run one after the other, in call order. */
  private writeTail: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly pool: Pool,
    private readonly url: string,
    private readonly timeoutMs: number,
    private readonly warn: (fact: StoreFact) => void,
  ) {
    this.feed = new ChangeFeed(sql.connectionConfig(url, timeoutMs), warn, () => this.revision());
  }

  static async open(url: string, opts: PgStoreOptions = {}): Promise<PgStore> {
    const { timeoutMs = 3000 } = opts;
    const warn = (fact: StoreFact) => opts.onWarning?.(fact);
    await sql.migrate(url, (m) => warn({ kind: 'pg-migrate', why: m }));
    const pool = new Pool({ ...sql.connectionConfig(url, timeoutMs), max: opts.poolSize ?? 10 });
    // An idle connection lost (a restart, pg_terminate_backend): the pool drops it and says so here; never a crash.
    pool.on('error', (e) => warn({ kind: 'pg-pool-lost', why: e.message }));
    // A connection lost while checked out fails its query, and the caller hears it: this only keeps the process alive.
    pool.on('connect', (c) => c.on('error', () => undefined));
    const store = new PgStore(pool, url, timeoutMs, warn);
    try {
      await pool.query('SELECT rev FROM pei_meta'); // the database answers (and the schema is there) before we say open
      if (opts.listen !== false) await store.feed.listen();
    } catch (e) {
      await pool.end().catch(() => {});
      throw e;
    }
    return store;
  }

  /**
   * The rows of a query, each the array of its values (a jsonb value comes parsed), on the pool or a write's
   * connection; a database failure as a StoreError. On the pool, a query failing on a connection the server ended while
   * idle is tried once more, unless `again` is false.
   */
  private async rows(
    text: string,
    values: unknown[] = [],
    db: Pool | PoolClient = this.pool,
    again = db === this.pool,
  ): Promise<any[][]> {
    try {
      return (await db.query({ text, values, rowMode: 'array' })).rows;
    } catch (e) {
      if (!again || sql.unavailableCause(e) !== 'unreachable') throw sql.pgStoreError(e);
      return this.rows(text, values, db, false);
    }
  }

  /** The first value of each row. */
  private async column<T>(text: string, values: unknown[] = [], db?: PoolClient): Promise<T[]> {
    return (await this.rows(text, values, db)).map((row) => row[0]);
  }

  private async one<T>(text: string, values: unknown[] = [], db?: PoolClient): Promise<T | undefined> {
    return (await this.column<T>(text, values, db))[0];
  }

  /** The records of `table` that meet the conditions (and `and`), in write order. */
  private records<T>(table: string, conditions: sql.Condition[], and = ''): Promise<T[]> {
    const args: unknown[] = [];
    return this.column(`SELECT record FROM ${table}${sql.where(conditions, args)}${and} ORDER BY ord`, args);
  }

  /** A transaction taking a write's locks, then rolled back (not queued): it fails where a write would. */
  async health(): Promise<T.StoreHealth> {
    const locks = 'LOCK TABLE pei_reports, pei_audit, pei_subscriptions IN ROW EXCLUSIVE MODE';
    try {
      this.checkWritable();
      await this.transaction(async (c) => ({ value: await c.query(locks), commit: false }));
      return { ok: true };
    } catch (e) {
      return { ok: false, reason: e instanceof StoreError ? healthReason(e) : 'unreachable' };
    }
  }

  async revision(): Promise<number> {
    return Number(await this.one('SELECT rev FROM pei_meta'));
  }

  onChange(listener: (revision: number) => void): () => void {
    return this.feed.on(listener);
  }

  // ---- writes

  private checkWritable(): void {
    if (this.closed) throw new StoreError('closed', { kind: 'closed', file: redactUrl(this.url) });
  }

  /**
   * One write, in this process's write order, within its budget: the caller's deadline when it gives one (a submit:
   * its turn's), else the timeout from its call. A write queued behind slow ones, or slowed by a lock, is rolled back
   * once the budget is spent rather than committed after its caller was told it failed.
   */
  private write<T>(body: (c: PoolClient) => Promise<Decided<T>>, commitBy?: number): Promise<T> {
    this.checkWritable();
    const deadline = commitBy ?? Date.now() + this.timeoutMs;
    const run = () => this.transaction(body, deadline);
    const p = this.writeTail.then(run, run);
    this.writeTail = p.catch(() => undefined);
    return p;
  }

  /** One write transaction: the write order (pei_meta's rev), `body`, its audit entries, NOTIFY. */
  private async transaction<T>(body: (c: PoolClient) => Promise<Decided<T>>, deadline = Date.now() + this.timeoutMs) {
    if (Date.now() >= deadline) throw sql.timedOut(this.timeoutMs);
    const c = await this.begin(deadline);
    let broken = false;
    try {
      const [{ rev }] = (await c.query('UPDATE pei_meta SET rev = rev + 1 RETURNING rev')).rows;
      const { value, audit = [], commit = audit.some(Boolean) } = await body(c);
      if (!commit) {
        await c.query('ROLLBACK');
        return value;
      }
      await sql.insertRows(c, 'audit', audit.filter(Boolean));
      await c.query('SELECT pg_notify($1, $2)', [CHANNEL, rev]);
      if (Date.now() >= deadline) throw sql.timedOut(this.timeoutMs);
      await c.query('COMMIT');
      rules.notifyAll(this.feed.listeners, Number(rev));
      return value;
    } catch (e) {
      broken = true; // the connection is closed, not reused: the server rolls back whatever it still holds
      await c.query('ROLLBACK').catch(() => {});
      throw sql.pgStoreError(e);
    } finally {
      c.release(broken);
    }
  }

  /**
   * A transaction begun, its statements and lock waits cut off at `deadline`. A pooled connection the server ended
   * while idle fails at BEGIN, before anything was sent: then once more on a fresh one.
   */
  private async begin(deadline: number, again = true): Promise<PoolClient> {
    const c = await this.pool.connect().catch((e) => Promise.reject(sql.pgStoreError(e)));
    try {
      const left = Math.max(1, Math.min(this.timeoutMs, deadline - Date.now()));
      await c.query(`BEGIN; SET LOCAL statement_timeout = ${left}; SET LOCAL lock_timeout = ${left}`);
      return c;
    } catch (e) {
      c.release(true);
      if (again && sql.unavailableCause(e) === 'unreachable' && Date.now() < deadline)
        return this.begin(deadline, false);
      throw sql.pgStoreError(e);
    }
  }

  async appendReport(input: R.ReportInput, author: R.Person, meta: T.ReportMeta) {
    const { commitBy, ...item } = meta;
    return (await this.appendReports([{ input, author, ...item }], meta.at, author, commitBy))[0];
  }

  async appendReports(batch: rules.ReportSubmission[], at: string, actor: R.Person, commitBy?: number) {
    for (const item of batch) rules.checkInput(item.input);
    return this.write(async (c) => {
      const { results, changes } = await rules.planReports(batch, at, actor, {
        bySubmission: (id) => this.reportBySubmission(id, c),
        latest: (month) => this.one(LATEST_OF_MONTH, [month.indicatorId, month.period], c),
      });
      const reports = changes.map((e) => e.after);
      await sql.insertRows(c, 'reports', reports);
      return { value: results, audit: changes };
    }, commitBy);
  }

  async reviewReport(decision: R.ReviewDecision, actor: R.Person, at: string) {
    rules.checkDecision(decision);
    return this.write<T.ReviewReportResult>(async (c) => {
      const text = 'SELECT record FROM pei_reports WHERE id = $1 FOR UPDATE';
      const record = await this.one<R.ReportRecord>(text, [decision.reportId], c);
      const latest =
        record && (await this.one<R.ReportRecord>(LATEST_OF_MONTH, [record.indicatorId, record.period], c));
      const refused = rules.reviewRefusal(record, latest);
      if (refused || !record) return { value: refused! };
      const e = rules.reviewChange(record, decision, actor, at);
      const next = rules.withReview(record, e.after as rules.ReviewAfter);
      const update =
        'UPDATE pei_reports SET review = $2, record = $3, changed = (SELECT rev FROM pei_meta) WHERE id = $1';
      await c.query(update, [record.id, next.review, sql.json(next)]);
      return { value: { status: 'reviewed', record: next, previous: record }, audit: [e] };
    });
  }

  async appendPlanVersion(input: PlanVersionInput, actor: R.Person, at: string) {
    rules.checkPlanVersionInput(input);
    const text = 'SELECT record FROM pei_plan_versions WHERE plan_id = $1 ORDER BY version DESC LIMIT 1';
    return this.write<T.AppendPlanVersionResult>(async (c) => {
      const latest = await this.one<PlanVersionRecord>(text, [input.planId], c);
      const decided = rules.planVersionChange(input, latest, actor, at);
      if (decided.status !== 'stored') return { value: decided };
      await sql.insertRows(c, 'planVersions', [decided.record]);
      return { value: { status: 'stored', record: decided.record }, audit: [decided.change] };
    });
  }

  async setOwners(indicatorId: string, owners: R.Person[], actor: R.Person, at: string): Promise<void> {
    await this.write(async (c) => {
      const text = 'SELECT people FROM pei_owners WHERE indicator_id = $1';
      const before = (await this.one<R.Person[]>(text, [indicatorId], c)) ?? [];
      const e = rules.ownersChange(indicatorId, owners, before, actor, at);
      if (e) await c.query('DELETE FROM pei_owners WHERE indicator_id = $1', [indicatorId]);
      if (e && (e.after as R.Person[]).length) await sql.insertRows(c, 'owners', [[indicatorId, e.after]]);
      return { value: undefined, audit: [e] };
    });
  }

  async addAdmin(person: R.Person, actor: R.Person, at: string): Promise<void> {
    await this.write(async (c) => {
      const before = await this.one<R.Person>('SELECT person FROM pei_admins WHERE id = $1', [person.id], c);
      const e = rules.adminAddChange(person, before ?? null, actor, at);
      const upsert = 'INSERT INTO pei_admins (id, person) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET person = $2';
      if (e) await c.query(upsert, [person.id, sql.json(e.after)]);
      return { value: undefined, audit: [e] };
    });
  }

  async removeAdmin(personId: string, actor: R.Person, at: string): Promise<void> {
    await this.write(async (c) => {
      const text = 'DELETE FROM pei_admins WHERE id = $1 RETURNING person';
      const before = await this.one<R.Person>(text, [personId], c);
      return { value: undefined, audit: [rules.adminRemoveChange(personId, before, actor, at)] };
    });
  }

  async subscribe(sub: R.Subscription, actor: R.Person): Promise<boolean> {
    const e = rules.subscribeChange(sub, actor);
    const insert = `INSERT INTO pei_subscriptions (conversation_key, kind, record) VALUES ($1, $2, $3)
      ON CONFLICT DO NOTHING RETURNING kind`;
    return this.write(async (c) => {
      const added = (await this.column(insert, [sub.conversationKey, sub.kind, sql.json(e.after)], c)).length > 0;
      return { value: added, audit: added ? [e] : [] };
    });
  }

  async unsubscribe(conversationKey: string, kind: R.SubscriptionKind, actor: R.Person, at: string): Promise<boolean> {
    const text = 'DELETE FROM pei_subscriptions WHERE conversation_key = $1 AND kind = $2 RETURNING record';
    return this.write(async (c) => {
      const removed = await this.column<R.Subscription>(text, [conversationKey, kind], c);
      const e = rules.unsubscribeChange(conversationKey, removed, actor, at);
      return { value: e !== null, audit: [e] };
    });
  }

  /** An unaudited write, committed when it changed a row. */
  private async change(text: string, args: unknown[]): Promise<void> {
    await this.write(async (c) => ({ value: undefined, commit: !!(await c.query(text, args)).rowCount }));
  }

  async saveConversation(record: R.ConversationRecord): Promise<void> {
    const upsert = `INSERT INTO pei_conversations (key, record) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE
      SET record = EXCLUDED.record WHERE pei_conversations.record IS DISTINCT FROM EXCLUDED.record`;
    await this.change(upsert, [record.key, sql.json(record)]);
  }

  async removeConversation(key: string): Promise<void> {
    await this.change('DELETE FROM pei_conversations WHERE key = $1', [key]);
  }

  async markConversationInactive(key: string, reason: string, at: string): Promise<void> {
    const patch = { active: false, inactiveReason: reason, updatedAt: at };
    const update = 'UPDATE pei_conversations SET record = record || $2::jsonb WHERE key = $1';
    await this.change(update, [key, sql.json(patch)]);
  }

  async markSent(record: R.SentRecord): Promise<void> {
    const upsert = 'INSERT INTO pei_sent (key, record) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET record = $2';
    await this.change(upsert, [record.key, sql.json(record)]);
  }

  /**
   * A send's claim, confirmation and release are one statement each, outside the write order: a fan-out confirms 50
   * a second, and confirmations queued behind other writes left delivered messages unconfirmed (sent twice after a
   * kill). None is tried twice: one whose answer was lost may have been applied.
   */
  async claimSend(record: R.SentRecord): Promise<boolean> {
    const insert = 'INSERT INTO pei_sent (key, record) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key';
    return (await this.statement(insert, [record.key, sql.json(record)])).length > 0;
  }

  async confirmSend(record: R.SentRecord): Promise<void> {
    await this.statement('UPDATE pei_sent SET record = $2 WHERE key = $1', [record.key, sql.json(record)]);
  }

  async releaseSend(key: string): Promise<void> {
    await this.statement('DELETE FROM pei_sent WHERE key = $1', [key]);
  }

  private statement(text: string, values: unknown[]) {
    this.checkWritable();
    return this.rows(text, values, this.pool, false);
  }

  /** If the connection holding the lock dies while fn runs, the lock is gone: 'pg-lock-lost', never a crash. */
  async exclusive<T>(name: string, fn: () => Promise<T>): Promise<T.ExclusiveResult<T>> {
    this.checkWritable();
    const c = await this.pool.connect().catch((e) => Promise.reject(sql.pgStoreError(e)));
    let broken = false;
    const lost = (e: Error) => {
      broken = true;
      this.warn({ kind: 'pg-lock-lost', name, why: e.message });
    };
    c.on('error', lost);
    try {
      const got = await this.one("SELECT pg_try_advisory_lock(hashtext('pei:' || $1))", [name], c);
      if (!got) return { ran: false };
      try {
        return { ran: true, value: await fn() };
      } finally {
        await c.query("SELECT pg_advisory_unlock(hashtext('pei:' || $1))", [name]).catch(() => (broken = true));
      }
    } finally {
      c.off('error', lost);
      c.release(broken);
    }
  }

  /**
   * migrate-store's copy: every record of another store as it was stored (review states, audit seqs, write order), in
   * one write, into a database that holds none yet. False, nothing written, otherwise.
   */
  async copyIn(snapshot: StoreSnapshot): Promise<boolean> {
    const tables = Object.keys(sql.ROWS) as (keyof typeof sql.ROWS)[];
    const empty = tables.map((t) => `NOT EXISTS (SELECT FROM ${sql.ROWS[t][0]})`).join(' AND ');
    const copied = await this.write(async (c) => {
      if (!(await this.one(`SELECT ${empty}`, [], c))) return { value: false };
      const rows = { ...snapshot, owners: Object.entries(snapshot.owners) };
      for (const t of tables) await sql.insertRows(c, t, rows[t]);
      await c.query("SELECT setval('pei_audit_seq_seq', GREATEST(max(seq), 1), count(*) > 0) FROM pei_audit");
      return { value: true, commit: true };
    });
    // Planner statistics for the bulk-loaded tables now, not whenever autovacuum gets to them.
    if (copied) await this.rows('ANALYZE pei_reports; ANALYZE pei_audit');
    return copied;
  }

  // ---- reads (queries by key or range)

  reports(query?: T.ReportQuery): Promise<R.ReportRecord[]> {
    return this.records('pei_reports', reportConditions(query));
  }

  async latestReports(query?: T.ReportQuery): Promise<readonly R.ReportRecord[]> {
    if (query?.review !== undefined) {
      // The versions in that state that no higher version of their month follows: with the partial index on
      // 'pendiente' this reads only what waits for review.
      const later =
        'SELECT FROM pei_reports q WHERE q.indicator_id = p.indicator_id AND q.period = p.period AND q.version > p.version';
      return this.records('pei_reports p', reportConditions(query), ` AND NOT EXISTS (${later})`);
    }
    // Each month's highest version found on the narrow columns, then its record by the unique index: sorting the
    // records themselves (DISTINCT ON) spilled 100,000 of them to disk, about a second a call.
    const args: unknown[] = [];
    const months = `SELECT indicator_id, period, max(version) AS version FROM pei_reports${sql.where(reportConditions(query), args)} GROUP BY indicator_id, period`;
    return this.column(
      `SELECT record FROM pei_reports JOIN (${months}) m USING (indicator_id, period, version) ORDER BY ord`,
      args,
    );
  }

  async reportChanges(since: number): Promise<{ revision: number; reports: readonly R.ReportRecord[] }> {
    const text =
      'SELECT m.rev, r.record FROM pei_meta m LEFT JOIN pei_reports r ON r.changed > $1 ORDER BY r.changed, r.ord';
    const rows = await this.rows(text, [since]); // one snapshot
    return { revision: Number(rows[0][0]), reports: rows.flatMap(([, record]) => (record ? [record] : [])) };
  }

  reportBySubmission(submissionId: string, db?: PoolClient): Promise<R.ReportRecord | undefined> {
    return this.one('SELECT record FROM pei_reports WHERE submission_id = $1', [submissionId], db);
  }

  report(id: string): Promise<R.ReportRecord | undefined> {
    return this.one('SELECT record FROM pei_reports WHERE id = $1', [id]);
  }

  async owners(indicatorId: string): Promise<readonly R.Person[]> {
    return (await this.one<R.Person[]>('SELECT people FROM pei_owners WHERE indicator_id = $1', [indicatorId])) ?? [];
  }

  async allOwners(): Promise<Readonly<Record<string, readonly R.Person[]>>> {
    const text = 'SELECT json_build_array(indicator_id, people) FROM pei_owners ORDER BY ord';
    return Object.fromEntries(await this.column<[string, R.Person[]]>(text));
  }

  admins(): Promise<R.Person[]> {
    return this.column('SELECT person FROM pei_admins ORDER BY ord');
  }

  subscriptions(filter?: T.SubscriptionFilter): Promise<R.Subscription[]> {
    return this.records('pei_subscriptions', [
      ['kind = ?', filter?.kind],
      ['conversation_key = ?', filter?.conversationKey],
    ]);
  }

  conversation(key: string): Promise<R.ConversationRecord | undefined> {
    return this.one('SELECT record FROM pei_conversations WHERE key = $1', [key]);
  }

  conversations(filter?: T.ConversationFilter): Promise<R.ConversationRecord[]> {
    return this.records('pei_conversations', [
      ["record->>'scope' = ?", filter?.scope],
      ["record->>'active' = ?", filter?.active === undefined ? undefined : String(filter.active)],
      ["record->>'userId' = ?", filter?.userId],
    ]);
  }

  async wasSent(key: string): Promise<boolean> {
    return (await this.column('SELECT 1 FROM pei_sent WHERE key = $1', [key])).length > 0;
  }

  sent(filter?: { prefix?: string }): Promise<R.SentRecord[]> {
    const prefix = filter?.prefix === undefined ? undefined : sql.likePrefix(filter.prefix);
    return this.records('pei_sent', [["key LIKE ? ESCAPE '\\'", prefix]]);
  }

  async audit(filter?: { target?: string; limit?: number }): Promise<readonly R.AuditEntry[]> {
    const args: unknown[] = [];
    const target = filter?.target;
    const condition: sql.Condition = target?.endsWith(':')
      ? ["target LIKE ? ESCAPE '\\'", sql.likePrefix(target)]
      : ['target = ?', target];
    let entries = `SELECT seq, at, actor, action, target, before, after FROM pei_audit${sql.where([condition], args)}`;
    const limit = filter?.limit;
    if (limit !== undefined && limit >= 0) entries += ` ORDER BY seq DESC LIMIT $${args.push(Math.floor(limit))}`;
    return this.column(`SELECT to_json(t) FROM (${entries}) t ORDER BY seq`, args);
  }

  async auditCount(): Promise<number> {
    return Number(await this.one('SELECT count(*) FROM pei_audit'));
  }

  planVersions(planId?: string): Promise<PlanVersionRecord[]> {
    return this.records('pei_plan_versions', [['plan_id = ?', planId]]);
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

export const openPgStore = (url: string, opts: PgStoreOptions = {}): Promise<PgStore> => PgStore.open(url, opts);
