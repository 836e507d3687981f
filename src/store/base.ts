/**
 * The store's semantics, shared by the memory and the embedded store: version numbering per (indicator, month),
 * submissionId idempotency, audit entries with before and after, the revision counter, and the Maps that index
 * what is held in memory. An implementation only decides how a write becomes durable (`persist`).
 *
 * Writes run one at a time, in call order (`serialize`): each one reads the state the previous ones left, is made
 * durable, and only then applied in memory (`commit`). A write that fails leaves memory as it was. Reads never wait.
 *
 * Every change of the reports and the audit is an audit entry: a report version is the `after` of its report.create
 * or report.correct entry, a review the `after` of its report.approve or report.return entry. `applyEntry` applies
 * one, the same way for a live write and for the embedded store's replay of its journal on open.
 */
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
import { StoreError, healthReason } from './errors';
import type { PlanVersionInput, PlanVersionRecord } from '../domain/plan-versions';
import { checkPlanVersionInput, planVersionChange } from './plan-rules';
import {
  adminAddChange,
  adminRemoveChange,
  applyStateAudit,
  checkDecision,
  checkInput,
  cloneJson,
  isPlanAction,
  isReportAction,
  isReviewAction,
  matchesFilter,
  matchesReportQuery,
  monthKey,
  notifyAll,
  ownersChange,
  planReports,
  reviewChange,
  reviewRefusal,
  sameJson,
  subscribeChange,
  unsubscribeChange,
  withReview,
  type Change,
  type ReviewAfter,
  type StoreState,
} from './rules';
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

export type { StoreState } from './rules';

export abstract class BaseStore implements Store {
  protected state: StoreState;
  /** The last audit seq used. */
  protected seq = 0;
  private rev = 0;
  /** report id -> version, in write order (a review replaces its version by the reviewed copy, in its place). */
  private readonly versions = new Map<string, ReportRecord>();
  /** indicator|month -> its latest version, in the write order of those versions. */
  private readonly latest = new Map<string, ReportRecord>();
  /** submissionId -> report id. */
  private readonly bySubmission = new Map<string, string>();
  private readonly auditList: AuditEntry[] = [];
  /** Stored plan versions, in write order (each the `after` of its 'plan.version' audit entry). */
  private readonly planVersionList: PlanVersionRecord[] = [];
  private readonly listeners = new Set<(revision: number) => void>();
  /** [revision, report id] of each report version written or reviewed since the store opened (reportChanges). */
  private readonly changeLog: [number, string][] = [];
  private queue: Promise<unknown> = Promise.resolve();
  protected closed = false;

  protected constructor(state: StoreState, entries: Iterable<AuditEntry> = []) {
    this.state = state;
    for (const e of entries) this.applyEntry(e);
  }

  /** Makes one write durable: its audit entries (may be none) and, when the small state changed, the new state. */
  protected abstract persist(entries: AuditEntry[], state: StoreState | undefined): Promise<void>;
  /**
   * Throws a StoreError when the store takes no writes (closed, read-only, failed). `settled`: called at the head of
   * the write queue, with none of this store's writes under way (the embedded store then also checks its files).
   */
  protected checkWritable(_settled = false): void {
    if (this.closed) throw new StoreError('closed', { kind: 'closed', file: '(memory)' });
  }

  /** Whether writes are taken now (memory: unless closed; the embedded store also checks its files). */
  async health(): Promise<StoreHealth> {
    try {
      // Queued like a write, so that none is half done while the files are looked at.
      await this.serialize(async () => undefined);
      return { ok: true };
    } catch (e) {
      return { ok: false, reason: e instanceof StoreError ? healthReason(e) : 'failed' };
    }
  }

