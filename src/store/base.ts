/**
 * The store held in memory, shared by the memory and the embedded store; an implementation only decides how a write
 * becomes durable (`persist`). Writes run one at a time, in call order (`serialize`): each one reads the state the
 * previous ones left, is made durable, and only then applied in memory (`commit`), so a write that fails leaves
 * memory as it was. Reads never wait. Every change of the reports is an audit entry, applied by `applyEntry` the same
 * way for a live write and for the embedded store's replay of its journal.
 */
import type * as R from '../domain/records';
import type { AuditEntry, ReportRecord } from '../domain/records';
import type { PlanVersionInput, PlanVersionRecord } from '../domain/plan-versions';
import { StoreError, healthReason } from './errors';
import * as rules from './rules';
import { applyStateAudit, isPlanAction, isReportAction, isReviewAction, monthKey, withReview } from './rules';
import type { Change, ReviewAfter, StoreState } from './rules';
import type * as T from './types';

export abstract class BaseStore implements T.Store {
  /** The last audit seq used. */
  protected seq = 0;
  private rev = 0;
  /** report id -> version, in write order (a review replaces its version by the reviewed copy, in its place). */
  private readonly versions = new Map<string, ReportRecord>();
  /** indicator|month -> its latest version, in the write order of those versions. */
  private readonly latest = new Map<string, ReportRecord>();
  private readonly bySubmission = new Map<string, string>();
  private readonly auditList: AuditEntry[] = [];
  private readonly planVersionList: PlanVersionRecord[] = [];
  private readonly listeners = new Set<(revision: number) => void>();
  /** report id -> the revision of its last change since the store opened, in the order of those changes. */
  private readonly changed = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();
  protected closed = false;

  protected constructor(protected state: StoreState) {}

  /** Makes one write durable: its audit entries (may be none) and, when the small state changed, the new state. */
  protected abstract persist(entries: AuditEntry[], state: StoreState | undefined): Promise<void>;
  abstract close(): Promise<void>;

  /** Throws a StoreError when the store takes no writes; called at the head of the write queue. */
  protected checkWritable(): void {
    if (this.closed) throw new StoreError('closed', { kind: 'closed', file: '(memory)' });
  }

  async health(): Promise<T.StoreHealth> {
    try {
      await this.serialize(async () => undefined); // queued like a write: none is half done while files are looked at
      return { ok: true };
    } catch (e) {
      return { ok: false, reason: e instanceof StoreError ? healthReason(e) : 'failed' };
    }
  }

