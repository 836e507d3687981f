/** The Store interface: everything the capabilities persist. Only main.ts picks an implementation. */
import type * as R from '../domain/records';
import type { AuditEntry, ConversationRecord, Person, ReportRecord, SentRecord, Subscription } from '../domain/records';
import type { StoreHealthReason } from '../domain/store-facts';
import type { PlanVersionInput, PlanVersionRecord } from '../domain/plan-versions';
import type { ReportSubmission, ReviewRefusal, StoredReport } from '../domain/report-versions';

/** 'unchanged': the plan is the latest version's; 'stale': another version was stored since `expectedLatest`. */
export type AppendPlanVersionResult =
  | { status: 'stored'; record: PlanVersionRecord }
  | { status: 'unchanged'; latest: PlanVersionRecord }
  | { status: 'stale'; latest: number };

export type ReviewReportResult = { status: 'reviewed'; record: ReportRecord; previous: ReportRecord } | ReviewRefusal;

export type ExclusiveResult<T> = { ran: true; value: T } | { ran: false };

/**
 * Which report versions to read. Every field narrows the list; none given = every stored version.
 * `period` is one month (YYYY-MM); `from`/`to` an inclusive range of months; `year` the months of a year.
 */
export interface ReportQuery {
  indicatorId?: string;
  period?: string;
  from?: string;
  to?: string;
  year?: number;
  /** A version stored before review existed reads as 'aprobado'. latestReports: the months whose latest is in it. */
  review?: R.ReviewState;
}

export type StoreHealth = { ok: true } | { ok: false; reason: StoreHealthReason };

export type SubscriptionFilter = { kind?: R.SubscriptionKind; conversationKey?: string };
export type ConversationFilter = { scope?: ConversationRecord['scope']; active?: boolean; userId?: string };

/** How a report came in (`Store.appendReport`). */
export type ReportMeta = Omit<ReportSubmission, 'input' | 'author'> & {
  at: string;
  /**
   * PostgreSQL: commit only before this instant (epoch ms), else fail with nothing stored: the caller's deadline (a
   * chat turn's), so that a caller told "failed" never has the write committed later.
   */
  commitBy?: number;
};

/**
 * The Store: the database is the store (PostgreSQL, shared by any number of processes) or the embedded lowdb file
 * (one process). Every read is async and by key or range; every write is one transaction (durable and atomic when
 * its promise resolves, with its audit entry).
 *
 * Rules the types do not state:
 * - Returned records are snapshots: never change them (the embedded store may hand out its own objects, frozen in
 *   spirit); a later write is seen by reading again, never through an object kept from an earlier read.
 * - Lists come in write order (reports, conversations, subscriptions, admins, sent) or seq order (audit).
 * - A report version is never changed in place; a review stores a copy carrying the new review state (the same id).
 * - A write acknowledged by any process is seen by every read that starts after the acknowledgement, in every process.
 * - `revision()` increases on every change made by any process sharing the store; equal revisions mean nothing
 *   changed (a cache key for computed figures).
 */
export interface Store {
  revision(): Promise<number>;
  /**
   * Calls `listener` after changes, with the revision (or a lower bound of it); changes close together may give one
   * call. PostgreSQL: fed by LISTEN/NOTIFY, so it fires for other processes' writes too; embedded: for this process's
   * writes. A hint to drop caches, never a substitute for reading: returns the function that stops the calls.
   */
  onChange(listener: (revision: number) => void): () => void;

