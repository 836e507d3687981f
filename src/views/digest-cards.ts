import { DateTime } from 'luxon';
import { ZONE } from '../calendar';
import type { DigestModel } from '../digest/compose';
import type { Reminder } from '../digest/reminders';
import {
  formatDate,
  formatPercent,
  formatPeriodLong,
  formatValue,
  joinList,
  progressBar,
  BAR_SIZES,
  statusColor,
  statusEmoji,
  statusLabel,
  statusText,
  shownStatus,
  type StatusFacts,
  type ShownStatus,
  truncate,
  type Lang,
} from './format';
import { escapeMarkdown } from './escape';
import { digestStrings, type DigestStrings } from '../i18n';
import { renderCard, type CardJson } from './render';
import { ask, reportStart, showIndicator, showLagging, showObjective, showPlan, type CardActionData } from './verbs';
import { ownerName } from './names';

/**
 * The digest, the reminder and the subscription confirmations as Adaptive Cards (cards/digest.json,
 * cards/reminder.json, cards/subscription.json). Plain view models in, cards out; every word from digest-i18n.ts.
 */

/** Items each list of the digest shows before "y N más". */
export const MAX_DIGEST_LIST = 10;
/** Characters kept of an indicator's name in the lists. */
const NAME_MAX = 90;
const SEP = ' · ';

interface ActionView {
  title: string;
  data: CardActionData;
}

interface RowView {
  heading: string;
  detail: string | null;
  actionTitle: string;
  action: CardActionData;
}

function cut<T>(items: readonly T[], s: DigestStrings): { shown: T[]; more: string | null } {
  const shown = items.slice(0, MAX_DIGEST_LIST);
  return { shown, more: items.length > shown.length ? s.andMore(items.length - shown.length) : null };
}

/** "lunes 7 de julio de 2025" / "Monday, July 7, 2025" for a calendar date. */
export function dayAndDate(isoDate: string, lang: Lang): string {
  const s = digestStrings(lang);
  const wd = DateTime.fromISO(isoDate, { zone: ZONE }).weekday;
  return s.dayAndDate(s.weekdays[wd - 1], formatDate(isoDate, lang));
}

/** "lunes 14 de julio de 2025, 8:00 a. m." for an instant, in Bogotá. */
export function dayDateAndTime(instant: Date, lang: Lang): string {
  const s = digestStrings(lang);
  const dt = DateTime.fromJSDate(instant, { zone: ZONE });
  return `${dayAndDate(dt.toISODate()!, lang)}, ${s.time(dt.hour, dt.minute)}`;
}

function namesOr(owners: readonly string[], s: DigestStrings, lang: Lang, fallback?: string | null): string {
  const shown = owners.map((name) => escapeMarkdown(ownerName({ name }, lang)));
  return owners.length ? joinList(shown, lang) : (fallback ?? s.noOwner);
}

export interface DigestCardOptions {
  lang: Lang;
  /** For a digest sent on demand: who asked. */
  requestedBy?: string;
}

