import { catalog } from '../i18n';
import { PLAN_YEARS } from '../domain/plan';
import type { Indicator } from '../domain/plan';
import { bogotaDate, lastClosedPeriod, yearOf } from '../calendar';
import type { IndicatorFigures } from '../progress/engine';
import type { Understanding } from '../language/types';
import type { ViewContext } from '../views/card-parts';
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
import { isAdmin, reportableIndicators } from './roles';
import { pendingReviews } from '../reports/review';
import { reply, type ChatResult, type ChatTurn, type Services } from './types';

/** Answers to questions about the plan: objective, indicator, whole plan, lagging, misión/visión, help. */

/**
 * The vigencia a chat question is about: the year of the month that last closed (in January, last year's
 * closing), unless the user names a year; figures as of today (Bogotá).
 */
export function chatPeriod(now: Date, namedYear?: number): { year: number; asOf: string } {
  const asOf = bogotaDate(now);
  const year = namedYear && PLAN_YEARS.includes(namedYear as never) ? namedYear : yearOf(lastClosedPeriod(asOf));
  return { year, asOf };
}

export async function viewContext(services: Services, turn: ChatTurn): Promise<ViewContext> {
  const owners = await services.store.allOwners();
  return {
    lang: turn.lang,
    owners: (id) => owners[id] ?? [],
    canReport: (await reportableIndicators(services, turn.actor)).length > 0,
    asOf: bogotaDate(turn.now),
    plan: services.plan,
    reviewCount: (await isAdmin(services, turn.actor))
      ? (await pendingReviews(services.store, services.plan)).length
      : undefined,
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
): Promise<ChatResult> {
  const ctx = await viewContext(services, turn);
  if (!Number.isInteger(n) || n < 1 || n > services.plan.objectives.length)
    return reply.card(unknownObjectiveCard(n, ctx));
  const { year, asOf } = chatPeriod(turn.now, namedYear);
  const fig = (await services.status.figures(year, asOf)).objectives[n - 1];
  return reply.card(objectiveStatusCard(fig, ctx), catalog(turn.lang).replies.summaryObjective(n));
}

export async function indicatorDetail(
  services: Services,
  turn: ChatTurn,
  id: string,
  namedYear?: number,
): Promise<ChatResult> {
  const ctx = await viewContext(services, turn);
  const ind = indicatorsById(services).get(id) ?? indicatorsById(services).get(id.toUpperCase());
  if (!ind) return reply.card(unknownIndicatorCard(id, ctx));
  const { year, asOf } = chatPeriod(turn.now, namedYear);
  const pick = async (y: number): Promise<IndicatorFigures> =>
    (await services.status.figures(y, asOf)).objectives[ind.objective - 1].indicators.find(
      (f) => f.indicator.id === ind.id,
    )!;
  const byYear: IndicatorFigures[] = [];
  for (const y of PLAN_YEARS) byYear.push(await pick(y));
  return reply.card(
    indicatorDetailCard(await pick(year), byYear, ctx),
    catalog(turn.lang).replies.summaryIndicator(ind.id),
  );
}

export async function planSummary(services: Services, turn: ChatTurn, namedYear?: number): Promise<ChatResult> {
  const { year, asOf } = chatPeriod(turn.now, namedYear);
  const ctx = await viewContext(services, turn);
  return reply.card(
    planSummaryCard(await services.status.figures(year, asOf), ctx),
    catalog(turn.lang).replies.summaryPlan,
  );
}

export async function lagging(services: Services, turn: ChatTurn, namedYear?: number): Promise<ChatResult> {
  const { year, asOf } = chatPeriod(turn.now, namedYear);
  const ctx = await viewContext(services, turn);
  return reply.card(laggingCard(await services.status.figures(year, asOf), ctx));
}

export async function ask(services: Services, turn: ChatTurn, u: Understanding): Promise<ChatResult | undefined> {
  const ctx = await viewContext(services, turn);
  switch (u.intent) {
    case 'objective-status':
      if (u.objective === undefined && u.chooseObjective) {
        const { year, asOf } = chatPeriod(turn.now, u.year);
        return reply.card(chooseObjectiveCard(ctx, await services.status.figures(year, asOf)));
      }
      return u.objective !== undefined
        ? objectiveStatus(services, turn, u.objective, u.year)
        : planSummary(services, turn, u.year);
    case 'indicator-detail':
      if (u.indicatorId) return indicatorDetail(services, turn, u.indicatorId, u.year);
      if (u.indicatorIds?.length === 1) return indicatorDetail(services, turn, u.indicatorIds[0], u.year);
      if (u.indicatorIds?.length) {
        const map = indicatorsById(services);
        return reply.card(
          chooseIndicatorCard(u.indicatorIds.map((id) => map.get(id)!).filter(Boolean), u.original ?? u.text, ctx),
        );
      }
      return reply.card(notUnderstoodCard(u.original ?? u.text, ctx));
    case 'plan-summary':
      return planSummary(services, turn, u.year);
    case 'lagging':
      return lagging(services, turn, u.year);
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
