import { catalog } from '../i18n';
import { nearestPlanYear, planHoldsYear, planYears, PLAN_YEARS, type Indicator } from '../domain/plan';
import { bogotaDate, lastClosedPeriod, makePeriod, periodOf, yearOf } from '../calendar';
import type { IndicatorFigures } from '../progress/engine';
import type { Understanding } from '../language/types';
import type { ViewContext } from '../views/card-parts';
import type { CardJson } from '../views/render';
import { greetingCard, helpCard, missionVisionCard } from '../views/help-cards';
import { indicatorDetailCard } from '../views/indicator-cards';
import {
  chooseIndicatorCard,
  chooseObjectiveCard,
  notUnderstoodCard,
  outOfScopeCard,
  unknownIndicatorCard,
  unknownObjectiveCard,
} from '../views/message-cards';
import { laggingCard, objectiveStatusCard, planSummaryCard } from '../views/status-cards';
import { isAdmin, ownedIndicators, planOwners } from './roles';
import { pendingReviews } from '../reports/review';
import { reply, type ChatResult, type ChatTurn, type Services } from './types';

/** The shipped PEI's years (chatPeriod's default). */
const SHIPPED_YEARS = { from: PLAN_YEARS[0], to: PLAN_YEARS[PLAN_YEARS.length - 1] };

/** Answers to questions about the plan: objective, indicator, whole plan, lagging, misión/visión, help. */

/** The date a question is about, as the language layer read it: a month ("en marzo"), with its year or day. */
export interface QuestionDate {
  period?: string;
  month?: number;
  day?: number;
}

/**
 * The vigencia a chat question is about and the date its figures are computed at. By default the year of the month
 * that last closed (in January, last year's closing), unless the user names a year; figures as of today (Bogotá).
 * A past month named ("¿cómo iba el plan en marzo?", "al 31 de marzo", "as of March 31") moves the date back: the
 * month's last day (or the day named), its year the vigencia. A month without a year is its latest occurrence not
 * after today; a date still to come is answered as of today.
 */
export function chatPeriod(
  now: Date,
  namedYear?: number,
  when: QuestionDate = {},
  years: { from: number; to: number } = SHIPPED_YEARS,
): { year: number; asOf: string } {
  const today = bogotaDate(now);
  const inPlan = (y: number) => planHoldsYear({ period: years }, y);
  const period = when.period ?? (when.month ? latestPeriodOfMonth(when.month, today) : undefined);
  if (period && inPlan(yearOf(period))) {
    const last = lastDayOf(period);
    const day = when.day ? `${period}-${String(Math.min(when.day, Number(last.slice(8)))).padStart(2, '0')}` : last;
    if (day <= today) return { year: yearOf(day), asOf: day };
  }
  const asOf = today;
  // A plan's nearest year when today lies outside its years (a plan still to start, or one that ended).
  const year =
    namedYear && inPlan(namedYear) ? namedYear : nearestPlanYear({ period: years }, yearOf(lastClosedPeriod(asOf)));
  return { year, asOf };
}

/** The latest month numbered `month` that is not after today's month ("marzo" on 3 July 2025 -> 2025-03). */
export function latestPeriodOfMonth(month: number, today: string): string {
  const current = periodOf(today);
  const y = yearOf(current);
  return makePeriod(y, month) > current ? makePeriod(y - 1, month) : makePeriod(y, month);
}

