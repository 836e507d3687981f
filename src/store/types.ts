/**
 * The Store interface: everything the capabilities persist. Capabilities take a Store as a parameter;
 * only main.ts picks an implementation (lowdb today). No implementation detail leaks through here.
 */

export interface Person {
  /** Teams AAD object id where known; otherwise a lower-cased email. */
  id: string;
  name: string;
  email?: string;
  /** Teams user id ("29:…"), the id a Teams @mention carries; kept so the person is matched by it too. */
  teamsId?: string;
}

export type ReportSource = 'teams' | 'csv' | 'api';

/** The planning office's review of a report version (DOMAIN.md, "Review"). */
export type ReviewState = 'pendiente' | 'aprobado' | 'devuelto';

/** What a reporter submits (already validated by reports/). */
export interface ReportInput {
  indicatorId: string;
  /** YYYY-MM */
  period: string;
  value: number;
  logros: string;
  dificultades: string;
  evidencia: string;
}

/** One stored version of a report. The effective report of (indicator, period) is its highest version. */
export interface ReportRecord extends ReportInput {
  id: string;
  version: number;
  author: Person;
  /** ISO instant of the write. */
  reportedAt: string;
  source: ReportSource;
  /** Idempotency key (the form card instance, the CSV file hash + line); a repeat stores nothing new. */
  submissionId?: string;
  /**
   * Review state. Absent on versions stored before review existed: they read as 'aprobado' (reports/review.ts,
   * reviewOf). A version is never changed in place: a review replaces the record by a copy carrying the new state.
   */
  review?: ReviewState;
  reviewedBy?: Person;
  /** ISO instant of the review. */
  reviewedAt?: string;
  /** The reason given when the version was returned (or an approval's note). */
  reviewNote?: string;
}

/** An admin's decision on a 'pendiente' version. */
export interface ReviewDecision {
  reportId: string;
  decision: 'aprobado' | 'devuelto';
  note?: string;
}

export type ReviewReportResult =
  | { status: 'reviewed'; record: ReportRecord; previous: ReportRecord }
  | { status: 'not-found' }
  /** A newer version of the month exists: only the latest version is reviewed. */
  | { status: 'superseded'; record: ReportRecord; latest: ReportRecord }
  /** Already approved or returned (e.g. a second click, or another admin was first). */
  | { status: 'not-pending'; record: ReportRecord };

export interface AuditEntry {
  seq: number;
  at: string;
  actor: Person;
  action: string;
  /** What was changed: "report:4263:2025-06", "owner:4263", "admin:<id>", "subscription:<conv>". */
  target: string;
  before: unknown;
  after: unknown;
}

/** What a conversation can subscribe to: the weekly digest, the planning office's daily review digest. */
export const SUBSCRIPTION_KINDS = ['weekly-digest', 'review-digest'] as const;
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number];

export interface Subscription {
  conversationKey: string;
  /** 'review-digest': the planning office's daily digest of what waits for review (a planning channel). */
  kind: SubscriptionKind;
  createdBy: Person;
  createdAt: string;
}

/** A conversation the bot can write to later; `reference` is opaque to the core (a Bot Framework ConversationReference). */
export interface ConversationRecord {
  key: string;
  scope: 'personal' | 'groupChat' | 'team' | 'channel';
  reference: unknown;
  /** For personal chats: whose chat it is (AAD object id), and their email once Teams has told it. */
  userId?: string;
  email?: string;
  teamId?: string;
  name?: string;
  /** The team's display name, as Teams last told it (channelData.team.name). */
  teamName?: string;
  /** For personal chats: the user's display name, as Teams last told it (activity.from.name). */
  userName?: string;
  /** For personal chats: the language the person last wrote to the bot in (digests, reminders and notices use it). */
  lang?: 'es' | 'en';
  active: boolean;
  updatedAt: string;
  inactiveReason?: string;
}

export interface SentRecord {
  /** e.g. "digest:2025-W27:<conversationKey>", "reminder:2025-06:d-3:<userId>:<indicatorId>" */
  key: string;
  at: string;
  detail?: unknown;
}

export interface AppendReportResult {
  record: ReportRecord;
  /** True when the submissionId had already been stored: nothing new was written. */
  duplicate: boolean;
}

/** What `Store.exclusive` did: ran the function (holding the lock), or not (another process holds it). */
export type ExclusiveResult<T> = { ran: true; value: T } | { ran: false };

export interface Store {
  /** Increases on every change; a cache key for figures computed from the store. */
  readonly revision: number;

  /** Every stored version, in write order. */
  reports(): readonly ReportRecord[];
  /**
   * Appends a report version durably (the promise resolves only once it is on disk) with its audit entry.
   * The version number is assigned here, under the store's write lock.
   */
  appendReport(
    input: ReportInput,
    author: Person,
    meta: { source: ReportSource; submissionId?: string; at: string; review?: ReviewState },
  ): Promise<AppendReportResult>;
  /** Many reports in one durable write, all or nothing (CSV import). Duplicated submissionIds are skipped. */
  appendReports(
    batch: { input: ReportInput; author: Person; source: ReportSource; submissionId?: string; review?: ReviewState }[],
    at: string,
    actor: Person,
  ): Promise<AppendReportResult[]>;
  /**
   * Approves or returns the latest version of a month while it is 'pendiente', durably and atomically, with its
   * audit entry ('report.approve' / 'report.return', who, when, the note). The caller checks that the actor is an
   * admin and that a return has its reason (reports/review.ts); the store checks the version's state under its
   * write order, so two reviews of one version never both succeed.
   */
  reviewReport(decision: ReviewDecision, actor: Person, at: string): Promise<ReviewReportResult>;

  owners(indicatorId: string): readonly Person[];
  allOwners(): Readonly<Record<string, readonly Person[]>>;
  setOwners(indicatorId: string, owners: Person[], actor: Person, at: string): Promise<void>;

  /** Admins added at run time (PEI_ADMINS is configuration, not stored). */
  admins(): readonly Person[];
  addAdmin(person: Person, actor: Person, at: string): Promise<void>;
  removeAdmin(personId: string, actor: Person, at: string): Promise<void>;

  subscriptions(): readonly Subscription[];
  subscribe(sub: Subscription, actor: Person): Promise<boolean>;
  unsubscribe(conversationKey: string, actor: Person, at: string): Promise<boolean>;

  conversations(): readonly ConversationRecord[];
  saveConversation(record: ConversationRecord): Promise<void>;
  removeConversation(key: string): Promise<void>;
  markConversationInactive(key: string, reason: string, at: string): Promise<void>;

  wasSent(key: string): boolean;
  markSent(record: SentRecord): Promise<void>;
  sent(): readonly SentRecord[];

  audit(filter?: { target?: string; limit?: number }): readonly AuditEntry[];

  /**
   * Brings what the reads return up to date with writes made by other processes sharing the database (the
   * PostgreSQL store; one cheap query when nothing changed). The embedded store is one process: nothing to do.
   * The HTTP and Teams layers call it at the start of each request and turn.
   */
  refresh(): Promise<void>;
  /**
   * Runs `fn` while holding the lock `name` across every process on the store, or not at all when another holds it
   * (PostgreSQL: a session advisory lock, released if the holder dies). The proactive sends run under it, so a
   * digest or reminder due once is sent by one process. The embedded store is one process: it just runs `fn`.
   */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<ExclusiveResult<T>>;

  /** Waits for every write in flight. */
  flush(): Promise<void>;
  close(): Promise<void>;
}
