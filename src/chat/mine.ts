import type { Indicator } from '../domain/plan';
import { bogotaDate, lastClosedPeriod, periodOf, reportDeadline, type IsoDate, type Period } from '../calendar';
import { computeCompliance, type ComplianceState } from '../reports/compliance';
import { personKeys } from '../reports/ownership';
import { expectsReport } from '../digest/reminders';
import type { IndicatorFigures } from '../progress/engine';
import {
  myIndicatorsCard,
  nobodyOwnsCard,
  type DueState,
  type MyIndicatorsView,
  type OwnedIndicatorView,
} from '../views/mine-cards';
import { chatPeriod } from './ask';
import { isAdmin, planOwners } from './roles';
import type { ChatModule } from './module';
import { reply, type Actor, type ChatResult, type ChatTurn, type Services } from './types';

/**
 * «Mis indicadores» / «my indicators»: the indicators the person owns (not every indicator an admin may report),
 * each with its status of the year, the month due and its deadline, and a button that opens the report form.
 * The month due and its deadline come from the compliance rules (reports/compliance.ts: the month that last closed,
 * its deadline the 5th business day of the next month; reported or not by the first version stored); nothing is
 * recomputed here. The same list is the message extension's empty query (chat/search.ts).
 */

/** The indicators whose owners include the actor (by AAD object id, Teams id or e-mail), in plan order. */
export async function ownedIndicators(services: Services, actor: Actor): Promise<Indicator[]> {
  const keys = personKeys(actor);
  if (!keys.length) return [];
  const owners = await planOwners(services);
  return services.plan.objectives
    .flatMap((o) => o.indicators)
    .filter((ind) => (owners[ind.id] ?? []).some((p) => personKeys(p).some((k) => keys.includes(k))));
}

export interface OwnedIndicator {
  indicator: Indicator;
  figures: IndicatorFigures;
  due: DueState;
  /** Earlier months of the year whose deadline passed without a report, oldest first. */
  missing: Period[];
}

export interface OwnedList {
  year: number;
  asOf: IsoDate;
  items: OwnedIndicator[];
}

const REPORTED: ReadonlySet<ComplianceState> = new Set(['a-tiempo', 'tarde']);

/** The actor's indicators with their figures and reporting calendar, as of the turn's date. */
export async function ownedList(services: Services, turn: ChatTurn): Promise<OwnedList> {
  const owned = await ownedIndicators(services, turn.actor);
  const { year, asOf } = chatPeriod(turn.now, undefined, {}, services.plan.period);
  if (!owned.length) return { year, asOf, items: [] };
  const today = bogotaDate(turn.now);
  const last = lastClosedPeriod(today);
  const ids = new Set(owned.map((i) => i.id));
  // The vigencia of the month that last closed, as of today: that month's state and deadline, and the year's misses.
  const owners = await planOwners(services);
  const compliance = computeCompliance({
    plan: services.plan,
    reports: (await services.store.reports({ year })).filter((r) => ids.has(r.indicatorId)),
    owners: (id) => owners[id] ?? [],
    year,
    asOf: today,
  });
  const byId = new Map(compliance.indicators.map((c) => [c.id, c]));
  const figures = await services.status.figures(year, asOf);
  const items = owned.map((ind): OwnedIndicator => {
    const fig = figures.objectives[ind.objective - 1].indicators.find((f) => f.indicator.id === ind.id)!;
    const c = byId.get(ind.id);
    const state = c?.months[last];
    let due: DueState;
    if (!c || state === undefined) due = { kind: 'no-target', year };
    else if (REPORTED.has(state)) {
      const current = periodOf(today);
      due = expectsReport(ind, current)
        ? { kind: 'reported', period: last, next: { period: current, deadline: reportDeadline(current) } }
        : { kind: 'reported', period: last };
    } else due = { kind: state === 'sin-reporte' ? 'overdue' : 'due', period: last, deadline: c.deadlines[last] };
    const missing = c
      ? Object.entries(c.months)
          .filter(([p, s]) => p !== last && s === 'sin-reporte')
          .map(([p]) => p)
      : [];
    return { indicator: ind, figures: fig, due, missing };
  });
  return { year, asOf, items };
}

/** The view model of the list (every string of the card is made in views/). */
export function ownedListView(list: OwnedList, turn: ChatTurn, canReport: boolean): MyIndicatorsView {
  const items: OwnedIndicatorView[] = list.items.map((it) => ({
    indicator: it.indicator,
    figures: it.figures,
    due: it.due,
    missing: it.missing,
    canReport,
  }));
  return { lang: turn.lang, year: list.year, asOf: list.asOf, items };
}

export async function myIndicators(services: Services, turn: ChatTurn): Promise<ChatResult> {
  const list = await ownedList(services, turn);
  const admin = await isAdmin(services, turn.actor);
  if (!list.items.length) {
    const card = nobodyOwnsCard(turn.lang, admin);
    return reply.card(card);
  }
  // Owners may report their own indicators (ownership is what the list is about); the form checks it again.
  const view = ownedListView(list, turn, true);
  return reply.card(myIndicatorsCard(view, { lang: turn.lang }));
}

export const mineModule: ChatModule = {
  intents: { 'my-indicators': (services, turn) => myIndicators(services, turn) },
  actions: { 'my-indicators': (services, turn) => myIndicators(services, turn) },
};
