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
  ReportSource,
  ReviewDecision,
  ReviewState,
  SentRecord,
  Subscription,
  SubscriptionKind,
} from '../domain/records';
import { StoreError } from './errors';
import {
  applyStateAudit,
  AUDIT_ACTIONS,
  buildReportRecord,
  checkDecision,
  checkInput,
  cloneJson,
  copyPerson,
  isReportAction,
  isReviewAction,
  matchesReportQuery,
  monthKey,
  notifyAll,
  reviewAfter,
  sameJson,
  withReview,
  type ReviewAfter,
  type StoreState,
} from './rules';
import type {
  AppendReportResult,
  ExclusiveResult,
  ReportChanges,
  ReportQuery,
  ReviewReportResult,
  Store,
} from './types';

export type { StoreState } from './rules';

type BatchItem = {
  input: ReportInput;
  author: Person;
  source: ReportSource;
  submissionId?: string;
  review?: ReviewState;
};

export abstract class BaseStore implements Store {
  protected state: StoreState;
  /** The last audit seq used. */
  protected seq = 0;
  private rev = 0;
  /** Every version in write order (a review replaces its version by the reviewed copy). */
  private reportList: ReportRecord[] = [];
  /** report id -> its index in reportList. */
  private readonly position = new Map<string, number>();
  /** indicator|month -> its latest version. */
  private readonly latest = new Map<string, ReportRecord>();
  /** submissionId -> report id. */
  private readonly bySubmission = new Map<string, string>();
  /** Versions written or reviewed, with the revision that did it: reportChanges' feed. */
  private readonly changes: { rev: number; record: ReportRecord }[] = [];
  private readonly auditList: AuditEntry[] = [];
  private readonly auditByTarget = new Map<string, AuditEntry[]>();
  private sentByKey = new Map<string, SentRecord>();
  private readonly listeners = new Set<(revision: number) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  protected closed = false;

  protected constructor(state: StoreState, entries: Iterable<AuditEntry> = []) {
    this.state = state;
    for (const s of state.sent) this.sentByKey.set(s.key, s);
    for (const e of entries) this.applyEntry(e);
    this.changes.length = 0; // what was there on open is revision 0: reportChanges(0) gives it all
  }

  /** Makes one write durable: its audit entries (may be none) and, when the small state changed, the new state. */
  protected abstract persist(entries: AuditEntry[], state: StoreState | undefined): Promise<void>;
  /** Throws a StoreError when the store takes no writes (closed, read-only, failed). */
  protected checkWritable(): void {
    if (this.closed) throw new StoreError('closed', { kind: 'closed', file: '(memory)' });
  }

