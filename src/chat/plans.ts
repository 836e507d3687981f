/**
 * Which plan a turn is about (CONTRACT.md, «Plans that change»): the plan a message names («¿cómo va el objetivo 2
 * del plan pei-2028-2031?», "objective 2 of plan pei-2028-2031"), else the plan the tapped card was drawn for (its
 * action data's `plan`), else the plan in force today (the one whose years contain today's year, the first loaded
 * where several do). The handlers then run over services scoped to that plan (its plan, status service and
 * understanding), unchanged: they answer for the plan they are given. Every card they answer carries that plan in
 * each of its actions (`withPlan`), so a button, a form or a refresh answers for the card's plan, not today's.
 */
import { bogotaDate } from '../calendar';
import { planYearsText } from '../domain/plan';
import { stampActions } from '../views/stamp';
import type { Card, ChatResult, Services } from './types';

/** «plan <id>»: an id with a hyphen and a digit (pei-2028-2031, pa-2026), so «plan de acción» is not one. */
const NAMED = /\bplan\s+([a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+)\b/iu;
/** The words before it that go with it: «del», «en el», «of», «for the»… */
const LEAD = /(?:\b(?:del|de|en el|en|para el|of the|of|in the|in|for the|for)\s+)?$/iu;

/** The plan id a message names, and the message without those words (so that the id's digits are not read as years). */
export function namedPlan(text: string): { id: string; rest: string } | null {
  const m = NAMED.exec(text);
  if (!m || !/\d/.test(m[1])) return null;
  const before = text.slice(0, m.index);
  const lead = LEAD.exec(before);
  const start = lead ? lead.index : m.index;
  const rest = `${text.slice(0, start)} ${text.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
  return { id: m[1], rest };
}

export type TurnPlan = { ok: true; services: Services; text: string } | { ok: false; got: string; plans: string[] };

/**
 * The services for this turn: scoped to the plan the text names, else the plan `given` (a card's), else the plan in
 * force on the turn's date; the text to understand (without the plan's name). Without a plan book (one plan only),
 * the services as they are.
 */
export async function planOfTurn(services: Services, now: Date, text: string, given?: string): Promise<TurnPlan> {
  const book = services.plans;
  if (!book) return { ok: true, services, text };
  const named = namedPlan(text) ?? (given ? { id: given, rest: text } : null);
  let status;
  try {
    status = named ? await book.get(named.id) : await book.inForce(bogotaDate(now));
  } catch (e) {
    // The store cannot be read: a turn that names no plan goes on with the first plan (help, greetings still answer).
    if (named) throw e;
    return { ok: true, services, text };
  }
  if (!status) {
    const plans = (await book.summaries()).map((p) => `${p.id} (${p.name}, ${planYearsText(p)})`);
    return { ok: false, got: named!.id.slice(0, 60), plans };
  }
  const rest = named ? named.rest : text;
  if (status.plan.id === services.plan.id) return { ok: true, services, text: rest };
  const understanding = services.understandingOf?.(status.plan) ?? services.understanding;
  return { ok: true, services: { ...services, plan: status.plan, status, understanding }, text: rest };
}

/** The card with `plan` (the id of the plan it was drawn for) in every action's data (one it already has is kept). */
export const cardOfPlan = (card: Card, planId: string): Card => stampActions(card, { plan: planId }, true);

/** The result with `plan` (the id of the plan its cards were drawn for) in every action of its cards. */
export function withPlan(result: ChatResult, planId: string): ChatResult {
  const stamp = (card: Card) => cardOfPlan(card, planId);
  return {
    ...result,
    replies: result.replies.map((r) => ('card' in r ? { ...r, card: stamp(r.card) } : r)),
    ...(result.replaceSource ? { replaceSource: stamp(result.replaceSource) } : {}),
  };
}