  reports(query?: ReportQuery): Promise<readonly ReportRecord[]>;
  /**
   * The latest version of each (indicator, month) matching the query, in write order: what the rules and the review
   * look at (the counting version is the latest unless it was returned; progress/engine.ts, countsOver).
   */
  latestReports(query?: ReportQuery): Promise<readonly ReportRecord[]>;
  /**
   * The revision now and every report version stored or reviewed after revision `since` (each once, as it is now),
   * in the order of their last change, read at one instant: nothing changed at or below that revision is missing.
   */
  reportChanges(since: number): Promise<{ revision: number; reports: readonly ReportRecord[] }>;
  /** One stored version by id ("4263:2025-06:v2"), as it is now (review state included). */
  report(id: string): Promise<ReportRecord | undefined>;
  reportBySubmission(submissionId: string): Promise<ReportRecord | undefined>;
  /** Appends a report version with its audit entry; numbered here, under the store's write order. */
  appendReport(input: R.ReportInput, author: Person, meta: ReportMeta): Promise<StoredReport>;
  /** Many reports in one durable write, all or nothing (CSV import). Duplicated submissionIds are skipped. */
  appendReports(batch: ReportSubmission[], at: string, actor: Person): Promise<StoredReport[]>;
  /**
   * Approves or returns the latest version of a month while it is 'pendiente', with its audit entry. The caller
   * checks the actor and the reason (reports/review.ts); the store checks the state under its write order, so two
   * reviews of one version never both succeed.
   */
  reviewReport(decision: R.ReviewDecision, actor: Person, at: string): Promise<ReviewReportResult>;

  planVersions(planId?: string): Promise<readonly PlanVersionRecord[]>;
  /** A new plan version with its audit entry, or nothing when its plan is the latest's (domain/plan-versions.ts). */
  appendPlanVersion(input: PlanVersionInput, actor: Person, at: string): Promise<AppendPlanVersionResult>;

  owners(indicatorId: string): Promise<readonly Person[]>;
  /** Every indicator's owners (indicators without owners are absent). */
  allOwners(): Promise<Readonly<Record<string, readonly Person[]>>>;
  setOwners(indicatorId: string, owners: Person[], actor: Person, at: string): Promise<void>;

  /** Added at run time (PEI_ADMINS is configuration, not stored). */
  admins(): Promise<readonly Person[]>;
  addAdmin(person: Person, actor: Person, at: string): Promise<void>;
  removeAdmin(personId: string, actor: Person, at: string): Promise<void>;

  subscriptions(filter?: SubscriptionFilter): Promise<readonly Subscription[]>;
  subscribe(sub: Subscription, actor: Person): Promise<boolean>;
  /** Removes the conversation's subscription of that kind only (audited: who, when, what was removed). */
  unsubscribe(conversationKey: string, kind: R.SubscriptionKind, actor: Person, at: string): Promise<boolean>;

  conversation(key: string): Promise<ConversationRecord | undefined>;
  conversations(filter?: ConversationFilter): Promise<readonly ConversationRecord[]>;
  saveConversation(record: ConversationRecord): Promise<void>;
  removeConversation(key: string): Promise<void>;
  markConversationInactive(key: string, reason: string, at: string): Promise<void>;

  wasSent(key: string): Promise<boolean>;
  /**
   * Claims a send before delivery: stores `record` unless its key is already stored. True for exactly one caller of
   * a key across every process; the others must not deliver. A failed delivery is released (`releaseSend`).
   */
  claimSend(record: SentRecord): Promise<boolean>;
  releaseSend(key: string): Promise<void>;
  /** A claim's delivery done: the record replaces the claim. */
  confirmSend(record: SentRecord): Promise<void>;
  /** Records (or overwrites) what was sent under `record.key`. */
  markSent(record: SentRecord): Promise<void>;
  sent(filter?: { prefix?: string }): Promise<readonly SentRecord[]>;

  /**
   * Audit entries in seq order. `target` matches exactly ("report:4263:2025-06"), or as a prefix when it ends with
   * ':' ("report:4263:" = every period of 4263). `limit` keeps the newest entries.
   */
  audit(filter?: { target?: string; limit?: number }): Promise<readonly AuditEntry[]>;
  auditCount(): Promise<number>;

  /**
   * Runs `fn` holding the lock `name` across every process on the store, or not at all when another holds it (the
   * proactive sends run under it). The embedded store is one process: it just runs `fn`.
   */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<ExclusiveResult<T>>;

  /** Whether the store can be read and written now (never throws). */
  health(): Promise<StoreHealth>;

  flush(): Promise<void>;
  close(): Promise<void>;
}