export function digestCard(m: DigestModel, opts: DigestCardOptions): CardJson {
  const lang = opts.lang;
  const s = digestStrings(lang);
  const p = m.plan;

  const objectiveRows = m.objectives.map((o) => ({
    heading: `${statusEmoji(o)} ${s.objectiveRow(o.number, o.shortName)}`,
    detail: s.objectiveDetail(statusLabel(o, lang), formatPercent(o.expected, lang), o.pending),
    progressText: formatPercent(o.progress, lang),
    color: statusColor(o),
    actionTitle: s.seeObjective(o.number),
    action: showObjective(o.number),
  }));
  const buttons = m.objectives.map((o) => ({ title: s.objectiveButton(o.number), data: showObjective(o.number) }));
  const buttonRows: { buttons: ActionView[] }[] = [];
  for (let i = 0; i < buttons.length; i += 5) buttonRows.push({ buttons: buttons.slice(i, i + 5) });

  // Changes
  const received = cut(m.changes.byIndicator, s);
  const reportRows: RowView[] = received.shown.map((g) => ({
    heading: `**${g.indicatorId}**${SEP}${truncate(g.name, NAME_MAX)}`,
    detail: g.reports
      .map((r) =>
        s.reportLine(
          formatPeriodLong(r.period, lang),
          formatValue(r.value, g.unit, lang),
          escapeMarkdown(r.author),
          r.version,
        ),
      )
      .join('\n\n'),
    actionTitle: s.seeIndicator(g.indicatorId),
    action: showIndicator(g.indicatorId),
  }));
  const changes = cut(m.changes.statusChanges, s);
  const statusRows: RowView[] = changes.shown.map((c) => {
    const label =
      c.kind === 'plan' ? s.planLabel : c.kind === 'objective' ? s.objectiveLabel(c.objective!) : `**${c.ref}**`;
    return {
      heading: `${label}${SEP}${truncate(c.name, NAME_MAX)}`,
      detail: `${statusText(c.from, lang)} → ${statusText(c.to, lang)}`,
      actionTitle:
        c.kind === 'indicator'
          ? s.seeIndicator(c.ref)
          : c.kind === 'objective'
            ? s.seeObjective(c.objective!)
            : s.btnSeePlan,
      action:
        c.kind === 'indicator'
          ? showIndicator(c.ref)
          : c.kind === 'objective'
            ? showObjective(c.objective!)
            : showPlan(),
    };
  });
  const sinceDate = formatDate(DateTime.fromISO(m.changes.since, { zone: ZONE }).toISODate()!, lang);
  const reportCountText = m.changes.reportCount
    ? s.reportsReceived(m.changes.reportCount, m.changes.byIndicator.length)
    : s.noReports;

  // Lagging
  const lag = cut(m.lagging, s);
  const laggingRows: RowView[] = lag.shown.map((l) => ({
    heading: `${statusEmoji(l.status)} **${l.indicatorId}**${SEP}${truncate(l.name, NAME_MAX)}`,
    detail: `${s.objectiveLabel(l.objective)}${SEP}${s.laggingDetail(formatPercent(l.progress, lang), formatPercent(l.expected, lang), namesOr(l.owners, s, lang, l.area))}`,
    actionTitle: s.seeIndicator(l.indicatorId),
    action: showIndicator(l.indicatorId),
  }));
  const red = m.lagging.filter((l) => l.status === 'rojo').length;
  // Celebrate only when nothing lags at all: no red or unreported plan or objective, no indicator without reports.
  const behind = (x: StatusFacts) => ['rojo', 'sin-reportes'].includes(shownStatus(x));
  const calm = m.unreported.count === 0 && !behind(p) && !m.objectives.some(behind);

  // Pending
  // Indicators whose owners can be named first: those are the people to call; the unassigned ones after.
  const pendingSorted = [
    ...m.pending.items.filter((x) => x.owners.length),
    ...m.pending.items.filter((x) => !x.owners.length),
  ];
  const pend = cut(pendingSorted, s);
  const unassigned = m.pending.items.filter((x) => !x.owners.length).length;
  const pendingRows: RowView[] = pend.shown.map((x) => ({
    heading: `**${x.indicatorId}**${SEP}${truncate(x.name, NAME_MAX)}`,
    detail: `${s.objectiveLabel(x.objective)}${SEP}${s.pendingOwners(namesOr(x.owners, s, lang))}`,
    actionTitle: s.seeIndicator(x.indicatorId),
    action: showIndicator(x.indicatorId),
  }));
  const periodText = formatPeriodLong(m.pending.period, lang);

  // The glance: what fits one screen of a 446 px card; the lists are one tap away (Action.ShowCard «Ver el detalle»).
  const order: ShownStatus[] = [
    'verde',
    'adelantado',
    'sobre-ejecucion',
    'amarillo',
    'rojo',
    'sin-reportes',
    'sin-datos',
    'sin-meta',
  ];
  const byColour = new Map<string, number>();
  for (const st of order) {
    const n = m.objectives.filter((o) => shownStatus(o) === st).length;
    if (n) byColour.set(statusEmoji(st), (byColour.get(statusEmoji(st)) ?? 0) + n);
  }
  const glance = [
    { text: s.objectivesGlance([...byColour].map(([e, n]) => `${e} ${n}`).join(SEP)), color: 'default' },
    { text: reportCountText, color: 'default' },
    {
      text: m.lagging.length
        ? s.laggingHeading(red, m.lagging.length - red)
        : calm
          ? s.noLagging
          : s.noLaggingButBehind(m.unreported.count, m.unreported.withTarget, m.year),
      color: red ? 'attention' : 'default',
    },
    {
      text: s.pendingGlance(periodText, m.pending.items.length, dayAndDate(m.pending.deadline, lang)),
      color: 'default',
    },
  ];

  const view = {
    title: s.digestTitle,
    glance,
    detailTitle: s.btnDetail,
    planName: p.name,
    period: s.digestPeriod(m.year, formatDate(m.asOf, lang)),
    onDemand: opts.requestedBy ? s.digestOnDemand(escapeMarkdown(opts.requestedBy)) : null,
    statusCaption: s.planStatusCaption,
    statusText: statusText(p, lang),
    statusColor: statusColor(p),
    bars: [
      progressBar(p.progress, lang, { status: p, label: s.annualProgress(m.year), ...BAR_SIZES.headline }),
      progressBar(p.expected, lang, { label: s.expectedToDate, style: 'expected', ...BAR_SIZES.headline }),
      progressBar(p.cumulative, lang, { label: s.fourYearProgress, style: 'accent', ...BAR_SIZES.headline }),
    ],
    objectivesHeading: s.objectivesHeading,
    objectives: objectiveRows,
    openHeading: s.openObjectiveHeading,
    buttonRows,
    changesHeading: m.changes.firstDigest ? s.changesHeadingFirst(7) : s.changesHeading(sinceDate),
    reportCountText,
    reports: reportRows,
    reportsMore: received.more,
    statusHeading: m.changes.statusChanges.length ? s.statusChangesHeading(m.changes.statusChanges.length) : null,
    statusNote: m.changes.statusChanges.length
      ? null
      : m.changes.firstDigest
        ? s.firstDigestNoChanges
        : s.noStatusChanges,
    statusChanges: statusRows,
    statusMore: changes.more,
    laggingHeading: s.laggingHeading(red, m.lagging.length - red),
    laggingNote: m.lagging.length
      ? null
      : calm
        ? s.noLagging
        : s.noLaggingButBehind(m.unreported.count, m.unreported.withTarget, m.year),
    lagging: laggingRows,
    laggingMore: lag.more,
    pendingHeading: s.pendingHeading(periodText, dayAndDate(m.pending.deadline, lang)),
    pendingNote: m.pending.items.length ? null : s.noPending(periodText),
    pendingSummary: m.pending.items.length ? s.pendingSummary(m.pending.items.length, unassigned) : null,
    pending: pendingRows,
    pendingMore: pend.more,
    complianceLine: m.compliance
      ? s.complianceLine(
          m.compliance.year,
          m.compliance.onTime,
          m.compliance.late,
          m.compliance.missing,
          m.compliance.open,
        )
      : null,
    actions: [
      { title: s.btnSeePlan, data: showPlan() },
      { title: s.btnLagging, data: showLagging() },
    ],
  };
  return renderCard('digest', view);
}

