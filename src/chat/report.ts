import { randomUUID } from 'node:crypto';
import type { Indicator } from '../domain/plan';
import { bogotaDate, isYearClosed, lastClosedPeriod, makePeriod, periodOf, previousPeriod, yearOf } from '../calendar';
import { latestPeriodOfMonth } from './ask';
import type { Understanding } from '../language/types';
import { reportLookup } from '../reports/lookup';
import { submitReport } from '../reports/submit';
import { effectiveByPeriod, findIndicator, REPORT_FIELDS, type FieldError } from '../reports/validate';
import { messageCard } from '../views/message-cards';
import { reportStart } from '../views/verbs';
import { inputText } from '../reports/numbers';
import {
  reportConfirmationCard,
  reportFormCard,
  VERB_REPORT_CANCEL,
  VERB_REPORT_SUBMIT,
  type FormValues,
} from '../views/report-cards';
import { reportStrings } from '../i18n';
import { isAdmin, reportableIndicators } from './roles';
import { StoreError } from '../store/errors';
import { storeFailure } from './store-failure';
import type { ActionHandler, ChatModule } from './router';
import { reply, type ChatResult, type ChatTurn, type Services } from './types';

/**
 * Reporting progress in chat: "reportar avance" / "report progress" (or a status card's "Reportar avance" button)
 * opens the form; its submit is validated and stored by reports/submit.ts; the form is then replaced in place by
 * a confirmation (so it cannot be sent twice) and the updated indicator card follows. An invalid submit replaces
 * the form with itself, the entries kept and each error in red beside its field.
 */

/** How many closed months the form offers (besides the month in progress). */
export const FORM_MONTHS = 12;

/**
 * The months the form offers, newest first: the month in progress and the last 12 closed ones, inside the plan's
 * years; owners only get months of years still open (admins may correct closed years).
 */
export function periodChoices(services: Services, now: Date, admin: boolean): string[] {
  const today = bogotaDate(now);
  const { from, to } = services.plan.period;
  const out: string[] = [];
  let p = periodOf(today);
  for (let i = 0; i <= FORM_MONTHS; i++, p = previousPeriod(p)) {
    const y = yearOf(p);
    if (y < from || y > to) continue;
    if (!admin && isYearClosed(y, today)) continue;
    out.push(p);
  }
  return out;
}

/** The default month when none is named: the month that just closed (else the newest offered). */
function defaultPeriod(choices: string[], now: Date): string {
  const closed = lastClosedPeriod(bogotaDate(now));
  return choices.includes(closed) ? closed : (choices[0] ?? closed);
}

/**
 * The month named in the text, resolved against today: `period` when it can be reported, else the question to
 * ask before any form opens (a month still to come, a month without a year whose occurrence this year is still to
 * come, a closed year for an owner, a month outside the plan), with the months this person may choose.
 */
function resolveMonth(
  choices: string[],
  now: Date,
  plan: { from: number; to: number },
  named: { period?: string; month?: number },
): { period?: string; ask?: { reason: (s: ReturnType<typeof reportStrings>) => string; options: string[] } } {
  const today = bogotaDate(now);
  const current = periodOf(today);
  const fallback = [defaultPeriod(choices, now), ...(choices.includes(current) ? [current] : [])];
  const uniq = (list: string[]) => [...new Set(list)].filter((p) => choices.includes(p));
  if (!named.period && !named.month) return {};
  if (named.month && !named.period) {
    const thisYear = makePeriod(yearOf(current), named.month);
    if (thisYear <= current && choices.includes(thisYear)) return { period: thisYear };
    const past = latestPeriodOfMonth(named.month, today);
    if (thisYear > current) {
      // «agosto» on 3 July 2025: August 2024 (maybe closed) or August 2025 (to come). Never chosen silently.
      const options = uniq([past, ...fallback]);
      return {
        ask: {
          reason: (s) => (choices.includes(past) ? s.monthAmbiguous(past, thisYear) : s.monthFuture(thisYear)),
          options,
        },
      };
    }
    return { ask: { reason: (s) => whyNot(s, thisYear), options: uniq(fallback) } };
  }
  const p = named.period!;
  if (choices.includes(p)) return { period: p };
  return { ask: { reason: (s) => whyNot(s, p), options: uniq(fallback) } };

  function whyNot(s: ReturnType<typeof reportStrings>, p: string): string {
    const y = yearOf(p);
    if (p > current) return s.monthFuture(p);
    if (y < plan.from || y > plan.to) return s.monthOutsidePlan(p, plan.from, plan.to);
    return s.monthClosedYear(p);
  }
}

async function allowedIndicators(services: Services, turn: ChatTurn): Promise<Indicator[]> {
  const ids = new Set(await reportableIndicators(services, turn.actor));
  return services.plan.objectives.flatMap((o) => o.indicators).filter((i) => ids.has(i.id));
}

