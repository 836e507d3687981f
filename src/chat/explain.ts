import { catalog } from '../i18n';
import { explainIndicator, explainObjective, explainPlan } from '../progress/explain';
import { unknownIndicatorCard, unknownObjectiveCard } from '../views/message-cards';
import { indicatorExplanationCard, objectiveExplanationCard, planExplanationCard } from '../views/explain-cards';
import { chatPeriod, viewContext } from './ask';
import type { ChatModule } from './router';
import { reply, type ChatResult, type ChatTurn, type Services } from './types';

/**
 * «¿por qué el objetivo 2 va en 67,5 %?», «¿cómo se calcula el indicador 4236?», «why is objective 2 at 67.5 %»
 * and the «¿Cómo se calcula?» button of the status cards: the figure explained from the same figures the cards
 * show (progress/explain.ts), at the same as-of date.
 */

export async function explain(
  services: Services,
  turn: ChatTurn,
  what: { objective?: number; indicatorId?: string; year?: number },
): Promise<ChatResult> {
  const ctx = await viewContext(services, turn);
  const { from, to } = services.plan.period;
  const namedYear = what.year !== undefined && what.year >= from && what.year <= to ? what.year : undefined;
  const { year, asOf } = chatPeriod(turn.now, namedYear, {}, services.plan.period);
  const figures = await services.status.figures(year, asOf);
  if (what.indicatorId) {
    const id = what.indicatorId.toUpperCase();
    const o = figures.objectives.find((x) => x.indicators.some((f) => f.indicator.id.toUpperCase() === id));
    if (!o) return reply.card(unknownIndicatorCard(what.indicatorId.slice(0, 40), ctx));
    const f = o.indicators.find((x) => x.indicator.id.toUpperCase() === id)!;
    const row = explainObjective(o, asOf, figures.version).rows.find((r) => r.indicatorId === f.indicator.id)!;
    return reply.card(
      indicatorExplanationCard(explainIndicator(f, asOf, figures.version), turn.lang, {
        number: o.objective.number,
        weightUsed: row.weightUsed,
        capped: row.capped,
        contribution: row.shownContribution,
      }),
      catalog(turn.lang).replies.summaryIndicator(f.indicator.id),
    );
  }
  if (what.objective !== undefined) {
    const o = figures.objectives.find((x) => x.objective.number === what.objective);
    if (!o) return reply.card(unknownObjectiveCard(what.objective, ctx));
    const used = (id: string) => {
      const f = o.indicators.find((x) => x.indicator.id === id)!;
      return { unit: f.indicator.unit, reports: explainIndicator(f, asOf).reports };
    };
    return reply.card(
      objectiveExplanationCard(explainObjective(o, asOf, figures.version), turn.lang, used),
      catalog(turn.lang).replies.summaryObjective(o.objective.number),
    );
  }
  return reply.card(planExplanationCard(explainPlan(figures), turn.lang), catalog(turn.lang).replies.summaryPlan);
}

const num = (v: unknown): number | undefined => {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
};

export const explainModule: ChatModule = {
  intents: {
    explain: (services, turn, u) =>
      explain(services, turn, {
        objective: u.objective,
        indicatorId: u.indicatorId ?? (u.indicatorIds?.length === 1 ? u.indicatorIds[0] : undefined),
        year: u.year,
      }),
  },
  actions: {
    explain: (services, turn, data) =>
      explain(services, turn, {
        objective: num(data.objective),
        indicatorId: typeof data.indicatorId === 'string' ? data.indicatorId : undefined,
        year: num(data.year),
      }),
  },
};