  /** Runs writes one after another, in call order. */
  protected serialize<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => {
      this.checkWritable();
      return fn();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Makes a write durable, then applies it in memory. `change` edits the small state (a copy) beyond the entries. */
  private async commit(entries: AuditEntry[], change?: (next: StoreState) => void): Promise<void> {
    let next: StoreState | undefined;
    const stateEntries = entries.filter((e) => !isReportAction(e.action) && !isReviewAction(e.action));
    if (change || stateEntries.length) {
      next = { ...this.state };
      for (const e of stateEntries) applyStateAudit(next, e);
      change?.(next);
    }
    await this.persist(entries, next);
    if (next && next.sent !== this.state.sent) this.sentByKey = new Map(next.sent.map((s) => [s.key, s]));
    if (next) this.state = next;
    for (const e of entries) this.applyEntry(e);
    this.rev++;
    notifyAll(this.listeners, this.rev);
  }

  /** Applies one audit entry to the reports and the audit held in memory (a live write, or the journal's replay). */
  protected applyEntry(e: AuditEntry): void {
    if (isReportAction(e.action)) {
      const ref = (e.before as { $ref?: unknown } | null)?.$ref;
      if (typeof ref === 'string') e.before = this.current(ref) ?? e.before; // the journal writes a correction's before as {$ref}
      this.addVersion(e.after as ReportRecord);
    } else if (isReviewAction(e.action)) {
      const after = e.after as ReviewAfter;
      const i = this.position.get(after.id);
      if (i !== undefined) {
        const next = withReview(this.reportList[i], after);
        this.reportList[i] = next; // the list itself is never handed out: reads return copies
        if (this.latest.get(monthKey(next))?.id === next.id) this.latest.set(monthKey(next), next);
        this.changes.push({ rev: this.rev + 1, record: next });
      }
    }
    this.addAudit(e);
  }

  protected addVersion(r: ReportRecord): void {
    this.position.set(r.id, this.reportList.push(r) - 1);
    this.latest.set(monthKey(r), r);
    if (r.submissionId !== undefined && !this.bySubmission.has(r.submissionId))
      this.bySubmission.set(r.submissionId, r.id);
    this.changes.push({ rev: this.rev + 1, record: r });
  }

  protected addAudit(e: AuditEntry): void {
    this.auditList.push(e);
    const list = this.auditByTarget.get(e.target);
    if (list) list.push(e);
    else this.auditByTarget.set(e.target, [e]);
    if (e.seq > this.seq) this.seq = e.seq;
  }

  private current(id: string): ReportRecord | undefined {
    const i = this.position.get(id);
    return i === undefined ? undefined : this.reportList[i];
  }

  /** New audit entries, numbered after the last one (the numbers are taken only once the write is applied). */
  private entries(...list: Omit<AuditEntry, 'seq'>[]): AuditEntry[] {
    return list.map((e, i) => ({ seq: this.seq + 1 + i, ...e, actor: copyPerson(e.actor) }));
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
    return this.reportList.filter((r) => matchesReportQuery(r, query));
  }

  async latestReports(query?: ReportQuery): Promise<readonly ReportRecord[]> {
    const out = [...this.latest.values()].filter((r) => matchesReportQuery(r, query));
    return out.sort((a, b) => this.position.get(a.id)! - this.position.get(b.id)!);
  }

  async report(id: string): Promise<ReportRecord | undefined> {
    return this.current(id);
  }

  async reportBySubmission(submissionId: string): Promise<ReportRecord | undefined> {
    const id = this.bySubmission.get(submissionId);
    return id === undefined ? undefined : this.current(id);
  }

  async reportChanges(since: number): Promise<ReportChanges> {
    if (since <= 0) return { revision: this.rev, reports: this.reportList.slice() };
    return { revision: this.rev, reports: this.changes.filter((c) => c.rev > since).map((c) => c.record) };
  }

  /** The audit entry of a new version of a month (its version number follows the month's latest). */
  private versionEntry(item: BatchItem, at: string, actor: Person, latest: Map<string, ReportRecord>): AuditEntry {
    const prev = latest.get(monthKey(item.input));
    const record = buildReportRecord(item.input, (prev?.version ?? 0) + 1, item, at);
    latest.set(monthKey(record), record);
    const action = prev ? AUDIT_ACTIONS.reportCorrect : AUDIT_ACTIONS.reportCreate;
    return {
      seq: 0,
      at,
      actor: copyPerson(actor),
      action,
      target: `report:${record.indicatorId}:${record.period}`,
      before: prev ?? null,
      after: record,
    };
  }

  async appendReport(
    input: ReportInput,
    author: Person,
    meta: { source: ReportSource; submissionId?: string; at: string; review?: ReviewState },
  ): Promise<AppendReportResult> {
    const [result] = await this.appendReports([{ input, author, ...meta }], meta.at, author);
    return result;
  }

  async appendReports(batch: BatchItem[], at: string, actor: Person): Promise<AppendReportResult[]> {
    this.checkWritable();
    for (const item of batch) checkInput(item.input);
    return this.serialize(async () => {
      const results: AppendReportResult[] = [];
      const entries: AuditEntry[] = [];
      const latest = new Map(this.latest);
      const fresh = new Map<string, ReportRecord>();
      for (const item of batch) {
        const sid = item.submissionId;
        const dup =
          sid === undefined
            ? undefined
            : (fresh.get(sid) ?? (this.bySubmission.has(sid) ? this.current(this.bySubmission.get(sid)!) : undefined));
        if (dup) {
          results.push({ record: dup, duplicate: true });
          continue;
        }
        const e = this.versionEntry(item, at, actor, latest);
        e.seq = this.seq + entries.push(e);
        const record = e.after as ReportRecord;
        if (sid !== undefined) fresh.set(sid, record);
        results.push({ record, duplicate: false });
      }
      if (entries.length) await this.commit(entries);
      return results;
    });
  }

  async reviewReport(decision: ReviewDecision, actor: Person, at: string): Promise<ReviewReportResult> {
    this.checkWritable();
    checkDecision(decision);
    return this.serialize(async () => {
      const record = this.current(decision.reportId);
      if (!record) return { status: 'not-found' };
      const latest = this.latest.get(monthKey(record))!;
      if (latest.id !== record.id) return { status: 'superseded', record, latest };
      if (record.review !== 'pendiente') return { status: 'not-pending', record };
      const action = decision.decision === 'aprobado' ? AUDIT_ACTIONS.reportApprove : AUDIT_ACTIONS.reportReturn;
      const after = reviewAfter(record, decision, actor, at);
      await this.commit(
        this.entries({
          at,
          actor,
          action,
          target: `report:${record.indicatorId}:${record.period}`,
          before: { id: record.id, review: 'pendiente' },
          after,
        }),
      );
      return { status: 'reviewed', record: this.current(record.id)!, previous: record };
    });
  }

  // ---- owners, admins, subscriptions (audited)

  async owners(indicatorId: string): Promise<readonly Person[]> {
    return this.state.owners[indicatorId]?.slice() ?? [];
  }

  async allOwners(): Promise<Readonly<Record<string, readonly Person[]>>> {
    return { ...this.state.owners };
  }

  setOwners(indicatorId: string, owners: Person[], actor: Person, at: string): Promise<void> {
    return this.serialize(async () => {
      const before = this.state.owners[indicatorId] ?? [];
      const after: Person[] = [];
      for (const p of owners) if (!after.some((a) => a.id === p.id)) after.push(copyPerson(p));
      if (sameJson(before, after)) return;
      await this.commit(
        this.entries({ at, actor, action: AUDIT_ACTIONS.ownersSet, target: `owner:${indicatorId}`, before, after }),
      );
    });
  }

  async admins(): Promise<readonly Person[]> {
    return this.state.admins.slice();
  }

  addAdmin(person: Person, actor: Person, at: string): Promise<void> {
    return this.serialize(async () => {
      const after = copyPerson(person);
      const before = this.state.admins.find((a) => a.id === person.id) ?? null;
      if (before && sameJson(before, after)) return;
      await this.commit(
        this.entries({ at, actor, action: AUDIT_ACTIONS.adminAdd, target: `admin:${person.id}`, before, after }),
      );
    });
  }

  removeAdmin(personId: string, actor: Person, at: string): Promise<void> {
    return this.serialize(async () => {
      const before = this.state.admins.find((a) => a.id === personId);
      if (!before) return;
      await this.commit(
        this.entries({
          at,
          actor,
          action: AUDIT_ACTIONS.adminRemove,
          target: `admin:${personId}`,
          before,
          after: null,
        }),
      );
    });
  }

  async subscriptions(filter?: {
    kind?: SubscriptionKind;
    conversationKey?: string;
  }): Promise<readonly Subscription[]> {
    return this.state.subscriptions.filter(
      (s) =>
        (filter?.kind === undefined || s.kind === filter.kind) &&
        (filter?.conversationKey === undefined || s.conversationKey === filter.conversationKey),
    );
  }

  subscribe(sub: Subscription, actor: Person): Promise<boolean> {
    return this.serialize(async () => {
      if (this.state.subscriptions.some((s) => s.conversationKey === sub.conversationKey && s.kind === sub.kind))
        return false;
      const after: Subscription = { ...sub, createdBy: copyPerson(sub.createdBy) };
      await this.commit(
        this.entries({
          at: sub.createdAt,
          actor,
          action: AUDIT_ACTIONS.subscriptionAdd,
          target: `subscription:${sub.conversationKey}`,
          before: null,
          after,
        }),
      );
      return true;
    });
  }

  unsubscribe(conversationKey: string, actor: Person, at: string): Promise<boolean> {
    return this.serialize(async () => {
      const removed = this.state.subscriptions.filter((s) => s.conversationKey === conversationKey);
      if (!removed.length) return false;
      const before = removed.length === 1 ? removed[0] : removed;
      await this.commit(
        this.entries({
          at,
          actor,
          action: AUDIT_ACTIONS.subscriptionRemove,
          target: `subscription:${conversationKey}`,
          before,
          after: null,
        }),
      );
      return true;
    });
  }

  // ---- conversations and sends (the small state, not audited)

  async conversation(key: string): Promise<ConversationRecord | undefined> {
    return cloneJson(this.state.conversations.find((x) => x.key === key));
  }

  async conversations(filter?: {
    scope?: ConversationRecord['scope'];
    active?: boolean;
  }): Promise<readonly ConversationRecord[]> {
    return this.state.conversations
      .filter(
        (c) =>
          (filter?.scope === undefined || c.scope === filter.scope) &&
          (filter?.active === undefined || c.active === filter.active),
      )
      .map(cloneJson);
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
    return this.sentByKey.has(key);
  }

  claimSend(record: SentRecord): Promise<boolean> {
    return this.serialize(async () => {
      if (this.sentByKey.has(record.key)) return false;
      await this.commit([], (s) => (s.sent = [...s.sent, cloneJson(record)]));
      return true;
    });
  }

  releaseSend(key: string): Promise<void> {
    return this.serialize(async () => {
      if (!this.sentByKey.has(key)) return;
      await this.commit([], (s) => (s.sent = s.sent.filter((x) => x.key !== key)));
    });
  }

  markSent(record: SentRecord): Promise<void> {
    return this.serialize(async () => {
      const copy = cloneJson(record);
      const known = this.sentByKey.has(record.key);
      await this.commit(
        [],
        (s) => (s.sent = known ? s.sent.map((x) => (x.key === record.key ? copy : x)) : [...s.sent, copy]),
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
    let list: readonly AuditEntry[] = this.auditList;
    if (target !== undefined)
      list = target.endsWith(':')
        ? list.filter((e) => e.target.startsWith(target))
        : (this.auditByTarget.get(target) ?? []);
    const limit = filter?.limit;
    return limit !== undefined && limit >= 0 ? list.slice(Math.max(0, list.length - limit)) : list.slice();
  }

  async auditCount(): Promise<number> {
    return this.auditList.length;
  }
}