export function digestSummary(lang: Lang): string {
  return digestStrings(lang).summary;
}

export function reminderCard(rem: Reminder, lang: Lang = 'es'): CardJson {
  const s = digestStrings(lang);
  const period = formatPeriodLong(rem.period, lang);
  const first = escapeMarkdown(rem.owner.name.trim().split(/\s+/)[0] || rem.owner.name);
  const list = cut(rem.indicators, s);
  const actions: ActionView[] = [];
  if (rem.indicators.length === 1) actions.push({ title: s.btnReport, data: reportStart(rem.indicators[0].id) });
  else {
    actions.push({ title: s.btnReport, data: reportStart() });
    for (const ind of rem.indicators.slice(0, 4))
      actions.push({ title: s.btnReportIndicator(ind.id), data: reportStart(ind.id) });
  }
  const view = {
    title: s.reminderTitle(period),
    greeting: s.reminderGreeting(first),
    when: s.reminderWhen(rem.daysLeft, period, dayAndDate(rem.deadline, lang)),
    listHeading: s.reminderList(rem.indicators.length),
    items: list.shown.map((i) => ({
      heading: `**${i.id}**${SEP}${truncate(i.name, NAME_MAX)}`,
      detail: s.objectiveLabel(i.objective),
      actionTitle: s.seeIndicator(i.id),
      action: showIndicator(i.id),
    })),
    more: list.more,
    howTo: s.reminderHowTo,
    actions,
  };
  return renderCard('reminder', view);
}

