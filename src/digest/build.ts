import { ownersOfPlan } from '../domain/owners';
import { nearestPlanYear, planHoldsReport, type Plan } from '../domain/plan';
import type { PlanFigures } from '../progress/engine';
import type { ConversationRecord, ReportRecord, SentRecord } from '../domain/records';
import type { Store } from '../store/types';
import { bogotaDate, lastClosedPeriod, yearOf } from '../calendar';
import type { Lang } from '../i18n/lang';
import { computeCompliance } from '../reports/compliance';
import {
  composeDigest,
  readSnapshot,
  reportsBetween,
  snapshotOf,
  type DigestModel,
  type DigestSnapshot,
  type PreviousDigest,
} from './compose';
import { parseDigestKey } from './schedule';

/** A digest's composition: what one run's digests share (DigestContext) and what each conversation gets. */

/** What composing a digest reads. */
export interface DigestSources {
  plan: Plan;
  store: Store;
  figures(year: number, asOf: string): Promise<PlanFigures>;
}

/**
 * The vigencia a digest reports: the year of the month that last closed (in early January, the year that just
 * ended — its December report is still due), as of today in Bogotá. Same figures as
 * GET /api/v1/status?year=<year>&asOf=<asOf>.
 */
export function digestPeriod(now: Date): { year: number; asOf: string } {
  const asOf = bogotaDate(now);
  return { year: yearOf(lastClosedPeriod(asOf)), asOf };
}

/** Where a conversation's digests of one plan are kept apart from its other plans' ('' : digests naming no plan). */
const threadOf = (conversationKey: string, planId: string) => `${planId}\u0000${conversationKey}`;

/**
 * Each conversation's latest digest record of each plan (scheduled or sent on demand), by `threadOf`; claims not
 * confirmed yet do not count. A digest recorded before digests named their plan counts for every plan of its
 * conversation until that plan has one of its own.
 */
export async function previousDigests(store: Pick<Store, 'sent'>): Promise<Map<string, PreviousDigest>> {
  const best = new Map<string, SentRecord>();
  for (const rec of await store.sent({ prefix: 'digest:' })) {
    const k = parseDigestKey(rec.key);
    if (!k || rec.pending) continue;
    const thread = threadOf(k.conversationKey, readSnapshot(rec.detail)?.planId ?? '');
    const prev = best.get(thread);
    if (!prev || Date.parse(rec.at) > Date.parse(prev.at)) best.set(thread, rec);
  }
  return new Map([...best].map(([key, rec]) => [key, { at: rec.at, snapshot: readSnapshot(rec.detail) }]));
}

/** The conversation's previous digest of the plan, from `previousDigests`' map. */
function previousOf(previous: Map<string, PreviousDigest>, conversationKey: string, planId: string) {
  return previous.get(threadOf(conversationKey, planId)) ?? previous.get(threadOf(conversationKey, '')) ?? null;
}

/** The conversation's latest digest record of the plan (scheduled or sent on demand; any plan's unnamed), or null. */
export async function previousDigestOf(
  store: Pick<Store, 'sent'>,
  conversationKey: string,
  planId?: string,
): Promise<PreviousDigest | null> {
  const all = await previousDigests(store);
  if (planId !== undefined) return previousOf(all, conversationKey, planId);
  let latest: PreviousDigest | null = null;
  for (const [thread, d] of all)
    if (thread.endsWith(`\u0000${conversationKey}`) && (!latest || Date.parse(d.at) > Date.parse(latest.at)))
      latest = d;
  return latest;
}

export interface BuiltDigest {
  model: DigestModel;
  snapshot: DigestSnapshot;
}

/**
 * What the digests of one plan in one run share, read and computed once however many conversations get one (a
 * district's rollout subscribes thousands of channels): the figures, the owners, the plan's reports (those of its
 * years: an id a later plan reuses is not its), the year's compliance, each conversation's previous digest, and the
 * reports since each distinct previous digest.
 */
export interface DigestContext {
  plan: Plan;
  now: Date;
  figures: PlanFigures;
  owners: Awaited<ReturnType<Store['allOwners']>>;
  reports: readonly ReportRecord[];
  compliance: ReturnType<typeof computeCompliance>['totals'];
  previous: Map<string, PreviousDigest>;
  since: Map<string, ReportRecord[]>;
}

export async function digestContext(deps: DigestSources, now: Date): Promise<DigestContext> {
  const period = digestPeriod(now);
  const { asOf } = period;
  // The digest's year inside the plan's years (the nearest of them: a plan named before or after its years).
  const year = nearestPlanYear(deps.plan, period.year);
  const figures = await deps.figures(year, asOf);
  const owners = ownersOfPlan(await deps.store.allOwners(), deps.plan.id);
  // One read of the reports serves both: compliance counts only the year's (computeCompliance skips the others).
  // The plan's reports: of its indicators (as its version in force has them) and its years.
  const ids = new Set(figures.objectives.flatMap((o) => o.indicators.map((f) => f.indicator.id)));
  const reports = (await deps.store.reports()).filter((r) => planHoldsReport(deps.plan, ids, r));
  const compliance = computeCompliance({
    plan: deps.plan,
    reports,
    owners: (id) => owners[id] ?? [],
    year,
    asOf,
  }).totals;
  const previous = await previousDigests(deps.store);
  return { plan: deps.plan, now, figures, owners, reports, compliance, previous, since: new Map() };
}

/** The digest a conversation gets, from the run's context (of the plan it follows). */
export function composeFor(ctx: DigestContext, conversationKey: string, lang: Lang): BuiltDigest {
  const plan = ctx.plan;
  const previous = previousOf(ctx.previous, conversationKey, plan.id);
  const since = previous?.at ?? new Date(ctx.now.getTime() - 7 * 86_400_000).toISOString();
  let reportsSince = ctx.since.get(since);
  if (!reportsSince) ctx.since.set(since, (reportsSince = reportsBetween(ctx.reports, since, ctx.now)));
  const model = composeDigest({
    plan,
    figures: ctx.figures,
    previous,
    reportsSince,
    owners: (id) => ctx.owners[id] ?? [],
    lang,
    now: ctx.now,
    compliance: ctx.compliance,
  });
  return { model, snapshot: snapshotOf(ctx.figures, plan.id) };
}

/**
 * The language of what the bot sends a conversation on its own (digests, reminders, notices): in a personal chat
 * the one its person last wrote in; Spanish in channels and group chats (many readers share them) and for a person
 * who never wrote.
 */
export function conversationLang(conversation: Pick<ConversationRecord, 'scope' | 'lang'>): Lang {
  return conversation.scope === 'personal' && conversation.lang === 'en' ? 'en' : 'es';
}

/** Composes the digest a conversation gets at `now`, from the store and the figures. */
export async function buildDigest(
  deps: DigestSources,
  conversationKey: string,
  now: Date,
  lang: 'es' | 'en' = 'es',
): Promise<BuiltDigest> {
  return composeFor(await digestContext(deps, now), conversationKey, lang);
}