  protected serialize<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => {
      this.checkWritable();
      return fn();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Makes a write durable, then applies it in memory: its audit entries, and `lists` of the small state replaced. */
  private async commit(changes: Change[], lists?: Partial<StoreState>): Promise<void> {
    const entries = changes.map((e, i) => ({ seq: this.seq + 1 + i, ...e }));
    const next = { ...this.state, ...lists };
    const stateChanged = entries.reduce((changed, e) => applyStateAudit(next, e) || changed, lists !== undefined);
    await this.persist(entries, stateChanged ? next : undefined);
    if (stateChanged) this.state = next;
    for (const e of entries) this.applyEntry(e);
    this.rev++;
    for (const e of entries) {
      if (!isReportAction(e.action) && !isReviewAction(e.action)) continue;
      const id = (e.after as { id: string }).id;
      this.changed.delete(id); // to the end: the Map's order is the order of the last changes
      this.changed.set(id, this.rev);
    }
    rules.notifyAll(this.listeners, this.rev);
  }

  /** Applies one audit entry to the reports and the audit held in memory (a live write, or the journal's replay). */
  protected applyEntry(e: AuditEntry): void {
    if (isReportAction(e.action)) {
      const ref = (e.before as { $ref?: unknown } | null)?.$ref;
      if (typeof ref === 'string') e.before = this.versions.get(ref) ?? e.before; // the journal's {$ref} of a correction
      const [r, was] = [e.after as ReportRecord, e.before as Partial<ReportRecord> | null];
      // A correction mostly keeps the texts the form opened with (the stored ones): held once, with the version's.
      for (const k of ['logros', 'dificultades', 'evidencia'] as const) if (r[k] === was?.[k]) r[k] = was[k];
      this.addVersion(r);
    } else if (isReviewAction(e.action)) {
      const record = this.versions.get((e.after as ReviewAfter).id);
      if (record) {
        const next = withReview(record, e.after as ReviewAfter);
        this.versions.set(next.id, next);
        const month = monthKey(next);
        if (this.latest.get(month)?.id === next.id) this.latest.set(month, next);
      }
    } else if (isPlanAction(e.action)) {
      this.planVersionList.push(e.after as PlanVersionRecord);
    }
    this.addAudit(e);
  }

  protected addVersion(r: ReportRecord): void {
    const month = monthKey(r);
    this.versions.set(r.id, r);
    this.latest.delete(month); // to the end: the Map's order is the latest versions' write order
    this.latest.set(month, r);
    if (r.submissionId !== undefined && !this.bySubmission.has(r.submissionId))
      this.bySubmission.set(r.submissionId, r.id);
  }

  protected addAudit(e: AuditEntry): void {
    this.auditList.push(e);
    if (e.seq > this.seq) this.seq = e.seq;
  }

  async revision(): Promise<number> {
    return this.rev;
  }

  onChange(listener: (revision: number) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** One process holds a memory or embedded store: the lock is its own. */
  async exclusive<V>(_name: string, fn: () => Promise<V>): Promise<T.ExclusiveResult<V>> {
    return { ran: true, value: await fn() };
  }

  async flush(): Promise<void> {
    await this.queue;
  }

  // ---- reports and plan versions

  async reports(query?: T.ReportQuery): Promise<readonly ReportRecord[]> {
    return rules.reportsMatching(this.versions.values(), query);
  }

  async latestReports(query?: T.ReportQuery): Promise<readonly ReportRecord[]> {
    return rules.reportsMatching(this.latest.values(), query);
  }

  async reportChanges(since: number): Promise<{ revision: number; reports: readonly ReportRecord[] }> {
    const ids = [...this.changed].filter(([, rev]) => rev > since).map(([id]) => id);
    return { revision: this.rev, reports: ids.map((id) => this.versions.get(id)!) };
  }

  async report(id: string): Promise<ReportRecord | undefined> {
    return this.versions.get(id);
  }

  async reportBySubmission(submissionId: string): Promise<ReportRecord | undefined> {
    const id = this.bySubmission.get(submissionId);
    return id === undefined ? undefined : this.versions.get(id);
  }

  async appendReport(input: R.ReportInput, author: R.Person, meta: T.ReportMeta): Promise<rules.StoredReport> {
    return (await this.appendReports([{ input, author, ...meta }], meta.at, author))[0];
  }

  async appendReports(batch: rules.ReportSubmission[], at: string, actor: R.Person): Promise<rules.StoredReport[]> {
    for (const item of batch) rules.checkInput(item.input);
    return this.serialize(async () => {
      const { results, changes } = await rules.planReports(batch, at, actor, {
        bySubmission: (sid) => this.reportBySubmission(sid),
        latest: (month) => this.latest.get(monthKey(month)),
      });
      if (changes.length) await this.commit(changes);
      return results;
    });
  }

  async reviewReport(decision: R.ReviewDecision, actor: R.Person, at: string): Promise<T.ReviewReportResult> {
    rules.checkDecision(decision);
    return this.serialize(async () => {
      const record = this.versions.get(decision.reportId);
      const refused = rules.reviewRefusal(record, record && this.latest.get(monthKey(record)));
      if (refused) return refused;
      await this.commit([rules.reviewChange(record!, decision, actor, at)]);
      return { status: 'reviewed', record: this.versions.get(record!.id)!, previous: record! };
    });
  }

  async planVersions(planId?: string): Promise<readonly PlanVersionRecord[]> {
    return this.planVersionList.filter((v) => planId === undefined || v.planId === planId);
  }

  async appendPlanVersion(input: PlanVersionInput, actor: R.Person, at: string): Promise<T.AppendPlanVersionResult> {
    rules.checkPlanVersionInput(input);
    return this.serialize(async () => {
      const latest = this.planVersionList.filter((v) => v.planId === input.planId).at(-1);
      const decided = rules.planVersionChange(input, latest, actor, at);
      if (decided.status !== 'stored') return decided;
      await this.commit([decided.change]);
      return { status: 'stored', record: decided.record };
    });
  }

  // ---- owners, admins, subscriptions (audited)

  async owners(indicatorId: string): Promise<readonly R.Person[]> {
    return this.state.owners[indicatorId]?.slice() ?? [];
  }

  async allOwners(): Promise<Readonly<Record<string, readonly R.Person[]>>> {
    return { ...this.state.owners };
  }

  async setOwners(indicatorId: string, owners: R.Person[], actor: R.Person, at: string): Promise<void> {
    await this.audited(() => rules.ownersChange(indicatorId, owners, this.state.owners[indicatorId] ?? [], actor, at));
  }

  async admins(): Promise<readonly R.Person[]> {
    return this.state.admins.slice();
  }

  async addAdmin(person: R.Person, actor: R.Person, at: string): Promise<void> {
    await this.audited(() => rules.adminAddChange(person, this.admin(person.id) ?? null, actor, at));
  }

  async removeAdmin(personId: string, actor: R.Person, at: string): Promise<void> {
    await this.audited(() => rules.adminRemoveChange(personId, this.admin(personId), actor, at));
  }

  private admin(id: string): R.Person | undefined {
    return this.state.admins.find((a) => a.id === id);
  }

  async subscriptions(filter?: T.SubscriptionFilter): Promise<readonly R.Subscription[]> {
    return this.state.subscriptions.filter((s) => rules.matchesFilter(filter, s));
  }

  async subscribe(sub: R.Subscription, actor: R.Person): Promise<boolean> {
    const same = (s: R.Subscription) => s.conversationKey === sub.conversationKey && s.kind === sub.kind;
    return this.audited(() => (this.state.subscriptions.some(same) ? null : rules.subscribeChange(sub, actor)));
  }

  unsubscribe(conversationKey: string, kind: R.SubscriptionKind, actor: R.Person, at: string): Promise<boolean> {
    const same = (s: R.Subscription) => s.conversationKey === conversationKey && s.kind === kind;
    return this.audited(() =>
      rules.unsubscribeChange(conversationKey, this.state.subscriptions.filter(same), actor, at),
    );
  }

  /** An audited change of the small state, decided on the state its turn finds: false when it changes nothing. */
  private audited(decide: () => Change | null): Promise<boolean> {
    return this.serialize(async () => {
      const e = decide();
      if (e) await this.commit([e]);
      return e !== null;
    });
  }

  // ---- conversations and sends (the small state, not audited)

  /**
   * Replaces (or adds, or with null removes) the record `key` of a keyed list, decided on the record its turn finds
   * (`make` gives undefined: nothing to do). False when that changes nothing.
   */
  private put<L extends 'conversations' | 'sent'>(
    list: L,
    key: string,
    make: (r?: StoreState[L][number]) => StoreState[L][number] | null | undefined,
  ): Promise<boolean> {
    return this.serialize(async () => {
      const records: StoreState[L][number][] = this.state[list];
      const i = records.findIndex((r) => r.key === key);
      const next = make(records[i]);
      if (next === undefined || (next === null && i < 0) || (next && i >= 0 && rules.sameJson(records[i], next)))
        return false;
      const after =
        next === null ? records.filter((_, k) => k !== i) : i >= 0 ? records.with(i, next) : [...records, next];
      await this.commit([], { [list]: after });
      return true;
    });
  }

  async conversation(key: string): Promise<R.ConversationRecord | undefined> {
    return rules.cloneJson(this.state.conversations.find((x) => x.key === key));
  }

  async conversations(filter?: T.ConversationFilter): Promise<readonly R.ConversationRecord[]> {
    return this.state.conversations.filter((c) => rules.matchesFilter(filter, c)).map(rules.cloneJson);
  }

  async saveConversation(record: R.ConversationRecord): Promise<void> {
    await this.put('conversations', record.key, () => rules.cloneJson(record));
  }

  async removeConversation(key: string): Promise<void> {
    await this.put('conversations', key, () => null);
  }

  async markConversationInactive(key: string, reason: string, at: string): Promise<void> {
    await this.put('conversations', key, (c) => c && { ...c, active: false, inactiveReason: reason, updatedAt: at });
  }

  async wasSent(key: string): Promise<boolean> {
    return this.state.sent.some((s) => s.key === key);
  }

  claimSend(record: R.SentRecord): Promise<boolean> {
    return this.put('sent', record.key, (s) => (s ? undefined : rules.cloneJson(record)));
  }

  async releaseSend(key: string): Promise<void> {
    await this.put('sent', key, () => null);
  }

  confirmSend(record: R.SentRecord): Promise<void> {
    return this.markSent(record);
  }

  async markSent(record: R.SentRecord): Promise<void> {
    await this.put('sent', record.key, () => rules.cloneJson(record));
  }

  async sent(filter?: { prefix?: string }): Promise<readonly R.SentRecord[]> {
    return this.state.sent.filter((s) => s.key.startsWith(filter?.prefix ?? ''));
  }

  // ---- audit

  async audit(filter?: { target?: string; limit?: number }): Promise<readonly AuditEntry[]> {
    const { target, limit } = filter ?? {};
    const list =
      target === undefined
        ? this.auditList
        : this.auditList.filter((e) => (target.endsWith(':') ? e.target.startsWith(target) : e.target === target));
    return list.slice(limit !== undefined && limit >= 0 ? Math.max(0, list.length - limit) : 0);
  }

  async auditCount(): Promise<number> {
    return this.auditList.length;
  }
}