/** "2025-02" -> "2025-02-28". */
function lastDayOf(period: string): string {
  const y = yearOf(period);
  const m = Number(period.slice(5, 7));
  return `${period}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/**
 * A card of figures as of a past date does not change: it goes without the `refresh` that would redraw it with
 * today's figures (Universal Actions refresh by year, as of the moment of the refresh).
 */
function asOfCard(card: CardJson, asOf: string, now: Date): CardJson {
  if (asOf === bogotaDate(now)) return card;
  const { refresh: _refresh, ...rest } = card as CardJson & { refresh?: unknown };
  return rest as CardJson;
}

const whenOf = (u: Understanding): QuestionDate => ({ period: u.period, month: u.month, day: u.day });

export async function viewContext(services: Services, turn: ChatTurn): Promise<ViewContext> {
  // The owners and whether the actor is an admin are read once (a status turn used to read each twice).
  const [owners, admin] = await Promise.all([planOwners(services), isAdmin(services, turn.actor)]);
  return {
    lang: turn.lang,
    owners: (id) => owners[id] ?? [],
    canReport: admin || ownedIndicators(services, owners, turn.actor).length > 0,
    asOf: bogotaDate(turn.now),
    plan: services.plan,
    reviewCount: admin ? (await pendingReviews(services.store, services.plan)).length : undefined,
  };
}

function indicatorsById(services: Services): Map<string, Indicator> {
  return new Map(services.plan.objectives.flatMap((o) => o.indicators.map((i) => [i.id, i] as const)));
}

export async function objectiveStatus(
  services: Services,
  turn: ChatTurn,
  n: number,
  namedYear?: number,
  when?: QuestionDate,
): Promise<ChatResult> {
  const { year, asOf } = chatPeriod(turn.now, namedYear, when, services.plan.period);
  const ctx = { ...(await viewContext(services, turn)), asOf };
  if (!Number.isInteger(n) || n < 1 || n > services.plan.objectives.length)
    return reply.card(unknownObjectiveCard(n, ctx));
  const fig = (await services.status.figures(year, asOf)).objectives[n - 1];
  return reply.card(
    asOfCard(objectiveStatusCard(fig, ctx), asOf, turn.now),
    catalog(turn.lang).replies.summaryObjective(n),
  );
}

export async function indicatorDetail(
  services: Services,
  turn: ChatTurn,
  id: string,
  namedYear?: number,
  when?: QuestionDate,
): Promise<ChatResult> {
  const { year, asOf } = chatPeriod(turn.now, namedYear, when, services.plan.period);
  const ctx = { ...(await viewContext(services, turn)), asOf };
  const ind = indicatorsById(services).get(id) ?? indicatorsById(services).get(id.toUpperCase());
  if (!ind) return reply.card(unknownIndicatorCard(id, ctx));
  const pick = async (y: number): Promise<IndicatorFigures> =>
    (await services.status.figures(y, asOf)).objectives[ind.objective - 1].indicators.find(
      (f) => f.indicator.id === ind.id,
    )!;
  const byYear: IndicatorFigures[] = [];
  for (const y of planYears(services.plan)) byYear.push(await pick(y));
  return reply.card(
    asOfCard(indicatorDetailCard(await pick(year), byYear, ctx), asOf, turn.now),
    catalog(turn.lang).replies.summaryIndicator(ind.id),
  );
}

export async function planSummary(
  services: Services,
  turn: ChatTurn,
  namedYear?: number,
  when?: QuestionDate,
): Promise<ChatResult> {
  const { year, asOf } = chatPeriod(turn.now, namedYear, when, services.plan.period);
  const ctx = { ...(await viewContext(services, turn)), asOf };
  return reply.card(
    asOfCard(planSummaryCard(await services.status.figures(year, asOf), ctx), asOf, turn.now),
    catalog(turn.lang).replies.summaryPlan,
  );
}

export async function lagging(
  services: Services,
  turn: ChatTurn,
  namedYear?: number,
  when?: QuestionDate,
): Promise<ChatResult> {
  const { year, asOf } = chatPeriod(turn.now, namedYear, when, services.plan.period);
  const ctx = { ...(await viewContext(services, turn)), asOf };
  return reply.card(asOfCard(laggingCard(await services.status.figures(year, asOf), ctx), asOf, turn.now));
}

export async function ask(services: Services, turn: ChatTurn, u: Understanding): Promise<ChatResult | undefined> {
  const ctx = await viewContext(services, turn);
  switch (u.intent) {
    case 'objective-status':
      if (u.objective === undefined && u.chooseObjective) {
        const { year, asOf } = chatPeriod(turn.now, u.year, whenOf(u), services.plan.period);
        return reply.card(chooseObjectiveCard({ ...ctx, asOf }, await services.status.figures(year, asOf)));
      }
      return u.objective !== undefined
        ? objectiveStatus(services, turn, u.objective, u.year, whenOf(u))
        : planSummary(services, turn, u.year, whenOf(u));
    case 'indicator-detail':
      if (u.indicatorId) return indicatorDetail(services, turn, u.indicatorId, u.year, whenOf(u));
      if (u.indicatorIds?.length === 1) return indicatorDetail(services, turn, u.indicatorIds[0], u.year, whenOf(u));
      if (u.indicatorIds?.length) {
        const map = indicatorsById(services);
        return reply.card(
          chooseIndicatorCard(u.indicatorIds.map((id) => map.get(id)!).filter(Boolean), u.original ?? u.text, ctx),
        );
      }
      return reply.card(notUnderstoodCard(u.original ?? u.text, ctx));
    case 'plan-summary':
      return planSummary(services, turn, u.year, whenOf(u));
    case 'lagging':
      return lagging(services, turn, u.year, whenOf(u));
    case 'mission':
    case 'vision':
      // The help and the manifest promise «misión» shows both: they are read together.
      return reply.card(missionVisionCard(services.plan, 'both', ctx));
    case 'greeting':
      return reply.card(
        greetingCard(u.greeting ?? 'hello', {
          ...ctx,
          canReport: ctx.canReport || (await isAdmin(services, turn.actor)),
        }),
      );
    case 'help': {
      const admin = await isAdmin(services, turn.actor);
      const role = admin ? 'admin' : ctx.canReport ? 'owner' : 'official';
      return reply.card(helpCard({ ...ctx, canReport: ctx.canReport || admin }, { role, scope: turn.scope }));
    }
    case 'unknown':
      if (u.outOfScope) return reply.card(outOfScopeCard(u.outOfScope, ctx));
      return reply.card(notUnderstoodCard(u.original ?? u.text, ctx));
    default:
      return undefined;
  }
}