export function reminderSummary(rem: Reminder, lang: Lang = 'es'): string {
  return digestStrings(lang).reminderSummary(formatPeriodLong(rem.period, lang));
}

export type SubscriptionOutcome =
  'subscribed' | 'already-subscribed' | 'unsubscribed' | 'not-subscribed' | 'only-admins';

export interface SubscriptionView {
  outcome: SubscriptionOutcome;
  lang: Lang;
  scope: 'personal' | 'groupChat' | 'channel';
  /** The next scheduled digest (for subscribed / already-subscribed). */
  nextRun?: Date | null;
  /** Who subscribed (for already-subscribed: who did it first). */
  by?: string;
  /** Shows "Enviar resumen ahora". */
  isAdmin?: boolean;
}

export function subscriptionCard(v: SubscriptionView): CardJson {
  const s = digestStrings(v.lang);
  const where = v.scope === 'channel' ? s.whereChannel : v.scope === 'groupChat' ? s.whereGroup : s.wherePersonal;
  const facts: { title: string; value: string }[] = [];
  let title: string;
  let text: string;
  let color = 'good';
  const actions: ActionView[] = [];
  const cmd = (t: string) => ask(t);
  switch (v.outcome) {
    case 'subscribed':
    case 'already-subscribed':
      title = v.outcome === 'subscribed' ? s.subscribedTitle : s.alreadySubscribedTitle;
      text = v.outcome === 'subscribed' ? s.subscribedText(where) : s.alreadySubscribedText(where);
      if (v.outcome === 'already-subscribed') color = 'default';
      if (v.nextRun) facts.push({ title: s.factNext, value: s.scheduleText(dayDateAndTime(v.nextRun, v.lang)) });
      if (v.by) facts.push({ title: s.factBy, value: v.by });
      if (v.isAdmin) actions.push({ title: s.btnSendNow, data: cmd(s.cmdSendNow) });
      actions.push({ title: s.btnUnsubscribe, data: cmd(s.cmdUnsubscribe) });
      break;
    case 'unsubscribed':
    case 'not-subscribed':
      title = v.outcome === 'unsubscribed' ? s.unsubscribedTitle : s.notSubscribedTitle;
      text = v.outcome === 'unsubscribed' ? s.unsubscribedText(where) : s.notSubscribedText(where);
      color = v.outcome === 'unsubscribed' ? 'good' : 'default';
      actions.push({ title: s.btnSubscribe, data: cmd(s.cmdSubscribe) });
      break;
    case 'only-admins':
      title = s.onlyAdminsTitle;
      text = s.onlyAdminsText;
      color = 'attention';
      actions.push({ title: s.btnSubscribe, data: cmd(s.cmdSubscribe) });
      break;
  }
  return renderCard('subscription', { title, text, color, facts: facts.length ? facts : null, actions });
}