  /** Runs writes one after another, in call order. */
  protected serialize<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => {
      this.checkWritable(true);
      return fn();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Makes a write durable, then applies it in memory. `change` edits the small state (a copy) beyond the entries. */
  private async commit(entries: AuditEntry[], change?: (next: StoreState) => void): Promise<void> {
    let next: StoreState | undefined;
    const stateEntries = entries.filter(
      (e) => !isReportAction(e.action) && !isReviewAction(e.action) && !isPlanAction(e.action),
    );
    if (change || stateEntries.length) {
      next = { ...this.state };
      for (const e of stateEntries) applyStateAudit(next, e);
      change?.(next);
    }
    await this.persist(entries, next);
    if (next) this.state = next;
    for (const e of entries) this.applyEntry(e);
    this.rev++;
    for (const e of entries)
      if (isReportAction(e.action) || isReviewAction(e.action))
        this.changeLog.push([this.rev, (e.after as { id: string }).id]);
    notifyAll(this.listeners, this.rev);
  }

  /** Applies one audit entry to the reports and the audit held in memory (a live write, or the journal's replay). */
  protected applyEntry(e: AuditEntry): void {
    if (isReportAction(e.action)) {
      const ref = (e.before as { $ref?: unknown } | null)?.$ref;
      if (typeof ref === 'string') e.before = this.versions.get(ref) ?? e.before; // the journal writes a correction's before as {$ref}
      this.addVersion(e.after as ReportRecord);
    } else if (isReviewAction(e.action)) {
      const after = e.after as ReviewAfter;
      const record = this.versions.get(after.id);
      if (record) {
        const next = withReview(record, after);
        this.versions.set(next.id, next); // the Map itself is never handed out: reads return lists
        if (this.latest.get(monthKey(next))?.id === next.id) this.latest.set(monthKey(next), next);
      }
    } else if (isPlanAction(e.action)) {
      this.planVersionList.push(e.after as PlanVersionRecord);
    }
    this.addAudit(e);
  }

  protected addVersion(r: ReportRecord): void {
    this.versions.set(r.id, r);
    this.latest.delete(monthKey(r)); // to the end: the Map's order is the latest versions' write order
    this.latest.set(monthKey(r), r);
    if (r.submissionId !== undefined && !this.bySubmission.has(r.submissionId))
      this.bySubmission.set(r.submissionId, r.id);
  }

  protected addAudit(e: AuditEntry): void {
    this.auditList.push(e);
    if (e.seq > this.seq) this.seq = e.seq;
  }

  /** New audit entries, numbered after the last one (the numbers are taken only once the write is applied). */
  private entries(...list: (Change | null)[]): AuditEntry[] {
    return list.filter((e) => e !== null).map((e, i) => ({ seq: this.seq + 1 + i, ...e }));
  }

  async revision(): Promise<number> {
    return this.rev;
  }

  onChange(listener: (revision: number) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** One process holds a memory or embedded store: the lock is the process's own. */
  async exclusive<T>(_name: string, fn: () => Promise<T>): Promise<ExclusiveResult<T>> {
    return { ran: true, value: await fn() };
  }

  /** Waits for every write asked for so far. */
  async flush(): Promise<void> {
    await this.queue;
  }

  abstract close(): Promise<void>;

  // ---- reports

  async reports(query?: ReportQuery): Promise<readonly ReportRecord[]> {
    return [...this.versions.values()].filter((r) => matchesReportQuery(r, query));
  }

  async latestReports(query?: ReportQuery): Promise<readonly ReportRecord[]> {
    return [...this.latest.values()].filter((r) => matchesReportQuery(r, query));
  }

  async reportChanges(since: number): Promise<{ revision: number; reports: readonly ReportRecord[] }> {
    let i = this.changeLog.length;
    while (i > 0 && this.changeLog[i - 1][0] > since) i--;
    const ids = new Set(
      this.changeLog
        .slice(i)
        .reverse()
        .map(([, id]) => id),
    ); // each at its last change
    return { revision: this.rev, reports: [...ids].reverse().map((id) => this.versions.get(id)!) };
  }

  async report(id: string): Promise<ReportRecord | undefined> {
    return this.versions.get(id);
  }

  async reportBySubmission(submissionId: string): Promise<ReportRecord | undefined> {
    const id = this.bySubmission.get(submissionId);
    return id === undefined ? undefined : this.versions.get(id);
  }

  async appendReport(input: ReportInput, author: Person, meta: ReportMeta): Promise<AppendReportResult> {
    return (await this.appendReports([{ input, author, ...meta }], meta.at, author))[0];
  }

  async appendReports(batch: ReportBatchItem[], at: string, actor: Person): Promise<AppendReportResult[]> {
    this.checkWritable();
    for (const item of batch) checkInput(item.input);
    return this.serialize(async () => {
      const { results, changes } = await planReports(batch, at, actor, {
        bySubmission: (sid) => this.reportBySubmission(sid),
        latest: (month) => this.latest.get(monthKey(month)),
      });
      if (changes.length) await this.commit(this.entries(...changes));
      return results;
    });
  }

  async reviewReport(decision: ReviewDecision, actor: Person, at: string): Promise<ReviewReportResult> {
    this.checkWritable();
    checkDecision(decision);
    return this.serialize(async () => {
      const record = this.versions.get(decision.reportId);
      const refused = reviewRefusal(record, record && this.latest.get(monthKey(record)));
      if (refused) return refused;
      await this.commit(this.entries(reviewChange(record!, decision, actor, at)));
      return { status: 'reviewed', record: this.versions.get(record!.id)!, previous: record! };
    });
  }

  // ---- plan versions

  async planVersions(planId?: string): Promise<readonly PlanVersionRecord[]> {
    return this.planVersionList.filter((v) => planId === undefined || v.planId === planId);
  }

  async appendPlanVersion(input: PlanVersionInput, actor: Person, at: string): Promise<AppendPlanVersionResult> {
    this.checkWritable();
    checkPlanVersionInput(input);
    return this.serialize(async () => {
      const latest = this.planVersionList.filter((v) => v.planId === input.planId).at(-1);
      const decided = planVersionChange(input, latest, actor, at);
      if (decided.status === 'unchanged') return decided;
      await this.commit(this.entries(decided.change));
      return { status: 'stored', record: decided.record };
    });
  }

  // ---- owners, admins, subscriptions (audited)

  async owners(indicatorId: string): Promise<readonly Person[]> {
    return this.state.owners[indicatorId]?.slice() ?? [];
  }

  async allOwners(): Promise<Readonly<Record<string, readonly Person[]>>> {
    return { ...this.state.owners };
  }

  async setOwners(indicatorId: string, owners: Person[], actor: Person, at: string): Promise<void> {
    await this.audited(() => ownersChange(indicatorId, owners, this.state.owners[indicatorId] ?? [], actor, at));
  }

  async admins(): Promise<readonly Person[]> {
    return this.state.admins.slice();
  }

  async addAdmin(person: Person, actor: Person, at: string): Promise<void> {
    const find = () => this.state.admins.find((a) => a.id === person.id) ?? null;
    await this.audited(() => adminAddChange(person, find(), actor, at));
  }

  async removeAdmin(personId: string, actor: Person, at: string): Promise<void> {
    const find = () => this.state.admins.find((a) => a.id === personId);
    await this.audited(() => adminRemoveChange(personId, find(), actor, at));
  }

  async subscriptions(filter?: SubscriptionFilter): Promise<readonly Subscription[]> {
    return this.state.subscriptions.filter((s) => matchesFilter(filter, s));
  }

  async subscribe(sub: Subscription, actor: Person): Promise<boolean> {
    return this.audited(() =>
      this.state.subscriptions.some((s) => s.conversationKey === sub.conversationKey && s.kind === sub.kind)
        ? null
        : subscribeChange(sub, actor),
    );
  }

  unsubscribe(conversationKey: string, kind: SubscriptionKind, actor: Person, at: string): Promise<boolean> {
    return this.audited(() => {
      const removed = this.state.subscriptions.filter((s) => s.conversationKey === conversationKey && s.kind === kind);
      return unsubscribeChange(conversationKey, removed, actor, at);
    });
  }

  /** An audited change of the small state, decided on the state its turn finds: false when it changes nothing. */
  private audited(decide: () => Change | null): Promise<boolean> {
    return this.serialize(async () => {
      const e = decide();
      if (e) await this.commit(this.entries(e));
      return e !== null;
    });
  }

  // ---- conversations and sends (the small state, not audited)

  async conversation(key: string): Promise<ConversationRecord | undefined> {
    return cloneJson(this.state.conversations.find((x) => x.key === key));
  }

  async conversations(filter?: ConversationFilter): Promise<readonly ConversationRecord[]> {
    return this.state.conversations.filter((c) => matchesFilter(filter, c)).map(cloneJson);
  }

  /** Replaces (or adds, or with null removes) the conversation `key`, when that changes anything. */
  private putConversation(
    key: string,
    make: (c: ConversationRecord | undefined) => ConversationRecord | null | undefined,
  ): Promise<void> {
    return this.serialize(async () => {
      const list = this.state.conversations;
      const i = list.findIndex((c) => c.key === key);
      const next = make(list[i]);
      if (next === undefined || (next === null && i < 0) || (next && i >= 0 && sameJson(list[i], next))) return;
      await this.commit([], (s) => {
        if (next === null) s.conversations = list.filter((_, k) => k !== i);
        else s.conversations = i >= 0 ? list.map((c, k) => (k === i ? next : c)) : [...list, next];
      });
    });
  }

  saveConversation(record: ConversationRecord): Promise<void> {
    return this.putConversation(record.key, () => cloneJson(record));
  }

  removeConversation(key: string): Promise<void> {
    return this.putConversation(key, () => null);
  }

  markConversationInactive(key: string, reason: string, at: string): Promise<void> {
    return this.putConversation(key, (c) => c && { ...c, active: false, inactiveReason: reason, updatedAt: at });
  }

  async wasSent(key: string): Promise<boolean> {
    return this.state.sent.some((s) => s.key === key);
  }

  claimSend(record: SentRecord): Promise<boolean> {
    return this.serialize(async () => {
      if (await this.wasSent(record.key)) return false;
      await this.commit([], (s) => (s.sent = [...s.sent, cloneJson(record)]));
      return true;
    });
  }

  releaseSend(key: string): Promise<void> {
    return this.serialize(async () => {
      if (!(await this.wasSent(key))) return;
      await this.commit([], (s) => (s.sent = s.sent.filter((x) => x.key !== key)));
    });
  }

  confirmSend(record: SentRecord): Promise<void> {
    return this.markSent(record);
  }

  markSent(record: SentRecord): Promise<void> {
    return this.serialize(async () => {
      const copy = cloneJson(record);
      const known = await this.wasSent(record.key);
      await this.commit(
        [],
        (s) => (s.sent = known ? s.sent.map((x) => (x.key === copy.key ? copy : x)) : [...s.sent, copy]),
      );
    });
  }

  async sent(filter?: { prefix?: string }): Promise<readonly SentRecord[]> {
    const prefix = filter?.prefix;
    return prefix === undefined ? this.state.sent.slice() : this.state.sent.filter((s) => s.key.startsWith(prefix));
  }

  // ---- audit

  async audit(filter?: { target?: string; limit?: number }): Promise<readonly AuditEntry[]> {
    const target = filter?.target;
    const prefix = target?.endsWith(':');
    const list =
      target === undefined
        ? this.auditList
        : this.auditList.filter((e) => (prefix ? e.target.startsWith(target) : e.target === target));
    const limit = filter?.limit;
    return limit !== undefined && limit >= 0 ? list.slice(Math.max(0, list.length - limit)) : list.slice();
  }

  async auditCount(): Promise<number> {
    return this.auditList.length;
  }
}