async function lastReportOf(services: Services, indicators: readonly Indicator[]) {
  const wanted = new Set(indicators.map((i) => i.id));
  const lookup = reportLookup((await services.store.latestReports()).filter((r) => wanted.has(r.indicatorId)));
  return (id: string) => {
    const eff = effectiveByPeriod(lookup.latestOfIndicator(id), id); // not every stored correction
    return eff[eff.length - 1];
  };
}

interface FormState {
  formId: string;
  values: FormValues;
  errors?: FieldError[];
  notice?: string | null;
}

async function formCard(services: Services, turn: ChatTurn, indicators: Indicator[], state: FormState) {
  const admin = await isAdmin(services, turn.actor);
  return reportFormCard({
    lang: turn.lang,
    formId: state.formId,
    indicators,
    periods: periodChoices(services, turn.now, admin),
    currentPeriod: periodOf(bogotaDate(turn.now)),
    values: state.values,
    errors: state.errors,
    notice: state.notice,
    lastReport: await lastReportOf(services, indicators),
  });
}

/** The stored report of an indicator's month that counts (its highest version), if any. */
async function storedReport(services: Services, indicatorId: string, period: string) {
  const versions = await services.store.latestReports({ indicatorId });
  return effectiveByPeriod(versions, indicatorId).find((r) => r.period === period);
}

/** Opens the form; `requested` comes from the text ("reportar avance 4263 junio") or a status card's button. */
export async function startReport(
  services: Services,
  turn: ChatTurn,
  requested: { indicatorId?: string; period?: string; month?: number; values?: FormValues; notice?: string } = {},
): Promise<ChatResult> {
  const s = reportStrings(turn.lang);
  const indicators = await allowedIndicators(services, turn);
  if (!indicators.length) {
    return reply.card(messageCard({ title: s.noIndicatorsTitle, text: s.noIndicatorsText }), s.noIndicatorsTitle);
  }
  let notice: string | null = requested.notice ?? null;
  let selected: string | undefined;
  if (requested.indicatorId) {
    const ind = findIndicator(services.plan, requested.indicatorId);
    if (!ind) notice = s.unknownIndicatorNotice(requested.indicatorId.slice(0, 40));
    else if (!indicators.some((i) => i.id === ind.id)) notice = s.notOwnerOf(ind.id);
    else selected = ind.id;
  }
  if (!selected && indicators.length === 1) selected = indicators[0].id;
  const choices = periodChoices(services, turn.now, await isAdmin(services, turn.actor));
  const month = resolveMonth(choices, turn.now, services.plan.period, requested);
  if (month.ask) {
    // Asked before the form opens: nothing typed is lost to a month that would be refused on sending.
    const current = periodOf(bogotaDate(turn.now));
    const card = messageCard({
      title: s.whichMonthTitle,
      text: month.ask.reason(s),
      actions: month.ask.options.map((p) => ({
        title: s.monthChoice(p, p === current),
        data: reportStart(selected, p),
      })),
    });
    return reply.card(card, s.whichMonthTitle);
  }
  const period = month.period ?? defaultPeriod(choices, turn.now);
  let values: FormValues = { ...requested.values, indicatorId: selected ?? '', period };
  const ind = selected ? findIndicator(services.plan, selected) : undefined;
  const stored = ind && !requested.values ? await storedReport(services, ind.id, period) : undefined;
  if (ind && stored) {
    // A month already reported opens with what is stored, and says which version sending it makes.
    values = {
      ...values,
      value: inputText(stored.value, ind.unit, turn.lang),
      logros: stored.logros,
      dificultades: stored.dificultades ?? '',
      evidencia: stored.evidencia ?? '',
    };
    const line = s.formPrefilled(period, stored.version, stored.version + 1);
    notice = notice ? `${notice}\n\n${line}` : line;
  }
  const card = await formCard(services, turn, indicators, { formId: randomUUID(), values, notice });
  return reply.card(card, s.formTitle);
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;

/** The form's inputs as posted (strings; anything else is dropped). */
function formValues(data: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const f of REPORT_FIELDS) {
    const v = str(data[f]);
    // Cut only far beyond every limit: a text over its limit is refused naming the field, the limit and its length.
    if (v !== undefined) out[f] = v.slice(0, MAX_POSTED);
  }
  return out;
}

/** Characters kept of a posted input (the longest limit is 2,000): enough to tell the person the length they sent. */
const MAX_POSTED = 100_000;

const FORM_ID = /^[A-Za-z0-9-]{8,80}$/;

/** What a submit keeps of the turn, beyond the store's own timeout, to answer once its write is done. */
const DEADLINE_MARGIN_MS = 1000;

