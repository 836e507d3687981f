/**
 * The store's semantics, shared by every implementation (memory.ts, lowdb-store.ts): version numbering per
 * (indicator, period), submissionId idempotency, audit entries with before/after, the revision counter and the
 * O(1) indexes. An implementation only decides how a change becomes durable (`persist`).
 *
 * Visibility: changes to the small state (owners, admins, subscriptions, conversations, sent) are visible at once;
 * report versions and audit entries become visible when their write is durable. Every returned promise resolves
 * only once its change is durable.
 */
import type { AuditEntry, ConversationRecord, Person, ReportInput, ReportRecord, ReportSource, ReviewDecision, ReviewState, SentRecord, Subscription, SubscriptionKind } from '../domain/records';
import type { AppendReportResult, ReviewReportResult, ExclusiveResult, ReportChanges, ReportQuery, Store } from './types';

/** The small mutable state (the lowdb document, minus its header). */
export interface StoreState {
  owners: Record<string, Person[]>;
  admins: Person[];
  subscriptions: Subscription[];
  conversations: ConversationRecord[];
  sent: SentRecord[];
}

/** What one store call must make durable. */
export interface Effects {
  reports: ReportRecord[];
  audit: AuditEntry[];
  /** The small state changed. */
  doc: boolean;
  /** All or nothing (appendReports). */
  atomic?: boolean;
  /** Reviewed copies that replace the stored versions of the same id (reviewReport). */
  reviewed?: ReportRecord[];
}

export const AUDIT_ACTIONS = {
  reportCreate: 'report.create',
  reportCorrect: 'report.correct',
  reportApprove: 'report.approve',
  reportReturn: 'report.return',
  ownersSet: 'owners.set',
  adminAdd: 'admin.add',
  adminRemove: 'admin.remove',
  subscriptionAdd: 'subscription.add',
  subscriptionRemove: 'subscription.remove',
} as const;

export function emptyState(): StoreState {
  return { owners: {}, admins: [], subscriptions: [], conversations: [], sent: [] };
}

export function reportKey(indicatorId: string, period: string): string {
  return `${indicatorId}|${period}`;
}

export function reportId(indicatorId: string, period: string, version: number): string {
  return `${indicatorId}:${period}:v${version}`;
}

/** A person as stored: only the fields the store keeps. */
export function copyPerson(p: Person): Person {
  const copy: Person = { id: p.id, name: p.name };
  if (p.email !== undefined) copy.email = p.email;
  if (p.teamsId !== undefined) copy.teamsId = p.teamsId;
  return copy;
}

function cloneJson<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/**
 * A copy of what the store holds, which is JSON already (every write went through cloneJson): the same result as
 * cloneJson, without printing and reading the text back.
 */
function copyStored<T>(v: T): T {
  if (Array.isArray(v)) return v.map(copyStored) as T;
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = copyStored(x);
  }
  return out as T;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

function checkInput(input: ReportInput): void {
  if (!input || typeof input.indicatorId !== 'string' || input.indicatorId === '') {
    throw new TypeError('store: report without indicatorId');
  }
  if (typeof input.period !== 'string' || !PERIOD.test(input.period)) {
    throw new TypeError(`store: report period must be YYYY-MM, got ${JSON.stringify(input.period)}`);
  }
  if (typeof input.value !== 'number' || !Number.isFinite(input.value)) {
    throw new TypeError(`store: report value must be a finite number, got ${String(input.value)}`);
  }
}

/** The review fields a review audit entry carries in `after` (and the write-ahead log replays on open). */
export interface ReviewAfter {
  id: string;
  review: ReviewState;
  reviewedBy: Person;
  reviewedAt: string;
  reviewNote?: string;
}

export function isReviewAction(action: string): boolean {
  return action === AUDIT_ACTIONS.reportApprove || action === AUDIT_ACTIONS.reportReturn;
}

/** The stored version with a review entry's state applied (a copy; the version itself is never changed). */
export function withReview(record: ReportRecord, after: ReviewAfter): ReportRecord {
  const next: ReportRecord = { ...record, review: after.review, reviewedBy: copyPerson(after.reviewedBy), reviewedAt: after.reviewedAt };
  if (after.reviewNote !== undefined) next.reviewNote = after.reviewNote;
  else delete next.reviewNote;
  return next;
}

