/** The records the plan's follow-up keeps: people, report versions, reviews, audit entries, subscriptions, conversations, sends. */

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
  /**
   * A proactive run's claim whose delivery is not confirmed yet (DigestRunner). A run confirms or releases each
   * of its claims before it ends; one found pending by the next run was left by a process stopped mid-send.
   */
  pending?: true;
}