/** `work`'s value, or undefined when the turn's deadline comes first (what is shown after a write, not the write). */
async function beforeDeadline<T>(turn: ChatTurn, work: Promise<T>): Promise<T | undefined> {
  const safe = work.catch(() => undefined);
  if (turn.deadline === undefined) return safe;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((r) => {
    timer = setTimeout(() => r(undefined), Math.max(0, turn.deadline! - Date.now() - DEADLINE_MARGIN_MS / 2));
    timer.unref();
  });
  try {
    return await Promise.race([safe, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The indicator's figures of `year` as of this turn (the report just stored counts in them). */
async function figuresAfter(services: Services, turn: ChatTurn, ind: Indicator, year: number) {
  const fig = (await services.status.figures(year, bogotaDate(turn.now))).objectives[
    ind.objective - 1
  ]?.indicators.find((f) => f.indicator.id === ind.id);
  return fig ? { year, status: fig.status, progress: fig.progress, expected: fig.expected } : undefined;
}

export const submitAction: ActionHandler = async (services, turn, data) => {
  const s = reportStrings(turn.lang);
  const formId = str(data.formId);
  const values = formValues(data);
  if (!formId || !FORM_ID.test(formId)) {
    return reply.card(messageCard({ title: s.refusedTitle, text: s.invalidFormText, color: 'attention' }));
  }
  const admin = await isAdmin(services, turn.actor);
  if (
    turn.deadline !== undefined &&
    Date.now() + (services.config.storeTimeoutMs ?? 0) + DEADLINE_MARGIN_MS > turn.deadline
  ) {
    // Too little of the turn is left for the write to finish before the person is answered: not started at all.
    const why = 'too little of the turn left to store the report';
    return storeFailure(
      turn,
      new StoreError('unavailable', { kind: 'pg-unavailable', cause: 'timeout', why }),
      VERB_REPORT_SUBMIT,
    );
  }
  let result;
  try {
    result = await submitReport(services.store, {
      plan: services.plan,
      actor: turn.actor,
      isAdmin: admin,
      input: values,
      submissionId: formId,
      now: turn.now,
      source: 'teams',
      lang: turn.lang,
      ...(turn.deadline !== undefined ? { commitBy: turn.deadline - DEADLINE_MARGIN_MS } : {}),
    });
  } catch (e) {
    if (e instanceof StoreError) return storeFailure(turn, e, VERB_REPORT_SUBMIT);
    throw e;
  }
  switch (result.status) {
    case 'stored': {
      // One card answers the submit: the confirmation, with the indicator's new figure (its «Ver indicador»
      // button opens the whole card). With Action.Execute it is the invoke's answer: no connector call at all.
      const confirmation = reportConfirmationCard({
        lang: turn.lang,
        indicator: result.indicator,
        record: result.record,
        notes: result.warnings.map((w) => w.message),
        // Stored: the answer says so even if the figures cannot be read now (the store went away after the commit).
        figures: await beforeDeadline(
          turn,
          figuresAfter(services, turn, result.indicator, yearOf(result.record.period)),
        ),
      });
      return { replaceSource: confirmation, replies: [] };
    }
    case 'duplicate': {
      // The confirmation says it was already stored (its text): nothing else to send.
      const confirmation = reportConfirmationCard({
        lang: turn.lang,
        indicator: result.indicator,
        record: result.record,
        duplicate: true,
      });
      return { replaceSource: confirmation, replies: [] };
    }
    case 'unknown-indicator':
    case 'forbidden':
      // A payload naming an indicator the user may not report (or none that exists): refused, nothing stored.
      return reply.card(
        messageCard({ title: s.refusedTitle, text: result.message, color: 'attention' }),
        s.refusedTitle,
      );
    case 'invalid': {
      const indicators = await allowedIndicators(services, turn);
      return {
        replaceSource: await formCard(services, turn, indicators, { formId, values, errors: result.errors }),
        replies: [],
      };
    }
  }
};

export const cancelAction: ActionHandler = (_services, turn) => {
  const s = reportStrings(turn.lang);
  return { replaceSource: messageCard({ title: s.cancelledTitle, text: s.cancelledText }), replies: [] };
};

export const reportModule: ChatModule = {
  intents: {
    'report-start': (services, turn, u: Understanding) =>
      startReport(services, turn, {
        indicatorId: u.indicatorId ?? (u.indicatorIds?.length === 1 ? u.indicatorIds[0] : undefined),
        period: u.period,
        month: u.month,
      }),
  },
  actions: {
    'report-start': (services, turn, data) =>
      startReport(services, turn, { indicatorId: str(data.indicatorId), period: str(data.period) }),
    [VERB_REPORT_SUBMIT]: submitAction,
    [VERB_REPORT_CANCEL]: cancelAction,
  },
};