/**
 * Applies an audit entry of the small state to a state (used to roll the document forward from the audit log after
 * a crash between the audit append and the document write). Idempotent. Returns false for other entries.
 */
export function applyStateAudit(state: StoreState, e: AuditEntry): boolean {
  const colon = e.target.indexOf(':');
  const id = colon >= 0 ? e.target.slice(colon + 1) : '';
  switch (e.action) {
    case AUDIT_ACTIONS.ownersSet: {
      const after = Array.isArray(e.after) ? (e.after as Person[]).map(copyPerson) : [];
      if (after.length) state.owners[id] = after;
      else delete state.owners[id];
      return true;
    }
    case AUDIT_ACTIONS.adminAdd: {
      const p = e.after as Person;
      const i = state.admins.findIndex((a) => a.id === p.id);
      if (i >= 0) state.admins[i] = copyPerson(p);
      else state.admins.push(copyPerson(p));
      return true;
    }
    case AUDIT_ACTIONS.adminRemove:
      state.admins = state.admins.filter((a) => a.id !== id);
      return true;
    case AUDIT_ACTIONS.subscriptionAdd: {
      const s = e.after as Subscription;
      if (!state.subscriptions.some((x) => x.conversationKey === s.conversationKey && x.kind === s.kind)) {
        state.subscriptions.push(cloneJson(s));
      }
      return true;
    }
    case AUDIT_ACTIONS.subscriptionRemove:
      state.subscriptions = state.subscriptions.filter((x) => x.conversationKey !== id);
      return true;
    default:
      return false;
  }
}

export interface BaseInit {
  state: StoreState;
  /** In write order. */
  reports: ReportRecord[];
  /** In seq order. */
  audit: AuditEntry[];
  /** The last audit seq used (at least the last entry's). */
  seq?: number;
}

const NO_PEOPLE: readonly Person[] = Object.freeze([]);

/**
 * Audit entries in seq order. `target` matches exactly ("report:4263:2025-06"), or as a prefix when it ends with ':'
 * ("report:4263:" = every period of 4263). `limit` keeps the newest entries. Shared by every store's audit().
 */
export function filterAudit(
  all: readonly AuditEntry[],
  byTarget: ReadonlyMap<string, readonly AuditEntry[]>,
  filter?: { target?: string; limit?: number },
): readonly AuditEntry[] {
  let list = all;
  const target = filter?.target;
  if (target !== undefined) list = target.endsWith(':') ? all.filter((e) => e.target.startsWith(target)) : (byTarget.get(target) ?? []);
  const limit = filter?.limit;
  if (limit !== undefined && limit >= 0 && list.length > limit) list = list.slice(list.length - limit);
  return list;
}

/** The months a report query covers, as an inclusive [from, to] range of YYYY-MM (undefined ends are open). */
export function periodRange(q: ReportQuery | undefined): { from?: string; to?: string } {
  let from = q?.from;
  let to = q?.to;
  const narrow = (f: string, t: string) => {
    if (from === undefined || f > from) from = f;
    if (to === undefined || t < to) to = t;
  };
  if (q?.period !== undefined) narrow(q.period, q.period);
  if (q?.year !== undefined) narrow(`${String(q.year).padStart(4, '0')}-01`, `${String(q.year).padStart(4, '0')}-12`);
  return { from, to };
}

/** Whether a record matches a report query (the embedded store's filter; PostgreSQL does it in SQL). */
export function matchesReportQuery(r: ReportRecord, q: ReportQuery | undefined): boolean {
  if (!q) return true;
  if (q.indicatorId !== undefined && r.indicatorId !== q.indicatorId) return false;
  const { from, to } = periodRange(q);
  if (from !== undefined && r.period < from) return false;
  if (to !== undefined && r.period > to) return false;
  if (q.review !== undefined && (r.review ?? 'aprobado') !== q.review) return false;
  return true;
}

/** Calls every change listener; a listener that throws does not stop the others nor the write. */
export function notifyAll(listeners: Iterable<(revision: number) => void>, revision: number): void {
  for (const l of [...listeners]) {
    try {
      l(revision);
    } catch {
      // a cache hint: a failing listener must not break the write that caused it
    }
  }
}

/**
 * One stored version of a report, as every store writes it: the id from (indicator, period, version), the texts
 * defaulted to '', the author copied, and submissionId / review only when given.
 */
export function buildReportRecord(
  input: ReportInput,
  version: number,
  by: { author: Person; source: ReportSource; submissionId?: string; review?: ReviewState },
  at: string,
): ReportRecord {
  const record: ReportRecord = {
    id: reportId(input.indicatorId, input.period, version),
    indicatorId: input.indicatorId,
    period: input.period,
    version,
    value: input.value,
    logros: input.logros ?? '',
    dificultades: input.dificultades ?? '',
    evidencia: input.evidencia ?? '',
    author: copyPerson(by.author),
    reportedAt: at,
    source: by.source,
  };
  if (by.submissionId !== undefined) record.submissionId = by.submissionId;
  if (by.review !== undefined) record.review = by.review;
  return record;
}

export abstract class BaseStore implements Store {
  protected readonly state: StoreState;
  protected seq: number;
  /** Replaced by a copy when a review replaces a version: whoever caches by the list's identity reads it again. */
  private reportList: ReportRecord[];
  /** report id -> its index in reportList (published versions). */
  private readonly position = new Map<string, number>();
  /** report id -> its current record, including writes still in flight. */
  private readonly byId = new Map<string, ReportRecord>();
  private readonly auditList: AuditEntry[];
  private readonly auditByTarget = new Map<string, AuditEntry[]>();
  /** (indicator, period) -> latest version, including versions whose write is still in flight. */
  private readonly latest = new Map<string, ReportRecord>();
  private readonly bySubmission = new Map<string, ReportRecord>();
  /** submissionId -> the write still in flight (a repeat waits for it). */
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly sentByKey = new Map<string, SentRecord>();
  private rev = 0;
  /** Published report versions (and reviewed copies) with the revision that published them: reportChanges' feed. */
  private readonly changeLog: { rev: number; record: ReportRecord }[] = [];
  private readonly listeners = new Set<(revision: number) => void>();
  /** (indicator, period) -> latest published version (what latestReports reads). */
  private readonly publishedLatest = new Map<string, ReportRecord>();
  /** The same records by indicator (a submit's validation reads one indicator's months). */
  private readonly publishedLatestOf = new Map<string, Map<string, ReportRecord>>();

  protected constructor(init: BaseInit) {
    this.state = init.state;
    this.reportList = init.reports;
    this.auditList = init.audit;
    this.seq = init.seq ?? 0;
    this.reportList.forEach((r, i) => {
      this.indexReport(r);
      this.position.set(r.id, i);
      this.keepLatest(r);
    });
    for (const e of this.auditList) {
      this.indexAudit(e);
      if (e.seq > this.seq) this.seq = e.seq;
    }
    for (const s of this.state.sent) this.sentByKey.set(s.key, s);
  }

  /** Makes the effects durable, then calls `publish(effects)`; resolves after that. */
  protected abstract persist(effects: Effects): Promise<void>;
  /** Throws when the store cannot take writes (closed, read-only, failed). */
  protected abstract checkWritable(): void;
  abstract flush(): Promise<void>;

  /**
   * Waits for the writes asked for so far: what a write that changes nothing returns, so that its caller still sees
   * the earlier ones durable. flush() may do more (the embedded store also brings its document up to date).
   */
  protected settle(): Promise<void> {
    return this.flush();
  }
  abstract close(): Promise<void>;

  async revision(): Promise<number> {
    return this.rev;
  }

  onChange(listener: (revision: number) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** One process holds the embedded store: the lock is the process's own. */
  async exclusive<T>(_name: string, fn: () => Promise<T>): Promise<ExclusiveResult<T>> {
    return { ran: true, value: await fn() };
  }

  protected bump(): void {
    this.rev++;
    notifyAll(this.listeners, this.rev);
  }

  /**
   * After a write that failed (and was undone on disk): forgets every change not yet durable, so that memory again
   * holds exactly what is on disk. `state` is the last durable small state, `seq` the last durable audit seq.
   */
  protected rollback(state: StoreState, seq: number): void {
    this.state.owners = state.owners;
    this.state.admins = state.admins;
    this.state.subscriptions = state.subscriptions;
    this.state.conversations = state.conversations;
    this.state.sent = state.sent;
    this.seq = seq;
    this.latest.clear();
    this.bySubmission.clear();
    this.inFlight.clear();
    for (const r of this.reportList) this.indexReport(r);
    this.sentByKey.clear();
    for (const s of this.state.sent) this.sentByKey.set(s.key, s);
    this.bump();
  }

  /** Makes durable report versions and audit entries visible. */
  protected publish(effects: Effects): void {
    const rev = this.rev + 1; // the revision bump() below gives this change
    for (const r of effects.reports) {
      this.position.set(r.id, this.reportList.push(r) - 1);
      this.changeLog.push({ rev, record: r });
      this.keepLatest(r);
    }
    for (const r of effects.reviewed ?? []) {
      this.changeLog.push({ rev, record: r });
      this.keepLatest(r);
    }
    if (effects.reviewed?.length) {
      const list = this.reportList.slice();
      for (const r of effects.reviewed) {
        const i = this.position.get(r.id);
        if (i !== undefined) list[i] = r;
      }
      this.reportList = list;
    }
    for (const e of effects.audit) {
      this.auditList.push(e);
      this.indexAudit(e);
    }
    if (effects.reports.length || effects.reviewed?.length) this.bump();
  }

  private keepLatest(r: ReportRecord): void {
    const key = reportKey(r.indicatorId, r.period);
    const prev = this.publishedLatest.get(key);
    if (!prev || prev.version <= r.version) {
      let of = this.publishedLatestOf.get(r.indicatorId);
      if (!of) this.publishedLatestOf.set(r.indicatorId, (of = new Map()));
      // A new version goes to the end of both maps (they iterate in write order); a reviewed copy keeps its place.
      if (prev && prev.id !== r.id) {
        this.publishedLatest.delete(key);
        of.delete(key);
      }
      this.publishedLatest.set(key, r);
      of.set(key, r);
    }
  }

  private indexReport(r: ReportRecord): void {
    const key = reportKey(r.indicatorId, r.period);
    const prev = this.latest.get(key);
    if (!prev || prev.version < r.version) this.latest.set(key, r);
    this.byId.set(r.id, r);
    if (r.submissionId !== undefined && !this.bySubmission.has(r.submissionId)) this.bySubmission.set(r.submissionId, r);
  }

  private indexAudit(e: AuditEntry): void {
    let list = this.auditByTarget.get(e.target);
    if (!list) this.auditByTarget.set(e.target, (list = []));
    list.push(e);
  }

  private newAudit(at: string, actor: Person, action: string, target: string, before: unknown, after: unknown): AuditEntry {
    return { seq: ++this.seq, at, actor: copyPerson(actor), action, target, before, after };
  }

  private nextReport(
    input: ReportInput,
    author: Person,
    source: ReportSource,
    submissionId: string | undefined,
    at: string,
    actor: Person,
    review: ReviewState | undefined,
  ) {
    const key = reportKey(input.indicatorId, input.period);
    const prev = this.latest.get(key);
    const version = (prev?.version ?? 0) + 1;
    const record = buildReportRecord(input, version, { author, source, submissionId, review }, at);
    this.latest.set(key, record);
    this.byId.set(record.id, record);
    if (submissionId !== undefined) this.bySubmission.set(submissionId, record);
    const entry = this.newAudit(
      at,
      actor,
      prev ? AUDIT_ACTIONS.reportCorrect : AUDIT_ACTIONS.reportCreate,
      `report:${input.indicatorId}:${input.period}`,
      prev ?? null,
      record,
    );
    return { record, entry };
  }

  private track(submissionIds: (string | undefined)[], p: Promise<void>): void {
    const ids = submissionIds.filter((s): s is string => s !== undefined);
    if (!ids.length) return;
    for (const id of ids) this.inFlight.set(id, p);
    const done = () => {
      for (const id of ids) if (this.inFlight.get(id) === p) this.inFlight.delete(id);
    };
    p.then(done, done);
  }

  // ---- reports

  async reports(query?: ReportQuery): Promise<readonly ReportRecord[]> {
    return this.reportsNow(query);
  }

  /** The published versions matching the query, now (the embedded stores' own synchronous read). */
  protected reportsNow(query?: ReportQuery): ReportRecord[] {
    if (!query || Object.values(query).every((v) => v === undefined)) return this.reportList.slice();
    return this.reportList.filter((r) => matchesReportQuery(r, query));
  }

  async latestReports(query?: ReportQuery): Promise<readonly ReportRecord[]> {
    // the review filter applies to the month's latest version (matchesReportQuery on the latest record)
    const out: ReportRecord[] = [];
    const pool = query?.indicatorId !== undefined ? (this.publishedLatestOf.get(query.indicatorId)?.values() ?? []) : this.publishedLatest.values();
    for (const r of pool) if (matchesReportQuery(r, query)) out.push(r);
    // In write order, which is how keepLatest keeps the maps: checked in one pass, sorted only if ever it is not.
    let last = -1;
    for (const r of out) {
      const at = this.position.get(r.id)!;
      if (at < last) return out.sort((a, b) => this.position.get(a.id)! - this.position.get(b.id)!);
      last = at;
    }
    return out;
  }

  async reportBySubmission(submissionId: string): Promise<ReportRecord | undefined> {
    const r = this.bySubmission.get(submissionId);
    if (!r) return undefined;
    await this.inFlight.get(submissionId); // visible once durable
    return this.position.has(r.id) ? this.reportList[this.position.get(r.id)!] : undefined;
  }

  async report(id: string): Promise<ReportRecord | undefined> {
    const i = this.position.get(id);
    return i === undefined ? undefined : this.reportList[i];
  }

  async reportChanges(since: number): Promise<ReportChanges> {
    if (since <= 0) return { revision: this.rev, reports: this.reportList.slice() };
    // The log is in revision order: find the first entry after `since`.
    let lo = 0;
    let hi = this.changeLog.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.changeLog[mid].rev <= since) lo = mid + 1;
      else hi = mid;
    }
    return { revision: this.rev, reports: this.changeLog.slice(lo).map((c) => c.record) };
  }

  async appendReport(
    input: ReportInput,
    author: Person,
    meta: { source: ReportSource; submissionId?: string; at: string; review?: ReviewState },
  ): Promise<AppendReportResult> {
    this.checkWritable();
    checkInput(input);
    if (meta.submissionId !== undefined) {
      const dup = this.bySubmission.get(meta.submissionId);
      if (dup) {
        await this.inFlight.get(meta.submissionId);
        return { record: dup, duplicate: true };
      }
    }
    const { record, entry } = this.nextReport(input, author, meta.source, meta.submissionId, meta.at, author, meta.review);
    const p = this.persist({ reports: [record], audit: [entry], doc: false });
    this.track([meta.submissionId], p);
    await p;
    return { record, duplicate: false };
  }

  async appendReports(
    batch: { input: ReportInput; author: Person; source: ReportSource; submissionId?: string; review?: ReviewState }[],
    at: string,
    actor: Person,
  ): Promise<AppendReportResult[]> {
    this.checkWritable();
    for (const item of batch) checkInput(item.input);
    const results: AppendReportResult[] = [];
    const records: ReportRecord[] = [];
    const entries: AuditEntry[] = [];
    const waits = new Set<Promise<void>>();
    for (const item of batch) {
      const dup = item.submissionId === undefined ? undefined : this.bySubmission.get(item.submissionId);
      if (dup) {
        const w = this.inFlight.get(item.submissionId!);
        if (w) waits.add(w);
        results.push({ record: dup, duplicate: true });
        continue;
      }
      const { record, entry } = this.nextReport(item.input, item.author, item.source, item.submissionId, at, actor, item.review);
      records.push(record);
      entries.push(entry);
      results.push({ record, duplicate: false });
    }
    if (records.length) {
      const p = this.persist({ reports: records, audit: entries, doc: false, atomic: true });
      this.track(records.map((r) => r.submissionId), p);
      waits.add(p);
    }
    await Promise.all(waits);
    return results;
  }

  async reviewReport(decision: ReviewDecision, actor: Person, at: string): Promise<ReviewReportResult> {
    this.checkWritable();
    if (decision.decision !== 'aprobado' && decision.decision !== 'devuelto') {
      throw new TypeError(`store: a review decides 'aprobado' or 'devuelto', got ${JSON.stringify(decision.decision)}`);
    }
    const record = this.byId.get(decision.reportId);
    if (!record) return { status: 'not-found' };
    const key = reportKey(record.indicatorId, record.period);
    const latest = this.latest.get(key)!;
    if (latest.id !== record.id) return { status: 'superseded', record, latest };
    if (record.review !== 'pendiente') return { status: 'not-pending', record };
    const after: ReviewAfter = { id: record.id, review: decision.decision, reviewedBy: copyPerson(actor), reviewedAt: at };
    if (decision.note !== undefined && decision.note !== '') after.reviewNote = decision.note;
    const next = withReview(record, after);
    // Visible to the checks at once (a second review of the same version is refused), to readers once durable.
    this.byId.set(next.id, next);
    this.latest.set(key, next);
    if (next.submissionId !== undefined && this.bySubmission.get(next.submissionId) === record) this.bySubmission.set(next.submissionId, next);
    const entry = this.newAudit(
      at,
      actor,
      decision.decision === 'aprobado' ? AUDIT_ACTIONS.reportApprove : AUDIT_ACTIONS.reportReturn,
      `report:${record.indicatorId}:${record.period}`,
      { id: record.id, review: 'pendiente' },
      after,
    );
    await this.persist({ reports: [], audit: [entry], doc: false, reviewed: [next] });
    return { status: 'reviewed', record: next, previous: record };
  }

  // ---- owners

  async owners(indicatorId: string): Promise<readonly Person[]> {
    return this.state.owners[indicatorId]?.slice() ?? NO_PEOPLE;
  }

  async allOwners(): Promise<Readonly<Record<string, readonly Person[]>>> {
    return { ...this.state.owners };
  }

  async setOwners(indicatorId: string, owners: Person[], actor: Person, at: string): Promise<void> {
    this.checkWritable();
    const before = this.state.owners[indicatorId] ?? [];
    const after: Person[] = [];
    for (const p of owners) if (!after.some((a) => a.id === p.id)) after.push(copyPerson(p));
    if (sameJson(before, after)) return this.settle();
    if (after.length) this.state.owners[indicatorId] = after;
    else delete this.state.owners[indicatorId];
    this.bump();
    const entry = this.newAudit(at, actor, AUDIT_ACTIONS.ownersSet, `owner:${indicatorId}`, before, after);
    return this.persist({ reports: [], audit: [entry], doc: true });
  }

  // ---- admins

  async admins(): Promise<readonly Person[]> {
    return this.state.admins.slice();
  }

  async addAdmin(person: Person, actor: Person, at: string): Promise<void> {
    this.checkWritable();
    const after = copyPerson(person);
    const i = this.state.admins.findIndex((a) => a.id === person.id);
    const before = i >= 0 ? this.state.admins[i] : null;
    if (before && sameJson(before, after)) return this.settle();
    if (i >= 0) this.state.admins[i] = after;
    else this.state.admins.push(after);
    this.bump();
    const entry = this.newAudit(at, actor, AUDIT_ACTIONS.adminAdd, `admin:${person.id}`, before, after);
    return this.persist({ reports: [], audit: [entry], doc: true });
  }

  async removeAdmin(personId: string, actor: Person, at: string): Promise<void> {
    this.checkWritable();
    const i = this.state.admins.findIndex((a) => a.id === personId);
    if (i < 0) return this.settle();
    const [before] = this.state.admins.splice(i, 1);
    this.bump();
    const entry = this.newAudit(at, actor, AUDIT_ACTIONS.adminRemove, `admin:${personId}`, before, null);
    return this.persist({ reports: [], audit: [entry], doc: true });
  }

  // ---- subscriptions

  async subscriptions(filter?: { kind?: SubscriptionKind; conversationKey?: string }): Promise<readonly Subscription[]> {
    return this.state.subscriptions.filter(
      (s) => (filter?.kind === undefined || s.kind === filter.kind) && (filter?.conversationKey === undefined || s.conversationKey === filter.conversationKey),
    );
  }

  async subscribe(sub: Subscription, actor: Person): Promise<boolean> {
    this.checkWritable();
    if (this.state.subscriptions.some((s) => s.conversationKey === sub.conversationKey && s.kind === sub.kind)) {
      await this.settle();
      return false;
    }
    const after: Subscription = { ...sub, createdBy: copyPerson(sub.createdBy) };
    this.state.subscriptions.push(after);
    this.bump();
    const entry = this.newAudit(sub.createdAt, actor, AUDIT_ACTIONS.subscriptionAdd, `subscription:${sub.conversationKey}`, null, after);
    await this.persist({ reports: [], audit: [entry], doc: true });
    return true;
  }

  async unsubscribe(conversationKey: string, actor: Person, at: string): Promise<boolean> {
    this.checkWritable();
    const removed = this.state.subscriptions.filter((s) => s.conversationKey === conversationKey);
    if (!removed.length) {
      await this.settle();
      return false;
    }
    this.state.subscriptions = this.state.subscriptions.filter((s) => s.conversationKey !== conversationKey);
    this.bump();
    const before = removed.length === 1 ? removed[0] : removed;
    const entry = this.newAudit(at, actor, AUDIT_ACTIONS.subscriptionRemove, `subscription:${conversationKey}`, before, null);
    await this.persist({ reports: [], audit: [entry], doc: true });
    return true;
  }

  // ---- conversations

  async conversation(key: string): Promise<ConversationRecord | undefined> {
    const c = this.state.conversations.find((x) => x.key === key);
    return c && copyStored(c);
  }

  async conversations(filter?: { scope?: ConversationRecord['scope']; active?: boolean }): Promise<readonly ConversationRecord[]> {
    return this.state.conversations
      .filter((c) => (filter?.scope === undefined || c.scope === filter.scope) && (filter?.active === undefined || c.active === filter.active))
      .map((c) => copyStored(c));
  }

  async saveConversation(record: ConversationRecord): Promise<void> {
    this.checkWritable();
    const copy = cloneJson(record);
    const i = this.state.conversations.findIndex((c) => c.key === record.key);
    if (i >= 0 && sameJson(this.state.conversations[i], copy)) return this.settle();
    if (i >= 0) this.state.conversations[i] = copy;
    else this.state.conversations.push(copy);
    this.bump();
    return this.persist({ reports: [], audit: [], doc: true });
  }

  async removeConversation(key: string): Promise<void> {
    this.checkWritable();
    const i = this.state.conversations.findIndex((c) => c.key === key);
    if (i < 0) return this.settle();
    this.state.conversations.splice(i, 1);
    this.bump();
    return this.persist({ reports: [], audit: [], doc: true });
  }

  async markConversationInactive(key: string, reason: string, at: string): Promise<void> {
    this.checkWritable();
    const c = this.state.conversations.find((x) => x.key === key);
    if (!c) return this.settle();
    c.active = false;
    c.inactiveReason = reason;
    c.updatedAt = at;
    this.bump();
    return this.persist({ reports: [], audit: [], doc: true });
  }

  // ---- sent

  async wasSent(key: string): Promise<boolean> {
    return this.sentByKey.has(key);
  }

  async claimSend(record: SentRecord): Promise<boolean> {
    this.checkWritable();
    if (this.sentByKey.has(record.key)) {
      await this.settle(); // the claim seen is durable before the caller acts on it
      return false;
    }
    const copy = cloneJson(record);
    this.state.sent.push(copy);
    this.sentByKey.set(record.key, copy);
    this.bump();
    await this.persist({ reports: [], audit: [], doc: true });
    return true;
  }

  async releaseSend(key: string): Promise<void> {
    this.checkWritable();
    const prev = this.sentByKey.get(key);
    if (!prev) return this.settle();
    this.state.sent.splice(this.state.sent.indexOf(prev), 1);
    this.sentByKey.delete(key);
    this.bump();
    return this.persist({ reports: [], audit: [], doc: true });
  }

  async markSent(record: SentRecord): Promise<void> {
    this.checkWritable();
    const copy = cloneJson(record);
    const prev = this.sentByKey.get(record.key);
    if (prev) this.state.sent[this.state.sent.indexOf(prev)] = copy;
    else this.state.sent.push(copy);
    this.sentByKey.set(record.key, copy);
    this.bump();
    return this.persist({ reports: [], audit: [], doc: true });
  }

  async sent(filter?: { prefix?: string }): Promise<readonly SentRecord[]> {
    const prefix = filter?.prefix;
    return prefix === undefined ? this.state.sent.slice() : this.state.sent.filter((s) => s.key.startsWith(prefix));
  }

  // ---- audit

  /**
   * Entries in seq order. `target` matches exactly ("report:4263:2025-06"), or as a prefix when it ends with ':'
   * ("report:4263:" = every period of 4263). `limit` keeps the newest entries.
   */
  async audit(filter?: { target?: string; limit?: number }): Promise<readonly AuditEntry[]> {
    return filterAudit(this.auditList, this.auditByTarget, filter).slice();
  }

  async auditCount(): Promise<number> {
    return this.auditList.length;
  }
}
